import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { loadCatalog, type Catalog } from '@cpq-kit/engine';
import avRoomsJson from '../../../examples/catalogs/av-rooms.json' with { type: 'json' };
import collabSuiteJson from '../../../examples/catalogs/collab-suite.json' with { type: 'json' };
import '../src/define/product-sheet.js';
import { ProductSheet } from '../src/index.js';
import { roomCatalog, XSS, xssCatalog } from './fixtures.js';
import { drawn, outside, part, parts, settled, text, texts } from './helpers.js';

const catalog = roomCatalog();

async function sheet(options: { catalog?: Catalog | undefined; product?: string; lang?: string; theme?: string } = {}): Promise<ProductSheet> {
  const el = await fixture<ProductSheet>(html`
    <product-sheet
      .catalog=${'catalog' in options ? options.catalog : catalog}
      product=${ifDefined(options.product)}
      lang=${ifDefined(options.lang)}
      theme=${ifDefined(options.theme)}
    ></product-sheet>
  `);
  return el;
}

/** The demo catalogs, whose support plans (long spec names, short values) once spilled out of their cards (#17 defect 6). */
const demoCatalogs: Record<string, Catalog> = { 'av-rooms': loadCatalog(avRoomsJson), 'collab-suite': loadCatalog(collabSuiteJson) };

/** The attribute element whose heading is `name`. */
function attribute(el: ProductSheet, name: string): HTMLElement {
  const found = parts(el, 'attribute').find((a) => text(a.querySelector('[part~="attribute-name"]')) === name);
  if (!found) throw new Error(`no attribute "${name}"`);
  return found;
}

describe('<product-sheet>', () => {
  describe('a product', () => {
    it('shows the first product when no product is named', async () => {
      const el = await sheet();
      expect(text(part(el, 'name'))).to.equal('Meeting room');
      expect(text(part(el, 'description'))).to.equal('Video conferencing for rooms of 4 to 12 people.');
      const base = part(el, 'base');
      expect(base.localName).to.equal('article');
      expect(base.getAttribute('aria-labelledby')).to.equal(part(el, 'name').id);
    });

    it('shows the catalog images with the names as alternative text', async () => {
      const el = await sheet();
      const image = part(el, 'image') as HTMLImageElement;
      expect(image.alt).to.equal('Meeting room');
      expect(image.getAttribute('src')).to.equal(catalog.products[0]!.image);
      const optionImages = parts(el, 'option-image') as HTMLImageElement[];
      expect(optionImages.map((i) => i.alt)).to.deep.equal(['65"']);
    });

    it('groups attributes: those in no section first, then the sections in order, without empty ones', async () => {
      const el = await sheet();
      expect(texts(el, 'section-name')).to.deep.equal(['General', 'Video', 'Audio']);
      const sections = parts(el, 'section');
      const names = sections.map((s) => [...s.querySelectorAll('[part~="attribute-name"]')].map(text));
      expect(names).to.deep.equal([['Extras'], ['Display', 'Mount'], ['Audio processor', 'Control panel', 'Microphones']]);
      expect(texts(el, 'section-description')).to.deep.equal(['What people see.']);
    });

    it('says in words what the buyer may choose in each attribute', async () => {
      const el = await sheet();
      const kind = (name: string) => text(attribute(el, name).querySelector('[part~="attribute-kind"]'));
      expect(kind('Display')).to.equal('Choose one');
      expect(kind('Mount')).to.equal('Choose one (optional)');
      expect(kind('Extras')).to.equal('Choose up to 2 options');
      expect(kind('Control panel')).to.equal('Optional add-on');
      expect(kind('Microphones')).to.equal('Quantity 0 to 8, in steps of 2');
      el.product = 'team';
      await el.updateComplete;
      expect(kind('Seats')).to.equal('Quantity 5 to 5,000', 'numbers in the reader’s format');
    });

    it('lists the options with their descriptions and marks the defaults', async () => {
      const el = await sheet();
      const display = attribute(el, 'Display');
      const options = [...display.querySelectorAll('[part~="option"]')];
      expect(options.map((o) => text(o.querySelector('[part~="option-name"]')))).to.deep.equal(['55"', '65"', '86"']);
      expect(display.querySelector('[part~="options"]')!.localName).to.equal('ul');
      expect(text(options[1]!.querySelector('[part~="option-description"]'))).to.equal('Most popular');
      // Exactly the catalog's defaults carry the badge: 65" and the pen.
      const badged = parts(el, 'default-badge').map((badge) => text(badge.closest('[part~="option"]')!.querySelector('[part~="option-name"]')));
      expect(badged).to.deep.equal(['Pen', '65"']);
      expect(texts(el, 'default-badge')).to.deep.equal(['Default', 'Default']);
      expect(text(attribute(el, 'Control panel').querySelector('[part~="attribute-default"]'))).to.equal('Included by default');
      expect(text(attribute(el, 'Microphones').querySelector('[part~="attribute-default"]'))).to.equal('Default: 2');
    });

    it('shows the product specs as a table with row headers, catalog spec names, units and yes/no in words', async () => {
      const el = await sheet();
      const table = part(el, 'product-specs');
      expect(table.localName).to.equal('table');
      expect(text(table.querySelector('caption'))).to.equal('Specifications');
      const rows = [...table.querySelectorAll('tr')];
      for (const row of rows) expect(row.querySelector('th')!.getAttribute('scope')).to.equal('row');
      expect(rows.map((row) => text(row.querySelector('th')))).to.deep.equal([
        'Power draw',
        'Warranty Parts and labour',
        'Wireless',
        'Uptime',
        'Field of view',
        'Depth',
      ]);
      const values = rows.map((row) => text(row.querySelector('td')));
      expect(values).to.deep.equal(['1,250.5\u00a0W', '3 years', '✕No', '99.9%', '120°', '4.5\u00a0in']);
      // A boolean shows a mark hidden from assistive technology, and the word for it.
      const mark = rows[2]!.querySelector('[part~="mark"]')!;
      expect(mark.getAttribute('aria-hidden')).to.equal('true');
      expect(mark.getAttribute('part')).to.contain('mark-no');
      expect(text(rows[2]!.querySelector('.visually-hidden'))).to.equal('No');
    });

    it('shows option specs, the specs an add-on brings and the specs per unit', async () => {
      const el = await sheet();
      const specsOf = (root: Element) =>
        [...root.querySelectorAll('[part~="spec"]')].map((spec) => `${text(spec.querySelector('dt'))}: ${text(spec.querySelector('dd'))}`);
      expect(specsOf(attribute(el, 'Display'))).to.deep.equal(['Power draw: 110\u00a0W', 'Power draw: 150\u00a0W', 'Power draw: 300\u00a0W']);
      expect(specsOf(attribute(el, 'Extras'))).to.deep.equal(['Wireless: ✓Yes', 'Wireless: ✕No']);
      const panel = attribute(el, 'Control panel');
      expect(text(panel.querySelector('[part~="specs-caption"]'))).to.equal('With this add-on');
      expect(specsOf(panel)).to.deep.equal(['Power draw: 12\u00a0W']);
      const mics = attribute(el, 'Microphones');
      expect(text(mics.querySelector('[part~="specs-caption"]'))).to.equal('Per microphone');
      expect(specsOf(mics)).to.deep.equal(['Inputs used: 1']);
      expect(mics.querySelector('[part~="specs"]')!.localName).to.equal('dl');
    });

    it('uses headings from heading-level down (default 2)', async () => {
      const el = await sheet();
      expect(part(el, 'name').localName).to.equal('h2');
      expect(part(el, 'section-name').localName).to.equal('h3');
      expect(part(el, 'attribute-name').localName).to.equal('h4');
      el.headingLevel = 3;
      await el.updateComplete;
      expect(el.getAttribute('heading-level')).to.equal(null, 'headingLevel does not reflect');
      expect([part(el, 'name'), part(el, 'section-name'), part(el, 'attribute-name')].map((h) => h.localName)).to.deep.equal(['h3', 'h4', 'h5']);
      el.setAttribute('heading-level', '9');
      await el.updateComplete;
      expect(part(el, 'name').localName).to.equal('h4', 'clamped so that attributes stay within h6');
    });

    it('switches product when the product attribute changes', async () => {
      const el = await sheet();
      el.setAttribute('product', 'team');
      await el.updateComplete;
      expect(text(part(el, 'name'))).to.equal('Team licence');
      expect(texts(el, 'section-name')).to.deep.equal(['Options'], 'a product without sections has one group');
      expect(texts(el, 'attribute-kind')).to.deep.equal(['Quantity 5 to 5,000', 'Choose 1 to 2 options']);
      expect(parts(el, 'product-specs')).to.have.length(0);
      expect(parts(el, 'image')).to.have.length(0);
      el.product = 'room';
      await el.updateComplete;
      expect(text(part(el, 'name'))).to.equal('Meeting room');
    });

    it('updates when a new catalog is assigned', async () => {
      const el = await sheet();
      el.catalog = xssCatalog();
      await el.updateComplete;
      expect(text(part(el, 'name'))).to.equal(XSS.img);
    });

    it('keeps the catalog a property: no attribute, and the attribute does nothing', async () => {
      expect(ProductSheet.observedAttributes).to.include.members(['product', 'lang', 'theme', 'heading-level']);
      expect(ProductSheet.observedAttributes).not.to.include('catalog');
      const el = await sheet();
      expect(el.hasAttribute('catalog')).to.equal(false);
      el.setAttribute('catalog', '{"id":"x"}');
      await el.updateComplete;
      expect(el.catalog).to.equal(catalog);
    });
  });

  describe('languages', () => {
    it('switches interface and catalog texts when lang changes', async () => {
      const el = await sheet();
      el.lang = 'de';
      await el.updateComplete;
      expect(el.getAttribute('lang')).to.equal('de', 'lang reflects, so assistive technology knows the language');
      expect(text(part(el, 'name'))).to.equal('Besprechungsraum');
      expect(texts(el, 'section-name')).to.deep.equal(['Allgemein', 'Video', 'Audio']);
      expect(text(part(el, 'product-specs-caption'))).to.equal('Technische Daten');
      expect(text(attribute(el, 'Bildschirm').querySelector('[part~="attribute-kind"]'))).to.equal('Eine Option wählen');
      expect(text(attribute(el, 'Extras').querySelector('[part~="attribute-kind"]'))).to.equal('Bis zu 2 Optionen wählen');
      expect(texts(el, 'product-spec-value')).to.deep.equal(['1.250,5\u00a0W', '3 Jahre', '✕Nein', '99,9\u00a0%', '120°', '4,5\u00a0Zoll']);
      expect(texts(el, 'default-badge')).to.deep.equal(['Standard', 'Standard']);

      el.setAttribute('lang', 'fr');
      await el.updateComplete;
      expect(text(part(el, 'name'))).to.equal('Salle de réunion');
      expect(texts(el, 'section-name')).to.deep.equal(['Général', 'Vidéo', 'Audio']);
      expect(text(attribute(el, 'Microphones').querySelector('[part~="attribute-default"]'))).to.equal('Par défaut\u00a0: 2');
      expect(text(part(el, 'product-spec-value'))).to.equal(`${new Intl.NumberFormat('fr').format(1250.5)}\u00a0W`);
      expect(text(part(el, 'product-spec-value'))).not.to.equal('1250.5\u00a0W');

      el.lang = '';
      await el.updateComplete;
      expect(el.hasAttribute('lang')).to.equal(false, 'an empty lang removes the attribute, never lang=""');
      expect(text(part(el, 'name'))).to.equal('Meeting room');
    });

    it('follows the closest ancestor with a lang, reactively', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"><section><product-sheet .catalog=${catalog}></product-sheet></section></div>`);
      const el = wrapper.querySelector('product-sheet')!;
      await el.updateComplete;
      expect(text(part(el, 'name'))).to.equal('Besprechungsraum');
      wrapper.lang = 'fr';
      await settled(el);
      expect(text(part(el, 'name'))).to.equal('Salle de réunion');
      el.lang = 'en';
      await el.updateComplete;
      expect(text(part(el, 'name'))).to.equal('Meeting room', 'its own lang wins over the ancestor');
    });

    it('uses a language’s texts for its regional variants, and English UI texts for languages it does not know', async () => {
      const el = await sheet({ lang: 'de-AT' });
      expect(text(part(el, 'name'))).to.equal('Besprechungsraum');
      expect(texts(el, 'section-name')[0]).to.equal('Allgemein');
      el.lang = 'ja';
      await el.updateComplete;
      // No Japanese catalog text: the catalog's default locale. No Japanese UI: English.
      expect(text(part(el, 'name'))).to.equal('Meeting room');
      expect(texts(el, 'section-name')[0]).to.equal('General');
    });
  });

  describe('states', () => {
    it('shows an empty state without a catalog, which a slot can replace', async () => {
      const el = await sheet({ catalog: undefined });
      expect(text(part(el, 'empty'))).to.equal('No product information to show.');
      expect(parts(el, 'base')).to.have.length(0);
      const custom = await fixture<ProductSheet>(html`<product-sheet><span slot="empty">Pick a product</span></product-sheet>`);
      const slot = part(custom, 'empty').querySelector('slot')!;
      expect(slot.assignedElements().map(text)).to.deep.equal(['Pick a product']);
    });

    it('says clearly when the catalog has no such product', async () => {
      const el = await sheet({ product: 'nope' });
      expect(text(part(el, 'error'))).to.equal('There is no product “nope” in this catalog.');
      expect(parts(el, 'base')).to.have.length(0);
      el.lang = 'de';
      await el.updateComplete;
      expect(text(part(el, 'error'))).to.equal('Dieser Katalog enthält kein Produkt „nope“.');
    });
  });

  describe('catalog text is text, never HTML', () => {
    beforeEach(() => {
      delete (window as { __cpqXss?: boolean }).__cpqXss;
    });

    it('renders markup in every catalog text as visible text and creates no element from it', async () => {
      const el = await sheet({ catalog: xssCatalog() });
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      const root = el.shadowRoot!;
      // No image, script or svg element anywhere (this catalog has no images of its own).
      expect(root.querySelectorAll('img, script, svg, [onerror], [onload]')).to.have.length(0);
      expect(text(part(el, 'name'))).to.equal(XSS.img);
      expect(text(part(el, 'description'))).to.equal(XSS.script);
      expect(text(part(el, 'product-spec-name'))).to.contain(XSS.svg);
      expect(text(part(el, 'product-spec-description'))).to.equal(XSS.script);
      expect(text(part(el, 'product-spec-value'))).to.equal(XSS.script);
      expect(texts(el, 'section-name')).to.deep.equal(['General', XSS.svg]);
      expect(text(part(el, 'section-description'))).to.equal(XSS.img);
      expect(texts(el, 'option-name')).to.deep.equal([XSS.img]);
      expect(text(part(el, 'specs-caption'))).to.equal(`Per ${XSS.img}`);
      // The text is really on screen, not just in the DOM.
      const name = part(el, 'name');
      expect(name.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(name.innerText).to.equal(XSS.img);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as { __cpqXss?: boolean }).__cpqXss).to.equal(undefined);
    });

    it('renders an unknown product id as text', async () => {
      const el = await sheet({ product: XSS.img });
      expect(el.shadowRoot!.querySelectorAll('img')).to.have.length(0);
      expect(text(part(el, 'error'))).to.contain(XSS.img);
    });
  });

  describe('themes', () => {
    it('is light by default and dark with theme="dark"; page tokens override the defaults', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div><product-sheet .catalog=${catalog}></product-sheet></div>`);
      const el = wrapper.querySelector('product-sheet')!;
      await el.updateComplete;
      const background = () => getComputedStyle(part(el, 'base')).backgroundColor;
      expect(background()).to.equal('rgb(255, 255, 255)');
      el.theme = 'dark';
      await el.updateComplete;
      expect(el.getAttribute('theme')).to.equal('dark');
      expect(background()).to.equal('rgb(13, 17, 23)');
      // A global token set on any ancestor reaches into the shadow root...
      wrapper.style.setProperty('--cpq-color-surface', 'rgb(1, 2, 3)');
      expect(background()).to.equal('rgb(1, 2, 3)');
      // ...and a component property wins over it.
      wrapper.style.setProperty('--cpq-product-sheet-background', 'rgb(4, 5, 6)');
      expect(background()).to.equal('rgb(4, 5, 6)');
    });

    it('follows the reader’s system setting with theme="auto", and only then', async () => {
      const el = await sheet({ theme: 'auto' });
      const background = () => getComputedStyle(part(el, 'base')).backgroundColor;
      try {
        await emulateMedia({ colorScheme: 'dark' });
        expect(background()).to.equal('rgb(13, 17, 23)');
        el.theme = 'light';
        await el.updateComplete;
        expect(background()).to.equal('rgb(255, 255, 255)', 'light stays light in a dark system');
        el.removeAttribute('theme');
        await el.updateComplete;
        expect(background()).to.equal('rgb(255, 255, 255)', 'the default is light');
        el.theme = 'auto';
        await el.updateComplete;
        await emulateMedia({ colorScheme: 'light' });
        expect(background()).to.equal('rgb(255, 255, 255)');
      } finally {
        await emulateMedia({ colorScheme: 'no-preference' });
      }
    });

    it('does not inherit the page’s text styles', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="text-align: center; letter-spacing: 5px; text-transform: uppercase; font-style: italic">
          <product-sheet .catalog=${catalog}></product-sheet>
        </div>`,
      );
      const el = wrapper.querySelector('product-sheet')!;
      await el.updateComplete;
      const style = getComputedStyle(part(el, 'description'));
      expect([style.textAlign, style.letterSpacing, style.textTransform, style.fontStyle]).to.deep.equal(['start', 'normal', 'none', 'normal']);
    });
  });

  describe('layout', () => {
    after(() => setViewport({ width: 800, height: 600 }));

    // #17 defect 6: in the support plan cards the values ("1 h", "✓") were drawn beyond
    // the card, under the next one. Every option card of every demo product, with every
    // spec name and value, the name, badge and description: all inside the card.
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      for (const lang of ['en', 'de', 'fr']) {
        it(`draws everything of an option card inside the card, demo catalogs at ${width}×${height}, ${lang}`, async () => {
          await setViewport({ width, height });
          const escapes: string[] = [];
          let values = 0;
          for (const [file, demo] of Object.entries(demoCatalogs)) {
            for (const product of demo.products) {
              const el = await sheet({ catalog: demo, product: product.id, lang });
              expect(el.getBoundingClientRect().width).to.be.at.most(width);
              for (const card of parts(el, 'option')) {
                const box = card.getBoundingClientRect();
                values += card.querySelectorAll('[part~="spec-value"]').length;
                for (const [what, rect] of drawn(card)) {
                  const by = outside(rect, box);
                  if (by > 0.5) escapes.push(`${file}/${product.id}, ${text(card.querySelector('[part~="option-name"]'))}: ${what} by ${by.toFixed(1)} px`);
                }
              }
            }
          }
          expect(values, 'spec values in cards checked').to.be.greaterThan(20);
          expect(escapes).to.deep.equal([]);
        });
      }
    }

    it('keeps a spec value beside its name in a card wide enough, and wraps a long name rather than the value', async () => {
      await setViewport({ width: 1280, height: 800 });
      const el = await sheet({ catalog: demoCatalogs['collab-suite'], product: 'business', lang: 'de' });
      const priority = parts(el, 'option').find((card) => text(card.querySelector('[part~="option-name"]')) === 'Priority-Support')!;
      const [name, value] = [priority.querySelector('[part~="spec-name"]')!, priority.querySelector('[part~="spec-value"]')!];
      expect(text(name)).to.equal('Reaktionszeit bei kritischen Störungen');
      expect(text(value)).to.equal('2\u00a0h');
      // The texts themselves: the dd stretches to the height of its row.
      const textBox = (node: Node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return range.getBoundingClientRect();
      };
      const [n, v] = [textBox(name), textBox(value)];
      expect(v.left, 'the value is right of its name').to.be.at.least(n.right);
      expect(v.top, 'on the same line').to.be.closeTo(n.top, 1);
      expect(v.height, 'the value on one line').to.be.below(parseFloat(getComputedStyle(value).lineHeight) * 1.5);
    });
  });

  describe('accessibility (axe)', () => {
    const states: Record<string, () => Promise<ProductSheet>> = {
      'light theme': () => sheet(),
      'dark theme': () => sheet({ theme: 'dark' }),
      'German': () => sheet({ lang: 'de' }),
      'French, dark': () => sheet({ lang: 'fr', theme: 'dark' }),
      'a product without sections or specs': () => sheet({ product: 'team' }),
      'no catalog': () => sheet({ catalog: undefined }),
      'no catalog, dark': () => sheet({ catalog: undefined, theme: 'dark' }),
      'an unknown product': () => sheet({ product: 'nope' }),
      'an unknown product, dark': () => sheet({ product: 'nope', theme: 'dark' }),
      'markup in catalog texts': () => sheet({ catalog: xssCatalog() }),
    };
    for (const [state, make] of Object.entries(states)) {
      it(`has no violations: ${state}`, async () => {
        const el = await make();
        await expect(el).to.be.accessible();
      });
    }
  });
});
