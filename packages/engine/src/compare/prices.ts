/**
 * Prices of compared items, from the pricing engine: one-time, per period, and the
 * total cost of ownership over one term for all (the pricer prorates a partial last
 * period as each charge says).
 */
import type { Catalog } from '../catalog/schema.js';
import type { Problem } from '../internal/problems.js';
import type { MoneyJSON } from '../price/money.js';
import { pipelineFor, type Totals } from '../price/pipeline.js';
import { PricingError } from '../price/problems.js';
import type { PriceContext } from '../price/schema.js';
import { amountOf, units } from './exact.js';
import type { RampedPricer } from './ramped.js';
import { under, type ResolvedItem } from './items.js';
import type { ItemPrice, PriceComparison, PriceRow } from './types.js';

/**
 * An item's prices over `termMonths`, from the pricer's totals (the same amounts as
 * `price()`'s, without building the waterfall's texts).
 */
function itemPrice(totals: Totals, owned: boolean, termMonths: number): ItemPrice {
  const { currency } = totals;
  const amount = (value: bigint): MoneyJSON => amountOf(value, currency);
  const taxOf = (sums: Totals['term']): bigint => sums.tax.reduce((t, x) => t + x.amount, 0n);
  const oneTime = owned ? 0n : totals.oneTime.net;
  const recurring = totals.term.net;
  return {
    currency,
    oneTime: amount(totals.oneTime.net),
    month: amount(totals.month?.net ?? 0n),
    year: amount(totals.year?.net ?? 0n),
    hasMonth: totals.month !== undefined,
    hasYear: totals.year !== undefined,
    tco: {
      months: termMonths,
      oneTime: amount(oneTime),
      recurring: amount(recurring),
      net: amount(oneTime + recurring),
      tax: amount((owned ? 0n : taxOf(totals.oneTime)) + taxOf(totals.term)),
      total: amount((owned ? 0n : totals.oneTime.total) + totals.term.total),
    },
  };
}

/** The fields that are set: an item's context overrides only what it gives. */
function defined(value: object | undefined): object {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined));
}

/**
 * Prices every item with the comparison's context and term; problems get the item's path.
 * With `upliftPercent`, over a ramp of yearly segments by `ramped` (`ramped.ts`, which
 * `compare()` has and `compareTyped` loads on first use).
 */
export function priceItems(catalog: Catalog, items: readonly ResolvedItem[], context: PriceContext, termMonths: number, problems: Problem[], upliftPercent?: string, ramped?: RampedPricer): ItemPrice[] {
  const prices: ItemPrice[] = [];
  const pricer = pipelineFor(catalog);
  for (const item of items) {
    try {
      const merged: PriceContext = { ...context, ...defined(item.context), termMonths } as PriceContext;
      prices.push(upliftPercent === undefined ? itemPrice(pricer.totals(item.configuration, merged), item.owned, termMonths) : ramped!(catalog, item, merged, termMonths, upliftPercent));
    } catch (error) {
      if (!(error instanceof PricingError)) throw error;
      for (const p of error.problems) problems.push({ path: under(`items[${item.index}]`, p.path), message: p.message });
    }
  }
  const currency = prices[0]?.currency;
  prices.forEach((p, i) => {
    if (p.currency !== currency) {
      problems.push({ path: `items[${items[i]!.index}].context.currency`, message: `is priced in ${p.currency}, the other items in ${currency}: compare items in one currency` });
    }
  });
  return prices;
}

/** The cheapest items of a row, or none when all cost the same. */
function cheapest(values: readonly bigint[]): number[] {
  let best: number[] = [];
  let low: bigint | undefined;
  values.forEach((value, i) => {
    if (low === undefined || value < low) (low = value), (best = [i]);
    else if (value === low) best.push(i);
  });
  return best.length === values.length ? [] : best;
}

function row(id: PriceRow['id'], values: readonly MoneyJSON[]): PriceRow {
  const amounts = values.map(units);
  const differs = amounts.some((a) => a !== amounts[0]);
  return { id, values, differs, best: differs ? cheapest(amounts) : [] };
}

/** The price rows: one-time, per month and per year when any item has such charges, recurring over the term (and each year of it, with an uplift), and the TCO. */
export function priceRows(prices: readonly ItemPrice[], termMonths: number): PriceComparison {
  const rows: PriceRow[] = [row('one-time', prices.map((p) => p.tco.oneTime))];
  if (prices.some((p) => p.hasMonth)) rows.push(row('month', prices.map((p) => p.month)));
  if (prices.some((p) => p.hasYear)) rows.push(row('year', prices.map((p) => p.year)));
  rows.push(row('recurring', prices.map((p) => p.tco.recurring)));
  // With an uplift, what each year of the term costs (every item has the same years).
  (prices[0]?.tco.years ?? []).forEach((year, k) => {
    const termYear = { year: k + 1, months: year.months, ...(year.uplift === undefined ? {} : { uplift: year.uplift }) };
    rows.push({ ...row('term-year', prices.map((p) => p.tco.years![k]!.recurring)), termYear });
  });
  rows.push(row('tco', prices.map((p) => p.tco.net)));
  return { currency: prices[0]?.currency ?? '', termMonths, rows };
}
