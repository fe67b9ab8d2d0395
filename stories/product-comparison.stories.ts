import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { loadCatalog, loadConfiguration, type Catalog, type CompareItem, type PriceContext } from '@cpq-kit/engine';
import avRoomsJson from '../examples/catalogs/av-rooms.json' with { type: 'json' };
import avRoomsConfigJson from '../examples/catalogs/av-rooms.config.json' with { type: 'json' };
import collabSuiteJson from '../examples/catalogs/collab-suite.json' with { type: 'json' };
import '../packages/components/src/define/product-comparison.js';
import type { Theme } from '../packages/components/src/index.js';

// Loaded through the engine, as a page would: a broken demo catalog fails here.
const avRooms = loadCatalog(avRoomsJson);
const collabSuite = loadCatalog(collabSuiteJson);

/** A fixed day, so the stories show the same prices every day (the demo price books start on 2026-11-01). */
const context: PriceContext = { date: '2026-11-20' };

const packages: CompareItem[] = [{ product: 'starter' }, { product: 'business' }, { product: 'enterprise' }];

/** What the customer has installed today: a 55" room with basic support, bought earlier (its one-time charges are paid). */
const today: CompareItem = {
  id: 'today',
  name: { en: 'Today: 55" room', de: 'Heute: 55"-Raum' },
  owned: true,
  configuration: {
    product: 'meeting-room',
    selections: {
      display: 'd55',
      mounting: 'wall-standard',
      camera: 'usb-4k',
      'table-mics': 2,
      'ceiling-mics': 0,
      'ceiling-speakers': 2,
      dsp: 'compact',
      'control-panel': false,
      'wireless-presentation': false,
      installation: 'standard',
      support: 'basic',
    },
  },
};
/** Tomorrow: the demo's example configuration, and a middle way. */
const tomorrow: CompareItem = { id: 'tomorrow', name: { en: 'Upgrade: 86" room', de: 'Upgrade: 86"-Raum' }, configuration: loadConfiguration(avRoomsConfigJson, avRooms) };
const middle: CompareItem = {
  id: 'refresh',
  name: { en: 'Refresh: 75" room', de: 'Auffrischung: 75"-Raum' },
  product: 'meeting-room',
  selections: { display: 'd75', camera: 'dual-tracking', 'table-mics': 4, support: 'plus' },
};

/** A catalog whose every text tries to inject markup; the comparison must show it as text. */
const markup = loadCatalog({
  id: 'markup',
  version: '1',
  name: '<img src=x onerror="alert(document.domain)">',
  defaultCurrency: 'EUR',
  defaultLocale: 'en',
  specs: { note: { name: '<b>Note</b>', description: '<script>alert(1)</script>', type: 'text', unit: '<i>u</i>' } },
  products: [
    {
      id: 'a',
      name: '<img src=x onerror="alert(1)">',
      specs: { note: '"><svg onload="alert(1)">' },
      sections: [{ id: 's', name: '<iframe src="javascript:alert(1)"></iframe>' }],
      attributes: [{ id: 'choice', kind: 'single', section: 's', name: '<style>*{display:none}</style>Choice', options: [{ id: 'o', name: '<a href="javascript:alert(1)">Option</a>' }] }],
    },
    { id: 'b', name: '<script>alert(2)</script>', specs: { note: 'plain' }, attributes: [] },
  ],
});

interface Args {
  catalog: Catalog;
  items: CompareItem[];
  baseline?: string;
  promoted?: string;
  term?: number;
  differencesOnly?: boolean;
  fixed?: boolean;
  lang?: string;
  theme?: Theme;
  context?: PriceContext;
  /** The width of the box around the element, e.g. "360px" for a phone. */
  width?: string;
}

const comparison = (args: Args): TemplateResult => html`
  <product-comparison
    .catalog=${args.catalog}
    .items=${args.items}
    .context=${args.context}
    baseline=${ifDefined(args.baseline)}
    promoted=${ifDefined(args.promoted)}
    term=${ifDefined(args.term)}
    ?differences-only=${args.differencesOnly ?? false}
    ?fixed=${args.fixed ?? false}
    lang=${ifDefined(args.lang)}
    theme=${ifDefined(args.theme)}
  ></product-comparison>
`;

const meta = {
  title: 'Elements/product-comparison',
  component: 'product-comparison',
  args: { catalog: collabSuite, items: packages, promoted: 'business', term: 36, context },
  argTypes: {
    catalog: { control: false, description: 'A `Catalog` from `loadCatalog()`; a property only.' },
    items: { control: 'object', description: 'What to compare, as `compare()` takes it; a property only.' },
    context: { control: 'object', description: 'The price request (`date`, `segment`...); a property only.' },
    term: { control: 'select', options: [12, 24, 36, 48, 60] },
    lang: { control: 'inline-radio', options: ['en', 'de', 'fr'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  render: (args) => (args.width ? html`<div style=${`width: ${args.width}; max-width: 100%`}>${comparison(args)}</div>` : comparison(args)),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The SMB software packages side by side, Business recommended, with the total cost over 36 months. */
export const SoftwarePackages: Story = {};

/** The same with "show differences only" on: rows where every package is alike are hidden. */
export const SoftwarePackagesDifferencesOnly: Story = {
  args: { differencesOnly: true },
};

/** Measured against the plan the customer has (Starter): each column says what it adds and costs more. */
export const SoftwarePackagesAgainstCurrentPlan: Story = {
  args: { baseline: 'starter', differencesOnly: true },
};

/** Today's installed room against two upgrades: what changes, and what it costs over 36 months (one-time charges of today's room are paid). */
export const AvTodayVersusTomorrow: Story = {
  args: { catalog: avRooms, items: [today, middle, tomorrow], baseline: 'today', promoted: 'refresh', term: 60 },
};

/** A phone: two items side by side under each row's name, with selectors for which two; the table scrolls with the page and is never wider than it. */
export const Mobile: Story = {
  args: { baseline: 'starter', width: '360px' },
  parameters: { viewport: { defaultViewport: 'mobile1' } },
};

/** German: interface texts, catalog texts, numbers and money follow `lang`. */
export const German: Story = {
  args: { lang: 'de', baseline: 'starter' },
};

/** `theme="dark"`. */
export const Dark: Story = {
  args: { theme: 'dark', baseline: 'starter' },
};

/** The hardware comparison in dark, German, with the items fixed (no add or remove). */
export const AvDarkGermanFixed: Story = {
  args: { catalog: avRooms, items: [today, tomorrow], baseline: 'today', theme: 'dark', lang: 'de', fixed: true },
};

/** Nothing to compare yet: the message, and the product picker to add one. */
export const Empty: Story = {
  args: { items: [] },
};

/** Catalog texts that try to inject HTML are shown as text; no script runs, no element is created. */
export const MarkupInCatalogText: Story = {
  args: { catalog: markup, items: [{ product: 'a' }, { product: 'b' }], promoted: 'a' },
};
