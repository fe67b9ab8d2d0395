/**
 * Amendments: a change to a running subscription at a day inside its term, priced to the
 * end of that term (co-termination) with the declared proration.
 *
 * Both the subscription as it was accepted and as it is from the change on are priced
 * with the accepted quote's context (its day, book, discounts: the prices agreed), line by
 * line. A recurring line's change over its whole term, (after − before), is prorated by
 * the part of the term left: by day (days left ÷ days of the term) or by month (months
 * left, the started month counted whole, ÷ months of the term), rounded once to the
 * currency's minor unit in the book's rounding mode. Removals are credits (negative).
 * One-time lines are charged or credited in full: a buyer adding a camera pays for it,
 * one who drops a camera not yet delivered gets it back. Tax follows the book's rates,
 * per line or per rate as the quote was taxed.
 */
import * as z from 'zod/mini';
import type { Catalog } from '../catalog/schema.js';
import { formatPath, uniqueProblems, type Problem } from '../internal/problems.js';
import { isRealDate } from '../internal/dates.js';
import { problemsFromIssues } from '../internal/zod-problems.js';
import type { PriceBreakdown, PriceLine, TaxAmount } from '../price/breakdown.js';
import { fixed, format, mulDiv, stepOf } from '../price/fixed.js';
import type { MoneyJSON, RoundingMode } from '../price/money.js';
import { PricingError, pricingProblem } from '../price/problems.js';
import { placesOf } from '../price/sum.js';
import { lineTax, ratesOf, taxPerRate, type TaxSetup } from '../price/tax.js';
import { configurationProblems, inputsOf, priceInputs, QuoteError, type QuoteItemInputs } from '../quote/create.js';
import { QuoteItemInputSchema, QuoteSchema, type Quote, type QuoteContext } from '../quote/schema.js';
import { addMonths, daysBetween, monthsElapsed } from './dates.js';
import { ProrationSchema, type Proration } from './schema.js';

/** A change to a running subscription (see {@link priceAmendment}). */
export const AmendmentRequestSchema = z.strictObject({
  /** The day the change takes effect: inside the term, on or after its start. */
  date: z.string(),
  /** Every item as it is from `date` on: an item keeps its id; an item left out is removed; a new id is added. */
  items: z.array(QuoteItemInputSchema),
  /** The term's first day; default the accepted quote's `context.termStart`, else its price day (`context.date`). */
  start: z.optional(z.string()),
  /** Default the price book's `proration`, else the pricing section's, else `day`. */
  proration: z.optional(ProrationSchema),
});

export type AmendmentRequest = z.input<typeof AmendmentRequestSchema>;

/** How a line changes, and what the change costs to the end of its term. */
export interface AmendmentLine {
  /** The quote item the line belongs to. */
  readonly itemId: string;
  /** The priced item, e.g. "business/seats". */
  readonly item: string;
  readonly name: PriceLine['name'];
  readonly charge: 'one-time' | 'recurring';
  readonly period?: 'month' | 'year';
  readonly change: 'added' | 'removed' | 'changed';
  /** Quantity and net (per period for a recurring line) before and after; absent for an added or removed line. */
  readonly before?: { readonly quantity: number; readonly net: MoneyJSON };
  readonly after?: { readonly quantity: number; readonly net: MoneyJSON };
  /** A recurring line's term and the part of it the change is charged for. */
  readonly term?: {
    readonly months: number;
    readonly end: string;
    /** Days (by day) or months (by month) left of the term, out of how many. */
    readonly remaining: number;
    readonly of: number;
    /** The change over the whole term, before proration. */
    readonly fullTerm: MoneyJSON;
  };
  /** What the change costs: positive a charge, negative a credit. */
  readonly amount: MoneyJSON;
  readonly taxCategory: string;
}

/** An amendment priced: what each line's change costs to the end of its term, and the totals. */
export interface Amendment {
  /** The accepted quote it changes. */
  readonly quote: { readonly number: string; readonly version: number };
  readonly date: string;
  readonly start: string;
  readonly proration: Proration;
  readonly currency: string;
  readonly taxIncluded: boolean;
  readonly lines: readonly AmendmentLine[];
  readonly totals: {
    /** The amount charged (positive) or credited (negative) for the change, as the book states prices. */
    readonly net: MoneyJSON;
    readonly excludingTax: MoneyJSON;
    readonly tax: readonly TaxAmount[];
    readonly includingTax: MoneyJSON;
  };
  /** The recurring totals per period before and after the change (net, as the book states prices). */
  readonly recurring: {
    readonly before: { readonly month?: MoneyJSON; readonly year?: MoneyJSON };
    readonly after: { readonly month?: MoneyJSON; readonly year?: MoneyJSON };
  };
  /** The items from the change on, with their prices: what the next amendment or a renewal starts from. */
  readonly items: readonly (QuoteItemInputs & { readonly price: PriceBreakdown })[];
}

/**
 * Prices a change to a running subscription: `quote` is the accepted quote, `request`
 * says from when (`date`) and what the items are from then on. Throws {@link QuoteError}
 * for a request that is not well formed, and {@link PricingError} for a date outside the
 * term or items that cannot be priced, each problem with its path.
 *
 * @example
 * ```ts
 * const change = priceAmendment(catalog, accepted, {
 *   date: '2027-07-01',
 *   items: [{ ...accepted.items[0], quantity: 1, configuration: { ...configuration, selections: { ...selections, seats: 60 } } }],
 * });
 * change.totals.includingTax; // what 20 more seats cost to the end of the term
 * ```
 */
export function priceAmendment(catalog: Catalog, quote: Quote, request: AmendmentRequest): Amendment {
  const parsedQuote = z.safeParse(QuoteSchema, quote);
  if (!parsedQuote.success) throw new QuoteError(problemsFromIssues(parsedQuote.error.issues, quote, []), 'The accepted quote');
  const parsed = z.safeParse(AmendmentRequestSchema, request);
  if (!parsed.success) throw new QuoteError(problemsFromIssues(parsed.error.issues, request, Object.keys(AmendmentRequestSchema.shape)), 'The amendment');
  const { date, items: inputs } = parsed.data;
  const start = parsed.data.start ?? quote.context.termStart ?? quote.context.date;
  const problems: Problem[] = [];
  if (!isRealDate(date)) problems.push({ path: 'date', message: `"${date}" is not a day of the calendar` });
  if (!isRealDate(start)) problems.push({ path: 'start', message: `"${start}" is not a day of the calendar` });
  const seen = new Set<string>();
  const after: QuoteItemInputs[] = inputs.map((item, i) => {
    const id = item.id ?? String(i + 1);
    if (seen.has(id)) problems.push({ path: formatPath(['items', i, 'id']), message: `the item id "${id}" is used twice` });
    seen.add(id);
    problems.push(...configurationProblems(catalog, item.configuration, ['items', i, 'configuration']));
    if (item.ramp) problems.push({ path: formatPath(['items', i, 'ramp']), message: 'an amendment changes a subscription from one day on: give the items as they are then, without a ramp' });
    return { id, configuration: item.configuration, quantity: item.quantity ?? 1, ...(item.lineDiscounts ? { lineDiscounts: item.lineDiscounts } : {}) };
  });
  quote.items.forEach((item, i) => {
    // Which segment would a change be prorated in, and at which uplift? Not decided yet: said, not guessed.
    if (item.ramp) problems.push({ path: formatPath(['quote', 'items', i, 'ramp']), message: 'a ramp deal cannot be amended yet: quote the change as a new ramp from the change day' });
  });
  if (problems.length > 0) throw new QuoteError(problems, 'The amendment');
  return { quote: { number: quote.number, version: quote.version }, ...amendmentOf(catalog, quote.context, quote.items.map(inputsOf), after, { date, start, proration: parsed.data.proration }) };
}

/**
 * The amendment from `before` to `after` (both checked), priced with the accepted
 * context. What {@link priceAmendment} and a quote revision with `amend` work out, and
 * what verification works out again.
 *
 * @internal
 */
export function amendmentOf(
  catalog: Catalog,
  context: QuoteContext,
  before: readonly QuoteItemInputs[],
  after: readonly QuoteItemInputs[],
  { date, start, proration: declared }: { date: string; start: string; proration?: Proration | undefined },
): Omit<Amendment, 'quote'> {
  // The prices agreed: both states priced with the accepted quote's context.
  // The schema's inferred types and the engine's readonly ones describe the same JSON.
  const priced = (items: readonly QuoteItemInputs[]) => priceInputs(catalog, context, items).items as unknown as (QuoteItemInputs & { readonly price: PriceBreakdown })[];
  const was = new Map(priced(before).map((item) => [item.id, item]));
  const will = after.length === 0 ? [] : priced(after);
  const sample = will[0]?.price ?? [...was.values()][0]!.price;
  const { currency, taxIncluded } = sample;
  const mode = sample.rounding.mode;
  const places = placesOf(sample.totals.grandTotal);
  const money = (x: bigint): MoneyJSON => ({ amount: format(x, places), currency });
  const proration = declared ?? prorationOf(catalog, sample.book.id);

  const lines: AmendmentLine[] = [];
  const lineProblems: Problem[] = [];
  const ids = [...new Set([...was.keys(), ...will.map((i) => i.id)])];
  for (const id of ids) {
    const old = linesOf(was.get(id)?.price);
    const now = linesOf(will.find((i) => i.id === id)?.price);
    for (const item of new Set([...old.keys(), ...now.keys()])) {
      const b = old.get(item);
      const a = now.get(item);
      const line = (a ?? b)!;
      if (b && a && b.net.amount === a.net.amount && b.quantity === a.quantity && b.term?.months === a.term?.months) continue;
      const change = !b ? 'added' : !a ? 'removed' : 'changed';
      const base = {
        itemId: id,
        item,
        name: line.name,
        charge: line.charge,
        ...(line.period ? { period: line.period } : {}),
        change,
        ...(b ? { before: { quantity: b.quantity, net: b.net } } : {}),
        ...(a ? { after: { quantity: a.quantity, net: a.net } } : {}),
        taxCategory: line.taxCategory,
      } as const;
      if (line.charge === 'one-time') {
        lines.push({ ...base, amount: money(fixed(a?.net.amount ?? '0') - fixed(b?.net.amount ?? '0')) });
        continue;
      }
      const months = (b ?? a)!.term?.months ?? 1;
      const end = addMonths(start, months);
      if (date < start || date >= end) {
        lineProblems.push(pricingProblem('date', 'amendment-date', { date, start, end }, `${date} is not inside the term (${start} to the day before ${end})`));
        continue;
      }
      const full = fixed(a?.term?.net.amount ?? '0') - fixed(b?.term?.net.amount ?? '0');
      const [remaining, of] = proration === 'day' ? [daysBetween(date, end), daysBetween(start, end)] : [months - monthsElapsed(start, date), months];
      const amount = mulDiv(full, BigInt(remaining), BigInt(of), stepOf(places), mode);
      lines.push({ ...base, term: { months, end, remaining, of, fullTerm: money(full) }, amount: money(amount) });
    }
  }
  if (lineProblems.length > 0) throw new PricingError(uniqueProblems(lineProblems));

  const net = lines.reduce((n, l) => n + fixed(l.amount.amount), 0n);
  const tax = taxOf(lines, sample, catalog, places, mode, money);
  const taxTotal = tax.reduce((n, t) => n + fixed(t.amount.amount), 0n);
  const perPeriod = (prices: readonly PriceBreakdown[]) => {
    const sum = (period: 'month' | 'year') => {
      const present = prices.filter((p) => p.totals.recurring[period]);
      return present.length === 0 ? undefined : money(present.reduce((n, p) => n + fixed(p.totals.recurring[period]!.net.amount), 0n));
    };
    const month = sum('month');
    const year = sum('year');
    return { ...(month ? { month } : {}), ...(year ? { year } : {}) };
  };
  return {
    date,
    start,
    proration,
    currency,
    taxIncluded,
    lines,
    totals: {
      net: money(net),
      excludingTax: money(taxIncluded ? net - taxTotal : net),
      tax,
      includingTax: money(taxIncluded ? net : net + taxTotal),
    },
    recurring: { before: perPeriod([...was.values()].map((i) => i.price)), after: perPeriod(will.map((i) => i.price)) },
    items: will,
  };
}

/** The proration the book declares, else the pricing section's, else by day. */
function prorationOf(catalog: Catalog, bookId: string): Proration {
  const pricing = catalog.pricing!;
  return pricing.books.find((b) => b.id === bookId)?.proration ?? pricing.proration ?? 'day';
}

function linesOf(breakdown: PriceBreakdown | undefined): Map<string, PriceLine> {
  return new Map((breakdown?.lines ?? []).map((l) => [l.item, l]));
}

/**
 * Tax on the amendment's amounts with the pricer's own tax (`price/tax.ts`): the rates of
 * the region the quote was taxed in, per line or on the sum per rate as the quote's
 * `taxCalculation` says, out of the amount when the book's prices include tax.
 */
function taxOf(lines: readonly AmendmentLine[], sample: PriceBreakdown, catalog: Catalog, places: number, mode: RoundingMode, money: (x: bigint) => MoneyJSON): TaxAmount[] {
  const region = catalog.pricing?.tax?.regions.find((r) => r.id === sample.taxRegion);
  if (!region) return [];
  const s: TaxSetup = { rates: ratesOf(region, sample.taxIncluded), step: stepOf(places), mode, taxIncluded: sample.taxIncluded };
  const bases = new Map<string, bigint>();
  const perLine = sample.taxCalculation === 'line' ? new Map<string, bigint>() : undefined;
  for (const line of lines) {
    if (!s.rates.has(line.taxCategory)) continue;
    const amount = fixed(line.amount.amount);
    bases.set(line.taxCategory, (bases.get(line.taxCategory) ?? 0n) + amount);
    perLine?.set(line.taxCategory, (perLine.get(line.taxCategory) ?? 0n) + lineTax(amount, line.taxCategory, s));
  }
  return taxPerRate(bases, perLine, s).tax.map((t) => {
    const out: TaxAmount = { region: region.id, category: t.category, percent: t.rate.percent, base: money(t.base), amount: money(t.amount) };
    return t.rate.name === undefined ? out : { ...out, name: t.rate.name };
  });
}

