/**
 * The pricing engine: a configuration and a context in, a price waterfall out.
 *
 * A {@link Pricer} prices through its catalog's pipeline (`pipeline.ts`: request → lines →
 * list and price book → volume → uplift → discounts → terms → rounding → totals and
 * tax), compiled once per catalog and cached by the frozen catalog, so that pricing the
 * same catalog again, or asking what one change would cost, validates and parses
 * nothing twice. What it adds: the waterfall (`waterfall.ts`, with approvals from
 * `approval.ts`) and price deltas (`delta.ts`).
 */
import type { Catalog, Configuration } from '../catalog/schema.js';
import type { PriceBreakdown } from './breakdown.js';
import { applyChange, difference, type PriceDelta, type SelectionChange } from './delta.js';
import { perCatalog, pipelineFor, type PricePipeline, type Totals } from './pipeline.js';
import type { PriceContext, PricingSection } from './schema.js';
import { waterfall } from './waterfall.js';

export type { Totals } from './pipeline.js';

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
  private readonly pipeline: PricePipeline;
  private readonly remembered = new Map<string, Totals>();

  /** The pricer of a catalog: cached when the catalog is frozen, compiled afresh otherwise. */
  static for(catalog: Catalog): Pricer {
    return perCatalog(pricers, catalog, (c) => new Pricer(c));
  }

  constructor(catalog: Catalog) {
    this.pipeline = pipelineFor(catalog);
    this.catalog = catalog;
    this.pricing = this.pipeline.pricing;
  }

  /** Prices a configuration: every line's waterfall and the totals. Throws {@link PricingError}. */
  price(configuration: Configuration, context: PriceContext): PriceBreakdown {
    const setup = this.pipeline.setup(context);
    const lines = this.pipeline.lines(configuration, setup, true, true);
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
    return this.pipeline.totals(configuration, context, strictDiscounts);
  }

  /** The totals, remembered for the last few configurations (a configurator's current state). */
  private rememberedTotals(configuration: Configuration, context: PriceContext): Totals {
    const key = `${this.pipeline.setup(context).key}\u0000${configuration.product}\u0000${JSON.stringify(configuration.selections)}`;
    let totals = this.remembered.get(key);
    if (!totals) {
      totals = this.pipeline.totals(configuration, context);
      if (this.remembered.size >= 8) this.remembered.clear();
      this.remembered.set(key, totals);
    }
    return totals;
  }
}
