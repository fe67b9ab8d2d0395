// The reseller demo's package finder, by keyboard as a screen-reader user takes it: choosing
// a package takes the buyer to the configurator far below, and the focus goes with them
// (#17 defect 3: "Choose this" kept the focus while the page jumped ~9,000 px).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chrome, demoInChromium } from './demo-server.mjs';

describe('the reseller demo’s package finder, by keyboard', { skip: chrome ? false : 'no Chrome or Chromium found (set CHROME_PATH)' }, () => {
  const demo = demoInChromium();

  it('“Choose this” takes the focus to the configured package, at the top of the screen', async () => {
    const page = await demo.browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(`${demo.base}/examples/reseller/`, { waitUntil: 'networkidle0' });
    await page.click('.finder summary');
    await page.$eval('#software-finder', (finder) => (finder.answers = { seats: 300 }));
    await page.waitForFunction(() => document.querySelector('#software-finder').shadowRoot.querySelector('[part~="choose-button"]'));
    const chosen = await page.$eval('#software-finder', (finder) => {
      finder.shadowRoot.querySelector('[part~="choose-button"]').focus();
      return finder.recommendation.packages[0];
    });
    await page.keyboard.press('Enter');
    // Once the package shows, the focus is on its name in the configurator.
    await page.waitForFunction(() => document.activeElement?.id === 'software-configurator', { timeout: 10_000 });
    const focused = await page.$eval('#software-configurator', (el) => {
      const name = el.shadowRoot.activeElement;
      const box = name?.getBoundingClientRect();
      return { part: name?.getAttribute('part'), text: name?.textContent.trim(), top: box?.top, product: el.session.compiled.product.id, selections: el.session.selections };
    });
    assert.equal(focused.part, 'name');
    assert.equal(focused.product, chosen.configuration.product);
    assert.deepEqual(focused.selections, chosen.configuration.selections);
    assert.ok(focused.top >= 0 && focused.top < 800, `the name is on screen (top ${focused.top})`);
    // Tab goes on into the configurator, not back to the finder.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'software-configurator');
    assert.deepEqual(errors, []);
  });
});
