// <product-configurator> in Chromium: every attribute kind, valid domains with reasons and
// one-step repairs (checked against the engine's own answers), undo, live prices and
// deltas against the pricing engine, events on user actions only, the keyboard, a real
// <form>, share links and the page URL, precompiled spaces, loading and errors, languages,
// themes, narrow screens, catalog text as text, and axe in every state.
import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  compile,
  ConfigurationSession,
  decodeConfiguration,
  encodeConfiguration,
  explainDecision,
  importUvl,
  loadCatalog,
  loadConfiguration,
  price,
  priceDelta,
  saveSpace,
  shareCodeOf,
  shareLink,
  type Catalog,
  type Configuration,
  type Decision,
  type MoneyJSON,
  type PriceContext,
} from '@cpq-kit/engine';
import avRoomsJson from '../../../examples/catalogs/av-rooms.json' with { type: 'json' };
import avRoomsConfigJson from '../../../examples/catalogs/av-rooms.config.json' with { type: 'json' };
import collabSuiteJson from '../../../examples/catalogs/collab-suite.json' with { type: 'json' };
import '../src/define/product-configurator.js';
import {
  CpqConfigurationChangeEvent,
  CpqHandoffRequestEvent,
  CpqLoadErrorEvent,
  CpqLoadEvent,
  CpqQuoteRequestEvent,
  CpqShareEvent,
  de,
  ProductConfigurator,
  registerTranslation,
  type Translation,
} from '../src/index.js';
import { deskCatalog, roomCatalog, XSS, xssCatalog } from './fixtures.js';
import { axNode, loaded, money, part, parts, settled, text, texts } from './helpers.js';

const av = loadCatalog(avRoomsJson);
const suite = loadCatalog(collabSuiteJson);
const desk = deskCatalog();
const room = roomCatalog();
/** The demo books start on 2026-11-01: every test prices on one fixed day. */
const DATE = '2026-11-20';
const context: PriceContext = { date: DATE };

interface Options {
  catalog?: Catalog | undefined;
  src?: string;
  product?: string;
  configuration?: Configuration | string;
  space?: unknown;
  lang?: string;
  theme?: string;
  segment?: string;
  name?: string;
  syncUrl?: boolean;
  width?: string;
  /** Skip waiting for the product (to see the loading state). */
  noWait?: boolean;
}

function template(options: Options) {
  return html`
    <product-configurator
      .catalog=${'catalog' in options ? options.catalog : 'src' in options ? undefined : av}
      .space=${options.space}
      .configuration=${options.configuration}
      src=${ifDefined(options.src)}
      product=${ifDefined('product' in options ? options.product : 'catalog' in options || 'src' in options ? undefined : 'meeting-room')}
      price-date=${DATE}
      lang=${ifDefined(options.lang)}
      theme=${ifDefined(options.theme)}
      segment=${ifDefined(options.segment)}
      name=${ifDefined(options.name)}
      ?sync-url=${options.syncUrl ?? false}
    ></product-configurator>
  `;
}

/** A configurator in a wrapper of the given width (default 1000px), shown once it has loaded. */
async function configurator(options: Options = {}): Promise<ProductConfigurator> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`width: ${options.width ?? '1000px'}`}>${template(options)}</div>`);
  const el = wrapper.querySelector('product-configurator')!;
  if (!options.noWait) await loaded(el);
  return el;
}

const root = (el: ProductConfigurator) => el.shadowRoot!;

/** The attribute (a fieldset, or the row of an add-on) whose name reads `name`. */
function attribute(el: ProductConfigurator, name: string): HTMLElement {
  const found = parts(el, 'attribute').find((a) => text(a.querySelector('[part~="attribute-name"]')) === name);
  if (!found) throw new Error(`no attribute "${name}"; there are ${texts(el, 'attribute-name').join(', ')}`);
  return found;
}

/** The option card whose name reads `name` in an attribute. */
function option(el: ProductConfigurator, attributeName: string, name: string): HTMLLabelElement {
  const found = [...attribute(el, attributeName).querySelectorAll<HTMLLabelElement>('[part~="option"]')].find((o) => text(o.querySelector('[part~="option-name"]')) === name);
  if (!found) throw new Error(`no option "${name}" in "${attributeName}"`);
  return found;
}

const input = (label: HTMLElement) => label.querySelector('input')!;

/** The error state: its sentence in the reader's language, then each line of the detail (the engine's English). */
const failure = (el: ProductConfigurator) => {
  const error = part(el, 'error');
  return [text(error.querySelector('.error-summary')), ...[...error.querySelectorAll('[part~="error-details"] li')].map(text)];
};

/** Clicks an option card's radio button or checkbox, as a buyer does. */
async function pick(el: ProductConfigurator, attributeName: string, name: string): Promise<void> {
  input(option(el, attributeName, name)).click();
  await el.updateComplete;
}

/** A button of the element by its text. */
function button(el: ProductConfigurator, label: string): HTMLButtonElement {
  const found = [...root(el).querySelectorAll('button')].find((b) => text(b) === label);
  if (!found) throw new Error(`no button "${label}"; there are ${[...root(el).querySelectorAll('button')].map(text).join(' | ')}`);
  return found;
}

/** Clicks a button of the element by its text. */
async function press(el: ProductConfigurator, label: string): Promise<void> {
  button(el, label).click();
  await el.updateComplete;
}

const switchOf = (el: ProductConfigurator, name: string) => attribute(el, name).querySelector<HTMLInputElement>('input[role="switch"]')!;
const checkedNames = (el: ProductConfigurator, attributeName: string) =>
  [...attribute(el, attributeName).querySelectorAll<HTMLLabelElement>('[part~="option"]')].filter((o) => input(o).checked).map((o) => text(o.querySelector('[part~="option-name"]')));
const unavailableNames = (el: ProductConfigurator, attributeName: string) =>
  [...attribute(el, attributeName).querySelectorAll<HTMLLabelElement>('[part~="option"]')].filter((o) => input(o).getAttribute('aria-disabled') === 'true').map((o) => text(o.querySelector('[part~="option-name"]')));

/** A session of the engine's own, for the answers the element must agree with. */
function reference(catalog: Catalog, product: string, selections: Configuration['selections'] = {}): ConfigurationSession {
  return new ConfigurationSession(compile(catalog, { product }), selections);
}


/** The option names of an attribute, in the catalog's order, in English. */
function optionNames(catalog: Catalog, product: string, attributeId: string): Map<string, string> {
  const a = catalog.products.find((p) => p.id === product)!.attributes.find((x) => x.id === attributeId)!;
  if (!('options' in a)) throw new Error(`${attributeId} has no options`);
  return new Map(a.options.map((o) => [o.id, typeof o.name === 'string' ? o.name : o.name['en']!]));
}

/** Records the events a configurator sends up to the document. */
function record(names: string[]): { events: Event[]; stop: () => void } {
  const events: Event[] = [];
  const listener = (event: Event) => void events.push(event);
  for (const name of names) document.addEventListener(name, listener);
  return { events, stop: () => names.forEach((name) => document.removeEventListener(name, listener)) };
}

/** A blob: URL serving a catalog document, as a server would (the test server turns .json files into modules). */
const catalogUrl = (document: unknown) => URL.createObjectURL(new Blob([JSON.stringify(document)], { type: 'application/json' }));

const realFetch = window.fetch;
/** Holds every fetch until the returned function is called, to see the loading state. */
function holdFetch(): () => void {
  let answer!: () => void;
  const gate = new Promise<void>((resolve) => (answer = resolve));
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    await gate;
    return realFetch(...args);
  };
  return answer;
}
const restoreFetch = () => void (window.fetch = realFetch);

const EVENTS = ['change', 'cpq-configuration-change', 'cpq-quote-request', 'cpq-share', 'cpq-handoff-request'];
const sorted = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

describe('<product-configurator>', () => {
  describe('every kind of attribute', () => {
    it('shows the AV meeting room: its sections, option cards, steppers and switches, as the catalog defines them', async () => {
      const el = await configurator();
      expect(text(part(el, 'name'))).to.equal('Meeting room system');
      expect(part(el, 'name').localName).to.equal('h2');
      expect(texts(el, 'section-name')).to.deep.equal(['Display', 'Camera', 'Audio', 'Control and sharing', 'Services']);
      const product = av.products.find((p) => p.id === 'meeting-room')!;
      for (const a of product.attributes) {
        const name = (a.name as Record<string, string>)['en']!;
        const shown = attribute(el, name);
        if (a.kind === 'single') {
          // Five options or fewer: cards with native radio buttons, one group per attribute.
          const radios = [...shown.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
          expect(radios.map((r) => text(r.closest('label')!.querySelector('[part~="option-name"]'))), name).to.deep.equal([...optionNames(av, 'meeting-room', a.id).values()]);
          expect(new Set(radios.map((r) => r.name)).size, `${name}: one group`).to.equal(1);
          expect(shown.localName).to.equal('fieldset');
          expect(text(shown.querySelector('legend'))).to.equal(name);
        } else if (a.kind === 'quantity') {
          const number = shown.querySelector<HTMLInputElement>('[part~="stepper"] input[type="number"]')!;
          expect([number.min, number.max, number.getAttribute('aria-label')], name).to.deep.equal([String(a.min ?? 0), String(a.max), name]);
          expect([...shown.querySelectorAll('[part~="stepper"] button')].map((b) => b.getAttribute('aria-label'))).to.deep.equal([`Fewer: ${name}`, `More: ${name}`]);
          expect(text(shown.querySelector('[part~="attribute-hint"]'))).to.equal(`Quantity 0 to ${a.max}`);
        } else if (a.kind === 'boolean') {
          const toggle = shown.querySelector<HTMLInputElement>('input[role="switch"]')!;
          expect(toggle.type).to.equal('checkbox');
          // Named by its label, described by its hint.
          expect(toggle.labels?.[0]?.textContent).to.contain(name);
          expect(root(el).getElementById(toggle.getAttribute('aria-describedby')!) === shown.querySelector('[part~="attribute-hint"]'), `${name}: described by its hint`).to.equal(true);
        }
      }
      expect(parts(el, 'select')).to.have.length(0, 'no choice has more than six options');
      expect((part(el, 'picture-base') as HTMLImageElement).getAttribute('src')).to.equal('/examples/catalogs/images/meeting-room/room.svg', 'the picture that follows the choices (product-picture.test.ts)');
    });

    it('shows a choice of more than six options as a drop-down, a multiple choice as checkboxes and an optional choice with “None”', async () => {
      const el = await configurator({ catalog: desk });
      const select = attribute(el, 'Colour').querySelector('select')!;
      expect(select.getAttribute('part')).to.equal('select');
      expect(select.getAttribute('aria-label')).to.equal('Colour');
      expect([...select.options].map((o) => o.text)).to.deep.equal(['Choose…', 'White', 'Black', 'Grey', 'Oak', 'Walnut', 'Red', 'Blue', 'Green']);
      expect(select.value).to.equal('');
      const extras = attribute(el, 'Extras');
      expect([...extras.querySelectorAll('input')].map((i) => i.type)).to.deep.equal(['checkbox', 'checkbox', 'checkbox']);
      expect(text(extras.querySelector('[part~="attribute-hint"]'))).to.equal('Choose up to 2 options');
      expect(texts(el, 'attribute-name')).to.include.members(['Top', 'Legs', 'Drawers', 'Monitor arm', 'Care plan']);
      expect([...attribute(el, 'Care plan').querySelectorAll('[part~="option-name"]')].map(text)).to.deep.equal(['Basic', 'Plus', 'None']);
      expect(text(attribute(el, 'Care plan').querySelector('[part~="attribute-hint"]'))).to.equal('Choose one (optional)');
      // The optional choice starts on "None"; nothing else is checked.
      expect(checkedNames(el, 'Care plan')).to.deep.equal(['None']);
      expect(checkedNames(el, 'Top')).to.deep.equal([]);

      // Choosing in the drop-down selects.
      select.value = 'oak';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(el.value!.selections).to.deep.equal({ colour: 'oak' });
    });

    it('shows a small catalog’s sections, option images, multiple choice and steps', async () => {
      const el = await configurator({ catalog: room, product: 'room' });
      expect(texts(el, 'section-name')).to.deep.equal(['General', 'Video', 'Audio']);
      const display = room.products[0]!.attributes.find((a) => a.id === 'display')!;
      const images = parts(el, 'option-image') as HTMLImageElement[];
      expect(images.map((i) => [i.getAttribute('src'), i.alt])).to.deep.equal([[display.kind === 'single' ? display.options[1]!.image : '', '']], 'decorative: the name is beside it');
      expect(text(attribute(el, 'Microphones').querySelector('[part~="attribute-hint"]'))).to.equal('Quantity 0 to 8, in steps of 2');
      expect(text(attribute(el, 'Extras').querySelector('[part~="attribute-hint"]'))).to.equal('Choose up to 2 options');
      // Checkboxes tick and untick options.
      await pick(el, 'Extras', 'Pen');
      await pick(el, 'Extras', 'Hub');
      expect(el.value!.selections).to.deep.equal({ extras: ['pen', 'hub'] });
      await pick(el, 'Extras', 'Pen');
      expect(el.value!.selections).to.deep.equal({ extras: ['hub'] });
    });

    it('shows an imported UVL model: one switch per feature, the root included', async () => {
      const { catalog } = importUvl('features\n    Bike\n        mandatory\n            Frame\n        optional\n            Bell\n            Light\n\nconstraints\n    Light => Bell\n', { name: 'Bike' });
      const el = await configurator({ catalog });
      // In the model's tree order.
      expect(texts(el, 'attribute-name')).to.deep.equal(['Bike', 'Frame', 'Bell', 'Light']);
      expect(text(attribute(el, 'Bike').querySelector('[part~="badge"]'))).to.equal('Included');
      expect(switchOf(el, 'Bike').checked).to.equal(true);
      expect(parts(el, 'totals')).to.have.length(0, 'no prices, no totals');
      switchOf(el, 'Light').click();
      await el.updateComplete;
      // The constraint switches the bell on: shown as included, not as chosen.
      expect(el.value!.selections).to.deep.equal({ Light: true });
      expect(switchOf(el, 'Bell').checked).to.equal(true);
      expect(text(attribute(el, 'Bell').querySelector('[part~="badge"]'))).to.equal('Included');
    });
  });

  describe('valid domains, reasons and repairs', () => {
    it('marks exactly the values the engine excludes as unavailable, in words and for assistive technology', async () => {
      const el = await configurator();
      await pick(el, 'Display size', '98-inch 4K display');
      const session = reference(av, 'meeting-room', { display: 'd98' });
      const names = optionNames(av, 'meeting-room', 'mounting');
      const excluded = [...names].filter(([id]) => !session.domains()['mounting']!.includes(id)).map(([, name]) => name);
      expect(excluded).to.deep.equal(['Wall mount', 'Mobile cart'], 'hand-checked against the catalog’s compatibility table');
      expect(unavailableNames(el, 'Mounting')).to.deep.equal(excluded);
      for (const name of names.values()) {
        const card = option(el, 'Mounting', name);
        const out = excluded.includes(name);
        expect(card.getAttribute('part'), name).to.equal(out ? 'option option-unavailable' : 'option');
        expect(text(card.querySelector('[part~="badge"]')), name).to.equal(out ? 'Unavailable' : '');
        // An unavailable card shows no price delta; an available one does.
        expect(parts(el, 'delta').filter((d) => card.contains(d)), name).to.have.length(out ? 0 : 1);
      }
      // The chosen display stays switchable to the sizes the other choices allow: all of them.
      expect(unavailableNames(el, 'Display size')).to.deep.equal([]);
      expect(checkedNames(el, 'Display size')).to.deep.equal(['98-inch 4K display']);
    });

    it('says why an unavailable value is unavailable before it is tried: in its card, and as its control’s description (#17 defect 4)', async () => {
      const el = await configurator();
      await pick(el, 'Display size', '98-inch 4K display');
      const why = 'Not available with Display size: 98-inch 4K display';
      for (const name of ['Wall mount', 'Mobile cart']) {
        const card = option(el, 'Mounting', name);
        expect(text(card.querySelector('[part~="option-reason"]')), name).to.equal(why);
        // What a screen reader gets: the card's name (without the reason twice), and the reason as its description.
        const node = await axNode((n) => n.role === 'radio' && (n.name ?? '').startsWith(name));
        expect(node?.description, name).to.equal(why);
        expect(node?.name, name).not.to.contain(why);
      }
      // Available values say nothing of the kind.
      for (const name of ['Heavy-duty wall mount', 'Floor stand']) {
        expect(option(el, 'Mounting', name).querySelector('[part~="option-reason"]'), name).to.equal(null);
        expect(input(option(el, 'Mounting', name)).hasAttribute('aria-describedby'), name).to.equal(false);
      }
      // The same decisions as the explanation once it is tried.
      await pick(el, 'Mounting', 'Wall mount');
      expect(text(part(el, 'conflict').querySelector('p'))).to.equal(`Mounting: Wall mount is not available with Display size: 98-inch 4K display.`);
      await expect(el).to.be.accessible();

      // In the reader's language.
      el.lang = 'de';
      await settled(el);
      expect(text(option(el, 'Montage', 'Rollwagen').querySelector('[part~="option-reason"]'))).to.equal('Nicht verfügbar mit Displaygröße: 98-Zoll-4K-Display');
    });

    it('says why for a value of a drop-down and an add-on too', async () => {
      const el = await configurator({ catalog: desk });
      await pick(el, 'Top', '120 cm');
      const select = attribute(el, 'Colour').querySelector('select')!;
      expect([...select.options].find((o) => o.value === 'walnut')!.text).to.equal('Walnut (Not available with Top: 120 cm)');
      await pick(el, 'Legs', 'Fixed height');
      expect(text(attribute(el, 'Monitor arm').querySelector('[part~="attribute-hint"]'))).to.equal('Optional add-on (Not available with Legs: Fixed height)');
      const node = await axNode((n) => n.role === 'switch' && n.name === 'Monitor arm Unavailable');
      expect(node?.description).to.equal('Optional add-on (Not available with Legs: Fixed height)');
      await expect(el).to.be.accessible();
    });

    it('works out why only when focus reaches an unavailable value of a large product, in short tasks, and says it', async function () {
      this.timeout(40_000); // rendering 1,000 rows in slices, then the search in short tasks, on a busy machine
      const uvl = await (await fetch('/packages/engine/test/models/uvl/busybox_2010-05-02_14-17-07.uvl')).text();
      const { catalog } = importUvl(uvl, { name: 'BusyBox' });
      const el = await configurator({ catalog });
      const session = el.session!;
      expect(session.compiled.space.size, 'a large product').to.be.above(5000);
      const asked: Decision[] = [];
      const conflicting = session.conflicting.bind(session) as (wanted: Decision, options: { pause: () => Promise<void> }) => Promise<readonly Decision[] | undefined>;
      (session as { conflicting: unknown }).conflicting = (wanted: Decision, options: { pause: () => Promise<void> }) => (asked.push(wanted), conflicting(wanted, options));
      // A feature that, switched on, rules out another one that is still off and undecided.
      const ids = session.compiled.product.attributes.map((a) => a.id);
      const free = (id: string) => session.domains()[id]!.length === 2;
      let chosen = '';
      let excluded = '';
      for (const id of ids.filter(free)) {
        const probe = new ConfigurationSession(session.compiled, { [id]: true });
        const out = ids.find((other) => free(other) && probe.domains()[other]!.length === 1 && probe.domains()[other]![0] === false);
        if (out) {
          [chosen, excluded] = [id, out];
          break;
        }
      }
      expect(excluded, 'such a pair of features').not.to.equal('');
      const nameOf = (id: string) => String(session.compiled.product.attributes.find((a) => a.id === id)!.name);
      await waitUntil(() => parts(el, 'attribute').length === ids.length, 'every row rendered', { timeout: 10_000 });
      switchOf(el, nameOf(chosen)).click();
      await el.updateComplete;
      const hint = () => text(attribute(el, nameOf(excluded)).querySelector('[part~="attribute-hint"]'));
      expect(switchOf(el, nameOf(excluded)).getAttribute('aria-disabled')).to.equal('true');
      expect(asked, 'nothing worked out up front').to.deep.equal([]);
      expect(hint()).to.match(/\(Unavailable\)$/);
      switchOf(el, nameOf(excluded)).focus();
      // In short tasks between frames: on a machine busy with other jobs that takes longer than alone.
      await waitUntil(() => hint().endsWith(`(Not available with ${nameOf(chosen)})`), 'the reason, once worked out', { timeout: 20_000 });
      expect(asked).to.deep.equal([{ attribute: excluded, value: true }]);
      // It came after the focus, so it is said as well.
      await waitUntil(() => text(root(el).querySelector('[aria-live="polite"]')) === `Not available with ${nameOf(chosen)}`, 'announced');
    });

    it('never selects an unavailable value: it shows the reason (the rule’s message) and the repair instead', async () => {
      const el = await configurator();
      await pick(el, 'Display size', '98-inch 4K display');
      const log = record(EVENTS);
      await pick(el, 'Mounting', 'Wall mount');
      log.stop();
      expect(el.value!.selections).to.deep.equal({ display: 'd98' });
      expect(log.events, 'nothing changed, nothing fired').to.have.length(0);
      expect(checkedNames(el, 'Mounting')).to.deep.equal([], 'the radio button is put back');
      const conflict = part(el, 'conflict');
      expect(attribute(el, 'Mounting').contains(conflict), 'shown at the attribute').to.equal(true);
      const rule = av.products[1]!.rules!.find((r) => r.id === 'mount-fits-display')!;
      expect([...conflict.querySelectorAll('p')].map(text)).to.deep.equal([
        'Mounting: Wall mount is not available with Display size: 98-inch 4K display.',
        (rule.message as Record<string, string>)['en']!,
      ]);
      expect(text(part(el, 'repair-button'))).to.equal('Choose it instead of Display size: 98-inch 4K display');
      // Announced politely as well.
      expect(text(root(el).querySelector('[aria-live="polite"]'))).to.equal('Mounting: Wall mount is not available with Display size: 98-inch 4K display.');
      // "Keep my selections" closes it without a change.
      await press(el, 'Keep my selections');
      expect(parts(el, 'conflict')).to.have.length(0);
      expect(el.value!.selections).to.deep.equal({ display: 'd98' });
    });

    it('another option of a chosen single choice names the rule in the way, not the option it would replace', async () => {
      const el = await configurator();
      await pick(el, 'Display size', '98-inch 4K display');
      await pick(el, 'Mounting', 'Heavy-duty wall mount');
      await pick(el, 'Mounting', 'Wall mount');
      expect(el.value!.selections).to.deep.equal({ display: 'd98', mounting: 'wall-heavy' });
      const rule = av.products[1]!.rules!.find((r) => r.id === 'mount-fits-display')!;
      expect([...part(el, 'conflict').querySelectorAll('p')].map(text)).to.deep.equal([
        'Mounting: Wall mount is not available with Display size: 98-inch 4K display.',
        (rule.message as Record<string, string>)['en']!,
      ]);
      expect(text(part(el, 'repair-button'))).to.equal('Choose it instead of Display size: 98-inch 4K display');
      part(el, 'repair-button').click();
      await el.updateComplete;
      expect(el.value!.selections).to.deep.equal({ mounting: 'wall-standard' });
    });

    it('applies the engine’s repair in one step, says what it gave up, and undo restores every selection', async () => {
      const el = await configurator();
      await pick(el, 'Display size', '98-inch 4K display');
      await pick(el, 'Camera', 'PTZ camera with 12× zoom');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="stepper"] button[aria-label="More: Ceiling microphone arrays"]')!.click();
      await el.updateComplete;
      await pick(el, 'Audio processor', 'Networked audio processor');
      // Ceiling microphones need installation; "No installation" must ask for the microphones to go.
      const before = structuredClone(el.value!.selections);
      const wanted: Decision = { attribute: 'installation', value: 'none' };
      const expected = reference(av, 'meeting-room', before).explain(wanted);
      expect(expected.available).to.equal(false);
      await pick(el, 'Installation', 'No installation (delivery only)');
      expect(el.value!.selections).to.deep.equal(before);
      part(el, 'repair-button').click();
      await el.updateComplete;

      // The engine's repair: its decisions given up, the wanted value chosen, nothing else touched.
      const after: Record<string, unknown> = { ...before };
      for (const d of expected.repair!) delete after[d.attribute];
      after['installation'] = 'none';
      expect(sorted(el.value!.selections)).to.deep.equal(sorted(after));
      expect(expected.repair!.map((d) => d.attribute).sort()).to.deep.equal(['display', 'ceiling-mics'].sort(), 'the 98" display and the ceiling microphones both need installation');
      expect(checkedNames(el, 'Installation')).to.deep.equal(['No installation (delivery only)']);
      expect(parts(el, 'conflict')).to.have.length(0);
      const note = part(el, 'repaired');
      expect(attribute(el, 'Installation').contains(note)).to.equal(true);
      expect(note.getAttribute('role')).to.equal('status');
      expect(text(note)).to.match(/^Removed .+ to make it fit\. Undo$/);
      for (const given of ['Display size: 98-inch 4K display', 'Ceiling microphone arrays: 1']) expect(text(note)).to.contain(given);
      // Focus stays at the attribute, on the undo button.
      expect(root(el).activeElement === note.querySelector('button'), 'focus on the undo button').to.equal(true);

      const log = record(['change', 'cpq-configuration-change']);
      note.querySelector('button')!.click();
      await el.updateComplete;
      log.stop();
      expect(el.value!.selections).to.deep.equal(before, 'undo restores the selections exactly, in order');
      expect(Object.keys(el.value!.selections)).to.deep.equal(Object.keys(before));
      expect(checkedNames(el, 'Display size')).to.deep.equal(['98-inch 4K display']);
      expect(parts(el, 'repaired')).to.have.length(0);
      expect(log.events.map((e) => e.type)).to.deep.equal(['change', 'cpq-configuration-change']);
    });

    it('drops the repair note (and its undo) once the buyer undoes or completes by other means', async () => {
      for (const action of ['Undo', 'Complete with defaults']) {
        const el = await configurator();
        await pick(el, 'Display size', '98-inch 4K display');
        await pick(el, 'Mounting', 'Wall mount');
        part(el, 'repair-button').click();
        await el.updateComplete;
        // The summary's buttons, not the note's own undo.
        [...part(el, 'summary').querySelectorAll('button')].find((b) => text(b) === action)!.click();
        await el.updateComplete;
        // The note's undo would now take back another step than the repair it names.
        expect(parts(el, 'repaired'), action).to.have.length(0);
      }
    });

    it('explains a value of a drop-down and an add-on the same way', async () => {
      const el = await configurator({ catalog: desk });
      await pick(el, 'Top', '120 cm');
      const select = attribute(el, 'Colour').querySelector('select')!;
      expect([...select.options].find((o) => o.value === 'walnut')!.text).to.equal('Walnut (Not available with Top: 120 cm)');
      select.value = 'walnut';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(el.value!.selections).to.deep.equal({ top: 'small' });
      expect(select.value).to.equal('', 'the drop-down is put back');
      expect([...part(el, 'conflict').querySelectorAll('p')].map(text)).to.deep.equal(['Colour: Walnut is not available with Top: 120 cm.', 'Walnut tops are made in 180 cm only.']);
      part(el, 'repair-button').click();
      await el.updateComplete;
      expect(el.value!.selections).to.deep.equal({ colour: 'walnut' });
      expect(select.value).to.equal('walnut');

      // An add-on that needs electric legs, with fixed legs chosen.
      await pick(el, 'Legs', 'Fixed height');
      const arm = switchOf(el, 'Monitor arm');
      expect(text(attribute(el, 'Monitor arm').querySelector('[part~="attribute-hint"]'))).to.equal('Optional add-on (Not available with Legs: Fixed height)');
      // Kept off by a rule: marked as the cards are, in words and for assistive technology (not “Included”).
      expect(parts(el, 'badge').filter((b) => attribute(el, 'Monitor arm').contains(b)).map(text)).to.deep.equal(['Unavailable']);
      expect(arm.getAttribute('aria-disabled')).to.equal('true');
      arm.click();
      await el.updateComplete;
      expect(arm.checked).to.equal(false);
      expect(text(part(el, 'repair-button'))).to.equal('Choose it instead of Legs: Fixed height');
      part(el, 'repair-button').click();
      await el.updateComplete;
      expect(el.value!.selections).to.deep.equal({ colour: 'walnut', 'monitor-arm': true });
    });

    it('leads only to complete configurations when the buyer picks what is offered', async () => {
      // Seeded choices among the offered options, then the defaults: never a conflict, always complete.
      for (const seed of [1, 2, 3, 4, 5]) {
        let state = seed;
        const random = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % n);
        const el = await configurator();
        for (const name of ['Display size', 'Mounting', 'Camera', 'Audio processor', 'Installation', 'Support plan']) {
          const offered = [...attribute(el, name).querySelectorAll<HTMLLabelElement>('[part~="option"]')].filter((o) => input(o).getAttribute('aria-disabled') !== 'true');
          expect(offered.length, `${name} offers something (seed ${seed})`).to.be.greaterThan(0);
          input(offered[random(offered.length)]!).click();
          await el.updateComplete;
          expect(parts(el, 'conflict'), `seed ${seed}, ${name}`).to.have.length(0);
        }
        await press(el, 'Complete with defaults');
        expect(el.session!.isComplete, `seed ${seed}`).to.equal(true);
        expect(text(root(el).querySelector('.status'))).to.equal('Complete');
        expect(el.checkValidity()).to.equal(true);
      }
    });
  });

  describe('recommendations, completion and starting over', () => {
    it('offers the catalog’s recommendations that apply, each added with one click', async () => {
      const el = await configurator();
      const recommended = () => [...part(el, 'recommendations').querySelectorAll('li')].map((li) => text(li.querySelector('span')));
      expect(text(root(el).querySelector('.recommendations-title'))).to.equal('Recommended with your choices');
      expect(recommended()).to.deep.equal(['Wireless presentation']);
      await pick(el, 'Display size', '98-inch 4K display');
      // "recommend-calibration-for-98" applies now.
      expect(recommended()).to.deep.equal(['Installation: Premium installation with calibration', 'Wireless presentation']);
      const add = part(el, 'recommendations').querySelector<HTMLButtonElement>('button[aria-label="Add: Installation: Premium installation with calibration"]')!;
      expect(text(add)).to.equal('Add');
      const log = record(['change']);
      add.click();
      await el.updateComplete;
      log.stop();
      expect(log.events).to.have.length(1);
      expect(el.value!.selections).to.deep.equal({ display: 'd98', installation: 'premium' });
      expect(recommended()).to.deep.equal(['Wireless presentation']);
    });

    it('lays out option cards a description reads well in, and shares a row among fewer options than fit (#17)', async () => {
      // The width the configurator has on a 1280 px page.
      const el = await configurator({ width: '1264px' });
      const cards = (name: string) => [...attribute(el, name).querySelectorAll<HTMLElement>('[part~="option"]')];
      for (const card of parts(el, 'option')) {
        expect(card.getBoundingClientRect().width, 'at least 15rem').to.be.at.least(240);
        const description = card.querySelector<HTMLElement>('[part~="option-description"]');
        if (!description) continue;
        const lines = Math.round(description.getBoundingClientRect().height / parseFloat(getComputedStyle(description).lineHeight));
        expect(lines, `${text(card.querySelector('[part~="option-name"]'))}: lines of description`).to.be.at.most(5);
      }
      // Two options: each takes half the row, no empty columns after them.
      const [compact, networked] = cards('Audio processor').map((card) => card.getBoundingClientRect());
      const row = attribute(el, 'Audio processor').querySelector<HTMLElement>('.options')!.getBoundingClientRect();
      expect(Math.round(compact!.left)).to.equal(Math.round(row.left));
      expect(Math.round(networked!.right)).to.equal(Math.round(row.right));
      // Four options: two rows of two, not three and one.
      const cameras = cards('Camera').map((card) => Math.round(card.getBoundingClientRect().top));
      expect(cameras[0] === cameras[1] && cameras[2] === cameras[3] && cameras[1]! < cameras[2]!, `two rows of two (tops ${cameras.join(', ')})`).to.equal(true);
      // Cards in a row are as tall as each other.
      const mounts = cards('Mounting').map((card) => card.getBoundingClientRect());
      const firstRow = mounts.filter((box) => Math.round(box.top) === Math.round(mounts[0]!.top));
      expect(new Set(firstRow.map((box) => Math.round(box.height))).size, 'even heights').to.equal(1);
    });

    it('keeps the total and the quote request in sight on a short screen: the summary is never taller than it (#17)', async () => {
      await setViewport({ width: 1280, height: 1000 });
      try {
        // Two recommendations apply with the 98-inch display: the summary's longest state in this catalog.
        const el = await configurator({ configuration: { product: 'meeting-room', selections: { display: 'd98' } } });
        const summary = part(el, 'summary');
        expect(getComputedStyle(summary).position, 'sticky beside the options').to.equal('sticky');
        // A screen 80 px shorter than the summary as it would be.
        const natural = summary.getBoundingClientRect().height;
        await setViewport({ width: 1280, height: Math.round(natural) - 80 });
        el.scrollIntoView();
        await el.updateComplete;
        await new Promise((done) => requestAnimationFrame(done));
        expect(summary.getBoundingClientRect().height).to.be.at.most(innerHeight + 1);
        for (const shown of [part(el, 'total'), part(el, 'primary-button')]) {
          const box = shown.getBoundingClientRect();
          expect([box.top >= 0, box.bottom <= innerHeight + 1], `${text(shown)} in sight`).to.deep.equal([true, true]);
        }
        // The recommendations gave way, and scroll in their own box.
        const recommendations = part(el, 'recommendations');
        expect(recommendations.scrollHeight).to.be.above(recommendations.clientHeight);
        // Three weights of action: the quote; the hand-offs and the share link; undo and start over as text in a row.
        const actions = [...part(el, 'actions').querySelectorAll(':scope > button')];
        expect(actions.map(text)).to.deep.equal(['Request a quote', 'Talk to an expert', 'Buy at a reseller', 'Copy share link']);
        const [undo, startOver] = [...part(el, 'edit-actions').querySelectorAll('button')];
        expect([undo, startOver].map(text)).to.deep.equal(['Undo', 'Start over']);
        expect(Math.round(undo!.getBoundingClientRect().top), 'in one row').to.equal(Math.round(startOver!.getBoundingClientRect().top));
        // "Complete with defaults" stands beside the open choices it completes.
        expect(root(el).querySelector('.status-row [data-action="complete"]'), 'beside "10 choices left"').to.not.equal(null);
        await expect(el).to.be.accessible();
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('completes with the catalog’s defaults in one step, and starts over from where it began', async () => {
      const el = await configurator({ configuration: { product: 'meeting-room', selections: { display: 'd86' } } });
      expect(text(root(el).querySelector('.status'))).to.equal('10 choices left');
      // Nothing to take back on a fresh page: said, not a button that does nothing.
      expect(['Undo', 'Start over'].map((label) => button(el, label).getAttribute('aria-disabled'))).to.deep.equal(['true', 'true']);
      const log0 = record(['change']);
      await press(el, 'Start over');
      await press(el, 'Undo');
      log0.stop();
      expect(log0.events).to.have.length(0);
      // Enter on it completes; the focus stays on it (a disabled button would drop it to the page).
      button(el, 'Complete with defaults').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(text(root(el).activeElement)).to.equal('Complete with defaults');
      expect(document.activeElement).to.equal(el);
      await press(el, 'Undo');
      await press(el, 'Complete with defaults');
      const session = reference(av, 'meeting-room', { display: 'd86' }).complete();
      expect(el.value!.selections).to.deep.equal(session.selections);
      // The default rules of the large display: standard installation, four ceiling speakers.
      expect(el.value!.selections).to.include({ installation: 'standard', 'ceiling-speakers': 4, mounting: 'wall-heavy' });
      expect(text(root(el).querySelector('.status'))).to.equal('Complete');
      expect(button(el, 'Complete with defaults').getAttribute('aria-disabled'), 'nothing left to complete').to.equal('true');
      expect(['Undo', 'Start over'].map((label) => button(el, label).getAttribute('aria-disabled'))).to.deep.equal([null, null]);
      await press(el, 'Undo');
      expect(el.value!.selections).to.deep.equal({ display: 'd86' });
      await press(el, 'Complete with defaults');
      await pick(el, 'Support plan', 'Premium support');
      const log = record(['change']);
      await press(el, 'Start over');
      await loaded(el);
      log.stop();
      expect(el.value!.selections).to.deep.equal({ display: 'd86' });
      expect(log.events).to.have.length(1);
    });
  });

  describe('live price', () => {
    it('shows the engine’s grand total, formatted by Intl, after every change (en and de)', async () => {
      for (const lang of ['en', 'de']) {
        const el = await configurator({ lang });
        const [displaySize, supportPlan] = lang === 'en' ? ['Display size', 'Support plan'] : ['Displaygröße', 'Supportvertrag'];
        const total = () => text(part(el, 'total').querySelector('dd'));
        // The room itself, €1,490.00 net, plus 19% VAT: hand-checked.
        expect(total()).to.equal(lang === 'en' ? '€1,773.10' : '1.773,10\u00a0€');
        await pick(el, displaySize, lang === 'en' ? '98-inch 4K display' : '98-Zoll-4K-Display');
        // 1,490 + 7,990 = 9,480 net; 19% VAT 1,801.20.
        expect(total()).to.equal(lang === 'en' ? '€11,281.20' : '11.281,20\u00a0€');
        await pick(el, supportPlan, 'Support Plus');
        const breakdown = price(av, el.value!, context);
        expect(total()).to.equal(money(breakdown.totals.grandTotal, lang));
        expect(el.price!.totals.grandTotal).to.deep.equal(breakdown.totals.grandTotal);
        const rows = [...part(el, 'totals').querySelectorAll('div')].map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))]);
        // Net lines (as the options' price differences are) by when they are due, the tax
        // apart, then what is paid: each says what it covers (#17 defect 5).
        const names =
          lang === 'en'
            ? ['Due now', 'Per month', 'Recurring over 36 months', 'VAT 19%', 'Total over 36 months']
            : ['Jetzt fällig', 'Pro Monat', 'Laufende Kosten über 36 Monate', 'MwSt. 19 %', 'Gesamt über 36 Monate'];
        expect(breakdown.totals.tax).to.have.length(1);
        expect(rows).to.deep.equal([
          [names[0], money(breakdown.totals.oneTime.net, lang)],
          [names[1], money(breakdown.totals.recurring.month!.net, lang)],
          [names[2], money(breakdown.totals.term.net, lang)],
          [names[3], money(breakdown.totals.tax[0]!.amount, lang)],
          [names[4], money(breakdown.totals.grandTotal, lang)],
        ]);
        // The change is announced politely, with what the total covers.
        expect(text(root(el).querySelector('[aria-live="polite"]'))).to.equal(lang === 'en' ? `Total over 36 months now ${total()}` : `Gesamt über 36 Monate jetzt ${total()}`);
      }
    });

    it('shows each option’s price difference against the configuration as it stands, as priceDelta() gives it', async () => {
      for (const lang of ['en', 'de']) {
        const el = await configurator({ lang, configuration: { product: 'meeting-room', selections: { display: 'd75', camera: 'ptz', support: 'basic' } } });
        const current = el.value!;
        let checked = 0;
        for (const a of av.products[1]!.attributes) {
          if (a.kind !== 'single') continue;
          for (const o of a.options) {
            const name = (o.name as Record<string, string>)[lang] ?? (o.name as Record<string, string>)['en']!;
            const card = option(el, (a.name as Record<string, string>)[lang]!, name);
            const shown = card.querySelector('[part~="delta"]');
            if (current.selections[a.id] === o.id || input(card).getAttribute('aria-disabled') === 'true') {
              expect(shown, `${a.id}:${o.id}`).to.equal(null);
              continue;
            }
            const delta = priceDelta(av, current, { [a.id]: o.id }, context);
            const words: string[] = [];
            if (Number(delta.oneTime.amount) !== 0) words.push(money(delta.oneTime, lang, true));
            if (Number(delta.recurring.month.amount) !== 0) words.push(lang === 'en' ? `${money(delta.recurring.month, lang, true)} per month` : `${money(delta.recurring.month, lang, true)} pro Monat`);
            expect(text(shown), `${a.id}:${o.id}`).to.equal(words.join(' · '));
            checked += 1;
          }
        }
        expect(checked).to.be.greaterThan(10);
        // Hand-checked: from the 75" to the 98" display is 7,990 − 2,790 = +5,200.00 net.
        expect(text(option(el, lang === 'en' ? 'Display size' : 'Displaygröße', lang === 'en' ? '98-inch 4K display' : '98-Zoll-4K-Display').querySelector('[part~="delta"]'))).to.equal(lang === 'en' ? '+€5,200.00' : '+5.200,00\u00a0€');
        // Support Plus instead of basic: +30.00 per month.
        expect(text(option(el, lang === 'en' ? 'Support plan' : 'Supportvertrag', 'Support Plus').querySelector('[part~="delta"]'))).to.equal(lang === 'en' ? '+€30.00 per month' : '+30,00\u00a0€ pro Monat');
        // An add-on and the next step of a quantity.
        expect(text(attribute(el, lang === 'en' ? 'Wireless presentation' : 'Drahtlose Präsentation').querySelector('[part~="delta"]'))).to.equal(money(priceDelta(av, current, { 'wireless-presentation': true }, context).oneTime, lang, true));
      }
    });

    it('prices software per month, and follows the segment’s price book', async () => {
      const el = await configurator({ catalog: suite, product: 'business', configuration: { product: 'business', selections: { seats: 25, billing: 'monthly' } } });
      const breakdown = price(suite, el.value!, context);
      const rows = [...part(el, 'totals').querySelectorAll('div')].map((d) => text(d.querySelector('dt')));
      // Billed month by month: the total is one month's, and says so.
      expect(rows).to.deep.equal(['Per month', 'VAT 19%', 'Total over 1 month']);
      expect(text(part(el, 'totals').querySelector('div dd'))).to.equal(money(breakdown.totals.recurring.month!.net));
      expect(text(attribute(el, 'Webinars').querySelector('[part~="delta"]'))).to.match(/^\+€[\d,.]+ per month$/);

      const smb = await configurator({ configuration: { product: 'meeting-room', selections: { display: 'd86' } } });
      const enterprise = await configurator({ segment: 'enterprise', configuration: { product: 'meeting-room', selections: { display: 'd86' } } });
      const total = (e: ProductConfigurator) => text(part(e, 'total').querySelector('dd'));
      expect(total(enterprise)).to.equal(money(price(av, enterprise.value!, { ...context, segment: 'enterprise' }).totals.grandTotal));
      expect(total(enterprise)).not.to.equal(total(smb));
      // In dollars, from the USD book: one-time total $… for the same room.
      const usd = await fixture<ProductConfigurator>(html`<product-configurator .catalog=${av} product="meeting-room" price-date=${DATE} currency="USD" configuration="1~av-rooms~2026.11.0~meeting-room~display~d86"></product-configurator>`);
      await loaded(usd);
      expect(total(usd)).to.equal(money(price(av, usd.value!, { ...context, currency: 'USD' }).totals.grandTotal));
      expect(total(usd)).to.match(/^\$[\d,]+\.\d\d$/);
    });
  });

  describe('price problems in the reader’s language', () => {
    const problem = (el: ProductConfigurator) => text(root(el).querySelector('.price-problem'));
    /** Sets price attributes as a page does, and waits for the element to price again. */
    async function set(el: ProductConfigurator, settings: Partial<Pick<ProductConfigurator, 'priceDate' | 'currency' | 'priceBook'>>): Promise<void> {
      Object.assign(el, settings);
      await el.updateComplete;
    }

    it('no price book for the date: said in English, German and French, with the date in the reader’s format', async () => {
      const el = await configurator();
      await set(el, { priceDate: '2026-10-01' });
      expect(el.price).to.equal(undefined);
      expect(text(part(el, 'total').querySelector('dd'))).to.equal('Price on request');
      expect(problem(el)).to.equal('No price book is valid on October 1, 2026.');
      const de = await configurator({ lang: 'de' });
      await set(de, { priceDate: '2026-10-01' });
      expect(text(part(de, 'total').querySelector('dd'))).to.equal('Preis auf Anfrage');
      expect(problem(de)).to.equal('Am 1. Oktober 2026 gilt keine Preisliste.');
      // One price book asked for by name: its name in German.
      await set(de, { priceBook: 'list-eur' });
      expect(problem(de)).to.equal('Die Preisliste „Listenpreise (EUR)“ gilt nicht am 1. Oktober 2026.');
      const fr = await configurator({ lang: 'fr' });
      await set(fr, { priceDate: '2026-10-01' });
      expect(problem(fr)).to.equal('Aucune liste de prix n’est valable le 1 octobre 2026.');
    });

    it('an unknown currency, or one without prices, in German', async () => {
      const de = await configurator({ lang: 'de' });
      expect(root(de).querySelector('.price-problem')).to.equal(null);
      await set(de, { currency: 'XYZ' });
      expect(problem(de)).to.equal('„XYZ“ ist kein Währungscode.');
      await set(de, { currency: 'CHF' });
      expect(problem(de)).to.equal('Es gibt keine Preise in CHF, nur in EUR und USD.');
      await set(de, { currency: 'USD' });
      expect(root(de).querySelector('.price-problem'), 'USD has its books').to.equal(null);
    });

    it('a missing price names the choice and the book in German', async () => {
      const json = structuredClone(avRoomsJson) as { pricing: { books: { prices: Record<string, unknown> }[] } };
      delete json.pricing.books[0]!.prices['meeting-room/display:d98'];
      const catalog = loadCatalog(json);
      const el = await configurator({ catalog, product: 'meeting-room', lang: 'de', configuration: { product: 'meeting-room', selections: { display: 'd98' } } });
      expect(problem(el)).to.equal('Displaygröße: 98-Zoll-4K-Display hat keinen Preis in der Preisliste „Listenpreise (EUR)“.');
      el.lang = 'en';
      await el.updateComplete;
      expect(problem(el)).to.equal('Display size: 98-inch 4K display has no price in the price book “List prices (EUR)”.');
    });

    it('falls back to the engine’s message when the reader’s translation lacks the text', async () => {
      const old: Partial<Translation> = { ...de, $code: 'de-x-old' };
      delete old.priceProblemDateNoBook;
      registerTranslation(old as Translation);
      const el = await configurator({ lang: 'de-x-old' });
      await set(el, { priceDate: '2026-10-01' });
      expect(text(part(el, 'total').querySelector('dd'))).to.equal('Preis auf Anfrage', 'the rest is German');
      expect(problem(el)).to.match(/^no price book in EUR is valid on 2026-10-01 \("list-eur" is valid from 2026-11-01/);
    });
  });

  describe('events', () => {
    it('fires change and cpq-configuration-change once per user change, with the configuration and its price', async () => {
      const el = await configurator();
      const log = record(EVENTS);
      await pick(el, 'Display size', '86-inch 4K display');
      log.stop();
      expect(log.events.map((e) => e.type)).to.deep.equal(['change', 'cpq-configuration-change']);
      for (const e of log.events) expect([e.bubbles, e.composed, e.target === el]).to.deep.equal([true, true, true]);
      const detail = (log.events[1] as CpqConfigurationChangeEvent).detail;
      expect(log.events[1]).to.be.instanceOf(CpqConfigurationChangeEvent);
      expect(detail.configuration).to.deep.equal({ catalog: { id: 'av-rooms', version: '2026.11.0' }, product: 'meeting-room', selections: { display: 'd86' } });
      expect(detail.price).to.deep.equal(price(av, detail.configuration, context));
      expect([detail.complete, detail.valid]).to.deep.equal([false, false]);

      // A stepper, a switch, completion: one pair each.
      const again = record(['change', 'cpq-configuration-change']);
      root(el).querySelector<HTMLButtonElement>('button[aria-label="More: Table microphones"]')!.click();
      await el.updateComplete;
      switchOf(el, 'Touch control panel').click();
      await el.updateComplete;
      await press(el, 'Complete with defaults');
      again.stop();
      expect(again.events.map((e) => e.type)).to.deep.equal(Array(3).fill(['change', 'cpq-configuration-change']).flat());
      const last = (again.events[5] as CpqConfigurationChangeEvent).detail;
      expect([last.complete, last.valid]).to.deep.equal([true, true]);
      expect(last.configuration).to.deep.equal(el.value);
    });

    it('fires nothing when code sets the catalog, product, configuration or language', async () => {
      const log = record(EVENTS);
      const el = await configurator();
      el.configuration = encodeConfiguration(loadConfiguration(avRoomsConfigJson, av));
      await loaded(el);
      expect(el.value!.selections).to.deep.equal(avRoomsConfigJson.selections);
      el.lang = 'de';
      el.configuration = undefined;
      el.product = 'huddle-room';
      await loaded(el);
      expect(text(part(el, 'name'))).to.equal('System für kleine Besprechungsräume');
      el.catalog = desk;
      el.product = 'desk';
      await loaded(el);
      el.configuration = { product: 'desk', selections: { top: 'large' } };
      await loaded(el);
      expect(el.value!.selections).to.deep.equal({ top: 'large' });
      log.stop();
      expect(log.events.map((e) => e.type)).to.deep.equal([]);
    });

    it('fires cpq-quote-request for a complete configuration, with its price, the price request and the share text', async () => {
      const el = await configurator({ configuration: { product: 'meeting-room', selections: { display: 'd75', camera: 'ptz' } } });
      expect(text(part(el, 'primary-button'))).to.equal('Request a quote');
      // Incomplete: no quote request; it says what is missing and offers the way there.
      const log = record(['cpq-quote-request']);
      part(el, 'primary-button').click();
      await el.updateComplete;
      await el.updateComplete;
      log.stop();
      expect(log.events).to.have.length(0);
      expect(text(part(el, 'incomplete'))).to.equal('Finish configuring the product: some choices are still open.');
      expect(text(root(el).activeElement)).to.equal('Complete with defaults');
      await press(el, 'Complete with defaults');
      expect(parts(el, 'incomplete')).to.have.length(0);

      setTimeout(() => part(el, 'primary-button').click());
      const event = (await oneEvent(document as unknown as HTMLElement, 'cpq-quote-request')) as CpqQuoteRequestEvent;
      expect(event).to.be.instanceOf(CpqQuoteRequestEvent);
      expect([event.bubbles, event.composed]).to.deep.equal([true, true]);
      expect(event.detail.configuration).to.deep.equal(el.value);
      expect(event.detail.configuration.selections).to.include({ display: 'd75', camera: 'ptz' });
      expect(event.detail.price).to.deep.equal(price(av, el.value!, context));
      expect(event.detail.context).to.deep.equal({ date: DATE });
      expect(event.detail.share).to.equal(encodeConfiguration(el.value!));
    });

    it('fires a cancelable cpq-share whose link opens the same configuration; copies it unless prevented', async () => {
      const el = await configurator({ configuration: { product: 'meeting-room', selections: { display: 'd86', mounting: 'floor-stand', 'table-mics': 4, 'control-panel': true } } });
      const copied: string[] = [];
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => void copied.push(t) }, configurable: true });
      try {
        const prevent = (e: Event) => e.preventDefault();
        document.addEventListener('cpq-share', prevent, { once: true });
        setTimeout(() => void press(el, 'Copy share link'));
        const event = (await oneEvent(document as unknown as HTMLElement, 'cpq-share')) as CpqShareEvent;
        await el.updateComplete;
        expect(event).to.be.instanceOf(CpqShareEvent);
        expect(event.cancelable).to.equal(true);
        expect(event.detail.link).to.equal(shareLink(event.detail.code, location.href));
        const opened = decodeConfiguration(shareCodeOf(event.detail.link)!, av);
        expect(opened.configuration.selections).to.deep.equal(el.value!.selections);
        expect(opened.dropped).to.deep.equal([]);
        expect(copied, 'prevented: the host copies, not the element').to.deep.equal([]);
        expect(text(root(el).querySelector('.shared'))).to.equal('');

        setTimeout(() => void press(el, 'Copy share link'));
        await oneEvent(document as unknown as HTMLElement, 'cpq-share');
        await new Promise((resolve) => setTimeout(resolve));
        await el.updateComplete;
        expect(copied).to.deep.equal([event.detail.link]);
        expect(text(root(el).querySelector('.shared'))).to.equal('Link copied to the clipboard.');
      } finally {
        delete (navigator as { clipboard?: unknown }).clipboard;
      }
    });

    it('fires cpq-handoff-request with the conflicts the buyer met and how they were resolved', async () => {
      const el = await configurator();
      await pick(el, 'Display size', '98-inch 4K display');
      await pick(el, 'Mounting', 'Wall mount');
      part(el, 'repair-button').click();
      await el.updateComplete;
      for (const [label, to] of [['Talk to an expert', 'expert'], ['Buy at a reseller', 'reseller']] as const) {
        setTimeout(() => void press(el, label));
        const event = (await oneEvent(document as unknown as HTMLElement, 'cpq-handoff-request')) as CpqHandoffRequestEvent;
        expect(event).to.be.instanceOf(CpqHandoffRequestEvent);
        expect(event.detail.to).to.equal(to);
        const { payload } = event.detail;
        expect(payload.configuration).to.deep.equal(el.value);
        const rule = av.products[1]!.rules!.find((r) => r.id === 'mount-fits-display')!;
        expect(payload.conflicts).to.deep.equal([
          { wanted: { attribute: 'mounting', value: 'wall-standard' }, gaveUp: [{ attribute: 'display', value: 'd98' }], rules: ['mount-fits-display'], messages: [rule.message] },
        ]);
        expect(payload.price).to.deep.equal(price(av, el.value!, context));
        expect(decodeConfiguration(payload.share.code, av).configuration.selections).to.deep.equal({ mounting: 'wall-standard' });
      }
    });
  });

  describe('keyboard', () => {
    async function withButtonBefore(options: Options = {}): Promise<{ el: ProductConfigurator; before: HTMLButtonElement }> {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1000px"><button>before</button>${template(options)}</div>`);
      const el = wrapper.querySelector('product-configurator')!;
      await loaded(el);
      return { el, before: wrapper.querySelector('button')! };
    }
    const focused = (el: ProductConfigurator) => root(el).activeElement as HTMLElement | null;
    const focusedName = (el: ProductConfigurator) => text(focused(el)?.closest('label')?.querySelector('[part~="option-name"]'));

    /** Tabs from the button before the element past the picture's view picker (one stop) into the options. */
    async function tabToOptions(before: HTMLButtonElement): Promise<void> {
      before.focus();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
    }

    it('Tab reaches the picture’s views, then the options; arrow keys move within a group and select; focus is visible', async () => {
      const { el, before } = await withButtonBefore();
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(focused(el)?.closest('[part~="picture-views"]'), 'first the picture’s view picker, one stop').to.not.equal(null);
      expect(text(focused(el)?.closest('label'))).to.equal('Front view');
      await sendKeys({ press: 'Tab' });
      expect(focusedName(el)).to.equal('55-inch 4K display', 'the first option of the first group');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.value!.selections).to.deep.equal({ display: 'd55' });
      const log = record(['change']);
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      log.stop();
      expect(focusedName(el)).to.equal('75-inch 4K display');
      expect(el.value!.selections).to.deep.equal({ display: 'd75' });
      expect(log.events).to.have.length(2);
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(el.value!.selections).to.deep.equal({ display: 'd65' });
      // The focus ring is drawn on the card around the focused radio button.
      const card = focused(el)!.closest('label')!;
      const style = getComputedStyle(card);
      expect([style.outlineStyle, style.outlineWidth, style.outlineColor]).to.deep.equal(['solid', '2px', 'rgb(9, 105, 218)']);
      // Tab leaves the group for the next one.
      await sendKeys({ press: 'Tab' });
      expect(focusedName(el)).to.equal('Wall mount');
      // Buttons show the ring too.
      root(el).querySelector<HTMLInputElement>('input[aria-label="Table microphones"]')!.focus();
      await sendKeys({ press: 'Tab' });
      const more = focused(el)!;
      expect(more.getAttribute('aria-label')).to.equal('More: Table microphones');
      expect([getComputedStyle(more).outlineStyle, getComputedStyle(more).outlineWidth]).to.deep.equal(['solid', '2px']);
    });

    it('an unavailable value reached by keyboard shows its reason and is repaired with Enter, undone with Space', async () => {
      const { el, before } = await withButtonBefore();
      await tabToOptions(before);
      for (let i = 0; i < 4; i++) await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(el.value!.selections).to.deep.equal({ display: 'd98' });
      await sendKeys({ press: 'Tab' });
      const wall = focused(el)!;
      expect(focusedName(el)).to.equal('Wall mount');
      expect(wall.getAttribute('aria-disabled')).to.equal('true', 'unavailable, yet focusable so its reason can be read');
      expect(text(wall.closest('label'))).to.contain('Unavailable');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.value!.selections).to.deep.equal({ display: 'd98' });
      expect(text(part(el, 'conflict').querySelector('p'))).to.equal('Mounting: Wall mount is not available with Display size: 98-inch 4K display.');
      expect(focused(el) === wall, 'focus stays where the buyer is').to.equal(true);
      // One Tab reaches the repair button.
      await sendKeys({ press: 'Tab' });
      expect(text(focused(el))).to.equal('Choose it instead of Display size: 98-inch 4K display');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.value!.selections).to.deep.equal({ mounting: 'wall-standard' });
      expect(focused(el) === part(el, 'repaired').querySelector('button'), 'focus on the undo button').to.equal(true);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.value!.selections).to.deep.equal({ display: 'd98' });
      // The undo button is gone with the note; focus is back on the mount the buyer had asked for.
      await el.updateComplete;
      expect(focusedName(el)).to.equal('Wall mount');
    });

    it('a radio group is one Tab stop, also after a conflict; arrow keys reach every option, unavailable ones too', async () => {
      const { el, before } = await withButtonBefore({ configuration: { product: 'meeting-room', selections: { display: 'd98' } } });
      const shiftTab = async () => {
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
        await el.updateComplete;
      };
      const arrow = async (key: 'ArrowDown' | 'ArrowUp') => {
        await sendKeys({ press: key });
        await el.updateComplete;
        return focusedName(el);
      };
      const repairFocused = () => focused(el) === part(el, 'repair-button');
      await tabToOptions(before);
      expect(focusedName(el)).to.equal('98-inch 4K display');
      await sendKeys({ press: 'Tab' });
      expect(focusedName(el)).to.equal('Wall mount', 'nothing chosen yet: the first mount');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(parts(el, 'conflict')).to.have.length(1);
      // Nothing in the group is checked now; the next control is still one Tab away, the group one Shift+Tab.
      await sendKeys({ press: 'Tab' });
      expect(repairFocused(), 'Tab from the group goes to the repair button').to.equal(true);
      await shiftTab();
      expect(focusedName(el)).to.equal('Wall mount', 'back on the value the buyer asked for');
      await shiftTab();
      expect(focusedName(el)).to.equal('98-inch 4K display', 'one Shift+Tab leaves the group');
      await sendKeys({ press: 'Tab' });
      expect(focusedName(el)).to.equal('Wall mount');

      // Arrow keys go through every mount, the unavailable ones included (their reason shows).
      expect([await arrow('ArrowDown'), await arrow('ArrowDown')]).to.deep.equal(['Heavy-duty wall mount', 'Mobile cart']);
      expect(el.value!.selections).to.deep.equal({ display: 'd98', mounting: 'wall-heavy' });
      expect(unavailableNames(el, 'Mounting')).to.deep.equal(['Wall mount', 'Mobile cart']);
      expect(text(part(el, 'conflict').querySelector('p'))).to.match(/^Mounting: Mobile cart is not available with /);
      // A checked mount before the focused one: still one stop each way.
      await sendKeys({ press: 'Tab' });
      expect(repairFocused()).to.equal(true);
      await shiftTab();
      expect(focusedName(el)).to.equal('Mobile cart');
      await shiftTab();
      expect(focusedName(el)).to.equal('98-inch 4K display');
      await sendKeys({ press: 'Tab' });
      expect(focusedName(el)).to.equal('Mobile cart', 'the explanation is still open: Tab comes back to its value');
      expect([await arrow('ArrowDown'), await arrow('ArrowDown')]).to.deep.equal(['Floor stand', 'Wall mount']);
      // A checked mount after the focused one.
      expect(el.value!.selections).to.deep.equal({ display: 'd98', mounting: 'floor-stand' });
      await sendKeys({ press: 'Tab' });
      expect(repairFocused()).to.equal(true);
      // Closed without a change: the group's stop is its checked mount again.
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(parts(el, 'conflict')).to.have.length(0);
      await tabToOptions(before);
      await sendKeys({ press: 'Tab' });
      expect(focusedName(el)).to.equal('Floor stand');
      await sendKeys({ press: 'Tab' });
      expect(focused(el)?.closest('[part~="attribute"]')).to.equal(attribute(el, 'Camera'), 'one Tab to the next group');
    });

    it('arrowing from an unavailable value onto an available one selects it and closes the explanation', async () => {
      const { el, before } = await withButtonBefore({ configuration: { product: 'meeting-room', selections: { display: 'd98' } } });
      await tabToOptions(before);
      await sendKeys({ press: 'Tab' });
      expect(focusedName(el)).to.equal('Wall mount');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(parts(el, 'conflict')).to.have.length(1);
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(focusedName(el)).to.equal('Heavy-duty wall mount');
      expect(el.value!.selections).to.deep.equal({ display: 'd98', mounting: 'wall-heavy' });
      expect(parts(el, 'conflict')).to.have.length(0);
    });
  });

  describe('in a form', () => {
    async function inForm(options: Options = {}): Promise<{ form: HTMLFormElement; el: ProductConfigurator }> {
      const form = await fixture<HTMLFormElement>(html`<form>${template({ name: 'room', ...options })}<button>Send</button></form>`);
      const el = form.querySelector('product-configurator')!;
      await loaded(el);
      return { form, el };
    }

    it('submits its configuration as JSON under its name, once complete', async () => {
      const { form, el } = await inForm({ configuration: { product: 'meeting-room', selections: { display: 'd65' } } });
      expect(el.form === form).to.equal(true);
      expect(el.getAttribute('name')).to.equal('room');
      await pick(el, 'Camera', '4K USB camera');
      const submits: FormData[] = [];
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        submits.push(new FormData(form));
      });
      let invalid = 0;
      el.addEventListener('invalid', () => (invalid += 1));
      // Incomplete: the form is not sent.
      form.requestSubmit();
      expect([submits.length, invalid]).to.deep.equal([0, 1]);
      // What the form would send all the same: the configuration so far.
      expect(JSON.parse(new FormData(form).get('room') as string)).to.deep.equal({ catalog: { id: 'av-rooms', version: '2026.11.0' }, product: 'meeting-room', selections: { display: 'd65', camera: 'usb-4k' } });
      await press(el, 'Complete with defaults');
      form.requestSubmit();
      expect(submits).to.have.length(1);
      const sent = JSON.parse(submits[0]!.get('room') as string) as Configuration;
      expect(sent).to.deep.equal(el.value);
      expect(sent.selections).to.include({ display: 'd65', camera: 'usb-4k' });
      expect(Object.keys(sent.selections)).to.have.length(11);
    });

    it('is invalid with a message while choices are open, valid once complete', async () => {
      const { form, el } = await inForm();
      expect(form.checkValidity()).to.equal(false);
      expect(el.validity.valueMissing).to.equal(true);
      expect(el.validationMessage).to.equal('Finish configuring the product: some choices are still open.');
      await press(el, 'Complete with defaults');
      expect(form.checkValidity()).to.equal(true);
      expect(el.validationMessage).to.equal('');
      await press(el, 'Undo');
      expect(form.checkValidity()).to.equal(false);
      // In German, the message too.
      const { form: german, el: de } = await inForm({ lang: 'de' });
      expect(german.checkValidity()).to.equal(false);
      expect(de.validationMessage).to.equal('Bitte konfigurieren Sie das Produkt fertig: Einige Auswahlen sind noch offen.');
    });

    it('restores the state the browser saved with the form', async () => {
      const { el } = await inForm();
      const saved = JSON.stringify({ product: 'meeting-room', selections: { display: 'd55', mounting: 'mobile-cart' } });
      el.formStateRestoreCallback(saved);
      await loaded(el);
      expect(el.value!.selections).to.deep.equal({ display: 'd55', mounting: 'mobile-cart' });
      // Something that is not a configuration leaves it as it is.
      el.formStateRestoreCallback('not json');
      await loaded(el);
      expect(el.value!.selections).to.deep.equal({ display: 'd55', mounting: 'mobile-cart' });
    });

    it('form.reset() returns to the configuration it started from', async () => {
      const start = encodeConfiguration({ product: 'meeting-room', selections: { display: 'd75', camera: 'ptz' } }, av);
      const { form, el } = await inForm({ configuration: start });
      expect(el.value!.selections).to.deep.equal({ display: 'd75', camera: 'ptz' });
      await pick(el, 'Display size', '86-inch 4K display');
      await pick(el, 'Support plan', 'Premium support');
      const log = record(EVENTS);
      form.reset();
      await loaded(el);
      log.stop();
      expect(el.value!.selections).to.deep.equal({ display: 'd75', camera: 'ptz' });
      expect(checkedNames(el, 'Display size')).to.deep.equal(['75-inch 4K display']);
      expect(log.events.map((e) => e.type), 'a reset is not a user change, as with native controls').to.deep.equal([]);
    });

    it('a configurator that cannot show its product keeps the form from submitting', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><product-configurator name="room" src="/examples/catalogs/no-such-catalog.json"></product-configurator></form>`);
      const el = form.querySelector('product-configurator')!;
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="error"]'), 'the error state', { timeout: 5000 });
      expect(form.checkValidity()).to.equal(false);
      expect(el.validationMessage).to.equal('The catalog could not be loaded.');
      expect([...new FormData(form).keys()]).to.deep.equal([]);
    });
  });

  describe('starting configuration', () => {
    it('reads a share text from the configuration attribute, without events', async () => {
      const config = loadConfiguration(avRoomsConfigJson, av);
      const log = record(EVENTS);
      const wrapper = await fixture<HTMLDivElement>(html`<div><product-configurator .catalog=${av} product="meeting-room" price-date=${DATE} configuration=${encodeConfiguration(config)}></product-configurator></div>`);
      const el = wrapper.querySelector('product-configurator')!;
      await loaded(el);
      log.stop();
      expect(log.events).to.have.length(0);
      expect(el.value!.selections).to.deep.equal(config.selections);
      expect(checkedNames(el, 'Mounting')).to.deep.equal(['Floor stand']);
      expect(root(el).querySelector<HTMLInputElement>('input[aria-label="Ceiling speakers"]')!.value).to.equal('6');
      expect(switchOf(el, 'Touch control panel').checked).to.equal(true);
      expect(parts(el, 'notice')).to.have.length(0);
    });

    it('with sync-url, opens the #config= of the page and keeps it up to date', async () => {
      const original = location.href;
      const code = encodeConfiguration({ product: 'meeting-room', selections: { display: 'd86', mounting: 'mobile-cart' } }, av);
      history.replaceState(history.state, '', shareLink(code, location.href));
      try {
        const el = await configurator({ syncUrl: true });
        expect(el.value!.selections).to.deep.equal({ display: 'd86', mounting: 'mobile-cart' });
        await pick(el, 'Camera', 'Dual-camera speaker tracking');
        const now = decodeConfiguration(shareCodeOf(location.href)!, av);
        expect(now.configuration.selections).to.deep.equal({ display: 'd86', mounting: 'mobile-cart', camera: 'dual-tracking' });
        expect(location.href.split('#')[0]).to.equal(original.split('#')[0], 'only the fragment changes');
      } finally {
        history.replaceState(history.state, '', original);
      }
      // Without sync-url the page's link is left alone.
      history.replaceState(history.state, '', shareLink(encodeConfiguration({ product: 'meeting-room', selections: { display: 'd55' } }, av), location.href));
      try {
        const el = await configurator();
        expect(el.value!.selections).to.deep.equal({});
        await pick(el, 'Display size', '65-inch 4K display');
        expect(decodeConfiguration(shareCodeOf(location.href)!, av).configuration.selections).to.deep.equal({ display: 'd55' });
      } finally {
        history.replaceState(history.state, '', original);
      }
    });

    it('with sync-url, a link to a configuration opens the page at the configurator, not at its top', async () => {
      const original = location.href;
      history.replaceState(history.state, '', shareLink(encodeConfiguration({ product: 'meeting-room', selections: { display: 'd86' } }, av), location.href));
      try {
        // The configurator below a page's worth of other content.
        window.scrollTo(0, 0);
        const page = await fixture<HTMLDivElement>(html`<div><div style="height: 3000px"></div>${template({ syncUrl: true })}</div>`);
        const el = page.querySelector('product-configurator')!;
        await loaded(el);
        await waitUntil(() => window.scrollY > 0, 'scrolled to the configurator');
        expect(el.value!.selections).to.deep.equal({ display: 'd86' });
        expect(Math.abs(el.getBoundingClientRect().top), 'the configurator at the top of the screen').to.be.below(2);
      } finally {
        history.replaceState(history.state, '', original);
        window.scrollTo(0, 0);
      }
    });

    it('with sync-url, a link in the address for another catalog belongs to another configurator: it starts empty, without an error', async () => {
      const original = location.href;
      history.replaceState(history.state, '', shareLink('1~collab-suite~2026.11.0~business~seats~.25', location.href));
      try {
        const el = await configurator({ syncUrl: true });
        expect(el.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
        expect(el.value!.selections).to.deep.equal({});
        // Given as its configuration instead, the same link is an error (the test below).
      } finally {
        history.replaceState(history.state, '', original);
      }
    });

    it('with sync-url, a link cut short in the address (broken percent-encoding) starts empty, and the product can still be changed', async () => {
      const original = location.href;
      history.replaceState(history.state, '', `${location.href.split('#')[0]}#config=%E0%A4%A`);
      try {
        const el = await configurator({ syncUrl: true });
        expect(el.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
        expect(el.value!.selections).to.deep.equal({});
        el.product = 'huddle-room';
        await loaded(el);
        expect(el.value!.product).to.equal('huddle-room');
      } finally {
        history.replaceState(history.state, '', original);
      }
    });

    it('a link from an older catalog version opens what still fits and lists what was left out', async () => {
      const older = '1~av-rooms~2026.05.0~meeting-room~display~d98~mounting~wall-standard~camera~usb-hd~table-mics~.4';
      const el = await configurator({ configuration: older });
      expect(el.value!.selections).to.deep.equal({ display: 'd98', 'table-mics': 4 });
      const notice = part(el, 'notice');
      expect(notice.getAttribute('role')).to.equal('status');
      expect(text(notice.querySelector('p'))).to.equal('Some selections of the shared configuration no longer fit and were left out:');
      const expected = decodeConfiguration(older, av).dropped;
      expect(expected.map((d) => `${d.attribute}: ${d.reason}`).sort()).to.deep.equal(['camera: unknown-option', 'mounting: conflict']);
      // In the reader's language, with the catalog's names (ids for what the catalog no longer has).
      const said = Object.fromEntries(expected.map((d, i) => [d.attribute, text(notice.querySelectorAll('li')[i]!)]));
      expect(said).to.deep.equal({
        camera: 'Camera: usb-hd: no longer offered',
        mounting: 'Mounting: Wall mount: not possible together with Display size: 98-inch 4K display',
      });
      await press(el, 'Dismiss');
      expect(parts(el, 'notice')).to.have.length(0);
      const german = await configurator({ configuration: older, lang: 'de' });
      expect([...part(german, 'notice').querySelectorAll('li')].map(text)).to.include('Kamera: usb-hd: wird nicht mehr angeboten');
    });

    it('a link for another product of the catalog does not apply when the page switches products', async () => {
      const start = encodeConfiguration({ product: 'meeting-room', selections: { display: 'd75' } }, av);
      const el = await configurator({ configuration: start });
      expect(el.value!.selections).to.deep.equal({ display: 'd75' });
      el.product = 'huddle-room';
      await loaded(el);
      expect(el.value!.product).to.equal('huddle-room');
      expect(el.value!.selections).to.deep.equal({});
      expect(el.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
    });

    it('a link for another catalog is an error, not an empty configurator', async () => {
      const el = await configurator({ configuration: '1~collab-suite~2026.11.0~business~seats~.25' });
      expect(failure(el)[0]).to.equal('The configuration given does not fit this catalog.');
      expect(failure(el).join(' ')).to.contain('the link is for catalog "collab-suite", not "av-rooms"');
    });
  });

  describe('precompiled space', () => {
    it('answers exactly as when compiled in the page', async () => {
      const space = await saveSpace(compile(av, { product: 'meeting-room' }));
      const compiled = await configurator();
      const loadedFromSpace = await configurator({ space });
      const fromText = await configurator({ space: JSON.stringify(space) });
      for (const el of [compiled, loadedFromSpace, fromText]) {
        await pick(el, 'Display size', '98-inch 4K display');
        root(el).querySelector<HTMLButtonElement>('button[aria-label="More: Ceiling microphone arrays"]')!.click();
        await el.updateComplete;
      }
      const everything = (el: ProductConfigurator) => parts(el, 'attribute').map((a) => `${text(a)} ${[...a.querySelectorAll('input')].map((i) => `${i.checked}/${i.getAttribute('aria-disabled')}`).join(',')}`);
      expect(everything(loadedFromSpace)).to.deep.equal(everything(compiled));
      expect(everything(fromText)).to.deep.equal(everything(compiled));
      expect(loadedFromSpace.session!.domains()).to.deep.equal(compiled.session!.domains());
    });

    it('answers as well from a decision-DNNF space (its reader, queries and clause search load on demand), reasons included', async () => {
      const space = await saveSpace(compile(av, { product: 'meeting-room', form: 'ddnnf' }));
      const compiled = await configurator();
      const fromDdnnf = await configurator({ space });
      expect(fromDdnnf.session!.compiled.space.form).to.equal('ddnnf');
      for (const el of [compiled, fromDdnnf]) await pick(el, 'Display size', '98-inch 4K display');
      expect(fromDdnnf.session!.domains()).to.deep.equal(compiled.session!.domains());
      const wanted = { attribute: 'mounting', value: 'wall-standard' };
      // The element's session has no explain() of its own (explanations load on the first conflict): the engine's explainDecision.
      expect(explainDecision(fromDdnnf.session!, wanted).rules).to.deep.equal(explainDecision(compiled.session!, wanted).rules);
    });

    it('loads a precompiled space from space-src', async () => {
      const space = await saveSpace(compile(av, { product: 'meeting-room' }));
      const url = catalogUrl(space);
      const wrapper = await fixture<HTMLDivElement>(html`<div><product-configurator .catalog=${av} product="meeting-room" price-date=${DATE} space-src=${url}></product-configurator></div>`);
      const el = wrapper.querySelector('product-configurator')!;
      await loaded(el);
      await pick(el, 'Display size', '98-inch 4K display');
      expect(unavailableNames(el, 'Mounting')).to.deep.equal(['Wall mount', 'Mobile cart']);
      const missing = await fixture<ProductConfigurator>(html`<product-configurator .catalog=${av} space-src="/no-such-space.json"></product-configurator>`);
      await loaded(missing);
      expect(failure(missing)).to.deep.equal(['The catalog could not be loaded.', '/no-such-space.json: 404 Not Found']);
    });

    it('refuses a space made from another catalog or for another product', async () => {
      const other = await saveSpace(compile(desk, { product: 'desk' }));
      const el = await configurator({ space: other });
      const error = part(el, 'error');
      expect(error.getAttribute('role')).to.equal('alert');
      const [summary, detail] = failure(el);
      expect(summary).to.equal('The product’s precompiled data does not fit this catalog.');
      expect(detail).to.match(/^catalog\.hash: the space was compiled from catalog desk-kit 2\.0\.0 .*compile it again$/);
      const huddle = await saveSpace(compile(av, { product: 'huddle-room' }));
      const wrong = await configurator({ space: huddle });
      expect(failure(wrong)).to.deep.equal(['The product’s precompiled data does not fit this catalog.', 'the precompiled space is for product "huddle-room", not "meeting-room"']);
    });
  });

  describe('large products', () => {
    it('compiles a large product in a worker and answers exactly as when compiled here', async () => {
      // Enterprise has 5,000 seat values: large enough to leave the main thread.
      const started: string[] = [];
      const answers: { space?: unknown; error?: string }[] = [];
      const Original = window.Worker;
      window.Worker = class extends Original {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          started.push(String(url));
          this.addEventListener('message', (event) => answers.push(event.data));
        }
      };
      try {
        const el = await configurator({ catalog: suite, product: 'enterprise' });
        expect(started).to.have.length(1);
        expect(started[0]).to.match(/\/compile-worker\.(js|ts)$/);
        expect(answers.map((a) => Object.keys(a)), 'the worker answered with the compiled space').to.deep.equal([['space']]);
        const here = new ConfigurationSession(compile(suite, { product: 'enterprise' }));
        expect(el.session!.count()).to.equal(here.count());
        expect(el.session!.domains()).to.deep.equal(here.domains());
      } finally {
        window.Worker = Original;
      }
    });

    it('renders hundreds of attributes in slices, one per frame, all of them in the end', async () => {
      const product = { id: 'many', name: 'Many', attributes: Array.from({ length: 300 }, (_, i) => ({ id: `f${i}`, kind: 'boolean', name: `Feature ${i}` })) };
      const catalog = loadCatalog({ id: 'many', version: '1', name: 'Many', defaultCurrency: 'EUR', defaultLocale: 'en', products: [product] });
      const el = await configurator({ catalog });
      const switches = () => el.shadowRoot!.querySelectorAll('[role="switch"]').length;
      expect(switches()).to.be.below(300);
      await waitUntil(() => switches() === 300, 'every attribute rendered', { timeout: 5000 });
    });

    it('renders only the rows near the viewport of a product with thousands of features, and the rest as the buyer scrolls', async () => {
      const product = { id: 'long', name: 'Long', attributes: Array.from({ length: 3000 }, (_, i) => ({ id: `f${i}`, kind: 'boolean', name: `Feature ${i}` })) };
      const catalog = loadCatalog({ id: 'long', version: '1', name: 'Long', defaultCurrency: 'EUR', defaultLocale: 'en', products: [product] });
      const el = await configurator({ catalog });
      const rows = () => el.shadowRoot!.querySelectorAll('[part~="attribute"]').length;
      await waitUntil(() => rows() > 0, 'the first rows rendered');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(rows(), 'rows in the page').to.be.within(1, 400);
      // The empty boxes stand in for the rows: the page is about as tall as all of them.
      const row = el.shadowRoot!.querySelector('[part~="attribute"]')!.getBoundingClientRect().height;
      const height = el.shadowRoot!.querySelector('[part~="section"]')!.getBoundingClientRect().height;
      expect(height / (3000 * row), 'the section stands as tall as its rows').to.be.within(0.6, 2);
      // Scrolled to the end, the last feature is there and can be chosen.
      const blocks = el.shadowRoot!.querySelectorAll<HTMLElement>('[data-block]');
      blocks[blocks.length - 1]!.scrollIntoView();
      const shown = (name: string) => parts(el, 'attribute').some((a) => text(a.querySelector('[part~="attribute-name"]')) === name);
      await waitUntil(() => shown('Feature 2999'), 'the last feature rendered', { timeout: 5000 });
      expect(shown('Feature 0'), 'the first feature left the page').to.equal(false);
      switchOf(el, 'Feature 2999').click();
      await el.updateComplete;
      expect(el.value!.selections).to.deep.equal({ f2999: true });
      expect(rows(), 'rows in the page after scrolling').to.be.within(1, 400);
      window.scrollTo(0, 0);
    });
  });

  describe('loading and errors', () => {
    it('loads a catalog from src, saying so while it loads', async () => {
      const answer = holdFetch();
      try {
        const el = await configurator({ src: catalogUrl(avRoomsJson), product: 'meeting-room', noWait: true });
        await new Promise((resolve) => setTimeout(resolve, 50));
        const loading = part(el, 'loading');
        expect([text(loading), loading.getAttribute('role')]).to.deep.equal(['Loading the product…', 'status']);
        expect(el.value).to.equal(undefined);
        answer();
        await loaded(el);
        expect(text(part(el, 'name'))).to.equal('Meeting room system');
        expect(el.value!.selections).to.deep.equal({});
      } finally {
        restoreFetch();
      }
    });

    it('still loads when the page moves it while it loads', async () => {
      const answer = holdFetch();
      try {
        const wrapper = await fixture<HTMLDivElement>(html`<div><section></section>${template({ src: catalogUrl(avRoomsJson), product: 'meeting-room' })}</div>`);
        const el = wrapper.querySelector('product-configurator')!;
        await el.updateComplete;
        expect(parts(el, 'loading')).to.have.length(1);
        // A framework re-parents it: disconnected (the load is aborted), then connected again.
        wrapper.querySelector('section')!.append(el);
        answer();
        await loaded(el);
        expect(text(part(el, 'name'))).to.equal('Meeting room system');
      } finally {
        restoreFetch();
      }
    });

    it('says why when src does not exist or is not a valid catalog', async () => {
      const missing = await configurator({ src: '/examples/catalogs/no-such-catalog.json' });
      expect(failure(missing)).to.deep.equal(['The catalog could not be loaded.', '/examples/catalogs/no-such-catalog.json: 404 Not Found']);
      expect(part(missing, 'error').getAttribute('role')).to.equal('alert');
      const broken = await configurator({ src: `data:application/json,${encodeURIComponent('{"id": "x", "id": "y"}')}` });
      expect(failure(broken)).to.deep.equal(['The catalog has errors.', 'id: the key "id" appears twice in one object (JSON keeps only the last)']);
      const invalid = await configurator({ src: `data:application/json,${encodeURIComponent('{"id": "x", "version": "1"}')}` });
      expect(failure(invalid)[0]).to.equal('The catalog has errors.');
      expect(failure(invalid).slice(1).join('\n')).to.match(/(name|products)/);
      expect(invalid.value).to.equal(undefined);
    });

    it('says why in the reader’s language, German and French, with the engine’s detail (English, with its paths) folded away below (#17 defect 11)', async () => {
      const broken = `data:application/json,${encodeURIComponent('{"id": "x", "id": "y"}')}`;
      const cases = {
        de: [
          ['Der Katalog konnte nicht geladen werden.', 'Technische Details'],
          ['Der Katalog enthält Fehler.', 'Technische Details'],
          ['Dieser Katalog enthält kein Produkt „no-such-product“.', 'Technische Details'],
        ],
        fr: [
          ['Le catalogue n’a pas pu être chargé.', 'Détails techniques'],
          ['Le catalogue contient des erreurs.', 'Détails techniques'],
          ['Ce catalogue ne contient aucun produit «\u00a0no-such-product\u00a0».', 'Détails techniques'],
        ],
      };
      for (const lang of ['de', 'fr'] as const) {
        const missing = await configurator({ lang, src: '/examples/catalogs/no-such-catalog.json' });
        const invalid = await configurator({ lang, src: broken });
        const unknown = await configurator({ lang, product: 'no-such-product' });
        [missing, invalid, unknown].forEach((el, i) => {
          const error = part(el, 'error');
          expect([text(error.querySelector('.error-summary')), text(error.querySelector('summary'))], `${lang} ${i}`).to.deep.equal(cases[lang][i]);
          // The detail is the engine's or the network's English: marked so, and not announced with the alert (folded away).
          const details = part(el, 'error-details') as HTMLDetailsElement;
          expect([details.open, details.querySelector('ul')!.lang]).to.deep.equal([false, 'en']);
        });
        expect(failure(missing)[1]).to.equal('/examples/catalogs/no-such-catalog.json: 404 Not Found');
        expect(failure(invalid)[1]).to.equal('id: the key "id" appears twice in one object (JSON keeps only the last)');
        expect(failure(unknown)[1]).to.match(/^unknown product "no-such-product"; the catalog has huddle-room, meeting-room$/);
        // A form says the same.
        expect(missing.validationMessage).to.equal(cases[lang][0]![0]);
        await expect(invalid).to.be.accessible();
      }
    });

    describe('cpq-load and cpq-load-error', () => {
      const LOAD_EVENTS = ['cpq-load', 'cpq-load-error'];
      /** Waits until `count` load events have come, and a little longer to catch a second one. */
      async function loadEvents(log: { events: Event[] }, count: number): Promise<Event[]> {
        await waitUntil(() => log.events.length >= count, `${count} load events`, { timeout: 5000 });
        await new Promise((resolve) => setTimeout(resolve, 50));
        return log.events;
      }

      it('fires cpq-load once the product is loaded and shown, with its configuration and price', async () => {
        const log = record(LOAD_EVENTS);
        let shownAtEvent = '';
        const onLoad = (event: Event) => void (shownAtEvent = text((event.target as ProductConfigurator).shadowRoot!.querySelector('[part~="name"]')));
        document.addEventListener('cpq-load', onLoad);
        try {
          const el = await configurator({ configuration: loadConfiguration(avRoomsConfigJson, av) });
          const events = await loadEvents(log, 1);
          expect(events.map((e) => e.type)).to.deep.equal(['cpq-load']);
          const event = events[0] as CpqLoadEvent;
          expect(event).to.be.instanceOf(CpqLoadEvent);
          expect([event.bubbles, event.composed, event.target === el]).to.deep.equal([true, true, true]);
          expect(shownAtEvent).to.equal('Meeting room system', 'rendered by the time it fires');
          const { product, configuration, price: breakdown, complete, valid } = event.detail;
          expect(product).to.equal('meeting-room');
          expect(configuration).to.deep.equal(el.value);
          expect(configuration.selections).to.deep.equal(avRoomsConfigJson.selections);
          expect(breakdown).to.deep.equal(price(av, configuration, context));
          expect([complete, valid]).to.deep.equal([true, true], 'the demo configuration decides everything and has prices');
        } finally {
          document.removeEventListener('cpq-load', onLoad);
          log.stop();
        }
      });

      it('fires cpq-load once per reload its inputs cause, and never for the buyer’s actions', async () => {
        const log = record(LOAD_EVENTS);
        try {
          const el = await configurator();
          await loadEvents(log, 1);
          expect((log.events[0] as CpqLoadEvent).detail).to.include({ product: 'meeting-room', complete: false, valid: false });
          // The buyer's changes, undo, starting over: change events only.
          await pick(el, 'Display size', '98-inch 4K display');
          await press(el, 'Undo');
          await press(el, 'Start over');
          await loaded(el);
          await new Promise((resolve) => setTimeout(resolve, 50));
          expect(log.events).to.have.length(1);
          el.product = 'huddle-room';
          await loadEvents(log, 2);
          expect((log.events[1] as CpqLoadEvent).detail.product).to.equal('huddle-room');
          el.configuration = { product: 'huddle-room', selections: { display: 'd55' } };
          await loadEvents(log, 3);
          expect((log.events[2] as CpqLoadEvent).detail.configuration.selections).to.deep.equal({ display: 'd55' });
          // The catalog and the product set together: one load, one event.
          el.catalog = desk;
          el.product = 'desk';
          el.configuration = undefined;
          await loadEvents(log, 4);
          expect(log.events.map((e) => (e as CpqLoadEvent).detail.product)).to.deep.equal(['meeting-room', 'huddle-room', 'huddle-room', 'desk']);
        } finally {
          log.stop();
        }
      });

      it('a load replaced by a newer one before it finishes fires nothing', async () => {
        const log = record(LOAD_EVENTS);
        const answer = holdFetch();
        try {
          const el = await configurator({ src: catalogUrl(avRoomsJson), product: 'huddle-room', noWait: true });
          // A catalog takes precedence over src: a new load, while the fetch still waits.
          el.catalog = desk;
          el.product = 'desk';
          await loaded(el);
          answer();
          const events = await loadEvents(log, 1);
          await new Promise((resolve) => setTimeout(resolve, 100));
          expect(events.map((e) => e.type)).to.deep.equal(['cpq-load']);
          expect((events[0] as CpqLoadEvent).detail.product).to.equal('desk');
          expect(el.value!.product).to.equal('desk');
        } finally {
          restoreFetch();
          log.stop();
        }
      });

      it('fires cpq-load-error once with the message shown when src is bad, and cpq-load after a good one', async () => {
        const log = record(LOAD_EVENTS);
        try {
          const el = await configurator({ src: '/examples/catalogs/no-such-catalog.json' });
          const events = await loadEvents(log, 1);
          expect(events.map((e) => e.type)).to.deep.equal(['cpq-load-error']);
          const event = events[0] as CpqLoadErrorEvent;
          expect(event).to.be.instanceOf(CpqLoadErrorEvent);
          expect([event.bubbles, event.composed, event.target === el]).to.deep.equal([true, true, true]);
          expect(event.detail).to.deep.equal({ message: '/examples/catalogs/no-such-catalog.json: 404 Not Found' });
          expect(failure(el)).to.deep.equal(['The catalog could not be loaded.', event.detail.message]);
          // Not a catalog: the engine's message.
          el.src = `data:application/json,${encodeURIComponent('{"id": "x", "id": "y"}')}`;
          await loadEvents(log, 2);
          expect((log.events[1] as CpqLoadErrorEvent).detail.message).to.equal('The catalog has 1 problem:\n  id: the key "id" appears twice in one object (JSON keeps only the last)');
          el.src = catalogUrl(avRoomsJson);
          el.product = 'meeting-room';
          await loadEvents(log, 3);
          expect(log.events.map((e) => e.type)).to.deep.equal(['cpq-load-error', 'cpq-load-error', 'cpq-load']);
        } finally {
          log.stop();
        }
      });
    });

    it('focus() takes the buyer to the product’s name, once a product being loaded is shown, or to why it cannot be', async () => {
      const el = await configurator();
      el.focus();
      await el.updateComplete;
      // (Compared by part: an element with a catalog property takes chai forever to print.)
      const focused = () => root(el).activeElement?.getAttribute('part') ?? null;
      expect(document.activeElement === el, 'the configurator has the focus').to.equal(true);
      expect(focused()).to.equal('name');
      expect(part(el, 'name').tabIndex, 'focusable from script only').to.equal(-1);
      // A new product set just before: the focus waits for it.
      el.configuration = { product: 'meeting-room', selections: { display: 'd98' } };
      el.focus();
      await el.updateComplete;
      expect(focused()).to.equal(null);
      await loaded(el);
      await el.updateComplete;
      expect(focused()).to.equal('name');
      expect(el.value!.selections).to.deep.equal({ display: 'd98' });
      // A product that cannot be shown: the message that says why.
      const missing = await configurator({ src: '/examples/catalogs/no-such-catalog.json' });
      missing.focus();
      await missing.updateComplete;
      expect(root(missing).activeElement?.getAttribute('part')).to.equal('error');
    });

    it('shows the empty slot without a catalog, and an error for an unknown product', async () => {
      const empty = await fixture<ProductConfigurator>(html`<product-configurator></product-configurator>`);
      expect(text(part(empty, 'empty'))).to.equal('No product information to show.');
      const unknown = await configurator({ product: 'no-such-product' });
      expect(failure(unknown)[0]).to.equal('There is no product “no-such-product” in this catalog.');
    });
  });

  describe('languages, themes and screens', () => {
    it('speaks English, German and French', async () => {
      const expected = {
        en: ['Your configuration', 'Display', 'Choose one', 'Request a quote', 'Meeting room'],
        de: ['Ihre Konfiguration', 'Bildschirm', 'Eine Option wählen', 'Angebot anfordern', 'Besprechungsraum'],
        fr: ['Votre configuration', 'Écran', 'Choisissez une option', 'Demander un devis', 'Salle de réunion'],
      };
      for (const [lang, [summary, display, hint, quote, name]] of Object.entries(expected)) {
        const el = await configurator({ catalog: room, product: 'room', lang });
        expect(text(part(el, 'summary-name')), lang).to.equal(summary);
        expect(text(attribute(el, display!).querySelector('[part~="attribute-hint"]')), lang).to.equal(hint);
        expect(text(part(el, 'primary-button')), lang).to.equal(quote);
        expect(text(part(el, 'name')), lang).to.equal(name);
      }
      // The AV catalog is in French too: its own texts in French beside the element's.
      const fr = await configurator({ lang: 'fr' });
      expect(text(part(fr, 'name'))).to.equal('Système pour salles de réunion');
      expect(text(part(fr, 'summary-name'))).to.equal('Votre configuration');
      expect(text(part(fr, 'total').querySelector('dd'))).to.equal('1\u202f773,10\u00a0€');
    });

    it('follows a lang set on the page', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en">${template({})}</div>`);
      const el = wrapper.querySelector('product-configurator')!;
      await loaded(el);
      wrapper.lang = 'de';
      await settled(el);
      expect(text(part(el, 'summary-name'))).to.equal('Ihre Konfiguration');
      expect(text(part(el, 'total').querySelector('dd'))).to.equal('1.773,10\u00a0€');
    });

    it('draws the dark theme on its own dark surface', async () => {
      const el = await configurator({ theme: 'dark' });
      const base = part(el, 'base');
      expect(getComputedStyle(base).backgroundColor).to.equal('rgb(13, 17, 23)');
      expect(getComputedStyle(part(el, 'name')).color).to.equal('rgb(230, 237, 243)');
      const light = await configurator();
      expect(getComputedStyle(part(light, 'base')).backgroundColor).to.equal('rgb(255, 255, 255)');
      expect(getComputedStyle(part(light, 'name')).color).to.equal('rgb(31, 35, 40)');
    });

    describe('on a phone (360 px)', () => {
      before(() => setViewport({ width: 360, height: 640 }));
      after(() => setViewport({ width: 800, height: 600 }));

      it('is one column with the total in a sticky bar at the bottom of the screen', async () => {
        const el = await configurator({ width: 'auto', configuration: { product: 'meeting-room', selections: { display: 'd75' } } });
        expect(el.getBoundingClientRect().width).to.be.at.most(360);
        const main = root(el).querySelector('.main')!.getBoundingClientRect();
        const summary = part(el, 'summary').getBoundingClientRect();
        expect(summary.top).to.be.at.least(main.bottom, 'the summary below the options');
        expect(Math.round(summary.left)).to.equal(Math.round(main.left));
        const bar = part(el, 'price-bar');
        expect(getComputedStyle(bar).display).to.equal('flex');
        // The same label and figure as the summary's total.
        expect([text(bar.firstElementChild), text(bar.lastElementChild)]).to.deep.equal([text(part(el, 'total').querySelector('dt')), text(part(el, 'total').querySelector('dd'))]);
        window.scrollTo(0, 0);
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const rect = bar.getBoundingClientRect();
        expect(rect.bottom).to.be.at.most(window.innerHeight + 1, 'in sight without scrolling');
        expect(rect.top).to.be.at.least(window.innerHeight - rect.height - 1, 'at the bottom of the screen');
        // No sideways scrolling.
        expect(document.documentElement.scrollWidth).to.be.at.most(360);
        // Touch targets: at least 44 px high, steppers 44 px wide.
        const targets = [...root(el).querySelectorAll<HTMLElement>('button, select, input[type="number"], [part~="option"], [part~="switch"]')];
        expect(targets.length).to.be.greaterThan(30);
        for (const target of targets) {
          const box = target.getBoundingClientRect();
          expect(box.height, target.outerHTML.slice(0, 80)).to.be.at.least(44);
          expect(box.width, target.outerHTML.slice(0, 80)).to.be.at.least(44);
        }
      });

      it('never lets the price bar cover the focused control, and hides it while the summary’s own total shows', async () => {
        // The phone the defect was found on.
        await setViewport({ width: 390, height: 844 });
        const el = await configurator({ width: 'auto', configuration: { product: 'meeting-room', selections: { display: 'd98' } } });
        const bar = part(el, 'price-bar');
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        window.scrollTo(0, 0);
        root(el).querySelector<HTMLElement>('input, select, button')!.focus();
        let checked = 0;
        // Tab through every control of the options, as a keyboard user would.
        for (let i = 0; i < 60 && !part(el, 'summary').contains(root(el).activeElement); i++) {
          await sendKeys({ press: 'Tab' });
          await frame();
          const focused = root(el).activeElement as HTMLElement | null;
          if (!focused || bar.hasAttribute('data-summary-shown')) continue;
          const box = (focused.closest('label') ?? focused).getBoundingClientRect();
          expect(box.bottom, `${focused.outerHTML.slice(0, 80)} is under the price bar`).to.be.at.most(bar.getBoundingClientRect().top + 0.5);
          checked += 1;
        }
        expect(checked, 'controls checked with the bar on screen').to.be.greaterThan(10);
        // At the summary, its total is on screen: no second Total bar under it.
        part(el, 'total').scrollIntoView({ block: 'center' });
        await frame();
        expect(bar.hasAttribute('data-summary-shown')).to.equal(true);
        expect(getComputedStyle(bar).visibility).to.equal('hidden');
        window.scrollTo(0, 0);
        await frame();
        expect(getComputedStyle(bar).visibility).to.equal('visible');
        await setViewport({ width: 360, height: 640 });
      });

      it('is accessible (axe)', async () => {
        const el = await configurator({ width: 'auto' });
        await expect(el).to.be.accessible();
      });
    });

    it('keeps the price bar out of a wide layout, with the summary beside the options', async () => {
      const el = await configurator({ width: '1000px' });
      expect(getComputedStyle(part(el, 'price-bar')).display).to.equal('none');
      const main = root(el).querySelector('.main')!.getBoundingClientRect();
      expect(part(el, 'summary').getBoundingClientRect().left).to.be.at.least(main.right);
    });
  });

  describe('catalog text is data', () => {
    it('renders markup in names, descriptions and options as text', async () => {
      const el = await configurator({ catalog: xssCatalog() });
      const shadow = root(el);
      expect(shadow.querySelectorAll('script, svg, iframe, img[src="x"]')).to.have.length(0);
      expect(text(part(el, 'name'))).to.equal(XSS.img);
      expect(text(root(el).querySelector('.description'))).to.equal(XSS.script);
      expect(texts(el, 'section-name')).to.deep.equal(['General', XSS.svg]);
      expect(texts(el, 'attribute-name')).to.deep.equal([XSS.svg, XSS.script]);
      expect(texts(el, 'option-name')).to.deep.equal([XSS.img]);
      expect(root(el).querySelector('[part~="stepper"] input')!.getAttribute('aria-label')).to.equal(XSS.svg);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as { __cpqXss?: boolean }).__cpqXss).to.equal(undefined);
    });

    it('renders a rule message with markup as text in the conflict', async () => {
      const catalog = loadCatalog({
        id: 'xss-rules',
        version: '1',
        name: 'x',
        defaultCurrency: 'EUR',
        defaultLocale: 'en',
        products: [
          {
            id: 'p',
            name: 'P',
            attributes: [
              { id: 'a', kind: 'boolean', name: XSS.svg },
              { id: 'b', kind: 'single', name: 'B', options: [{ id: 'x', name: XSS.img }, { id: 'y', name: 'Y' }] },
            ],
            rules: [{ id: 'r', kind: 'excludes', if: 'a', then: 'b:x', message: XSS.script }],
          },
        ],
      });
      const el = await configurator({ catalog });
      switchOf(el, XSS.svg).click();
      await el.updateComplete;
      await pick(el, 'B', XSS.img);
      expect([...part(el, 'conflict').querySelectorAll('p')].map(text)).to.deep.equal([`B: ${XSS.img} is not available with ${XSS.svg}.`, XSS.script]);
      expect(root(el).querySelectorAll('script, svg, img[src="x"]')).to.have.length(0);
      expect((window as { __cpqXss?: boolean }).__cpqXss).to.equal(undefined);
    });
  });

  it('works under two tag names on one page', async () => {
    ProductConfigurator.define('acme-configurator');
    const page = await fixture<HTMLDivElement>(html`
      <div>
        <product-configurator .catalog=${desk} price-date=${DATE}></product-configurator>
        <acme-configurator .catalog=${room} product="room" lang="de"></acme-configurator>
      </div>
    `);
    const [first, second] = [page.querySelector('product-configurator')!, page.querySelector('acme-configurator') as ProductConfigurator];
    await Promise.all([loaded(first), loaded(second)]);
    expect(second).to.be.instanceOf(ProductConfigurator);
    expect(text(part(first, 'name'))).to.equal('Standing desk');
    expect(text(part(second, 'name'))).to.equal('Besprechungsraum');
    await pick(first, 'Top', '180 cm');
    expect(first.value!.selections).to.deep.equal({ top: 'large' });
    expect(second.value!.selections).to.deep.equal({});
    await expect(page).to.be.accessible();
  });

  describe('accessibility (axe)', () => {
    const states: Record<string, () => Promise<ProductConfigurator>> = {
      initial: () => configurator(),
      'a conflict explained': async () => {
        const el = await configurator();
        await pick(el, 'Display size', '98-inch 4K display');
        await pick(el, 'Mounting', 'Wall mount');
        return el;
      },
      repaired: async () => {
        const el = await configurator();
        await pick(el, 'Display size', '98-inch 4K display');
        await pick(el, 'Mounting', 'Wall mount');
        part(el, 'repair-button').click();
        await el.updateComplete;
        return el;
      },
      complete: async () => {
        const el = await configurator();
        await press(el, 'Complete with defaults');
        return el;
      },
      dark: () => configurator({ theme: 'dark', configuration: loadConfiguration(avRoomsConfigJson, av) }),
      'dark, a conflict explained': async () => {
        const el = await configurator({ theme: 'dark' });
        await pick(el, 'Display size', '98-inch 4K display');
        await pick(el, 'Mounting', 'Wall mount');
        return el;
      },
      narrow: () => configurator({ width: '360px' }),
      German: () => configurator({ lang: 'de', configuration: loadConfiguration(avRoomsConfigJson, av) }),
      French: () => configurator({ catalog: room, product: 'room', lang: 'fr' }),
      'a drop-down, checkboxes, an add-on unavailable': async () => {
        const el = await configurator({ catalog: desk });
        await pick(el, 'Legs', 'Fixed height');
        return el;
      },
      'software per month': () => configurator({ catalog: suite, product: 'business' }),
      'a quote asked for too early': async () => {
        const el = await configurator();
        part(el, 'primary-button').click();
        await el.updateComplete;
        part(el, 'incomplete');
        return el;
      },
      'a shared link that no longer fits': () => configurator({ configuration: '1~av-rooms~2026.05.0~meeting-room~display~d98~mounting~wall-standard' }),
      loading: async () => {
        holdFetch();
        const el = await configurator({ src: catalogUrl(avRoomsJson), noWait: true });
        part(el, 'loading');
        return el;
      },
      error: () => configurator({ src: '/examples/catalogs/no-such-catalog.json' }),
    };
    for (const [state, make] of Object.entries(states)) {
      it(`has no violations: ${state}`, async () => {
        try {
          const el = await make();
          await expect(el).to.be.accessible();
        } finally {
          restoreFetch();
        }
      });
    }
  });
});
