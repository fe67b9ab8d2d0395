/**
 * Quotes over time: the next version of a quote after a change, what a change costs
 * line by line and in the totals, and re-pricing a saved quote at today's prices.
 */
import type { Catalog, Configuration, LocalText, SelectionValue } from '../catalog/schema.js';
import { canonicalJson, contentHash } from '../internal/digest.js';
import { formatPath, type Problem } from '../internal/problems.js';
import type { PriceBreakdown, PriceLine, PriceTotals } from '../price/breakdown.js';
import { applyChange, type SelectionChange } from '../price/delta.js';
import { fixed, format } from '../price/fixed.js';
import type { MoneyJSON } from '../price/money.js';
import { PricingError } from '../price/problems.js';
import type { ManualDiscount } from '../price/schema.js';
import { assemble, inputsOf, instant, QuoteError, readRequest, utcDay, type QuoteItemInputs } from './create.js';
import type { Quote, QuoteAmendment, QuoteContextInput, QuoteItemInput } from './schema.js';
import { priceAmendment } from '../subscription/amend.js';
import type { Proration } from '../subscription/schema.js';
import { fitConfiguration, type DroppedSelection } from './share.js';

/** One change to the items of a quote, addressed by item id. */
export type QuoteItemChange =
  | { readonly add: QuoteItemInput }
  | { readonly remove: string }
  | {
      readonly item: string;
      /** A change of selections, as `priceDelta` takes it: `"display:d98"`, or `{ "table-mics": 6, "camera": null }`. */
      readonly select?: SelectionChange;
      readonly quantity?: number;
      /** New manual line discounts of the item; `null` removes them. */
      readonly lineDiscounts?: Readonly<Record<string, ManualDiscount>> | null;
    };

/** What {@link reviseQuote} changes. */
export interface QuoteChanges {
  /** Item changes, applied in order. */
  readonly items?: readonly QuoteItemChange[];
  /** Context fields to set; `null` removes one (`orderDiscount: null`). The price date stays unless given. */
  readonly context?: { readonly [K in keyof QuoteContextInput]?: QuoteContextInput[K] | null };
  /** A new last day of validity; default the quote's (which must not have passed). */
  readonly validUntil?: string | Date;
  /**
   * For a running subscription (an accepted quote): the change takes effect on `date`, and the
   * revision carries `amendment`, what it costs to the end of the term (see `priceAmendment`).
   */
  readonly amend?: { readonly date: string; readonly start?: string; readonly proration?: Proration };
}

/** Where a revision or reorder is made. */
export interface ReviseOptions {
  /** The catalog to price with. */
  readonly catalog: Catalog;
  /** When the new version is made; default now. */
  readonly now?: Date | string;
}

/**
 * Makes the next version of a quote: the same number, `version` + 1, `previous` naming
 * the version it replaces (with the content hash of that document, unsigned), priced
 * afresh with the changes. The price date stays the quote's unless the changes set
 * another, so a change after ordering costs what it costs under the agreed prices.
 * The result is unsigned; {@link diffQuotes} of the two shows what the change costs.
 * Throws {@link QuoteError} with paths into `changes`.
 *
 * @example
 * ```ts
 * const v2 = await reviseQuote(v1, { items: [{ item: '1', select: 'display:d98', quantity: 4 }] }, { catalog });
 * diffQuotes(v1, v2).totals.grandTotal.change; // { amount: "...", currency: "EUR" }
 * ```
 */
export async function reviseQuote(quote: Quote, changes: QuoteChanges, options: ReviseOptions): Promise<Quote> {
  const { catalog } = options;
  const now = instant(options.now);
  const problems: Problem[] = [];
  let items: QuoteItemInputs[] = quote.items.map(inputsOf);
  (changes.items ?? []).forEach((change, i) => {
    const at = ['changes', 'items', i];
    if ('add' in change) {
      // Never an id the quote had, so that a diff does not take a new item for a removed one.
      const used = new Set([...quote.items, ...items].map((item) => item.id));
      let next = used.size + 1;
      while (used.has(String(next))) next++;
      items.push({ id: change.add.id ?? String(next), configuration: change.add.configuration, quantity: change.add.quantity ?? 1, ...(change.add.lineDiscounts ? { lineDiscounts: change.add.lineDiscounts } : {}) });
      return;
    }
    const id = 'remove' in change ? change.remove : change.item;
    const index = items.findIndex((item) => item.id === id);
    if (index < 0) {
      problems.push({ path: formatPath([...at, 'remove' in change ? 'remove' : 'item']), message: `the quote has no item "${id}" (it has ${items.map((item) => `"${item.id}"`).join(', ')})` });
      return;
    }
    if ('remove' in change) {
      items = items.filter((_, j) => j !== index);
      return;
    }
    let item = items[index]!;
    if (change.select !== undefined) {
      try {
        item = { ...item, configuration: applyChange(catalog, item.configuration, change.select) };
      } catch (error) {
        if (!(error instanceof PricingError)) throw error;
        problems.push(...error.problems.map((p) => ({ path: formatPath([...at, 'select']), message: p.message })));
      }
    }
    if (change.quantity !== undefined) item = { ...item, quantity: change.quantity };
    if (change.lineDiscounts === null) {
      const { lineDiscounts: _, ...rest } = item;
      item = rest;
    } else if (change.lineDiscounts !== undefined) item = { ...item, lineDiscounts: change.lineDiscounts };
    items[index] = item;
  });
  if (problems.length > 0) throw new QuoteError(problems, 'The changes');
  const context: Record<string, unknown> = { ...quote.context };
  for (const [field, value] of Object.entries(changes.context ?? {})) {
    if (value === null) delete context[field];
    else if (value !== undefined) context[field] = value;
  }
  const request = readRequest(catalog, { items, context, validUntil: changes.validUntil ?? quote.validUntil, number: quote.number }, now);
  const amendment = changes.amend ? amendmentSection(catalog, quote, request.items, changes.amend) : undefined;
  return assemble(catalog, { ...request, now, version: quote.version + 1, previous: await previousOf(quote), ...(amendment ? { amendment } : {}) });
}

/** The amendment section of a revision: the change priced with the accepted quote, and the accepted items. */
function amendmentSection(catalog: Catalog, quote: Quote, after: readonly QuoteItemInputs[], amend: NonNullable<QuoteChanges['amend']>): QuoteAmendment {
  const { quote: _, items: _items, ...priced } = priceAmendment(catalog, quote, { ...amend, items: after.map((item) => ({ ...item })) });
  return { ...priced, before: quote.items.map(inputsOf) } as unknown as QuoteAmendment;
}

/** The `previous` of a quote made from `quote`. */
async function previousOf(quote: Quote): Promise<NonNullable<Quote['previous']>> {
  const { signature: _, ...unsigned } = quote;
  return { number: quote.number, version: quote.version, hash: await contentHash(unsigned) };
}

/** A price configuration saved without a quote, e.g. from a hand-off: the configuration and the price the buyer saw. */
export interface SavedConfiguration {
  readonly configuration: Configuration;
  readonly price: PriceBreakdown;
}

/** What {@link diffQuotes} compares: a quote, or a configuration with its saved price. */
export type Priced = Quote | SavedConfiguration;

/** An amount before and after, and the change (after − before; positive: it costs more). */
export interface MoneyChange {
  readonly from: MoneyJSON;
  readonly to: MoneyJSON;
  readonly change: MoneyJSON;
}

/** A line that was added, removed or changed. */
export interface LineDiff {
  /** The line's item: "meeting-room/display:d98". */
  readonly item: string;
  readonly name: LocalText;
  readonly status: 'added' | 'removed' | 'changed';
  readonly charge: 'one-time' | 'recurring';
  readonly period?: 'month' | 'year';
  readonly quantity: { readonly from?: number; readonly to?: number };
  /** The line's net: one-time, or per period for a recurring line. */
  readonly net: MoneyChange;
  /** A recurring line's net over its term. */
  readonly term?: MoneyChange;
  /** What this line's change does to the net total: its one-time net, or its net over the term. */
  readonly cost: MoneyJSON;
}

/** A selection of an item's configuration that changed. */
export interface SelectionDiff {
  readonly attribute: string;
  readonly from?: SelectionValue;
  readonly to?: SelectionValue;
}

/** One item of the quotes compared. */
export interface ItemDiff {
  readonly id: string;
  readonly product: string;
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly quantity: { readonly from?: number; readonly to?: number };
  readonly selections: readonly SelectionDiff[];
  /** The lines that changed, with what each costs. */
  readonly lines: readonly LineDiff[];
  /** The item's net total (one-time plus over the term). */
  readonly net: MoneyChange;
  readonly grandTotal: MoneyChange;
}

/** What changed between two quotes, and what it costs. */
export interface QuoteDiff {
  readonly currency: string;
  /** Fields of the price context that differ (date, segment, order discount...). */
  readonly context: readonly { readonly field: string; readonly from?: unknown; readonly to?: unknown }[];
  readonly items: readonly ItemDiff[];
  readonly totals: {
    readonly oneTime: MoneyChange;
    /** Recurring net per month or year, when either quote has such charges. */
    readonly month?: MoneyChange;
    readonly year?: MoneyChange;
    /** Recurring net over the terms. */
    readonly term: MoneyChange;
    /** One-time plus term, net: the sum of every line's `cost`. */
    readonly net: MoneyChange;
    readonly tax: MoneyChange;
    readonly grandTotal: MoneyChange;
    readonly savings: MoneyChange;
  };
  /** Whether anything that has a price changed. */
  readonly changed: boolean;
}

interface PricedItem {
  readonly id: string;
  readonly configuration: Configuration;
  readonly quantity: number;
  readonly price: PriceBreakdown;
}

function itemsOf(p: Priced): readonly PricedItem[] {
  // The quote schema's types and the engine's readonly result types describe the same JSON.
  return 'items' in p ? (p.items as unknown as PricedItem[]) : [{ id: '1', configuration: p.configuration, quantity: p.price.quantity, price: p.price }];
}

function totalsOf(p: Priced): PriceTotals {
  return 'items' in p ? (p.totals as unknown as PriceTotals) : p.price.totals;
}

/**
 * Compares two quotes (or saved configurations) item by item (by item id) and line by
 * line (by item): what was added, removed and changed, what each change costs, and the
 * change of every total. The lines' `cost` add up to the change of the net total.
 * Throws {@link QuoteError} for quotes in different currencies.
 */
export function diffQuotes(a: Priced, b: Priced): QuoteDiff {
  const fromTotals = totalsOf(a);
  const toTotals = totalsOf(b);
  const currency = fromTotals.grandTotal.currency;
  if (toTotals.grandTotal.currency !== currency) {
    throw new QuoteError([{ path: 'currency', message: `cannot compare a quote in ${currency} with one in ${toTotals.grandTotal.currency}` }], 'The comparison');
  }
  const m = new MoneyMath(fromTotals.grandTotal);
  const before = itemsOf(a);
  const after = itemsOf(b);
  const ids = [...new Set([...before.map((i) => i.id), ...after.map((i) => i.id)])];
  const items = ids.map((id) => diffItem(before.find((i) => i.id === id), after.find((i) => i.id === id), m));
  const tax = (t: PriceTotals): MoneyJSON => m.sum(t.tax.map((x) => x.amount));
  const totals: Record<string, MoneyChange> = {
    oneTime: m.change(fromTotals.oneTime.net, toTotals.oneTime.net),
    term: m.change(fromTotals.term.net, toTotals.term.net),
    net: m.change(fromTotals.net, toTotals.net),
    tax: m.change(tax(fromTotals), tax(toTotals)),
    grandTotal: m.change(fromTotals.grandTotal, toTotals.grandTotal),
    savings: m.change(fromTotals.savings.amount, toTotals.savings.amount),
  };
  for (const period of ['month', 'year'] as const) {
    if (fromTotals.recurring[period] || toTotals.recurring[period]) totals[period] = m.change(fromTotals.recurring[period]?.net, toTotals.recurring[period]?.net);
  }
  const context = 'context' in a && 'context' in b ? contextDiff(a.context, b.context) : [];
  const changed = items.some((i) => i.status !== 'unchanged') || Object.values(totals).some((t) => !m.isZero(t.change));
  return { currency, context, items, totals: totals as unknown as QuoteDiff['totals'], changed };
}

function contextDiff(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): QuoteDiff['context'] {
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return fields
    .filter((field) => canonicalJson(a[field] ?? null) !== canonicalJson(b[field] ?? null))
    .map((field) => ({ field, ...(a[field] === undefined ? {} : { from: a[field] }), ...(b[field] === undefined ? {} : { to: b[field] }) }));
}

function diffItem(a: PricedItem | undefined, b: PricedItem | undefined, m: MoneyMath): ItemDiff {
  const any = (a ?? b)!;
  const beforeLines = a?.price.lines ?? [];
  const afterLines = b?.price.lines ?? [];
  const keys = [...new Set([...beforeLines.map((l) => l.item), ...afterLines.map((l) => l.item)])];
  const lines = keys.flatMap((key) => {
    const diff = diffLine(beforeLines.find((l) => l.item === key), afterLines.find((l) => l.item === key), m);
    return diff ? [diff] : [];
  });
  const selections: SelectionDiff[] = [];
  const from = a?.configuration.selections ?? {};
  const to = b?.configuration.selections ?? {};
  for (const attribute of new Set([...Object.keys(from), ...Object.keys(to)])) {
    const x = Object.hasOwn(from, attribute) ? from[attribute] : undefined;
    const y = Object.hasOwn(to, attribute) ? to[attribute] : undefined;
    if (canonicalJson(x ?? null) !== canonicalJson(y ?? null)) selections.push({ attribute, ...(x === undefined ? {} : { from: x }), ...(y === undefined ? {} : { to: y }) });
  }
  const net = m.change(a?.price.totals.net, b?.price.totals.net);
  const grandTotal = m.change(a?.price.totals.grandTotal, b?.price.totals.grandTotal);
  const status = !a ? 'added' : !b ? 'removed' : lines.length > 0 || selections.length > 0 || a.quantity !== b.quantity || !m.isZero(grandTotal.change) ? 'changed' : 'unchanged';
  return {
    id: any.id,
    product: any.configuration.product,
    status,
    quantity: { ...(a ? { from: a.quantity } : {}), ...(b ? { to: b.quantity } : {}) },
    selections,
    lines,
    net,
    grandTotal,
  };
}

function diffLine(a: PriceLine | undefined, b: PriceLine | undefined, m: MoneyMath): LineDiff | undefined {
  const any = (a ?? b)!;
  const same = a && b && a.quantity === b.quantity && a.list.amount === b.list.amount && a.gross.amount === b.gross.amount && a.net.amount === b.net.amount && a.term?.net.amount === b.term?.net.amount;
  if (same) return undefined;
  const net = m.change(a?.net, b?.net);
  const term = any.charge === 'recurring' ? m.change(a?.term?.net ?? a?.net, b?.term?.net ?? b?.net) : undefined;
  return {
    item: any.item,
    name: (b ?? a)!.name,
    status: !a ? 'added' : !b ? 'removed' : 'changed',
    charge: any.charge,
    ...(any.period ? { period: any.period } : {}),
    quantity: { ...(a ? { from: a.quantity } : {}), ...(b ? { to: b.quantity } : {}) },
    net,
    ...(term ? { term } : {}),
    cost: (term ?? net).change,
  };
}

/** Exact sums and differences of amounts in one currency, written with its decimals. */
class MoneyMath {
  private readonly currency: string;
  private readonly places: number;

  constructor(sample: MoneyJSON) {
    this.currency = sample.currency;
    const dot = sample.amount.indexOf('.');
    this.places = dot < 0 ? 0 : sample.amount.length - dot - 1;
  }

  private money(value: bigint): MoneyJSON {
    return { amount: format(value, this.places), currency: this.currency };
  }

  /** from → to; a missing side is zero. */
  change(from: MoneyJSON | undefined, to: MoneyJSON | undefined): MoneyChange {
    const x = fixed(from?.amount ?? '0');
    const y = fixed(to?.amount ?? '0');
    return { from: this.money(x), to: this.money(y), change: this.money(y - x) };
  }

  sum(amounts: readonly MoneyJSON[]): MoneyJSON {
    return this.money(amounts.reduce((n, a) => n + fixed(a.amount), 0n));
  }

  isZero(money: MoneyJSON): boolean {
    return fixed(money.amount) === 0n;
  }
}

/** What {@link reorder} takes besides the saved quote. */
export interface ReorderOptions extends ReviseOptions {
  /** The last day the new quote may be accepted. */
  readonly validUntil: string | Date;
  /** The new quote's number; default a new one. */
  readonly number?: string;
}

/** A saved quote or configuration priced again today. */
export interface Reorder {
  /** The new quote (version 1, unsigned), at today's prices, with `previous` naming the saved quote. */
  readonly quote: Quote;
  /** From the saved price to today's. */
  readonly diff: QuoteDiff;
  /** Selections the catalog no longer accepts, per item id: dropped from the new quote, each with its reason. */
  readonly dropped: readonly { readonly item: string; readonly dropped: readonly DroppedSelection[] }[];
}

/**
 * Re-prices a saved quote (or a configuration saved with its price) at today's prices
 * and today's catalog, and shows the difference. The price context stays (segment,
 * partner, customer, discounts), except the price date, which becomes today (UTC), and
 * for a saved configuration the book, which is chosen afresh for its segment, partner
 * and currency. Selections that no longer fit the catalog are dropped and reported;
 * when the rest is not a complete configuration any more, {@link QuoteError} says what
 * is missing.
 */
export async function reorder(saved: Priced, options: ReorderOptions): Promise<Reorder> {
  const { catalog } = options;
  const now = instant(options.now);
  const dropped: { item: string; dropped: DroppedSelection[] }[] = [];
  const items = itemsOf(saved).map((item): QuoteItemInputs => {
    const fitted = fitConfiguration(catalog, item.configuration);
    if (fitted.dropped.length > 0) dropped.push({ item: item.id, dropped: fitted.dropped });
    const lineDiscounts = 'items' in saved ? saved.items.find((i) => i.id === item.id)?.lineDiscounts : undefined;
    return { id: item.id, configuration: fitted.configuration, quantity: item.quantity, ...(lineDiscounts ? { lineDiscounts } : {}) };
  });
  const context = 'items' in saved ? { ...saved.context } : contextOf(saved.price);
  context.date = utcDay(now, 'now');
  const request = readRequest(catalog, { items, context, validUntil: options.validUntil, ...(options.number === undefined ? {} : { number: options.number }) }, now);
  const quote = await assemble(catalog, { ...request, now, version: 1, ...('items' in saved ? { previous: await previousOf(saved) } : {}) });
  return { quote, diff: diffQuotes(saved, quote), dropped };
}

/** The price context a saved breakdown was made with, as far as it records it. */
function contextOf(price: PriceBreakdown): QuoteContextInput & { date?: string } {
  return {
    currency: price.currency,
    ...(price.segment === undefined ? {} : { segment: price.segment }),
    ...(price.partner === undefined ? {} : { partner: price.partner }),
    ...(price.customer === undefined ? {} : { customer: price.customer }),
    ...(price.taxRegion === undefined ? {} : { taxRegion: price.taxRegion }),
  };
}
