/** The price request's schema: who buys, when, in which currency, and what was negotiated. */
import * as z from 'zod/mini';
import { CurrencySchema, IdSchema } from '../catalog/primitives.js';
import { problemsFromIssues } from '../internal/zod-problems.js';
import { PricingError } from './problems.js';
import { AmountSchema, AudienceSchema, count, DateSchema, ItemSchema, PercentSchema, TaxCalculationSchema } from './values.js';

/** A manual discount on one line: a percent or an amount (per period for a recurring line), in the book's currency. */
export const ManualDiscountSchema = z.strictObject({
  percent: z.optional(PercentSchema),
  amount: z.optional(AmountSchema),
  /**
   * The currency of the amount: always the price book's (amounts are never converted).
   * Optional; given, it must be the book's, so that a discount agreed in another currency
   * is refused rather than applied as if it were in the book's.
   */
  currency: z.optional(CurrencySchema),
});

/** A manual discount on the order, split over its lines by largest remainder; an amount is in the book's currency. */
export const OrderDiscountSchema = z.strictObject({
  percent: z.optional(PercentSchema),
  amount: z.optional(AmountSchema),
  /**
   * The currency of the amount: always the price book's (amounts are never converted).
   * Optional; given, it must be the book's, so that a discount agreed in another currency
   * is refused rather than applied as if it were in the book's.
   */
  currency: z.optional(CurrencySchema),
  /** Which lines: one-time, or recurring per month or per year. Default: every line for a percent, one-time lines for an amount. */
  appliesTo: z.optional(z.enum(['one-time', 'month', 'year'])),
});

/** Who is buying, when, in which currency, and what was negotiated. */
export const PriceContextSchema = z.strictObject({
  /** The day prices apply, "2026-11-20". Explicit, so the same request gives the same cents tomorrow. */
  date: DateSchema,
  /** A price book by id; or leave it out and give a segment (or nothing, for the first book). */
  book: z.optional(IdSchema),
  segment: z.optional(AudienceSchema),
  /** Default: the book's, else the catalog's default currency. */
  currency: z.optional(z.string()),
  /** A reseller (from `partners`): their book (audience "partner:<id>") and discount. */
  partner: z.optional(IdSchema),
  /** A customer with contracted prices. */
  customer: z.optional(IdSchema),
  /** How many of the configured product (e.g. 12 rooms). Default 1. */
  quantity: z.optional(count),
  /** The term in months for every recurring charge, e.g. to co-term with a running contract. */
  termMonths: z.optional(count),
  /** The first day of the subscription's term, when not `date` (a renewal, a term starting later): what amendments and ramps count from. */
  termStart: z.optional(DateSchema),
  /** The tax region, when not the book's. */
  taxRegion: z.optional(IdSchema),
  /** Tax per `line` or on the sum per rate (`document`), when not the price book's. */
  taxCalculation: z.optional(TaxCalculationSchema),
  /** Manual discounts by item. */
  lineDiscounts: z.optional(z.record(ItemSchema, ManualDiscountSchema)),
  orderDiscount: z.optional(OrderDiscountSchema),
  /**
   * Price increases on recurring charges, in percent, compounded in order, before any
   * discount: ["5", "5"] is +10.25 %. What a ramp deal's third year or a renewal carries.
   */
  uplift: z.optional(z.array(PercentSchema)),
  /** `recurring` prices the recurring charges only (a ramp's later segments, a renewal); default `all`. */
  charges: z.optional(z.enum(['all', 'recurring'])),
});

const ContextEnvelope = z.strictObject({ context: PriceContextSchema });
/** Field names for "did you mean" under `context.`: its own and its discounts'. */
const CONTEXT_FIELDS = [...Object.keys(PriceContextSchema.shape), 'percent', 'amount', 'currency', 'appliesTo'];

/**
 * The context of a price request read from JSON, its shape checked (what the pricer
 * then takes for granted); throws a {@link PricingError} with a problem per field.
 */
export function checkPriceContext(input: unknown): z.input<typeof PriceContextSchema> {
  const parsed = z.safeParse(ContextEnvelope, { context: input });
  if (!parsed.success) throw new PricingError(problemsFromIssues(parsed.error.issues, { context: input }, CONTEXT_FIELDS));
  return parsed.data.context;
}
