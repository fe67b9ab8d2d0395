/**
 * A configuration session: the buyer's selections over a compiled product, and after
 * every change the valid domain of every attribute, exactly the values that still
 * lead to a complete valid configuration. Nothing offered is a dead end, and a
 * selection is never dropped behind the buyer's back: choosing a value that is not
 * in its valid domain is refused with an error, leaving the session as it was.
 *
 * This module is the session without explanations ({@link SessionCore}); `session.ts`
 * adds them ({@link ConfigurationSession}), so that code that never explains (comparing,
 * recommending, a page before the buyer's first conflict) does not load their rule diagrams.
 */
import type { Attribute, Configuration, SelectionValue } from '../catalog/schema.js';
import type { CompiledProduct } from './compile.js';
import { conditionHolds } from './evaluate.js';
import type { Literal } from './explain.js';
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

/**
 * One decision of the buyer: an attribute's value (an option id, `true`/`false`, a
 * quantity), or for a multiple choice one option ticked, or with `declined` unticked
 * on purpose.
 */
export interface Decision {
  readonly attribute: string;
  readonly value: string | number | boolean;
  readonly declined?: true;
}

/**
 * Why a value is or is not available, and what it would take. Rules are given by id;
 * their buyer-facing `message` is in the catalog.
 */
export interface Explanation {
  /** The value asked about. */
  readonly wanted: Decision;
  /** Whether it can be chosen now without changing anything else. */
  readonly available: boolean;
  /**
   * A minimal set of current decisions that, together with the wanted value, no valid
   * configuration satisfies: take any one of them away and this set no longer conflicts.
   */
  readonly conflicting: readonly Decision[];
  /** A minimal set of rules that, with those decisions, exclude the value. */
  readonly rules: readonly string[];
  /**
   * The fewest current decisions to take back so that the value becomes available (a
   * minimum-cardinality diagnosis; among equally small ones, the most recent decisions
   * are given up). `undefined` when no change of decisions can help: the rules exclude
   * the value in every configuration.
   */
  readonly repair: readonly Decision[] | undefined;
}

/** A conflict the buyer met and resolved with {@link ConfigurationSession.makeAvailable}. */
export interface ResolvedConflict {
  /** The value they wanted. */
  readonly wanted: Decision;
  /** The decisions they gave up for it. */
  readonly gaveUp: readonly Decision[];
  /** The rules that stood in the way. */
  readonly rules: readonly string[];
}

/** A decision with the variable it fixes. @internal */
export type DecidedLiteral = Literal & { readonly decision: Decision };

/** The decisions in the way of a value: none (it is available), or a minimal set of them, or `undefined` when the rules exclude it always. @internal */
export type InTheWay =
  | { readonly available: true }
  | { readonly available: false; readonly target: Literal; readonly opposite: DecidedLiteral[]; readonly others: DecidedLiteral[]; readonly conflicting: DecidedLiteral[] | undefined };

/** Runs a generator of steps to its end, without pausing. @internal */
export function run<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

interface State {
  current: Map<string, SelectionValue>;
  declined: Map<string, readonly string[]>;
  bits: Uint8Array;
  resolved: readonly ResolvedConflict[];
}

/**
 * A configuration session without explanations: selections, valid domains, undo,
 * completion, counting, and why a value is unavailable ({@link conflicting}).
 * {@link ConfigurationSession} is this with {@link ConfigurationSession.explain} and
 * {@link ConfigurationSession.makeAvailable}, whose rule diagrams are code a page
 * needs only once a buyer meets a conflict: comparing and recommending use this class,
 * and a page's configurator explains with {@link explainDecision} and
 * {@link makeDecisionAvailable}, loaded on the first conflict.
 */
export class SessionCore {
  private current = new Map<string, SelectionValue>();
  /** Options of multiple choices the buyer declined (an unticked box they decided on). */
  private declined = new Map<string, readonly string[]>();
  private readonly history: State[] = [];
  private conflicts: readonly ResolvedConflict[] = [];
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
    const edit = this.edit();
    edit.add({ attribute: attributeId, value });
    return this.apply(edit, attributeId, value as SelectionValue);
  }

  /**
   * Decides that an option of a multiple choice is not wanted. Until then an unticked
   * option is open: the engine may still find that every valid configuration needs it.
   */
  decline(attributeId: string, option: string): this {
    const edit = this.edit();
    edit.add({ attribute: attributeId, value: option, declined: true });
    return this.apply(edit, attributeId, [option]);
  }

  /** Sets a quantity (the same as `select` for a quantity attribute). */
  setQuantity(attributeId: string, quantity: number): this {
    return this.select(attributeId, quantity);
  }

  /** Takes back a decision (or, for a multiple choice, the decision on one option). Always possible. */
  deselect(attributeId: string, option?: string): this {
    const { attribute } = this.attributeOf(attributeId);
    const edit = this.edit();
    if (attribute.kind === 'multiple' && option !== undefined) {
      edit.remove({ attribute: attributeId, value: option });
      edit.remove({ attribute: attributeId, value: option, declined: true });
    } else {
      edit.next.delete(attributeId);
      edit.declined.delete(attributeId);
    }
    return this.apply(edit, attributeId, false);
  }

  /** Every current decision, oldest first (for a multiple choice, one per option decided). */
  get decisions(): readonly Decision[] {
    return this.decisionsOf(this.current, this.declined);
  }

  /**
   * What every valid completion has although the buyer did not decide it: the only
   * value left for an undecided attribute, or an option of a multiple choice that the
   * rules make necessary. A configurator shows these as included.
   */
  implied(): readonly Decision[] {
    const { product, encoding } = this.compiled;
    const implied: Decision[] = [];
    product.attributes.forEach((attribute, index) => {
      const chosen = this.current.get(attribute.id);
      const vars = encoding.attributeVariables[index]!;
      if (attribute.kind === 'boolean') {
        const bits = this.bits[vars[0]!];
        if (chosen === undefined && (bits === CAN_BE_TRUE || bits === CAN_BE_FALSE)) implied.push({ attribute: attribute.id, value: bits === CAN_BE_TRUE });
        return;
      }
      if (chosen !== undefined && attribute.kind !== 'multiple') return;
      for (const variable of vars) {
        const value = encoding.variables[variable]!.value as string | number;
        const taken = Array.isArray(chosen) && chosen.includes(value as string);
        if (this.bits[variable] === CAN_BE_TRUE && !taken) implied.push({ attribute: attribute.id, value });
      }
    });
    return implied;
  }

  /** The conflicts resolved with {@link ConfigurationSession.makeAvailable} that led to the current selections, in order. */
  get resolved(): readonly ResolvedConflict[] {
    return this.conflicts;
  }

  /**
   * The values an attribute could change to while every other decision stays: its
   * valid domain with its own decisions taken back. For a single choice already made,
   * these are the options a click can switch to directly.
   */
  alternatives(attributeId: string): ValidDomain {
    this.attributeOf(attributeId);
    const edit = this.edit();
    edit.next.delete(attributeId);
    edit.declined.delete(attributeId);
    const bits = this.compiled.space.domains(this.assignment(edit.next, edit.declined));
    return bits ? domainsOf(this.compiled, bits)[attributeId]! : [];
  }

  /**
   * The current decisions that keep a value from being chosen: {@link ConfigurationSession.explain}'s
   * `conflicting`, without the rules and the repair, so that it costs one consistency
   * check per decision and nothing more (an element can say why for each unavailable value
   * it shows). Empty when the value is available; `undefined` when no change of decisions
   * can make it available (the rules exclude it in every configuration; `explain` names
   * them).
   *
   * With `pause`, it awaits `pause()` after each check: on a large product (a check on an
   * eCos board's diagram takes milliseconds, thirty of them a long task) a page passes a
   * function that resolves in a new task, and the answer comes in short tasks. Decisions
   * made meanwhile are not taken into account: ask again after a change.
   */
  conflicting(wanted: Decision): readonly Decision[] | undefined;
  conflicting(wanted: Decision, options: { pause: () => Promise<void> }): Promise<readonly Decision[] | undefined>;
  conflicting(wanted: Decision, options?: { pause: () => Promise<void> }): readonly Decision[] | undefined | Promise<readonly Decision[] | undefined> {
    const answer = (found: InTheWay) => (found.available ? [] : found.conflicting?.map((d) => d.decision));
    if (!options) return answer(run(this.inTheWay(wanted)));
    const steps = this.inTheWay(wanted);
    const next = async (): Promise<readonly Decision[] | undefined> => {
      for (;;) {
        const step = steps.next();
        if (step.done) return answer(step.value);
        await options.pause();
      }
    };
    return next();
  }

  /**
   * The work {@link ConfigurationSession.explain} and {@link conflicting} share: the decisions in the way of a
   * value, if any. A generator that yields after each consistency check, so that a caller
   * may pause between them. (`session.ts` explains with it.)
   */
  private *inTheWay(wanted: Decision): Generator<void, InTheWay> {
    const target = this.literalOf(wanted);
    const decisions = this.decisions.map((decision) => ({ decision, ...this.literalOf(decision) }));
    // A decision on the very variable asked about (a boolean that is on, asked about off)
    // conflicts with it alone.
    const opposite = decisions.filter((d) => d.variable === target.variable && d.value !== target.value);
    // Choosing another value of a single choice or a quantity replaces the one chosen
    // (as `select` does): that decision is not in the way, the rules are.
    const kind = this.attributeOf(wanted.attribute).attribute.kind;
    const replaces = !wanted.declined && (kind === 'single' || kind === 'quantity');
    const others = decisions.filter((d) => d.variable !== target.variable && !(replaces && d.decision.attribute === wanted.attribute));
    const { space } = this.compiled;
    const consistent = (literals: readonly Literal[]) => space.satisfiable(this.literalAssignment([target, ...literals]));
    if (opposite.length === 0 && consistent(others)) return { available: true };
    yield;
    if (!consistent([])) return { available: false, target, opposite, others, conflicting: undefined };
    // Conflicting decisions: deletion-based, trying the oldest first, so the set names the
    // most recent decisions that clash (the ones the repair prefers to give up).
    let conflicting = opposite.length > 0 ? opposite : others;
    if (opposite.length === 0) {
      for (const candidate of others) {
        yield;
        const without = conflicting.filter((d) => d !== candidate);
        if (!consistent(without)) conflicting = without;
      }
    }
    return { available: false, target, opposite, others, conflicting };
  }

  /**
   * Extends the selections to a complete valid configuration, deterministically:
   * attribute by attribute in catalog order, each undecided one takes the value a
   * `default` rule that applies gives it, else its own `default`, else the first
   * possible value (off for a boolean, the smallest quantity). Because every value
   * taken is in its valid domain, this never fails. One undo step takes it back.
   */
  complete(): this {
    const before = this.state();
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

  /**
   * Whether the selections leave exactly one valid configuration: nothing is left to
   * decide. Read from the valid domains (one value left for every variable), not from
   * a count: counting a 14,000-feature product's configurations is a pass of big-number
   * arithmetic (4.6 ms a click in Chromium).
   */
  get isComplete(): boolean {
    return this.bits.every((b) => b === CAN_BE_TRUE || b === CAN_BE_FALSE);
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

  /** Whether there is a change to take back (false in a new session, and after undoing every change). */
  get canUndo(): boolean {
    return this.history.length > 0;
  }

  /** Returns to the selections before the last change. */
  undo(): boolean {
    const previous = this.history.pop();
    if (!previous) return false;
    this.restore(previous);
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

  /** A copy of the decisions to change; `apply` makes it current if it still has a valid completion. */
  private edit() {
    const next = new Map(this.current);
    const declined = new Map(this.declined);
    const multiple = (id: string) => this.attributeOf(id).attribute.kind === 'multiple';
    const chosen = (id: string) => (next.get(id) as string[] | undefined) ?? [];
    const setChosen = (id: string, options: string[]) => (options.length > 0 ? next.set(id, options) : next.delete(id));
    const setDeclined = (id: string, options: string[]) => (options.length > 0 ? declined.set(id, options) : declined.delete(id));
    return {
      next,
      declined,
      add: ({ attribute, value, declined: no }: Decision) => {
        if (!multiple(attribute)) {
          if (no) throw new RangeError(`"${attribute}" is not a multiple choice; use select or deselect`);
          // Deleted first, so the map's order stays the order of the decisions.
          next.delete(attribute);
          next.set(attribute, value as SelectionValue);
          return;
        }
        const option = String(value);
        const others = chosen(attribute).filter((o) => o !== option);
        const othersDeclined = (declined.get(attribute) ?? []).filter((o) => o !== option);
        setChosen(attribute, no ? others : [...others, option]);
        setDeclined(attribute, no ? [...othersDeclined, option] : othersDeclined);
      },
      remove: ({ attribute, value, declined: no }: Decision) => {
        if (!multiple(attribute)) {
          if (next.get(attribute) === value) next.delete(attribute);
          return;
        }
        if (no) setDeclined(attribute, (declined.get(attribute) ?? []).filter((o) => o !== value));
        else setChosen(attribute, chosen(attribute).filter((o) => o !== value));
      },
    };
  }

  private apply(
    edit: { next: Map<string, SelectionValue>; declined: Map<string, readonly string[]> },
    attribute: string,
    value: SelectionValue,
    resolved = this.conflicts,
  ): this {
    const bits = this.compiled.space.domains(this.assignment(edit.next, edit.declined));
    if (!bits) {
      throw new SelectionError(`${attribute} = ${JSON.stringify(value)} is not available with the current selections`, attribute, value);
    }
    this.history.push(this.state());
    this.restore({ current: edit.next, declined: edit.declined, bits, resolved });
    return this;
  }

  private state(): State {
    return { current: this.current, declined: this.declined, bits: this.bits, resolved: this.conflicts };
  }

  private restore(state: State): void {
    this.current = state.current;
    this.declined = state.declined;
    this.bits = state.bits;
    this.conflicts = state.resolved;
    this.cached = undefined;
  }

  private decisionsOf(current: Map<string, SelectionValue>, declined: Map<string, readonly string[]>): Decision[] {
    const decisions: Decision[] = [];
    for (const [attribute, value] of current) {
      if (Array.isArray(value)) for (const option of value) decisions.push({ attribute, value: option });
      else decisions.push({ attribute, value: value as string | number | boolean });
    }
    for (const [attribute, options] of declined) for (const option of options) decisions.push({ attribute, value: option, declined: true });
    return decisions;
  }

  /** The variable a decision fixes, and to what. */
  private literalOf({ attribute: id, value, declined }: Decision): Literal {
    const { index, attribute } = this.attributeOf(id);
    const { encoding } = this.compiled;
    const vars = encoding.attributeVariables[index]!;
    if (attribute.kind === 'boolean') {
      if (typeof value !== 'boolean') throw new SelectionError(`${id} is a boolean; ${JSON.stringify(value)} is not true or false`, id, value as SelectionValue);
      return { variable: vars[0]!, value: value ? 1 : 0 };
    }
    const variable = vars.find((v) => encoding.variables[v]!.value === value);
    if (variable === undefined) throw new SelectionError(`${id} has no value ${JSON.stringify(value)}`, id, value as SelectionValue);
    if (declined && attribute.kind !== 'multiple') throw new RangeError(`"${id}" is not a multiple choice; only options of a multiple choice are declined`);
    return { variable, value: declined ? 0 : 1 };
  }

  private literalAssignment(literals: readonly Literal[]): Assignment {
    const assignment: Assignment = new Int8Array(this.compiled.encoding.variables.length).fill(-1);
    for (const { variable, value } of literals) assignment[variable] = value;
    return assignment;
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

/** The four domains of a boolean, shared by every result (they are frozen). */
const BOOLEAN_DOMAINS: readonly ValidDomain[] = [[], [true], [false], [true, false]].map((d) => Object.freeze(d));

/**
 * Per attribute, the values whose variable can still be true (booleans: true and/or
 * false). Plain loops: on a product of 14,000 features this runs on every click.
 */
export function domainsOf(compiled: CompiledProduct, bits: Uint8Array): Record<string, ValidDomain> {
  const { product, encoding } = compiled;
  const { attributes } = product;
  const result: Record<string, ValidDomain> = {};
  for (let index = 0; index < attributes.length; index++) {
    const attribute = attributes[index]!;
    const vars = encoding.attributeVariables[index]!;
    if (attribute.kind === 'boolean') {
      const b = bits[vars[0]!]!;
      result[attribute.id] = BOOLEAN_DOMAINS[(b & CAN_BE_TRUE ? 1 : 0) | (b & CAN_BE_FALSE ? 2 : 0)]!;
    } else {
      const values: (string | number)[] = [];
      for (const v of vars) if (bits[v]! & CAN_BE_TRUE) values.push(encoding.variables[v]!.value as string | number);
      result[attribute.id] = values;
    }
  }
  return result;
}
