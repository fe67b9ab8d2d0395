// <product-comparison> in headless Chromium: first render and "show differences only" of
// 50 items × 200 attributes. The element and the engine are bundled from source with
// esbuild (minified, Lit's production build), as a page would load them; Chromium is
// the system's (CHROME_PATH, else the usual paths), driven by puppeteer-core.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { summarise, report } from './lib.mjs';
import { widePlans, wideConfigurations } from './data/comparison.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = Number(process.env.COMPARISON_BENCH_RUNS ?? 15);

function chrome() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  return candidates.find((path) => path && existsSync(path));
}

/** The element, and loadCatalog as globalThis.cpq.loadCatalog, in one minified module from the TypeScript source. */
async function bundle() {
  const result = await build({
    stdin: {
      contents: `import './packages/components/src/define/product-comparison.ts';\nimport { loadCatalog } from './packages/engine/src/index.ts';\nglobalThis.cpq = { loadCatalog };`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    platform: 'browser',
    alias: { '@cpq-kit/engine': `${root}packages/engine/src/index.ts` },
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

/** Runs in the page: renders the comparison `runs` times, each in a fresh element, and times it. */
async function measure({ catalog, items, baseline, runs }) {
  const { loadCatalog } = globalThis.cpq;
  const loaded = loadCatalog(catalog);
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const out = { render: [], renderFrame: [], toggle: [], toggleFrame: [], cells: 0 };
  for (let run = 0; run < runs; run++) {
    document.body.replaceChildren();
    await frame();
    const el = document.createElement('product-comparison');
    const start = performance.now();
    Object.assign(el, { catalog: loaded, items, context: { date: '2026-11-20' }, baseline, term: 36 });
    document.body.append(el);
    await el.updateComplete;
    el.shadowRoot.querySelector('table').getBoundingClientRect(); // style and layout
    out.render.push(performance.now() - start);
    await frame();
    out.renderFrame.push(performance.now() - start);
    out.cells = el.shadowRoot.querySelectorAll('td[part~="cell"]').length;
    const toggle = el.shadowRoot.querySelector('[part~="differences-toggle"] input');
    const on = performance.now();
    toggle.click();
    await el.updateComplete;
    el.shadowRoot.querySelector('table').getBoundingClientRect();
    out.toggle.push(performance.now() - on);
    await frame();
    out.toggleFrame.push(performance.now() - on);
  }
  return out;
}

const executablePath = chrome();
if (!executablePath) {
  console.log('\n## comparison-browser\n\nskipped: no Chrome or Chromium (set CHROME_PATH)');
} else {
  const code = await bundle();
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.setContent('<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ type: 'module', content: code });
    await page.waitForFunction(() => globalThis.cpq && customElements.get('product-comparison'));
    const cases = {
      '50 configurations × 200 attributes, prices, baseline': { ...wideConfigurations(), baseline: 'c0' },
      '50 plans × 200 features, prices, baseline': { ...widePlans(), baseline: 'plan0' },
    };
    const results = {};
    for (const [name, data] of Object.entries(cases)) {
      const r = await page.evaluate(measure, { ...data, runs: RUNS + 1 });
      // The first run is cold (nothing compiled or remembered yet): reported on its own.
      const pick = (samples) => summarise(samples.slice(1));
      results[`first render: ${name} (${r.cells} cells)`] = { cold: r.render[0], ...pick(r.render), 'to next frame': pick(r.renderFrame).median, budget: '100 ms' };
      results[`differences only: ${name}`] = { cold: r.toggle[0], ...pick(r.toggle), 'to next frame': pick(r.toggleFrame).median, budget: '50 ms' };
    }
    report('comparison-browser', results);
  } finally {
    await browser.close();
  }
}
