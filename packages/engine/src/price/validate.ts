/**
 * Checks of the pricing section that need the whole catalog: items that must exist,
 * books that must not be based on themselves, tiers that must not overlap or leave
 * gaps, dates that must be real, percentages that must stay within 100. Called by
 * `checkCatalog`, so `loadCatalog` reports pricing mistakes with every other problem.
 */
import type { Attribute, Catalog, LocalText, Option, Product } from '../catalog/schema.js';
import { isRealDate } from '../internal/dates.js';
import { didYouMean, formatPath, ProblemList, type Problem } from '../internal/problems.js';
import { ItemIndex, type ResolvedItem } from './items.js';
import { fixed, format } from './fixed.js';
import { isCurrency, knownCurrencies } from './currency.js';
import type { Charge, PriceBook, PricingSection } from './schema.js';

type Path = PropertyKey[];

const HUNDRED = fixed('100');

/**
 * What a catalog's pricing section still says in a deprecated way, with how to say it now:
 * each `floorPercent` (`"80"`: manual discounts of up to 20% need no approval) as the
 * `maxDiscountPercent` it means. Pricing reads both the same.
 */
export function pricingWarnings(catalog: Catalog): Problem[] {
  const pricing = catalog.pricing as PricingSection | undefined;
  if (pricing === undefined) return [];
  const out = new ProblemList();
  const floor = (value: string | undefined, at: Path): void => {
    if (value === undefined) return;
    const allowed = formatPercent(HUNDRED - fixed(value));
    out.add(at, `"floorPercent" is deprecated: "floorPercent": "${value}" lets manual discounts take up to ${allowed}% off without approval; write "maxDiscountPercent": "${allowed}" instead`);
  };
  pricing.books.forEach((book, i) => floor(book.floorPercent, ['pricing', 'books', i, 'floorPercent']));
  floor(pricing.floorPercent, ['pricing', 'floorPercent']);
  return out.problems;
}

/** A percentage in internal units as the catalog would write it: "20", "12.5". */
function formatPercent(value: bigint): string {
  return format(value, 0);
}

/** Returns every problem of a catalog's pricing section (none when it has none). */
export function checkPricing(catalog: Catalog): Problem[] {
  const pricing = catalog.pricing as PricingSection | undefined;
  if (pricing === undefined) return [];
  const out = new ProblemList();
  new PricingChecks(catalog, pricing, out).run();
  return out.problems;
}

class PricingChecks {
  private readonly items: ItemIndex;
  private readonly books = new Map<string, { book: PriceBook; index: number }>();
  private readonly schedules: Set<string>;
  private readonly partners: Set<string>;
  /** Tax categories in use, with the first place that uses each. */
  private readonly categories = new Map<string, Path>();

  constructor(
    private readonly catalog: Catalog,
    private readonly pricing: PricingSection,
    private readonly out: ProblemList,
  ) {
    this.items = new ItemIndex(catalog);
    pricing.books.forEach((book, index) => {
      if (!this.books.has(book.id)) this.books.set(book.id, { book, index });
    });
    this.schedules = new Set((pricing.schedules ?? []).map((s) => s.id));
    this.partners = new Set((pricing.partners ?? []).map((p) => p.id));
  }

  run(): void {
    const p = ['pricing'];
    const { pricing } = this;
    unique(pricing.books, [...p, 'books'], 'price book', this.out);
    pricing.books.forEach((book, i) => this.book(book, [...p, 'books', i]));
    this.cycles();
    unique(pricing.schedules ?? [], [...p, 'schedules'], 'discount schedule', this.out);
    (pricing.schedules ?? []).forEach((schedule, i) => {
      const at = [...p, 'schedules', i];
      this.text(schedule.name, [...at, 'name']);
      this.tiers(schedule.tiers, [...at, 'tiers'], false);
      schedule.tiers.forEach((tier, j) => this.percent(tier.percent, [...at, 'tiers', j, 'percent'], 'discount'));
    });
    unique(pricing.contracts ?? [], [...p, 'contracts'], 'contract', this.out);
    (pricing.contracts ?? []).forEach((contract, i) => {
      const at = [...p, 'contracts', i];
      this.text(contract.name, [...at, 'name']);
      if (contract.currency !== undefined) this.currency(contract.currency, [...at, 'currency']);
      this.dates(contract.validFrom, contract.validTo, at);
      for (const [item, price] of Object.entries(contract.prices)) {
        const where = [...at, 'prices', item];
        this.item(item, where);
        const given = (price.amount !== undefined ? 1 : 0) + (price.percent !== undefined ? 1 : 0);
        if (given !== 1) this.out.add(where, given === 0 ? 'give "amount" (a unit price) or "percent" (off)' : 'give "amount" or "percent", not both');
        if (price.percent !== undefined) this.percent(price.percent, [...where, 'percent'], 'discount');
      }
    });
    unique(pricing.partners ?? [], [...p, 'partners'], 'partner', this.out);
    (pricing.partners ?? []).forEach((partner, i) => {
      const at = [...p, 'partners', i];
      this.text(partner.name, [...at, 'name']);
      this.percent(partner.percent, [...at, 'percent'], 'discount');
      (partner.exclude ?? []).forEach((item, j) => this.item(item, [...at, 'exclude', j]));
    });
    this.termOptions();
    this.maxDiscount(pricing, p);
    this.tax();
  }

  private book(book: PriceBook, at: Path): void {
    this.text(book.name, [...at, 'name']);
    if (book.currency !== undefined) this.currency(book.currency, [...at, 'currency']);
    this.dates(book.validFrom, book.validTo, at);
    (book.audience ?? []).forEach((segment, i) => {
      if (segment.startsWith('partner:')) {
        const id = segment.slice('partner:'.length);
        if (!this.partners.has(id)) {
          this.out.add([...at, 'audience', i], `unknown partner "${id}"${didYouMean(id, this.partners)}; list it in "partners"`);
        }
      }
    });
    this.maxDiscount(book, at);
    if (book.taxRegion !== undefined) this.taxRegion(book.taxRegion, [...at, 'taxRegion']);
    if (book.basedOn) {
      const based = book.basedOn;
      const base = this.books.get(based.book);
      if (!base) {
        this.out.add([...at, 'basedOn', 'book'], `unknown price book "${based.book}"${didYouMean(based.book, this.books.keys())}`);
      } else {
        const mine = book.currency ?? this.catalog.defaultCurrency;
        const theirs = base.book.currency ?? this.catalog.defaultCurrency;
        if (mine !== theirs && based.exchangeRate === undefined) {
          this.out.add([...at, 'basedOn'], `price book "${book.id}" is in ${mine} but "${base.book.id}" is in ${theirs}: add an "exchangeRate" with its date`);
        } else if (mine === theirs && based.exchangeRate !== undefined) {
          this.out.add([...at, 'basedOn', 'exchangeRate'], `both books are in ${mine}; an exchange rate is only for a base book in another currency`);
        }
      }
      if (based.percent !== undefined && based.amount !== undefined) this.out.add([...at, 'basedOn'], 'give "percent" or "amount", not both');
      if (based.percent !== undefined && fixed(based.percent) < -HUNDRED) {
        this.out.add([...at, 'basedOn', 'percent'], `${based.percent}% would make prices negative`);
      }
      if (based.exchangeRate !== undefined) {
        if (fixed(based.exchangeRate.rate) === 0n) this.out.add([...at, 'basedOn', 'exchangeRate', 'rate'], 'an exchange rate cannot be 0');
        if (!isRealDate(based.exchangeRate.date)) this.out.add([...at, 'basedOn', 'exchangeRate', 'date'], `"${based.exchangeRate.date}" is not a day of the calendar`);
      }
    }
    for (const [item, charge] of Object.entries(book.prices ?? {})) this.charge(item, charge, [...at, 'prices', item]);
  }

  private charge(item: string, charge: Charge, at: Path): void {
    const resolved = this.item(item, at);
    const given = (charge.amount !== undefined ? 1 : 0) + (charge.block !== undefined ? 1 : 0) + (charge.tiers !== undefined ? 1 : 0) + (charge.included === true ? 1 : 0);
    if (given === 0) this.out.add(at, 'give "amount", "block", "tiers" or "included": true');
    else if (given > 1) this.out.add(at, 'give only one of "amount", "block", "tiers" and "included"');
    if (charge.tiers !== undefined) {
      if (charge.tierMode === undefined) this.out.add([...at, 'tierMode'], 'is required with tiers: "range", "slab" or "block"');
      this.tiers(charge.tiers, [...at, 'tiers'], true);
    } else if (charge.tierMode !== undefined) {
      this.out.add([...at, 'tierMode'], 'only tiers take a tierMode');
    }
    if (charge.recurring === undefined) {
      if (charge.term !== undefined) this.out.add([...at, 'term'], 'only a recurring charge has a term; add "recurring": "month" or "year"');
      if (charge.prorate !== undefined) this.out.add([...at, 'prorate'], 'only a recurring charge is prorated; add "recurring": "month" or "year"');
    }
    this.text(charge.unit, [...at, 'unit']);
    if (charge.schedule !== undefined && !this.schedules.has(charge.schedule)) {
      this.out.add([...at, 'schedule'], `unknown discount schedule "${charge.schedule}"${didYouMean(charge.schedule, this.schedules)}`);
    }
    if (charge.taxCategory !== undefined && !this.categories.has(charge.taxCategory)) this.categories.set(charge.taxCategory, [...at, 'taxCategory']);
    if (charge.per !== undefined && typeof resolved === 'object') {
      const attributes = this.items.products.get(resolved.product.id)!.attributes;
      const per = attributes.get(charge.per);
      if (!per) {
        this.out.add([...at, 'per'], `unknown attribute "${charge.per}" of product "${resolved.product.id}"${didYouMean(charge.per, attributes.keys())}`);
      } else if (per.kind !== 'quantity') {
        this.out.add([...at, 'per'], `"${per.id}" is a ${per.kind === 'boolean' ? 'boolean' : `${per.kind} choice`}; "per" names a quantity attribute`);
      } else if (resolved.attribute?.kind === 'quantity') {
        this.out.add([...at, 'per'], `"${resolved.attribute.id}" is priced per unit already; "per" is for products, options and booleans`);
      }
    }
  }

  /** Tiers in increasing order, without overlaps or gaps; a price's tiers start at 1. */
  private tiers(tiers: readonly { from: number; to?: number | undefined }[], at: Path, startAtOne: boolean): void {
    tiers.forEach((tier, i) => {
      if (tier.to !== undefined && tier.to < tier.from) this.out.add([...at, i, 'to'], `${tier.to} is before the tier's start ${tier.from}`);
      if (i === 0) {
        if (startAtOne && tier.from !== 1) this.out.add([...at, 0, 'from'], `the first tier starts at 1, not ${tier.from}`);
        return;
      }
      const before = tiers[i - 1]!;
      if (before.to === undefined) {
        if (tier.from <= before.from) this.out.add([...at, i, 'from'], `starts at ${tier.from}, not after the tier before (from ${before.from})`);
      } else if (tier.from <= before.to) {
        this.out.add([...at, i, 'from'], `starts at ${tier.from}, inside the tier before (${before.from}–${before.to})`);
      } else if (tier.from > before.to + 1) {
        const gap = tier.from - 1 === before.to + 1 ? `quantity ${before.to + 1} has` : `quantities ${before.to + 1}–${tier.from - 1} have`;
        this.out.add([...at, i, 'from'], `starts at ${tier.from}, but the tier before ends at ${before.to}: ${gap} no ${startAtOne ? 'price' : 'tier'}`);
      }
    });
  }

  private cycles(): void {
    this.pricing.books.forEach((book, i) => {
      const seen = [book.id];
      let current = book;
      while (current.basedOn) {
        const next = this.books.get(current.basedOn.book)?.book;
        if (!next) return;
        if (next.id === book.id) {
          this.out.add(['pricing', 'books', i, 'basedOn', 'book'], `price book "${book.id}" is based on itself (${[...seen, book.id].map((id) => `"${id}"`).join(' → ')})`);
          return;
        }
        if (seen.includes(next.id)) return; // a cycle further up, reported at its own books
        seen.push(next.id);
        current = next;
      }
    });
  }

  private termOptions(): void {
    const byProduct = new Map<string, string>();
    for (const [item, months] of Object.entries(this.pricing.termOptions ?? {})) {
      const at = ['pricing', 'termOptions', item];
      const resolved = this.item(item, at);
      if (typeof resolved === 'string') continue;
      if (!resolved.option) {
        this.out.add(at, `a term option is an option, e.g. "${resolved.product.id}/billing:annual"; "${item}" is not`);
        continue;
      }
      const first = byProduct.get(resolved.product.id);
      if (first === undefined) byProduct.set(resolved.product.id, resolved.attribute!.id);
      else if (first !== resolved.attribute!.id) {
        this.out.add(at, `the term options of product "${resolved.product.id}" must all be options of one attribute, "${first}"`);
      }
      if (months < 1) this.out.add(at, 'a term is at least 1 month');
    }
  }

  private tax(): void {
    const tax = this.pricing.tax;
    if (!tax) return;
    unique(tax.regions, ['pricing', 'tax', 'regions'], 'tax region', this.out);
    const needed = new Map(this.categories);
    needed.set(tax.defaultCategory ?? 'standard', ['pricing', 'tax', 'defaultCategory']);
    tax.regions.forEach((region, i) => {
      const at = ['pricing', 'tax', 'regions', i];
      this.text(region.name, [...at, 'name']);
      const have = new Map<string, number>();
      region.rates.forEach((rate, j) => {
        this.text(rate.name, [...at, 'rates', j, 'name']);
        if (have.has(rate.category)) {
          this.out.add([...at, 'rates', j, 'category'], `tax category "${rate.category}" has two rates (also ${formatPath([...at, 'rates', have.get(rate.category)!])})`);
        } else have.set(rate.category, j);
      });
      for (const [category, usedAt] of needed) {
        if (!have.has(category)) {
          const by = usedAt[usedAt.length - 1] === 'defaultCategory' ? 'the default category' : `used by ${formatPath(usedAt.slice(0, -1))}`;
          this.out.add([...at, 'rates'], `has no rate for tax category "${category}" (${by})${didYouMean(category, have.keys())}`);
        }
      }
    });
  }

  private taxRegion(id: string, at: Path): void {
    const regions = (this.pricing.tax?.regions ?? []).map((r) => r.id);
    if (!regions.includes(id)) {
      this.out.add(at, regions.length === 0 ? `unknown tax region "${id}": the pricing section has no "tax"` : `unknown tax region "${id}"${didYouMean(id, regions)}`);
    }
  }

  private item(item: string, at: Path): ResolvedItem | string {
    const resolved = this.items.resolve(item);
    if (typeof resolved === 'string') this.out.add(at, resolved);
    return resolved;
  }

  private currency(code: string, at: Path): void {
    if (!isCurrency(code)) this.out.add(at, `"${code}" is not an ISO 4217 currency code${didYouMean(code, knownCurrencies())}`);
  }

  private dates(from: string | undefined, to: string | undefined, at: Path): void {
    if (from !== undefined && !isRealDate(from)) this.out.add([...at, 'validFrom'], `"${from}" is not a day of the calendar`);
    if (to !== undefined && !isRealDate(to)) this.out.add([...at, 'validTo'], `"${to}" is not a day of the calendar`);
    if (from !== undefined && to !== undefined && to < from) this.out.add([...at, 'validTo'], `${to} is before validFrom ${from}`);
  }

  /** The approval floor of a book or the section: `maxDiscountPercent`, or the deprecated `floorPercent`, not both. */
  private maxDiscount(on: { maxDiscountPercent?: string | undefined; floorPercent?: string | undefined }, at: Path): void {
    if (on.maxDiscountPercent !== undefined) this.percent(on.maxDiscountPercent, [...at, 'maxDiscountPercent'], 'maximum discount');
    if (on.floorPercent === undefined) return;
    if (on.maxDiscountPercent !== undefined) this.out.add([...at, 'floorPercent'], 'give "maxDiscountPercent" only: "floorPercent" is its deprecated form');
    else this.percent(on.floorPercent, [...at, 'floorPercent'], 'floor');
  }

  private percent(value: string, at: Path, what: 'discount' | 'maximum discount' | 'floor'): void {
    if (fixed(value) > HUNDRED) this.out.add(at, `a ${what} of ${value}% is over 100%`);
  }

  /** Localised texts need the default locale, like every other text of the catalog. */
  private text(text: LocalText | undefined, at: Path): void {
    if (text === undefined || typeof text === 'string') return;
    const locale = this.catalog.defaultLocale;
    if (!Object.hasOwn(text, locale) && !Object.hasOwn(text, locale.split('-')[0]!)) {
      this.out.add(at, `has no text in the default locale "${locale}"`);
    }
  }
}

function unique(items: readonly { id: string }[], path: Path, what: string, out: ProblemList): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else out.add([...path, i, 'id'], `duplicate ${what} id "${item.id}" (also ${formatPath([...path, first])})`);
  });
}
