/**
 * What `compare()` returns: plain JSON data, like a price breakdown. Values are
 * indexed like `items`; amounts are decimal strings with their currency.
 */
import type { Configuration, LocalText, SpecDefinition, SpecValue } from '../catalog/schema.js';
import type { MoneyJSON } from '../price/money.js';

/** How an item came in: a catalog product, a package (a product with selections) or a configuration. */
export type ItemKind = 'product' | 'package' | 'configuration';

/** An item as compared: its id, name and the complete configuration its values come from. */
export interface ComparedItem {
  readonly id: string;
  readonly kind: ItemKind;
  /** The item's `name`, else its product's name. */
  readonly name: LocalText;
  readonly product: string;
  readonly description?: LocalText;
  readonly image?: string;
  /** Already bought: its one-time charges count as paid. */
  readonly owned: boolean;
  /** For a product or package, its completed configuration; for a configuration, itself. */
  readonly configuration: Configuration;
  /** Its prices, when the comparison has a price context. */
  readonly price?: ItemPrice;
  /** Against the baseline, for every item but the baseline itself. */
  readonly delta?: ItemDelta;
}

/**
 * An item's prices, net (tax shown apart), over the comparison's term: the same
 * amounts as `price()` gives for its configuration with `termMonths` set to the term.
 */
export interface ItemPrice {
  readonly currency: string;
  /** One-time charges, net (what they cost, even for an owned item). */
  readonly oneTime: MoneyJSON;
  /** Recurring charges per month and per year, net; zero when the item has none of that period. */
  readonly month: MoneyJSON;
  readonly year: MoneyJSON;
  /** Whether it has recurring charges per month, per year. */
  readonly hasMonth: boolean;
  readonly hasYear: boolean;
  /** Total cost of ownership over the term: one-time (zero when owned) plus the recurring charges over the term, prorated as the catalog says. */
  readonly tco: TotalCostOfOwnership;
}

/** One-time plus recurring over a term. */
export interface TotalCostOfOwnership {
  readonly months: number;
  /** One-time charges still to pay: zero for an owned item. */
  readonly oneTime: MoneyJSON;
  /** Recurring charges over the term. */
  readonly recurring: MoneyJSON;
  /** `oneTime + recurring`. */
  readonly net: MoneyJSON;
  /** Tax on `net`. */
  readonly tax: MoneyJSON;
  /** What the buyer pays: net plus tax (or net, when prices include tax). */
  readonly total: MoneyJSON;
  /**
   * With the comparison's `upliftPercent`: each year of the term (the last may be shorter)
   * and its recurring charges at that year's price, which add up to `recurring`.
   */
  readonly years?: readonly { readonly months: number; readonly uplift?: string; readonly recurring: MoneyJSON }[];
}

/** What an attribute is set to in one item. */
export type ChosenValue =
  | { readonly kind: 'single'; readonly option?: { readonly id: string; readonly name: LocalText } }
  | { readonly kind: 'multiple'; readonly options: readonly { readonly id: string; readonly name: LocalText }[] }
  | { readonly kind: 'boolean'; readonly on: boolean }
  | { readonly kind: 'quantity'; readonly quantity: number; readonly unit?: LocalText };

interface RowBase {
  /** `spec:<id>` or `attribute:<id>`. */
  readonly id: string;
  readonly name: LocalText;
  readonly description?: LocalText;
  /** Whether the items do not all have the same value (a missing value counts as a value). */
  readonly differs: boolean;
  /** The indexes of the items with the best value, when the catalog gives a direction and not every item has it. */
  readonly best: readonly number[];
}

/**
 * A spec, with each item's value: the product's own value combined with its
 * selections' (numbers add up, as in resource rules: options chosen, add-ons on,
 * quantities times their per-unit value; a yes/no holds when any source says yes;
 * a selection's text replaces the product's). `undefined`: the item does not state it.
 */
export interface SpecRow extends RowBase {
  readonly kind: 'spec';
  readonly spec: string;
  readonly type: SpecDefinition['type'];
  readonly unit?: LocalText;
  readonly better?: 'higher' | 'lower';
  readonly preferred?: number | boolean | string;
  readonly values: readonly (SpecValue | undefined)[];
}

/** An attribute (option group), with what each item chose. `undefined`: the item's product has no such attribute. */
export interface AttributeRow extends RowBase {
  readonly kind: 'attribute';
  readonly attribute: string;
  readonly values: readonly (ChosenValue | undefined)[];
}

export type Row = SpecRow | AttributeRow;

/**
 * Rows under one heading: the specs of the products themselves (`specs`), the
 * attributes in no section (`general`), or a catalog section (`section:<id>`),
 * which also holds the specs that only its attributes bring.
 */
export interface RowGroup {
  readonly id: string;
  readonly kind: 'specs' | 'general' | 'section';
  /** The section's name; none for `specs` and `general` (the interface names them). */
  readonly name?: LocalText;
  readonly description?: LocalText;
  readonly rows: readonly Row[];
}

/**
 * A row of prices: `one-time` (still to pay: zero for an owned item), `month`,
 * `year`, `recurring` (over the term), `term-year` (one year of it, with an uplift) or
 * `tco` (one-time plus recurring).
 */
export interface PriceRow {
  readonly id: 'one-time' | 'month' | 'year' | 'recurring' | 'term-year' | 'tco';
  /** For a `term-year` row: which year of the term (from 1), its months and its compounded uplift. */
  readonly termYear?: { readonly year: number; readonly months: number; readonly uplift?: string };
  readonly values: readonly MoneyJSON[];
  readonly differs: boolean;
  /** The cheapest items, unless all cost the same. */
  readonly best: readonly number[];
}

export interface PriceComparison {
  readonly currency: string;
  readonly termMonths: number;
  /** One-time, per month and per year (when any item has such charges), recurring over the term, and the total cost of ownership. */
  readonly rows: readonly PriceRow[];
}

/** How a value changed from the baseline to an item. */
export type Change =
  /** A number or quantity is larger / smaller. */
  | 'more'
  | 'less'
  /** A yes/no feature or add-on is there / no longer there. */
  | 'gained'
  | 'lost'
  /** A text or choice is another. */
  | 'changed'
  /** The item has a value the baseline lacks / lacks a value the baseline has. */
  | 'added'
  | 'removed';

/** One row where an item differs from the baseline. */
export interface FeatureDelta {
  /** The row's id, e.g. `spec:sizeInches` or `attribute:table-mics`. */
  readonly row: string;
  readonly change: Change;
  /** For numbers and quantities: item minus baseline, exact to the decimals written in the catalog. */
  readonly difference?: number;
  /** Whether the change is for the better, when the catalog gives a direction. */
  readonly better?: boolean;
}

/** Money against the baseline: item minus baseline, net unless named otherwise. */
export interface MoneyDelta {
  readonly oneTime: MoneyJSON;
  readonly month: MoneyJSON;
  readonly year: MoneyJSON;
  /** Recurring charges over the term. */
  readonly recurring: MoneyJSON;
  /** Total cost of ownership over the term, net. */
  readonly tco: MoneyJSON;
  /** Total cost of ownership over the term, with tax. */
  readonly total: MoneyJSON;
}

/** An item against the baseline. */
export interface ItemDelta {
  /** The baseline's id. */
  readonly baseline: string;
  /** The rows that differ, in row order. */
  readonly features: readonly FeatureDelta[];
  /** When the comparison has prices. */
  readonly money?: MoneyDelta;
}

/** The comparison matrix: items as columns, rows grouped as in the catalog, prices, and deltas against a baseline. */
export interface Comparison {
  readonly catalog: { readonly id: string; readonly version: string };
  readonly items: readonly ComparedItem[];
  /** The baseline's index in `items`. */
  readonly baseline?: number;
  readonly groups: readonly RowGroup[];
  /** When a price context was given. */
  readonly prices?: PriceComparison;
}
