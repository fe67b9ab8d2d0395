import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { guidanceIndex, priceGuidance, readDeals, type DealContext, type PriceGuidance } from '@cpq-kit/engine';
import dealsJson from '../examples/deals/deals.json' with { type: 'json' };
import '../packages/components/src/define/price-guidance.js';
import type { GuidanceCellNames, Theme } from '../packages/components/src/index.js';
import { cellNames } from './cell-names.js';

// The synthetic example deals (examples/deals/, generated). On a real page a server computes
// the guidance (the quote desk, @cpq-kit/server: POST /api/guidance) and the browser never gets the deals;
// here the engine runs in the story so each state is the engine's own answer.
const index = guidanceIndex(readDeals(dealsJson));
const guide = (context: DealContext, winCurve = false): PriceGuidance => priceGuidance(index, context, { winCurve, costRatio: winCurve ? 0.35 : 0 });

interface Args {
  guidance?: PriceGuidance | undefined;
  cellNames?: GuidanceCellNames | undefined;
  currency?: string;
  lang?: string;
  theme?: Theme;
}

const meta = {
  title: 'Elements/price-guidance',
  component: 'price-guidance',
  args: {
    // A collaboration deal for a small business in EMEA: 1,500.00 list, quoted at 1,290.00.
    guidance: guide({ segment: 'smb', region: 'emea', family: 'collaboration', quote: { list: '1500.00', net: '1290.00' } }),
    cellNames,
    currency: 'EUR',
  },
  argTypes: {
    guidance: { control: 'object', description: 'The engine’s `priceGuidance()` result (JSON from a server); a property only.' },
    cellNames: { control: 'object', description: 'Names of the segments, regions and product families by id; a property only.' },
    currency: { control: 'inline-radio', options: ['EUR', 'USD', ''] },
    lang: { control: 'inline-radio', options: ['en', 'de', 'fr'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  render: (args) => html`
    <price-guidance .guidance=${args.guidance} .cellNames=${args.cellNames} currency=${ifDefined(args.currency)} lang=${ifDefined(args.lang)} theme=${ifDefined(args.theme)}></price-guidance>
  `,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** A quote inside the band: its share of list, its position and percentile, the band as shares and as money; the group of deals by the page's names for it (`cellNames`). */
export const Default: Story = {};

/** Without `cellNames`: each id says what it is ("segment smb · region emea · product family collaboration"). */
export const WithoutNames: Story = {
  args: { cellNames: undefined },
};

/**
 * Enterprise support in APAC, quoted deep: the APAC cell has one won deal, so the band
 * backs off twice (to enterprise support, then to enterprise), and the quote is below
 * the floor, so it needs approval.
 */
export const BackedOffBelowFloor: Story = {
  args: { guidance: guide({ segment: 'enterprise', region: 'apac', family: 'support', quote: { list: '98000.00', net: '60000.00' } }) },
};

/** With the optional win curve (a model): the chance to win and the expected margin at floor, target and stretch, for a cost of 35 % of list. */
export const WinCurve: Story = {
  args: { guidance: guide({ segment: 'smb', region: 'emea', family: 'collaboration', quote: { list: '1500.00', net: '1290.00' } }, true) },
};

/** No quote yet: the band alone, as shares of list. */
export const BandOnly: Story = {
  args: { guidance: guide({ segment: 'mid-market', region: 'amer', family: 'collaboration' }) },
};

/** German. */
export const German: Story = {
  args: { lang: 'de', guidance: BackedOffBelowFloor.args!.guidance! },
};

/** French, with the win curve. */
export const French: Story = {
  args: { lang: 'fr', guidance: WinCurve.args!.guidance! },
};

/** `theme="dark"`. */
export const Dark: Story = {
  args: { theme: 'dark', guidance: WinCurve.args!.guidance! },
};

/** Nothing to show yet. */
export const Empty: Story = {
  args: { guidance: undefined },
};

/** Not price guidance (say, a server's error body): the element says so, with each problem's path from the engine's schema. */
export const NotGuidance: Story = {
  args: { guidance: { ...meta.args.guidance, floor: 'low', backoff: [] } as unknown as PriceGuidance },
};
