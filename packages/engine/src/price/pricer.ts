/**
 * The pricing engine: a configuration and a context in, a price waterfall out.
 *
 * A {@link Pricer} is compiled once per catalog (books linked, prices resolved
 * through `basedOn` chains on first use, schedules parsed) and cached by the frozen
 * catalog, so that pricing the same catalog again, or asking what one change would
 * cost, validates and parses nothing twice.
 *
 * Every line goes through the same stages, each a column of exact amounts:
 *
 *   list → book (one per link of the price book's `basedOn` chain) → tier → schedule
 *   → contract → manual → order → partner (= net)
 *
 * Rounding happens only where the rounding level says: unit prices (`unit`), each
 * line's amount after each stage (`line`, the default), or nowhere until the totals,
 * which are then spread over the lines by largest remainder (`document`). Tax is
 * computed per rate on each kind of charge's rounded sum.
 */
import type { Attribute, Catalog, Configuration, Option, Product } from '../catalog/schema.js';
import { requireChecked } from '../catalog/checked.js';
import { localize } from '../catalog/text.js';
import { checkConfiguration } from '../catalog/check-configuration.js';
import { closest, didYouMean, formatPath, type Problem } from '../internal/problems.js';
import {
  allocate,
  divide,
  fixed,
  format,
  mulDiv,
  offFactor,
  percentOf,
  ratio,
  round,
  roundColumn,
  stepOf,
  times,
  upFactor,
  type Ratio,
} from './fixed.js';
import { isCurrency, knownCurrencies, minorUnits } from './currency.js';
import type { MoneyJSON, RoundingMode } from './money.js';
import type {
  Charge,
  Contract,
  Partner,
  PriceBook,
  PriceContext,
  PricingSection,
  RoundingLevel,
  TaxRate,
  TaxRegion,
} from './schema.js';
import { normalizeTiers, tierFor, tierPrice, type Tier } from './tiers.js';
import { pricingProblem, PricingError, type PricingProblemCode } from './problems.js';
import { applyChange, difference, type PriceDelta, type SelectionChange } from './delta.js';
import { isRealDate } from '../internal/dates.js';
import { ItemIndex } from './items.js';
import {
  englishReason,
  type Approval,
  type ChargeTotals,
  type LineTerm,
  type PriceBreakdown,
  type PriceLine,
  type PriceStep,
  type PriceTotals,
  type ReasonParams,
  type Stage,
  type TaxAmount,
} from './breakdown.js';

type Path = PropertyKey[];
/** Records a problem of the request's context (`context.` + path), with its code and params. */
type AddProblem = (path: Path, code: PricingProblemCode, params: Readonly<Record<string, string | number | undefined>>, message: string) => void;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The price of an item as one book gives it, after the adjustments of its `basedOn` chain. */
interface BookPrice {
  /** The nearest own entry: it decides the kind of charge, tier mode, unit, tax category... */
  readonly charge: Charge;
  /** The path of that entry. */
  readonly entryRule: string;
  /** The path of what set this book's price: its own entry, or its `basedOn`. */
  readonly rule: string;
  /** Whether the book has its own entry for the item. */
  readonly own: boolean;
  readonly amount: bigint | undefined;
  readonly tiers: readonly Tier[] | undefined;
  readonly floor: bigint | undefined;
  /** An adjustment took a price below zero. */
  readonly negative: boolean;
  /** Set when a currency conversion lies on the way. */
  readonly converted: { readonly from: string; readonly rate: string; readonly date: string } | undefined;
}

/** A price book, linked to its base and with its adjustments parsed. */
class Book {
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
      return {
        charge,
        entryRule: rule,
        rule,
        own: true,
        amount: charge.amount === undefined ? undefined : fixed(charge.amount),
        tiers: charge.tiers === undefined ? undefined : normalizeTiers(charge.tiers, (t) => fixed(t.amount)),
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
      tiers: base.tiers?.map((t) => ({ ...t, amount: adjust(t.amount) })),
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

interface ScheduleTier {
  readonly from: number;
  readonly to: number | undefined;
  readonly factor: Ratio;
  readonly meta: Meta;
}

interface Schedule {
  readonly id: string;
  readonly tiers: readonly ScheduleTier[];
}

interface Discount {
  readonly percent: string | undefined;
  readonly factor: Ratio | undefined;
  readonly amount: bigint | undefined;
}

/** Everything a request's context decides, worked out once per distinct context. */
interface Setup {
  readonly key: string;
  readonly context: PriceContext;
  readonly date: string;
  readonly book: Book;
  /** The context book's `basedOn` chain in its own currency, list book first. */
  readonly chain: readonly Book[];
  readonly currency: string;
  readonly places: number;
  /** One minor unit in fixed-point units. */
  readonly step: bigint;
  readonly mode: RoundingMode;
  readonly level: RoundingLevel;
  /** The step that shows a line's share of document-level rounding. */
  readonly roundingStep: Omit<PriceStep, 'amount'>;
  readonly quantity: number;
  readonly segment: string | undefined;
  readonly partner: { readonly partner: Partner; readonly factor: Ratio; readonly exclude: ReadonlySet<string>; readonly meta: Meta } | undefined;
  readonly contracts: readonly { readonly contract: Contract; readonly index: number }[];
  readonly region: TaxRegion | undefined;
  /** Tax rates of the region by category, in the region's order. */
  readonly rates: ReadonlyMap<string, { readonly rate: TaxRate; readonly index: number; readonly factor: Ratio }>;
  readonly taxIncluded: boolean;
  readonly floorPercent: { readonly factor: Ratio; readonly allowed: string; readonly rule: string } | undefined;
  readonly lineDiscounts: ReadonlyMap<string, Discount & { readonly rule: string; readonly meta: Meta }>;
  readonly orderDiscount: (Discount & { readonly groups: readonly Group[]; readonly share: Ratio | undefined; readonly meta: Meta }) | undefined;
}

/** One kind of charge, summed, discounted and taxed together: one-time, per month, per year. */
type Group = 0 | 1 | 2;
const GROUP_NAMES = ['one-time', 'month', 'year'] as const;

/** A priced thing chosen, before any arithmetic. */
interface LineSpec {
  readonly item: string;
  readonly product: Product;
  readonly attribute: Attribute | undefined;
  readonly option: Option | undefined;
  readonly quantity: number;
  readonly qty: bigint;
  readonly price: BookPrice;
  readonly group: Group;
  readonly category: string;
  /** For an option of a multiple choice: its position in the selection (for the problem's path). */
  readonly position: number | undefined;
  readonly termMonths: number | undefined;
}

/** Where in the request a line comes from, for a problem's path. */
function pathOf(spec: { attribute: Attribute | undefined; position: number | undefined }): string {
  if (!spec.attribute) return 'configuration.product';
  return formatPath(spec.position === undefined ? ['configuration', 'selections', spec.attribute.id] : ['configuration', 'selections', spec.attribute.id, spec.position]);
}

/** The params of a problem with one priced item: the item, the book, and the ids that name it. */
function itemParams(item: string, s: Setup, product: Product, attribute: Attribute | undefined, option: Option | undefined): Record<string, string | undefined> {
  return { item, book: s.book.book.id, product: product.id, attribute: attribute?.id, option: option?.id };
}

/** What a stage did to a line: shared between lines whenever it does not depend on the line. */
interface Meta {
  readonly code: string;
  readonly params: ReasonParams;
  readonly reason: string;
  readonly rule: string;
}

function makeMeta(code: string, params: ReasonParams, rule: string): Meta {
  return { code, params, reason: englishReason(code, params), rule };
}

/** A line being priced: one exact amount per stage, and what each stage did. */
interface Line {
  readonly spec: LineSpec;
  readonly values: bigint[];
  readonly meta: (Meta | undefined)[] | undefined;
  /** The unit price while the amount is a unit price times the quantity (for unit-level rounding). */
  unit: bigint | undefined;
  term: { months: number; periods: bigint; prorated: boolean; values: bigint[] } | undefined;
}

/** Sums of one kind of charge. */
interface Sums {
  readonly list: bigint;
  readonly gross: bigint;
  readonly net: bigint;
  readonly tax: readonly TaxSum[];
  readonly total: bigint;
}

interface TaxSum {
  readonly category: string;
  readonly rate: TaxRate;
  readonly base: bigint;
  readonly amount: bigint;
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

const HUNDREDTH = stepOf(2);
const ONE_UNIT = fixed('1');

const pricers = new WeakMap<Catalog, Pricer>();

/**
 * Prices configurations of one catalog. Get one with {@link Pricer.for}: it is
 * compiled once and cached for a frozen catalog (as `loadCatalog` returns).
 *
 * For typed callers that make the price context themselves (an element from its
 * attributes): the context's values are checked (a real day, a known currency, book,
 * segment, partner, tax region; discounts), its shape is left to TypeScript, so a page
 * need not load the schema library. A request read from JSON goes through
 * {@link price} and {@link priceDelta}, which check its shape first.
 */
export class Pricer {
  readonly catalog: Catalog;
  readonly pricing: PricingSection;
  private readonly books = new Map<string, Book>();
  private readonly bookList: Book[];
  private readonly items: ItemIndex;
  private readonly schedules = new Map<string, Schedule>();
  /** Per product: the attribute whose options set the term, and the months of each. */
  private readonly termOptions = new Map<string, { attribute: string; months: Map<string, number> }>();
  private readonly termItems: ReadonlySet<string>;
  private readonly setups = new Map<string, Setup>();
  private readonly remembered = new Map<string, Totals>();
  private readonly checked = new WeakSet<Configuration>();
  /** Item ids of every attribute and option, made once (their hashes are then cached by the engine). */
  private readonly itemIds = new Map<string, { attribute: Attribute; item: string; options: Map<string, string> }[]>();

  /** The pricer of a catalog: cached when the catalog is frozen, compiled afresh otherwise. */
  static for(catalog: Catalog): Pricer {
    if (!Object.isFrozen(catalog)) return new Pricer(catalog);
    let pricer = pricers.get(catalog);
    if (!pricer) {
      pricer = new Pricer(catalog);
      pricers.set(catalog, pricer);
    }
    return pricer;
  }

  constructor(catalog: Catalog) {
    if (catalog.pricing === undefined) {
      throw new PricingError([pricingProblem('pricing', 'no-pricing', { catalog: catalog.id }, `catalog "${catalog.id}" has no pricing section`)]);
    }
    // loadCatalog checked the pricing section with the rest; prices rely on those checks.
    requireChecked(catalog, 'price()');
    this.catalog = catalog;
    this.pricing = catalog.pricing;
    this.items = new ItemIndex(catalog);
    this.bookList = this.pricing.books.map((book, i) => new Book(book, i, catalog));
    for (const book of this.bookList) if (!this.books.has(book.book.id)) this.books.set(book.book.id, book);
    for (const book of this.bookList) if (book.book.basedOn) book.base = this.books.get(book.book.basedOn.book);
    (this.pricing.schedules ?? []).forEach((schedule, index) => {
      const tiers = normalizeTiers(schedule.tiers, () => 0n).map((t, i) => {
        const percent = schedule.tiers[i]!.percent;
        const params: Record<string, string | number> = { schedule: schedule.id, percent, from: t.from };
        if (t.to !== undefined) params['to'] = t.to;
        return { from: t.from, to: t.to, factor: offFactor(percent), meta: makeMeta('schedule', params, formatPath(['pricing', 'schedules', index, 'tiers', i])) };
      });
      this.schedules.set(schedule.id, { id: schedule.id, tiers });
    });
    for (const [item, months] of Object.entries(this.pricing.termOptions ?? {})) {
      const [product = '', rest = ''] = item.split('/');
      const [attribute = '', option = ''] = rest.split(':');
      let entry = this.termOptions.get(product);
      if (!entry) this.termOptions.set(product, (entry = { attribute, months: new Map() }));
      entry.months.set(option, months);
    }
    this.termItems = new Set(Object.keys(this.pricing.termOptions ?? {}));
    for (const product of catalog.products) {
      this.itemIds.set(
        product.id,
        product.attributes.map((attribute) => {
          const item = `${product.id}/${attribute.id}`;
          const options = new Map('options' in attribute ? attribute.options.map((o) => [o.id, `${item}:${o.id}`]) : []);
          return { attribute, item, options };
        }),
      );
    }
  }

  /** Prices a configuration: every line's waterfall and the totals. Throws {@link PricingError}. */
  price(configuration: Configuration, context: PriceContext): PriceBreakdown {
    const setup = this.setup(context);
    const lines = this.lines(configuration, setup, true, true);
    return this.breakdown(configuration, setup, lines);
  }

  /** What `change` does to the totals of `configuration`: see {@link priceDelta}. Throws {@link PricingError}. */
  delta(configuration: Configuration, change: SelectionChange, context: PriceContext): PriceDelta {
    const before = this.rememberedTotals(configuration, context);
    const after = this.totals(applyChange(this.catalog, configuration, change), context, false);
    return difference(before, after);
  }

  /**
   * The totals only, without the waterfall's texts: what a delta needs. With
   * `strictDiscounts` false, line discounts on items the configuration lacks are ignored.
   *
   * @hidden
   */
  totals(configuration: Configuration, context: PriceContext, strictDiscounts = true): Totals {
    const setup = this.setup(context);
    return this.sum(setup, this.lines(configuration, setup, false, strictDiscounts));
  }

  /** The totals, remembered for the last few configurations (a configurator's current state). */
  private rememberedTotals(configuration: Configuration, context: PriceContext): Totals {
    const setup = this.setup(context);
    const key = `${setup.key}\u0000${configuration.product}\u0000${JSON.stringify(configuration.selections)}`;
    let totals = this.remembered.get(key);
    if (!totals) {
      totals = this.sum(setup, this.lines(configuration, setup, false, true));
      if (this.remembered.size >= 8) this.remembered.clear();
      this.remembered.set(key, totals);
    }
    return totals;
  }

  // ---- the context ------------------------------------------------------------

  private setup(context: PriceContext): Setup {
    const key = JSON.stringify(context);
    const cached = this.setups.get(key);
    if (cached) return cached;
    const setup = this.makeSetup(context, key);
    if (this.setups.size >= 32) this.setups.clear();
    this.setups.set(key, setup);
    return setup;
  }

  private makeSetup(context: PriceContext, key: string): Setup {
    const problems: Problem[] = [];
    const add: AddProblem = (path, code, params, message) => void problems.push(pricingProblem(formatPath(['context', ...path]), code, params, message));

    if (!isRealDate(context.date)) add(['date'], 'date-invalid', { date: context.date }, `"${context.date}" is not a day of the calendar`);
    if (context.currency !== undefined && !isCurrency(context.currency)) {
      const suggestion = closest(context.currency, knownCurrencies());
      add(['currency'], 'currency-unknown', { currency: context.currency, suggestion }, `"${context.currency}" is not an ISO 4217 currency code${didYouMean(context.currency, knownCurrencies())}`);
    }
    if (context.book !== undefined && context.segment !== undefined) add(['segment'], 'book-and-segment', { book: context.book, segment: context.segment }, 'give a price book or a segment, not both');

    let partner: Setup['partner'];
    if (context.partner !== undefined) {
      const partners = this.pricing.partners ?? [];
      const index = partners.findIndex((p) => p.id === context.partner);
      if (index < 0) {
        const ids = partners.map((p) => p.id);
        add(['partner'], 'partner-unknown', { partner: context.partner, suggestion: closest(context.partner, ids) }, `unknown partner "${context.partner}"${didYouMean(context.partner, ids)}`);
      }
      else {
        const p = partners[index]!;
        const m = makeMeta('partner', { partner: p.id, percent: p.percent }, formatPath(['pricing', 'partners', index]));
        partner = { partner: p, factor: offFactor(p.percent), exclude: new Set(p.exclude ?? []), meta: m };
      }
    }
    const segment = context.segment ?? (context.partner !== undefined ? `partner:${context.partner}` : undefined);
    const book = problems.length > 0 ? undefined : this.chooseBook(context, segment, add);

    let region: TaxRegion | undefined;
    const regionId = context.taxRegion ?? book?.book.taxRegion;
    if (regionId !== undefined) {
      const regions = this.pricing.tax?.regions ?? [];
      region = regions.find((r) => r.id === regionId);
      if (!region) {
        const ids = regions.map((r) => r.id);
        add(['taxRegion'], 'tax-region-unknown', { taxRegion: regionId, suggestion: closest(regionId, ids) }, `unknown tax region "${regionId}"${didYouMean(regionId, ids)}`);
      }
    }

    const currency = book?.currency ?? context.currency ?? this.catalog.defaultCurrency;
    const places = isCurrency(currency) ? minorUnits(currency) : 2;
    const lineDiscounts = new Map<string, Discount & { rule: string; meta: Meta }>();
    for (const [item, discount] of Object.entries(context.lineDiscounts ?? {})) {
      const path = ['lineDiscounts', item];
      const parsedDiscount = this.discount(discount, path, currency, places, add);
      if (!parsedDiscount) continue;
      const rule = formatPath(['context', ...path]);
      const m = parsedDiscount.percent !== undefined
        ? makeMeta('manual-percent', { percent: parsedDiscount.percent }, rule)
        : makeMeta('manual-amount', { amount: format(parsedDiscount.amount!, places) }, rule);
      lineDiscounts.set(item, { ...parsedDiscount, rule, meta: m });
    }
    let orderDiscount: Setup['orderDiscount'];
    const order = context.orderDiscount;
    if (order) {
      const parsedDiscount = this.discount(order, ['orderDiscount'], currency, places, add);
      const groups: Group[] = order.appliesTo !== undefined ? [GROUP_NAMES.indexOf(order.appliesTo) as Group] : order.percent !== undefined ? [0, 1, 2] : [0];
      if (parsedDiscount) {
        const m = order.percent !== undefined
          ? makeMeta('order-percent', { percent: order.percent }, 'context.orderDiscount')
          : makeMeta('order-amount', { amount: format(parsedDiscount.amount!, places) }, 'context.orderDiscount');
        orderDiscount = { ...parsedDiscount, groups, share: order.percent === undefined ? undefined : percentOf(order.percent), meta: m };
      }
    }
    if (problems.length > 0 || !book) throw new PricingError(problems);

    const chain: Book[] = [book];
    for (let b = book.base; b && b.currency === book.currency && !chain.includes(b); b = b.base) chain.unshift(b);
    const rounding = { ...this.pricing.rounding, ...book.book.rounding };
    const rates = new Map<string, { rate: TaxRate; index: number; factor: Ratio }>();
    const taxIncluded = book.book.taxIncluded === true;
    region?.rates.forEach((rate, index) => {
      const p = ratio(rate.percent);
      // Tax on a price that excludes it is p/100 of it; in one that includes it, p/(100+p).
      rates.set(rate.category, { rate, index, factor: taxIncluded ? { num: p.num, den: 100n * p.den + p.num } : percentOf(rate.percent) });
    });
    const floor = book.book.floorPercent ?? this.pricing.floorPercent;
    return {
      key,
      context,
      date: context.date,
      book,
      chain,
      currency,
      places,
      step: stepOf(places),
      mode: rounding.mode ?? 'half-even',
      level: rounding.level ?? 'line',
      roundingStep: {
        stage: 'rounding',
        code: 'rounding',
        params: NO_PARAMS,
        reason: englishReason('rounding', NO_PARAMS),
        rule: book.book.rounding?.level !== undefined ? formatPath(['pricing', 'books', book.index, 'rounding']) : 'pricing.rounding',
      },
      quantity: context.quantity ?? 1,
      segment,
      partner,
      contracts:
        context.customer === undefined
          ? []
          : (this.pricing.contracts ?? [])
              .map((contract, index) => ({ contract, index }))
              .filter(
                ({ contract }) =>
                  contract.customer === context.customer &&
                  (contract.currency ?? this.catalog.defaultCurrency) === currency &&
                  (contract.validFrom === undefined || contract.validFrom <= context.date) &&
                  (contract.validTo === undefined || context.date <= contract.validTo),
              ),
      region,
      rates,
      taxIncluded,
      floorPercent:
        floor === undefined
          ? undefined
          : {
              factor: percentOf(floor),
              allowed: format(fixed('100') - fixed(floor), 0),
              rule: book.book.floorPercent !== undefined ? formatPath(['pricing', 'books', book.index, 'floorPercent']) : 'pricing.floorPercent',
            },
      lineDiscounts,
      orderDiscount,
    };
  }

  /** The book a request names, or the first one valid on the date for its currency and segment. */
  private chooseBook(context: PriceContext, segment: string | undefined, add: AddProblem): Book | undefined {
    const date = context.date;
    if (context.book !== undefined) {
      const book = this.books.get(context.book);
      if (!book) {
        add(['book'], 'book-unknown', { book: context.book, suggestion: closest(context.book, this.books.keys()) }, `unknown price book "${context.book}"${didYouMean(context.book, this.books.keys())}`);
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
    const currency = context.currency ?? this.catalog.defaultCurrency;
    if (context.segment !== undefined && !this.bookList.some((b) => b.book.audience?.includes(context.segment!))) {
      const segments = new Set(this.bookList.flatMap((b) => b.book.audience ?? []));
      add(['segment'], 'segment-unknown', { segment: context.segment, suggestion: closest(context.segment, segments) }, `no price book is for segment "${context.segment}"${didYouMean(context.segment, segments)}`);
      return undefined;
    }
    const inCurrency = this.bookList.filter((b) => b.currency === currency);
    if (inCurrency.length === 0) {
      const currencies = [...new Set(this.bookList.map((b) => b.currency))];
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

  private discount(
    discount: { percent?: string | undefined; amount?: string | undefined },
    path: Path,
    currency: string,
    places: number,
    add: AddProblem,
  ): Discount | undefined {
    if ((discount.percent === undefined) === (discount.amount === undefined)) {
      add(path, 'discount-percent-or-amount', {}, discount.percent === undefined ? 'give "percent" or "amount"' : 'give "percent" or "amount", not both');
      return undefined;
    }
    if (discount.percent !== undefined) {
      if (fixed(discount.percent) > fixed('100')) {
        add([...path, 'percent'], 'discount-over-100', { percent: discount.percent }, `a discount of ${discount.percent}% is over 100%`);
        return undefined;
      }
      return { percent: discount.percent, factor: offFactor(discount.percent), amount: undefined };
    }
    const text = discount.amount!;
    const dot = text.indexOf('.');
    if (dot >= 0 && text.length - dot - 1 > places) {
      add([...path, 'amount'], 'discount-decimals', { amount: text, currency, places }, `${text} has more decimals than ${currency} has (${places})`);
      return undefined;
    }
    return { percent: undefined, factor: undefined, amount: fixed(text) };
  }

  // ---- the lines --------------------------------------------------------------

  /** Builds and prices every line of a configuration, or throws with every problem found. */
  private lines(configuration: Configuration, s: Setup, detail: boolean, strictDiscounts: boolean): Line[] {
    const problems: Problem[] = [];
    if (!this.checked.has(configuration)) {
      for (const p of checkConfiguration(this.catalog, configuration)) {
        problems.push({ path: p.path === '' ? 'configuration' : `configuration.${p.path}`, message: p.message });
      }
      if (problems.length > 0) throw new PricingError(problems);
      // A frozen configuration (as loadConfiguration returns) cannot change: check it once.
      if (Object.isFrozen(configuration) && Object.isFrozen(configuration.selections)) this.checked.add(configuration);
    }
    const specs = this.specs(configuration, s, problems);
    if (strictDiscounts && s.lineDiscounts.size > 0) {
      const items = new Set(specs.map((l) => l.item));
      for (const item of s.lineDiscounts.keys()) {
        if (!items.has(item)) {
          const message = `no line "${item}" in this configuration${didYouMean(item, items)}`;
          problems.push(pricingProblem(formatPath(['context', 'lineDiscounts', item]), 'discount-no-line', { item, suggestion: closest(item, items) }, message));
        }
      }
    }
    const lines: Line[] = [];
    for (const spec of specs) {
      const line = this.line(spec, s, detail, problems);
      if (line) lines.push(line);
    }
    if (problems.length === 0) this.orderDiscount(lines, s, detail, problems);
    if (problems.length > 0) throw new PricingError(problems);
    this.partnerDiscount(lines, s, detail);
    this.terms(lines, s);
    if (s.level === 'document') this.roundDocument(lines, s);
    return lines;
  }

  /** A line per priced thing chosen: the product, each option, each boolean that is on, each quantity above 0. */
  private specs(configuration: Configuration, s: Setup, problems: Problem[]): LineSpec[] {
    const product = this.items.products.get(configuration.product)!.product;
    const selections = configuration.selections;
    const selected = (id: string): unknown => (Object.hasOwn(selections, id) ? selections[id] : undefined);
    const termOption = this.termOptions.get(product.id);
    const chosenTerm = termOption ? selected(termOption.attribute) : undefined;
    const termMonths = typeof chosenTerm === 'string' ? termOption!.months.get(chosenTerm) : undefined;
    const defaultCategory = this.pricing.tax?.defaultCategory ?? 'standard';
    const specs: LineSpec[] = [];
    const add = (item: string, attribute: Attribute | undefined, option: Option | undefined, own: number, position?: number): void => {
      const price = s.book.price(item);
      if (price === undefined) {
        if (!this.termItems.has(item)) {
          const message = `no price for "${item}" in price book "${s.book.book.id}"`;
          problems.push(pricingProblem(pathOf({ attribute, position }), 'price-missing', itemParams(item, s, product, attribute, option), message));
        }
        return;
      }
      const charge = price.charge;
      if (charge.included === true) return;
      if (price.negative) {
        const message = `price book "${s.book.book.id}" gives "${item}" a negative price (${price.rule})`;
        problems.push(pricingProblem(pathOf({ attribute, position }), 'price-negative', { ...itemParams(item, s, product, attribute, option), rule: price.rule }, message));
        return;
      }
      let count = own;
      if (charge.per !== undefined) {
        const per = selected(charge.per);
        count = typeof per === 'number' ? per : 0;
      }
      const quantity = count * s.quantity;
      if (quantity <= 0) return;
      specs.push({
        item,
        product,
        attribute,
        option,
        quantity,
        qty: BigInt(quantity),
        price,
        group: charge.recurring === 'month' ? 1 : charge.recurring === 'year' ? 2 : 0,
        category: charge.taxCategory ?? defaultCategory,
        position,
        termMonths,
      });
    };
    add(product.id, undefined, undefined, 1);
    for (const { attribute, item, options } of this.itemIds.get(product.id)!) {
      const value = selected(attribute.id);
      if (value === undefined) continue;
      switch (attribute.kind) {
        case 'single': {
          const option = attribute.options.find((o) => o.id === value);
          if (option) add(options.get(option.id)!, attribute, option, 1);
          break;
        }
        case 'multiple': {
          const chosen = value as readonly string[];
          for (const option of attribute.options) {
            const at = chosen.indexOf(option.id);
            if (at >= 0) add(options.get(option.id)!, attribute, option, 1, at);
          }
          break;
        }
        case 'boolean':
          if (value === true) add(item, attribute, undefined, 1);
          break;
        case 'quantity':
          if (typeof value === 'number' && value > 0) add(item, attribute, undefined, value);
          break;
      }
    }
    return specs;
  }

  /** Runs one line through the list, book, tier, schedule, contract and manual stages. */
  private line(spec: LineSpec, s: Setup, detail: boolean, problems: Problem[]): Line | undefined {
    const k = s.chain.length - 1;
    const values = new Array<bigint>(k + 7);
    const meta = detail ? new Array<Meta | undefined>(k + 7).fill(undefined) : undefined;
    const line: Line = { spec, values, meta, unit: undefined, term: undefined };
    const price = spec.price;
    const places = s.places;

    // list: the first book of the chain with a price of the same kind; then a column per book below it
    let first = k;
    let list = price;
    for (let j = 0; j < k; j++) {
      const p = s.chain[j]!.price(spec.item);
      if (p !== undefined && sameCharge(p.charge, price.charge)) {
        first = j;
        list = p;
        break;
      }
    }
    values[0] = this.base(line, list, s);
    if (meta) {
      const params: Record<string, string | number> = { book: s.chain[first]!.book.id, quantity: spec.quantity };
      if (line.unit !== undefined) params['unitPrice'] = format(line.unit, places);
      const converted = list.converted;
      if (converted) {
        params['from'] = converted.from;
        params['rate'] = converted.rate;
        params['rateDate'] = converted.date;
      }
      meta[0] = makeMeta(converted && line.unit !== undefined ? 'list-converted' : 'list', params, list.rule);
    }
    for (let j = 1; j <= k; j++) {
      const p = j <= first ? undefined : j === k ? price : s.chain[j]!.price(spec.item);
      if (j <= first || p === undefined || !sameCharge(p.charge, price.charge)) {
        values[j] = values[j - 1]!;
        continue;
      }
      values[j] = this.base(line, p, s);
      if (meta && values[j] !== values[j - 1]) meta[j] = bookStep(s.chain[j]!, p, line.unit === undefined ? undefined : format(line.unit, places));
    }

    // tier
    const tierAt = k + 1;
    if (price.tiers !== undefined) {
      const mode = price.charge.tierMode ?? 'range';
      const tiered = tierPrice(mode, price.tiers, spec.quantity, s.level === 'unit' ? s.step : 1n, s.mode);
      if (!tiered) {
        const last = price.tiers[price.tiers.length - 1]!;
        problems.push(
          pricingProblem(
            pathOf(spec),
            'tier-missing',
            { ...itemParams(spec.item, s, spec.product, spec.attribute, spec.option), quantity: spec.quantity, to: last.to },
            `no tier of "${spec.item}" in price book "${s.book.book.id}" covers quantity ${spec.quantity} (the tiers end at ${last.to})`,
          ),
        );
        return undefined;
      }
      values[tierAt] = this.roundLine(tiered.amount, s);
      line.unit = mode === 'range' ? this.roundUnit(tiered.tier.amount, s) : undefined;
      if (meta && values[tierAt] !== values[k]) {
        const t = tiered.tier;
        const params: Record<string, string | number> = { from: t.from };
        if (t.to !== undefined) params['to'] = t.to;
        if (mode === 'range') params['unitPrice'] = format(line.unit!, places);
        if (mode === 'slab') {
          params['quantity'] = spec.quantity;
          params['slabs'] = tiered.slabs!.map((sl) => `${sl.units} × ${format(this.roundUnit(sl.tier.amount, s), places)}`).join(' + ');
        }
        meta[tierAt] = makeMeta(`tier-${mode}`, params, `${price.entryRule}.tiers[${t.index}]`);
      }
    } else {
      values[tierAt] = values[k]!;
    }

    // schedule
    const scheduleId = price.charge.schedule;
    const schedule = scheduleId === undefined ? undefined : this.schedules.get(scheduleId);
    const step = schedule ? tierFor(schedule.tiers, spec.quantity) : undefined;
    if (schedule && step && step.factor.num !== step.factor.den) {
      values[k + 2] = this.percentOff(line, values[tierAt]!, step.factor, s);
      if (meta) meta[k + 2] = step.meta;
    } else {
      values[k + 2] = values[tierAt]!;
    }

    // contract: the first of the customer's contracts that prices the item
    values[k + 3] = values[k + 2]!;
    for (const { contract, index } of s.contracts) {
      const agreed = Object.hasOwn(contract.prices, spec.item) ? contract.prices[spec.item] : undefined;
      if (!agreed) continue;
      const rule = formatPath(['pricing', 'contracts', index, 'prices', spec.item]);
      if (agreed.amount !== undefined) {
        line.unit = this.roundUnit(fixed(agreed.amount), s);
        values[k + 3] = this.roundLine(line.unit * spec.qty, s);
        if (meta) meta[k + 3] = makeMeta('contract-price', { contract: contract.id, unitPrice: format(line.unit, places) }, rule);
      } else {
        values[k + 3] = this.percentOff(line, values[k + 2]!, offFactor(agreed.percent!), s);
        if (meta) meta[k + 3] = makeMeta('contract-percent', { contract: contract.id, percent: agreed.percent! }, rule);
      }
      break;
    }

    // manual line discount
    const before = values[k + 3]!;
    values[k + 4] = before;
    const manual = s.lineDiscounts.size > 0 ? s.lineDiscounts.get(spec.item) : undefined;
    if (manual) {
      if (manual.factor) {
        values[k + 4] = this.percentOff(line, before, manual.factor, s);
        if (meta) meta[k + 4] = manual.meta;
      } else {
        const amount = manual.amount!;
        if (amount > before) {
          const params = { item: spec.item, amount: format(amount, places), line: format(before, places), currency: s.currency };
          problems.push(pricingProblem(`${manual.rule}.amount`, 'discount-over-line', params, `a discount of ${params.amount} is more than the line's ${params.line}`));
          return undefined;
        }
        values[k + 4] = this.roundLine(before - amount, s);
        line.unit = undefined;
        if (meta) meta[k + 4] = manual.meta;
      }
    }
    values[k + 5] = values[k + 4]!;
    values[k + 6] = values[k + 4]!;
    return line;
  }

  /** A book's price of the quantity before tiers: the flat or first-tier unit price times the quantity, or the first block. */
  private base(line: Line, p: BookPrice, s: Setup): bigint {
    if (p.amount !== undefined || p.charge.tierMode !== 'block') {
      line.unit = this.roundUnit(p.amount ?? p.tiers![0]!.amount, s);
      return this.roundLine(line.unit * line.spec.qty, s);
    }
    line.unit = undefined;
    return this.roundLine(this.roundUnit(p.tiers![0]!.amount, s), s);
  }

  /** Takes a percentage off, rounding once: per unit when rounding is at unit level and the line has a unit price. */
  private percentOff(line: Line, value: bigint, factor: Ratio, s: Setup): bigint {
    if (s.level === 'unit' && line.unit !== undefined) {
      line.unit = times(line.unit, factor, s.step, s.mode);
      return line.unit * line.spec.qty;
    }
    line.unit = undefined;
    return times(value, factor, s.level === 'document' ? 1n : s.step, s.mode);
  }

  private roundUnit(value: bigint, s: Setup): bigint {
    return s.level === 'unit' ? round(value, s.step, s.mode) : value;
  }

  private roundLine(value: bigint, s: Setup): bigint {
    return s.level === 'document' ? value : round(value, s.step, s.mode);
  }

  /** The order discount, split over the lines of each kind of charge it applies to by largest remainder. */
  private orderDiscount(lines: Line[], s: Setup, detail: boolean, problems: Problem[]): void {
    const order = s.orderDiscount;
    if (!order) return;
    const manualAt = s.chain.length + 3;
    const orderAt = manualAt + 1;
    const document = s.level === 'document';
    const byGroup: Line[][] = [[], [], []];
    for (const line of lines) byGroup[line.spec.group]!.push(line);
    for (const group of order.groups) {
      const members = byGroup[group]!;
      const weights = members.map((l) => l.values[manualAt]!);
      let sum = 0n;
      for (const w of weights) sum += w;
      let shares: bigint[];
      if (order.share) {
        const p = order.share;
        shares = document ? weights.map((w) => times(w, p, 1n, s.mode)) : allocate(times(sum, p, s.step, s.mode), weights, s.step);
      } else {
        const amount = order.amount!;
        if (amount > sum) {
          const what = group === 0 ? 'one-time' : `recurring ${GROUP_NAMES[group]}ly`;
          const charge = GROUP_NAMES[group]!;
          problems.push(
            members.length === 0
              ? pricingProblem('context.orderDiscount.amount', 'order-discount-no-lines', { charge }, `there are no ${what} lines to discount`)
              : pricingProblem(
                  'context.orderDiscount.amount',
                  'order-discount-over-total',
                  { charge, amount: format(amount, s.places), total: format(sum, s.places), currency: s.currency },
                  `a discount of ${format(amount, s.places)} is more than the ${what} total of ${format(sum, s.places)}`,
                ),
          );
          return;
        }
        shares = document ? weights.map((w) => (sum === 0n ? 0n : mulDiv(amount, w, sum, 1n, s.mode))) : allocate(amount, weights, s.step);
      }
      for (let i = 0; i < members.length; i++) {
        const share = shares[i]!;
        if (share === 0n) continue;
        const line = members[i]!;
        line.values[orderAt] = line.values[manualAt]! - share;
        line.values[orderAt + 1] = line.values[orderAt]!;
        line.unit = undefined;
        if (detail) line.meta![orderAt] = order.meta;
      }
    }
  }

  private partnerDiscount(lines: Line[], s: Setup, detail: boolean): void {
    const partner = s.partner;
    if (!partner || partner.factor.num === partner.factor.den) return;
    const at = s.chain.length + 5;
    for (const line of lines) {
      if (partner.exclude.has(line.spec.item)) continue;
      line.values[at] = this.percentOff(line, line.values[at - 1]!, partner.factor, s);
      if (detail && line.values[at] !== line.values[at - 1]) {
        line.meta![at] = partner.meta;
      }
    }
  }

  /** Recurring lines over their terms: list, gross and net times the periods of the term. */
  private terms(lines: Line[], s: Setup): void {
    const tierAt = s.chain.length;
    const netAt = s.chain.length + 5;
    const granularity = s.level === 'document' ? 1n : s.step;
    for (const line of lines) {
      const { spec } = line;
      if (spec.group === 0) continue;
      const periodMonths = spec.group === 1 ? 1 : 12;
      const months = s.context.termMonths ?? spec.termMonths ?? spec.price.charge.term ?? periodMonths;
      const whole = months % periodMonths === 0;
      const prorated = !whole && spec.price.charge.prorate !== false;
      // A partial last period is paid in part (prorated) or in full.
      const [n, d] = whole || prorated ? [BigInt(months), BigInt(periodMonths)] : [BigInt(Math.ceil(months / periodMonths)), 1n];
      const over = (v: bigint): bigint => mulDiv(v, n, d, granularity, s.mode);
      line.term = { months, periods: mulDiv(ONE_UNIT, n, d, stepOf(4), 'half-even'), prorated, values: [over(line.values[0]!), over(line.values[tierAt]!), over(line.values[netAt]!)] };
    }
  }

  /** Document-level rounding: every column of every kind of charge rounded as a whole and spread by largest remainder. */
  private roundDocument(lines: Line[], s: Setup): void {
    const columns = s.chain.length + 6;
    for (const group of [0, 1, 2] as const) {
      const members = lines.filter((l) => l.spec.group === group);
      if (members.length === 0) continue;
      for (let c = 0; c < columns; c++) {
        const rounded = roundColumn(members.map((l) => l.values[c]!), s.step, s.mode);
        members.forEach((l, i) => (l.values[c] = rounded[i]!));
      }
    }
    const recurring = lines.filter((l) => l.term !== undefined);
    for (let c = 0; c < 3; c++) {
      const rounded = roundColumn(recurring.map((l) => l.term!.values[c]!), s.step, s.mode);
      recurring.forEach((l, i) => (l.term!.values[c] = rounded[i]!));
    }
  }

  // ---- totals -----------------------------------------------------------------

  private sum(s: Setup, lines: readonly Line[]): Totals {
    const tierAt = s.chain.length;
    const netAt = s.chain.length + 5;
    const buckets = [0, 1, 2, 3].map(() => ({ list: 0n, gross: 0n, net: 0n, bases: new Map<string, bigint>(), lines: 0 }));
    const addTo = (b: (typeof buckets)[number], list: bigint, gross: bigint, net: bigint, category: string): void => {
      b.list += list;
      b.gross += gross;
      b.net += net;
      b.bases.set(category, (b.bases.get(category) ?? 0n) + net);
      b.lines++;
    };
    for (const l of lines) {
      addTo(buckets[l.spec.group]!, l.values[0]!, l.values[tierAt]!, l.values[netAt]!, l.spec.category);
      if (l.term) addTo(buckets[3]!, l.term.values[0]!, l.term.values[1]!, l.term.values[2]!, l.spec.category);
    }
    const close = (b: (typeof buckets)[number]): Sums => {
      const tax: TaxSum[] = [];
      let taxTotal = 0n;
      for (const [category, { rate, factor }] of s.rates) {
        const base = b.bases.get(category);
        if (base === undefined) continue;
        const amount = times(base, factor, s.step, s.mode);
        tax.push({ category, rate, base: s.taxIncluded ? base - amount : base, amount });
        taxTotal += amount;
      }
      return { list: b.list, gross: b.gross, net: b.net, tax, total: s.taxIncluded ? b.net : b.net + taxTotal };
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

  // ---- output -----------------------------------------------------------------

  private breakdown(configuration: Configuration, s: Setup, lines: readonly Line[]): PriceBreakdown {
    const { places, currency } = s;
    const money = (x: bigint): MoneyJSON => ({ amount: format(x, places), currency });
    const zero = money(0n);
    const totals = this.sum(s, lines);
    const k = s.chain.length - 1;
    const stages: Stage[] = [...s.chain.map((_, j): Stage => (j === 0 ? 'list' : 'book')), 'tier', 'schedule', 'contract', 'manual', 'order', 'partner'];
    const approvals: Approval[] = [];
    const out: PriceLine[] = [];
    for (const line of lines) {
      const { spec, values, meta } = line;
      const net = values[k + 6]!;
      const gross = values[k + 1]!;
      const netMoney = money(net);
      const listMoney = values[0] === net ? netMoney : money(values[0]!);
      const steps: PriceStep[] = [];
      let rounding = 0n;
      for (let c = 0; c < values.length; c++) {
        const m = meta![c];
        const change = c === 0 ? values[0]! : values[c]! - values[c - 1]!;
        if (!m) {
          // Only document-level rounding moves a column without a rule: the spread of the total's rounding.
          rounding += change;
          continue;
        }
        if (c > 0 && change === 0n) continue; // rounded away
        steps.push({ stage: stages[c]!, code: m.code, params: m.params, reason: m.reason, rule: m.rule, amount: c === 0 ? listMoney : money(change) });
      }
      if (rounding !== 0n) steps.push({ ...s.roundingStep, amount: money(rounding) });
      steps.push({ stage: 'net', code: 'net', params: NO_PARAMS, reason: 'Net price', rule: '', amount: netMoney });
      const approval = this.approval(line, s);
      if (approval) approvals.push(approval);
      const charge = spec.price.charge;
      const result: Mutable<PriceLine> = {
        item: spec.item,
        product: spec.product.id,
        name: (spec.option ?? spec.attribute ?? spec.product).name,
        quantity: spec.quantity,
        charge: spec.group === 0 ? 'one-time' : 'recurring',
        taxCategory: spec.category,
        list: listMoney,
        gross: gross === values[0] ? listMoney : gross === net ? netMoney : money(gross),
        discount: gross === net ? zero : money(gross - net),
        net: netMoney,
        steps,
        approvalRequired: approval !== undefined,
      };
      if (spec.attribute) result.attribute = spec.attribute.id;
      if (spec.option) result.option = spec.option.id;
      if (charge.unit !== undefined) result.unit = charge.unit;
      if (spec.group !== 0) result.period = GROUP_NAMES[spec.group] as 'month' | 'year';
      if (line.term) {
        const [list, termGross, termNet] = line.term.values as [bigint, bigint, bigint];
        const term: LineTerm = {
          months: line.term.months,
          periods: format(line.term.periods, 0),
          prorated: line.term.prorated,
          list: money(list),
          gross: money(termGross),
          discount: money(termGross - termNet),
          net: money(termNet),
        };
        result.term = term;
      }
      out.push(result);
    }
    const region = s.region;
    const taxes = (sums: readonly TaxSum[]): TaxAmount[] =>
      sums.map((t) => {
        const amount: Mutable<TaxAmount> = { region: region!.id, category: t.category, percent: t.rate.percent, base: money(t.base), amount: money(t.amount) };
        if (t.rate.name !== undefined) amount.name = t.rate.name;
        return amount;
      });
    const charges = (sums: Sums): ChargeTotals => ({
      list: money(sums.list),
      gross: money(sums.gross),
      discount: money(sums.gross - sums.net),
      net: money(sums.net),
      tax: taxes(sums.tax),
      total: money(sums.total),
    });
    // Tax per rate of the whole document: one-time plus term, each already rounded.
    const byCategory = new Map<string, TaxSum>();
    for (const t of [...totals.oneTime.tax, ...totals.term.tax]) {
      const seen = byCategory.get(t.category);
      byCategory.set(t.category, seen ? { ...seen, base: seen.base + t.base, amount: seen.amount + t.amount } : t);
    }
    const documentTax = [...byCategory.values()].sort((a, b) => s.rates.get(a.category)!.index - s.rates.get(b.category)!.index);
    const savings = totals.list - totals.net;
    const percent = totals.list === 0n ? 0n : divide(savings * 100n * 100n, totals.list, s.mode) * HUNDREDTH;
    const recurring: Mutable<PriceTotals['recurring']> = {};
    if (totals.month) recurring.month = charges(totals.month);
    if (totals.year) recurring.year = charges(totals.year);
    const priceTotals: PriceTotals = {
      oneTime: charges(totals.oneTime),
      recurring,
      term: charges(totals.term),
      list: money(totals.list),
      gross: money(totals.gross),
      discount: money(totals.gross - totals.net),
      net: money(totals.net),
      tax: taxes(documentTax),
      grandTotal: money(totals.grandTotal),
      savings: { amount: money(savings), percent: format(percent, 2) },
    };
    const book = s.book.book;
    const bookInfo: Mutable<PriceBreakdown['book']> = { id: book.id };
    if (book.name !== undefined) bookInfo.name = book.name;
    if (book.audience) bookInfo.audience = book.audience;
    const result: Mutable<PriceBreakdown> = {
      catalog: { id: this.catalog.id, version: this.catalog.version },
      product: configuration.product,
      quantity: s.quantity,
      currency,
      date: s.date,
      book: bookInfo,
      contracts: this.usedContracts(s, lines),
      taxIncluded: s.taxIncluded,
      rounding: { mode: s.mode, level: s.level },
      lines: out,
      totals: priceTotals,
      approvalRequired: approvals.length > 0,
      approvals,
    };
    if (s.segment !== undefined) result.segment = s.segment;
    if (s.partner) result.partner = s.partner.partner.id;
    if (s.context.customer !== undefined) result.customer = s.context.customer;
    if (region) result.taxRegion = region.id;
    return result;
  }

  /** A manual discount below the floor: the item's floor price per unit, or the book's floor percent. */
  private approval(line: Line, s: Setup): Approval | undefined {
    const k = s.chain.length - 1;
    const { values, spec } = line;
    const before = values[k + 3]!;
    const after = values[k + 5]!;
    // Only manual discounts need approval (not a document-level rounding share).
    if (after === before || (!line.meta?.[k + 4] && !line.meta?.[k + 5])) return undefined;
    const floor = spec.price.floor;
    if (floor !== undefined && after < floor * spec.qty) {
      const params = { floor: format(floor, s.places), net: format(after, s.places) };
      return { item: spec.item, code: 'floor-price', params, reason: englishReason('floor-price', params), rule: `${spec.price.entryRule}.floor` };
    }
    const fp = s.floorPercent;
    if (fp !== undefined && after * fp.factor.den < before * fp.factor.num) {
      const given = divide((before - after) * 100n * 100n, before, s.mode) * HUNDREDTH;
      const params = { percent: format(given, 0), allowed: fp.allowed };
      return { item: spec.item, code: 'floor-percent', params, reason: englishReason('floor-percent', params), rule: fp.rule };
    }
    return undefined;
  }

  private usedContracts(s: Setup, lines: readonly Line[]): string[] {
    const at = s.chain.length + 2;
    const used = new Set<string>();
    for (const line of lines) {
      const m = line.meta?.[at];
      if (m) used.add(String(m.params['contract']));
    }
    return [...used];
  }
}

const NO_PARAMS: ReasonParams = Object.freeze({});

/** Whether two entries describe the same kind of charge, so that one can be the list price of the other. */
function sameCharge(a: Charge, b: Charge): boolean {
  return a === b || (a.recurring === b.recurring && a.per === b.per && a.included !== true);
}

/** The step a book of the chain adds: its own price, or its percent or amount adjustment of its base (the same for every line). */
function bookStep(book: Book, p: BookPrice, unit: string | undefined): Meta {
  const based = book.book.basedOn;
  if (!p.own && (based?.percent !== undefined || based?.amount !== undefined)) {
    return (book.adjustment ??= based.percent !== undefined
      ? makeMeta('book-percent', { book: book.book.id, bookName: book.label, base: book.base!.book.id, baseName: book.base!.label, percent: based.percent }, p.rule)
      : makeMeta('book-amount', { book: book.book.id, bookName: book.label, base: book.base!.book.id, baseName: book.base!.label, amount: based.amount! }, p.rule));
  }
  const params = unit === undefined ? { book: book.book.id, bookName: book.label } : { book: book.book.id, bookName: book.label, unitPrice: unit };
  return makeMeta('book-price', params, p.rule);
}
