import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { loadCatalog, type Answers, type Catalog } from '@cpq-kit/engine';
import collabSuiteJson from '../examples/catalogs/collab-suite.json' with { type: 'json' };
import '../packages/components/src/define/package-finder.js';
import type { Theme } from '../packages/components/src/index.js';

// Loaded through the engine, as a page would: a broken demo catalog fails here.
const collabSuite = loadCatalog(collabSuiteJson);

/** A team of 40 that needs single sign-on and webinars: Business meets every need. */
const team: Answers = { seats: 40, sso: 'yes', webinars: 'yes', compliance: ['audit-log'], integrations: 'api' };

interface Args {
  catalog?: Catalog;
  answers?: Answers;
  segment?: string;
  currency?: string;
  lang?: string;
  theme?: Theme;
  /** The width of the box around the element, e.g. "360px" for a phone. */
  width?: string;
}

const finder = (args: Args): TemplateResult => html`
  <package-finder
    .catalog=${args.catalog}
    .answers=${args.answers}
    segment=${ifDefined(args.segment)}
    currency=${ifDefined(args.currency)}
    price-date="2026-11-20"
    lang=${ifDefined(args.lang)}
    theme=${ifDefined(args.theme)}
  ></package-finder>
`;

const meta = {
  title: 'Elements/package-finder',
  component: 'package-finder',
  args: { catalog: collabSuite, segment: 'smb' },
  argTypes: {
    catalog: { control: false, description: 'A `Catalog` with a `questionnaire`, from `loadCatalog()`; a property only.' },
    answers: { control: 'object', description: 'Answers to start from, by question id; a property only.' },
    segment: { control: 'inline-radio', options: ['smb', 'enterprise'] },
    currency: { control: 'inline-radio', options: ['EUR', 'USD'] },
    lang: { control: 'inline-radio', options: ['en', 'de', 'fr'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  render: (args) => (args.width ? html`<div style=${`width: ${args.width}; max-width: 100%`}>${finder(args)}</div>` : finder(args)),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The collab-suite questionnaire: five questions on one screen. */
export const Default: Story = {};

/**
 * Answered: the packages ranked for a team of 40 with SSO and webinars, priced for small
 * business, and below them the rows where the top three differ (the engine's `compare()`).
 */
export const Recommendation: Story = {
  args: { answers: team },
};

/** More than 500 users: a triage rule fires, and the finder says why a person takes over. */
export const Triage: Story = {
  args: { answers: { seats: 800, integrations: 'custom' } },
};

/** German: interface texts, the catalog's questions, numbers and money follow `lang`. */
export const German: Story = {
  args: { lang: 'de', answers: team },
};

/** `theme="dark"`, with a recommendation. */
export const Dark: Story = {
  args: { theme: 'dark', answers: team },
};

/** A phone: one question per step, with Back and Next. */
export const Narrow: Story = {
  args: { width: '320px' },
  parameters: { viewport: { defaultViewport: 'mobile1' } },
};

/** A phone with a recommendation: the differences package by package, never a table to scroll sideways. */
export const NarrowRecommendation: Story = {
  args: { width: '320px', answers: team },
  parameters: { viewport: { defaultViewport: 'mobile1' } },
};

/** French: the questionnaire, the ranking and the differences in French. */
export const French: Story = {
  args: { lang: 'fr', answers: team },
};
