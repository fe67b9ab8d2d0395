// <product-configurator> in headless Chromium on BusyBox (631 features as on/off
// switches), a CDL board (aki3068net, 1,220 features, a decision-DNNF) and automotive02_01
// (14,010 features, only the rows near the viewport rendered): first render (catalog by
// URL checked in the page and compiled in a worker, or published with its precompiled
// space), and the
// cpq bench protocol as real clicks: 30 steps, seed 1, each a click on a switch of an
// undecided feature, timed to the next painted frame. The page loads the built
// per-element bundle (`npm run build` first), as a reseller's page would, from a
// loopback server (a secure context, as https pages are).
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { compile, importDimacs, importUvl, saveSpace } from '../../packages/engine/dist/index.js';
import { summarise, report } from './lib.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const models = `${root}packages/engine/test/models`;
/** The models, and whether each is also measured without its space (checked and compiled in the worker). */
const cases = [
  { name: 'BusyBox', file: 'dimacs/busybox_2010-05-02_14-17-07.dimacs', alone: true },
  { name: 'aki3068net (CDL)', file: 'dimacs/aki3068net.dimacs', alone: false },
  { name: 'automotive02_01', file: 'uvl/automotive02_01.uvl', alone: false },
];

function chrome() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path) => path && existsSync(path));
}

/** Runs in the page: first render (with or without a space), then 30 seeded clicks. */
async function measure({ path, withSpace, steps, seed, block }) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  document.body.replaceChildren();
  await frame();
  // Long tasks (over 50 ms) on the main thread while loading and clicking: the page must never freeze.
  const longTasks = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: 'longtask' });
  const el = document.createElement('product-configurator');
  const started = performance.now();
  // As a reseller publishes it: the catalog by URL, and its precompiled space beside it (or not).
  el.src = `${path}.json`;
  if (withSpace) el.setAttribute('space-src', `${path}.space.json`);
  document.body.append(el);
  while (!el.shadowRoot?.querySelector('[part~="summary"]')) {
    const error = el.shadowRoot?.querySelector('[part~="error"]');
    if (error) throw new Error(error.textContent);
    if (performance.now() - started > 60_000) throw new Error('the configurator did not render within a minute');
    await new Promise((r) => setTimeout(r, 1));
  }
  await el.updateComplete;
  await frame();
  const firstRender = performance.now() - started;
  // Large products render in slices, one per frame: wait for the last one. Long ones
  // (in blocks) render only the rows near the viewport: wait for those.
  const product = el.session.compiled.product;
  const features = product.attributes.length;
  const windowed = el.shadowRoot.querySelector('[data-block]') !== null;
  if (windowed) await frame();
  else while (el.shadowRoot.querySelectorAll('[role="switch"]').length < features) await frame();
  const fullRender = performance.now() - started;
  const rowsAfterLoad = el.shadowRoot.querySelectorAll('[part~="attribute"]').length;
  // The block of each attribute, numbered as the element does: the attributes without a
  // section first, then each section's, {block} to a block.
  const blockOf = new Map();
  if (windowed) {
    const known = new Set((product.sections ?? []).map((s) => s.id));
    const groups = [product.attributes.filter((a) => !known.has(a.section)), ...(product.sections ?? []).map((s) => product.attributes.filter((a) => a.section === s.id))].filter((g) => g.length > 0);
    let n = 0;
    for (const group of groups) for (let at = 0; at < group.length; at += block, n++) for (const a of group.slice(at, at + block)) blockOf.set(a.id, n);
  }
  // mulberry32, as `cpq bench`.
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const clicks = [];
  for (let step = 0; step < steps; step++) {
    const session = el.session;
    const domains = session.domains();
    const selections = session.selections; // read once: the getter builds the object
    const open = session.compiled.product.attributes.filter((x) => !(x.id in selections) && domains[x.id].length >= 2);
    if (open.length === 0) break;
    const attribute = open[Math.floor(random() * open.length)];
    const value = domains[attribute.id][Math.floor(random() * domains[attribute.id].length)];
    let input = el.shadowRoot.querySelector(`input[id$="-${CSS.escape(attribute.id)}"]`);
    if (!input && windowed) {
      // As a buyer scrolls to the feature (not timed): its block renders when near the viewport.
      el.shadowRoot.querySelector(`[data-block="${blockOf.get(attribute.id)}"]`).scrollIntoView({ block: 'center' });
      while (!(input = el.shadowRoot.querySelector(`input[id$="-${CSS.escape(attribute.id)}"]`))) await frame();
      await frame();
    }
    // A switch is off until chosen: choosing "on" is a click; choosing "off" is two (on,
    // then off), each timed as a click to its next frame.
    for (let n = value === false ? 2 : 1; n > 0; n--) {
      const start = performance.now();
      input.click();
      await el.updateComplete;
      await frame();
      clicks.push(performance.now() - start);
    }
  }
  await frame();
  observer.disconnect();
  return { firstRender, fullRender, clicks, features, rowsAfterLoad, rows: el.shadowRoot.querySelectorAll('[part~="attribute"]').length, longTasks };
}

const executablePath = chrome();
if (!executablePath || !existsSync(join(root, 'packages/components/dist/cdn/product-configurator.js'))) {
  console.log('\n## configurator-browser\n\nskipped: no Chrome or Chromium (set CHROME_PATH), or no build');
} else {
  // What a reseller publishes: the catalog, and its precompiled space beside it (`cpq compile`).
  const published = {};
  for (const { file } of cases) {
    const text = readFileSync(join(models, file), 'utf8');
    const name = file.replace(/^.*\/|\.\w+$/g, '');
    const { catalog } = file.endsWith('.uvl') ? importUvl(text, { name }) : importDimacs(text, { name });
    published[`/${name}.json`] = JSON.stringify(catalog);
    published[`/${name}.space.json`] = JSON.stringify(await saveSpace(compile(catalog, { timeLimit: 120_000 })));
  }
  const browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  // A page on loopback is a secure context, as a reseller's https page is: loading a space hashes with WebCrypto.
  const cdn = join(root, 'packages/components/dist/cdn');
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (path === '/') {
      // The script a page with the configurator alone embeds (README, "Using it").
      response.end('<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/product-configurator.js"></script></head><body></body></html>');
      return;
    }
    if (published[path]) return response.writeHead(200, { 'content-type': 'application/json' }).end(published[path]);
    const file = join(cdn, path);
    if (!file.startsWith(cdn) || !existsSync(file)) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const results = {};
    for (const { name: label, file, alone } of cases) {
      const path = `/${file.replace(/^.*\/|\.\w+$/g, '')}`;
      const ways = [...(alone ? [['checked in the page, compiled in a worker', false]] : []), ['published with its precompiled space', true]];
      for (const [how, withSpace] of ways) {
        const page = await browser.newPage();
        await page.setViewport({ width: 1280, height: 800 });
        await page.goto(`http://127.0.0.1:${server.address().port}/`);
        await page.waitForFunction(() => customElements.get('product-configurator'));
        const r = await page.evaluate(measure, { path, withSpace, steps: 30, seed: 1, block: 40 });
        const s = summarise(r.clicks);
        results[`${label}, ${how} (${r.features} features)`] = {
          firstRenderMs: r.firstRender,
          shownMs: r.fullRender,
          rowsAfterLoad: r.rowsAfterLoad,
          rowsAtEnd: r.rows,
          clickP50: s.median,
          clickP95: s.p95,
          clickMax: s.max,
          clicks: r.clicks.length,
          longTasks: r.longTasks.length,
          longestTaskMs: r.longTasks.length ? Math.max(...r.longTasks) : 0,
        };
        await page.close();
      }
    }
    report('configurator-browser', results);
  } finally {
    await browser.close();
    server.close();
  }
}
