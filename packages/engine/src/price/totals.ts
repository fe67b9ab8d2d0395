/**
 * Totals: the lines added up per kind of charge, with tax.
 *
 * Takes the priced lines; gives exact totals (fixed-point) for one-time charges, each
 * recurring period, and the recurring lines over their terms (list, gross, net, tax per
 * rate, total), and for the whole document. Tax is worked out in `tax.ts`, per line or
 * on the sums as the request's tax calculation says. A delta compares two of these; the waterfall
 * writes them out.
 */
import type { Line } from './lines.js';
import type { Setup } from './request.js';
import { lineTax, taxPerRate, type TaxSum } from './tax.js';

export type { TaxSum } from './tax.js';

/** Sums of one kind of charge. */
export interface Sums {
  readonly list: bigint;
  readonly gross: bigint;
  readonly net: bigint;
  /** The net amount without tax. */
  readonly excludingTax: bigint;
  readonly tax: readonly TaxSum[];
  /** What the buyer pays: the net amount with tax. */
  readonly total: bigint;
}

/**
 * Totals in exact fixed-point units, for output and for deltas.
 *
 * @internal
 */
export interface Totals {
  readonly currency: string;
  readonly places: number;
  readonly oneTime: Sums;
  readonly month: Sums | undefined;
  readonly year: Sums | undefined;
  readonly term: Sums;
  readonly list: bigint;
  readonly gross: bigint;
  readonly net: bigint;
  readonly tax: bigint;
  readonly grandTotal: bigint;
}

interface Bucket {
  list: bigint;
  gross: bigint;
  net: bigint;
  readonly bases: Map<string, bigint>;
  /** With tax per line: the lines' taxes by category. */
  readonly taxes: Map<string, bigint> | undefined;
  lines: number;
}

function addTo(b: Bucket, list: bigint, gross: bigint, net: bigint, category: string, s: Setup): void {
  b.list += list;
  b.gross += gross;
  b.net += net;
  b.bases.set(category, (b.bases.get(category) ?? 0n) + net);
  if (b.taxes) b.taxes.set(category, (b.taxes.get(category) ?? 0n) + lineTax(net, category, s));
  b.lines++;
}

/** Adds up the lines: per kind of charge, over the terms, and for the whole document. */
export function sumLines(s: Setup, lines: readonly Line[]): Totals {
  const grossAt = s.at.uplift;
  const netAt = s.at.partner;
  const perLine = s.taxCalculation === 'line';
  const buckets: Bucket[] = [0, 1, 2, 3].map(() => ({ list: 0n, gross: 0n, net: 0n, bases: new Map<string, bigint>(), taxes: perLine ? new Map<string, bigint>() : undefined, lines: 0 }));
  for (const l of lines) {
    addTo(buckets[l.spec.group]!, l.values[0]!, l.values[grossAt]!, l.values[netAt]!, l.spec.category, s);
    if (l.term) addTo(buckets[3]!, l.term.values[0]!, l.term.values[1]!, l.term.values[2]!, l.spec.category, s);
  }
  const close = (b: Bucket): Sums => {
    const { tax, total } = taxPerRate(b.bases, b.taxes, s);
    return s.taxIncluded
      ? { list: b.list, gross: b.gross, net: b.net, excludingTax: b.net - total, tax, total: b.net }
      : { list: b.list, gross: b.gross, net: b.net, excludingTax: b.net, tax, total: b.net + total };
  };
  const [oneTime, month, year, term] = buckets.map(close) as [Sums, Sums, Sums, Sums];
  const taxOf = (sums: Sums): bigint => sums.tax.reduce((t, x) => t + x.amount, 0n);
  return {
    currency: s.currency,
    places: s.places,
    oneTime,
    month: buckets[1]!.lines > 0 ? month : undefined,
    year: buckets[2]!.lines > 0 ? year : undefined,
    term,
    list: oneTime.list + term.list,
    gross: oneTime.gross + term.gross,
    net: oneTime.net + term.net,
    tax: taxOf(oneTime) + taxOf(term),
    grandTotal: oneTime.total + term.total,
  };
}
