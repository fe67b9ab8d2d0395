/**
 * Adding up price totals: several breakdowns' totals in one currency (a quote's items, a
 * ramp's segments), exactly.
 */
import type { ChargeTotals, PriceTotals, TaxAmount } from './breakdown.js';
import { divide, fixed, format, stepOf } from './fixed.js';
import type { MoneyJSON, RoundingMode } from './money.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The decimals a currency's amounts are written with, read from an amount the engine wrote. */
export function placesOf(money: MoneyJSON): number {
  const dot = money.amount.indexOf('.');
  return dot < 0 ? 0 : money.amount.length - dot - 1;
}

/**
 * Adds up the totals of several price breakdowns in one currency, exactly: every amount,
 * tax per rate (region, category and percent), and savings against list.
 *
 * @internal
 */
export function sumTotals(all: readonly PriceTotals[], currency: string, mode: RoundingMode): PriceTotals {
  const places = placesOf(all[0]!.grandTotal);
  const money = (value: bigint): MoneyJSON => ({ amount: format(value, places), currency });
  const sum = (pick: (t: PriceTotals) => MoneyJSON | undefined): bigint => all.reduce((n, t) => n + fixed(pick(t)?.amount ?? '0'), 0n);
  const taxes = (lists: readonly (readonly TaxAmount[])[]): TaxAmount[] => {
    const byRate = new Map<string, { first: TaxAmount; base: bigint; amount: bigint }>();
    for (const tax of lists.flat()) {
      const key = `${tax.region}\n${tax.category}\n${tax.percent}`;
      const seen = byRate.get(key);
      if (seen) {
        seen.base += fixed(tax.base.amount);
        seen.amount += fixed(tax.amount.amount);
      } else byRate.set(key, { first: tax, base: fixed(tax.base.amount), amount: fixed(tax.amount.amount) });
    }
    return [...byRate.values()].map(({ first, base, amount }) => ({ ...first, base: money(base), amount: money(amount) }));
  };
  const charges = (pick: (t: PriceTotals) => ChargeTotals | undefined): ChargeTotals => ({
    list: money(sum((t) => pick(t)?.list)),
    gross: money(sum((t) => pick(t)?.gross)),
    discount: money(sum((t) => pick(t)?.discount)),
    net: money(sum((t) => pick(t)?.net)),
    excludingTax: money(sum((t) => pick(t)?.excludingTax)),
    tax: taxes(all.map((t) => pick(t)?.tax ?? [])),
    includingTax: money(sum((t) => pick(t)?.includingTax)),
    total: money(sum((t) => pick(t)?.total)),
  });
  const recurring: Mutable<PriceTotals['recurring']> = {};
  if (all.some((t) => t.recurring.month)) recurring.month = charges((t) => t.recurring.month);
  if (all.some((t) => t.recurring.year)) recurring.year = charges((t) => t.recurring.year);
  const list = sum((t) => t.list);
  const net = sum((t) => t.net);
  const savings = list > net ? list - net : 0n;
  // As the pricer does: hundredths of a percent, rounded once in the document's mode.
  const percent = list === 0n ? 0n : divide(savings * 10_000n, list, mode) * stepOf(2);
  return {
    oneTime: charges((t) => t.oneTime),
    recurring,
    term: charges((t) => t.term),
    list: money(list),
    gross: money(sum((t) => t.gross)),
    discount: money(sum((t) => t.discount)),
    net: money(net),
    excludingTax: money(sum((t) => t.excludingTax)),
    tax: taxes(all.map((t) => t.tax)),
    includingTax: money(sum((t) => t.includingTax)),
    grandTotal: money(sum((t) => t.grandTotal)),
    savings: { amount: money(savings), percent: format(percent, 2) },
  };
}

