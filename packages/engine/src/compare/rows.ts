/**
 * The rows of a comparison: one per spec and per attribute of the compared
 * products, grouped as in the catalog, with each item's value, whether they differ,
 * and which items have the best value.
 */
import type { Attribute, Catalog, Configuration, Product, Section, SpecDefinition, SpecValue } from '../catalog/schema.js';
import { localize } from '../catalog/text.js';
import { exactPlus, exactTimes } from './exact.js';
import type { ResolvedItem } from './items.js';
import type { AttributeRow, ChosenValue, Row, RowGroup, SpecRow } from './types.js';

/** A value's identity for "do these differ" (compared with `===`): missing, a number, yes/no, a text, or a choice's key. */
export type Key = string | number | boolean | symbol;
const MISSING: Key = Symbol('missing');

/** Adds exactly: spec values are written in decimal, and 99.9 + 0.05 must stay 99.95. */
export function exactSum(a: number, b: number): number {
  const sum = a + b;
  return Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(sum) ? sum : exactPlus(a, b);
}

/** `to − from`, exactly (see {@link exactSum}). */
export function exactDifference(to: number, from: number): number {
  return exactSum(to, -from);
}

/** A spec value some source brings: its id, the value, and whether it adds up (a number spec). */
type Entry = readonly [id: string, value: SpecValue, adds: boolean];

/** Where a product's spec values come from, worked out once per product. */
interface SpecPlan {
  readonly own: readonly Entry[];
  /** Only the attributes that bring specs, in catalog order. */
  readonly attributes: readonly (
    | { readonly kind: 'single'; readonly id: string; readonly options: ReadonlyMap<string, readonly Entry[]> }
    | { readonly kind: 'multiple'; readonly id: string; readonly options: readonly (readonly [string, readonly Entry[]])[] }
    | { readonly kind: 'boolean' | 'quantity'; readonly id: string; readonly entries: readonly Entry[] }
  )[];
}

const plans = new WeakMap<Product, SpecPlan>();

function planOf(catalog: Catalog, product: Product): SpecPlan {
  let plan = plans.get(product);
  if (plan) return plan;
  const definitions = catalog.specs ?? {};
  const entries = (specs: Readonly<Record<string, SpecValue>> | undefined): Entry[] =>
    Object.entries(specs ?? {}).map(([id, value]) => [id, value, typeof value === 'number' && Object.hasOwn(definitions, id) && definitions[id]!.type === 'number']);
  const attributes: SpecPlan['attributes'][number][] = [];
  for (const a of product.attributes) {
    if (a.kind === 'single' || a.kind === 'multiple') {
      const options = a.options.map((o) => [o.id, entries(o.specs)] as const).filter(([, e]) => e.length > 0);
      if (options.length === 0) continue;
      attributes.push(a.kind === 'single' ? { kind: 'single', id: a.id, options: new Map(options) } : { kind: 'multiple', id: a.id, options });
    } else {
      const found = entries(a.specs);
      if (found.length > 0) attributes.push({ kind: a.kind, id: a.id, entries: found });
    }
  }
  plan = { own: entries(product.specs), attributes };
  plans.set(product, plan);
  return plan;
}

/**
 * An item's spec values: the product's own, combined with what its selections
 * bring. Numbers add up (like resource sums: options chosen, add-ons on, quantities
 * times their per-unit value); a yes/no holds when any source says so; a text from a
 * selection (the first in catalog order) replaces the product's.
 */
export function specValues(catalog: Catalog, product: Product, selections: Configuration['selections']): Map<string, SpecValue> {
  const values = new Map<string, SpecValue>();
  let textFromSelection: Set<string> | undefined;
  const add = (entries: readonly Entry[] | undefined, times: number, fromSelection: boolean): void => {
    if (!entries) return;
    for (const [id, value, adds] of entries) {
      const current = values.get(id);
      if (adds) {
        const n = value as number;
        const scaled = times === 1 ? n : Number.isSafeInteger(n * times) ? n * times : exactTimes(n, times);
        values.set(id, typeof current === 'number' ? exactSum(current, scaled) : scaled);
      } else if (typeof value === 'boolean') {
        values.set(id, current === true || value);
      } else if (fromSelection ? !textFromSelection?.has(id) : current === undefined) {
        values.set(id, value);
        if (fromSelection) (textFromSelection ??= new Set()).add(id);
      }
    }
  };
  const plan = planOf(catalog, product);
  add(plan.own, 1, false);
  for (const a of plan.attributes) {
    if (!Object.hasOwn(selections, a.id)) continue;
    const value = selections[a.id];
    switch (a.kind) {
      case 'single':
        if (typeof value === 'string') add(a.options.get(value), 1, true);
        break;
      case 'multiple':
        // In catalog order, whatever order the selection lists them in.
        if (Array.isArray(value)) for (const [id, entries] of a.options) if (value.includes(id)) add(entries, 1, true);
        break;
      case 'boolean':
        if (value === true) add(a.entries, 1, true);
        break;
      case 'quantity':
        if (typeof value === 'number' && value > 0) add(a.entries, value, true);
        break;
    }
  }
  return values;
}

const ON: ChosenValue = Object.freeze({ kind: 'boolean', on: true });
const OFF: ChosenValue = Object.freeze({ kind: 'boolean', on: false });
const NO_OPTION: ChosenValue = Object.freeze({ kind: 'single' });

/** Chosen values shared between items (a comparison has thousands of cells), with their keys: one per attribute and value. */
type Shared = Map<Attribute, Map<string, readonly [ChosenValue, Key]>>;

function shared(cache: Shared, attribute: Attribute, key: string, make: () => ChosenValue | undefined): readonly [ChosenValue, Key] | undefined {
  let values = cache.get(attribute);
  if (!values) cache.set(attribute, (values = new Map()));
  let found = values.get(key);
  if (found === undefined) {
    const value = make();
    if (value === undefined) return undefined;
    values.set(key, (found = [Object.freeze(value), chosenKey(value)]));
  }
  return found;
}

const ON_KEY = [ON, 'b:true'] as const;
const OFF_KEY = [OFF, 'b:false'] as const;
const NO_OPTION_KEY = [NO_OPTION, 's:'] as const;

/** What an item chose for an attribute, and its key; nothing selected reads as no option, off, or 0. */
function chosenValue(attribute: Attribute, selections: Configuration['selections'], cache: Shared): readonly [ChosenValue, Key] {
  const value = Object.hasOwn(selections, attribute.id) ? selections[attribute.id] : undefined;
  switch (attribute.kind) {
    case 'single': {
      if (typeof value !== 'string') return NO_OPTION_KEY;
      return (
        shared(cache, attribute, value, () => {
          const option = attribute.options.find((o) => o.id === value);
          return option && { kind: 'single', option: { id: option.id, name: option.name } };
        }) ?? NO_OPTION_KEY
      );
    }
    case 'multiple': {
      const ids = Array.isArray(value) ? value : [];
      return shared(cache, attribute, ids.join('\u0001'), () => {
        const chosen = attribute.options.filter((o) => ids.includes(o.id));
        return { kind: 'multiple', options: chosen.map((o) => ({ id: o.id, name: o.name })) };
      })!;
    }
    case 'boolean':
      return value === true ? ON_KEY : OFF_KEY;
    case 'quantity': {
      const quantity = typeof value === 'number' ? value : 0;
      return shared(cache, attribute, String(quantity), () => ({ kind: 'quantity', quantity, ...(attribute.unit === undefined ? {} : { unit: attribute.unit }) }))!;
    }
  }
}

/** The identity of a chosen value, for "differs" and deltas. */
function chosenKey(value: ChosenValue): Key {
  switch (value.kind) {
    case 'single':
      return `s:${value.option?.id ?? ''}`;
    case 'multiple':
      return `m:${value.options.map((o) => o.id).join('\u0001')}`;
    case 'boolean':
      return value.on ? 'b:true' : 'b:false';
    case 'quantity':
      return value.quantity;
  }
}

/** The identity of a spec value: itself, or a localised text as JSON. */
function specKey(value: SpecValue | undefined): Key {
  if (value === undefined) return MISSING;
  return typeof value === 'object' ? JSON.stringify(value) : value;
}

function allSame(keys: readonly Key[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i] !== keys[0]) return false;
  return true;
}

/** Whether a spec value is the preferred one; texts are matched in the catalog's default locale. */
export function isPreferred(catalog: Catalog, preferred: SpecDefinition['preferred'], value: SpecValue | undefined): boolean {
  if (preferred === undefined || value === undefined) return false;
  if (typeof value === 'object') return localize(value, catalog.defaultLocale, catalog.defaultLocale) === preferred;
  return value === preferred;
}

/** The items with the best value of a spec, or none when every item has it. */
function bestOf(catalog: Catalog, definition: SpecDefinition, values: readonly (SpecValue | undefined)[]): number[] {
  let best: number[] = [];
  if (definition.better !== undefined) {
    let top: number | undefined;
    values.forEach((value, i) => {
      if (typeof value !== 'number') return;
      const better = top === undefined || (definition.better === 'higher' ? value > top : value < top);
      if (better) (top = value), (best = [i]);
      else if (value === top) best.push(i);
    });
  } else if (definition.preferred !== undefined) {
    values.forEach((value, i) => isPreferred(catalog, definition.preferred, value) && best.push(i));
  }
  return best.length === values.length ? [] : best;
}

/** The grouped rows, and each row's value identities (for deltas, without computing them again). */
export interface Built {
  readonly groups: RowGroup[];
  readonly keys: Map<Row, readonly Key[]>;
}

/** Builds the grouped rows for the items. */
export function buildGroups(catalog: Catalog, items: readonly ResolvedItem[]): Built {
  const products: Product[] = [];
  for (const item of items) if (!products.includes(item.product)) products.push(item.product);

  // Groups: the products' own specs, the attributes in no section, then sections by first appearance.
  const groups = new Map<string, { id: string; kind: RowGroup['kind']; section: Section | undefined; attributes: string[]; specs: string[] }>();
  const group = (id: string, kind: RowGroup['kind'], section?: Section): void => {
    if (!groups.has(id)) groups.set(id, { id, kind, section, attributes: [], specs: [] });
  };
  group('specs', 'specs');
  group('general', 'general');
  const attributeGroup = new Map<string, string>();
  /** Per spec: the groups of the attributes that bring it, and whether a product states it itself. */
  const specHomes = new Map<string, Set<string>>();
  const home = (spec: string, groupId: string) => {
    let set = specHomes.get(spec);
    if (!set) specHomes.set(spec, (set = new Set()));
    set.add(groupId);
  };
  for (const product of products) {
    const sections = new Map((product.sections ?? []).map((s) => [s.id, s]));
    for (const section of product.sections ?? []) if (product.attributes.some((a) => a.section === section.id)) group(`section:${section.id}`, 'section', section);
    for (const spec of Object.keys(product.specs ?? {})) home(spec, 'specs');
    for (const attribute of product.attributes) {
      const section = attribute.section !== undefined ? sections.get(attribute.section) : undefined;
      const groupId = section ? `section:${section.id}` : 'general';
      if (!attributeGroup.has(attribute.id)) {
        attributeGroup.set(attribute.id, groupId);
        groups.get(groupId)!.attributes.push(attribute.id);
      }
      const carried = attribute.kind === 'single' || attribute.kind === 'multiple' ? attribute.options.flatMap((o) => Object.keys(o.specs ?? {})) : Object.keys(attribute.specs ?? {});
      for (const spec of carried) home(spec, groupId);
    }
  }
  // A spec only some attributes of one group bring is shown with them; any other in the products' own specs.
  for (const spec of Object.keys(catalog.specs ?? {})) {
    const homes = specHomes.get(spec);
    if (!homes) continue;
    const only = homes.size === 1 ? [...homes][0]! : 'specs';
    groups.get(only)!.specs.push(spec);
  }

  // Per item: its spec values, its selections, and its product's attributes by id.
  const byId = new Map(products.map((p) => [p, new Map(p.attributes.map((a) => [a.id, a]))]));
  const perItem = items.map((item) => ({
    specs: specValues(catalog, item.product, item.configuration.selections),
    attributes: byId.get(item.product)!,
    selections: item.configuration.selections,
  }));
  const attributeDefinition = new Map<string, Attribute>();
  for (const product of [...products].reverse()) for (const a of product.attributes) attributeDefinition.set(a.id, a);

  const result: RowGroup[] = [];
  const keys = new Map<Row, readonly Key[]>();
  const cache: Shared = new Map();
  for (const g of groups.values()) {
    const rows: (AttributeRow | SpecRow)[] = [];
    for (const id of g.attributes) {
      const definition = attributeDefinition.get(id)!;
      const values: (ChosenValue | undefined)[] = [];
      const rowKeys: Key[] = [];
      for (const p of perItem) {
        const attribute = p.attributes.get(id);
        const [value, key] = attribute ? chosenValue(attribute, p.selections, cache) : [undefined, MISSING];
        values.push(value);
        rowKeys.push(key);
      }
      const row: AttributeRow = {
        kind: 'attribute',
        id: `attribute:${id}`,
        attribute: id,
        name: definition.name,
        ...(definition.description === undefined ? {} : { description: definition.description }),
        values,
        differs: !allSame(rowKeys),
        best: [],
      };
      rows.push(row);
      keys.set(row, rowKeys);
    }
    for (const spec of g.specs) {
      const definition = catalog.specs![spec]!;
      const values = perItem.map((p) => p.specs.get(spec));
      const rowKeys = values.map(specKey);
      const row: SpecRow = {
        kind: 'spec',
        id: `spec:${spec}`,
        spec,
        name: definition.name,
        ...(definition.description === undefined ? {} : { description: definition.description }),
        type: definition.type,
        ...(definition.unit === undefined ? {} : { unit: definition.unit }),
        ...(definition.better === undefined ? {} : { better: definition.better }),
        ...(definition.preferred === undefined ? {} : { preferred: definition.preferred }),
        values,
        differs: !allSame(rowKeys),
        best: bestOf(catalog, definition, values),
      };
      rows.push(row);
      keys.set(row, rowKeys);
    }
    if (rows.length === 0) continue;
    result.push({
      id: g.id,
      kind: g.kind,
      ...(g.section?.name === undefined ? {} : { name: g.section.name }),
      ...(g.section?.description === undefined ? {} : { description: g.section.description }),
      rows,
    });
  }
  return { groups: result, keys };
}
