/**
 * Renewals: the next term of a subscription, from its current state, with the renewal
 * uplift the price book declares.
 *
 * A renewal keeps the prices agreed (the accepted quote's price day, book, customer and
 * discounts) and raises its recurring charges by the book's `renewalUpliftPercent`,
 * compounded on any uplift the subscription already carries; one-time charges are not
 * renewed; a ramp renews from its last segment. The result is a quote request: {@link createQuote} makes the renewal quote,
 * whose waterfalls show the uplift as a step of its own.
 */
import type { Catalog } from '../catalog/schema.js';
import { inputsOf, QuoteError, type CreateQuoteOptions } from '../quote/create.js';
import type { Quote, QuoteItemInput } from '../quote/schema.js';
import { addMonths } from './dates.js';

/** What {@link renewal} takes besides the accepted quote. */
export interface RenewalOptions {
  /** The items as they stand now (after amendments: `Amendment.items`); default the quote's. */
  readonly items?: readonly QuoteItemInput[];
  /** The last day the renewal quote may be accepted. */
  readonly validUntil: string | Date;
  readonly number?: string;
  readonly now?: Date | string;
}

/** A quote item as it stands at the end of its term: a ramp's last segment, without the ramp. */
function lastState(item: Quote['items'][number]): QuoteItemInput {
  const { ramp: _, ...inputs } = inputsOf(item);
  const last = item.segments?.at(-1);
  return last ? { ...inputs, configuration: { ...inputs.configuration, selections: last.selections } } : inputs;
}

/** The renewal uplift the quote's price book declares, else the pricing section's; undefined when none. */
export function renewalUplift(catalog: Catalog, bookId: string): string | undefined {
  const pricing = catalog.pricing;
  return pricing?.books.find((b) => b.id === bookId)?.renewalUpliftPercent ?? pricing?.renewalUpliftPercent;
}

/** The first day of the term after the accepted quote's: its term start plus its term (the longest of its recurring lines). */
export function nextTermStart(quote: Quote): string {
  const start = quote.context.termStart ?? quote.context.date;
  const months = Math.max(
    1,
    ...quote.items.map((item) => (item.segments ? item.segments.reduce((n, s) => n + s.months, 0) : Math.max(0, ...item.price.lines.map((l) => l.term?.months ?? 0)))),
  );
  return addMonths(start, months);
}

/**
 * The request for the renewal quote of an accepted quote: its items (or the current
 * ones), its context with the next term's start, recurring charges only and the renewal
 * uplift. Pass it to {@link createQuote}.
 *
 * @example
 * ```ts
 * const next = await createQuote(renewal(catalog, accepted, { validUntil: '2027-12-15' }));
 * next.items[0].price.uplift; // { percent: "5", percents: ["5"] } when the book declares 5 %
 * ```
 */
export function renewal(catalog: Catalog, quote: Quote, options: RenewalOptions): CreateQuoteOptions {
  const uplift = renewalUplift(catalog, quote.book.id);
  // A ramp renews from its last segment: its selections, and the uplift it has reached.
  const reached = new Set(quote.items.filter((item) => item.segments).map((item) => JSON.stringify(item.segments!.at(-1)!.uplift?.percents ?? quote.context.uplift ?? [])));
  if (reached.size > 1) throw new QuoteError([{ path: 'items', message: 'the ramps of this quote end with different uplifts: renew them in separate quotes' }], 'The renewal');
  const carried: readonly string[] = reached.size === 1 ? JSON.parse([...reached][0]!) : (quote.context.uplift ?? []);
  const items = options.items ?? quote.items.map(lastState);
  return {
    catalog,
    items,
    context: {
      ...quote.context,
      termStart: nextTermStart(quote),
      charges: 'recurring',
      ...(uplift === undefined && carried.length === 0 ? {} : { uplift: uplift === undefined ? [...carried] : [...carried, uplift] }),
    },
    validUntil: options.validUntil,
    ...(options.number === undefined ? {} : { number: options.number }),
    ...(options.now === undefined ? {} : { now: options.now }),
  };
}
