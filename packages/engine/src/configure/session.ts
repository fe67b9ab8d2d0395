/**
 * A configuration session: the buyer's selections over a compiled product, and after
 * every change the valid domain of every attribute, exactly the values that still
 * lead to a complete valid configuration. Nothing offered is a dead end, and a
 * selection is never dropped behind the buyer's back: choosing a value that is not
 * in its valid domain is refused with an error, leaving the session as it was.
 */
import type { Attribute, Configuration, SelectionValue } from '../catalog/schema.js';
import type { CompiledProduct } from './compile.js';
import { conditionHolds } from './evaluate.js';
import { CAN_BE_FALSE, CAN_BE_TRUE, type Assignment } from './space.js';

/** The values an attribute can still take: option ids, `true`/`false`, or quantities. */
export type ValidDomain = readonly (string | boolean | number)[];

/** A selection that has no valid completion with the current selections. */
export class SelectionError extends Error {
  constructor(
    message: string,
    readonly attribute: string,
    readonly value: SelectionValue,
  ) {
    super(message);
    this.name = 'SelectionError';
  }
}

export class ConfigurationSession {
  private current = new Map<string, SelectionValue>();
  /** Options of multiple choices the buyer declined (an unticked box they decided on). */
  private declined = new Map<string, readonly string[]>();
  private readonly history: { current: Map<string, SelectionValue>; declined: Map<string, readonly string[]>; bits: Uint8Array }[] = [];
  /** The valid-domain bits of the current selections, computed once per change (the check that admits it). */
  private bits: Uint8Array;
  private cached: Readonly<Record<string, ValidDomain>> | undefined;
  private readonly attributes: Map<string, { index: number; attribute: Attribute }>;

  constructor(
    readonly compiled: CompiledProduct,
    initial: Configuration['selections'] = {},
  ) {
    this.attributes = new Map(compiled.product.attributes.map((attribute, index) => [attribute.id, { index, attribute }]));
    const next = new Map(Object.entries(initial));
    const bits = this.compiled.space.domains(this.assignment(next));
    if (!bits) {
      throw new SelectionError('the initial selections have no valid completion', Object.keys(initial)[0] ?? '', Object.values(initial)[0] ?? false);
    }
    this.current = next;
    this.bits = bits;
  }

  /** The buyer's selections, as a configuration's `selections`. */
  get selections(): Configuration['selections'] {
    return Object.fromEntries(this.current);
  }

  /** The selections as a configuration document. */
  toConfiguration(): Configuration {
    const { catalog, product } = this.compiled;
    return { catalog: { id: catalog.id, version: catalog.version }, product: product.id, selections: this.selections };
  }

  /**
   * Chooses a value: an option id (single choice), an option id to add (multiple
   * choice), `true`/`false` (boolean) or a number (quantity). Throws a
   * {@link SelectionError} if the value is not in the attribute's valid domain.
   */
  select(attributeId: string, value: string | boolean | number): this {
    const { attribute } = this.attributeOf(attributeId);
    const next = new Map(this.current);
    const declined = new Map(this.declined);
    if (attribute.kind === 'multiple') {
      const chosen = (next.get(attributeId) as string[] | undefined) ?? [];
      next.set(attributeId, chosen.includes(String(value)) ? chosen : [...chosen, String(value)]);
      declined.set(attributeId, (declined.get(attributeId) ?? []).filter((o) => o !== value));
    } else {
      next.set(attributeId, value as SelectionValue);
    }
    return this.apply(next, declined, attributeId, value as SelectionValue);
  }

  /**
   * Decides that an option of a multiple choice is not wanted. Until then an unticked
   * option is open: the engine may still find that every valid configuration needs it.
   */
  decline(attributeId: string, option: string): this {
    const { attribute } = this.attributeOf(attributeId);
    if (attribute.kind !== 'multiple') throw new RangeError(`"${attributeId}" is not a multiple choice; use select or deselect`);
    const next = new Map(this.current);
    const rest = ((next.get(attributeId) as string[] | undefined) ?? []).filter((o) => o !== option);
    if (rest.length > 0) next.set(attributeId, rest);
    else next.delete(attributeId);
    const declined = new Map(this.declined);
    declined.set(attributeId, [...new Set([...(declined.get(attributeId) ?? []), option])]);
    return this.apply(next, declined, attributeId, [option]);
  }

  /** Sets a quantity (the same as `select` for a quantity attribute). */
  setQuantity(attributeId: string, quantity: number): this {
    return this.select(attributeId, quantity);
  }

  /** Takes back a decision (or, for a multiple choice, the decision on one option). Always possible. */
  deselect(attributeId: string, option?: string): this {
    const { attribute } = this.attributeOf(attributeId);
    const next = new Map(this.current);
    const declined = new Map(this.declined);
    if (attribute.kind === 'multiple' && option !== undefined) {
      const rest = ((next.get(attributeId) as string[] | undefined) ?? []).filter((o) => o !== option);
      if (rest.length > 0) next.set(attributeId, rest);
      else next.delete(attributeId);
      declined.set(attributeId, (declined.get(attributeId) ?? []).filter((o) => o !== option));
    } else {
      next.delete(attributeId);
      declined.delete(attributeId);
    }
    return this.apply(next, declined, attributeId, false);
  }

  /**
   * Extends the selections to a complete valid configuration, deterministically:
   * attribute by attribute in catalog order, each undecided one takes the value a
   * `default` rule that applies gives it, else its own `default`, else the first
   * possible value (off for a boolean, the smallest quantity). Because every value
   * taken is in its valid domain, this never fails. One undo step takes it back.
   */
  complete(): this {
    const before = { current: this.current, declined: this.declined, bits: this.bits };
    const mark = this.history.length;
    const { product } = this.compiled;
    for (const attribute of product.attributes) {
      const domain = this.domains()[attribute.id]!;
      if (attribute.kind === 'multiple') {
        const wanted = new Set([...(attribute.default ?? []), ...this.ruleDefaults(attribute.id)]);
        for (const option of attribute.options) {
          const chosen = ((this.current.get(attribute.id) as string[] | undefined) ?? []).includes(option.id);
          const declined = (this.declined.get(attribute.id) ?? []).includes(option.id);
          if (chosen || declined) continue;
          const domainNow = this.domains()[attribute.id]!;
          if (wanted.has(option.id) && domainNow.includes(option.id)) this.select(attribute.id, option.id);
          else this.tryDecline(attribute.id, option.id);
        }
        continue;
      }
      if (this.current.has(attribute.id)) continue;
      const preferred = [...this.ruleDefaults(attribute.id), ...(attribute.default === undefined ? [] : [attribute.default])];
      const fallback = attribute.kind === 'boolean' ? [false, true] : domain;
      const value = [...preferred, ...fallback].find((v) => domain.includes(v));
      if (value !== undefined) this.select(attribute.id, value);
    }
    // All of it is one step for undo.
    if (this.history.length > mark) {
      this.history.length = mark;
      this.history.push(before);
    }
    return this;
  }

  /** Whether the selections leave exactly one valid configuration: nothing is left to decide. */
  get isComplete(): boolean {
    return this.count() === 1n;
  }

  /** Values that `default` rules give an attribute under the current selections, in rule order. */
  private ruleDefaults(attributeId: string): (string | number | boolean)[] {
    const values: (string | number | boolean)[] = [];
    const selections = this.selections;
    for (const rule of this.compiled.product.rules ?? []) {
      if (rule.kind !== 'default') continue;
      const [id, option] = rule.select.split(':');
      if (id !== attributeId) continue;
      if (rule.if !== undefined && !conditionHolds(this.compiled.product, selections, rule.if)) continue;
      values.push(option ?? rule.quantity ?? true);
    }
    return values;
  }

  private tryDecline(attributeId: string, option: string): void {
    try {
      this.decline(attributeId, option);
    } catch (error) {
      // Every valid configuration needs it: take it.
      if (!(error instanceof SelectionError)) throw error;
      this.select(attributeId, option);
    }
  }

  /** Returns to the selections before the last change. */
  undo(): boolean {
    const previous = this.history.pop();
    if (!previous) return false;
    this.current = previous.current;
    this.declined = previous.declined;
    this.bits = previous.bits;
    this.cached = undefined;
    return true;
  }

  /** The valid domain of every attribute under the current selections. */
  domains(): Readonly<Record<string, ValidDomain>> {
    if (!this.cached) this.cached = domainsOf(this.compiled, this.bits);
    return this.cached;
  }

  /** The number of complete valid configurations that extend the current selections. */
  count(): bigint {
    return this.compiled.space.count(this.assignment(this.current, this.declined));
  }

  private apply(next: Map<string, SelectionValue>, declined: Map<string, readonly string[]>, attribute: string, value: SelectionValue): this {
    const bits = this.compiled.space.domains(this.assignment(next, declined));
    if (!bits) {
      throw new SelectionError(`${attribute} = ${JSON.stringify(value)} is not available with the current selections`, attribute, value);
    }
    this.history.push({ current: this.current, declined: this.declined, bits: this.bits });
    this.current = next;
    this.declined = declined;
    this.bits = bits;
    this.cached = undefined;
    return this;
  }

  private attributeOf(id: string): { index: number; attribute: Attribute } {
    const found = this.attributes.get(id);
    if (!found) throw new RangeError(`unknown attribute "${id}" of product "${this.compiled.product.id}"`);
    return found;
  }

  /** Selections as a variable assignment (-1 open, 0, 1). */
  private assignment(selections: Map<string, SelectionValue>, declined: Map<string, readonly string[]> = new Map()): Assignment {
    const { encoding } = this.compiled;
    const assignment: Assignment = new Int8Array(encoding.variables.length).fill(-1);
    for (const [id, value] of selections) {
      const { index, attribute } = this.attributeOf(id);
      const vars = encoding.attributeVariables[index]!;
      const variableOf = (v: string | number | true) => {
        const i = vars.findIndex((variable) => encoding.variables[variable]!.value === v);
        if (i < 0) throw new SelectionError(`${id} has no value ${JSON.stringify(v)}`, id, value);
        return vars[i]!;
      };
      if (attribute.kind === 'boolean') assignment[vars[0]!] = value ? 1 : 0;
      else if (attribute.kind === 'multiple') for (const option of value as string[]) assignment[variableOf(option)] = 1;
      else assignment[variableOf(value as string | number)] = 1;
    }
    for (const [id, options] of declined) {
      const vars = encoding.attributeVariables[this.attributeOf(id).index]!;
      for (const option of options) {
        const variable = vars.find((v) => encoding.variables[v]!.value === option);
        if (variable === undefined) throw new SelectionError(`${id} has no option "${option}"`, id, [option]);
        assignment[variable] = 0;
      }
    }
    return assignment;
  }
}

/** Per attribute, the values whose variable can still be true (booleans: true and/or false). */
export function domainsOf(compiled: CompiledProduct, bits: Uint8Array): Record<string, ValidDomain> {
  const { product, encoding } = compiled;
  const result: Record<string, ValidDomain> = {};
  product.attributes.forEach((attribute, index) => {
    const vars = encoding.attributeVariables[index]!;
    if (attribute.kind === 'boolean') {
      const b = bits[vars[0]!]!;
      result[attribute.id] = [...(b & CAN_BE_TRUE ? [true] : []), ...(b & CAN_BE_FALSE ? [false] : [])];
    } else {
      result[attribute.id] = vars.filter((v) => bits[v]! & CAN_BE_TRUE).map((v) => encoding.variables[v]!.value as string | number);
    }
  });
  return result;
}
