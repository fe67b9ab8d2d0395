/**
 * The comparison without the schema library: {@link compareTyped} for typed callers (a
 * page's element), and the comparison itself, which `compare()` (`index.ts`) reaches
 * after checking the shape of what it was given with zod. A page that compares with
 * `compareTyped` loads neither zod nor the schemas.
 *
 * @module
 */
import type * as z from 'zod/mini';
import type { Catalog } from '../catalog/schema.js';
import { compileLoaded, CompilerNotLoadedError } from '../configure/compile-core.js';
import { loadDdnnfCompiler } from '../configure/compile-on-demand.js';
import { dateShapeProblem } from '../internal/dates.js';
import { didYouMean, ValidationError, type Problem } from '../internal/problems.js';
import { itemDeltas } from './deltas.js';
import { resolveItems, type Compiler } from './items.js';
import { priceItems, priceRows } from './prices.js';
import type { RampedPricer } from './ramped.js';
import { buildGroups } from './rows.js';
import { DEFAULT_TERM_MONTHS, MAX_TERM_MONTHS } from './term.js';
import type { CompareItem, CompareSettingsSchema, ConfigurationItem, ProductItem } from './schema.js';
import type { ComparedItem, Comparison, ItemPrice } from './types.js';

/** The options of `compare()`: the catalog, and optionally prices, a term and a baseline. */
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

export { DEFAULT_TERM_MONTHS } from './term.js';

/**
 * `compare()` for typed callers (an element comparing the items a page gave it):
 * the same comparison and the same problems with their paths (unknown products and
 * options, selections that no valid configuration has, prices missing, a term out of
 * range, an unknown baseline; a selection the schema refuses by a rule of its own, such
 * as a negative quantity, the catalog's checks refuse in their words), but the items'
 * and options' shape is left to TypeScript, so a page need not load the schema library,
 * as `Pricer` does for `price()`. Items read from JSON go through `compare()`, which
 * checks their shape first.
 *
 * It loads no code a comparison needs only sometimes: a product that needs the
 * decision-DNNF compiler (a feature model, a product too large for a BDD) throws a
 * {@link CompilerNotLoadedError}, and prices with an `upliftPercent` (a ramp of yearly
 * segments) a {@link RampPricingNotLoadedError}, until {@link loadMissingCode} has loaded it.
 */
export function compareTyped(items: readonly CompareItem[], options: CompareOptions): Comparison {
  const { catalog, ...settings } = options ?? ({} as CompareOptions);
  requireCatalog(catalog);
  // The values the schema checks that nothing after it does (its messages, word for word).
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
  if (uplift !== undefined && !/^\d+(\.\d{1,12})?$/.test(uplift)) throw new CompareError([{ path: 'upliftPercent', message: `${JSON.stringify(uplift)} must be a percentage written as text with at most 12 decimals, e.g. "8" or "12.5"` }]);
  const dates = [...items.map((item, i) => dateShapeProblem(item.context?.date, `items[${i}].context.date`)), dateShapeProblem(settings.context?.date, 'context.date')];
  const problems = dates.filter((p) => p !== undefined);
  if (problems.length > 0) throw new CompareError(problems);
  if (uplift !== undefined && settings.context && !loadedRamps) throw new RampPricingNotLoadedError();
  return compareItems(catalog, items as readonly (ProductItem | ConfigurationItem)[], settings, compileLoaded, loadedRamps);
}

let loadedRamps: RampedPricer | undefined;

/** Makes ramp pricing available to {@link compareTyped} (`ramped.ts` calls it when loaded). @internal */
export function provideRampPricing(ramped: RampedPricer): void {
  loadedRamps = ramped;
}

/**
 * Thrown by {@link compareTyped} for prices with an `upliftPercent` while ramp pricing (the
 * ramp's segments and its schema) is not loaded: {@link loadMissingCode} loads it.
 */
export class RampPricingNotLoadedError extends Error {
  constructor() {
    super('prices with an uplift need ramp pricing, which is not loaded: await loadMissingCode(error) and compare again, or use compare');
    this.name = 'RampPricingNotLoadedError';
  }
}

/**
 * For an error of {@link compareTyped} or `recommendTyped` that says code is not loaded
 * yet (a {@link CompilerNotLoadedError}, a {@link RampPricingNotLoadedError}): loads it,
 * on first use, so that asking again succeeds once the promise resolves. `undefined`
 * for any other error, which is the answer.
 */
export function loadMissingCode(error: unknown): Promise<void> | undefined {
  if (error instanceof CompilerNotLoadedError) return loadDdnnfCompiler();
  if (error instanceof RampPricingNotLoadedError) return import('./ramped.js').then(() => undefined);
  return undefined;
}

/** @internal */
export function requireCatalog(catalog: Catalog | undefined): asserts catalog is Catalog {
  if (!catalog || typeof catalog !== 'object' || !Array.isArray(catalog.products)) {
    throw new CompareError([{ path: 'catalog', message: 'is required: a catalog as loadCatalog() returns it' }]);
  }
}

/** The comparison of items whose shape is known to be right; `ramped` prices with an uplift. @internal */
export function compareItems(catalog: Catalog, items: readonly (ProductItem | ConfigurationItem)[], settings: Omit<CompareOptions, 'catalog'>, compiler: Compiler, ramped?: RampedPricer): Comparison {
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
    prices = priceItems(catalog, resolved, context, termMonths, problems, settings.upliftPercent, ramped);
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

