// The React and Vue examples (examples/react, examples/vue), built with Vite from their own
// configs as `npx vite build examples/<app>` builds them, served on loopback and used in
// Chromium as a buyer would: the comparison and the configurator render the catalog the app
// set as a property; a choice in the configurator reaches the app's own markup through
// `cpq-configuration-change`; the form refuses an incomplete configuration and submits a
// complete one as form data; a plan chosen in the comparison opens in the configurator.
import assert from 'node:assert/strict';
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chrome, root, siteInChromium } from './demo-server.mjs';

const apps = ['react', 'vue'];
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

describe('the React and Vue examples in Chromium', { skip: chrome ? false : 'no Chrome or Chromium found (set CHROME_PATH)' }, () => {
  let out = '';
  // The builds, and the catalog's pictures at the URLs the catalog gives them (the demo's).
  const images = '/examples/catalogs/images/';
  const site = siteInChromium((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/\/$/, '/index.html');
    const folder = path.startsWith(images) ? fileURLToPath(new URL(`.${images}`, root)) : out + sep;
    const file = join(folder, path.startsWith(images) ? path.slice(images.length) : path);
    if (!file.startsWith(folder) || !existsSync(file)) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });

  before(async () => {
    out = mkdtempSync(join(tmpdir(), 'cpq-frameworks-'));
    const { build } = await import('vite');
    for (const app of apps) {
      const configFile = fileURLToPath(new URL(`examples/${app}/vite.config.mjs`, root));
      await build({ configFile, logLevel: 'error', build: { outDir: join(out, app) } });
    }
  });
  after(() => out && rmSync(out, { recursive: true, force: true }));

  for (const app of apps) {
    it(`${app}: the elements render the app's catalog, tell the app each change, and submit with its form`, async () => {
      const page = await site.browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await page.goto(`${site.base}/${app}/`);

      /** Runs `fn(element, ...args)` in the page on the element with this tag. */
      const on = (tag, fn, ...args) =>
        page.evaluate((tag, source, args) => new Function('el', 'args', `return (${source})(el, ...args)`)(document.querySelector(tag), args), tag, fn.toString(), args);
      const live = () => page.$eval('#live', (p) => p.textContent.trim());
      const waitForLive = (pattern) =>
        page.waitForFunction((source) => new RegExp(source).test(document.querySelector('#live')?.textContent ?? ''), { timeout: 10_000 }, pattern.source).catch(async (error) => {
          throw new Error(`#live is "${await live().catch(() => '(none)')}", not ${pattern}: ${error.message}`);
        });
      /** Clicks the configurator's option whose card says `label`. */
      const choose = (label) =>
        on('product-configurator', (el, text) => {
          const card = [...el.shadowRoot.querySelectorAll('[part~="option"]')].find((c) => c.textContent.includes(text));
          if (!card) throw new Error(`no option "${text}"`);
          card.querySelector('input').click();
        }, label);
      /** The configurator's grand total as it shows it. */
      const shownTotal = () => on('product-configurator', (el) => el.shadowRoot.querySelector('[part~="total"] dd').textContent.trim());

      // Both elements render the catalog the app set as a property (an attribute could not carry it).
      await page.waitForFunction(
        () => document.querySelector('product-configurator')?.shadowRoot?.querySelector('[part~="option"]') && document.querySelector('product-comparison')?.shadowRoot?.querySelector('[part~="item-name"]'),
        { timeout: 15_000 },
      );
      assert.deepEqual(await on('product-comparison', (el) => [...el.shadowRoot.querySelectorAll('[part~="item-name"]')].map((n) => n.textContent.trim())), ['Starter', 'Business', 'Enterprise']);
      assert.equal(await on('product-configurator', (el) => el.shadowRoot.querySelector('[part~="name"]').textContent.trim()), 'Business');
      assert.equal(await on('product-configurator', (el) => el.hasAttribute('catalog')), false, 'the catalog is a property, not an attribute');
      await waitForLive(/^0 choices made · grand total .+ · choices open$/);

      // A click in the configurator's shadow root: the event reaches the app, which renders what it carries.
      await choose('Premium support');
      await waitForLive(/^1 choice made · /);
      assert.equal(/grand total (.+) ·/.exec(await live())[1], await shownTotal(), "the app's total is the configurator's");

      // Choices are open: the browser refuses to submit (no submit event at all), so the app gets nothing.
      await page.$eval('form', (form) => form.addEventListener('submit', () => (window.submits = (window.submits ?? 0) + 1)));
      await page.click('form button[type="submit"]');
      assert.equal(await page.evaluate(() => window.submits ?? 0), 0, 'an incomplete configuration is not submitted');
      assert.equal(await on('product-configurator', (el) => el.validity.valueMissing), true);

      // A plan chosen in the comparison opens, complete, in the configurator.
      await on('product-comparison', (el) => [...el.shadowRoot.querySelectorAll('[part~="choose-button"]')].find((b) => b.textContent.includes('Enterprise')).click());
      await waitForLive(/· ready to order$/);
      assert.equal(await on('product-configurator', (el) => el.value.product), 'enterprise');
      // Premium instead of the plan's support: another total, in the configurator and in the app.
      const planned = await live();
      await choose('Premium support');
      await page.waitForFunction((text) => document.querySelector('#live').textContent.trim() !== text, { timeout: 10_000 }, planned);
      assert.match(await live(), /· ready to order$/);
      assert.equal(/grand total (.+) ·/.exec(await live())[1], await shownTotal());

      // Submitted: the form data hold the configuration, as the configurator has it.
      await page.click('form button[type="submit"]');
      await page.waitForSelector('#submitted', { timeout: 10_000 });
      const submitted = JSON.parse(await page.$eval('#submitted', (pre) => pre.textContent));
      assert.deepEqual(submitted, await on('product-configurator', (el) => el.value));
      assert.equal(submitted.product, 'enterprise');
      assert.equal(submitted.selections.support, 'premium');
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
