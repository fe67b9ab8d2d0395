// The whole path, as a buyer takes it, on the demo that `npm start` serves: the real
// server (static files and the quote service on loopback) and the built embed script
// in Chromium. Configure with clicks and keys, watch the price, meet a conflict and
// repair it, ask for a signed quote and have it verified, copy the share link and open
// it in a fresh page: the same configuration at the same price.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { chrome, demoInChromium, root } from './demo-server.mjs';
import { loadCatalog, price, priceGuidance, readDeals } from '../../../engine/dist/index.js';

const catalog = loadCatalog(readFileSync(new URL('examples/catalogs/av-rooms.json', root), 'utf8'));

/** Runs `fn` in the page with the configurator element as its argument. */
const inConfigurator = (page, fn, ...args) => page.evaluate((source, ...rest) => {
  const el = document.querySelector('#room-configurator');
  return new Function('el', 'args', `return (${source})(el, ...args)`)(el, rest);
}, fn.toString(), ...args);

/** Clicks the control of the option card whose text contains `label`. */
const clickOption = (page, label) =>
  inConfigurator(page, (el, text) => {
    const card = [...el.shadowRoot.querySelectorAll('[part~="option"]')].find((c) => c.textContent.includes(text));
    if (!card) throw new Error(`no option "${text}"`);
    card.querySelector('input').click();
  }, label);

const total = (page) => inConfigurator(page, (el) => el.shadowRoot.querySelector('[part~="total"] dd')?.textContent.trim());
const selections = (page) => inConfigurator(page, (el) => el.value.selections);
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
/** What the engine says this configuration costs, formatted as the page shows it (en). */
const engineTotal = (selected) => {
  const { grandTotal } = price(catalog, { product: 'meeting-room', selections: selected }, { date: today() }).totals;
  return new Intl.NumberFormat('en', { style: 'currency', currency: grandTotal.currency }).format(grandTotal.amount);
};

describe('the reseller demo, end to end in Chromium', { skip: chrome ? false : 'no Chrome or Chromium found (set CHROME_PATH)' }, () => {
  const demo = demoInChromium();

  it('configures, repairs a conflict, quotes, verifies and shares', async () => {
    const page = await demo.browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${demo.base}/examples/reseller/`, { waitUntil: 'networkidle0' });
    await page.waitForFunction(() => document.querySelector('#room-configurator')?.shadowRoot?.querySelector('[part~="total"]'));

    // Clicks: a display, and the price follows the engine's.
    await clickOption(page, '65-inch');
    await settle(page);
    assert.equal((await selections(page)).display, 'd65');
    assert.equal(await total(page), engineTotal(await selections(page)));

    // Keys: into the camera group, then arrow to the next camera.
    await inConfigurator(page, (el) => {
      const card = [...el.shadowRoot.querySelectorAll('[part~="option"]')].find((c) => c.textContent.includes('4K USB camera'));
      card.querySelector('input').click();
      card.querySelector('input').focus();
    });
    await settle(page);
    const before = await total(page);
    await page.keyboard.press('ArrowRight');
    await settle(page);
    assert.equal((await selections(page)).camera, 'ptz', 'the arrow key chose the next camera');
    assert.notEqual(await total(page), before, 'the price changed');
    assert.equal(await total(page), engineTotal(await selections(page)));

    // A conflict: the 98-inch display rules out the standard wall mount; repair it in one step.
    await clickOption(page, '98-inch');
    await settle(page);
    await clickOption(page, 'Wall mount');
    await settle(page);
    const reason = await inConfigurator(page, (el) => el.shadowRoot.querySelector('[part~="conflict"]')?.textContent ?? '');
    assert.match(reason, /not available with Display size: 98-inch/);
    assert.equal((await selections(page)).mounting, undefined, 'nothing changed before the repair');
    await inConfigurator(page, (el) => el.shadowRoot.querySelector('[part~="repair-button"]').click());
    await settle(page);
    const repaired = await selections(page);
    assert.equal(repaired.mounting, 'wall-standard');
    assert.equal(repaired.display, undefined, 'the repair gave up the display');
    assert.equal(repaired.camera, 'ptz', 'and kept everything else');
    await clickOption(page, '75-inch');
    await settle(page);

    // A quote needs a complete configuration: asked too early, the configurator says so
    // and offers to complete it with the catalog's defaults.
    await inConfigurator(page, (el) => el.shadowRoot.querySelector('[part~="primary-button"]').click());
    await settle(page);
    assert.match(await inConfigurator(page, (el) => el.shadowRoot.querySelector('[part~="incomplete"]')?.textContent ?? ''), /some choices are still open/);
    assert.equal(await inConfigurator(page, (el) => el.shadowRoot.activeElement?.dataset.action), 'complete');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await inConfigurator(page, (el) => el.session.isComplete), true);

    // A signed quote from the vendor's service, then checked by it.
    const configured = await selections(page);
    assert.equal(configured.mounting, 'wall-standard', 'completion kept every decision');
    assert.equal(await total(page), engineTotal(configured));
    await inConfigurator(page, (el) => el.shadowRoot.querySelector('[part~="primary-button"]').click());
    await page.waitForFunction(() => !document.querySelector('#quote-result').hidden || document.querySelector('#quote-status').textContent.startsWith('The quote'), { timeout: 10_000 });
    assert.equal(await page.$eval('#quote-status', (p) => p.textContent), '', 'the quote service answered');
    const details = await page.$eval('#quote-details', (dl) => dl.textContent);
    assert.match(details, /HS256/);
    await page.click('#quote-check');
    await page.waitForFunction(() => document.querySelector('#quote-verified').textContent !== '', { timeout: 10_000 });
    assert.match(await page.$eval('#quote-verified', (p) => p.textContent), /The vendor confirms this quote/);

    // The share link, opened in a fresh page: the same configuration at the same price.
    const shownTotal = await total(page);
    await inConfigurator(page, (el) => [...el.shadowRoot.querySelectorAll('button')].find((b) => b.textContent.includes('Copy share link')).click());
    await page.waitForFunction(() => document.querySelector('#quote-link').value.includes('#config='));
    const link = await page.$eval('#quote-link', (input) => input.value);
    const fresh = await (await demo.browser.createBrowserContext()).newPage();
    await fresh.goto(link, { waitUntil: 'networkidle0' });
    await fresh.waitForFunction(() => document.querySelector('#room-configurator')?.shadowRoot?.querySelector('[part~="total"]'));
    assert.deepEqual(await selections(fresh), configured);
    assert.equal(await total(fresh), shownTotal);
    assert.deepEqual(errors, []);
  });

  it('a recommended package opens in a configurator, configured as recommended', async () => {
    const page = await demo.browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${demo.base}/examples/reseller/`, { waitUntil: 'networkidle0' });
    assert.equal(await page.$eval('#software-setup', (div) => div.hidden), true);
    await page.click('.finder summary');
    // 300 users: the engine's recommendation in the test's own computation says which package and how many seats.
    await page.$eval('#software-finder', (finder) => (finder.answers = { seats: 300 }));
    await page.waitForFunction(() => document.querySelector('#software-finder').shadowRoot.querySelector('[part~="choose-button"]'));
    const chosen = await page.$eval('#software-finder', (finder) => {
      finder.shadowRoot.querySelector('[part~="choose-button"]').click();
      return finder.recommendation.packages[0];
    });
    await page.waitForFunction(() => !document.querySelector('#software-setup').hidden && document.querySelector('#software-configurator').session);
    const opened = await page.$eval('#software-configurator', (el) => ({ product: el.session.compiled.product.id, selections: el.session.selections }));
    assert.equal(opened.product, chosen.configuration.product);
    assert.deepEqual(opened.selections, chosen.configuration.selections);

    // Its share link opens the package again in a fresh page, and the room configurator stays as it was.
    await page.$eval('#software-configurator', (el) => [...el.shadowRoot.querySelectorAll('button')].find((b) => b.textContent.includes('Copy share link')).click());
    await page.waitForFunction(() => document.querySelector('#quote-link').value.includes('collab-suite'));
    const link = await page.$eval('#quote-link', (input) => input.value);
    const fresh = await (await demo.browser.createBrowserContext()).newPage();
    fresh.on('pageerror', (error) => errors.push(error.message));
    await fresh.goto(link, { waitUntil: 'networkidle0' });
    await fresh.waitForFunction(() => document.querySelector('#software-configurator').session && document.querySelector('#room-configurator').session);
    assert.deepEqual(await fresh.$eval('#software-configurator', (el) => el.session.selections), chosen.configuration.selections);
    assert.equal(await fresh.$eval('#room-configurator', (el) => el.shadowRoot.querySelector('[part~="error"]')), null);
    assert.deepEqual(errors, []);
  });

  it('the sales view shows where the price stands against past won deals, as the engine says', async () => {
    const page = await demo.browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${demo.base}/examples/reseller/`, { waitUntil: 'networkidle0' });
    await page.waitForFunction(() => document.querySelector('#room-configurator')?.shadowRoot?.querySelector('[part~="total"]'));
    const band = () => page.$eval('#room-guidance', (el) => el.checkVisibility() && el.shadowRoot.querySelector('[part~="point-target"] [part~="share"]')?.textContent);
    assert.equal(await band(), false, 'hidden from buyers');
    await page.click('#rep-view');
    await page.waitForFunction(() => document.querySelector('#room-guidance').shadowRoot.querySelector('[part~="cell"]'), { timeout: 10_000 });
    // The page sent the cell and its list and net amounts; the server computed the band from the deals.
    const totals = await inConfigurator(page, (el) => ({ list: el.price.totals.list.amount, net: el.price.totals.net.amount }));
    const deals = readDeals(readFileSync(new URL('examples/deals/deals.json', root), 'utf8'));
    const expected = priceGuidance(deals, { segment: 'smb', region: 'emea', family: 'av-rooms', quote: totals });
    const share = (ratio) => `${new Intl.NumberFormat('en', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio)} of list`;
    assert.equal(await band(), share(expected.target));
    assert.match(await page.$eval('#room-guidance', (el) => el.shadowRoot.querySelector('[part~="cell"]').textContent), new RegExp(`${expected.wonDeals} won deals in smb · emea · av-rooms`));
    assert.deepEqual(errors, []);
  });
});
