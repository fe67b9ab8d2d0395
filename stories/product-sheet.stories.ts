import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { loadCatalog, type Catalog } from '@cpq-kit/engine';
import avRoomsJson from '../examples/catalogs/av-rooms.json' with { type: 'json' };
import collabSuiteJson from '../examples/catalogs/collab-suite.json' with { type: 'json' };
import '../packages/components/src/define/product-sheet.js';
import type { Theme } from '../packages/components/src/index.js';

// Loaded through the engine, as a page would: a broken demo catalog fails here.
const avRooms = loadCatalog(avRoomsJson);
const collabSuite = loadCatalog(collabSuiteJson);

/** A catalog whose every text tries to inject markup; the sheet must show it as text. */
const markup = loadCatalog({
  id: 'markup',
  version: '1',
  name: 'Markup test',
  defaultCurrency: 'EUR',
  defaultLocale: 'en',
  specs: { note: { name: '<b>Note</b>', type: 'text' } },
  products: [
    {
      id: 'markup',
      name: '<img src=x onerror="alert(document.domain)">',
      description: '<script>alert(document.domain)</script> and <a href="javascript:alert(1)">a link</a>',
      specs: { note: '"><svg onload="alert(1)">' },
      attributes: [
        {
          id: 'choice',
          kind: 'single',
          name: '<iframe src="javascript:alert(1)"></iframe>',
          options: [{ id: 'o', name: '<style>*{display:none}</style>Option', description: '&lt;escaped&gt; &amp; <i>italic</i>' }],
        },
      ],
    },
  ],
});

interface Args {
  catalog: Catalog;
  product?: string;
  lang?: string;
  theme?: Theme;
  headingLevel?: number;
  pictureView?: string;
}

const meta = {
  title: 'Elements/product-sheet',
  component: 'product-sheet',
  args: { catalog: avRooms, product: 'meeting-room' },
  argTypes: {
    catalog: { control: false, description: 'A `Catalog` from `loadCatalog()`; a property only.' },
    product: {
      control: 'select',
      options: [...avRooms.products, ...collabSuite.products].map((p) => p.id),
    },
    lang: { control: 'inline-radio', options: ['en', 'de', 'fr'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    pictureView: { control: 'inline-radio', options: ['front', 'plan'], description: 'The view of the picture shown (the catalog\'s picture `views`).' },
  },
  render: (args) => html`
    <product-sheet
      .catalog=${args.catalog}
      product=${ifDefined(args.product)}
      lang=${ifDefined(args.lang)}
      theme=${ifDefined(args.theme)}
      heading-level=${ifDefined(args.headingLevel)}
      picture-view=${ifDefined(args.pictureView)}
    ></product-sheet>
  `,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The AV meeting room system in English: sections, choices, quantities, add-ons, specs. */
export const MeetingRoom: Story = {};

/** The same catalog in German: interface texts and catalog texts follow `lang`. */
export const HuddleRoomGerman: Story = {
  args: { product: 'huddle-room', lang: 'de' },
};

/** `theme="dark"`; the page can also pass its own `--cpq-*` tokens. */
export const DarkTheme: Story = {
  args: { theme: 'dark' },
};

/** The software packages: one story per package. */
export const SoftwareStarter: Story = {
  args: { catalog: collabSuite, product: 'starter' },
};

export const SoftwareBusiness: Story = {
  args: { catalog: collabSuite, product: 'business' },
};

export const SoftwareEnterprise: Story = {
  args: { catalog: collabSuite, product: 'enterprise', lang: 'de' },
};

/** No catalog yet: the default message, which the `empty` slot can replace. */
export const Empty: Story = {
  render: (args) => html`<product-sheet lang=${ifDefined(args.lang)} theme=${ifDefined(args.theme)}></product-sheet>`,
};

/** A `product` that the catalog does not have. */
export const UnknownProduct: Story = {
  args: { product: 'no-such-product' },
};

/** Catalog texts that try to inject HTML are shown as text; no script runs, no element is created. */
export const MarkupInCatalogText: Story = {
  args: { catalog: markup, product: 'markup' },
};
