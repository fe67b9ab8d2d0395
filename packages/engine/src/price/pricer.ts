/**
 * The pricing engine: a configuration and a context in, a price waterfall out.
 *
 * A {@link Pricer} is compiled once per catalog (books linked, prices resolved
 * through `basedOn` chains on first use, schedules parsed) and cached by the frozen
 * catalog, so that pricing the same catalog again, or asking what one change would
 * cost, validates and parses nothing twice.
 *
 * It runs every line through the stages in the order the data flows, one file each:
 *
 *   request (`request.ts`) → lines (`lines.ts`) → list and price book (`list.ts`, `book.ts`)
 *   → volume (`volume.ts`) → uplift (`uplift.ts`) → schedule → contract → manual → order → partner (`discounts.ts`)
 *   → terms (`terms.ts`) → rounding (`rounding.ts`) → totals and tax (`totals.ts`, `tax.ts`)
 *   → the waterfall (`waterfall.ts`, with approvals from `approval.ts`)
 *
 * Each stage fills a column of exact amounts (fixed-point, `fixed.ts`); rounding happens
 * only where the rounding level says.
 */
import type { Catalog, Configuration } from '../catalog/schema.js';
import { requireChecked } from '../catalog/checked.js';
import { checkConfiguration } from '../catalog/check-configuration.js';
import type { Problem } from '../internal/problems.js';
import { Books } from './book.js';
import type { PriceBreakdown } from './breakdown.js';
import { applyChange, difference, type PriceDelta, type SelectionChange } from './delta.js';
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
import { waterfall } from './waterfall.js';

export type { Totals } from './totals.js';

const pricers = new WeakMap<Catalog, Pricer>();

/**
 * Prices configurations of one catalog. Get one with {@link Pricer.for}: it is
 * compiled once and cached for a frozen catalog (as `loadCatalog` returns).
 *
 * For typed callers that make the price context themselves (an element from its
 * attributes): the context's values are checked (a real day, a known currency, book,
 * segment, partner, tax region; discounts), its shape is left to TypeScript, so a page
 * need not load the schema library. A request read from JSON goes through
 * {@link price} and {@link priceDelta}, which check its shape first.
 */
export class Pricer {
  readonly catalog: Catalog;
  readonly pricing: PricingSection;
  private readonly books: Books;
  private readonly items: ItemChoices;
  private readonly schedules: ReadonlyMap<string, Schedule>;
  private readonly setups = new Map<string, Setup>();
  private readonly remembered = new Map<string, Totals>();
  private readonly checked = new WeakSet<Configuration>();

  /** The pricer of a catalog: cached when the catalog is frozen, compiled afresh otherwise. */
  static for(catalog: Catalog): Pricer {
    if (!Object.isFrozen(catalog)) return new Pricer(catalog);
    let pricer = pricers.get(catalog);
    if (!pricer) {
      pricer = new Pricer(catalog);
      pricers.set(catalog, pricer);
    }
    return pricer;
  }

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

  /** Prices a configuration: every line's waterfall and the totals. Throws {@link PricingError}. */
  price(configuration: Configuration, context: PriceContext): PriceBreakdown {
    const setup = this.setup(context);
    const lines = this.lines(configuration, setup, true, true);
    return waterfall(this.catalog, configuration, setup, lines);
  }

  /** What `change` does to the totals of `configuration`: see {@link priceDelta}. Throws {@link PricingError}. */
  delta(configuration: Configuration, change: SelectionChange, context: PriceContext): PriceDelta {
    const before = this.rememberedTotals(configuration, context);
    const after = this.totals(applyChange(this.catalog, configuration, change), context, false);
    return difference(before, after);
  }

  /**
   * The totals only, without the waterfall's texts: what a delta needs. With
   * `strictDiscounts` false, line discounts on items the configuration lacks are ignored.
   *
   * @hidden
   */
  totals(configuration: Configuration, context: PriceContext, strictDiscounts = true): Totals {
    const setup = this.setup(context);
    return sumLines(setup, this.lines(configuration, setup, false, strictDiscounts));
  }

  /** The totals, remembered for the last few configurations (a configurator's current state). */
  private rememberedTotals(configuration: Configuration, context: PriceContext): Totals {
    const setup = this.setup(context);
    const key = `${setup.key}\u0000${configuration.product}\u0000${JSON.stringify(configuration.selections)}`;
    let totals = this.remembered.get(key);
    if (!totals) {
      totals = sumLines(setup, this.lines(configuration, setup, false, true));
      if (this.remembered.size >= 8) this.remembered.clear();
      this.remembered.set(key, totals);
    }
    return totals;
  }

  /** The request's context worked out, remembered for the last few contexts. */
  private setup(context: PriceContext): Setup {
    const key = JSON.stringify(context);
    const cached = this.setups.get(key);
    if (cached) return cached;
    const setup = makeSetup(this.catalog, this.pricing, this.books, context, key);
    if (this.setups.size >= 32) this.setups.clear();
    this.setups.set(key, setup);
    return setup;
  }

  /** The pipeline: builds and prices every line of a configuration, or throws with every problem found. */
  private lines(configuration: Configuration, s: Setup, detail: boolean, strictDiscounts: boolean): Line[] {
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
