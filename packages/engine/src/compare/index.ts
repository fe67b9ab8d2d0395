/**
 * Comparison: items (catalog products, packages, configurations) side by side, as a
 * matrix of rows grouped as in the catalog, with differences, best values, prices
 * from the pricing engine, the total cost of ownership over a term, and every
 * item's deltas against a baseline. Pure and deterministic, like pricing.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ConfigurationSchema, type Configuration, type SelectionValue } from '../catalog/schema.js';
import type { Problem } from '../internal/problems.js';
import { problemsFromIssues } from '../internal/zod-problems.js';
import { PriceContextSchema } from '../price/schema.js';
import { compile } from '../configure/compile.js';
import { under } from './items.js';
import { rampedPrice } from './ramped.js';
import { CompareSettingsSchema, ConfigurationItemSchema, ProductItemSchema, type CompareItem } from './schema.js';
import { CompareError, compareItems, requireCatalog, type CompareOptions } from './typed.js';
import type { Comparison } from './types.js';

export { CompareError, compareTyped, DEFAULT_TERM_MONTHS, loadMissingCode, RampPricingNotLoadedError, type CompareOptions } from './typed.js';


/**
 * The items as compare() reads them: a configuration's shape is checked on its own,
 * and not again for a frozen one (as `loadConfiguration` returns it, already checked).
 */
const ReadConfigurationItemSchema = z.strictObject({
  ...ConfigurationItemSchema.shape,
  configuration: z.custom<Configuration>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'is not a configuration: give { "product": "...", "selections": { ... } }'),
});
const InputSchema = z.strictObject({ items: z.array(z.union([ProductItemSchema, ReadConfigurationItemSchema])), ...CompareSettingsSchema.shape });

/**
 * A configuration's shape: the fields of `ConfigurationSchema`, each selection of one
 * of the kinds a selection has. Which kind each attribute takes, and that its ids and
 * quantities are ones the catalog has, `checkConfiguration` checks next, with clearer
 * messages; `ConfigurationSchema`'s own checks of every key and value cost three times
 * as much (50 configurations of 200 attributes: about 30 ms against 10 ms).
 */
const ConfigurationShapeSchema = z.strictObject({
  ...ConfigurationSchema.shape,
  selections: z.record(
    z.string(),
    z.custom<SelectionValue>(
      (value) => ['string', 'boolean', 'number'].includes(typeof value) || (Array.isArray(value) && value.every((id) => typeof id === 'string')),
      'is not a selection: give an option id, a list of option ids, true or false, or a quantity',
    ),
  ),
});
const FIELD_NAMES = [
  ...Object.keys(InputSchema.shape),
  ...Object.keys(ProductItemSchema.shape),
  ...Object.keys(ConfigurationItemSchema.shape),
  ...Object.keys(PriceContextSchema.shape),
  'catalog',
];

/**
 * Compares items of one catalog. Each item is a product (`{ product: "business" }`,
 * completed with its defaults the way a configurator would), a package (a product
 * with some `selections`, completed the same way) or a `configuration` (as it is).
 *
 * Returns the rows grouped as in the catalog (the products' own specs, the
 * attributes in no section, then each section with the specs only its attributes
 * bring), each with every item's value, whether they differ and which items have
 * the best value (`better: "higher" | "lower"` or a `preferred` value in the
 * catalog's spec). With a price `context`: one-time, per month, per year, recurring
 * over the term and the total cost of ownership (one-time + recurring over
 * `termMonths`, prorated as each charge says), and with a `baseline` every other
 * item's deltas against it, in features and in money.
 *
 * Throws {@link CompareError} listing every problem with its path: unknown products
 * or options, selections that no valid configuration has, prices missing, items in
 * different currencies, an unknown baseline.
 *
 * @example
 * ```ts
 * const comparison = compare(
 *   [{ product: 'starter' }, { product: 'business' }, { product: 'enterprise' }],
 *   { catalog, context: { date: '2026-11-20' }, termMonths: 36, baseline: 'starter' },
 * );
 * comparison.items[1].price?.tco.net; // { amount: "11250.00", currency: "EUR" }
 * comparison.items[1].delta?.money?.month; // { amount: "277.50", currency: "EUR" }
 * ```
 */
export function compare(items: readonly CompareItem[], options: CompareOptions): Comparison {
  const { catalog, ...settings } = options ?? ({} as CompareOptions);
  requireCatalog(catalog);
  const input = { items, ...settings };
  const parsed = z.safeParse(InputSchema, input);
  if (!parsed.success) throw new CompareError(problemsFromIssues(parsed.error.issues, input, FIELD_NAMES));
  const shapes: Problem[] = [];
  parsed.data.items.forEach((item, index) => {
    if (!('configuration' in item) || Object.isFrozen(item.configuration)) return;
    const result = z.safeParse(ConfigurationShapeSchema, item.configuration);
    if (!result.success) shapes.push(...problemsFromIssues(result.error.issues, item.configuration, FIELD_NAMES).map((p) => ({ ...p, path: under(`items[${index}].configuration`, p.path) })));
  });
  if (shapes.length > 0) throw new CompareError(shapes);
  return compareItems(catalog, parsed.data.items, parsed.data, compile, rampedPrice);
}

export { CompareItemSchema, CompareSettingsSchema, ProductItemSchema, ConfigurationItemSchema } from './schema.js';
export type { CompareItem, ProductItem, ConfigurationItem } from './schema.js';
export type * from './types.js';
