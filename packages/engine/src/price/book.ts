/**
 * Price books: which book a request gets, and what a book says an item costs.
 *
 * Takes the catalog's books and a request (book, segment or partner, currency, date);
 * gives the chosen {@link Book}, and for each item its {@link BookPrice}: the charge that
 * decides its kind (one-time or recurring, tiers, unit, tax category) and its amounts
 * after every adjustment of the book's `basedOn` chain (a percent, an amount per unit, a
 * dated exchange rate), resolved once per item and cached.
 */
import type { Catalog } from '../catalog/schema.js';
import { localize } from '../catalog/text.js';
import { closest, didYouMean, formatPath } from '../internal/problems.js';
import { divide, fixed, ratio, upFactor, type Ratio } from './fixed.js';
import { makeMeta, type Meta } from './lines.js';
import type { AddProblem } from './request.js';
import type { Charge, PriceBook, PriceContext } from './schema.js';
import { normalizeTiers, type Tier } from './tiers.js';

/** The price of an item as one book gives it, after the adjustments of its `basedOn` chain. */
export interface BookPrice {
  /** The nearest own entry: it decides the kind of charge, tier mode, unit, tax category... */
  readonly charge: Charge;
  /** The path of that entry. */
  readonly entryRule: string;
  /** The path of what set this book's price: its own entry, or its `basedOn`. */
  readonly rule: string;
  /** Whether the book has its own entry for the item. */
  readonly own: boolean;
  readonly amount: bigint | undefined;
  /** A price per started block of `size` units. */
  readonly block: { readonly size: number; readonly amount: bigint } | undefined;
  readonly tiers: readonly Tier[] | undefined;
  /** Whether a tier's amount is above the first's: only then can the tiers charge more than the first tier's rate. */
  readonly tiersRise: boolean;
  readonly floor: bigint | undefined;
  /** An adjustment took a price below zero. */
  readonly negative: boolean;
  /** Set when a currency conversion lies on the way. */
  readonly converted: { readonly from: string; readonly rate: string; readonly date: string } | undefined;
}

/** A price book, linked to its base and with its adjustments parsed. */
export class Book {
  readonly currency: string;
  readonly label: string;
  base: Book | undefined;
  /** The step this book's percent or amount adjustment adds to a line, made once. */
  adjustment: Meta | undefined;
  /** Exchange rate times percent factor, applied in one exact rounding. */
  private readonly scale: Ratio | undefined;
  private readonly rate: Ratio | undefined;
  private readonly shift: bigint | undefined;
  private readonly cache = new Map<string, BookPrice | null>();

  constructor(
    readonly book: PriceBook,
    readonly index: number,
    catalog: Catalog,
  ) {
    this.currency = book.currency ?? catalog.defaultCurrency;
    this.label = book.name === undefined ? book.id : localize(book.name, catalog.defaultLocale);
    const based = book.basedOn;
    this.rate = based?.exchangeRate ? ratio(based.exchangeRate.rate) : undefined;
    const factor = based?.percent !== undefined ? upFactor(based.percent) : undefined;
    if (this.rate || factor) {
      this.scale = { num: (this.rate?.num ?? 1n) * (factor?.num ?? 1n), den: (this.rate?.den ?? 1n) * (factor?.den ?? 1n) };
    }
    this.shift = based?.amount !== undefined ? fixed(based.amount) : undefined;
  }

  /** This book's price of an item, or undefined when neither it nor its base books have one. */
  price(item: string): BookPrice | undefined {
    let found = this.cache.get(item);
    if (found === undefined) {
      found = this.resolve(item) ?? null;
      this.cache.set(item, found);
    }
    return found ?? undefined;
  }

  private resolve(item: string): BookPrice | undefined {
    const prices = this.book.prices;
    const charge = prices !== undefined && Object.hasOwn(prices, item) ? prices[item] : undefined;
    if (charge !== undefined) {
      const rule = formatPath(['pricing', 'books', this.index, 'prices', item]);
      const tiers = charge.tiers === undefined ? undefined : normalizeTiers(charge.tiers, (t) => fixed(t.amount));
      return {
        charge,
        entryRule: rule,
        rule,
        own: true,
        amount: charge.amount === undefined ? undefined : fixed(charge.amount),
        block: charge.block === undefined ? undefined : { size: charge.block.size, amount: fixed(charge.block.amount) },
        tiers,
        tiersRise: tiers !== undefined && tiers.some((t) => t.amount > tiers[0]!.amount),
        floor: charge.floor === undefined ? undefined : fixed(charge.floor),
        negative: false,
        converted: undefined,
      };
    }
    const base = this.base?.price(item);
    if (base === undefined) return undefined;
    let negative = base.negative;
    const adjust = (value: bigint): bigint => {
      let v = this.scale ? divide(value * this.scale.num, this.scale.den, 'half-even') : value;
      if (this.shift !== undefined) v += this.shift;
      if (v < 0n) negative = true;
      return v;
    };
    const rate = this.book.basedOn?.exchangeRate;
    return {
      charge: base.charge,
      entryRule: base.entryRule,
      rule: formatPath(['pricing', 'books', this.index, 'basedOn']),
      own: false,
      amount: base.amount === undefined ? undefined : adjust(base.amount),
      // An amount up or down is per unit of an amount, per block of a block price (as of a block tier's price).
      block: base.block === undefined ? undefined : { size: base.block.size, amount: adjust(base.block.amount) },
      tiers: base.tiers?.map((t) => ({ ...t, amount: adjust(t.amount) })),
      // An adjustment keeps the order of the amounts (a factor above 0, the same amount added to each).
      tiersRise: base.tiersRise,
      // A floor is an absolute minimum: it follows a conversion but not a discount.
      floor: base.floor === undefined || !this.rate ? base.floor : divide(base.floor * this.rate.num, this.rate.den, 'half-even'),
      negative,
      converted: rate ? { from: this.base!.currency, rate: rate.rate, date: rate.date } : base.converted,
    };
  }

  validOn(date: string): boolean {
    return (this.book.validFrom === undefined || this.book.validFrom <= date) && (this.book.validTo === undefined || date <= this.book.validTo);
  }

  validity(): string {
    const { validFrom, validTo } = this.book;
    if (validFrom !== undefined && validTo !== undefined) return `from ${validFrom} to ${validTo}`;
    return validFrom !== undefined ? `from ${validFrom}` : `until ${validTo}`;
  }
}

/** A catalog's price books, linked: in the catalog's order, and by id (the first of an id). */
export class Books {
  readonly list: readonly Book[];
  readonly byId = new Map<string, Book>();

  constructor(catalog: Catalog, books: readonly PriceBook[]) {
    this.list = books.map((book, i) => new Book(book, i, catalog));
    for (const book of this.list) if (!this.byId.has(book.book.id)) this.byId.set(book.book.id, book);
    for (const book of this.list) if (book.book.basedOn) book.base = this.byId.get(book.book.basedOn.book);
  }

  /** The book a request names, or the first one valid on the date for its currency and segment. */
  choose(context: PriceContext, segment: string | undefined, defaultCurrency: string, add: AddProblem): Book | undefined {
    const date = context.date;
    if (context.book !== undefined) {
      const book = this.byId.get(context.book);
      if (!book) {
        add(['book'], 'book-unknown', { book: context.book, suggestion: closest(context.book, this.byId.keys()) }, `unknown price book "${context.book}"${didYouMean(context.book, this.byId.keys())}`);
        return undefined;
      }
      if (context.currency !== undefined && context.currency !== book.currency) {
        add(['currency'], 'book-currency', { book: book.book.id, bookCurrency: book.currency, currency: context.currency }, `price book "${book.book.id}" is in ${book.currency}, not ${context.currency}`);
      }
      if (!book.validOn(date)) {
        const { validFrom, validTo } = book.book;
        add(['date'], 'book-not-valid', { book: book.book.id, date, validFrom, validTo }, `price book "${book.book.id}" is valid ${book.validity()}, not on ${date}`);
      }
      return book;
    }
    const currency = context.currency ?? defaultCurrency;
    if (context.segment !== undefined && !this.list.some((b) => b.book.audience?.includes(context.segment!))) {
      const segments = new Set(this.list.flatMap((b) => b.book.audience ?? []));
      add(['segment'], 'segment-unknown', { segment: context.segment, suggestion: closest(context.segment, segments) }, `no price book is for segment "${context.segment}"${didYouMean(context.segment, segments)}`);
      return undefined;
    }
    const inCurrency = this.list.filter((b) => b.currency === currency);
    if (inCurrency.length === 0) {
      const currencies = [...new Set(this.list.map((b) => b.currency))];
      add(['currency'], 'currency-no-book', { currency, currencies: currencies.join(',') }, `no price book is in ${currency} (the price books are in ${currencies.join(' and ')})`);
      return undefined;
    }
    let candidates = inCurrency;
    let what = `in ${currency}`;
    if (segment !== undefined) {
      const forSegment = inCurrency.filter((b) => b.book.audience?.includes(segment));
      if (forSegment.length > 0) {
        candidates = forSegment;
        what = `for "${segment}" in ${currency}`;
      } else if (context.segment !== undefined) {
        add(['segment'], 'segment-no-book-in-currency', { segment, currency }, `no price book for segment "${segment}" is in ${currency}`);
        return undefined;
      }
      // A partner without a book of its own buys from the general books, with its partner discount.
    }
    const valid = candidates.find((b) => b.validOn(date));
    if (!valid) {
      const books = candidates.map((b) => `"${b.book.id}" is valid ${b.validity()}`).join('; ');
      add(['date'], 'date-no-book', { date, currency, segment }, `no price book ${what} is valid on ${date} (${books})`);
    }
    return valid;
  }
}

/** The book's `basedOn` chain in its own currency, list book first: its first book's prices are the list. */
export function chainOf(book: Book): Book[] {
  const chain: Book[] = [book];
  for (let b = book.base; b && b.currency === book.currency && !chain.includes(b); b = b.base) chain.unshift(b);
  return chain;
}

/** Whether two entries describe the same kind of charge, so that one can be the list price of the other. */
export function sameCharge(a: Charge, b: Charge): boolean {
  return a === b || (a.recurring === b.recurring && a.per === b.per && a.included !== true);
}

/** The step a book of the chain adds: its own price, or its percent or amount adjustment of its base (the same for every line). */
export function bookStep(book: Book, p: BookPrice, unit: string | undefined): Meta {
  const based = book.book.basedOn;
  if (!p.own && (based?.percent !== undefined || based?.amount !== undefined)) {
    return (book.adjustment ??= based.percent !== undefined
      ? makeMeta('book-percent', { book: book.book.id, bookName: book.label, base: book.base!.book.id, baseName: book.base!.label, percent: based.percent }, p.rule)
      : makeMeta('book-amount', { book: book.book.id, bookName: book.label, base: book.base!.book.id, baseName: book.base!.label, amount: based.amount! }, p.rule));
  }
  const params = unit === undefined ? { book: book.book.id, bookName: book.label } : { book: book.book.id, bookName: book.label, unitPrice: unit };
  return makeMeta('book-price', params, p.rule);
}
