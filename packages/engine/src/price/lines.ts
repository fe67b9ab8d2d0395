/**
 * Lines: what a configuration asks to be priced, and the shape every stage works on.
 *
 * Takes a configuration and the worked-out request; gives one line per priced thing
 * chosen (the product, each option, each boolean that is on, each quantity above 0),
 * each with its price from the book, its quantity, kind of charge and tax category.
 * A line carries one exact amount per stage (a column each, see {@link Columns}) and,
 * when the waterfall is wanted, what each stage did ({@link Meta}).
 */
import type { Attribute, Catalog, Configuration, Option, Product } from '../catalog/schema.js';
import { formatPath, type Problem } from '../internal/problems.js';
import type { BookPrice } from './book.js';
import { englishReason, type ReasonParams } from './breakdown.js';
import type { ItemIndex } from './items.js';
import { pricingProblem } from './problems.js';
import type { Setup } from './request.js';
import type { TierPrice } from './tiers.js';
import type { PricingSection } from './schema.js';

/** One kind of charge, summed, discounted and taxed together: one-time, per month, per year. */
export type Group = 0 | 1 | 2;
export const GROUP_NAMES = ['one-time', 'month', 'year'] as const;

/** What a stage did to a line: shared between lines whenever it does not depend on the line. */
export interface Meta {
  readonly code: string;
  readonly params: ReasonParams;
  readonly reason: string;
  readonly rule: string;
}

export function makeMeta(code: string, params: ReasonParams, rule: string): Meta {
  return { code, params, reason: englishReason(code, params), rule };
}

export const NO_PARAMS: ReasonParams = Object.freeze({});

/**
 * Where each stage keeps its amount in a line's `values`: the list price, then one
 * column per further book of the price book's `basedOn` chain, then volume (tier),
 * uplift (the gross: the price before discounts), schedule, contract, manual, order and
 * partner (the net).
 */
export interface Columns {
  /** The last book of the chain (the request's book); 0 when it is its own list. */
  readonly book: number;
  readonly tier: number;
  /** The uplift's column (a ramp's later segments, a renewal): the gross, before any discount. */
  readonly uplift: number;
  readonly schedule: number;
  readonly contract: number;
  readonly manual: number;
  readonly order: number;
  /** The partner discount's column: the line's net. */
  readonly partner: number;
  readonly count: number;
}

export function columnsFor(chainLength: number): Columns {
  const k = chainLength - 1;
  return { book: k, tier: k + 1, uplift: k + 2, schedule: k + 3, contract: k + 4, manual: k + 5, order: k + 6, partner: k + 7, count: k + 8 };
}

/** A priced thing chosen, before any arithmetic. */
export interface LineSpec {
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

/** A line being priced: one exact amount per stage, and what each stage did. */
export interface Line {
  readonly spec: LineSpec;
  readonly values: bigint[];
  readonly meta: (Meta | undefined)[] | undefined;
  /** The unit price while the amount is a unit price times the quantity (for unit-level rounding). */
  unit: bigint | undefined;
  /** The quantity's price under the tiers of the line's own book price, once worked out (null: no tier covers it). */
  tiered: TierPrice | null | undefined;
  term: { months: number; periods: bigint; prorated: boolean; values: bigint[] } | undefined;
}

/** A new line with room for every column; `detail` keeps what each stage did, for the waterfall. */
export function newLine(spec: LineSpec, s: Setup, detail: boolean): Line {
  const n = s.at.count;
  return { spec, values: new Array<bigint>(n), meta: detail ? new Array<Meta | undefined>(n).fill(undefined) : undefined, unit: undefined, tiered: undefined, term: undefined };
}

/** The blocks a quantity starts: 45 units in blocks of 10 are 5. */
export function blocksOf(quantity: number, size: number): number {
  return Math.ceil(quantity / size);
}

/** Where in the request a line comes from, for a problem's path. */
export function pathOf(spec: { attribute: Attribute | undefined; position: number | undefined }): string {
  if (!spec.attribute) return 'configuration.product';
  return formatPath(spec.position === undefined ? ['configuration', 'selections', spec.attribute.id] : ['configuration', 'selections', spec.attribute.id, spec.position]);
}

/** The params of a problem with one priced item: the item, the book, and the ids that name it. */
export function itemParams(item: string, s: Setup, product: Product, attribute: Attribute | undefined, option: Option | undefined): Record<string, string | undefined> {
  return { item, book: s.book.book.id, product: product.id, attribute: attribute?.id, option: option?.id };
}

/** What the catalog says about choosing items, worked out once per catalog. */
export class ItemChoices {
  /** Per product: the attribute whose options set the term, and the months of each. */
  private readonly termOptions = new Map<string, { attribute: string; months: Map<string, number> }>();
  /** Term options need no price of their own. */
  private readonly termItems: ReadonlySet<string>;
  /** Item ids of every attribute and option, made once (their hashes are then cached by the engine). */
  private readonly itemIds = new Map<string, { attribute: Attribute; item: string; options: Map<string, string> }[]>();

  constructor(
    catalog: Catalog,
    private readonly pricing: PricingSection,
    private readonly items: ItemIndex,
  ) {
    for (const [item, months] of Object.entries(pricing.termOptions ?? {})) {
      const [product = '', rest = ''] = item.split('/');
      const [attribute = '', option = ''] = rest.split(':');
      let entry = this.termOptions.get(product);
      if (!entry) this.termOptions.set(product, (entry = { attribute, months: new Map() }));
      entry.months.set(option, months);
    }
    this.termItems = new Set(Object.keys(pricing.termOptions ?? {}));
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

  /**
   * A line per priced thing chosen: the product, each option, each boolean that is on, each
   * quantity above 0. One-time items a `recurring` request leaves out go to `omitted`.
   */
  specs(configuration: Configuration, s: Setup, problems: Problem[], omitted?: Set<string>): LineSpec[] {
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
      const group = charge.recurring === 'month' ? 1 : charge.recurring === 'year' ? 2 : 0;
      if (group === 0 && s.charges === 'recurring') {
        omitted?.add(item);
        return;
      }
      specs.push({
        item,
        product,
        attribute,
        option,
        quantity,
        qty: BigInt(quantity),
        price,
        group,
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
}
