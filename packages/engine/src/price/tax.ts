/**
 * Tax: the request's tax region and its rates, and the tax of each kind of charge.
 *
 * Takes the net amounts of a kind of charge (one-time, per month, per year, over the
 * term) by tax category; gives the tax per rate, worked out on each category's sum and
 * rounded once (`document`, the default: the way an invoice shows VAT per rate), or on
 * each line, rounded per line and then added up (`line`). In a book whose prices include
 * tax, the tax in them is taken out at p/(100+p), and the base is the amount without it.
 */
import { closest, didYouMean } from '../internal/problems.js';
import { percentOf, ratio, times, type Ratio } from './fixed.js';
import type { AddProblem, Setup } from './request.js';
import type { PricingSection, TaxRate, TaxRegion } from './schema.js';

/** A rate of the request's region, with its position (the order totals list rates in) and its factor. */
export interface RateOf {
  readonly rate: TaxRate;
  readonly index: number;
  readonly factor: Ratio;
}

/** Tax of one rate on a sum of net amounts. */
export interface TaxSum {
  readonly category: string;
  readonly rate: TaxRate;
  /** The amount taxed, without tax. */
  readonly base: bigint;
  readonly amount: bigint;
}

/** The tax region a request names, else its book's; an unknown one is a problem. */
export function regionOf(pricing: PricingSection, id: string | undefined, add: AddProblem): TaxRegion | undefined {
  if (id === undefined) return undefined;
  const regions = pricing.tax?.regions ?? [];
  const region = regions.find((r) => r.id === id);
  if (!region) {
    const ids = regions.map((r) => r.id);
    add(['taxRegion'], 'tax-region-unknown', { taxRegion: id, suggestion: closest(id, ids) }, `unknown tax region "${id}"${didYouMean(id, ids)}`);
  }
  return region;
}

/** What working out tax reads of a request: a price request's `Setup`, or an amendment's. */
export type TaxSetup = Pick<Setup, 'rates' | 'step' | 'mode' | 'taxIncluded'>;

/** The region's rates by category, in the region's order. */
export function ratesOf(region: TaxRegion | undefined, taxIncluded: boolean): Map<string, RateOf> {
  const rates = new Map<string, RateOf>();
  region?.rates.forEach((rate, index) => {
    const p = ratio(rate.percent);
    // Tax on a price that excludes it is p/100 of it; in one that includes it, p/(100+p).
    rates.set(rate.category, { rate, index, factor: taxIncluded ? { num: p.num, den: 100n * p.den + p.num } : percentOf(rate.percent) });
  });
  return rates;
}

/**
 * Tax per rate on net amounts summed by category, each rounded once (`document`); or, with
 * `lineTax` (`line`), the sums of the taxes each line's net was given, rounded per line.
 * With the sum of the taxes.
 */
export function taxPerRate(bases: ReadonlyMap<string, bigint>, lineTax: ReadonlyMap<string, bigint> | undefined, s: TaxSetup): { tax: TaxSum[]; total: bigint } {
  const tax: TaxSum[] = [];
  let total = 0n;
  for (const [category, { rate, factor }] of s.rates) {
    const base = bases.get(category);
    if (base === undefined) continue;
    const amount = lineTax ? lineTax.get(category)! : times(base, factor, s.step, s.mode);
    tax.push({ category, rate, base: s.taxIncluded ? base - amount : base, amount });
    total += amount;
  }
  return { tax, total };
}

/** The tax of one line's net amount at its category's rate, rounded (`line` calculation); 0 without a rate. */
export function lineTax(net: bigint, category: string, s: TaxSetup): bigint {
  const rate = s.rates.get(category);
  return rate === undefined ? 0n : times(net, rate.factor, s.step, s.mode);
}
