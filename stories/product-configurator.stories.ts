import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { encodeConfiguration, importUvl, loadCatalog, loadConfiguration, type Catalog } from '@cpq-kit/engine';
import avRoomsJson from '../examples/catalogs/av-rooms.json' with { type: 'json' };
import avRoomsConfigJson from '../examples/catalogs/av-rooms.config.json' with { type: 'json' };
import collabSuiteJson from '../examples/catalogs/collab-suite.json' with { type: 'json' };
import '../packages/components/src/define/product-configurator.js';
import type { ProductConfigurator, Theme } from '../packages/components/src/index.js';

// Loaded through the engine, as a page would: a broken demo catalog fails here.
const avRooms = loadCatalog(avRoomsJson);
const collabSuite = loadCatalog(collabSuiteJson);

/** The demo's example room (86" display, floor stand, PTZ camera...) as a share text, as a link would carry it. */
const exampleRoom = encodeConfiguration(loadConfiguration(avRoomsConfigJson, avRooms));

/**
 * A link shared before the catalog's current version: its camera option has been
 * withdrawn since, and its wall mount no longer fits a 98" display.
 */
const olderLink = '1~av-rooms~2026.05.0~meeting-room~display~d98~mounting~wall-standard~camera~usb-hd~table-mics~.4';

/**
 * A small feature model in UVL, imported by the engine as a page would import one:
 * every feature becomes an on/off choice, the tree and the constraints become rules.
 */
const bike = importUvl(
  `features
    Bike
        mandatory
            Frame
                alternative
                    Steel
                    Aluminium
                    Carbon
            Brakes
                alternative
                    "Rim brakes"
                    "Disc brakes"
        optional
            Bell
            "Light system"
                or
                    Front
                    Back
            Dynamo

constraints
    Front | Back => Dynamo
    Carbon => "Disc brakes"
`,
  { name: 'Bike' },
).catalog;

/** A catalog whose every text tries to inject markup; the configurator must show it as text. */
const markup = loadCatalog({
  id: 'markup',
  version: '1',
  name: 'Markup test',
  defaultCurrency: 'EUR',
  defaultLocale: 'en',
  products: [
    {
      id: 'markup',
      name: '<img src=x onerror="alert(document.domain)">',
      description: '<script>alert(document.domain)</script> and <a href="javascript:alert(1)">a link</a>',
      sections: [{ id: 's', name: '<iframe src="javascript:alert(1)"></iframe>' }],
      attributes: [
        {
          id: 'choice',
          kind: 'single',
          section: 's',
          name: '<style>*{display:none}</style>Choice',
          options: [
            { id: 'a', name: '"><svg onload="alert(1)">', description: '&lt;escaped&gt; &amp; <i>italic</i>' },
            { id: 'b', name: '<b>Bold</b>' },
          ],
        },
        { id: 'extra', kind: 'boolean', name: '<u>Extra</u>', description: '<marquee>Description</marquee>' },
      ],
      rules: [{ id: 'no-b-with-extra', kind: 'excludes', if: 'extra', then: 'choice:b', message: '<img src=x onerror="alert(2)">Not with the extra' }],
    },
  ],
});

/**
 * A catalog address that never answers, so that the Loading story stays in its loading
 * state. Only this address is held; every other request goes out as usual.
 */
const neverAnswers = 'https://catalogs.example.invalid/av-rooms.json';

function holdNeverAnswering(): void {
  const original = globalThis.fetch as typeof fetch & { cpqHeld?: true };
  if (original.cpqHeld) return;
  const held = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    if (url !== neverAnswers) return original(input, init);
    // Pending until the element gives up on it (it aborts when its source changes or it is removed).
    return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason as Error)));
  };
  globalThis.fetch = Object.assign(held, { cpqHeld: true as const });
}

/** The configurator in a story's canvas, once it shows its product or why it cannot. */
async function shown(canvas: HTMLElement): Promise<ProductConfigurator> {
  const el = canvas.querySelector('product-configurator');
  if (!el) throw new Error('no <product-configurator> in the story');
  for (let tries = 0; tries < 500; tries++) {
    await el.updateComplete;
    if (el.shadowRoot?.querySelector('[part~="base"], [part~="error"]')) return el;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the configurator did not show its product');
}

/** Clicks a control of the configurator, found by its visible text, as a buyer would. */
async function click(el: ProductConfigurator, selector: string, name: string): Promise<void> {
  const found = [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)].find((e) => e.textContent?.trim() === name);
  if (!found) throw new Error(`no ${selector} "${name}"`);
  (found.closest('label')?.querySelector('input') ?? found).click();
  await el.updateComplete;
}

/** The 98" display, then the standard wall mount, which cannot carry it: the conflict is explained. */
async function meetConflict(canvas: HTMLElement): Promise<ProductConfigurator> {
  const el = await shown(canvas);
  await click(el, '[part~="option-name"]', '98-inch 4K display');
  await click(el, '[part~="option-name"]', 'Wall mount');
  return el;
}

interface Args {
  catalog?: Catalog | undefined;
  src?: string;
  product?: string;
  configuration?: string;
  lang?: string;
  theme?: Theme;
  priceBook?: string;
  segment?: string;
  currency?: string;
  priceDate?: string;
  headingLevel?: number;
  pictureView?: string;
}

const meta = {
  title: 'Elements/product-configurator',
  component: 'product-configurator',
  // A fixed day, so the stories show the same prices every day (the demo price books start on 2026-11-01).
  args: { catalog: avRooms, product: 'meeting-room', priceDate: '2026-11-20' },
  argTypes: {
    catalog: { control: false, description: 'A `Catalog` from `loadCatalog()` (or `importUvl()`); a property only.' },
    product: {
      control: 'select',
      options: [...avRooms.products, ...collabSuite.products].map((p) => p.id),
    },
    configuration: { control: 'text', description: 'A share text to start from (`#config=` of a share link).' },
    lang: { control: 'inline-radio', options: ['en', 'de', 'fr'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    segment: { control: 'inline-radio', options: ['smb', 'enterprise'] },
    currency: { control: 'inline-radio', options: ['EUR', 'USD'] },
    pictureView: { control: 'inline-radio', options: ['front', 'plan'], description: 'The view of the picture shown (the catalog\'s picture `views`); the buyer turns it with the picker on the picture.' },
  },
  render: (args) => html`
    <product-configurator
      .catalog=${args.catalog}
      src=${ifDefined(args.src)}
      product=${ifDefined(args.product)}
      configuration=${ifDefined(args.configuration)}
      lang=${ifDefined(args.lang)}
      theme=${ifDefined(args.theme)}
      price-book=${ifDefined(args.priceBook)}
      segment=${ifDefined(args.segment)}
      currency=${ifDefined(args.currency)}
      price-date=${ifDefined(args.priceDate)}
      heading-level=${ifDefined(args.headingLevel)}
      picture-view=${ifDefined(args.pictureView)}
    ></product-configurator>
  `,
  play: async ({ canvasElement }) => {
    await shown(canvasElement);
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The AV meeting room system on the SMB list prices: cards, quantities, add-ons, live prices and deltas. */
export const MeetingRoom: Story = {};

/**
 * The picture follows the choices: the catalog's `picture` (the room) with a layer per
 * chosen option (`layers`, stacked by `z`): here a 98" display on a heavy-duty wall mount,
 * a dual tracking camera and ceiling microphones. Its alternative text names them.
 */
export const PictureFollowsChoices: Story = {
  args: {
    configuration: encodeConfiguration(
      { product: 'meeting-room', selections: { display: 'd98', mounting: 'wall-heavy', camera: 'dual-tracking', 'ceiling-mics': 2, 'ceiling-speakers': 4 } },
      avRooms,
    ),
  },
};

/**
 * The same choices from above (`picture-view="plan"`): the catalog's picture has two
 * `views`, each with its base image, and each option a layer per view, so the floor plan
 * shows where the cameras look and what the ceiling microphones cover. The buyer turns
 * the view with the picker on the picture (radios: arrow keys).
 */
export const FloorPlanView: Story = {
  args: { ...PictureFollowsChoices.args, pictureView: 'plan' },
};

/** The same room on the enterprise price book (`segment="enterprise"`, 5% below list). */
export const EnterpriseBook: Story = {
  args: { segment: 'enterprise', configuration: exampleRoom },
};

/** A 98" display, then the standard wall mount: unavailable, with the reason (the rule's message) and the one-step repair. */
export const ConflictExplained: Story = {
  play: async ({ canvasElement }) => {
    await meetConflict(canvasElement);
  },
};

/** A 98" display chosen: the mounts that cannot carry it say why before they are tried ("Not available with Display size: 98-inch 4K display"), as their description for assistive technology. */
export const UnavailableWithReasons: Story = {
  args: { configuration: encodeConfiguration({ product: 'meeting-room', selections: { display: 'd98' } }, avRooms) },
};

/** The same, in German. */
export const UnavailableWithReasonsGerman: Story = {
  args: { lang: 'de', configuration: encodeConfiguration({ product: 'meeting-room', selections: { display: 'd98' } }, avRooms) },
};

/** The repair applied: the 98" display gave way to the wall mount, and one click undoes it. */
export const ConflictRepaired: Story = {
  play: async ({ canvasElement }) => {
    const el = await meetConflict(canvasElement);
    await click(el, '[part~="repair-button"]', 'Choose it instead of Display size: 98-inch 4K display');
  },
};

/** Started from a share link (`configuration`, or `#config=` with `sync-url`): the demo's example room. */
export const FromShareLink: Story = {
  args: { configuration: exampleRoom },
};

/** A link from an older catalog version: what no longer fits is left out and listed, never dropped silently. */
export const OlderShareLink: Story = {
  args: { configuration: olderLink },
};

/** German: interface texts, catalog texts and money formats follow `lang`. */
export const German: Story = {
  args: { lang: 'de', configuration: exampleRoom },
};

/** No price book is valid on `price-date` (the catalog's books start on 2026-11-01): the total reads "Preis auf Anfrage" and a line says why, in German, from the engine's problem code. */
export const PriceOnRequestGerman: Story = {
  args: { lang: 'de', priceDate: '2026-10-01', configuration: exampleRoom },
};

/** French interface texts; the AV catalog has no French texts, so its own fall back to English. */
export const French: Story = {
  args: { lang: 'fr' },
};

/** `theme="dark"`; the page can also pass its own `--cpq-*` tokens. */
export const DarkTheme: Story = {
  args: { theme: 'dark', configuration: exampleRoom },
};

/** A phone (a 360 px wide column): one column, and the total in a sticky bar. */
export const Mobile: Story = {
  render: (args) => html`<div style="width: 360px">${meta.render(args)}</div>`,
};

/** Software with recurring prices: seats, add-ons and terms of the collaboration suite, per month. */
export const SoftwareSubscription: Story = {
  args: {
    catalog: collabSuite,
    product: 'business',
    configuration: encodeConfiguration({ product: 'business', selections: { seats: 40, billing: 'monthly', webinar: true } }, collabSuite),
  },
};

/** While the catalog loads from `src`. */
export const Loading: Story = {
  render: (args) => {
    holdNeverAnswering();
    return html`<product-configurator src=${neverAnswers} lang=${ifDefined(args.lang)} theme=${ifDefined(args.theme)}></product-configurator>`;
  },
  play: async ({ canvasElement }) => {
    await canvasElement.querySelector('product-configurator')?.updateComplete;
  },
};

/** A `src` that does not exist (404): the error says why; the network's detail is folded away under "Technical details". */
export const LoadError: Story = {
  render: (args) =>
    html`<product-configurator src="/examples/catalogs/no-such-catalog.json" lang=${ifDefined(args.lang)} theme=${ifDefined(args.theme)}></product-configurator>`,
};

/** The same in German: the reason in the reader's language, the detail (English, with its path) below it. */
export const LoadErrorGerman: Story = {
  args: { lang: 'de' },
  render: LoadError.render!,
  play: async ({ canvasElement }) => {
    // Opened, so that axe checks the detail too.
    const el = await shown(canvasElement);
    el.shadowRoot!.querySelector<HTMLDetailsElement>('[part~="error-details"]')!.open = true;
  },
};

/** A catalog that is not valid (a key twice), in French: what is wrong, with each problem's path from the engine. */
export const InvalidCatalogFrench: Story = {
  render: (args) =>
    html`<product-configurator
      src=${`data:application/json,${encodeURIComponent('{"id": "x", "id": "y"}')}`}
      lang="fr"
      theme=${ifDefined(args.theme)}
    ></product-configurator>`,
};

/** A feature model imported from UVL with the engine's `importUvl()`: on/off features, tree and constraints as rules, no prices. */
export const ImportedUvlModel: Story = {
  args: { catalog: bike, product: 'Bike' },
};

/** 2,000 on/off features in four sections, the size of an imported industrial line. */
const longModel = loadCatalog({
  id: 'long-model',
  version: '1',
  name: 'Long feature model',
  defaultCurrency: 'EUR',
  defaultLocale: 'en',
  products: [
    {
      id: 'machine',
      name: 'Machine with 2,000 features',
      sections: ['Drive', 'Control', 'Safety', 'Options'].map((name, s) => ({ id: `s${s}`, name })),
      attributes: Array.from({ length: 2000 }, (_, i) => ({ id: `f${i}`, kind: 'boolean', name: `Feature ${i + 1}`, section: `s${i % 4}` })),
      // Each feature of the first section needs the one before it: implied values and unavailable ones to show.
      rules: Array.from({ length: 20 }, (_, i) => ({ id: `r${i}`, kind: 'requires', if: `f${4 * (i + 1)}`, then: `f${4 * i}` })),
    },
  ],
});

/**
 * A product of 2,000 features: only the rows near the viewport render, in blocks of 40;
 * the rest are empty boxes as tall as their rows, so the page scrolls as if all were there.
 */
export const LongFeatureModel: Story = {
  args: { catalog: longModel, product: 'machine' },
};

/** Catalog texts that try to inject HTML are shown as text, also in a conflict's reason; no script runs. */
export const MarkupInCatalogText: Story = {
  args: { catalog: markup, product: 'markup' },
  play: async ({ canvasElement }) => {
    const el = await shown(canvasElement);
    await click(el, '[part~="attribute-name"]', '<u>Extra</u>');
    await click(el, '[part~="option-name"]', '<b>Bold</b>');
  },
};
