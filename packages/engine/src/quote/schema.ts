/**
 * The quote document as `zod/mini` schemas: what a quote holds (inputs, the engine's
 * outputs, provenance and an optional signature), the request to make one, and the
 * JSON Schema shipped as `@cpq-kit/engine/schema/quote.schema.json`. Types are inferred.
 *
 * A quote is plain JSON. Its inputs (configurations, quantities, the price context and
 * discounts) are everything `verifyQuote` needs to price it again; its outputs (every
 * line's waterfall and the totals) are what a buyer was shown, and are compared with
 * that re-pricing amount by amount.
 *
 * @module
 */
import * as z from 'zod/mini';
import { CurrencySchema, IdSchema, LocalTextSchema } from '../catalog/primitives.js';
import { ConfigurationSchema } from '../catalog/schema.js';
import { AmountSchema, DateSchema, ItemSchema, ManualDiscountSchema, PercentSchema, PriceContextSchema } from '../price/schema.js';
import { SelectionValueSchema } from '../catalog/schema.js';
import { ProrationSchema, RampSchema } from '../subscription/schema.js';

/**
 * The value of a new quote's `format`: the document kind and the version of its layout.
 * `@2` added each step's running amount (`after`), the totals' `excludingTax` and
 * `includingTax`, and each item's `taxCalculation`; quotes of `@1` are still read and
 * verified, compared in their own layout.
 */
export const QUOTE_FORMAT = 'cpq-kit/quote@2';

/** The format of quotes made before `@2`, still read and verified. */
export const QUOTE_FORMAT_V1 = 'cpq-kit/quote@1';

/** A signed decimal as the engine writes amounts: "833.00", "-70.00". */
const DecimalText = z.string().check(z.regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number written as text, e.g. "833.00"'));

/** An amount with its currency, as the engine returns it. */
export const MoneySchema = z.strictObject({ amount: DecimalText, currency: CurrencySchema });

const ParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/** One step of a line's price waterfall (see `PriceStep`). */
export const PriceStepSchema = z.strictObject({
  stage: z.enum(['list', 'book', 'tier', 'uplift', 'schedule', 'contract', 'manual', 'order', 'partner', 'rounding', 'net']),
  code: z.string(),
  params: ParamsSchema,
  reason: z.string(),
  rule: z.string(),
  amount: MoneySchema,
  /** The line's amount after this step (quote@2; a quote@1 has none). */
  after: z.optional(MoneySchema),
});

const count = z.int().check(z.minimum(1));

/** One priced line of a configuration with its waterfall (see `PriceLine`). */
export const PriceLineSchema = z.strictObject({
  item: ItemSchema,
  product: IdSchema,
  attribute: z.optional(IdSchema),
  option: z.optional(IdSchema),
  name: LocalTextSchema,
  quantity: z.int().check(z.minimum(0)),
  unit: z.optional(LocalTextSchema),
  charge: z.enum(['one-time', 'recurring']),
  period: z.optional(z.enum(['month', 'year'])),
  term: z.optional(
    z.strictObject({
      months: count,
      periods: DecimalText,
      prorated: z.boolean(),
      list: MoneySchema,
      gross: MoneySchema,
      discount: MoneySchema,
      net: MoneySchema,
    }),
  ),
  taxCategory: IdSchema,
  list: MoneySchema,
  gross: MoneySchema,
  discount: MoneySchema,
  net: MoneySchema,
  steps: z.array(PriceStepSchema),
  approvalRequired: z.boolean(),
});

/** Tax of one rate (see `TaxAmount`). */
export const TaxAmountSchema = z.strictObject({
  region: IdSchema,
  category: IdSchema,
  percent: DecimalText,
  name: z.optional(LocalTextSchema),
  base: MoneySchema,
  amount: MoneySchema,
});

/** Totals of one kind of charge (see `ChargeTotals`). */
export const ChargeTotalsSchema = z.strictObject({
  list: MoneySchema,
  gross: MoneySchema,
  discount: MoneySchema,
  net: MoneySchema,
  /** quote@2; a quote@1 has none. */
  excludingTax: z.optional(MoneySchema),
  tax: z.array(TaxAmountSchema),
  /** quote@2; a quote@1 has none. */
  includingTax: z.optional(MoneySchema),
  total: MoneySchema,
});

/** The totals of a price breakdown or a quote (see `PriceTotals`). */
export const PriceTotalsSchema = z.strictObject({
  oneTime: ChargeTotalsSchema,
  recurring: z.strictObject({ month: z.optional(ChargeTotalsSchema), year: z.optional(ChargeTotalsSchema) }),
  term: ChargeTotalsSchema,
  list: MoneySchema,
  gross: MoneySchema,
  discount: MoneySchema,
  net: MoneySchema,
  /** quote@2; a quote@1 has none. */
  excludingTax: z.optional(MoneySchema),
  tax: z.array(TaxAmountSchema),
  /** quote@2; a quote@1 has none. */
  includingTax: z.optional(MoneySchema),
  grandTotal: MoneySchema,
  savings: z.strictObject({ amount: MoneySchema, percent: DecimalText }),
});

const BookRefSchema = z.strictObject({
  id: IdSchema,
  name: z.optional(LocalTextSchema),
  audience: z.optional(z.array(z.string())),
});

/** What `price()` returns for one configuration (see `PriceBreakdown`). */
export const PriceBreakdownSchema = z.strictObject({
  catalog: z.strictObject({ id: IdSchema, version: z.string() }),
  product: IdSchema,
  quantity: count,
  currency: CurrencySchema,
  date: DateSchema,
  book: BookRefSchema,
  segment: z.optional(z.string()),
  partner: z.optional(IdSchema),
  customer: z.optional(IdSchema),
  contracts: z.array(IdSchema),
  taxRegion: z.optional(IdSchema),
  taxIncluded: z.boolean(),
  /** quote@2; a quote@1 has none (its tax was always worked out per document). */
  taxCalculation: z.optional(z.enum(['document', 'line'])),
  rounding: z.strictObject({ mode: z.enum(['half-even', 'half-up']), level: z.enum(['unit', 'line', 'document']) }),
  /** The uplift on recurring charges (a ramp's later segment, a renewal): compounded percent, and the percents. */
  uplift: z.optional(z.strictObject({ percent: DecimalText, percents: z.array(PercentSchema) })),
  /** `recurring` when one-time charges were left out (a later ramp segment, a renewal). */
  charges: z.optional(z.literal('recurring')),
  lines: z.array(PriceLineSchema),
  totals: PriceTotalsSchema,
  approvalRequired: z.boolean(),
  approvals: z.array(
    z.strictObject({
      item: ItemSchema,
      code: z.enum(['floor-price', 'floor-percent']),
      params: ParamsSchema,
      reason: z.string(),
      rule: z.string(),
    }),
  ),
});

/**
 * The price request shared by every item of a quote: the day prices apply, the price
 * book or segment, currency, partner, customer, term, tax region, and a discount on the
 * whole order. Quantities and line discounts are per item.
 */
export const QuoteContextSchema = z.omit(PriceContextSchema, { quantity: true, lineDiscounts: true });

/** The context as a request gives it: `date` defaults to the day the quote is made. */
export const QuoteContextInputSchema = z.extend(QuoteContextSchema, { date: z.optional(DateSchema) });

/** A quote number: letters, digits and `_ . - /`, e.g. "Q-2026-0042". */
export const QuoteNumberSchema = z.string().check(
  z.regex(/^[A-Za-z0-9_][A-Za-z0-9_./-]{0,63}$/, 'must be 1 to 64 letters, digits, "_", ".", "-" or "/", e.g. "Q-2026-0042"'),
);

const HashSchema = z.string().check(z.regex(/^sha256:[0-9a-f]{64}$/, 'must be "sha256:" and 64 lowercase hex digits'));

/** A signature over the canonical JSON of the quote without its `signature`. */
export const QuoteSignatureSchema = z.strictObject({
  /** `HS256`: HMAC-SHA-256 with a shared secret; `Ed25519`: a public-key signature anyone with the public key can check. */
  alg: z.enum(['HS256', 'Ed25519']),
  /** The id of the key (its JWK `kid`), so a verifier can pick the right one while keys rotate. */
  kid: z.optional(z.string().check(z.maxLength(128, 'must be at most 128 characters'))),
  /** The signature, base64url without padding. */
  value: z.string().check(z.regex(/^[A-Za-z0-9_-]+$/, 'must be base64url text')),
});

/** One segment of a ramp item, priced (see `RampSegmentPrice`). */
export const RampSegmentPriceSchema = z.strictObject({
  index: z.int().check(z.minimum(0)),
  name: z.optional(LocalTextSchema),
  start: DateSchema,
  end: DateSchema,
  months: count,
  selections: z.record(IdSchema, SelectionValueSchema),
  uplift: z.optional(z.strictObject({ percent: DecimalText, percents: z.array(PercentSchema) })),
  price: PriceBreakdownSchema,
});

/** One configured product in a quote: the inputs, and its price as the engine gave it. */
export const QuoteItemSchema = z.strictObject({
  /** Stable within a quote and its revisions, so that a diff can follow an item. */
  id: IdSchema,
  configuration: ConfigurationSchema,
  /** How many of the configured product. */
  quantity: count,
  /** Manual discounts on this item's lines. */
  lineDiscounts: z.optional(z.record(ItemSchema, ManualDiscountSchema)),
  /** A ramp deal: the term in segments with their own selections and uplift (see `priceRamp`). */
  ramp: z.optional(RampSchema),
  /**
   * The price of this item: every line's waterfall and the item's totals. For a ramp item,
   * its first segment; `segments` has every segment, and the quote's totals add them all up.
   */
  price: PriceBreakdownSchema,
  /** A ramp item's segments, each with its price. */
  segments: z.optional(z.array(RampSegmentPriceSchema)),
  /** A ramp item's totals over its whole term: every segment's, one-time charges once (what the quote's totals add up). */
  rampTotals: z.optional(PriceTotalsSchema),
});

const PerPeriodSchema = z.strictObject({ month: z.optional(MoneySchema), year: z.optional(MoneySchema) });

/** One line's change in an amendment (see `AmendmentLine`). */
export const AmendmentLineSchema = z.strictObject({
  itemId: IdSchema,
  item: ItemSchema,
  name: LocalTextSchema,
  charge: z.enum(['one-time', 'recurring']),
  period: z.optional(z.enum(['month', 'year'])),
  change: z.enum(['added', 'removed', 'changed']),
  before: z.optional(z.strictObject({ quantity: z.int().check(z.minimum(0)), net: MoneySchema })),
  after: z.optional(z.strictObject({ quantity: z.int().check(z.minimum(0)), net: MoneySchema })),
  term: z.optional(z.strictObject({ months: count, end: DateSchema, remaining: z.int().check(z.minimum(0)), of: count, fullTerm: MoneySchema })),
  amount: MoneySchema,
  taxCategory: IdSchema,
});

/**
 * A revision that changes a running subscription from a day inside its term: what each
 * line's change costs to the end of the term (see `priceAmendment`). `before` holds the
 * accepted items, so that the section can be priced again from this document alone.
 */
export const QuoteAmendmentSchema = z.strictObject({
  date: DateSchema,
  start: DateSchema,
  proration: ProrationSchema,
  currency: CurrencySchema,
  /** Whether the amounts include tax (as the price book states prices). */
  taxIncluded: z.boolean(),
  before: z.array(z.omit(QuoteItemSchema, { price: true, segments: true, rampTotals: true })),
  lines: z.array(AmendmentLineSchema),
  totals: z.strictObject({ net: MoneySchema, excludingTax: MoneySchema, tax: z.array(TaxAmountSchema), includingTax: MoneySchema }),
  recurring: z.strictObject({ before: PerPeriodSchema, after: PerPeriodSchema }),
});

/** A quote document. */
export const QuoteSchema = z.strictObject({
  $schema: z.optional(z.string()),
  format: z.enum([QUOTE_FORMAT, QUOTE_FORMAT_V1]),
  number: QuoteNumberSchema,
  /** 1 for a new quote; each revision adds 1. */
  version: count,
  /** The quote this one revises or re-prices, with the content hash of that document (unsigned). */
  previous: z.optional(z.strictObject({ number: QuoteNumberSchema, version: count, hash: HashSchema })),
  /** When the quote was made: an ISO 8601 instant in UTC. */
  created: z.iso.datetime(),
  /** The last day (UTC) the quote may be accepted. */
  validUntil: DateSchema,
  /** The version of `@cpq-kit/engine` that priced it. */
  engine: z.string(),
  /** The catalog it was priced with, and the SHA-256 of that catalog's canonical JSON. */
  catalog: z.strictObject({ id: IdSchema, version: z.string(), hash: HashSchema }),
  context: QuoteContextSchema,
  items: z.array(QuoteItemSchema).check(z.minLength(1, 'a quote needs at least one item')),
  currency: CurrencySchema,
  book: BookRefSchema,
  segment: z.optional(z.string()),
  partner: z.optional(IdSchema),
  customer: z.optional(IdSchema),
  /** The items' totals added up. */
  totals: PriceTotalsSchema,
  /** Whether a manual discount takes a line below its floor; see each item's `price.approvals`. */
  approvalRequired: z.boolean(),
  /** For a revision of a running subscription: what the change costs from its day to the end of the term. */
  amendment: z.optional(QuoteAmendmentSchema),
  signature: z.optional(QuoteSignatureSchema),
});

/** One item of a quote request: a configuration, how many, and manual line discounts. */
export const QuoteItemInputSchema = z.strictObject({
  /** Default: its position, "1", "2"... */
  id: z.optional(IdSchema),
  configuration: ConfigurationSchema,
  quantity: z.optional(count),
  lineDiscounts: z.optional(z.record(ItemSchema, ManualDiscountSchema)),
  /** A ramp deal: the term in segments with their own selections and uplift. */
  ramp: z.optional(RampSchema),
});

/** What a quote is made from (the catalog aside): the body `POST /quotes` of the example service takes. */
export const QuoteRequestSchema = z.strictObject({
  items: z.array(QuoteItemInputSchema).check(z.minLength(1, 'a quote needs at least one item')),
  /** Default: `{}`, prices of the day the quote is made, from the first book that fits. */
  context: z.optional(QuoteContextInputSchema),
  /** The last day (UTC) the quote may be accepted. */
  validUntil: DateSchema,
  number: z.optional(QuoteNumberSchema),
});

/** A quote document (see {@link QuoteSchema}). */
export type Quote = z.infer<typeof QuoteSchema>;
/** One configured product of a quote, with its price. */
export type QuoteItem = z.infer<typeof QuoteItemSchema>;
/** What a revision of a running subscription costs (see {@link QuoteAmendmentSchema}). */
export type QuoteAmendment = z.infer<typeof QuoteAmendmentSchema>;
/** A quote's signature: algorithm, key id and value. */
export type QuoteSignature = z.infer<typeof QuoteSignatureSchema>;
/** The price context of a quote, shared by its items. */
export type QuoteContext = z.infer<typeof QuoteContextSchema>;
/** A quote's context as given: `date` defaults to the day the quote is made. */
export type QuoteContextInput = z.input<typeof QuoteContextInputSchema>;
/** One item of a quote request: a configuration, how many, and manual line discounts. */
export type QuoteItemInput = z.input<typeof QuoteItemInputSchema>;
/** What a quote is made from, the catalog aside (see {@link QuoteRequestSchema}). */
export type QuoteRequest = z.input<typeof QuoteRequestSchema>;

/**
 * The JSON Schema (draft 2020-12) of quote documents, generated from the zod schemas
 * and shipped as `@cpq-kit/engine/schema/quote.schema.json`. It covers the shape;
 * `verifyQuote` checks the signature, the dates, the catalog and every amount.
 */
export function quoteJsonSchema(): Record<string, unknown> {
  // Reused parts as named $defs: inlined, amounts and totals make the file five times larger.
  const names = z.registry<{ id: string }>();
  const named: [z.core.$ZodType, string][] = [
    [MoneySchema, 'Money'],
    [TaxAmountSchema, 'TaxAmount'],
    [ChargeTotalsSchema, 'ChargeTotals'],
    [PriceTotalsSchema, 'PriceTotals'],
    [PriceStepSchema, 'PriceStep'],
    [PriceLineSchema, 'PriceLine'],
    [PriceBreakdownSchema, 'PriceBreakdown'],
    [QuoteItemSchema, 'QuoteItem'],
    [RampSegmentPriceSchema, 'RampSegmentPrice'],
    [QuoteAmendmentSchema, 'QuoteAmendment'],
    [BookRefSchema, 'PriceBookRef'],
    [ParamsSchema, 'ReasonParams'],
    [LocalTextSchema, 'LocalText'],
    [IdSchema, 'Id'],
    [CurrencySchema, 'Currency'],
    [ItemSchema, 'Item'],
    [DecimalText, 'Decimal'],
    [QuoteNumberSchema, 'QuoteNumber'],
    [HashSchema, 'ContentHash'],
    [DateSchema, 'Day'],
    [AmountSchema, 'Amount'],
    [PercentSchema, 'Percent'],
    [count, 'Count'],
  ];
  for (const [schema, id] of named) names.add(schema, { id });
  return { ...z.toJSONSchema(QuoteSchema, { io: 'input', target: 'draft-2020-12', metadata: names, reused: 'ref' }), title: 'cpq-kit quote' };
}
