import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { until } from 'lit/directives/until.js';
import {
  compile,
  ConfigurationSession,
  createQuote,
  encodeConfiguration,
  generateQuoteKey,
  loadCatalog,
  loadConfiguration,
  price,
  priceGuidance,
  readDeals,
  reviseQuote,
  signQuote,
  type Catalog,
  type Configuration,
  type PriceBreakdown,
  type Quote,
} from '@cpq-kit/engine';
import avRoomsJson from '../examples/catalogs/av-rooms.json' with { type: 'json' };
import avRoomsConfigJson from '../examples/catalogs/av-rooms.config.json' with { type: 'json' };
import collabSuiteJson from '../examples/catalogs/collab-suite.json' with { type: 'json' };
import collabSuiteConfigJson from '../examples/catalogs/collab-suite.config.json' with { type: 'json' };
import dealsJson from '../examples/deals/deals.json' with { type: 'json' };
import '../packages/components/src/define/quote-summary.js';
import '../packages/components/src/define/product-configurator.js';
import '../packages/components/src/define/price-guidance.js';
import type { QuoteSummary, Theme } from '../packages/components/src/index.js';
import { cellNames } from './cell-names.js';

// Loaded and priced through the engine, as a page would: a broken demo catalog fails here.
const avRooms = loadCatalog(avRoomsJson);
const collabSuite = loadCatalog(collabSuiteJson);
const room = loadConfiguration(avRoomsConfigJson, avRooms);
const software = loadConfiguration(collabSuiteConfigJson, collabSuite);
/** A fixed day, so the stories show the same prices every day (the demo price books start on 2026-11-01). */
const DATE = '2026-11-20';

/** The demo's example meeting room (86" display, floor stand, PTZ camera...) at the reseller Northwind's prices. */
const roomPrice = price(avRooms, room, { date: DATE, partner: 'northwind' });
/** The collaboration suite's Business package: 40 seats and add-ons per month, billed annually. */
const softwarePrice = price(collabSuite, software, { date: DATE });

/**
 * Quotes are made (and signed) asynchronously: WebCrypto. A quote for two meeting rooms and
 * three huddle rooms on enterprise prices, signed with an Ed25519 key made here (a vendor's
 * service would hold it); and a revision of a one-room quote to the 98" display with
 * premium support.
 */
const quotes = (async () => {
  const huddle = new ConfigurationSession(compile(avRooms, { product: 'huddle-room' })).complete().toConfiguration();
  const stored = await createQuote({
    catalog: avRooms,
    items: [
      { configuration: room, quantity: 2 },
      { configuration: huddle, quantity: 3 },
    ],
    context: { date: DATE, segment: 'enterprise' },
    validUntil: '2026-12-20',
    number: 'Q-2026-0042',
    now: '2026-11-20T09:30:00Z',
  });
  // Ed25519 where WebCrypto has it; HMAC elsewhere (Safari before 17, older Chromium).
  const key = await generateQuoteKey('Ed25519', 'northwind-2026-11').catch(() => generateQuoteKey('HS256', 'northwind-2026-11'));
  const signed = await signQuote(stored, key);
  const v1 = await createQuote({
    catalog: avRooms,
    items: [{ configuration: room }],
    context: { date: DATE, segment: 'enterprise' },
    validUntil: '2026-12-20',
    number: 'Q-2026-0043',
    now: '2026-11-20T09:30:00Z',
  });
  const v2 = await reviseQuote(v1, { items: [{ item: '1', select: { display: 'd98', support: 'premium' } }] }, { catalog: avRooms, now: '2026-11-27T14:00:00Z' });
  // A three-year ramp of the suite (60 users from year 2, +5 % a year), and a change to a
  // running subscription: 20 more users from month 7, prorated to the end of the term.
  const ramp = await createQuote({
    catalog: collabSuite,
    items: [{ id: 'suite', configuration: software, ramp: { segments: [{ months: 12 }, { months: 12, selections: { seats: 60 } }, { months: 12 }], upliftPercent: '5' } }],
    context: { date: DATE },
    validUntil: '2026-12-20',
    number: 'Q-2026-0044',
    now: '2026-11-20T09:30:00Z',
  });
  const running = await createQuote({ catalog: collabSuite, items: [{ id: 'suite', configuration: software }], context: { date: DATE }, validUntil: '2026-12-20', number: 'Q-2026-0045', now: '2026-11-20T09:30:00Z' });
  const amended = await reviseQuote(running, { items: [{ item: 'suite', select: { seats: 60 } }], amend: { date: '2027-05-20' } }, { catalog: collabSuite, now: '2026-11-27T14:00:00Z' });
  return { signed, v1, v2, ramp, running, amended };
})();

/** The summary in a story's canvas, once it shows a price. */
async function shown(canvas: HTMLElement): Promise<QuoteSummary> {
  const el = canvas.querySelector('quote-summary');
  if (!el) throw new Error('no <quote-summary> in the story');
  await quotes;
  for (let tries = 0; tries < 500; tries++) {
    await el.updateComplete;
    if (el.shadowRoot?.querySelector('[part~="total"]')) return el;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the summary shows no price');
}

interface Args {
  breakdown?: PriceBreakdown;
  configuration?: Configuration;
  catalog?: Catalog;
  lang?: string;
  theme?: Theme;
  repMode?: boolean;
  headingLevel?: number;
}

const meta = {
  title: 'Elements/quote-summary',
  component: 'quote-summary',
  args: { breakdown: roomPrice, configuration: room, catalog: avRooms },
  argTypes: {
    breakdown: { control: false, description: 'A `PriceBreakdown` from the engine’s `price()`; a property only.' },
    configuration: { control: false, description: 'The configuration the breakdown prices, for the quote request and the share link; a property only.' },
    catalog: { control: false, description: 'For price book, contract and partner names in the reader’s language; a property only.' },
    lang: { control: 'inline-radio', options: ['en', 'de', 'fr'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    repMode: { control: 'boolean' },
  },
  render: (args) => html`
    <quote-summary
      .breakdown=${args.breakdown}
      .configuration=${args.configuration}
      .catalog=${args.catalog}
      lang=${ifDefined(args.lang)}
      theme=${ifDefined(args.theme)}
      heading-level=${ifDefined(args.headingLevel)}
      ?rep-mode=${args.repMode ?? false}
    ></quote-summary>
  `,
  play: async ({ canvasElement }) => {
    await shown(canvasElement);
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The AV meeting room priced with the engine at a reseller's prices: one-time hardware and services, support per month over 36 months, partner discounts, VAT, savings against list. */
export const MeetingRoom: Story = {};

/** The same with two lines' waterfalls open: "why this price", step by step. */
export const WhyThisPrice: Story = {
  play: async ({ canvasElement }) => {
    const el = await shown(canvasElement);
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="disclosure"]')];
    for (const name of ['86-inch 4K display', 'Support Plus']) buttons.find((b) => b.textContent?.includes(name))?.click();
    await el.updateComplete;
  },
};

/** Software with recurring prices: the collaboration suite's seats and add-ons per month, over a 12-month term. */
export const SoftwareSubscription: Story = {
  args: { breakdown: softwarePrice, configuration: software, catalog: collabSuite },
};

/** A story of a stored quote, shown once it is made (and `previous`, when given). */
const quoteStory = (quote: (q: Awaited<typeof quotes>) => Quote, previous?: (q: Awaited<typeof quotes>) => Quote, catalog = avRooms): Story => ({
  render: (args) => html`
    <quote-summary
      .quote=${until(quotes.then(quote))}
      .previous=${previous ? until(quotes.then(previous)) : undefined}
      .catalog=${catalog}
      lang=${ifDefined(args.lang)}
      theme=${ifDefined(args.theme)}
    ></quote-summary>
  `,
});

/** A stored quote for five rooms, signed: number, version, validity, signature, and each item's lines. */
export const SignedQuote: Story = quoteStory((q) => q.signed);

/** Version 2 of a quote (the 98" display and premium support instead): what changed and what each change costs. */
export const RevisedQuote: Story = quoteStory(
  (q) => q.v2,
  (q) => q.v1,
);

/** A ramp deal: the suite over three years, 60 users from year 2 and +5 % a year; each period with its dates, uplift and amounts, and the whole term. */
export const RampDeal: Story = quoteStory((q) => q.ramp, undefined, collabSuite);

/** A change to a running subscription: 20 more users from month 7, what it costs to the end of the term (prorated by day), and what changed. */
export const Amendment: Story = quoteStory(
  (q) => q.amended,
  (q) => q.running,
  collabSuite,
);

/** German: interface texts, catalog texts, money, percentages and dates follow `lang`. */
export const German: Story = {
  args: { lang: 'de' },
};

/** `theme="dark"`; the page can also pass its own `--cpq-*` tokens. */
export const DarkTheme: Story = {
  args: { theme: 'dark' },
};

/** `rep-mode`: the `rep` slot for sales-only information, with approvals and where each step comes from ("Enterprise prices (EUR) · 86-inch 4K display"; the catalog path in its tooltip). Never printed. */
export const RepMode: Story = {
  args: { breakdown: price(avRooms, room, { date: DATE, segment: 'enterprise', lineDiscounts: { 'meeting-room/display:d86': { percent: '25' } } }), catalog: avRooms, repMode: true },
  render: (args) => html`
    <quote-summary .breakdown=${args.breakdown} .configuration=${args.configuration} .catalog=${args.catalog} lang=${ifDefined(args.lang)} theme=${ifDefined(args.theme)} rep-mode>
      <div slot="rep">
        <p><strong>Deal desk:</strong> Contoso renews its framework agreement in March; keep the display discount within the floor.</p>
      </div>
    </quote-summary>
  `,
  play: async ({ canvasElement }) => {
    const el = await shown(canvasElement);
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="disclosure"]')].find((b) => b.textContent?.includes('86-inch'))?.click();
    await el.updateComplete;
  },
};

/**
 * `rep-mode` with `<price-guidance>` in the `rep` slot: the collaboration suite for a small
 * business in EMEA with 12% off the order, against the band of comparable won deals
 * (the synthetic example deals; a server computes this: the quote desk, POST /api/guidance).
 */
export const RepModeWithGuidance: Story = {
  args: { breakdown: price(collabSuite, software, { date: DATE, orderDiscount: { percent: '12' } }), configuration: software, catalog: collabSuite, repMode: true },
  render: (args) => {
    const totals = args.breakdown!.totals;
    const guidance = priceGuidance(readDeals(dealsJson), {
      segment: 'smb',
      region: 'emea',
      family: 'collaboration',
      quote: { list: totals.list.amount, net: totals.net.amount },
    });
    return html`
      <quote-summary .breakdown=${args.breakdown} .configuration=${args.configuration} .catalog=${args.catalog} lang=${ifDefined(args.lang)} theme=${ifDefined(args.theme)} rep-mode>
        <price-guidance slot="rep" heading-level="4" currency=${totals.net.currency} .guidance=${guidance} .cellNames=${cellNames} lang=${ifDefined(args.lang)} theme=${ifDefined(args.theme)}></price-guidance>
      </quote-summary>
    `;
  },
};

/** A phone (a 360 px wide column): the list price and term move into each line's waterfall. */
export const Narrow: Story = {
  render: (args) => html`<div style="width: 360px">${meta.render(args)}</div>`,
};

/**
 * Print view: what the Print button prints (black on white, one page, no actions, no sales
 * information, every column, opened waterfalls), here the signed quote in `rep-mode` with a
 * note in the `rep` slot that does not print. Storybook cannot switch its preview to print
 * media, so the story sets `print-preview`, which applies the same print stylesheet on
 * screen (as a page's own print preview would).
 */
export const PrintView: Story = {
  render: (args) => html`
    <quote-summary .quote=${until(quotes.then((q) => q.signed))} .catalog=${avRooms} lang=${ifDefined(args.lang)} theme=${ifDefined(args.theme)} rep-mode print-preview>
      <p slot="rep">Deal desk: margin target 32%. Not on the printed quote.</p>
    </quote-summary>
  `,
  play: async ({ canvasElement }) => {
    const el = await shown(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="disclosure"]')?.click();
    await el.updateComplete;
    for (const name of ['actions', 'rep']) {
      const shownPart = el.shadowRoot!.querySelector(`[part~="${name}"]`);
      if (shownPart && getComputedStyle(shownPart).display !== 'none') throw new Error(`the ${name} would print`);
    }
  },
};

/** Beside a configurator (`for="id"`): the summary follows every change the buyer makes. */
export const BesideConfigurator: Story = {
  render: (args) => html`
    <div style="display: grid; gap: 1.5rem">
      <product-configurator
        id="story-room-configurator"
        .catalog=${avRooms}
        product="meeting-room"
        price-date=${DATE}
        configuration=${encodeConfiguration(room)}
        lang=${ifDefined(args.lang)}
        theme=${ifDefined(args.theme)}
      ></product-configurator>
      <quote-summary for="story-room-configurator" heading-level="3" lang=${ifDefined(args.lang)} theme=${ifDefined(args.theme)}></quote-summary>
    </div>
  `,
};

/** No price yet: the default message, which the `empty` slot can replace. */
export const Empty: Story = {
  render: (args) => html`<quote-summary lang=${ifDefined(args.lang)} theme=${ifDefined(args.theme)}></quote-summary>`,
  play: async ({ canvasElement }) => {
    await canvasElement.querySelector('quote-summary')?.updateComplete;
  },
};
