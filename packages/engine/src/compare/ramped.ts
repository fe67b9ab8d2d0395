/**
 * A compared item priced over a ramp of yearly segments, for a comparison with an uplift
 * (`upliftPercent`): a module of its own, since ramp pricing (`subscription/ramp.ts`, with
 * the ramp's schema) is what only such a comparison needs. `compare()` imports it (and so
 * whoever loads `compare`, Node always, has it for `compareTyped` too); a page's
 * `compareTyped` loads it on first use (`loadMissingCode`).
 */
import type { Catalog } from '../catalog/schema.js';
import type { MoneyJSON } from '../price/money.js';
import type { PriceContext } from '../price/schema.js';
import { priceRamp } from '../subscription/ramp.js';
import { amountOf, units } from './exact.js';
import type { ResolvedItem } from './items.js';
import { provideRampPricing } from './typed.js';
import type { ItemPrice } from './types.js';

/** How a comparison prices an item over a ramp: {@link rampedPrice}. */
export type RampedPricer = (catalog: Catalog, item: ResolvedItem, context: PriceContext, termMonths: number, upliftPercent: string) => ItemPrice;

/**
 * An item's prices over `termMonths` with recurring prices rising every 12 months: the term
 * priced as a ramp of yearly segments (`priceRamp`), one-time charges once, at the start.
 */
export function rampedPrice(catalog: Catalog, item: ResolvedItem, context: PriceContext, termMonths: number, upliftPercent: string): ItemPrice {
  const years = Array.from({ length: Math.ceil(termMonths / 12) }, (_, y) => ({ months: Math.min(12, termMonths - 12 * y) }));
  const { termMonths: _, ...rest } = context;
  const ramp = priceRamp(catalog, item.configuration, { segments: years, upliftPercent }, rest);
  const first = ramp.segments[0]!.price.totals;
  const t = ramp.totals;
  const { currency } = ramp;
  const sum = (xs: readonly { amount: MoneyJSON }[]): bigint => xs.reduce((n, x) => n + units(x.amount), 0n);
  const oneTime = item.owned ? 0n : units(t.oneTime.net);
  const recurring = units(t.term.net);
  return {
    currency,
    oneTime: t.oneTime.net,
    month: first.recurring.month?.net ?? amountOf(0n, currency),
    year: first.recurring.year?.net ?? amountOf(0n, currency),
    hasMonth: first.recurring.month !== undefined,
    hasYear: first.recurring.year !== undefined,
    tco: {
      months: termMonths,
      oneTime: amountOf(oneTime, currency),
      recurring: t.term.net,
      net: amountOf(oneTime + recurring, currency),
      tax: amountOf((item.owned ? 0n : sum(t.oneTime.tax)) + sum(t.term.tax), currency),
      total: amountOf((item.owned ? 0n : units(t.oneTime.total)) + units(t.term.total), currency),
      years: ramp.segments.map((s) => ({ months: s.months, ...(s.uplift ? { uplift: s.uplift.percent } : {}), recurring: s.price.totals.term.net })),
    },
  };
}

// Whoever loads this module has ramp pricing for compareTyped too.
provideRampPricing(rampedPrice);
