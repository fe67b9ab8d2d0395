/**
 * The shapes of price guidance inputs: past deals, the deal being priced and the
 * options. Types are inferred from these schemas.
 *
 * @module
 */
import * as z from 'zod/mini';
import { IdSchema } from '../catalog/primitives.js';
import { AmountSchema } from '../price/values.js';

// Cell names are joined into map keys with a control character, so none may contain one.
const NameSchema = z.string().check(
  z.minLength(1, 'must not be empty'),
  z.maxLength(200, 'must be at most 200 characters'),
  z.regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters'),
);

/** A list amount: an amount written as text and more than zero (net ÷ list must exist). */
const ListAmountSchema = z.string().check(
  z.regex(/^\d+(\.\d{1,12})?$/, 'must be an amount written as text with at most 12 decimals, e.g. "1000.00"'),
  z.refine((v) => /[1-9]/.test(v), 'must be more than zero'),
);

/** A real calendar day: `YYYY-MM-DD` and a day that exists. */
const DealDateSchema = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as "2026-11-20"'),
  z.refine((v) => {
    const [y, m, d] = v.split('-').map(Number) as [number, number, number];
    const day = new Date(Date.UTC(y, m - 1, d));
    return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
  }, 'is not a day of the calendar'),
);

/** One past deal: when, for whom, what, how much (list and net, as exact decimal text) and whether it was won. */
export const DealSchema = z.strictObject({
  /** The day the deal closed (won or lost), `YYYY-MM-DD`. */
  date: DealDateSchema,
  /** The customer segment, e.g. `smb`, `mid-market`, `enterprise`. */
  segment: NameSchema,
  /** The sales region, e.g. `emea`. */
  region: NameSchema,
  /** The product family sold, e.g. `collaboration`. */
  family: NameSchema,
  /** Deal size: units (seats, rooms, licences) sold. */
  quantity: z.int().check(z.minimum(1, 'must be at least 1')),
  /** The list price of the whole deal, before any discount. */
  list: ListAmountSchema,
  /** The price quoted (won deals: the price paid), in the same currency as `list`. */
  net: AmountSchema,
  /** `won` or `lost`. */
  outcome: z.enum(['won', 'lost']),
  /** Product ids on the deal, for cross-sell analysis; not used by price guidance. */
  items: z.optional(z.array(IdSchema)),
});

/** One past deal, as {@link readDeals} returns it. */
export type Deal = z.infer<typeof DealSchema>;

/** The field (and CSV column) names of a deal, in the order a CSV file usually has them. */
export const DEAL_FIELDS: readonly (keyof Deal)[] = ['date', 'segment', 'region', 'family', 'quantity', 'list', 'net', 'outcome', 'items'];

/** The current quote to score: its list and net amounts, as exact decimal text. */
export const QuoteAmountsSchema = z.strictObject({
  list: ListAmountSchema,
  net: AmountSchema,
});

/** The deal being priced: its cell (segment, region, product family) and, optionally, the quote to score. */
export const DealContextSchema = z.strictObject({
  segment: NameSchema,
  region: NameSchema,
  family: NameSchema,
  /** The quote as it stands; when given, it is scored against the band and the band is also given as net amounts. */
  quote: z.optional(QuoteAmountsSchema),
});

/** The deal being priced, as {@link priceGuidance} reads it. */
export type DealContext = z.infer<typeof DealContextSchema>;

/** Options of {@link priceGuidance}. */
export const GuidanceOptionsSchema = z.strictObject({
  /** The fewest won deals a cell needs before its percentiles are used; fewer backs off to the parent cell. Default 30. */
  minDeals: z.optional(z.int().check(z.minimum(1, 'must be at least 1'))),
  /** Also fit the optional win-probability curve (a model; see the docs). Default false. */
  winCurve: z.optional(z.boolean()),
  /** How many prices between floor and stretch the win curve is evaluated at. Default 11. */
  curvePoints: z.optional(z.int().check(z.minimum(2, 'must be at least 2'), z.maximum(101, 'must be at most 101'))),
  /** Cost as a share of list (e.g. 0.4), so the curve gives expected margin rather than expected revenue. Default 0. */
  costRatio: z.optional(z.number().check(z.minimum(0, 'must be at least 0'), z.maximum(10, 'must be at most 10'))),
});

/** Options of {@link priceGuidance}, as written by a caller. */
export type GuidanceOptions = z.input<typeof GuidanceOptionsSchema>;
