// <product-comparison> in Chromium: the table and its semantics, the difference filter, the
// baseline and promoted columns, the prices and total cost against the engine's, the term,
// adding and removing items, the cpq-select event, narrow screens and phones, the page's
// scroll (and a box of its own for wide and large tables), the demo page, a strict content
// security policy, catalog text as text, the keyboard, and axe in every state.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { compare, loadCatalog, loadConfiguration, type Catalog, type CompareItem, type MoneyJSON } from '@cpq-kit/engine';
import avRoomsJson from '../../../examples/catalogs/av-rooms.json' with { type: 'json' };
import avRoomsConfigJson from '../../../examples/catalogs/av-rooms.config.json' with { type: 'json' };
import collabSuiteJson from '../../../examples/catalogs/collab-suite.json' with { type: 'json' };
import '../src/define/product-comparison.js';
import { CpqSelectEvent, ProductComparison } from '../src/index.js';
import { XSS } from './fixtures.js';
import { money, part, parts, settled, text, texts } from './helpers.js';

const collab = loadCatalog(collabSuiteJson);
const av = loadCatalog(avRoomsJson);
const avConfig = loadConfiguration(avRoomsConfigJson, av);
const context = { date: '2026-11-20' };
const packages: CompareItem[] = [{ product: 'starter' }, { product: 'business' }, { product: 'enterprise' }];

interface Options {
  catalog?: Catalog | undefined;
  items?: CompareItem[];
  products?: string;
  baseline?: string;
  promoted?: string;
  term?: number;
  lang?: string;
  theme?: string;
  differencesOnly?: boolean;
  fixed?: boolean;
  width?: string;
}

async function comparison(options: Options = {}): Promise<ProductComparison> {
  const wrapper = await fixture<HTMLDivElement>(html`
    <div style=${`width: ${options.width ?? '1100px'}`}>
      <product-comparison
        .catalog=${'catalog' in options ? options.catalog : collab}
        .items=${options.items ?? (options.products ? [] : packages)}
        .context=${context}
        products=${ifDefined(options.products)}
        baseline=${ifDefined(options.baseline)}
        promoted=${ifDefined(options.promoted)}
        term=${ifDefined(options.term)}
        lang=${ifDefined(options.lang)}
        theme=${ifDefined(options.theme)}
        ?differences-only=${options.differencesOnly ?? false}
        ?fixed=${options.fixed ?? false}
      ></product-comparison>
    </div>
  `);
  const el = wrapper.querySelector('product-comparison')!;
  await settled(el);
  return el;
}

const root = (el: ProductComparison) => el.shadowRoot!;
/** The row whose header reads `name` (its first line). */
function row(el: ProductComparison, name: string): HTMLTableRowElement {
  const found = [...root(el).querySelectorAll<HTMLTableRowElement>('tr[part~="row"]')].find((r) => text(r.querySelector('th')).startsWith(name));
  if (!found) throw new Error(`no row "${name}"`);
  return found;
}
const cells = (tr: HTMLTableRowElement) => [...tr.querySelectorAll('td[part~="cell"]')].map(text);
const rowNames = (el: ProductComparison) => [...root(el).querySelectorAll('tr[part~="row"] th')].map(text);
/** The lines of each delta summary, one string per summary. */
const summaries = (el: ProductComparison) => parts(el, 'delta-summary').map((p) => [text(p.querySelector('.delta-summary-label')), ...[...p.querySelectorAll('li')].map(text)].join(' | '));

/** Waits for two animation frames: the element measures itself (its width, its table) in the next one. */
const frames = async (el: ProductComparison) => {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  await el.updateComplete;
};

/** Whether an element scrolls its content (overflow other than visible or clip). */
const scrolls = (element: Element) => ['overflowX', 'overflowY'].some((side) => !['visible', 'clip'].includes(getComputedStyle(element)[side as 'overflowX']));

/** The boxes between the table and the page, in the element's shadow root: none of them may scroll for the page to scroll the table. */
function boxesAround(el: ProductComparison): HTMLElement[] {
  const boxes: HTMLElement[] = [];
  for (let node = part(el, 'table').parentElement; node; node = node.parentElement) boxes.push(node);
  return boxes;
}

/** A catalog of `count` products ("Plan n") with `features` numeric specs each ("Feature f", higher is better). */
function synthetic(id: string, count: number, features: number, value: (n: number, f: number) => number) {
  const specs: Record<string, unknown> = {};
  for (let f = 0; f < features; f++) specs[`f${f}`] = { name: `Feature ${f}`, type: 'number', better: 'higher' };
  const products = Array.from({ length: count }, (_, n) => ({ id: `p${n}`, name: `Plan ${n}`, specs: Object.fromEntries(Array.from({ length: features }, (_, f) => [`f${f}`, value(n, f)])), attributes: [] }));
  return { catalog: loadCatalog({ id, version: '1', name: id[0]!.toUpperCase() + id.slice(1), defaultCurrency: 'EUR', defaultLocale: 'en', specs, products }), products };
}

describe('<product-comparison>', () => {
  describe('the table', () => {
    it('is a table with a caption, column headers for the items and row headers for the values', async () => {
      const el = await comparison();
      const table = part(el, 'table');
      expect(table.localName).to.equal('table');
      expect(text(table.querySelector('caption'))).to.equal('Comparison: Collaboration suite');
      const columns = [...table.querySelectorAll('thead th')];
      expect(columns.map((th) => th.getAttribute('scope'))).to.deep.equal(['col', 'col', 'col']);
      expect(texts(el, 'item-name')).to.deep.equal(['Starter', 'Business', 'Enterprise']);
      for (const th of table.querySelectorAll('tbody th:not([scope="rowgroup"])')) expect(th.getAttribute('scope')).to.equal('row');
      expect([...table.querySelectorAll('th[scope="rowgroup"]')].map(text)).to.deep.equal(['▾ Specifications', '▾ Users and storage', '▾ Add-ons', '▾ Billing and support', '▾ Prices before tax']);
      // A table that fits scrolls with the page: no box of its own, so no stop for the keyboard either.
      expect(boxesAround(el).filter(scrolls).map((box) => box.className)).to.deep.equal([]);
      const scroller = part(el, 'scroller');
      expect([scroller.hasAttribute('tabindex'), scroller.hasAttribute('role')]).to.deep.equal([false, false]);
    });

    it('shows each item’s values in the reader’s format, yes/no in words for assistive technology', async () => {
      const el = await comparison();
      expect(cells(row(el, 'Maximum users'))).to.deep.equal(['25', '300', '★Best value: 5,000']);
      expect(cells(row(el, 'Total storage'))).to.deep.equal(['250\u00a0GB', '25,000\u00a0GB', '★Best value: 500,000\u00a0GB']);
      expect(cells(row(el, 'Single sign-on'))).to.deep.equal(['✕No', '✓Yes', '✓Yes']);
      expect(cells(row(el, 'Webinar attendees'))).to.deep.equal(['—Not stated', '—Not stated', '★Best value: 1,000']);
      expect(cells(row(el, 'Advanced security')).slice(0, 1)).to.deep.equal(['✕No']);
      expect(cells(row(el, 'Billing term'))).to.deep.equal(['Monthly', 'Annual', 'Annual']);
      // An add-on the product does not have, and one it has but is off.
      const webinar = [...root(el).querySelectorAll<HTMLTableRowElement>('tr[part~="row"]')].find((r) => text(r.querySelector('th')).startsWith('Webinars Host'))!;
      expect(cells(webinar)).to.deep.equal(['—Not available', '✕Not included', '—Not available']);
      // Marks are hidden from assistive technology; their words are not.
      const mark = row(el, 'Single sign-on').querySelector('[part~="mark"]')!;
      expect(mark.getAttribute('aria-hidden')).to.equal('true');
    });

    it('marks best values with a star and words, not by colour alone', async () => {
      const el = await comparison();
      const best = row(el, 'Response time for critical issues').querySelectorAll('td')[2]!;
      expect(best.getAttribute('part')).to.contain('cell-best');
      expect(best.querySelector('[part~="best-mark"]')!.textContent).to.equal('★');
      expect(text(best.querySelector('.visually-hidden'))).to.equal('Best value:');
      expect(getComputedStyle(best).fontWeight).to.equal('650');
    });

    it('uses the `products` attribute when no items are set', async () => {
      const el = await comparison({ products: 'business  enterprise' });
      expect(texts(el, 'item-name')).to.deep.equal(['Business', 'Enterprise']);
    });
  });

  describe('show differences only', () => {
    it('hides the rows where every item is alike, says how many are shown, and fires change on user action only', async () => {
      const el = await comparison();
      const all = rowNames(el).length;
      expect(text(part(el, 'status'))).to.equal(`Showing all ${all} rows`);
      // The spec (no package has the keys by default) and the add-on (only Enterprise offers it).
      expect(rowNames(el).filter((n) => n.startsWith('Customer-managed encryption keys'))).to.have.length(2);
      let changes = 0;
      el.addEventListener('change', () => changes++);
      const toggle = part(el, 'differences-toggle').querySelector('input')!;
      toggle.click();
      await el.updateComplete;
      expect(el.differencesOnly).to.equal(true);
      expect(el.hasAttribute('differences-only')).to.equal(true);
      expect(changes).to.equal(1);
      const shown = rowNames(el);
      expect(shown.filter((n) => n.startsWith('Customer-managed encryption keys'))).to.deep.equal([
        'Customer-managed encryption keys Encrypt your data with keys held in your own key management service; revoke them at any time.',
      ]);
      expect(shown.some((n) => n.startsWith('Extra storage'))).to.equal(false);
      expect(shown.some((n) => n.startsWith('Maximum users'))).to.equal(true);
      expect(text(part(el, 'status'))).to.equal(`Showing ${shown.length} of ${all} rows`);
      // Every row still shown differs, by the engine's own flags.
      const engine = compare(packages, { catalog: collab, context });
      const differing = engine.groups.flatMap((g) => g.rows.filter((r) => r.differs)).length;
      expect(shown.length).to.equal(differing + engine.prices!.rows.filter((r) => r.differs || r.id === 'tco').length);
      // A group with nothing left is gone; the prices stay.
      expect(texts(el, 'group-toggle')).to.deep.equal(['▾ Specifications', '▾ Users and storage', '▾ Add-ons', '▾ Billing and support', '▾ Prices before tax']);
      el.differencesOnly = false;
      await el.updateComplete;
      expect(rowNames(el).length).to.equal(all);
      expect(changes).to.equal(1, 'setting the property fires nothing');
    });

    it('is switched from the keyboard', async () => {
      const el = await comparison();
      part(el, 'differences-toggle').querySelector('input')!.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.differencesOnly).to.equal(true);
    });
  });

  describe('groups', () => {
    it('collapse and expand from the keyboard, saying so with aria-expanded', async () => {
      const el = await comparison();
      const toggle = () => parts(el, 'group-toggle').find((b) => text(b).includes('Add-ons'))!;
      expect(toggle().getAttribute('aria-expanded')).to.equal('true');
      expect(rowNames(el).some((n) => n.startsWith('E-signature'))).to.equal(true);
      toggle().focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(toggle().getAttribute('aria-expanded')).to.equal('false');
      expect(rowNames(el).some((n) => n.startsWith('E-signature'))).to.equal(false);
      expect(root(el).activeElement).to.equal(toggle(), 'the focus stays on the button');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(toggle().getAttribute('aria-expanded')).to.equal('true');
      expect(rowNames(el).some((n) => n.startsWith('E-signature'))).to.equal(true);
    });
  });

  describe('prices and total cost of ownership', () => {
    it('shows the engine’s prices and total cost, in the reader’s currency format', async () => {
      const el = await comparison();
      const engine = compare(packages, { catalog: collab, context, termMonths: 36 });
      const tco = engine.prices!.rows.find((r) => r.id === 'tco')!;
      const tcoCells = cells(row(el, 'Total cost of ownership'));
      tcoCells.forEach((cell, i) => expect(cell.replace('★Best value: ', '')).to.equal(money(tco.values[i]!)));
      // Hand-checked: 5 × 7.00, 25 × 12.50, 100 × 21.00 a month, 36 months.
      expect(tcoCells).to.deep.equal(['★Best value: €1,260.00', '€11,250.00', '€75,600.00']);
      expect(cells(row(el, 'Per month'))).to.deep.equal(['★Best value: €35.00', '€312.50', '€2,100.00']);
      expect(texts(el, 'item-prices')).to.deep.equal(['€35.00 per month', '€312.50 per month', '€2,100.00 per month']);
    });

    it('prices over the term the buyer picks, with proration, and fires change', async () => {
      const items: CompareItem[] = [{ product: 'business' }, { product: 'enterprise', selections: { 'customer-managed-keys': true } }];
      const el = await comparison({ items });
      const select = part(el, 'term-select') as HTMLSelectElement;
      expect(select.value).to.equal('36');
      expect(select.getAttribute('aria-label')).to.equal('Term');
      // A term that is not on the list is offered too.
      el.term = 18;
      await el.updateComplete;
      expect([...(part(el, 'term-select') as HTMLSelectElement).options].map((o) => o.value)).to.deep.equal(['12', '18', '24', '36', '48', '60']);
      const at18 = compare(items, { catalog: collab, context, termMonths: 18 });
      expect(cells(row(el, 'Total cost of ownership')).map((c) => c.replace('★Best value: ', ''))).to.deep.equal(at18.items.map((i) => money(i.price!.tco.net)));
      // Hand-checked: 25 × 12.50 × 18 = 5,625.00; 100 × 21.00 × 18 + 1,490.00 × 18 + 9,900.00 × 1.5 = 79,470.00.
      expect(cells(row(el, 'Total cost of ownership'))).to.deep.equal(['★Best value: €5,625.00', '€79,470.00']);
      const changed = oneEvent(el, 'change');
      const picker = part(el, 'term-select') as HTMLSelectElement;
      picker.value = '60';
      picker.dispatchEvent(new Event('change'));
      await changed;
      await el.updateComplete;
      expect(el.term).to.equal(60);
      expect(text(row(el, 'Recurring over').querySelector('th'))).to.equal('Recurring over 60 months');
      const at60 = compare(items, { catalog: collab, context, termMonths: 60 });
      expect(cells(row(el, 'Total cost of ownership')).map((c) => c.replace('★Best value: ', ''))).to.deep.equal(at60.items.map((i) => money(i.price!.tco.net)));
    });

    it('counts no one-time charges for what the customer owns', async () => {
      const el = await comparison({ catalog: av, items: [{ id: 'today', owned: true, product: 'meeting-room' }, { id: 'new', configuration: avConfig }], baseline: 'today' });
      expect(cells(row(el, 'Due now'))[0]).to.contain('Already paid');
      const engine = compare([{ id: 'today', owned: true, product: 'meeting-room' }, { id: 'new', configuration: avConfig }], { catalog: av, context, baseline: 'today' });
      expect(cells(row(el, 'Total cost of ownership'))[1]).to.contain(money(engine.items[1]!.price!.tco.net));
      expect(cells(row(el, 'Total cost of ownership'))[1]).to.contain(`+${money(engine.items[1]!.delta!.money!.tco)}`);
    });
  });

  describe('baseline and promoted columns', () => {
    it('badges the baseline and measures every other column against it, in features and money', async () => {
      const el = await comparison({ baseline: 'starter', promoted: 'business' });
      const headers = parts(el, 'column-header');
      expect(headers.map((h) => h.getAttribute('part'))).to.deep.equal(['column-header column-header-baseline', 'column-header column-header-promoted', 'column-header']);
      expect(texts(el, 'badge')).to.deep.equal(['Current', 'Recommended']);
      const lines = summaries(el);
      expect(lines[0]).to.equal('Compared with Starter | +20 Users | +4 features | +€277.50 per month | +€9,990.00 over 36 months');
      expect(lines[1]).to.contain('+€74,340.00 over 36 months');
      expect(cells(row(el, 'Maximum users'))).to.deep.equal(['25', '300+275 ↑ (better)', '★Best value: 5,000+4,975 ↑ (better)']);
      expect(cells(row(el, 'Response time for critical issues'))[1]).to.equal('8\u00a0h\u221216\u00a0h ↑ (better)');
      expect(cells(row(el, 'Single sign-on'))).to.deep.equal(['✕No', '✓YesNew', '✓YesNew']);
      // The promoted column is tinted, and says so in its header.
      const promoted = row(el, 'Maximum users').querySelectorAll('td')[1]!;
      expect(promoted.getAttribute('part')).to.contain('cell-promoted');
    });

    it('today against tomorrow on the AV system: “+2 Table microphones … +€30.00 per month”', async () => {
      const items: CompareItem[] = [
        { id: 'today', name: 'Today', owned: true, product: 'meeting-room' },
        { id: 'tomorrow', name: 'Tomorrow', configuration: avConfig },
      ];
      const el = await comparison({ catalog: av, items, baseline: 'today', differencesOnly: true });
      expect(summaries(el)[0]).to.equal('Compared with Today | +2 Table microphones | +1 Ceiling microphone arrays | +6 features | +€30.00 per month | +€26,500.00 over 36 months');
      expect(cells(row(el, 'Screen size'))).to.deep.equal(['65\u00a0in', '★Best value: 86\u00a0in+21\u00a0in ↑ (better)']);
    });
  });

  describe('choosing, adding and removing items', () => {
    it('fires a typed cpq-select with the chosen item, on user action only', async () => {
      const el = await comparison();
      let count = 0;
      document.addEventListener('cpq-select', () => count++);
      const selected = oneEvent(document, 'cpq-select');
      const button = parts(el, 'choose-button')[1]!;
      expect(text(button)).to.equal('Choose Business');
      button.click();
      const event = await selected;
      expect(event).to.be.instanceOf(CpqSelectEvent);
      expect([event.bubbles, event.composed]).to.deep.equal([true, true]);
      expect(event.detail.item.id).to.equal('business');
      expect(event.detail.item.configuration).to.deep.include({ product: 'business' });
      expect(event.detail.item.configuration.selections).to.deep.include({ seats: 25, billing: 'annual' });
      el.baseline = 'business';
      el.items = [...packages];
      await el.updateComplete;
      expect(count).to.equal(1, 'property changes fire nothing');
    });

    it('chooses from the keyboard', async () => {
      const el = await comparison();
      const selected = oneEvent(el, 'cpq-select');
      parts(el, 'choose-button')[2]!.focus();
      await sendKeys({ press: 'Enter' });
      expect((await selected).detail.item.id).to.equal('enterprise');
    });

    it('removes an item, clears a baseline that is gone, keeps the focus nearby and fires change', async () => {
      const el = await comparison({ baseline: 'business' });
      const changed = oneEvent(el, 'change');
      const remove = parts(el, 'remove-button')[1]!;
      expect(remove.getAttribute('aria-label')).to.equal('Remove Business');
      remove.click();
      await changed;
      await el.updateComplete;
      expect(texts(el, 'item-name')).to.deep.equal(['Starter', 'Enterprise']);
      expect(el.items).to.deep.equal([{ product: 'starter' }, { product: 'enterprise' }]);
      expect(el.baseline).to.equal('');
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(parts(el, 'remove-button')[1]);
    });

    it('adds a product of the catalog that is not compared yet', async () => {
      const el = await comparison({ items: [{ product: 'starter' }] });
      const select = root(el).querySelector<HTMLSelectElement>('#add')!;
      expect([...select.options].map((o) => o.text)).to.deep.equal(['Business', 'Enterprise']);
      select.value = 'enterprise';
      const changed = oneEvent(el, 'change');
      part(el, 'add').querySelector('button')!.click();
      await changed;
      await el.updateComplete;
      expect(texts(el, 'item-name')).to.deep.equal(['Starter', 'Enterprise']);
    });

    it('offers neither add nor remove when fixed', async () => {
      const el = await comparison({ fixed: true });
      expect(parts(el, 'remove-button')).to.have.length(0);
      expect(parts(el, 'add')).to.have.length(0);
      expect(parts(el, 'choose-button')).to.have.length(3);
    });
  });

  describe('narrow screens', () => {
    /** The labels of the selectors of the items shown, and the selectors. */
    const pickers = (el: ProductComparison) => [...part(el, 'column-picker').querySelectorAll('label')].map((label) => ({ label: text(label.querySelector('span')), select: label.querySelector('select')! }));

    it('shows two items side by side with selectors, starting with the baseline; never a wider table', async () => {
      const el = await comparison({ width: '360px', baseline: 'starter' });
      await frames(el);
      expect(texts(el, 'item-name')).to.deep.equal(['Starter', 'Business']);
      expect(pickers(el).map((p) => p.label)).to.deep.equal(['First column shows', 'Second column shows']);
      expect(pickers(el).map((p) => p.select.value)).to.deep.equal(['starter', 'business']);
      const first = pickers(el)[0]!.select;
      first.value = 'enterprise';
      first.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(texts(el, 'item-name')).to.deep.equal(['Enterprise', 'Business']);
      // Picking what the other column shows swaps the two.
      const second = pickers(el)[1]!.select;
      second.value = 'enterprise';
      second.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(texts(el, 'item-name')).to.deep.equal(['Business', 'Enterprise']);
      expect(pickers(el).map((p) => p.select.value)).to.deep.equal(['business', 'enterprise']);
      expect(part(el, 'table').getBoundingClientRect().width).to.be.at.most(360);
    });

    // #17 defect 7: a phone showed one plan at a time, picked with a select labelled "Column 1".
    describe('on a phone (390×844)', () => {
      before(() => setViewport({ width: 390, height: 844 }));
      after(() => setViewport({ width: 800, height: 600 }));

      const labels: Record<string, string[]> = {
        en: ['First column shows', 'Second column shows'],
        de: ['Erste Spalte zeigt', 'Zweite Spalte zeigt'],
        fr: ['La première colonne affiche', 'La deuxième colonne affiche'],
      };
      for (const [lang, expected] of Object.entries(labels)) {
        it(`shows two plans side by side under each row’s name, chosen with selectors labelled in words (${lang})`, async () => {
          const el = await comparison({ width: 'auto', baseline: 'starter', promoted: 'business', lang });
          await frames(el);
          expect(el.getBoundingClientRect().width).to.be.within(300, 390);
          expect(pickers(el).map((p) => p.label)).to.deep.equal(expected);
          for (const { label, select } of pickers(el)) {
            expect(label, 'words, not a number').not.to.match(/\d/);
            // The select's accessible name is its label.
            expect(select.labels[0]!.textContent).to.contain(label);
          }
          expect(texts(el, 'item-name')).to.have.length(2);
          const users = { en: 'Maximum users', de: 'Maximale Nutzerzahl', fr: 'Nombre maximal d’utilisateurs' }[lang]!;
          const response = { en: 'Response time for critical issues', de: 'Reaktionszeit bei kritischen Störungen', fr: 'Délai de réponse aux incidents critiques' }[lang]!;
          for (const found of [row(el, users), row(el, response)]) {
            const header = found.querySelector('th')!.getBoundingClientRect();
            const [a, b] = [...found.querySelectorAll('td[part~="cell"]')].map((td) => td.getBoundingClientRect());
            // Both values on screen, side by side, each wide enough to read; the row's name kept, above them.
            for (const box of [a!, b!]) {
              expect(box.left).to.be.at.least(0);
              expect(box.right).to.be.at.most(390);
              expect(box.width).to.be.at.least(120);
            }
            expect(a!.right).to.be.at.most(b!.left + 0.5);
            expect(a!.top).to.be.closeTo(b!.top, 0.5);
            expect(header.width, 'the row’s name takes the whole width').to.be.at.least(b!.right - a!.left - 1);
            expect(header.bottom).to.be.at.most(a!.top + 0.5);
            expect(cells(found)).to.have.length(2);
          }
          expect(document.documentElement.scrollWidth, 'nothing wider than the phone').to.be.at.most(390);
        });
      }

      it('keeps two items side by side when there are only two', async () => {
        const items: CompareItem[] = [
          { id: 'today', name: 'Today', owned: true, product: 'meeting-room' },
          { id: 'tomorrow', name: 'Tomorrow', configuration: avConfig },
        ];
        const el = await comparison({ catalog: av, items, baseline: 'today', width: 'auto' });
        await frames(el);
        expect(parts(el, 'column-picker')).to.have.length(0);
        const [a, b] = [...row(el, 'Screen size').querySelectorAll('td')].map((td) => td.getBoundingClientRect());
        expect(a!.top).to.be.closeTo(b!.top, 0.5);
        expect(b!.right).to.be.at.most(390);
      });
    });

    it('shows two on a medium screen', async () => {
      const el = await comparison({ width: '600px', promoted: 'enterprise' });
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await el.updateComplete;
      expect(texts(el, 'item-name')).to.deep.equal(['Enterprise', 'Starter']);
      expect(parts(el, 'column-picker')[0]!.querySelectorAll('select')).to.have.length(2);
    });
  });

  // #17 defect 7: the table sat in a box 80vh high that showed about four rows.
  describe('the page scrolls the table', () => {
    after(() => setViewport({ width: 800, height: 600 }));

    const setups: Record<string, Options> = {
      'the plans of the demo page': { baseline: 'starter', promoted: 'business', width: 'auto' },
      'the AV room today and tomorrow': {
        catalog: av,
        items: [{ id: 'today', owned: true, product: 'meeting-room' }, { id: 'tomorrow', configuration: avConfig }],
        baseline: 'today',
        width: 'auto',
      },
    };
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      for (const [setup, options] of Object.entries(setups)) {
        it(`grows with its rows, in no box of its own, its names stuck to the top of the viewport: ${setup}, ${width}×${height}`, async () => {
          await setViewport({ width, height });
          const el = await comparison(options);
          await frames(el);
          expect(boxesAround(el).filter(scrolls).map((box) => box.className)).to.deep.equal([], 'no box between the table and the page scrolls');
          expect(el.scrollHeight).to.equal(el.clientHeight);
          const table = part(el, 'table').getBoundingClientRect();
          const host = el.getBoundingClientRect();
          expect(table.bottom).to.be.at.most(host.bottom);
          expect(host.height, 'taller than the viewport: every row is on the page').to.be.greaterThan(height);
          // Scrolled halfway down the table, the names are at the top of the viewport.
          window.scrollTo(0, window.scrollY + table.top + table.height / 2);
          await frames(el);
          for (const header of parts(el, 'column-header')) expect(header.getBoundingClientRect().top).to.be.closeTo(0, 1);
          window.scrollTo(0, 0);
        });
      }
    }

    it('sticks the names below a page’s own sticky header, with --cpq-product-comparison-sticky-top', async () => {
      await setViewport({ width: 1280, height: 800 });
      const el = await comparison({ width: 'auto' });
      el.style.setProperty('--cpq-product-comparison-sticky-top', '60px');
      const table = part(el, 'table').getBoundingClientRect();
      window.scrollTo(0, window.scrollY + table.top + table.height / 2);
      await frames(el);
      expect(part(el, 'column-header').getBoundingClientRect().top).to.be.closeTo(60, 1);
      window.scrollTo(0, 0);
    });

    it('puts a table wider than the element in a box that scrolls both ways, reached from the keyboard', async () => {
      const { catalog, products } = synthetic('wide', 8, 40, (n, f) => n + f);
      const el = await comparison({ catalog, items: products.map((p) => ({ product: p.id })), width: '1000px' });
      await frames(el);
      const scroller = part(el, 'scroller');
      expect(scrolls(scroller)).to.equal(true);
      expect(scroller.scrollWidth).to.be.greaterThan(scroller.clientWidth);
      expect(part(el, 'table').getBoundingClientRect().width).to.be.greaterThan(1000);
      expect(el.getBoundingClientRect().width).to.equal(1000, 'the element keeps its width');
      expect([scroller.tabIndex, scroller.getAttribute('role'), scroller.getAttribute('aria-labelledby')]).to.deep.equal([0, 'region', 'caption']);
      expect(texts(el, 'item-name')).to.have.length(8, 'every item, not windowed');
      // What is positioned in the box (the visually hidden words) stays in it: it does not stretch the page below the element.
      expect(scroller.scrollHeight).to.be.greaterThan(scroller.clientHeight);
      expect(document.documentElement.scrollHeight).to.be.at.most(Math.max(window.innerHeight, el.getBoundingClientRect().bottom + window.scrollY + 50));
      // Fewer items fit: back on the page.
      el.items = products.slice(0, 3).map((p) => ({ product: p.id }));
      await el.updateComplete;
      await frames(el);
      expect(boxesAround(el).filter(scrolls).map((box) => box.className)).to.deep.equal([]);
      expect(scroller.hasAttribute('tabindex')).to.equal(false);
    });
  });

  describe('large tables', () => {
    /** 60 products with 120 features each. */
    const largeCatalog = (): Catalog => synthetic('large', 60, 120, (n, f) => (f % 3 === 0 ? 1 : (n * 7 + f) % 50)).catalog;

    it('on a phone, stacked, still renders what is in view and covers its box as it scrolls', async () => {
      const { catalog, products } = synthetic('long', 3, 900, (n, f) => n + f);
      const el = await comparison({ catalog, items: products.map((p) => ({ product: p.id })), width: '360px' });
      await frames(el);
      expect(part(el, 'table').className).to.contain('stacked');
      expect(part(el, 'table').getAttribute('aria-rowcount')).to.equal(String(1 + 900 + 2));
      const scroller = part(el, 'scroller');
      expect(scrolls(scroller)).to.equal(true);
      const rows = () => [...root(el).querySelectorAll('tbody.group tr')];
      expect(rows().length).to.be.within(5, 60);
      for (const fraction of [0, 0.5, 0.97]) {
        scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * fraction;
        for (let i = 0; i < 4; i++) await frames(el);
        const box = scroller.getBoundingClientRect();
        // Below the header's rows as shown (the names stick; the prices and actions scroll away).
        const header = Math.max(...[...part(el, 'head').querySelectorAll('tr')].map((tr) => tr.getBoundingClientRect().bottom));
        const boxes = rows().map((r) => r.getBoundingClientRect());
        expect(Math.min(...boxes.map((r) => r.top)), `rows from the header down, at ${fraction}`).to.be.at.most(header);
        expect(Math.max(...boxes.map((r) => r.bottom)), `rows to the box's bottom, at ${fraction}`).to.be.at.least(box.bottom);
      }
    });

    it('renders what is in view, tells assistive technology the full size, and renders more as it scrolls', async () => {
      const catalog = largeCatalog();
      const items = catalog.products.map((p) => ({ product: p.id }));
      const el = await comparison({ catalog, items });
      const table = part(el, 'table');
      expect(table.getAttribute('aria-rowcount')).to.equal(String(1 + 120 + 2));
      expect(table.getAttribute('aria-colcount')).to.equal('61');
      const rendered = () => [...root(el).querySelectorAll('tr[part~="row"]')].map((r) => Number(r.getAttribute('aria-rowindex')));
      expect(rendered().length).to.be.within(5, 60);
      expect(rendered()[0]).to.equal(4, 'row 1 and 2 are the header, 3 the group heading');
      // A table this large stays in a box of its own (it renders what the box shows), reached from the keyboard.
      const scroller = part(el, 'scroller');
      expect(scrolls(scroller)).to.equal(true);
      expect(scroller.clientHeight).to.be.below(window.innerHeight);
      expect([scroller.tabIndex, scroller.getAttribute('role'), scroller.getAttribute('aria-labelledby')]).to.deep.equal([0, 'region', 'caption']);
      /** Whether the rows and columns rendered cover the scrolling box below its stuck names: nothing in view is left blank. */
      const covered = () => {
        const box = scroller.getBoundingClientRect();
        // Below the names, which stick, and the rest of the header while it is in view.
        const top = Math.max(part(el, 'head').getBoundingClientRect().bottom, ...parts(el, 'column-header').map((th) => th.getBoundingClientRect().bottom));
        const rows = [...root(el).querySelectorAll('tbody.group tr')].map((r) => r.getBoundingClientRect());
        const cells = [...root(el).querySelectorAll('th[scope="col"]')].map((c) => c.getBoundingClientRect());
        return {
          rows: Math.min(...rows.map((r) => r.top)) <= top && Math.max(...rows.map((r) => r.bottom)) >= box.bottom,
          columns: Math.max(...cells.map((c) => c.right)) >= box.right && (scroller.scrollLeft === 0 || Math.min(...cells.map((c) => c.left)) <= box.left + part(el, 'table').querySelector('th[scope="row"]')!.getBoundingClientRect().width),
        };
      };
      expect(covered()).to.deep.equal({ rows: true, columns: true });
      scroller.scrollTop = scroller.scrollHeight / 2;
      scroller.scrollLeft = scroller.scrollWidth / 2;
      await new Promise((resolve) => setTimeout(resolve, 100));
      await el.updateComplete;
      expect(covered()).to.deep.equal({ rows: true, columns: true });
      expect(rendered()[0]).to.be.greaterThan(30);
      const columns = parts(el, 'item-name').map(text);
      expect(columns.length).to.be.below(20);
      expect(columns).not.to.include('Plan 0');
      expect(Number(root(el).querySelector('th[scope="col"]')!.getAttribute('aria-colindex'))).to.be.greaterThan(10);
      // The filter still works on the whole table.
      el.differencesOnly = true;
      await el.updateComplete;
      expect(table.getAttribute('aria-rowcount')).to.equal(String(1 + 80 + 2), 'a third of the features are alike');
    });
  });

  // The page of `npm start` (examples/compare/) in a frame of a desktop's and a phone's size.
  // The page loads the built embed scripts (dist/cdn/cpq-kit.js, and engine.js in its glue),
  // which this test server does not build: the page and its glue are loaded with those
  // imports pointed to the sources (src/cdn.ts, src/cdn-engine.ts). The server also serves JSON as a module, so the page's fetch of
  // the catalog is answered with the catalog's text.
  describe('the demo page examples/compare/', () => {
    let frame: HTMLIFrameElement | undefined;
    afterEach(() => {
      frame?.remove();
      frame = undefined;
    });

    async function demoPage(width: number, height: number): Promise<{ page: Window; doc: Document; el: ProductComparison }> {
      const built = { '/packages/components/dist/cdn/cpq-kit.js': '/packages/components/src/cdn.ts', '/packages/components/dist/cdn/engine.js': '/packages/components/src/cdn-engine.ts' };
      const fromSource = (code: string, script: keyof typeof built) => {
        expect(code).to.contain(script);
        return Object.entries(built).reduce((text, [from, to]) => text.replaceAll(from, to), code);
      };
      const [markup = '', glue = ''] = await Promise.all(
        (
          [
            ['index.html', '/packages/components/dist/cdn/cpq-kit.js'],
            ['compare.js', '/packages/components/dist/cdn/engine.js'],
          ] as const
        ).map(async ([file, script]) => fromSource(await (await fetch(`/examples/compare/${file}`)).text(), script)),
      );
      const catalogText = JSON.stringify(JSON.stringify(collabSuiteJson)).replaceAll('<', '\\u003c');
      const shim = `<script>{ const fetch = window.fetch; window.fetch = (url, ...rest) => String(url).endsWith('/examples/catalogs/collab-suite.json') ? Promise.resolve(new Response(${catalogText})) : fetch(url, ...rest); }</script>`;
      const glueTag = '<script type="module" src="./compare.js"></script>';
      expect(markup).to.contain(glueTag);
      frame = document.createElement('iframe');
      frame.title = 'The comparison demo page';
      frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0; display: block`;
      frame.srcdoc = markup
        .replace('<head>', `<head><base href="/examples/compare/" />${shim}`)
        .replaceAll('"../', '"/examples/')
        .replace(glueTag, `<script type="module">${glue}</script>`);
      const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
      document.body.append(frame);
      await loaded;
      const page = frame.contentWindow!;
      const doc = frame.contentDocument!;
      for (let tries = 0; tries < 500 && !doc.querySelector('product-comparison')?.shadowRoot?.querySelector('[part~="table"]'); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const el = doc.querySelector('product-comparison') as ProductComparison;
      expect(el.shadowRoot?.querySelector('[part~="table"]'), 'the comparison is shown').to.exist;
      for (let i = 0; i < 3; i++) await new Promise((resolve) => page.requestAnimationFrame(resolve));
      await el.updateComplete;
      return { page, doc, el };
    }

    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      it(`ends with its footer, the whole table on the page, at ${width}×${height}`, async () => {
        const { page, doc, el } = await demoPage(width, height);
        const footer = doc.querySelector('.site-footer')!.getBoundingClientRect().bottom + page.scrollY;
        const bottom = doc.scrollingElement!.scrollHeight;
        expect(bottom - Math.max(footer, page.innerHeight), 'empty space below the footer, px').to.be.at.most(100);
        expect(doc.scrollingElement!.scrollWidth, 'nothing wider than the page').to.be.at.most(width);
        const table = el.shadowRoot!.querySelector('[part~="table"]')!.getBoundingClientRect();
        expect(el.getBoundingClientRect().height).to.be.at.least(table.height);
        expect(el.scrollHeight).to.equal(el.clientHeight);
        expect(el.shadowRoot!.querySelectorAll('[part~="item-name"]')).to.have.length(width < 480 ? 2 : 3);
      });
    }
  });

  // Pages with a strict content security policy (no 'unsafe-inline' styles) block style
  // attributes: the element sets its sizes (--columns, the spacers of a large table)
  // through the CSSOM. Checked in a frame with such a policy.
  it('renders under a strict style-src policy without a violation', async () => {
    const frame = document.createElement('iframe');
    frame.title = 'A page with a strict content security policy';
    frame.style.cssText = 'width: 1000px; height: 700px; border: 0';
    const script = `
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.violations.push(event.violatedDirective));
      const { loadCatalog } = await import('/packages/engine/src/index.ts');
      await import('/packages/components/src/define/product-comparison.ts');
      const specs = {};
      for (let f = 0; f < 120; f++) specs['f' + f] = { name: 'Feature ' + f, type: 'number', better: 'higher' };
      const products = Array.from({ length: 30 }, (_, n) => ({ id: 'p' + n, name: 'Plan ' + n, specs: Object.fromEntries(Array.from({ length: 120 }, (_, f) => ['f' + f, n + f])), attributes: [] }));
      const catalog = loadCatalog({ id: 'large', version: '1', name: 'Large', defaultCurrency: 'EUR', defaultLocale: 'en', specs, products });
      const large = Object.assign(document.createElement('product-comparison'), { catalog, items: products.map((p) => ({ product: p.id })) });
      const small = Object.assign(document.createElement('product-comparison'), { catalog, items: products.slice(0, 3).map((p) => ({ product: p.id })) });
      document.body.append(large, small);
      await large.updateComplete;
      await small.updateComplete;
      window.ready = true;`;
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="style-src 'self'" /></head><body><script type="module">${script}</script></body></html>`;
    document.body.append(frame);
    try {
      const page = frame.contentWindow as Window & { ready?: boolean; violations?: string[] };
      for (let tries = 0; tries < 500 && !page.ready; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(page.ready, 'the elements rendered').to.equal(true);
      for (let i = 0; i < 3; i++) await new Promise((resolve) => page.requestAnimationFrame(resolve));
      const [large, small] = [...frame.contentDocument!.querySelectorAll('product-comparison')];
      // A large table has its spacers, with their sizes; both tables their column count.
      expect(large!.shadowRoot!.querySelectorAll('.spacer td, .column-spacer').length).to.be.greaterThan(0);
      const spacer = large!.shadowRoot!.querySelector<HTMLElement>('.spacer td')!;
      expect(parseFloat(getComputedStyle(spacer).height)).to.be.greaterThan(100);
      expect(getComputedStyle(small!.shadowRoot!.querySelector('table')!).getPropertyValue('--columns').trim()).to.equal('3');
      expect(page.violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  describe('states', () => {
    it('says what to do without a catalog or items, which a slot can replace', async () => {
      const none = await comparison({ catalog: undefined });
      expect(text(part(none, 'empty'))).to.equal('No product information to show.');
      const empty = await comparison({ items: [] });
      expect(text(part(empty, 'empty'))).to.equal('Add a product to compare.');
      expect(parts(empty, 'add')).to.have.length(1);
    });

    it('says why when the items cannot be compared', async () => {
      const el = await comparison({ products: 'business enterprize' });
      const error = part(el, 'error');
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.contain('items[1].product: unknown product "enterprize" (did you mean "enterprise"?)');
    });
  });

  describe('languages and themes', () => {
    it('speaks German, with German numbers and money', async () => {
      const el = await comparison({ lang: 'de', baseline: 'starter' });
      expect(text(part(el, 'caption'))).to.equal('Vergleich: Collaboration-Suite');
      expect(text(part(el, 'differences-toggle'))).to.equal('Nur Unterschiede zeigen');
      expect(cells(row(el, 'Maximale Nutzerzahl'))[2]).to.equal('★Bester Wert: 5.000+4.975 ↑ (besser)');
      expect(texts(el, 'item-prices')[1]).to.equal(`${money({ amount: '312.50', currency: 'EUR' }, 'de')} pro Monat`);
      expect(texts(el, 'badge')).to.deep.equal(['Aktuell']);
    });

    it('is dark with theme="dark"', async () => {
      const el = await comparison({ theme: 'dark' });
      expect(getComputedStyle(part(el, 'scroller')).backgroundColor).to.equal('rgb(13, 17, 23)');
    });
  });

  describe('catalog text is text, never HTML', () => {
    it('renders markup in names, sections, specs and units as text and runs nothing', async () => {
      delete (window as { __cpqXss?: boolean }).__cpqXss;
      const catalog = loadCatalog({
        id: 'xss',
        version: '1',
        name: XSS.img,
        defaultCurrency: 'EUR',
        defaultLocale: 'en',
        specs: { note: { name: XSS.svg, description: XSS.script, type: 'text' }, size: { name: 'Size', type: 'number', unit: XSS.img, better: 'higher' } },
        products: [
          { id: 'a', name: XSS.img, specs: { note: XSS.script, size: 1 }, sections: [{ id: 's', name: XSS.svg }], attributes: [{ id: 'c', kind: 'single', section: 's', name: XSS.script, options: [{ id: 'o', name: XSS.img }] }] },
          { id: 'b', name: XSS.script, specs: { note: XSS.svg, size: 2 }, attributes: [] },
        ],
      });
      const el = await comparison({ catalog, items: [{ product: 'a' }, { product: 'b' }], baseline: 'a' });
      expect(root(el).querySelectorAll('script, svg, img, iframe, [onerror], [onload]')).to.have.length(0);
      expect(text(part(el, 'caption'))).to.equal(`Comparison: ${XSS.img}`);
      expect(texts(el, 'item-name')).to.deep.equal([XSS.img, XSS.script]);
      expect(text(row(el, XSS.svg).querySelector('th'))).to.equal(`${XSS.svg} ${XSS.script}`);
      expect(cells(row(el, XSS.svg))).to.deep.equal([XSS.script, XSS.svg]);
      expect(cells(row(el, 'Size'))[1]).to.equal(`★Best value: 2\u00a0${XSS.img}+1\u00a0${XSS.img} ↑ (better)`);
      expect(cells(row(el, XSS.script))[0]).to.equal(XSS.img);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as { __cpqXss?: boolean }).__cpqXss).to.equal(undefined);
    });
  });

  describe('accessibility (axe)', () => {
    const states: Record<string, () => Promise<ProductComparison>> = {
      'three packages': () => comparison({ promoted: 'business' }),
      'differences only, against a baseline': () => comparison({ baseline: 'starter', promoted: 'business', differencesOnly: true }),
      'dark': () => comparison({ theme: 'dark', baseline: 'starter', promoted: 'business' }),
      'German': () => comparison({ lang: 'de', baseline: 'starter' }),
      'French, dark': () => comparison({ lang: 'fr', theme: 'dark' }),
      'AV today and tomorrow': () => comparison({ catalog: av, items: [{ id: 'today', owned: true, product: 'meeting-room' }, { id: 'tomorrow', configuration: avConfig }], baseline: 'today' }),
      'narrow': () => comparison({ width: '360px', baseline: 'starter' }),
      'narrow, French, dark, differences only': () => comparison({ width: '360px', baseline: 'starter', promoted: 'business', lang: 'fr', theme: 'dark', differencesOnly: true }),
      'medium': () => comparison({ width: '600px', promoted: 'enterprise' }),
      'wider than the element, in a box of its own': async () => {
        const more: CompareItem[] = [500, 1000].map((seats) => ({ id: `enterprise-${seats}`, name: `Enterprise ${seats}`, product: 'enterprise', selections: { seats } }));
        const el = await comparison({ width: '800px', items: [...packages, ...more] });
        await frames(el);
        expect(part(el, 'scroller').tabIndex).to.equal(0);
        return el;
      },
      'fixed': () => comparison({ fixed: true }),
      'no items': () => comparison({ items: [] }),
      'no catalog': () => comparison({ catalog: undefined }),
      'cannot compare': () => comparison({ products: 'nope' }),
    };
    for (const [state, make] of Object.entries(states)) {
      it(`has no violations: ${state}`, async () => {
        const el = await make();
        await frames(el);
        await expect(el).to.be.accessible();
      });
    }

    it('has no violations with a group collapsed', async () => {
      const el = await comparison();
      parts(el, 'group-toggle')[0]!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });
});
