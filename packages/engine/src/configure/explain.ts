/**
 * Which rules make a value unavailable. The compiled space knows *that* a value is
 * excluded but not *why*: it is one diagram for all rules together. So for an
 * explanation the rules are built again, each as its own diagram over the same
 * variable order (once per product, on the first question), and a minimal set of
 * rules that still excludes the value is found with QuickXPlain (Junker 2004), which
 * needs O(k log n) checks for k rules out of n. On a BDD product each check conjoins
 * rule diagrams; on a decision-DNNF product (one whose rules together are too much for
 * a BDD) each check is a search over the clauses of those rules that stops at the
 * first model.
 */
import { Bdd, FALSE, TRUE } from './bdd.js';
import { buildFormula } from './build.js';
import type { CompiledProduct } from './compile.js';
import { conjuncts } from './encode.js';
import { interactionOrder, supportOf } from './order.js';
import { BddSpace } from './space.js';

/** A variable fixed to a value: a decision of the buyer, or the value asked about. */
export interface Literal {
  readonly variable: number;
  readonly value: 0 | 1;
}

const cache = new WeakMap<CompiledProduct, RuleDiagrams>();

/**
 * The consistency checks over a decision-DNNF product's clauses (`explain-clauses.ts`):
 * the compiler's search, so they come with it, provided by the modules that make
 * decision-DNNF spaces (compiling one, reading one). A BDD product never needs them.
 *
 * @internal
 */
export type ClauseChecks = (compiled: CompiledProduct, levelOf: Int32Array, ruleIds: readonly string[]) => (literals: readonly Literal[], rules: readonly number[]) => boolean;

let clauseChecks: ClauseChecks | undefined;

/** @internal */
export function provideClauseChecks(checks: ClauseChecks): void {
  clauseChecks = checks;
}

/** The rule diagrams of a compiled product, built on first use and kept with it. */
export function ruleDiagrams(compiled: CompiledProduct): RuleDiagrams {
  let diagrams = cache.get(compiled);
  if (!diagrams) {
    diagrams = new RuleDiagrams(compiled);
    cache.set(compiled, diagrams);
  }
  return diagrams;
}

/** A constraint as a propagator: its diagram's nodes (top-down) and the levels it mentions. */
interface Propagator {
  /** Index into the rule list, or -1 for an attribute's structure. */
  readonly rule: number;
  readonly root: number;
  readonly nodes: Int32Array;
  readonly levels: Int32Array;
}

export class RuleDiagrams {
  private readonly bdd: Bdd;
  private readonly levelOf: Int32Array;
  /** For a decision-DNNF product: the consistency checks over its clauses (made on first need). */
  private byClauses: ((literals: readonly Literal[], rules: readonly number[]) => boolean) | undefined;
  /** The attributes' own structure (one of a single choice, min..max of a multiple). */
  private readonly structure: number;
  private readonly ruleIds: string[] = [];
  private readonly ruleNodes: number[] = [];
  private readonly propagators: Propagator[] = [];
  /** Per level, the propagators that mention it. */
  private readonly watching: number[][];

  constructor(private readonly compiled: CompiledProduct) {
    const { space, encoding } = compiled;
    // The BDD's own order; for a decision-DNNF the same kind of order, made for these diagrams.
    this.levelOf = space instanceof BddSpace ? space.levelOf : interactionOrder(encoding.variables.length, encoding.constraints.flatMap((c) => conjuncts(c.formula).map((f) => supportOf(f))));
    this.bdd = new Bdd(this.levelOf.length);
    const structure: number[] = [];
    const byRule = new Map<string, number>();
    for (const constraint of compiled.encoding.constraints) {
      for (const part of conjuncts(constraint.formula)) {
        const node = buildFormula(this.bdd, this.levelOf, part);
        if (constraint.rule === undefined) structure.push(node);
        else byRule.set(constraint.rule, this.bdd.and(byRule.get(constraint.rule) ?? TRUE, node));
      }
    }
    this.structure = this.bdd.andAll(structure);
    for (const [id, node] of byRule) {
      this.ruleIds.push(id);
      this.ruleNodes.push(node);
    }
    this.watching = Array.from({ length: this.levelOf.length }, () => []);
    const add = (rule: number, root: number) => {
      const propagator = this.propagator(rule, root);
      for (const level of propagator.levels) this.watching[level]!.push(this.propagators.length);
      this.propagators.push(propagator);
    };
    structure.forEach((node) => add(-1, node));
    this.ruleNodes.forEach((node, rule) => add(rule, node));
  }

  /**
   * A minimal set of rules that, with the attributes' structure, leaves no valid
   * configuration with these literals: dropping any one of them would. Empty when the
   * structure alone excludes them (e.g. two options of one single choice).
   *
   * Propagation first: each rule on its own forces values, and when that runs into a
   * rule that cannot hold, the rules on the way are the candidates (usually a handful,
   * so the minimal set is found at once). Only when propagation finds no conflict
   * (the exclusion needs case analysis) does the search start from every rule.
   */
  minimalRules(literals: readonly Literal[]): string[] {
    const cube = this.cube(literals);
    const excluded = this.compiled.space.form === 'bdd' ? (rules: readonly number[]) => this.excluded(cube, rules) : (rules: readonly number[]) => this.excludedByClauses(literals, rules);
    if (cube === FALSE || excluded([])) return [];
    const candidates = this.propagate(literals) ?? this.ruleNodes.map((_, i) => i);
    if (!excluded(candidates)) return [];
    return this.quickXPlain(excluded, [], false, candidates).map((i) => this.ruleIds[i]!);
  }

  /** Unit propagation over the rules' diagrams; the rules behind a conflict, or undefined. */
  private propagate(literals: readonly Literal[]): number[] | undefined {
    const levels = this.levelOf.length;
    const value = new Int8Array(levels).fill(-1);
    /** Which propagator forced a level's value (-1: given). */
    const reason = new Int32Array(levels).fill(-1);
    for (const { variable, value: v } of literals) value[this.levelOf[variable]!] = v;
    const queued = new Uint8Array(this.propagators.length).fill(1);
    const queue = this.propagators.map((_, i) => i);
    const canReach = new Uint8Array(this.bdd.size);
    const reached = new Uint8Array(this.bdd.size);
    const possible = new Uint8Array(levels);
    while (queue.length > 0) {
      const p = queue.pop()!;
      queued[p] = 0;
      const { root, nodes, levels: mentioned } = this.propagators[p]!;
      const { level, low, high } = this.bdd;
      canReach[FALSE] = 0;
      canReach[TRUE] = 1;
      for (let i = nodes.length - 1; i >= 0; i--) {
        const id = nodes[i]!;
        const a = value[level[id]!]!;
        canReach[id] = (a !== 1 && canReach[low[id]!]) || (a !== 0 && canReach[high[id]!]) ? 1 : 0;
      }
      if (!canReach[root]) return this.reasons(p, value, reason);
      // Top-down: which values of each mentioned level lie on a path to true. A level
      // an edge skips is unconstrained by this rule on that path.
      for (const l of mentioned) possible[l] = 0;
      for (const id of nodes) reached[id] = 0;
      reached[root] = 1;
      for (const id of nodes) {
        if (!reached[id]) continue;
        const l = level[id]!;
        const a = value[l]!;
        const lo = low[id]!;
        const hi = high[id]!;
        if (a !== 1 && canReach[lo]) {
          possible[l]! |= 1;
          reached[lo] = 1;
          this.markSkipped(l, level[lo]!, mentioned, possible);
        }
        if (a !== 0 && canReach[hi]) {
          possible[l]! |= 2;
          reached[hi] = 1;
          this.markSkipped(l, level[hi]!, mentioned, possible);
        }
      }
      this.markSkipped(-1, level[root]!, mentioned, possible);
      for (const l of mentioned) {
        if (value[l] !== -1 || possible[l] === 3) continue;
        value[l] = possible[l] === 2 ? 1 : 0;
        reason[l] = p;
        for (const w of this.watching[l]!) {
          if (!queued[w]) {
            queued[w] = 1;
            queue.push(w);
          }
        }
      }
    }
    return undefined;
  }

  /** Mentioned levels strictly between `from` and `to` can take either value on that edge. */
  private markSkipped(from: number, to: number, mentioned: Int32Array, possible: Uint8Array): void {
    for (const l of mentioned) if (l > from && l < to) possible[l] = 3;
  }

  /** The rules a conflict in propagator `p` rests on: it, and the reasons of the values it saw, transitively. */
  private reasons(p: number, value: Int8Array, reason: Int32Array): number[] {
    const rules = new Set<number>();
    const seen = new Set<number>([p]);
    const stack = [p];
    while (stack.length > 0) {
      const { rule, levels } = this.propagators[stack.pop()!]!;
      if (rule >= 0) rules.add(rule);
      for (const l of levels) {
        const r = reason[l]!;
        if (value[l] !== -1 && r >= 0 && !seen.has(r)) {
          seen.add(r);
          stack.push(r);
        }
      }
    }
    return [...rules].sort((a, b) => a - b);
  }

  private propagator(rule: number, root: number): Propagator {
    const nodes: number[] = [];
    const levels = new Set<number>();
    const seen = new Set<number>();
    // An explicit stack: a diagram can be thousands of levels deep.
    const stack = [root];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id <= TRUE || seen.has(id)) continue;
      seen.add(id);
      levels.add(this.bdd.level[id]!);
      stack.push(this.bdd.low[id]!, this.bdd.high[id]!);
    }
    // Descending ids: parents before children (children are always created first).
    for (const id of [...seen].sort((a, b) => b - a)) nodes.push(id);
    return { rule, root, nodes: Int32Array.from(nodes), levels: Int32Array.from(levels) };
  }

  private quickXPlain(excluded: (rules: readonly number[]) => boolean, background: number[], added: boolean, candidates: number[]): number[] {
    if (added && excluded(background)) return [];
    if (candidates.length === 1) return candidates;
    const half = candidates.length >> 1;
    const first = candidates.slice(0, half);
    const second = candidates.slice(half);
    const fromSecond = this.quickXPlain(excluded, [...background, ...first], first.length > 0, second);
    const fromFirst = this.quickXPlain(excluded, [...background, ...fromSecond], fromSecond.length > 0, first);
    return [...fromFirst, ...fromSecond];
  }

  /** The same question on the clauses: the structure's and these rules', with the literals as unit clauses. */
  private excludedByClauses(literals: readonly Literal[], rules: readonly number[]): boolean {
    if (!clauseChecks) throw new Error('explaining a decision-DNNF product needs its clause search, which loads with its space: compile the product with compile or compileOnDemand, or load its space with loadSpace');
    this.byClauses ??= clauseChecks(this.compiled, this.levelOf, this.ruleIds);
    return this.byClauses(literals, rules);
  }

  /** Whether the literals (as a cube), the structure and these rules cannot all hold. */
  private excluded(cube: number, rules: readonly number[]): boolean {
    // The cube first: it fixes variables, so every later conjunction works on less.
    let node = this.bdd.and(cube, this.structure);
    for (const r of rules) {
      if (node === FALSE) break;
      node = this.bdd.and(node, this.ruleNodes[r]!);
    }
    return node === FALSE;
  }

  /** The conjunction of the literals, built bottom-up from the deepest level. */
  private cube(literals: readonly Literal[]): number {
    const values = new Map<number, 0 | 1>();
    for (const { variable, value } of literals) {
      if (values.get(variable) === 1 - value) return FALSE;
      values.set(variable, value);
    }
    const sorted = [...values].sort(([a], [b]) => this.levelOf[b]! - this.levelOf[a]!);
    let node = TRUE;
    for (const [variable, value] of sorted) {
      const level = this.levelOf[variable]!;
      node = value === 1 ? this.bdd.mk(level, FALSE, node) : this.bdd.mk(level, node, FALSE);
    }
    return node;
  }
}
