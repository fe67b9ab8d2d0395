import type { MoneyJSON, PriceLine, PriceTotals } from '@cpq-kit/engine';
import type { TranslationArgs } from './localize.js';

/** The texts of what a total covers (translations/en/shared.ts), the same in every element. */
type TotalsKey = 'dueNow' | 'perMonth' | 'perYear' | 'recurringOver' | 'recurringOverTerms' | 'total' | 'totalOver' | 'totalOverTerms' | 'months';

/** What the helpers need of an element's LocalizeController. */
export interface TotalsWords {
  term<K extends TotalsKey>(key: K, ...args: TranslationArgs<K>): string;
  number(value: number): string;
}

/** A total by when it is due: the one-time charges, the recurring ones per period, and over their term. */
export interface ChargeTotal {
  readonly charge: 'one-time' | 'month' | 'year' | 'term';
  readonly label: string;
  /** Net, as the price lines and the options' price differences are; tax comes apart. */
  readonly amount: MoneyJSON;
}

/** The term in months that every recurring line shares; undefined when there are none, or several terms. */
export function sharedTerm(lines: readonly PriceLine[]): number | undefined {
  const terms = new Set(lines.flatMap((line) => (line.term ? [line.term.months] : [])));
  return terms.size === 1 ? [...terms][0] : undefined;
}

/**
 * The totals by when they are due, as every element says them: "Due now" (one-time),
 * "Per month" / "Per year", and "Recurring over 36 months", each net (the tax is a row
 * of its own, then the grand total: {@link grandTotalLabel}). With recurring lines of
 * different terms, "Recurring over their terms"; not when the term is one period, which
 * the row per month or year says already. `lines`: every price line shown.
 */
export function chargeTotals(t: TotalsWords, totals: PriceTotals, lines: readonly PriceLine[]): ChargeTotal[] {
  const rows: ChargeTotal[] = [];
  const recurring = lines.some((line) => line.charge === 'recurring');
  if (lines.some((line) => line.charge === 'one-time')) rows.push({ charge: 'one-time', label: t.term('dueNow'), amount: totals.oneTime.net });
  if (totals.recurring.month) rows.push({ charge: 'month', label: t.term('perMonth'), amount: totals.recurring.month.net });
  if (totals.recurring.year) rows.push({ charge: 'year', label: t.term('perYear'), amount: totals.recurring.year.net });
  // Over the term, unless that is one period of the only kind (a monthly plan billed month by month): the row above says it.
  const periods = rows.filter((row) => row.charge === 'month' || row.charge === 'year');
  const once = periods.length === 1 && periods[0]!.amount.amount === totals.term.net.amount;
  if (recurring && !once) rows.push({ charge: 'term', label: recurringLabel(t, sharedTerm(lines)), amount: totals.term.net });
  return rows;
}

/** "Recurring over 36 months", or over their terms when those differ (`months` undefined). */
export function recurringLabel(t: TotalsWords, months: number | undefined): string {
  return months === undefined ? t.term('recurringOverTerms') : t.term('recurringOver', monthsText(t, months));
}

/**
 * The grand total's label, saying what it covers: "Total" for one-time charges only,
 * "Total over 36 months" when recurring charges are in it (over their term), "Total over
 * their terms" when their terms differ.
 */
export function grandTotalLabel(t: TotalsWords, lines: readonly PriceLine[]): string {
  if (!lines.some((line) => line.charge === 'recurring')) return t.term('total');
  const months = sharedTerm(lines);
  return months === undefined ? t.term('totalOverTerms') : t.term('totalOver', monthsText(t, months));
}

/** "36 months" in the reader's language and number format. */
export function monthsText(t: TotalsWords, count: number): string {
  return t.term('months', count, t.number(count));
}
