/**
 * What `compare()` takes: the items to compare and the options, as `zod/mini`
 * schemas (types inferred), so that a page or a server gets a clear error with the
 * path of whatever is wrong (`items[2].selections.seats`).
 *
 * @module
 */
import * as z from 'zod/mini';
import { IdSchema, LocalTextSchema } from '../catalog/primitives.js';
import { ConfigurationSchema, SelectionValueSchema } from '../catalog/schema.js';
import { PercentSchema, PriceContextSchema } from '../price/schema.js';
import { MAX_TERM_MONTHS } from './term.js';

const itemBase = {
  /** How the item is named in the comparison (`cpq-select` events, the baseline). Default: its product id, made unique with `-2`, `-3`... */
  id: z.optional(IdSchema),
  /** The column heading. Default: the product's name. */
  name: z.optional(LocalTextSchema),
  /**
   * Already bought (an installed system, a running subscription): its one-time
   * charges are paid, so its total cost of ownership counts only what is still to pay.
   */
  owned: z.optional(z.boolean()),
  /** Price settings for this item only, over the comparison's `context`: e.g. the date or customer contract of a running subscription. The term is always the comparison's. */
  context: z.optional(z.partial(PriceContextSchema)),
};

/**
 * A catalog product, or a package: a product with some selections made
 * (`{ "product": "business", "selections": { "advanced-security": true } }`).
 * The rest is completed the way a configurator completes it (defaults, then
 * default rules, then the first possible value), so the item is a complete,
 * valid configuration.
 */
export const ProductItemSchema = z.strictObject({
  ...itemBase,
  product: IdSchema,
  selections: z.optional(z.record(IdSchema, SelectionValueSchema)),
});

/** A configuration, compared exactly as it is (e.g. what is installed today). */
export const ConfigurationItemSchema = z.strictObject({
  ...itemBase,
  configuration: ConfigurationSchema,
});

/** One thing to compare: a product, a package (a product with selections) or a configuration. */
export const CompareItemSchema = z.union([ProductItemSchema, ConfigurationItemSchema]);

/** The options of `compare()` other than the catalog. */
export const CompareSettingsSchema = z.strictObject({
  /** Price the items with this request (date, segment, currency...); without it the comparison has no prices. */
  context: z.optional(PriceContextSchema),
  /** The term of the total cost of ownership, in months. Default: the context's `termMonths`, else 36. */
  termMonths: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_TERM_MONTHS))),
  /** The id of the item the others are measured against ("what you have today"). */
  baseline: z.optional(IdSchema),
  /**
   * Recurring prices rise by this percent every 12 months of the term, compounded (a
   * renewal uplift, an agreed ramp): the total cost of ownership counts each year at its
   * price, and says what each year costs (`tco.years`).
   */
  upliftPercent: z.optional(PercentSchema),
});

export type ProductItem = z.infer<typeof ProductItemSchema>;
export type ConfigurationItem = z.infer<typeof ConfigurationItemSchema>;
/** One thing to compare: a product, a package (a product with selections) or a configuration. */
export type CompareItem = z.input<typeof CompareItemSchema>;
