// Every element under a strict content security policy (default-src 'self'; script-src
// 'self'; style-src 'self'), as a reseller's site may serve our script: the page
// (packages/components/test/csp/) served with that header in real Chromium, the built
// embed script, no violation reported, and the layouts that depend on custom properties
// (the comparison's columns, a windowed table's spacers) as they should be.
import assert from 'node:assert/strict';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { guidanceIndex, priceGuidance, readDeals } from '@cpq-kit/engine';
import { chrome, root, siteInChromium } from './demo-server.mjs';

const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'";
const folders = ['packages/components/dist', 'packages/components/test/csp', 'examples/catalogs'];
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml' };
const rootPath = fileURLToPath(root);

describe('every element under a strict content security policy', { skip: chrome ? false : 'no Chrome or Chromium found (set CHROME_PATH)' }, () => {
  // The page, the built scripts and the catalogs, each answer with the policy's header.
  const site = siteInChromium((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://localhost').pathname)).replace(/^[/\\]+/, '');
    const file = join(rootPath, path);
    if (!folders.some((f) => path.startsWith(f + sep)) || !existsSync(file) || statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-security-policy': POLICY });
    createReadStream(file).pipe(response);
  });
  before(() => assert.ok(existsSync(join(rootPath, 'packages/components/dist/cdn/cpq-kit.js')), 'run npm run build first'));

  it('renders all six elements, reports no violation, and lays out what custom properties size', async () => {
    const page = await site.browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewport({ width: 1280, height: 800 });
    const response = await page.goto(`${site.base}/packages/components/test/csp/index.html`, { waitUntil: 'networkidle0' });
    assert.equal(response.headers()['content-security-policy'], POLICY);
    await page.waitForFunction(() => window.pageReady === true);
    // Price guidance from the example deals, as a rep's server would answer it.
    const deals = readDeals(readFileSync(new URL('examples/deals/deals.json', root), 'utf8'));
    const guidance = priceGuidance(guidanceIndex(deals), { segment: 'smb', region: 'emea', family: 'av-rooms', quote: { list: '20000.00', net: '18000.00' } });
    await page.evaluate((g) => {
      const el = document.getElementById('guidance');
      el.currency = 'EUR';
      el.guidance = g;
    }, JSON.parse(JSON.stringify(guidance)));
    // The configurator is ready when it shows its options and a total.
    await page.waitForFunction(() => document.getElementById('configurator').shadowRoot?.querySelectorAll('input').length > 10);
    await page.waitForFunction(() => (document.getElementById('summary').shadowRoot?.textContent ?? '').includes('€'));

    const facts = await page.evaluate(async () => {
      const shadow = (id) => document.getElementById(id).shadowRoot;
      const table = shadow('comparison').querySelector('[part~="table"]');
      const large = document.getElementById('large');
      const scroller = large.shadowRoot.querySelector('[part~="scroller"]');
      const spacers = [...large.shadowRoot.querySelectorAll('tbody.spacer td')].map((td) => td.getBoundingClientRect().height);
      // Scroll the large table (its own box, or the page) to its end: the last row must come into view.
      const box = scroller.scrollHeight > scroller.clientHeight + 1 ? scroller : document.scrollingElement;
      box.scrollTop = box.scrollHeight;
      await new Promise((resolve) => setTimeout(resolve, 300));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const rowNames = [...large.shadowRoot.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent.trim());
      return {
        tableWidth: table.getBoundingClientRect().width,
        minWidth: getComputedStyle(table).minWidth,
        spacers,
        lastRowShown: rowNames.includes('Feature 399'),
        sheet: shadow('sheet').textContent.includes('Business'),
        finder: shadow('finder').querySelectorAll('input, select, button').length,
        guidance: shadow('guidance').querySelector('[part~="band"]') !== null,
        violations: window.cspViolations,
      };
    });
    assert.deepEqual(errors, []);
    assert.deepEqual(facts.violations, []);
    assert.ok(facts.tableWidth >= 600, `the comparison of three plans is ${facts.tableWidth} px wide (min-width ${facts.minWidth})`);
    assert.ok(facts.spacers.some((h) => h > 1000), `the windowed table's spacers are ${facts.spacers.join(', ')} px`);
    assert.equal(facts.lastRowShown, true, 'the large table scrolls to its last row');
    assert.equal(facts.sheet, true);
    assert.ok(facts.finder > 0);
    assert.equal(facts.guidance, true);
  });
});
