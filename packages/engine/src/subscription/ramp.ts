/**
 * Ramp deals: one subscription term in segments (year 1, 2, 3), each priced with its own
 * selections and uplift, and the term's total.
 *
 * Each segment is an ordinary price request: the segment's months are its term and its
 * compounded uplift raises recurring prices before discounts, so every segment has the
 * full waterfall. One-time charges are paid once, at the start: the first segment carries
 * them, later segments price recurring charges only, and a later segment that would add a
 * one-time charge is refused (quote it in the first segment, or as an amendment).
 */
import * as z from 'zod/mini';
import type { Catalog, Configuration, LocalText } from '../catalog/schema.js';
import { formatPath, uniqueProblems, type Problem } from '../internal/problems.js';
import { problemsFromIssues } from '../internal/zod-problems.js';
import type { PriceBreakdown, PriceTotals } from '../price/breakdown.js';
import { checkPriceContext } from '../price/context.js';
import { Pricer } from '../price/pricer.js';
import { PricingError, pricingProblem } from '../price/problems.js';
import type { PriceContext } from '../price/schema.js';
import { sumTotals } from '../price/sum.js';
import { addMonths, dayBefore } from './dates.js';
import { RampSchema, type Ramp } from './schema.js';

/** One segment of a priced ramp. */
export interface RampSegmentPrice {
  /** Its position, from 0. */
  readonly index: number;
  readonly name?: LocalText;
  /** First and last day of the segment, counted from the ramp's start. */
  readonly start: string;
  readonly end: string;
  readonly months: number;
  /** The selections priced for this segment: the configuration's, with every segment's changes up to this one. */
  readonly selections: Configuration['selections'];
  /** The segment's compounded uplift over the first segment, when it has one. */
  readonly uplift?: { readonly percent: string; readonly percents: readonly string[] };
  /** The segment's price: one-time and recurring charges for the first, recurring only for the others. */
  readonly price: PriceBreakdown;
}

/** A ramp deal priced: every segment, and the totals of the whole term. */
export interface RampBreakdown {
  readonly product: string;
  readonly currency: string;
  /** First and last day of the whole term. */
  readonly start: string;
  readonly end: string;
  readonly months: number;
  readonly segments: readonly RampSegmentPrice[];
  /**
   * The segments' totals added up: one-time (the first segment's), term (every segment's),
   * tax, grand total; `recurring` per period is the first segment's (what is paid at the start).
   */
  readonly totals: PriceTotals;
}

/** The ramp read from JSON, its shape checked; throws {@link PricingError} with `ramp.`-paths. */
export function checkRamp(input: unknown): z.output<typeof RampSchema> {
  const parsed = z.safeParse(z.strictObject({ ramp: RampSchema }), { ramp: input });
  if (!parsed.success) throw new PricingError(problemsFromIssues(parsed.error.issues, { ramp: input }, Object.keys(RampSchema.shape)));
  return parsed.data.ramp;
}

/**
 * Prices a ramp deal: each segment of `ramp` with the configuration as it stands in that
 * segment, its months as the term, and its uplift; the context's `date` is the ramp's
 * price day of every segment (a ramp is agreed up front), and its `termStart` (default
 * `date`) the first day of the first segment.
 * Throws {@link PricingError} with every problem, paths under `ramp.` or `context.`.
 *
 * @example
 * ```ts
 * const ramp = priceRamp(catalog, { product: 'business', selections: { seats: 120, billing: 'annual' } }, {
 *   segments: [{ months: 12 }, { months: 12, selections: { seats: 200 } }, { months: 12 }],
 *   upliftPercent: '5',
 * }, { date: '2027-01-01' });
 * ramp.segments[2].uplift?.percent; // "10.25"
 * ramp.totals.grandTotal;           // every segment, one-time charges once
 * ```
 */
export function priceRamp(catalog: Catalog, configuration: Configuration, ramp: Ramp, context: PriceContext): RampBreakdown {
  const checked = checkRamp(ramp);
  const base = checkPriceContext(context);
  const pricer = Pricer.for(catalog);
  const problems: Problem[] = [];
  const months = checked.segments.reduce((n, s) => n + s.months, 0);
  if (base.termMonths !== undefined && base.termMonths !== months) {
    problems.push(pricingProblem('context.termMonths', 'ramp-term', { termMonths: base.termMonths, months }, `the ramp's segments make ${months} months, not ${base.termMonths}: leave termMonths out`));
  }
  if (base.charges === 'recurring') {
    problems.push(pricingProblem('context.charges', 'ramp-charges', {}, 'a ramp prices its one-time charges in the first segment: leave charges out'));
  }
  if (problems.length > 0) throw new PricingError(problems);

  const segments: RampSegmentPrice[] = [];
  let selections = { ...configuration.selections };
  let uplift = base.uplift ?? [];
  const termStart = base.termStart ?? base.date;
  let before = 0;
  let firstOneTime = new Map<string, number>();
  checked.segments.forEach((segment, index) => {
    const at = ['ramp', 'segments', index];
    if (segment.selections) selections = { ...selections, ...segment.selections };
    const percent = segment.upliftPercent ?? checked.upliftPercent;
    if (index > 0 && percent !== undefined && Number(percent) !== 0) uplift = [...uplift, percent];
    const segmentConfiguration: Configuration = { ...configuration, selections };
    const segmentContext: PriceContext = {
      ...(index > 0 ? laterContext(base) : base),
      termMonths: segment.months,
      ...(uplift.length > 0 ? { uplift } : {}),
    };
    const start = addMonths(termStart, before);
    const end = dayBefore(addMonths(termStart, (before += segment.months)));
    try {
      if (index > 0) {
        // One-time charges are the first segment's: a later one may not add any.
        for (const line of pricer.price(segmentConfiguration, { ...segmentContext, charges: 'all' }).lines) {
          if (line.charge !== 'one-time' || line.quantity <= (firstOneTime.get(line.item) ?? 0)) continue;
          problems.push(
            pricingProblem(
              formatPath([...at, 'selections', line.attribute ?? 'product']),
              'ramp-one-time',
              { item: line.item, segment: index + 1 },
              `segment ${index + 1} adds the one-time charge "${line.item}": one-time charges are paid at the start; choose it in the first segment, or quote it as an amendment`,
            ),
          );
        }
      }
      const price = pricer.price(segmentConfiguration, segmentContext);
      if (index === 0) firstOneTime = new Map(price.lines.filter((l) => l.charge === 'one-time').map((l) => [l.item, l.quantity]));
      segments.push({
        index,
        ...(segment.name === undefined ? {} : { name: segment.name }),
        start,
        end,
        months: segment.months,
        selections,
        ...(price.uplift ? { uplift: price.uplift } : {}),
        price,
      });
    } catch (error) {
      if (!(error instanceof PricingError)) throw error;
      for (const p of error.problems) problems.push({ ...p, path: p.path.startsWith('configuration') ? `${formatPath(at)}.${p.path}` : p.path });
    }
  });
  if (problems.length > 0) throw new PricingError(uniqueProblems(problems));
  const first = segments[0]!.price;
  return {
    product: configuration.product,
    currency: first.currency,
    start: termStart,
    end: segments[segments.length - 1]!.end,
    months,
    segments,
    // Per period, what is paid at the start (the first segment's): the segments' would add up months of different years.
    totals: { ...sumTotals(segments.map((s) => s.price.totals), first.currency, first.rounding.mode), recurring: first.totals.recurring },
  };
}

/** A later segment's context: recurring charges only, without an order discount that is for one-time charges (paid in the first). */
function laterContext(base: PriceContext): PriceContext {
  const { orderDiscount, ...rest } = base;
  const oneTimeOnly = orderDiscount !== undefined && (orderDiscount.appliesTo === 'one-time' || (orderDiscount.appliesTo === undefined && orderDiscount.amount !== undefined));
  return { ...rest, ...(orderDiscount && !oneTimeOnly ? { orderDiscount } : {}), charges: 'recurring' };
}

