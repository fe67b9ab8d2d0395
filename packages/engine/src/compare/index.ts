/**
 * Comparison: items (catalog products, packages, configurations) side by side, as a
 * matrix of rows grouped as in the catalog, with differences, best values, prices
 * from the pricing engine, the total cost of ownership over a term, and every
 * item's deltas against a baseline. Pure and deterministic, like pricing.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ConfigurationSchema, type Catalog, type Configuration, type SelectionValue } from '../catalog/schema.js';
import { didYouMean, ValidationError, type Problem } from '../internal/problems.js';
import { problemsFromIssues } from '../internal/zod-problems.js';
import { PriceContextSchema } from '../price/schema.js';
import { compile } from '../configure/compile.js';
import { compileLoaded } from '../configure/compile-core.js';
import { itemDeltas } from './deltas.js';
import { resolveItems, under, type Compiler } from './items.js';
import { priceItems, priceRows } from './prices.js';
import { buildGroups } from './rows.js';
import { CompareItemSchema, CompareSettingsSchema, ConfigurationItemSchema, ProductItemSchema, type CompareItem, type ConfigurationItem, type ProductItem } from './schema.js';
import type { ComparedItem, Comparison, ItemPrice } from './types.js';

/** The options of {@link compare}: the catalog, and optionally prices, a term and a baseline. */
export interface CompareOptions extends z.input<typeof CompareSettingsSchema> {
  /** The catalog the items come from, as `loadCatalog()` returns it. */
  readonly catalog: Catalog;
}

/** Items or options that cannot be compared; `problems` lists every problem with its path (`items[2].selections.seats`). */
export class CompareError extends ValidationError {
  constructor(problems: readonly Problem[]) {
    super('The comparison', problems);
    this.name = 'CompareError';
  }
}

/** The term of the total cost of ownership when none is given: three years, a common planning horizon for equipment and subscriptions. */
export const DEFAULT_TERM_MONTHS = 36;

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
  return compareItems(catalog, parsed.data.items, parsed.data, compile);
}

/**
 * {@link compare} for typed callers (an element comparing the items a page gave it):
 * the same comparison and the same problems with their paths (unknown products and
 * options, selections that no valid configuration has, prices missing, a term out of
 * range, an unknown baseline), but the items' and options' shape is left to
 * TypeScript, so a page need not load the schema library, as `Pricer` does for
 * `price()`. Items read from JSON go through {@link compare}, which checks their shape first.
 *
 * It compiles with what is loaded: a product that needs the decision-DNNF compiler
 * (a feature model, a product too large for a BDD) throws a
 * {@link CompilerNotLoadedError} until `loadDdnnfCompiler()` has loaded it.
 */
export function compareTyped(items: readonly CompareItem[], options: CompareOptions): Comparison {
  const { catalog, ...settings } = options ?? ({} as CompareOptions);
  requireCatalog(catalog);
  // The one value the schema checks that nothing after it does (its messages, word for word).
  const term = settings.termMonths;
  if (term !== undefined) {
    const wrong = !Number.isFinite(term)
      ? `expected a number, found the number ${term}`
      : !Number.isInteger(term)
      ? `expected a whole number, found the number ${term}`
      : term < 1 ? `must be at least 1, found ${term}` : term > MAX_TERM_MONTHS ? `must be at most ${MAX_TERM_MONTHS}, found ${term}` : undefined;
    if (wrong) throw new CompareError([{ path: 'termMonths', message: wrong }]);
  }
  const uplift = settings.upliftPercent;
  // Typed callers (an element's attribute) skip the schema: the one text the pricer would not take is said here.
  if (uplift !== undefined && !/^\d+(\.\d{1,12})?$/.test(uplift)) throw new CompareError([{ path: 'upliftPercent', message: `must be a percentage written as text, e.g. "5", found ${JSON.stringify(uplift)}` }]);
  return compareItems(catalog, items as readonly (ProductItem | ConfigurationItem)[], settings, compileLoaded);
}

/** The longest term a comparison takes (`CompareSettingsSchema`'s `termMonths`): a hundred years. */
const MAX_TERM_MONTHS = 1200;

function requireCatalog(catalog: Catalog | undefined): asserts catalog is Catalog {
  if (!catalog || typeof catalog !== 'object' || !Array.isArray(catalog.products)) {
    throw new CompareError([{ path: 'catalog', message: 'is required: a catalog as loadCatalog() returns it' }]);
  }
}

/** The comparison of items whose shape is known to be right. */
function compareItems(catalog: Catalog, items: readonly (ProductItem | ConfigurationItem)[], settings: Omit<CompareOptions, 'catalog'>, compiler: Compiler): Comparison {
  const { context, baseline: baselineId } = settings;
  const problems: Problem[] = [];
  const resolved = resolveItems(catalog, items, problems, compiler);
  if (problems.length > 0) throw new CompareError(problems);

  const ids = resolved.map((item) => item.id);
  let baseline: number | undefined;
  if (baselineId !== undefined) {
    baseline = ids.indexOf(baselineId);
    if (baseline < 0) {
      const list = ids.length === 0 ? 'there are no items' : `the items are ${ids.map((id) => `"${id}"`).join(', ')}`;
      throw new CompareError([{ path: 'baseline', message: `unknown item "${baselineId}"${didYouMean(baselineId, ids)}; ${list}` }]);
    }
  }
  const termMonths = settings.termMonths ?? context?.termMonths ?? DEFAULT_TERM_MONTHS;
  const built = buildGroups(catalog, resolved);
  let prices: ItemPrice[] | undefined;
  if (context) {
    prices = priceItems(catalog, resolved, context, termMonths, problems, settings.upliftPercent);
    if (problems.length > 0) throw new CompareError(problems);
  }
  const deltas = baseline === undefined ? undefined : itemDeltas(catalog, built, ids, prices, baseline);

  const compared: ComparedItem[] = resolved.map((item, i) => {
    const delta = deltas?.[i];
    const price = prices?.[i];
    return {
      id: item.id,
      kind: item.kind,
      name: item.name,
      product: item.product.id,
      ...(item.product.description === undefined ? {} : { description: item.product.description }),
      ...(item.product.image === undefined ? {} : { image: item.product.image }),
      owned: item.owned,
      configuration: item.configuration,
      ...(price ? { price } : {}),
      ...(delta ? { delta } : {}),
    };
  });
  return {
    catalog: { id: catalog.id, version: catalog.version },
    items: compared,
    ...(baseline === undefined ? {} : { baseline }),
    groups: built.groups,
    ...(prices ? { prices: priceRows(prices, termMonths) } : {}),
  };
}

export { CompareItemSchema, CompareSettingsSchema, ProductItemSchema, ConfigurationItemSchema } from './schema.js';
export type { CompareItem, ProductItem, ConfigurationItem } from './schema.js';
export type * from './types.js';
