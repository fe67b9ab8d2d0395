// The whole path, as a buyer takes it, on the demo that `npm start` serves: the real
// server (static files and the quote service on loopback) and the built embed script
// in Chromium. Configure with clicks and keys, watch the price, meet a conflict and
// repair it, ask for a signed quote and have it verified, copy the share link and open
// it in a fresh page: the same configuration at the same price. Then the quote desk
// behind it: a buyer's request to a person taken over on the sales desk page, quoted,
// approved when the discount is below the floor, and accepted from the buyer's link.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { chrome, demoInChromium, demoKeys, exampleConfiguration, handOff, root } from './demo-server.mjs';
import { createQuote, loadCatalog, price, priceGuidance, readDeals } from '../../../engine/dist/index.js';

const catalog = loadCatalog(readFileSync(new URL('examples/catalogs/av-rooms.json', root), 'utf8'));
const deals = readDeals(readFileSync(new URL('examples/deals/deals.json', root), 'utf8'));

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
const money = ({ amount, currency }) => new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount);
const share = (ratio) => `${new Intl.NumberFormat('en', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio)} of list`;
/** Clicks the configurator's action button whose text is `label`. */
const clickConfiguratorButton = (page, label) =>
  inConfigurator(page, (el, text) => [...el.shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === text).click(), label);
/** Waits until the text of `selector` matches `pattern`; returns the match. */
async function waitForText(page, selector, pattern, timeout = 10_000) {
  await page.waitForFunction((s, source, flags) => new RegExp(source, flags).test(document.querySelector(s).textContent), { timeout }, selector, pattern.source, pattern.flags).catch(async (error) => {
    throw new Error(`${selector}: "${await page.$eval(selector, (e) => e.textContent)}" does not match ${pattern}: ${error.message}`);
  });
  return pattern.exec(await page.$eval(selector, (e) => e.textContent));
}
/** The quote the desk makes for a rep: this configuration, the demo's cell segment, an order discount. */
const engineQuote = (configuration, percent, number) =>
  createQuote({ catalog, items: [{ configuration }], context: { segment: 'smb', orderDiscount: { percent } }, validUntil: '2099-12-31', number });

/** What the engine says this configuration costs, formatted as the page shows it (en). */
const engineTotal = (selected) => {
  const { grandTotal } = price(catalog, { product: 'meeting-room', selections: selected }, { date: today() }).totals;
  return new Intl.NumberFormat('en', { style: 'currency', currency: grandTotal.currency }).format(grandTotal.amount);
};

describe('the reseller demo, end to end in Chromium', { skip: chrome ? false : 'no Chrome or Chromium found (set CHROME_PATH)' }, () => {
  const demo = demoInChromium();

  /** The sales desk page in a browser context of its own (its own tab storage), with the demo rep key it is given. */
  async function openDesk(errors) {
    const page = await (await demo.browser.createBrowserContext()).newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${demo.base}/examples/desk/`, { waitUntil: 'networkidle0' });
    await page.waitForFunction(() => document.querySelector('#key-status').textContent.startsWith('Signed in with key k_'));
    return page;
  }

  /** Claims the request of the buyer named `name` on a desk page (by keyboard) and waits until it is open. */
  async function claimRequest(page, name) {
    await page.waitForFunction((n) => [...document.querySelectorAll('#request-list h3')].some((h) => h.textContent === n), { timeout: 10_000 }, name);
    await page.evaluate((n) => [...document.querySelectorAll('#request-list li')].find((li) => li.querySelector('h3').textContent === n).querySelector('button').focus(), name);
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Claim');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('#request').hidden && document.querySelector('#desk-configurator').session, { timeout: 10_000 });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'request-title', 'the opened request has the focus');
  }

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

  // The sales desk (examples/desk/): a rep's page on the same desk. The tests below run in
  // this order on one desk: guidance first, before any accepted quote adds a deal to its cell.

  it('the sales desk opens a buyer’s request as they left it, and shows where its price stands against past won deals, as the engine says', async () => {
    const configuration = exampleConfiguration();
    const contact = { name: 'Grace Guidance', email: 'grace@example.com', message: 'Two rooms like this.' };
    await handOff(demo.base, { configuration, contact });
    const errors = [];
    const page = await openDesk(errors);
    await claimRequest(page, contact.name);
    assert.equal(await page.$eval('#request-title', (h) => h.textContent), `Request from ${contact.name}`);
    const facts = await page.$eval('#request-facts', (dl) => dl.textContent);
    assert.ok(facts.includes(contact.email) && facts.includes(contact.message), facts);
    assert.deepEqual(await page.$eval('#desk-configurator', (el) => el.value.selections), configuration.selections, 'the configuration as the buyer left it');
    assert.equal(await page.$eval('#desk-summary', (el) => el.repMode), true);

    // The page sent the cell and the list and net amounts; the desk computed the band from its deals.
    const band = () => page.$eval('#desk-guidance', (el) => el.shadowRoot.querySelector('[part~="point-target"] [part~="share"]')?.textContent);
    const quoteShare = () => page.$eval('#desk-guidance', (el) => el.shadowRoot.querySelector('[part~="quote"]')?.textContent.replace(/\s+/g, ' ') ?? '');
    await page.waitForFunction(() => document.querySelector('#desk-guidance').shadowRoot?.querySelector('[part~="cell"]'), { timeout: 10_000 });
    const totals = await page.$eval('#desk-configurator', (el) => ({ list: el.price.totals.list.amount, net: el.price.totals.net.amount }));
    const cell = { segment: 'smb', region: 'emea', family: 'av-rooms' };
    const expected = priceGuidance(deals, { ...cell, quote: totals });
    assert.equal(await band(), share(expected.target));
    assert.match(await page.$eval('#desk-guidance', (el) => el.shadowRoot.querySelector('[part~="cell"]').textContent), new RegExp(`${expected.wonDeals} won deals in Small business · Europe, Middle East and Africa · Meeting room AV systems`));
    assert.ok((await quoteShare()).includes(share(expected.quote.ratio)), await quoteShare());

    // A discount typed: the band shows where the quote would stand with it.
    await page.click('#quote-discount', { clickCount: 3 });
    await page.keyboard.type('10');
    // The engine's price with the order discount, as the desk will quote it (not a share of the net worked out in the page).
    const date = await page.$eval('#desk-configurator', (el) => el.price.date);
    const withDiscount = price(catalog, configuration, { date, orderDiscount: { percent: '10' } }).totals;
    const discounted = priceGuidance(deals, { ...cell, quote: { list: withDiscount.list.amount, net: withDiscount.net.amount } });
    await page.waitForFunction((text) => document.querySelector('#desk-guidance').shadowRoot.querySelector('[part~="quote"]')?.textContent.replace(/\s+/g, ' ').includes(text), { timeout: 10_000 }, share(discounted.quote.ratio));
    assert.deepEqual(errors, []);
  });

  /** The reseller page (desktop) with the example meeting room configured, complete. */
  async function buyerWithExample(errors) {
    const buyer = await demo.browser.newPage();
    buyer.on('pageerror', (error) => errors.push(error.message));
    await buyer.setViewport({ width: 1280, height: 900 });
    await buyer.goto(`${demo.base}/examples/reseller/`, { waitUntil: 'networkidle0' });
    await buyer.waitForFunction(() => document.querySelector('#room-configurator')?.shadowRoot?.querySelector('[part~="total"]'));
    await buyer.$eval('#room-configurator', (el, value) => (el.configuration = value), exampleConfiguration());
    await buyer.waitForFunction(() => document.querySelector('#room-configurator').session?.isComplete);
    return buyer;
  }

  it('a buyer asks for an expert; the rep claims it and sends a quote with a small discount; the buyer opens it from their link and accepts it', async () => {
    const errors = [];
    const buyer = await buyerWithExample(errors);
    await clickOption(buyer, '4K USB camera');
    await settle(buyer);
    const configured = await buyer.$eval('#room-configurator', (el) => el.value);
    assert.equal(configured.selections.camera, 'usb-4k');

    // Talk to an expert: the panel asks how to reach the buyer, by keyboard alone.
    assert.equal(await buyer.$eval('#handoff-form', (form) => form.checkVisibility()), false, 'no form before it is asked for');
    await clickConfiguratorButton(buyer, 'Talk to an expert');
    await buyer.waitForFunction(() => document.querySelector('#handoff-form').checkVisibility());
    assert.equal(await buyer.evaluate(() => document.activeElement.id), 'handoff-name');
    assert.match(await buyer.$eval('#handoff-intro', (p) => p.textContent), /^One of our AV engineers gets your configuration as it is \(11 choices, complete\)/);
    await buyer.keyboard.press('Enter');
    assert.equal(await buyer.$eval('#handoff-error', (p) => p.textContent), 'Please enter your name.');
    assert.equal(await buyer.evaluate(() => document.activeElement.getAttribute('aria-invalid')), 'true');
    await buyer.keyboard.type('Ada Lovelace');
    await buyer.keyboard.press('Tab');
    await buyer.keyboard.type('ada@example.com');
    await buyer.keyboard.press('Enter');
    await buyer.waitForFunction(() => !document.querySelector('#handoff-result').hidden, { timeout: 10_000 });
    assert.equal(await buyer.$eval('#handoff-sent', (p) => p.textContent), 'Sent. One of our AV engineers will get back to you with a quote.');
    assert.equal(await buyer.$eval('#handoff-form', (form) => form.checkVisibility()), false, 'the form is gone once sent');
    assert.equal(await buyer.evaluate(() => document.activeElement.id), 'handoff-result-title');
    const requestLink = await buyer.$eval('#handoff-link', (a) => a.href);
    assert.match(requestLink, /\/examples\/reseller\/#handoff=[0-9a-f-]{36}\.[\w-]{43}$/);
    await buyer.waitForFunction(() => document.querySelector('#handoff-state').textContent === 'Your request is waiting for one of our experts.', { timeout: 10_000 });

    // The rep claims it and sees what the buyer chose, in the configurator the buyer used.
    const desk = await openDesk(errors);
    await claimRequest(desk, 'Ada Lovelace');
    assert.match(await desk.$eval('#request-answers', (ol) => ol.textContent), /Camera: 4K USB camera/);
    assert.deepEqual(await desk.$eval('#desk-configurator', (el) => el.value.selections), configured.selections);
    // A small discount, within what a rep may give: signed and sent at once.
    await desk.click('#quote-discount', { clickCount: 3 });
    await desk.keyboard.type('5');
    await desk.keyboard.press('Enter');
    const sent = await waitForText(desk, '#quote-status', /^Quote (Q-\d{4}-\d{5}) \((.+)\) is signed and sent/);
    const [, number, shownTotal] = sent;
    const quote = await engineQuote(configured, '5', number);
    assert.equal(shownTotal, money(quote.totals.grandTotal));

    // The buyer's request link shows the quote once the page is looked at again (it asks every 5 s while visible).
    await buyer.bringToFront();
    await buyer.waitForFunction(() => !document.querySelector('#quote-result').hidden, { timeout: 15_000 });
    assert.equal(await buyer.$eval('#handoff-state', (p) => p.textContent), 'We answered your request with a quote: you find it below.');
    const details = await buyer.$eval('#quote-details', (dl) => dl.textContent);
    assert.ok(details.includes(number) && details.includes(money(quote.totals.grandTotal)), details);
    assert.match(await buyer.$eval('#quote-state', (p) => p.textContent), /^You can accept this quote until /);
    await buyer.focus('#quote-accept');
    await buyer.keyboard.press('Enter');
    await waitForText(buyer, '#quote-state', /^You accepted this quote on /);
    assert.equal(await buyer.$eval('#quote-accept', (b) => b.hidden), true);

    // Its own link opens it again, accepted; and accepting again (a retry) is still accepted.
    const quoteLink = await buyer.$eval('#quote-reopen-link', (a) => a.href);
    assert.ok(quoteLink.includes(`#quote=${number}.`), quoteLink);
    const again = await (await demo.browser.createBrowserContext()).newPage();
    again.on('pageerror', (error) => errors.push(error.message));
    await again.goto(quoteLink, { waitUntil: 'networkidle0' });
    await again.waitForFunction(() => !document.querySelector('#quote-result').hidden, { timeout: 10_000 });
    assert.equal(await again.$eval('#quote-state', (p) => p.textContent), 'You have accepted this quote.');
    assert.equal(await again.$eval('#quote-accept', (b) => b.hidden), true);
    const access = quoteLink.slice(quoteLink.indexOf('.', quoteLink.indexOf('#quote=')) + 1);
    const stored = await (await fetch(`${demo.base}/api/quotes/${number}`, { headers: { 'cpq-access': access } })).json();
    assert.equal(stored.status, 'accepted');
    const { buyer: siteKey } = await demoKeys(demo.base);
    const second = await fetch(`${demo.base}/api/quotes/${number}/accept`, {
      method: 'POST',
      headers: { authorization: `Bearer ${siteKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(stored.quote),
    });
    assert.equal(second.status, 200);
    assert.equal((await second.json()).status, 'accepted');
    // The request's link shows the same quote, accepted.
    const viaRequest = await (await demo.browser.createBrowserContext()).newPage();
    await viaRequest.goto(requestLink, { waitUntil: 'networkidle0' });
    await viaRequest.waitForFunction(() => !document.querySelector('#quote-result').hidden, { timeout: 10_000 });
    assert.equal(await viaRequest.$eval('#quote-state', (p) => p.textContent), 'You have accepted this quote.');
    assert.deepEqual(
      await viaRequest.$$eval('#quote > *', (children) => children.filter((e) => e.checkVisibility() && e.id).map((e) => e.id)),
      ['quote-title', 'handoff-result', 'quote-result'],
      'the request and its quote; no form',
    );
    assert.deepEqual(errors, []);
  });

  it('a discount below the floor waits for an approver; a rep cannot approve it, an approver does, and the buyer sees the quote', async () => {
    const errors = [];
    const buyer = await buyerWithExample(errors);
    const configured = await buyer.$eval('#room-configurator', (el) => el.value);
    // "Buy at a reseller": on the reseller's own page, its sales team.
    await clickConfiguratorButton(buyer, 'Buy at a reseller');
    await buyer.waitForFunction(() => !document.querySelector('#handoff-form').hidden);
    assert.match(await buyer.$eval('#handoff-intro', (p) => p.textContent), /^Our sales team gets your configuration/);
    await buyer.type('#handoff-name', 'Grace Hopper');
    await buyer.type('#handoff-email', 'grace.hopper@example.com');
    await buyer.type('#handoff-message', 'Can you do better on the price?');
    await buyer.click('#handoff-send');
    await buyer.waitForFunction(() => !document.querySelector('#handoff-result').hidden, { timeout: 10_000 });

    // An approver's page open before the rep claims it: the request is there, open.
    const approver = await openDesk(errors);
    await approver.click('#demo-approver');
    await approver.waitForFunction(() => [...document.querySelectorAll('#request-list h3')].some((h) => h.textContent === 'Grace Hopper'), { timeout: 10_000 });

    const rep = await openDesk(errors);
    await claimRequest(rep, 'Grace Hopper');
    assert.match(await rep.$eval('#request-facts', (dl) => dl.textContent), /Can you do better on the price\?/);
    await rep.click('#quote-discount', { clickCount: 3 });
    await rep.keyboard.type('20');
    await rep.click('#quote-send');
    const [, number] = await waitForText(rep, '#quote-status', /^Quote (Q-\d{4}-\d{5}) waits for an approver: .*20% exceed the 15% allowed without approval/);

    // Claimed meanwhile: the approver's stale list says someone else has it.
    await approver.bringToFront();
    await approver.evaluate(() => [...document.querySelectorAll('#request-list li')].find((li) => li.querySelector('h3').textContent === 'Grace Hopper').querySelector('button').click());
    await waitForText(approver, '#requests-status', /^Someone else has this request: this hand-off is claimed by rep:k_/);

    // The buyer's link: still in preparation, no quote yet.
    await buyer.bringToFront();
    await buyer.waitForFunction(() => document.querySelector('#handoff-state').textContent === 'One of our experts is preparing your quote.', { timeout: 15_000 });
    assert.equal(await buyer.$eval('#quote-result', (div) => div.hidden), true);

    // The rep sees it waiting, and may not approve it.
    await rep.bringToFront();
    const card = (page, n) => page.waitForFunction((n) => [...document.querySelectorAll('#approval-list li')].find((li) => li.querySelector('h3').textContent === n), { timeout: 10_000 }, n);
    await card(rep, number);
    await rep.evaluate((n) => [...document.querySelectorAll('#approval-list li')].find((li) => li.querySelector('h3').textContent === n).querySelector('button.primary').click(), number);
    await waitForText(rep, '#approvals-status', /approving a quote is for approvers; this is a rep key/);

    // The approver: a rejection needs a reason; with a comment, approved and sent.
    await approver.bringToFront();
    await approver.click('#approvals-refresh');
    await card(approver, number);
    assert.match(await approver.$eval('#approval-list', (ul) => ul.textContent), /Manual discounts of 20% exceed the 15% allowed without approval/);
    const inCard = (fn) => approver.evaluate((n, source) => new Function('card', `return (${source})(card)`)([...document.querySelectorAll('#approval-list li')].find((li) => li.querySelector('h3').textContent === n)), number, fn.toString());
    await inCard((li) => [...li.querySelectorAll('button')].find((b) => b.textContent === 'Reject').click());
    assert.equal(await approver.$eval('#approvals-status', (p) => p.textContent), 'Say why you reject it: the rep reads it.');
    assert.equal(await approver.evaluate(() => document.activeElement.tagName), 'TEXTAREA');
    await approver.keyboard.type('Strategic account: approved once.');
    await inCard((li) => li.querySelector('button.primary').click());
    await waitForText(approver, '#approvals-status', new RegExp(`^Quote ${number} is approved and sent`));
    assert.equal(await inCard((li) => li === undefined), true, 'no longer waiting');

    // The buyer's link now shows the quote, with the discount the approver released.
    await buyer.bringToFront();
    await buyer.waitForFunction(() => !document.querySelector('#quote-result').hidden, { timeout: 15_000 });
    const quote = await engineQuote(configured, '20', number);
    const details = await buyer.$eval('#quote-details', (dl) => dl.textContent);
    assert.ok(details.includes(number) && details.includes(money(quote.totals.grandTotal)), details);
    assert.match(await buyer.$eval('#quote-state', (p) => p.textContent), /^You can accept this quote until /);
    assert.deepEqual(errors, []);
  });
});
