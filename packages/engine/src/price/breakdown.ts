/**
 * What `price()` returns: a price waterfall per line and the totals, as plain JSON
 * data. Every amount is a decimal string with its currency, rounded to the
 * currency's minor units; every step carries a `code` and `params` that an element
 * translates, and an English `reason` for logs and the command line.
 */
import type { LocalText } from '../catalog/schema.js';
import type { MoneyJSON, RoundingMode } from './money.js';
import type { RoundingLevel } from './schema.js';

/**
 * Where a step sits in the waterfall, in this order. `rounding` appears only with
 * document-level rounding: the line's share of the rounding of the totals.
 */
export type Stage = 'list' | 'book' | 'tier' | 'uplift' | 'schedule' | 'contract' | 'manual' | 'order' | 'partner' | 'rounding' | 'net';

/** Parameters of a step or approval, for translation: ids, whole numbers and decimal strings. */
export type ReasonParams = Readonly<Record<string, string | number>>;

/** One step of a line's waterfall. */
export interface PriceStep {
  readonly stage: Stage;
  /** What happened, for translation: "list", "book-price", "tier-range", "partner"... */
  readonly code: string;
  readonly params: ReasonParams;
  /** The same in English: "Volume price 5–9 units", "Partner discount 8%". */
  readonly reason: string;
  /** Where the rule is: a path in the catalog ("pricing.books[1].prices[\"business/seats\"].tiers[1]") or the request ("context.orderDiscount"). */
  readonly rule: string;
  /** The change this step makes (negative for a discount); for `list` and `net`, the amount itself. */
  readonly amount: MoneyJSON;
  /** The line's amount after this step: the list price, then list plus every change so far; the net at the end. */
  readonly after: MoneyJSON;
}

/** A recurring line over its term. */
export interface LineTerm {
  readonly months: number;
  /** Periods billed over the term, e.g. "36" or "1.5" (a prorated last year). */
  readonly periods: string;
  /** Whether the last period is paid in part. */
  readonly prorated: boolean;
  readonly list: MoneyJSON;
  readonly gross: MoneyJSON;
  readonly discount: MoneyJSON;
  readonly net: MoneyJSON;
}

/** One priced thing chosen: the product, an option, a boolean that is on, or a quantity. */
export interface PriceLine {
  /** "meeting-room", "meeting-room/table-mics" or "meeting-room/display:d86". */
  readonly item: string;
  readonly product: string;
  readonly attribute?: string;
  readonly option?: string;
  /** The catalog's name of the item. */
  readonly name: LocalText;
  readonly quantity: number;
  /** The unit of measure, when the price book names one. */
  readonly unit?: LocalText;
  readonly charge: 'one-time' | 'recurring';
  /** For a recurring line: its amounts are per this period. */
  readonly period?: 'month' | 'year';
  readonly term?: LineTerm;
  readonly taxCategory: string;
  /** The list price of the quantity. */
  readonly list: MoneyJSON;
  /** The price from the buyer's price book and tiers, before discounts. */
  readonly gross: MoneyJSON;
  /** Schedule, contract, manual, order and partner discounts: gross − net. */
  readonly discount: MoneyJSON;
  readonly net: MoneyJSON;
  /** list → book → tier → schedule → contract → manual → order → partner (→ rounding) → net; only the steps that change something, plus list and net. */
  readonly steps: readonly PriceStep[];
  /** Whether a manual discount takes this line below its floor. */
  readonly approvalRequired: boolean;
}

/** Tax of one rate. */
export interface TaxAmount {
  readonly region: string;
  readonly category: string;
  readonly percent: string;
  readonly name?: LocalText;
  /** The amount taxed, without tax. */
  readonly base: MoneyJSON;
  readonly amount: MoneyJSON;
}

/**
 * Totals of one kind of charge: one-time, recurring per month or year, or recurring over the term.
 *
 * `list`, `gross`, `discount` and `net` are in the book's terms: they include tax when the
 * book's prices do (`taxIncluded`). `excludingTax` and `includingTax` are the net amount
 * without and with tax whatever the book: 100.00 and 119.00 for a net of 119.00 in a book
 * whose prices include 19% tax, and for a net of 100.00 in one whose prices exclude it.
 */
export interface ChargeTotals {
  readonly list: MoneyJSON;
  readonly gross: MoneyJSON;
  readonly discount: MoneyJSON;
  /** The sum of the lines' net amounts: after every discount, in the book's terms (with tax when its prices include it). */
  readonly net: MoneyJSON;
  /** The net amount without tax. */
  readonly excludingTax: MoneyJSON;
  readonly tax: readonly TaxAmount[];
  /** The net amount with tax: what the buyer pays (the same as `total`). */
  readonly includingTax: MoneyJSON;
  /** What the buyer pays: net plus tax, or net when prices include tax. */
  readonly total: MoneyJSON;
}

export interface PriceTotals {
  readonly oneTime: ChargeTotals;
  /** Recurring charges per period, for the periods that occur. */
  readonly recurring: { readonly month?: ChargeTotals; readonly year?: ChargeTotals };
  /** Recurring charges over their terms (e.g. 36 × 39.90 = 1,436.40). */
  readonly term: ChargeTotals;
  /** One-time plus term. */
  readonly list: MoneyJSON;
  readonly gross: MoneyJSON;
  readonly discount: MoneyJSON;
  /** After every discount, in the book's terms (with tax when its prices include it). */
  readonly net: MoneyJSON;
  /** The net amount without tax, one-time plus term. */
  readonly excludingTax: MoneyJSON;
  /** Tax per rate, one-time plus term. */
  readonly tax: readonly TaxAmount[];
  /** The net amount with tax, one-time plus term (the same as `grandTotal`). */
  readonly includingTax: MoneyJSON;
  /** One-time total plus term total. */
  readonly grandTotal: MoneyJSON;
  /** List minus net, and as a percent of list ("12.50"); never negative (0 when a book above list makes the net higher). */
  readonly savings: { readonly amount: MoneyJSON; readonly percent: string };
}

/** A reason the quote needs approval before it is sent. */
export interface Approval {
  readonly item: string;
  readonly code: 'floor-price' | 'floor-percent';
  readonly params: ReasonParams;
  readonly reason: string;
  readonly rule: string;
}

/** The price of a configuration: lines with their waterfalls, and totals. */
export interface PriceBreakdown {
  readonly catalog: { readonly id: string; readonly version: string };
  readonly product: string;
  readonly quantity: number;
  readonly currency: string;
  readonly date: string;
  readonly book: { readonly id: string; readonly name?: LocalText; readonly audience?: readonly string[] };
  readonly segment?: string;
  readonly partner?: string;
  readonly customer?: string;
  /** The contracts whose prices applied. */
  readonly contracts: readonly string[];
  readonly taxRegion?: string;
  /** Whether the book's prices include tax: then `net` amounts include it too (see `excludingTax` in the totals). */
  readonly taxIncluded: boolean;
  /** Where tax was worked out: on each `line`, or on the sum per rate (`document`). */
  readonly taxCalculation: 'document' | 'line';
  readonly rounding: { readonly mode: RoundingMode; readonly level: RoundingLevel };
  /** The uplift on recurring charges, when the request carried one: compounded percent and the percents. */
  readonly uplift?: { readonly percent: string; readonly percents: readonly string[] };
  /** `recurring` when one-time charges were left out (a later ramp segment, a renewal). */
  readonly charges?: 'recurring';
  readonly lines: readonly PriceLine[];
  readonly totals: PriceTotals;
  readonly approvalRequired: boolean;
  readonly approvals: readonly Approval[];
}

/** The English text of a step or approval, from its code and params. Elements translate the codes themselves. */
export function englishReason(code: string, p: ReasonParams): string {
  switch (code) {
    case 'list':
      return p['unitPrice'] === undefined || p['quantity'] === 1 ? 'List price' : `List price ${p['quantity']} × ${p['unitPrice']}`;
    case 'list-converted':
      return `List price ${p['quantity']} × ${p['unitPrice']}${converted(p)}`;
    case 'list-blocks':
      return `List price ${p['blocks']} × ${p['blockPrice']} per block of ${p['size']}${p['from'] === undefined ? '' : converted(p)}`;
    case 'book-price':
      return `Price book "${p['bookName']}"`;
    case 'book-percent':
      return `Price book "${p['bookName']}": ${signed(String(p['percent']), '%')} "${p['baseName']}"`;
    case 'book-amount':
      return `Price book "${p['bookName']}": ${signed(String(p['amount']), ' per unit')} "${p['baseName']}"`;
    case 'tier-range':
      return `Volume price ${span(p)} units`;
    case 'tier-slab':
      return `Graduated price: ${p['slabs']}`;
    case 'tier-block':
      return `Block price ${span(p)} units`;
    case 'uplift':
      return p['percents'] === p['percent'] ? `Uplift +${p['percent']}%` : `Uplift +${p['percent']}% (${p['percents']}, compounded)`;
    case 'schedule':
      return `Volume discount ${p['percent']}% for ${span(p)} units`;
    case 'contract-price':
      return p['blockPrice'] === undefined
        ? `Contract price ${p['unitPrice']} per unit (${p['contract']})`
        : `Contract price ${p['blockPrice']} per block of ${p['size']} (${p['contract']})`;
    case 'contract-percent':
      return `Contract discount ${p['percent']}% (${p['contract']})`;
    case 'manual-percent':
      return `Discount ${p['percent']}%`;
    case 'manual-amount':
      return `Discount of ${p['amount']}`;
    case 'order-percent':
      return `Order discount ${p['percent']}%`;
    case 'order-amount':
      return `Share of the order discount of ${p['amount']}`;
    case 'partner':
      return `Partner discount ${p['percent']}%`;
    case 'rounding':
      return 'Share of the rounding of the document total';
    case 'net':
      return 'Net price';
    case 'floor-price':
      return `Below the floor price of ${p['floor']} per unit: needs approval`;
    case 'floor-percent':
      return `Manual discounts of ${p['percent']}% exceed the ${p['allowed']}% allowed without approval`;
    default:
      return code;
  }
}

function converted(p: ReasonParams): string {
  return `, converted from ${p['from']} at ${p['rate']} (rate of ${p['rateDate']})`;
}

function span(p: ReasonParams): string {
  const from = p['from'];
  const to = p['to'];
  return to === undefined ? `${from}+` : from === to ? `${from}` : `${from}–${to}`;
}

/** "-8" → "8% below", "5" → "5% above". */
function signed(value: string, suffix: string): string {
  return value.startsWith('-') ? `${value.slice(1)}${suffix} below` : `${value.replace(/^\+/, '')}${suffix} above`;
}
