/**
 * Making quotes: every item of a request priced by the engine, the items' totals added
 * up exactly, and a record of what was priced with what (catalog hash, engine version,
 * dates), so that the same inputs can be priced again later and compared.
 */
import * as z from 'zod/mini';
import { catalogHash } from '../catalog/checked.js';
import type { Catalog, Configuration } from '../catalog/schema.js';
import { localize } from '../catalog/text.js';
import { checkConfiguration } from '../catalog/check-configuration.js';
import { violatedRules } from '../configure/evaluate.js';
import { contentHash } from '../internal/digest.js';
import { checkJsonValue } from '../internal/json.js';
import { formatPath, ValidationError, type Problem } from '../internal/problems.js';
import { problemsFromIssues } from '../internal/zod-problems.js';
import type { ChargeTotals, PriceBreakdown, PriceTotals } from '../price/breakdown.js';
import { placesOf, sumTotals } from '../price/sum.js';
import { allocate, divide, fixed, format, stepOf } from '../price/fixed.js';
import { price, PricingError } from '../price/index.js';
import { priceRamp, type RampSegmentPrice } from '../subscription/ramp.js';
import type { MoneyJSON, RoundingMode } from '../price/money.js';
import { isRealDate } from '../internal/dates.js';
import {
  QUOTE_FORMAT,
  QuoteRequestSchema,
  type Quote,
  type QuoteContext,
  type QuoteContextInput,
  type QuoteItem,
  type QuoteItemInput,
} from './schema.js';

/** The version of `@cpq-kit/engine` that quotes record (a test keeps it equal to package.json's). */
export const ENGINE_VERSION = '0.1.0';

/** A quote that cannot be made; `problems` lists every problem, each with its path in the request. */
export class QuoteError extends ValidationError {
  constructor(problems: readonly Problem[], what = 'The quote request') {
    super(what, problems);
    this.name = 'QuoteError';
  }
}

/** What {@link createQuote} takes. */
export interface CreateQuoteOptions {
  /** The catalog to price with (as `loadCatalog` returns it). */
  readonly catalog: Catalog;
  /** The configured products, each with its quantity and manual line discounts. */
  readonly items: readonly QuoteItemInput[];
  /** Shared by every item: the day prices apply (default: the day the quote is made), book or segment, currency, partner, customer, term, tax region, order discount. */
  readonly context?: QuoteContextInput;
  /** The last day (UTC) the quote may be accepted: "2026-12-20", or a `Date`. */
  readonly validUntil: string | Date;
  /** The quote number; default one made from the day and a hash of the contents, e.g. "Q-20261120-3fa2c01b". */
  readonly number?: string;
  /** When the quote is made; default now. Give it to make the same quote twice. */
  readonly now?: Date | string;
}

/**
 * Makes a quote: prices every item with the engine (the same `price()` a browser runs),
 * adds the items' totals up exactly, and records the catalog's id, version and content
 * hash, the engine version and the dates. The result is plain JSON, ready to sign with
 * {@link signQuote}.
 *
 * Each configuration must be complete and keep every rule of its product: a quote for a
 * system that cannot be built is refused. Throws {@link QuoteError} listing every
 * problem with its path (`items[1].configuration.selections.display`, `context.date`...).
 *
 * An order discount given as an amount is split over the items in proportion to their
 * gross amounts of the kind of charge it applies to, by largest remainder, so the parts
 * add up to it exactly; a percentage applies to each item.
 *
 * @example
 * ```ts
 * const quote = await createQuote({
 *   catalog,
 *   items: [{ configuration, quantity: 3 }],
 *   context: { segment: 'enterprise' },
 *   validUntil: '2026-12-20',
 * });
 * quote.totals.grandTotal; // { amount: "...", currency: "EUR" }
 * ```
 */
export async function createQuote(options: CreateQuoteOptions): Promise<Quote> {
  const now = instant(options.now);
  const request = readRequest(options.catalog, {
    items: options.items,
    context: options.context ?? {},
    validUntil: options.validUntil,
    ...(options.number === undefined ? {} : { number: options.number }),
  }, now);
  return assemble(options.catalog, { ...request, now, version: 1 });
}

/** The inputs of one quote item: everything but its price (and a ramp's priced segments). */
export type QuoteItemInputs = Omit<QuoteItem, 'price' | 'segments' | 'rampTotals'>;

/** A quote item's inputs: what pricing it again takes. */
export function inputsOf({ price: _, segments: _segments, rampTotals: _totals, ...inputs }: QuoteItem): QuoteItemInputs {
  return inputs;
}

/** A request checked and completed: item ids and quantities filled in, the context's date set. */
interface Request {
  readonly items: readonly QuoteItemInputs[];
  readonly context: QuoteContext;
  readonly validUntil: string;
  readonly number: string | undefined;
}

/**
 * Checks a request (the shape with zod, then each configuration against the catalog and
 * its rules) and fills in defaults. Throws a {@link QuoteError} with every problem.
 *
 * @internal
 */
export function readRequest(
  catalog: Catalog,
  input: { items: unknown; context: unknown; validUntil: unknown; number?: unknown },
  now: Date,
): Request {
  const validUntil = input.validUntil instanceof Date ? utcDay(input.validUntil, 'validUntil') : input.validUntil;
  const value = { ...input, validUntil };
  const unsafe = checkJsonValue(value);
  if (unsafe.length > 0) throw new QuoteError(unsafe);
  const parsed = z.safeParse(QuoteRequestSchema, value);
  if (!parsed.success) throw new QuoteError(problemsFromIssues(parsed.error.issues, value, []));
  const { items, context = {}, number } = parsed.data;
  const problems: Problem[] = [];
  const today = utcDay(now, 'now');
  if (!isRealDate(parsed.data.validUntil)) problems.push({ path: 'validUntil', message: `${parsed.data.validUntil} is not a day of the calendar` });
  else if (parsed.data.validUntil < today) problems.push({ path: 'validUntil', message: `${parsed.data.validUntil} is before the day the quote is made (${today})` });
  const seen = new Set<string>();
  const checked = items.map((item, i): QuoteItemInputs => {
    const id = item.id ?? String(i + 1);
    if (seen.has(id)) problems.push({ path: formatPath(['items', i, 'id']), message: `the item id "${id}" is used twice` });
    seen.add(id);
    problems.push(...configurationProblems(catalog, item.configuration, ['items', i, 'configuration']));
    const out: Mutable<QuoteItemInputs> = { id, configuration: stamped(catalog, item.configuration), quantity: item.quantity ?? 1 };
    if (item.lineDiscounts !== undefined) out.lineDiscounts = item.lineDiscounts;
    if (item.ramp !== undefined) out.ramp = item.ramp;
    return out;
  });
  if (problems.length > 0) throw new QuoteError(problems);
  return { items: checked, context: { ...context, date: context.date ?? today }, validUntil: parsed.data.validUntil, number };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The configuration as a quote keeps it: for this catalog, without `$schema`. */
function stamped(catalog: Catalog, configuration: Configuration): Configuration {
  return { catalog: { id: catalog.id, version: catalog.version }, product: configuration.product, selections: configuration.selections };
}

/**
 * What is wrong with a configuration for a quote: anything that does not fit the
 * catalog, then every rule it breaks and every attribute left without its required
 * choice. Paths start at `at`.
 *
 * @internal
 */
export function configurationProblems(catalog: Catalog, configuration: Configuration, at: readonly PropertyKey[]): Problem[] {
  const prefix = formatPath(at);
  const fits = checkConfiguration(catalog, configuration).map((p) => ({ path: joinPath(prefix, p.path), message: p.message }));
  if (fits.length > 0) return fits;
  const product = catalog.products.find((p) => p.id === configuration.product)!;
  return violatedRules(product, configuration.selections).map((id): Problem => {
    if (id.startsWith('structure:')) {
      const attribute = product.attributes.find((a) => a.id === id.slice('structure:'.length))!;
      const message =
        attribute.kind === 'single'
          ? 'needs one of its options: a quote is for a complete configuration'
          : attribute.kind === 'multiple'
            ? `needs between ${attribute.min ?? 0} and ${attribute.max ?? attribute.options.length} options`
            : attribute.kind === 'quantity'
              ? `needs a quantity from ${attribute.min ?? 0} to ${attribute.max}${attribute.step ? ` in steps of ${attribute.step}` : ''}`
              : 'is not allowed';
      return { path: formatPath([...at, 'selections', attribute.id]), message };
    }
    const rule = product.rules?.find((r) => r.id === id);
    const text = rule?.message === undefined ? '' : `: ${localize(rule.message, catalog.defaultLocale)}`;
    return { path: formatPath([...at, 'selections']), message: `breaks the rule "${id}"${text}` };
  });
}

/** `items[0].configuration` + `selections.display` → `items[0].configuration.selections.display`. */
export function joinPath(prefix: string, path: string): string {
  if (prefix === '') return path;
  if (path === '') return prefix;
  return path.startsWith('[') ? prefix + path : `${prefix}.${path}`;
}

/** What the engine makes of a quote's inputs: everything `verifyQuote` compares. */
export type QuoteOutputs = Pick<Quote, 'currency' | 'book' | 'segment' | 'partner' | 'customer' | 'items' | 'totals' | 'approvalRequired'>;

/**
 * Prices a quote's items under its context. Problems of the request keep their paths
 * in the quote (`items[1].quantity`, `context.date`). Throws {@link QuoteError}.
 *
 * @internal
 */
export function priceInputs(catalog: Catalog, context: QuoteContext, items: readonly QuoteItemInputs[]): QuoteOutputs {
  const problems = new Map<string, Problem>();
  const { orderDiscount: order, ...shared } = context;
  const segments: (readonly RampSegmentPrice[] | undefined)[] = [];
  const totals: PriceTotals[] = [];
  const attempt = (i: number, orderDiscount: QuoteContext['orderDiscount']): PriceBreakdown | undefined => {
    const item = items[i]!;
    const itemContext = {
      ...shared,
      quantity: item.quantity,
      ...(item.lineDiscounts ? { lineDiscounts: item.lineDiscounts } : {}),
      ...(orderDiscount ? { orderDiscount } : {}),
    };
    try {
      if (!item.ramp) {
        const breakdown = price(catalog, item.configuration, itemContext);
        totals[i] = breakdown.totals;
        return breakdown;
      }
      // A ramp item: its first segment is its price; the quote adds up every segment.
      const ramp = priceRamp(catalog, item.configuration, item.ramp, itemContext);
      segments[i] = ramp.segments;
      totals[i] = ramp.totals;
      return ramp.segments[0]!.price;
    } catch (error) {
      if (!(error instanceof PricingError)) throw error;
      for (const p of error.problems) {
        const path = requestPath(i, p.path);
        problems.set(`${path}\n${p.message}`, { path, message: p.message });
      }
      return undefined;
    }
  };
  let shares: readonly QuoteContext['orderDiscount'][] = items.map(() => order);
  if (order?.amount !== undefined && items.some((item) => item.ramp)) {
    // Which segment would an amount come off? A percent applies to every segment alike.
    problems.set('ramp', { path: 'context.orderDiscount.amount', message: "an order discount amount cannot be split over a ramp's segments: give a percent, or line discounts" });
  } else if (order?.amount !== undefined && items.length > 1) {
    // An amount is split over the items by their gross of the kind it applies to; each item then splits its share over its lines.
    const before = items.map((_, i) => attempt(i, undefined));
    if (problems.size === 0) shares = splitOrderDiscount(order.amount, order.appliesTo ?? 'one-time', order.currency, before as PriceBreakdown[], problems);
  }
  const prices = problems.size > 0 ? [] : items.map((_, i) => attempt(i, shares[i]));
  if (problems.size > 0) throw new QuoteError([...problems.values()]);
  const breakdowns = prices as PriceBreakdown[];
  const first = breakdowns[0]!;
  // The engine's result types are readonly and the schema's inferred ones are not; both
  // describe the same JSON (a test parses created quotes with the schema).
  const outputs = {
    currency: first.currency,
    book: first.book,
    ...(first.segment === undefined ? {} : { segment: first.segment }),
    ...(first.partner === undefined ? {} : { partner: first.partner }),
    ...(first.customer === undefined ? {} : { customer: first.customer }),
    items: items.map((item, i) => ({ ...item, price: breakdowns[i]!, ...(segments[i] ? { segments: segments[i], rampTotals: totals[i] } : {}) })),
    totals: sumTotals(totals, first.currency, first.rounding.mode),
    approvalRequired: breakdowns.some((b) => b.approvalRequired) || segments.some((s) => s?.some((segment) => segment.price.approvalRequired)),
  };
  return outputs as unknown as QuoteOutputs;
}

/** Where a problem of item `i`'s price request sits in the quote request. */
function requestPath(i: number, path: string): string {
  const item = formatPath(['items', i]);
  if (path.startsWith('configuration') || path.startsWith('ramp')) return joinPath(item, path);
  if (path.startsWith('context.quantity') || path.startsWith('context.lineDiscounts')) return joinPath(item, path.slice('context.'.length));
  return path;
}

function splitOrderDiscount(
  amount: string,
  appliesTo: 'one-time' | 'month' | 'year',
  /** The currency the request says the amount is in: each share says it too, so that each item's pricing checks it against its book. */
  currency: string | undefined,
  before: readonly PriceBreakdown[],
  problems: Map<string, Problem>,
): QuoteContext['orderDiscount'][] {
  const bookCurrency = before[0]!.currency;
  // An amount in another currency than the book's is not split: pricing refuses it, with its path.
  if (currency !== undefined && currency !== bookCurrency) return before.map(() => ({ amount, appliesTo, currency }));
  const places = placesOf(before[0]!.totals.grandTotal);
  const step = stepOf(places);
  const total = fixed(amount);
  if (total % step !== 0n) {
    problems.set('order', { path: 'context.orderDiscount.amount', message: `${amount} has more decimals than ${bookCurrency} has` });
    return [];
  }
  const kind = (t: PriceTotals): ChargeTotals | undefined => (appliesTo === 'one-time' ? t.oneTime : t.recurring[appliesTo]);
  const weights = before.map((b) => fixed(kind(b.totals)?.gross.amount ?? '0'));
  return allocate(total, weights, step).map((share) => (share === 0n ? undefined : { amount: format(share, places), appliesTo, ...(currency === undefined ? {} : { currency }) }));
}

const hashes = new WeakMap<Catalog, Promise<string>>();

/** The catalog's content hash, worked out once per frozen catalog. */
export function hashOf(catalog: Catalog): Promise<string> {
  if (!Object.isFrozen(catalog)) return catalogHash(catalog);
  let hash = hashes.get(catalog);
  if (!hash) {
    hash = catalogHash(catalog);
    hashes.set(catalog, hash);
  }
  return hash;
}

/**
 * Prices a checked request and makes the quote document (unsigned).
 *
 * @internal
 */
export async function assemble(
  catalog: Catalog,
  request: Request & { readonly now: Date; readonly version: number; readonly previous?: Quote['previous']; readonly amendment?: Quote['amendment'] },
): Promise<Quote> {
  const outputs = priceInputs(catalog, request.context, request.items);
  const created = request.now.toISOString();
  const number = request.number ?? (await defaultNumber(created, request));
  const quote: Quote = {
    format: QUOTE_FORMAT,
    number,
    version: request.version,
    ...(request.previous ? { previous: request.previous } : {}),
    created,
    validUntil: request.validUntil,
    engine: ENGINE_VERSION,
    catalog: { id: catalog.id, version: catalog.version, hash: await hashOf(catalog) },
    context: request.context,
    ...outputs,
    ...(request.amendment ? { amendment: request.amendment } : {}),
  };
  return quote;
}

/** "Q-20261120-3fa2c01b": the day and the start of a hash of what was quoted, when. */
async function defaultNumber(created: string, request: Request): Promise<string> {
  const hash = await contentHash({ created, context: request.context, items: request.items });
  return `Q-${created.slice(0, 10).replaceAll('-', '')}-${hash.slice('sha256:'.length, 'sha256:'.length + 8)}`;
}

/** A `now` option as a Date; refuses text that is not an instant. */
export function instant(value: Date | string | undefined): Date {
  const date = value === undefined ? new Date() : typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new QuoteError([{ path: 'now', message: `${JSON.stringify(String(value))} is not a date and time` }]);
  return date;
}

/** The UTC calendar day of an instant, "2026-11-20". */
export function utcDay(date: Date, path: string): string {
  if (Number.isNaN(date.getTime())) throw new QuoteError([{ path, message: 'is not a valid date' }]);
  return date.toISOString().slice(0, 10);
}
