/**
 * The pricing pipeline of one catalog: every line of a configuration through the stages
 * in the order the data flows, one file each:
 *
 *   request (`request.ts`) → lines (`lines.ts`) → list and price book (`list.ts`, `book.ts`)
 *   → volume (`volume.ts`) → uplift (`uplift.ts`) → schedule → contract → manual → order → partner (`discounts.ts`)
 *   → terms (`terms.ts`) → rounding (`rounding.ts`) → totals and tax (`totals.ts`, `tax.ts`)
 *
 * Each stage fills a column of exact amounts (fixed-point, `fixed.ts`); rounding happens
 * only where the rounding level says. The totals are what a comparison or a
 * recommendation needs; {@link Pricer} (`pricer.ts`) adds the waterfall and price deltas,
 * which such pages then do not load.
 *
 * @module
 */
import type { Catalog, Configuration } from '../catalog/schema.js';
import { requireChecked } from '../catalog/checked.js';
import { checkConfiguration } from '../catalog/check-configuration.js';
import type { Problem } from '../internal/problems.js';
import { Books } from './book.js';
import {
  compileSchedules,
  contractPrice,
  lineDiscountsWithoutLine,
  manualDiscount,
  orderDiscount,
  partnerDiscount,
  scheduleDiscount,
  type Schedule,
} from './discounts.js';
import { ItemIndex } from './items.js';
import { ItemChoices, newLine, type Line } from './lines.js';
import { listAndBooks } from './list.js';
import { pricingProblem, PricingError } from './problems.js';
import { makeSetup, type Setup } from './request.js';
import { roundDocument } from './rounding.js';
import type { PriceContext, PricingSection } from './schema.js';
import { terms } from './terms.js';
import { sumLines, type Totals } from './totals.js';
import { upliftPrice } from './uplift.js';
import { volumePrice } from './volume.js';

export type { Totals } from './totals.js';

/**
 * `make(catalog)` once per frozen catalog (as `loadCatalog` returns, which cannot change),
 * kept in `cache`; afresh for a catalog that may still change.
 */
export function perCatalog<T>(cache: WeakMap<Catalog, T>, catalog: Catalog, make: (catalog: Catalog) => T): T {
  if (!Object.isFrozen(catalog)) return make(catalog);
  let made = cache.get(catalog);
  if (made === undefined) cache.set(catalog, (made = make(catalog)));
  return made;
}

const pipelines = new WeakMap<Catalog, PricePipeline>();

/**
 * The pipeline of a catalog: compiled once (books linked, prices resolved through
 * `basedOn` chains on first use, schedules parsed) and cached for a frozen catalog.
 */
export function pipelineFor(catalog: Catalog): PricePipeline {
  return perCatalog(pipelines, catalog, (c) => new PricePipeline(c));
}

/**
 * Prices configurations of one catalog to their totals. For typed callers that make the
 * price context themselves: the context's values are checked (a real day, a known
 * currency, book, segment, partner, tax region; discounts), its shape is left to
 * TypeScript.
 */
export class PricePipeline {
  readonly catalog: Catalog;
  readonly pricing: PricingSection;
  private readonly books: Books;
  private readonly items: ItemChoices;
  private readonly schedules: ReadonlyMap<string, Schedule>;
  private readonly setups = new Map<string, Setup>();
  private readonly checked = new WeakSet<Configuration>();

  constructor(catalog: Catalog) {
    if (catalog.pricing === undefined) {
      throw new PricingError([pricingProblem('pricing', 'no-pricing', { catalog: catalog.id }, `catalog "${catalog.id}" has no pricing section`)]);
    }
    // loadCatalog checked the pricing section with the rest; prices rely on those checks.
    requireChecked(catalog, 'price()');
    this.catalog = catalog;
    this.pricing = catalog.pricing;
    this.books = new Books(catalog, this.pricing.books);
    this.schedules = compileSchedules(this.pricing);
    this.items = new ItemChoices(catalog, this.pricing, new ItemIndex(catalog));
  }

  /**
   * The totals only, without the waterfall's texts. With `strictDiscounts` false, line
   * discounts on items the configuration lacks are ignored (what a price delta needs).
   * Throws {@link PricingError}.
   */
  totals(configuration: Configuration, context: PriceContext, strictDiscounts = true): Totals {
    const s = this.setup(context);
    return sumLines(s, this.lines(configuration, s, false, strictDiscounts));
  }

  /** The request's context worked out, remembered for the last few contexts. */
  setup(context: PriceContext): Setup {
    const key = JSON.stringify(context);
    const cached = this.setups.get(key);
    if (cached) return cached;
    const setup = makeSetup(this.catalog, this.pricing, this.books, context, key);
    if (this.setups.size >= 32) this.setups.clear();
    this.setups.set(key, setup);
    return setup;
  }

  /**
   * Builds and prices every line of a configuration, or throws with every problem found;
   * with `detail`, each line keeps what the waterfall says of it.
   */
  lines(configuration: Configuration, s: Setup, detail: boolean, strictDiscounts: boolean): Line[] {
    const problems: Problem[] = [];
    if (!this.checked.has(configuration)) {
      for (const p of checkConfiguration(this.catalog, configuration)) {
        problems.push({ path: p.path === '' ? 'configuration' : `configuration.${p.path}`, message: p.message });
      }
      if (problems.length > 0) throw new PricingError(problems);
      // A frozen configuration (as loadConfiguration returns) cannot change: check it once.
      if (Object.isFrozen(configuration) && Object.isFrozen(configuration.selections)) this.checked.add(configuration);
    }
    // A discount on a one-time line that a recurring-only request leaves out (a ramp's later segment) is not a mistake.
    const omitted = new Set<string>();
    const specs = this.items.specs(configuration, s, problems, omitted);
    if (strictDiscounts && s.lineDiscounts.size > 0) lineDiscountsWithoutLine(new Set([...specs.map((l) => l.item), ...omitted]), s, problems);
    const lines: Line[] = [];
    for (const spec of specs) {
      const line = newLine(spec, s, detail);
      listAndBooks(line, s);
      if (!volumePrice(line, s, problems)) continue;
      upliftPrice(line, s);
      scheduleDiscount(line, s, this.schedules);
      contractPrice(line, s);
      if (!manualDiscount(line, s, problems)) continue;
      lines.push(line);
    }
    if (problems.length === 0) orderDiscount(lines, s, detail, problems);
    if (problems.length > 0) throw new PricingError(problems);
    partnerDiscount(lines, s, detail);
    terms(lines, s);
    if (s.level === 'document') roundDocument(lines, s);
    return lines;
  }
}
