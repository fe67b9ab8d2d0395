// What the standalone scripts (after `npm run build`) load on first use, in Chromium from a
// loopback server: the configurator compiles in the page only without a precompiled space,
// explains on the buyer's first conflict, and loads share links for a link in the address
// (`sync-url`) or the first action that needs one; the comparison prices over a ramp of
// yearly segments only with `uplift-percent`. Each chunk is found beside the script.
import assert from 'node:assert/strict';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compile, loadCatalog, saveSpace } from '@cpq-kit/engine';
import { chrome, root, siteInChromium } from './demo-server.mjs';

const cdn = fileURLToPath(new URL('../../dist/cdn/', import.meta.url));
const built = existsSync(join(cdn, 'product-configurator.js'));
const catalogText = readFileSync(new URL('examples/catalogs/av-rooms.json', root), 'utf8');
// The subscriptions catalog as loadCatalog returns it, for a page that marks it checked as loadCatalog does (a standalone script exports no loadCatalog).
const collabText = JSON.stringify(loadCatalog(readFileSync(new URL('examples/catalogs/collab-suite.json', root), 'utf8')));

/** A page with one comparison of the subscription plans and its standalone script; `attributes` on the element. */
const comparisonPage = (attributes) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/product-comparison.js"></script></head><body><product-comparison products="starter business enterprise" ${attributes}></product-comparison>
<script type="module">
  const freeze = (value) => (value && typeof value === 'object' && !Object.isFrozen(value) ? (Object.values(value).forEach(freeze), Object.freeze(value)) : value);
  const catalog = await (await fetch('/collab-suite.json')).json();
  Object.defineProperty(catalog, Symbol.for('cpq-kit.checked-catalog'), { value: true });
  document.querySelector('product-comparison').catalog = freeze(catalog);
</script></body></html>`;

/** A page with one configurator and its standalone script; `attributes` on the element. */
const page = (attributes) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/product-configurator.js"></script></head><body><product-configurator ${attributes}></product-configurator></body></html>`;

describe('the standalone scripts load on first use', { skip: !built ? 'not built' : !chrome ? 'no Chrome or Chromium found (set CHROME_PATH)' : false }, () => {
  let space = '';
  const site = siteInChromium((request, response) => {
    const url = new URL(request.url, 'http://x');
    const path = normalize(decodeURIComponent(url.pathname));
    if (path === '/') return response.end(page(url.searchParams.get('attributes') ?? ''));
    if (path === '/compare') return response.end(comparisonPage(url.searchParams.get('attributes') ?? ''));
    if (path === '/collab-suite.json') return response.end(collabText);
    if (path === '/av-rooms.json') return response.end(catalogText);
    if (path === '/meeting-room.space.json') return response.end(space);
    const file = join(cdn, path);
    if (!file.startsWith(cdn) || !existsSync(file)) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });

  /** Opens `path` with the element's attributes; resolves once `ready` holds in the page, with the chunks requested so far. */
  async function openPage(path, attributes, ready, hash = '') {
    const tab = await site.browser.newPage();
    const errors = [];
    const chunks = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    tab.on('request', (request) => {
      const match = /\/chunks\/([a-z-]+)-[\w-]{8}\.js$/.exec(new URL(request.url()).pathname);
      if (match) chunks.push(match[1]);
    });
    await tab.goto(`${site.base}${path}?attributes=${encodeURIComponent(attributes)}${hash}`);
    await tab.waitForFunction(ready);
    return { tab, errors, chunks };
  }
  /** The configurator's page, once the product is shown. */
  const open = (attributes, hash = '') =>
    openPage('/', attributes, () => document.querySelector('product-configurator').shadowRoot?.querySelector('[part~="total"]'), hash);

  /** Clicks the option named `name` of the attribute named `attributeName`, in the page. */
  const pick = (tab, attributeName, name) =>
    tab.evaluate(
      (attributeName, name) => {
        const root = document.querySelector('product-configurator').shadowRoot;
        const attribute = [...root.querySelectorAll('[part~="attribute"]')].find((a) => a.querySelector('[part~="attribute-name"]')?.textContent.trim() === attributeName);
        [...attribute.querySelectorAll('[part~="option"]')].find((o) => o.querySelector('[part~="option-name"]')?.textContent.trim() === name).querySelector('input').click();
      },
      attributeName,
      name,
    );

  it('compiles in the page without a space, and explains on the first conflict', async () => {
    const { tab, errors, chunks } = await open('src="/av-rooms.json" product="meeting-room"');
    assert.ok(chunks.includes('compile-in-page'), `no space: the product is compiled in the page (chunks: ${chunks})`);
    assert.ok(!chunks.includes('explanations') && !chunks.includes('share-links'), `nothing else up front (chunks: ${chunks})`);
    await pick(tab, 'Display size', '98-inch 4K display');
    await pick(tab, 'Mounting', 'Wall mount');
    await tab.waitForFunction(() => document.querySelector('product-configurator').shadowRoot.querySelector('[part~="conflict"]'));
    const conflict = await tab.$eval('product-configurator', (el) => el.shadowRoot.querySelector('[part~="conflict"] p').textContent.trim());
    assert.equal(conflict, 'Mounting: Wall mount is not available with Display size: 98-inch 4K display.');
    assert.ok(chunks.includes('explanations'), `explained with the explanations' chunk (chunks: ${chunks})`);
    // The repair, with the code that came with the explanation.
    await tab.$eval('product-configurator', (el) => el.shadowRoot.querySelector('[part~="repair-button"]').click());
    await tab.waitForFunction(() => document.querySelector('product-configurator').value?.selections.mounting === 'wall-standard');
    // Sharing needs share links' code: it loads then, and the event carries the link.
    const shared = tab.evaluate(() => new Promise((resolve) => document.addEventListener('cpq-share', (event) => (event.preventDefault(), resolve(event.detail.link)), { once: true })));
    await tab.$eval('product-configurator', (el) => [...el.shadowRoot.querySelectorAll('button')].find((b) => /share/i.test(b.textContent)).click());
    assert.match(await shared, /#config=/);
    assert.ok(chunks.includes('share-links'), `shared with the share links' chunk (chunks: ${chunks})`);
    assert.deepEqual(errors, []);
    await tab.close();
  });

  it('the comparison prices over a ramp of yearly segments only with uplift-percent', async () => {
    const chunksOf = async (attributes) => {
      const { tab, errors, chunks } = await openPage('/compare', attributes, () => document.querySelector('product-comparison').shadowRoot?.querySelector('[part~="table"]'));
      const years = await tab.$eval('product-comparison', (el) => el.comparison.items[1].price.tco.years?.length);
      await tab.close();
      return { chunks, errors, years };
    };
    const flat = await chunksOf('term="36"');
    assert.ok(!flat.chunks.includes('ramped'), `no uplift, no ramp pricing (chunks: ${flat.chunks})`);
    assert.equal(flat.years, undefined);
    const uplifted = await chunksOf('term="36" uplift-percent="5"');
    assert.ok(uplifted.chunks.includes('ramped'), `an uplift: ramp pricing on demand (chunks: ${uplifted.chunks})`);
    assert.equal(uplifted.years, 3, 'each year of the term at its price');
    assert.deepEqual([...flat.errors, ...uplifted.errors], []);
  });

  it('with a precompiled space and sync-url: no compiling, share links at once, the link read and kept up to date', async () => {
    const catalog = loadCatalog(catalogText);
    space = JSON.stringify(await saveSpace(compile(catalog, { product: 'meeting-room' })));
    // A link to a configuration with the 98-inch display, as the configurator writes it.
    const first = await open('src="/av-rooms.json" space-src="/meeting-room.space.json" sync-url');
    assert.ok(!first.chunks.includes('compile-in-page'), `a precompiled space: nothing compiled in the page (chunks: ${first.chunks})`);
    assert.ok(first.chunks.includes('share-links'), `sync-url: share links' code with the product (chunks: ${first.chunks})`);
    await pick(first.tab, 'Display size', '98-inch 4K display');
    await first.tab.waitForFunction(() => location.hash.includes('config='));
    const hash = await first.tab.evaluate(() => location.hash);
    await first.tab.close();
    // The link opens the same configuration.
    const second = await open('src="/av-rooms.json" space-src="/meeting-room.space.json" sync-url', hash);
    assert.equal(await second.tab.$eval('product-configurator', (el) => el.value.selections.display), 'd98');
    assert.deepEqual([...first.errors, ...second.errors], []);
    await second.tab.close();
  });
});
