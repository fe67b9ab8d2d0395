/**
 * The catalog's pricing section (price books, charges, tiers, discount schedules,
 * contracts, partners, tax, rounding) and the context of a price request, as
 * `zod/mini` schemas. Types are inferred; the catalog's JSON Schema includes them.
 *
 * Amounts and percentages are decimal numbers written as text ("129.00", "8"), the
 * same form the engine returns, so no float ever touches a price. The schemas check
 * shape; `validate.ts` checks references, tiers and dates with paths.
 *
 * @module
 */
import * as z from 'zod/mini';
import { CurrencySchema, IdSchema, LocalTextSchema } from '../catalog/primitives.js';
import { AmountSchema, AudienceSchema, count, DateSchema, ItemSchema, PercentSchema, SignedDecimalSchema, TaxCalculationSchema } from './values.js';

export * from './values.js';
import { ManualDiscountSchema, OrderDiscountSchema, PriceContextSchema } from './context.js';

export { ManualDiscountSchema, OrderDiscountSchema, PriceContextSchema };

/** One quantity tier: units `from`..`to` (`to` left out: up to the next tier, or without end). */
export const TierSchema = z.strictObject({
  from: count,
  to: z.optional(count),
  /** The price per unit (range, slab) or of the whole block (block). */
  amount: AmountSchema,
});

/** One step of a discount schedule: quantities `from`..`to` get `percent` off. */
export const ScheduleTierSchema = z.strictObject({
  from: count,
  to: z.optional(count),
  percent: PercentSchema,
});

/** A price per started block of units: "450.00 per block of 10" (45 units are 5 blocks: 2,250.00). */
export const BlockSchema = z.strictObject({
  /** The units in one block, e.g. 10. */
  size: count,
  /** The price of one block (a started block is a whole one); for a recurring charge, per block per period. */
  amount: AmountSchema,
});

/**
 * The price of one item in a price book: an amount per unit, a price per block of
 * units, quantity tiers, or `included` (no line of its own: the price is part of
 * another line).
 */
export const ChargeSchema = z.strictObject({
  /** The price per unit; for a recurring charge, per unit per period. */
  amount: z.optional(AmountSchema),
  /** A price per started block of units, instead of `amount`: { "size": 10, "amount": "450.00" }. Open-ended. */
  block: z.optional(BlockSchema),
  /** Quantity tiers, in increasing order; give `tierMode` with them. */
  tiers: z.optional(z.array(TierSchema).check(z.minLength(1, 'give at least one tier'))),
  /**
   * `range`: the whole quantity at the rate of the tier it falls in; `slab`: each unit
   * at the rate of its own tier (graduated); `block`: the tier's amount is the price of
   * any quantity within it.
   */
  tierMode: z.optional(z.enum(['range', 'slab', 'block'])),
  /** Priced as part of another line: no line, and no "missing price" error. */
  included: z.optional(z.boolean()),
  /** A quantity attribute of the same product whose value is this line's quantity, e.g. a price per user. */
  per: z.optional(IdSchema),
  /** The unit of measure shown with the quantity, e.g. "user" or "TB". */
  unit: z.optional(LocalTextSchema),
  /** A recurring charge is billed every month or year; left out, the charge is one-time. */
  recurring: z.optional(z.enum(['month', 'year'])),
  /** The committed term of a recurring charge, in months (e.g. 36). Default: one period. */
  term: z.optional(count),
  /** Whether a term that is not a whole number of periods pays the last period in part (default) or in full. */
  prorate: z.optional(z.boolean()),
  /** The tax category (a rate in each tax region); default the tax section's `defaultCategory`. */
  taxCategory: z.optional(IdSchema),
  /** A discount schedule by quantity (an id from `schedules`). */
  schedule: z.optional(IdSchema),
  /** The lowest net price per unit that manual discounts may reach without approval. */
  floor: z.optional(AmountSchema),
});

/** Where a derived price book's prices come from, and how they change. */
export const BasedOnSchema = z.strictObject({
  book: IdSchema,
  /** Percent up or down from the base book's prices: "-8" is 8% lower. */
  percent: z.optional(SignedDecimalSchema),
  /** An amount per unit up or down from the base book's prices: "-5.00". */
  amount: z.optional(SignedDecimalSchema),
  /** For a base book in another currency: 1 unit of its currency = `rate` of this book's, as fixed on `date`. */
  exchangeRate: z.optional(z.strictObject({ rate: AmountSchema, date: DateSchema })),
});

/** The approval floor as it was written before `maxDiscountPercent`: the lowest net as a percent of the price before manual discounts. */
const DeprecatedFloorPercent = PercentSchema.check(
  z.meta({ deprecated: true, description: 'Deprecated: write "maxDiscountPercent": 100 − this ("floorPercent": "80" is "maxDiscountPercent": "20").' }),
);

/** How and where amounts are rounded to the currency's minor units. */
export const RoundingSchema = z.strictObject({
  /** `half-even` (default) or `half-up`. */
  mode: z.optional(z.enum(['half-even', 'half-up'])),
  /** `line` (default): each line's amounts; `unit`: unit prices, then lines; `document`: totals, spread over lines. */
  level: z.optional(z.enum(['unit', 'line', 'document'])),
});

/** A price list for one currency and audience, valid for a period, possibly derived from another. */
export const PriceBookSchema = z.strictObject({
  id: IdSchema,
  name: z.optional(LocalTextSchema),
  /** Default: the catalog's `defaultCurrency`. */
  currency: z.optional(CurrencySchema),
  /** The segments this book is for, e.g. ["smb"], ["enterprise"], ["partner:northwind"]. */
  audience: z.optional(z.array(AudienceSchema).check(z.minLength(1, 'name at least one segment, or leave "audience" out'))),
  /** First and last day the book applies (inclusive). */
  validFrom: z.optional(DateSchema),
  validTo: z.optional(DateSchema),
  basedOn: z.optional(BasedOnSchema),
  /** Whether this book's prices include tax (shown to the buyer as they are). Default false. */
  taxIncluded: z.optional(z.boolean()),
  /** The tax region whose rates apply, unless the request names another. */
  taxRegion: z.optional(IdSchema),
  /** Tax per line or on the sum per rate (`document`), unless the request says; default the section's, else `document`. */
  taxCalculation: z.optional(TaxCalculationSchema),
  rounding: z.optional(RoundingSchema),
  /** The most manual discounts (line and order) may take off a line without approval, as a percent of its price before them: "20". Default the section's. */
  maxDiscountPercent: z.optional(PercentSchema),
  /** Deprecated: `"floorPercent": "80"` is `"maxDiscountPercent": "20"`. Still read, with a warning (`catalogWarnings`). */
  floorPercent: z.optional(DeprecatedFloorPercent),
  /** How much more a renewal's recurring charges cost than this book's, in percent: "5". Default the section's, else none. */
  renewalUpliftPercent: z.optional(PercentSchema),
  /** How a change inside a term is prorated: by `day` (default) or by started `month`. Default the section's. */
  proration: z.optional(z.enum(['day', 'month'])),
  /** Prices by item. A derived book lists only the prices it changes. */
  prices: z.optional(z.record(ItemSchema, ChargeSchema)),
});

/** Quantity discounts that many items can share. */
export const DiscountScheduleSchema = z.strictObject({
  id: IdSchema,
  name: z.optional(LocalTextSchema),
  tiers: z.array(ScheduleTierSchema).check(z.minLength(1, 'give at least one tier')),
});

/** A customer's contracted price for an item: a unit price or a percent off. */
export const ContractPriceSchema = z.strictObject({
  amount: z.optional(AmountSchema),
  percent: z.optional(PercentSchema),
});

/** Customer-specific prices, agreed for a period. */
export const ContractSchema = z.strictObject({
  id: IdSchema,
  /** The customer id a price request names to get these prices. */
  customer: IdSchema,
  name: z.optional(LocalTextSchema),
  /** Default: the catalog's `defaultCurrency`. */
  currency: z.optional(CurrencySchema),
  validFrom: z.optional(DateSchema),
  validTo: z.optional(DateSchema),
  prices: z.record(ItemSchema, ContractPriceSchema),
});

/** A reseller: its discount, and the items it does not apply to. */
export const PartnerSchema = z.strictObject({
  id: IdSchema,
  name: LocalTextSchema,
  /** The partner discount, off the price after manual discounts. */
  percent: PercentSchema,
  /** Items without partner discount, e.g. services the vendor delivers. */
  exclude: z.optional(z.array(ItemSchema)),
});

/** A tax rate of a region for one tax category. */
export const TaxRateSchema = z.strictObject({
  category: IdSchema,
  percent: PercentSchema,
  name: z.optional(LocalTextSchema),
});

/** The tax rates of one country or region. */
export const TaxRegionSchema = z.strictObject({
  id: IdSchema,
  name: z.optional(LocalTextSchema),
  rates: z.array(TaxRateSchema).check(z.minLength(1, 'give at least one rate')),
});

/** Tax regions and the category of items that name none. */
export const TaxSectionSchema = z.strictObject({
  /** Default "standard". */
  defaultCategory: z.optional(IdSchema),
  regions: z.array(TaxRegionSchema).check(z.minLength(1, 'give at least one tax region')),
});

/** The pricing section of a catalog. */
export const PricingSectionSchema = z.strictObject({
  /** Rounding for every book that sets none: half-even at line level unless said otherwise. */
  rounding: z.optional(RoundingSchema),
  /** Price books; with no book or segment named, the first valid book in the currency applies. */
  books: z.array(PriceBookSchema).check(z.minLength(1, 'give at least one price book')),
  schedules: z.optional(z.array(DiscountScheduleSchema)),
  contracts: z.optional(z.array(ContractSchema)),
  partners: z.optional(z.array(PartnerSchema)),
  tax: z.optional(TaxSectionSchema),
  /** Default `taxCalculation` for books that set none: `document` unless said otherwise. */
  taxCalculation: z.optional(TaxCalculationSchema),
  /** Options that set the term of the recurring charges, in months: {"business/billing:3-year": 36}. */
  termOptions: z.optional(z.record(ItemSchema, count)),
  /** Default `maxDiscountPercent` for books that set none: without one, manual discounts need no approval but for items' floors. */
  maxDiscountPercent: z.optional(PercentSchema),
  /** Deprecated: `"floorPercent": "85"` is `"maxDiscountPercent": "15"`. Still read, with a warning (`catalogWarnings`). */
  floorPercent: z.optional(DeprecatedFloorPercent),
  /** Default `renewalUpliftPercent` for books that set none. */
  renewalUpliftPercent: z.optional(PercentSchema),
  /** Default `proration` for books that set none: `day` unless said otherwise. */
  proration: z.optional(z.enum(['day', 'month'])),
}).check(z.describe('Price books, charges, tiers, discounts and tax (see docs/pricing.md).'));


export type Tier = z.infer<typeof TierSchema>;
export type Block = z.infer<typeof BlockSchema>;
export type TierMode = NonNullable<Charge['tierMode']>;
export type ScheduleTier = z.infer<typeof ScheduleTierSchema>;
export type Charge = z.infer<typeof ChargeSchema>;
export type BasedOn = z.infer<typeof BasedOnSchema>;
export type Rounding = z.infer<typeof RoundingSchema>;
export type RoundingLevel = NonNullable<Rounding['level']>;
export type PriceBook = z.infer<typeof PriceBookSchema>;
export type DiscountSchedule = z.infer<typeof DiscountScheduleSchema>;
export type ContractPrice = z.infer<typeof ContractPriceSchema>;
export type Contract = z.infer<typeof ContractSchema>;
export type Partner = z.infer<typeof PartnerSchema>;
export type TaxRate = z.infer<typeof TaxRateSchema>;
export type TaxRegion = z.infer<typeof TaxRegionSchema>;
export type TaxSection = z.infer<typeof TaxSectionSchema>;
export type PricingSection = z.infer<typeof PricingSectionSchema>;
export type TaxCalculation = z.infer<typeof TaxCalculationSchema>;
export type ManualDiscount = z.infer<typeof ManualDiscountSchema>;
export type OrderDiscount = z.infer<typeof OrderDiscountSchema>;
/** The context of a price request. */
export type PriceContext = z.input<typeof PriceContextSchema>;
