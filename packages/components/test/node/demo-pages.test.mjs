// The demo pages that `npm start` serves speak the language the buyer picks, their own
// words included (navigation, hero, quote panel, the vendor's verification sentence),
// fit a phone without scrolling sideways in every language, have an icon, and axe finds
// nothing on them; the sales desk page too, with a buyer's request open on it.
// The real server (examples/serve.mjs on loopback) and the built embed script in Chromium.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { chrome, demoInChromium, exampleConfiguration, handOff, root } from './demo-server.mjs';
import { texts } from '../../../../examples/reseller/page-text.js';

/** The buyer's pages; and the rep's, the sales desk. */
const pages = { reseller: '/examples/reseller/', compare: '/examples/compare/' };
const desk = '/examples/desk/';
const everyPage = [...Object.keys(pages), 'desk'];
const axeSource = readFileSync(new URL('node_modules/axe-core/axe.min.js', root), 'utf8');
const html = (page) => readFileSync(new URL(`examples/${page}/index.html`, root), 'utf8');
/** The languages of a page's language picker. */
const offered = (page) => [.../<select id="lang">([\s\S]*?)<\/select>/.exec(html(page))[1].matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
/** A dictionary text as it reads, with sample arguments for the texts that take some. */
const said = (text) => (typeof text === 'function' ? text('handoff.sales', 3, true, 1, 'X') : text);

describe('the demo pages’ own texts (examples/reseller/page-text.js)', () => {
  it('has every English text in each language the pages offer, of the same kind', () => {
    for (const page of everyPage) assert.deepEqual(offered(page), ['en', 'de', 'fr'], page);
    assert.deepEqual(Object.keys(texts), ['en', 'de', 'fr']);
    for (const lang of ['de', 'fr']) {
      assert.deepEqual(Object.keys(texts[lang]).sort(), Object.keys(texts.en).sort(), `${lang} has exactly the English keys`);
      for (const [key, text] of Object.entries(texts[lang])) {
        assert.equal(typeof text, typeof texts.en[key], `${lang} ${key}`);
        assert.equal(typeof said(text), 'string', `${lang} ${key}`);
        assert.ok(said(text).length > 0, `${lang} ${key}`);
      }
    }
  });

  it('writes French with a no-break space before : ; ? ! % and inside « », and the typographic apostrophe', () => {
    for (const [key, text] of Object.entries(texts.fr)) assert.doesNotMatch(said(text), /[ ][:;?!%»]|«[ ]|'/, `fr ${key}`);
  });

  it('names every text the pages use, and holds the same English as the pages’ HTML', () => {
    for (const page of everyPage) {
      const source = html(page);
      const used = [...source.matchAll(/<[a-z0-9]+\b[^>]*?\sdata-text="([^"]+)"[^>]*>([^<]*)</g)];
      assert.ok(used.length > 10, `${page} marks its texts`);
      for (const [, key, english] of used) assert.equal(texts.en[key], english, `${page}: data-text="${key}"`);
      for (const [tag] of source.matchAll(/<[a-z]+\b[^>]*\sdata-text-(?:placeholder|aria-label)="[^"]+"[^>]*>/g)) {
        const [, attribute, key] = /data-text-(placeholder|aria-label)="([^"]+)"/.exec(tag);
        assert.equal(new RegExp(`\\s${attribute}="([^"]*)"`).exec(tag)?.[1], texts.en[key], `${page}: ${attribute} of ${key}`);
      }
    }
  });
});

describe('the demo pages in Chromium, in English, German and French', { skip: chrome ? false : 'no Chrome or Chromium found (set CHROME_PATH)' }, () => {
  const demo = demoInChromium();

  /** Opens a demo page on a phone (390 × 844) and picks `lang` in its language picker. */
  async function open(path, lang, errors) {
    const page = await demo.browser.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewport({ width: 390, height: 844 });
    await page.goto(`${demo.base}${path}`, { waitUntil: 'networkidle0' });
    await page.select('#lang', lang);
    return page;
  }
  /** What axe finds wrong on the page as it is now (the elements' shadow roots included): `rule: elements`. */
  async function axeViolations(page) {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
    return page.evaluate(async () =>
      (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    );
  }
  /** How wide the page is, and where its rightmost field ends. */
  const widths = (page) =>
    page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      widest: Math.max(...[...document.querySelectorAll('select, input, textarea, button')].filter((e) => e.checkVisibility()).map((e) => e.getBoundingClientRect().right)),
    }));

  /** The page's navigation, hero and headings as shown. */
  const shownTexts = (page) =>
    page.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.title,
      nav: [...document.querySelectorAll('nav a')].map((a) => a.textContent),
      navLabel: document.querySelector('nav').getAttribute('aria-label'),
      hero: [document.querySelector('.hero h1').textContent, document.querySelector('.hero p').textContent],
      headings: [...document.querySelectorAll('main h2')].map((h) => h.textContent),
    }));

  it('/favicon.ico and each page’s icon answer 200 with the SVG icon', async () => {
    const ico = await fetch(`${demo.base}/favicon.ico`);
    assert.equal(ico.status, 200);
    assert.equal(ico.headers.get('content-type'), 'image/svg+xml');
    assert.match(await ico.text(), /^<svg /);
    for (const path of [...Object.values(pages), desk]) {
      const errors = [];
      const page = await open(path, 'en', errors);
      const icon = await page.evaluate(async () => {
        const link = document.querySelector('link[rel="icon"]');
        const response = await fetch(link.href);
        return { href: link.getAttribute('href'), status: response.status, type: response.headers.get('content-type') };
      });
      assert.deepEqual(icon, { href: '/examples/reseller/favicon.svg', status: 200, type: 'image/svg+xml' }, path);
      assert.deepEqual(errors, []);
      await page.close();
    }
  });

  for (const [name, path] of Object.entries(pages)) {
    it(`${name}: its own texts follow the language, nothing is wider than a 390 px phone, and axe finds nothing`, async () => {
      let english;
      for (const lang of ['en', 'de', 'fr']) {
        const errors = [];
        const page = await open(path, lang, errors);
        const shown = await shownTexts(page);
        const t = texts[lang];
        assert.equal(shown.lang, lang);
        assert.equal(shown.title, t[`title.${name}`], `${lang} title`);
        assert.equal(shown.navLabel, t['nav.main'], `${lang} nav label`);
        assert.equal(shown.nav[0], t['nav.rooms'], `${lang} navigation`);
        assert.equal(shown.hero[0], name === 'reseller' ? t['hero.title'] : t['compare.hero'], `${lang} hero`);
        if (lang === 'en') english = shown;
        else {
          for (const part of ['title', 'hero', 'headings']) assert.notDeepEqual(shown[part], english[part], `${lang} ${part} is not the English one`);
          // Every navigation link is translated ("Contact" is the same word in French).
          const same = shown.nav.filter((text, i) => text === english.nav[i]);
          assert.deepEqual(same, lang === 'fr' && name === 'reseller' ? ['Contact'] : [], `${lang} navigation`);
        }
        // The catalogs' texts in the same language: the room systems by their names in it.
        if (name === 'reseller') {
          const systems = await page.$$eval('#room-product option', (options) => options.map((o) => o.textContent));
          const expected = { en: 'Meeting room system', de: 'Konferenzraumsystem', fr: 'Système pour salles de réunion' }[lang];
          assert.ok(systems.includes(expected), `${lang}: ${systems.join(', ')}`);
        }
        const width = await widths(page);
        assert.ok(width.page <= 390, `${lang}: the page is ${width.page} px wide at 390 px`);
        assert.ok(width.widest <= 390, `${lang}: a field reaches ${width.widest} px at 390 px`);
        assert.deepEqual(await axeViolations(page), [], `${lang}: axe`);
        assert.deepEqual(errors, []);
        await page.close();
      }
    });
  }

  it('reseller: the quote panel and the vendor’s verification sentence in French, then in German', async () => {
    const errors = [];
    const page = await open(pages.reseller, 'fr', errors);
    await page.waitForFunction(() => document.querySelector('#room-configurator')?.shadowRoot?.querySelector('[part~="total"]'));
    assert.equal(await page.$eval('#quote-title', (h) => h.textContent), texts.fr['quote.title']);
    assert.equal(await page.$eval('#quote-link', (input) => input.placeholder), texts.fr['quote.linkPlaceholder']);
    // A complete configuration (the demo's example), quoted by the vendor's service and checked by it.
    await page.$eval('#room-configurator', (el, value) => (el.configuration = value), exampleConfiguration());
    await page.waitForFunction(() => document.querySelector('#room-configurator').session?.isComplete);
    await page.$eval('#room-configurator', (el) => el.shadowRoot.querySelector('[part~="primary-button"]').click());
    await page.waitForFunction(
      (asking) => !document.querySelector('#quote-result').hidden || !['', asking].includes(document.querySelector('#quote-status').textContent),
      { timeout: 10_000 },
      texts.fr['quote.asking'],
    );
    assert.equal(await page.$eval('#quote-status', (p) => p.textContent), '', 'the quote service answered');
    const terms = () => page.$$eval('#quote-details dt', (dts) => dts.map((dt) => dt.textContent));
    assert.deepEqual((await terms()).slice(0, 4), [texts.fr['quote.number'], texts.fr['quote.validUntil'], texts.fr['quote.rooms'], texts.fr['quote.oneTime']]);
    assert.equal(await page.$eval('#quote-check', (b) => b.textContent), texts.fr['quote.check']);
    // Its link to open it again, and its Accept button, in French.
    const number = await page.$eval('#quote-details dd', (dd) => dd.textContent.split(',')[0]);
    assert.equal(await page.$eval('#quote-reopen-link', (a) => a.textContent), texts.fr['quote.reopenLink'](number));
    assert.equal(await page.$eval('#quote-accept', (b) => b.textContent), texts.fr['quote.accept']);
    assert.match(await page.$eval('#quote-state', (p) => p.textContent), /^Vous pouvez accepter ce devis jusqu’au \d+/);
    await page.click('#quote-check');
    await page.waitForFunction(() => document.querySelector('#quote-verified').textContent !== '', { timeout: 10_000 });
    assert.equal(await page.$eval('#quote-verified', (p) => p.textContent), texts.fr['quote.confirmed']);
    // Another language: the panel, the quote's details and the sentence follow.
    await page.select('#lang', 'de');
    await page.waitForFunction((sentence) => document.querySelector('#quote-verified').textContent === sentence, {}, texts.de['quote.confirmed']);
    assert.deepEqual((await terms()).slice(0, 2), [texts.de['quote.number'], texts.de['quote.validUntil']]);
    assert.equal(await page.$eval('#quote-result-title', (h) => h.textContent), texts.de['quote.result']);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('reseller: the request to a person asks how to reach the buyer, in French then German, labelled and by keyboard', async () => {
    const errors = [];
    const page = await open(pages.reseller, 'fr', errors);
    await page.waitForFunction(() => document.querySelector('#room-configurator')?.shadowRoot?.querySelector('[part~="total"]'));
    await page.$eval('#room-configurator', (el, value) => (el.configuration = value), exampleConfiguration());
    await page.waitForFunction(() => document.querySelector('#room-configurator').session?.isComplete);
    assert.equal(await page.$eval('#handoff-form', (form) => form.checkVisibility()), false, 'no form before it is asked for');
    // The configurator's "Talk to an expert" (in French); the form opens with the name field focused.
    await page.$eval('#room-configurator', (el) => [...el.shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Parler à un expert').click());
    await page.waitForFunction(() => document.querySelector('#handoff-form').checkVisibility());
    assert.equal(await page.evaluate(() => document.activeElement.id), 'handoff-name');
    const labels = () => page.$$eval('#handoff-form label', (ls) => ls.map((l) => `${l.htmlFor}: ${l.textContent}`));
    assert.deepEqual(await labels(), [`handoff-name: ${texts.fr['handoff.name']}`, `handoff-email: ${texts.fr['handoff.email']}`, `handoff-message: ${texts.fr['handoff.text']}`]);
    assert.equal(await page.$eval('#handoff-intro', (p) => p.textContent), texts.fr['handoff.message']('handoff.engineer', 11, true, 0));
    // Sent empty: it says what is missing, in French, on the field.
    await page.keyboard.press('Enter');
    assert.equal(await page.$eval('#handoff-error', (p) => p.textContent), texts.fr['handoff.needName']);
    await page.keyboard.type('Marie Curie');
    await page.keyboard.press('Tab');
    await page.keyboard.type('pas une adresse');
    await page.keyboard.press('Enter');
    assert.equal(await page.$eval('#handoff-error', (p) => p.textContent), texts.fr['handoff.needEmail']);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'handoff-email');
    const width = await widths(page);
    assert.ok(width.page <= 390 && width.widest <= 390, JSON.stringify(width));
    assert.deepEqual(await axeViolations(page), []);
    // Another language: the form and its messages follow.
    await page.select('#lang', 'de');
    assert.deepEqual(await labels(), [`handoff-name: ${texts.de['handoff.name']}`, `handoff-email: ${texts.de['handoff.email']}`, `handoff-message: ${texts.de['handoff.text']}`]);
    assert.equal(await page.$eval('#handoff-intro', (p) => p.textContent), texts.de['handoff.message']('handoff.engineer', 11, true, 0));
    assert.equal(await page.$eval('#handoff-error', (p) => p.textContent), texts.de['handoff.needEmail']);
    assert.equal(await page.$eval('#handoff-send', (b) => b.textContent), texts.de['handoff.send']);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('desk: its own texts follow the language, and with a buyer’s request open it fits a 390 px phone and axe finds nothing', async () => {
    const contact = { name: 'Zoë Ümlaut-Langername', email: 'a.rather.long.address.for.a.phone@example-company.example', message: 'Zwei Räume, bitte.' };
    await handOff(demo.base, { configuration: exampleConfiguration(), contact });
    const catalog = JSON.parse(readFileSync(new URL('examples/catalogs/av-rooms.json', root), 'utf8'));
    const product = catalog.products.find((p) => p.id === 'meeting-room');
    const display = product.attributes.find((a) => a.id === 'display');
    const errors = [];
    const page = await open(desk, 'en', errors);
    assert.equal(await page.$eval('#request', (section) => section.checkVisibility()), false, 'no request open yet');
    assert.equal(await page.$eval('#demo-keys', (row) => row.checkVisibility()), true, 'the demo server gives its keys');
    // The demo's rep key is given to the page; the request is there to claim.
    await page.waitForFunction((name) => [...document.querySelectorAll('#request-list h3')].some((h) => h.textContent === name), { timeout: 10_000 }, contact.name);
    await page.evaluate((name) => [...document.querySelectorAll('#request-list li')].find((li) => li.querySelector('h3').textContent === name).querySelector('button').click(), contact.name);
    await page.waitForFunction(() => !document.querySelector('#request').hidden && document.querySelector('#desk-configurator').session, { timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector('#desk-guidance').shadowRoot?.querySelector('[part~="cell"]'), { timeout: 10_000 });
    let english;
    for (const lang of ['en', 'de', 'fr']) {
      await page.select('#lang', lang);
      const t = texts[lang];
      // The configurator follows with the catalog's names in that language.
      await page.waitForFunction((name) => document.querySelector('#desk-configurator').shadowRoot.textContent.includes(name), { timeout: 10_000 }, product.name[lang]);
      const shown = await page.evaluate(() => ({
        title: document.title,
        navLabel: document.querySelector('nav').getAttribute('aria-label'),
        nav: [...document.querySelectorAll('nav a')].map((a) => a.textContent),
        h1: document.querySelector('h1').textContent,
        headings: [...document.querySelectorAll('main h2')].filter((h) => h.checkVisibility()).map((h) => h.textContent),
        firstAnswer: document.querySelector('#request-answers li').textContent,
        send: document.querySelector('#quote-send').textContent,
      }));
      assert.equal(shown.title, t['title.desk'], `${lang} title`);
      assert.equal(shown.navLabel, t['nav.main'], `${lang} nav label`);
      assert.deepEqual(shown.nav, [t['desk.navRequests'], t['desk.navApprovals'], t['desk.navShop']], `${lang} navigation`);
      assert.equal(shown.h1, t['desk.title'], `${lang} heading`);
      assert.deepEqual(shown.headings, [t['desk.keyTitle'], t['desk.requests'], t['desk.request'](contact.name), t['desk.approvals']], `${lang} headings`);
      assert.equal(shown.firstAnswer, t['desk.answer'](display.name[lang], display.options.find((o) => o.id === 'd86').name[lang]), `${lang} the buyer's answers`);
      assert.equal(shown.send, t['desk.send']);
      if (lang === 'en') english = shown;
      else for (const part of ['title', 'nav', 'h1', 'headings', 'firstAnswer']) assert.notDeepEqual(shown[part], english[part], `${lang} ${part} is not the English one`);
      const width = await widths(page);
      assert.ok(width.page <= 390, `${lang}: the page is ${width.page} px wide at 390 px`);
      assert.ok(width.widest <= 390, `${lang}: a field reaches ${width.widest} px at 390 px`);
      assert.deepEqual(await axeViolations(page), [], `${lang}: axe`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
});
