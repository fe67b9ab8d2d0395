// Server rendering (#18), on the built package: <product-sheet> and <quote-summary> render
// with @lit-labs/ssr to declarative shadow DOM that a browser shows before any script runs
// and then hydrates without rendering again (the same nodes, no mismatch), working
// afterwards; <product-configurator> renders its loading state. It runs the example that
// docs/server-rendering.md shows (examples/ssr/server.mjs), in Node and in Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { bundleClient, createHandler, demoData, renderConfigurator, renderQuote } from '../../../../examples/ssr/server.mjs';
import { chrome, siteInChromium } from './demo-server.mjs';

const data = await demoData();
const quote = JSON.parse(data.quoteText);
const { catalog } = data;

/** The console warnings `run` makes. */
async function warningsOf(run) {
  const warnings = [];
  const warn = console.warn;
  console.warn = (...args) => void warnings.push(args.join(' '));
  try {
    return { result: await run(), warnings };
  } finally {
    console.warn = warn;
  }
}

/** The declarative shadow root the server wrote for the first `<tag>`, without its styles and Lit's markers. */
function shadowOf(output, tag) {
  const match = new RegExp(`<${tag}\\b[^>]*><template shadowroot="open" shadowrootmode="open">([\\s\\S]*?)</template></${tag}>`).exec(output);
  assert.ok(match, `no declarative shadow root for <${tag}> in the output`);
  return match[1].replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<!--[\s\S]*?-->/g, '');
}

/** A promise and its resolve (Promise.withResolvers is Node 22). */
function deferred() {
  let resolve;
  const promise = new Promise((r) => (resolve = r));
  return { promise, resolve };
}

/** An amount as the elements write it (Intl's currency format in the reader's language). */
const money = (lang, { amount, currency }) => new Intl.NumberFormat(lang, { style: 'currency', currency }).format(amount);

describe('rendering on the server (Node)', () => {
  // First in this file: nothing has loaded the French texts yet.
  it('a language whose texts are not loaded renders in English and says what to do', async () => {
    const { result, warnings } = await warningsOf(() => collectResult(render(html`<product-sheet lang="fr" .catalog=${catalog} product="meeting-room"></product-sheet>`)));
    assert.match(shadowOf(result, 'product-sheet'), /Specifications/);
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /<product-sheet> was rendered on the server in English.*await loadTranslation\('fr'\)/);
  });

  it('renders the product sheet with the catalog’s texts: name, options, specifications', async () => {
    const { result, warnings } = await warningsOf(() => renderQuote({ catalog, quote, lang: 'en' }));
    const sheet = shadowOf(result, 'product-sheet');
    assert.match(sheet, /<h2 part="name" class="name" id="name">Meeting room system<\/h2>/);
    assert.match(sheet, /<caption part="product-specs-caption">Specifications<\/caption>/);
    assert.match(sheet, /98-inch 4K display/);
    assert.deepEqual(warnings, []);
  });

  it('renders the quote summary with its number, lines, prices and totals', async () => {
    const { result } = await warningsOf(() => renderQuote({ catalog, quote, lang: 'en' }));
    const summary = shadowOf(result, 'quote-summary');
    assert.match(summary, /Quote Q-2026-0042/);
    assert.ok(summary.includes(money('en', quote.totals.grandTotal)), `the grand total ${money('en', quote.totals.grandTotal)} is missing`);
    for (const line of quote.items[0].price.lines) assert.ok(summary.includes(money('en', line.net)), `the net price of ${line.item} is missing`);
    // Its buttons are there, working once it hydrates.
    assert.match(summary, /<button type="button" part="button primary-button" class="button primary"[^>]*>Accept quote<\/button>/);
  });

  it('renders a price breakdown with its configuration: the summary and its quote request button', async () => {
    const { price } = await import('@cpq-kit/engine');
    const { configuration } = quote.items[0];
    const breakdown = price(catalog, configuration, { date: '2026-11-20', segment: 'enterprise' });
    const summary = shadowOf(await collectResult(render(html`<quote-summary lang="en" .breakdown=${breakdown} .configuration=${configuration} .catalog=${catalog}></quote-summary>`)), 'quote-summary');
    assert.match(summary, /Price summary/);
    assert.ok(summary.includes(money('en', breakdown.totals.grandTotal)));
    assert.match(summary, />Request a quote<\/button>/);
  });

  it('renders German once its texts are loaded (renderQuote awaits loadTranslation), with no warning', async () => {
    const { result, warnings } = await warningsOf(() => renderQuote({ catalog, quote, lang: 'de' }));
    assert.match(shadowOf(result, 'product-sheet'), /Konferenzraumsystem/);
    const summary = shadowOf(result, 'quote-summary');
    assert.match(summary, /Angebot Q-2026-0042/);
    assert.ok(summary.includes(money('de', quote.totals.grandTotal)));
    assert.deepEqual(warnings, []);
  });

  it('gives the same HTML for the same inputs, render after render (nothing counts instances)', async () => {
    const first = await renderQuote({ catalog, quote, lang: 'en' });
    await collectResult(render(html`<quote-summary .quote=${quote}></quote-summary><quote-summary .quote=${quote}></quote-summary>`));
    assert.equal(await renderQuote({ catalog, quote, lang: 'en' }), first);
  });

  it('renders an element without `lang` in English (the server has no ancestors to ask)', async () => {
    const output = await collectResult(render(html`<product-sheet .catalog=${catalog}></product-sheet><quote-summary .quote=${quote}></quote-summary>`));
    assert.match(shadowOf(output, 'product-sheet'), />Huddle room system</);
    assert.match(shadowOf(output, 'quote-summary'), /Quote Q-2026-0042/);
  });

  it('renders the configurator’s loading state, from a URL or a catalog, and its empty state', async () => {
    const fromUrl = shadowOf(await renderConfigurator({ lang: 'en', src: '/catalog.json', product: 'meeting-room' }), 'product-configurator');
    assert.match(fromUrl, /^<p part="loading" class="loading" role="status">Loading the product…<\/p>$/);
    const german = shadowOf(await renderConfigurator({ lang: 'de', src: '/catalog.json', product: 'meeting-room' }), 'product-configurator');
    assert.match(german, /Produkt wird geladen/);
    const fromCatalog = await collectResult(render(html`<product-configurator .catalog=${catalog}></product-configurator>`));
    assert.match(shadowOf(fromCatalog, 'product-configurator'), /part="loading"/);
    const empty = await collectResult(render(html`<product-configurator></product-configurator>`));
    assert.match(shadowOf(empty, 'product-configurator'), /part="empty"/);
  });
});

describe('server-rendered elements in Chromium', { skip: chrome ? false : 'no Chrome or Chromium (set CHROME_PATH)' }, () => {
  /** The example's handler, with its browser script bundled (before the tests). */
  let handler;
  /** While set, the browser's script is held back: the page is what the server sent, and nothing else. */
  let held;
  const site = siteInChromium(async (request, response) => {
    if (request.url === '/client.js') await held?.promise;
    return handler(request, response);
  });
  before(async () => {
    handler = createHandler({ ...data, clientScript: await bundleClient() });
  });
  after(() => held?.resolve());

  /** A page that records console errors and warnings, and uncaught errors (a hydration mismatch throws). */
  async function newPage() {
    const page = await site.browser.newPage();
    const problems = [];
    page.on('console', (message) => {
      if (!['error', 'warn'].includes(message.type())) return;
      if (message.location()?.url?.endsWith('/favicon.ico')) return;
      problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    return { page, problems };
  }

  it('shows the content with JavaScript disabled: names and prices are in the shadow roots', async () => {
    const { page } = await newPage();
    try {
      await page.setJavaScriptEnabled(false);
      await page.goto(`${site.base}/?lang=de`);
      const seen = await page.evaluate(() => {
        const summary = document.querySelector('quote-summary').shadowRoot;
        const sheet = document.querySelector('product-sheet').shadowRoot;
        return {
          defined: customElements.get('quote-summary') !== undefined,
          name: sheet?.querySelector('[part~="name"]')?.textContent,
          heading: summary?.querySelector('[part~="heading"]')?.textContent,
          total: summary?.querySelector('[part~="total"] dd')?.textContent,
          // Styled already: the server's <style> is in the shadow root.
          totalsDisplay: summary && getComputedStyle(summary.querySelector('[part~="totals"]')).display,
        };
      });
      assert.deepEqual(seen, {
        defined: false,
        name: 'Konferenzraumsystem',
        heading: 'Angebot Q-2026-0042',
        total: money('de', quote.totals.grandTotal),
        totalsDisplay: 'grid',
      });
    } finally {
      await page.close();
    }
  });

  for (const lang of ['en', 'de']) {
    it(`hydrates without rendering again: the same nodes and HTML, no error, and the same DOM as a render in the browser (${lang})`, async () => {
      const { page, problems } = await newPage();
      held = deferred();
      try {
        const loaded = page.goto(`${site.base}/?lang=${lang}`, { waitUntil: 'load' });
        await page.waitForFunction(() => document.querySelector('quote-summary')?.shadowRoot?.querySelector('[part~="total"]') && document.querySelector('product-sheet')?.shadowRoot?.querySelector('[part~="name"]'));
        // Before any script of the page: every node of both shadow roots, kept in the page.
        const beforeScripts = await page.evaluate(() => {
          const elements = [...document.querySelectorAll('product-sheet, quote-summary')];
          window.serverNodes = elements.map((element) => [...element.shadowRoot.querySelectorAll('*')]);
          window.serverHtml = elements.map((element) => element.shadowRoot.innerHTML);
          return { defined: elements.map((element) => customElements.get(element.localName) !== undefined), nodes: window.serverNodes.map((nodes) => nodes.length) };
        });
        assert.deepEqual(beforeScripts.defined, [false, false]);
        assert.ok(beforeScripts.nodes.every((count) => count > 20), `few nodes: ${beforeScripts.nodes}`);
        held.resolve();
        await loaded;
        const afterScripts = await page.evaluate(async () => {
          const elements = [...document.querySelectorAll('product-sheet, quote-summary')];
          for (const element of elements) {
            await customElements.whenDefined(element.localName);
            await element.updateComplete;
          }
          return elements.map((element, i) => {
            const nodes = [...element.shadowRoot.querySelectorAll('*')];
            const server = window.serverNodes[i];
            return {
              tag: element.localName,
              hydrated: element.hasUpdated && !element.hasAttribute('defer-hydration'),
              sameNodes: nodes.length === server.length && nodes.every((node, n) => node === server[n]),
              sameHtml: element.shadowRoot.innerHTML === window.serverHtml[i],
            };
          });
        });
        assert.deepEqual(afterScripts, [
          { tag: 'product-sheet', hydrated: true, sameNodes: true, sameHtml: true },
          { tag: 'quote-summary', hydrated: true, sameNodes: true, sameHtml: true },
        ]);
        // Hydration keeps the server's text even where the browser would write another (it does
        // not compare): the same elements rendered in the browser must give the same DOM.
        const differences = await page.evaluate(async () => {
          // Elements with their attributes in name order (the order is not the same and means nothing), text; no comments.
          const canonical = (node) => {
            if (node.nodeType === Node.TEXT_NODE) return node.data;
            if (node.nodeType !== Node.ELEMENT_NODE) return '';
            const attributes = [...node.attributes].map((a) => ` ${a.name}="${a.value}"`).sort().join('');
            return `<${node.localName}${attributes}>${[...node.childNodes].map(canonical).join('')}</${node.localName}>`;
          };
          const markup = (element) => canonical(element.shadowRoot.querySelector('[part~="base"]'));
          const out = [];
          for (const server of document.querySelectorAll('product-sheet, quote-summary')) {
            const fresh = document.createElement(server.localName);
            fresh.lang = server.lang;
            fresh.catalog = server.catalog;
            if (server.localName === 'quote-summary') fresh.quote = server.quote;
            else fresh.product = server.product;
            document.body.append(fresh);
            await fresh.updateComplete;
            const [a, b] = [markup(server), markup(fresh)];
            if (a !== b) {
              const at = [...a].findIndex((c, i) => c !== b[i]);
              out.push(`${server.localName}: server …${a.slice(Math.max(0, at - 80), at + 80)}… browser …${b.slice(Math.max(0, at - 80), at + 80)}…`);
            }
            fresh.remove();
          }
          return out;
        });
        assert.deepEqual(differences, []);
        assert.deepEqual(problems, []);
      } finally {
        held.resolve();
        held = undefined;
        await page.close();
      }
    });
  }

  it('works once hydrated: a line opens its waterfall, Accept fires cpq-quote-accept, the sheet follows `product`', async () => {
    const { page, problems } = await newPage();
    try {
      await page.goto(`${site.base}/`, { waitUntil: 'load' });
      await page.evaluate(async () => {
        for (const element of document.querySelectorAll('product-sheet, quote-summary')) {
          await customElements.whenDefined(element.localName);
          await element.updateComplete;
        }
        document.addEventListener('cpq-quote-accept', (event) => (window.accepted = event.detail.quote.number));
      });
      const inSummary = (selector) => page.evaluateHandle((s) => document.querySelector('quote-summary').shadowRoot.querySelector(s), selector);
      const disclosure = await inSummary('[part~="disclosure"]');
      assert.equal(await disclosure.evaluate((button) => button.getAttribute('aria-expanded')), 'false');
      await disclosure.click();
      const opened = await disclosure.evaluate(async (button) => {
        await button.getRootNode().host.updateComplete;
        const row = button.getRootNode().getElementById(button.getAttribute('aria-controls'));
        return { expanded: button.getAttribute('aria-expanded'), rowHidden: row.hidden, steps: row.querySelectorAll('[part~="step"]').length };
      });
      assert.equal(opened.expanded, 'true');
      assert.equal(opened.rowHidden, false);
      assert.ok(opened.steps >= 2);
      await (await inSummary('[part~="primary-button"]')).click();
      assert.equal(await page.evaluate(() => window.accepted), 'Q-2026-0042');
      const name = await page.evaluate(async () => {
        const sheet = document.querySelector('product-sheet');
        sheet.product = 'huddle-room';
        await sheet.updateComplete;
        return sheet.shadowRoot.querySelector('[part~="name"]').textContent;
      });
      assert.equal(name, 'Huddle room system');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it('the configurator: its loading state before the scripts, then the product once they run', async () => {
    const { page, problems } = await newPage();
    held = deferred();
    try {
      const loaded = page.goto(`${site.base}/configure`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('product-configurator')?.shadowRoot?.querySelector('[part~="loading"]'));
      assert.equal(await page.evaluate(() => document.querySelector('product-configurator').shadowRoot.querySelector('[part~="loading"]').textContent), 'Loading the product…');
      held.resolve();
      await loaded;
      await page.waitForFunction(() => document.querySelector('product-configurator').shadowRoot.querySelector('[part~="name"]'));
      assert.equal(await page.evaluate(() => document.querySelector('product-configurator').shadowRoot.querySelector('[part~="name"]').textContent), 'Meeting room system');
      assert.deepEqual(problems, []);
    } finally {
      held.resolve();
      held = undefined;
      await page.close();
    }
  });
});
