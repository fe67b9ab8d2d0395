// The one-line embed `autoload.js` (after `npm run build`), in Chromium from a loopback
// server: it loads an element's code when its tag is in the page, and nothing else.
import assert from 'node:assert/strict';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chrome, siteInChromium } from './demo-server.mjs';

const cdn = fileURLToPath(new URL('../../dist/cdn/', import.meta.url));
const built = existsSync(join(cdn, 'autoload.js'));

describe('autoload.js', { skip: !built ? 'not built' : !chrome ? 'no Chrome or Chromium found (set CHROME_PATH)' : false }, () => {
  // A page with one configurator, and the built scripts.
  const site = siteInChromium((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (path === '/') {
      response.end('<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/autoload.js"></script></head><body><product-configurator></product-configurator></body></html>');
      return;
    }
    const file = join(cdn, path);
    if (!file.startsWith(cdn) || !existsSync(file)) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });

  it('knows every element the build has an entry for', async () => {
    const { AUTOLOADED } = await import(new URL('../../dist/autoload.js', import.meta.url).href);
    const entries = readdirSync(join(cdn, 'elements')).filter((f) => f.endsWith('.js') && f !== 'compile-worker.js').map((f) => f.replace(/\.js$/, ''));
    assert.deepEqual([...AUTOLOADED].sort(), entries.sort());
  });

  it('loads the elements in the page, then those added later, and no others', async () => {
    const page = await site.browser.newPage();
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${site.base}/`, { waitUntil: 'networkidle0' });
    await page.waitForFunction(() => customElements.get('product-configurator'));
    assert.ok(requested.includes('/elements/product-configurator.js'));
    assert.deepEqual(requested.filter((p) => /^\/elements\/[^/]+\.js$/.test(p)), ['/elements/product-configurator.js'], 'only the element in the page');
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('div'), { innerHTML: '<quote-summary></quote-summary>' })));
    await page.waitForFunction(() => customElements.get('quote-summary'));
    assert.equal(await page.evaluate(() => customElements.get('product-comparison')), undefined);
    await page.close();
  });
});
