/**
 * The price request, worked out once per distinct context: what every stage reads.
 *
 * Takes a price context (date, book or segment, currency, partner, customer, quantity,
 * term, tax region, manual discounts, uplift) and the catalog's books; gives a {@link Setup}:
 * the chosen price book and its `basedOn` chain, the currency and its minor unit, the
 * rounding, the partner, the customer's contracts, the tax rates, the maximum discount and
 * the parsed discounts. Every problem of the context is reported at once, by path.
 */
import type { Catalog } from '../catalog/schema.js';
import { isRealDate } from '../internal/dates.js';
import { closest, didYouMean, formatPath, type Problem } from '../internal/problems.js';
import { maxDiscountOf, type MaxDiscount } from './approval.js';
import { chainOf, type Book, type Books } from './book.js';
import type { PriceStep } from './breakdown.js';
import { isCurrency, knownCurrencies, minorUnits } from './currency.js';
import { contractsFor, lineDiscountsOf, orderDiscountOf, partnerOf, type LineDiscount, type OrderDiscount, type PartnerDiscount } from './discounts.js';
import { stepOf } from './fixed.js';
import { columnsFor, type Columns } from './lines.js';
import type { RoundingMode } from './money.js';
import { pricingProblem, PricingError, type PricingProblemCode } from './problems.js';
import { roundingStep } from './rounding.js';
import type { Contract, PriceContext, PricingSection, RoundingLevel, TaxCalculation, TaxRegion } from './schema.js';
import { ratesOf, regionOf, type RateOf } from './tax.js';
import { upliftOf, type Uplift } from './uplift.js';

export type Path = PropertyKey[];
/** Records a problem of the request's context (`context.` + path), with its code and params. */
export type AddProblem = (path: Path, code: PricingProblemCode, params: Readonly<Record<string, string | number | undefined>>, message: string) => void;

/** Everything a request's context decides, worked out once per distinct context. */
export interface Setup {
  readonly key: string;
  readonly context: PriceContext;
  readonly date: string;
  readonly book: Book;
  /** The context book's `basedOn` chain in its own currency, list book first. */
  readonly chain: readonly Book[];
  /** Where each stage keeps its amount in a line. */
  readonly at: Columns;
  readonly currency: string;
  readonly places: number;
  /** One minor unit in fixed-point units. */
  readonly step: bigint;
  readonly mode: RoundingMode;
  readonly level: RoundingLevel;
  /** The step that shows a line's share of document-level rounding. */
  readonly roundingStep: Omit<PriceStep, 'amount' | 'after'>;
  readonly quantity: number;
  readonly segment: string | undefined;
  readonly partner: PartnerDiscount | undefined;
  readonly contracts: readonly { readonly contract: Contract; readonly index: number }[];
  readonly region: TaxRegion | undefined;
  /** Tax rates of the region by category, in the region's order. */
  readonly rates: ReadonlyMap<string, RateOf>;
  readonly taxIncluded: boolean;
  /** Tax on each line, or on the sum per rate. */
  readonly taxCalculation: TaxCalculation;
  /** How far manual discounts may go without approval (`maxDiscountPercent`, or the deprecated `floorPercent`). */
  readonly maxDiscount: MaxDiscount | undefined;
  readonly lineDiscounts: ReadonlyMap<string, LineDiscount>;
  readonly orderDiscount: OrderDiscount | undefined;
  /** The uplift on recurring charges (ramp segments, renewals), compounded. */
  readonly uplift: Uplift | undefined;
  /** Whether one-time charges are priced (`all`) or left out (`recurring`: a later ramp segment, a renewal). */
  readonly charges: 'all' | 'recurring';
}

/** Works out a request's context; throws a {@link PricingError} with every problem of it. */
export function makeSetup(catalog: Catalog, pricing: PricingSection, books: Books, context: PriceContext, key: string): Setup {
  const problems: Problem[] = [];
  const add: AddProblem = (path, code, params, message) => void problems.push(pricingProblem(formatPath(['context', ...path]), code, params, message));

  if (!isRealDate(context.date)) add(['date'], 'date-invalid', { date: context.date }, `"${context.date}" is not a day of the calendar`);
  if (context.termStart !== undefined && !isRealDate(context.termStart)) add(['termStart'], 'date-invalid', { date: context.termStart }, `"${context.termStart}" is not a day of the calendar`);
  if (context.currency !== undefined && !isCurrency(context.currency)) {
    const suggestion = closest(context.currency, knownCurrencies());
    add(['currency'], 'currency-unknown', { currency: context.currency, suggestion }, `"${context.currency}" is not an ISO 4217 currency code${didYouMean(context.currency, knownCurrencies())}`);
  }
  if (context.book !== undefined && context.segment !== undefined) add(['segment'], 'book-and-segment', { book: context.book, segment: context.segment }, 'give a price book or a segment, not both');

  const partner = partnerOf(pricing, context, add);
  const segment = context.segment ?? (context.partner !== undefined ? `partner:${context.partner}` : undefined);
  const book = problems.length > 0 ? undefined : books.choose(context, segment, catalog.defaultCurrency, add);
  const region = regionOf(pricing, context.taxRegion ?? book?.book.taxRegion, add);

  const currency = book?.currency ?? context.currency ?? catalog.defaultCurrency;
  const places = isCurrency(currency) ? minorUnits(currency) : 2;
  const discountBook = book === undefined ? undefined : { id: book.book.id, currency: book.currency };
  const lineDiscounts = lineDiscountsOf(context, currency, places, discountBook, add);
  const orderDiscount = orderDiscountOf(context, currency, places, discountBook, add);
  if (problems.length > 0 || !book) throw new PricingError(problems);

  const chain = chainOf(book);
  const rounding = { ...pricing.rounding, ...book.book.rounding };
  const taxIncluded = book.book.taxIncluded === true;
  return {
    key,
    context,
    date: context.date,
    book,
    chain,
    at: columnsFor(chain.length),
    currency,
    places,
    step: stepOf(places),
    mode: rounding.mode ?? 'half-even',
    level: rounding.level ?? 'line',
    roundingStep: roundingStep(book.book, book.index),
    quantity: context.quantity ?? 1,
    segment,
    partner,
    contracts: contractsFor(pricing, catalog, context, currency),
    region,
    rates: ratesOf(region, taxIncluded),
    taxIncluded,
    taxCalculation: context.taxCalculation ?? book.book.taxCalculation ?? pricing.taxCalculation ?? 'document',
    maxDiscount: maxDiscountOf(book.book, book.index, pricing),
    lineDiscounts,
    orderDiscount,
    uplift: upliftOf(context.uplift),
    charges: context.charges ?? 'all',
  };
}
