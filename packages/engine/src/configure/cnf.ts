/**
 * From an encoding's constraints to clauses (CNF), the input of the decision-DNNF
 * compiler. Small constraints become clauses directly: a disjunction of literals is a
 * clause, "exactly one of a few" is one clause and the pairs. A constraint whose
 * clauses would be many (one of 200 options, a resource sum) is built as a BDD of its
 * own and each inner node becomes an auxiliary variable defined by
 * node ↔ (x ? high : low), the Tseitin encoding of the diagram. Each auxiliary
 * variable is a function of the catalog's variables, so the clauses have exactly one
 * model per configuration and counting them counts configurations.
 */
import { Bdd, FALSE, TRUE } from './bdd.js';
import { buildFormula } from './build.js';
import { conjuncts, type Encoding, type Formula } from './encode.js';

/** Literals are numbers: 2·v for "v is true", 2·v + 1 for "v is false". */
export const positive = (v: number): number => v << 1;
export const negative = (v: number): number => (v << 1) | 1;

export interface Cnf {
  /** The encoding's variables (0 .. original − 1), then the auxiliary ones. */
  readonly variables: number;
  readonly original: number;
  /** Clause after clause, each a run of literals. */
  readonly literals: Int32Array;
  /** Clause i is `literals[start[i] .. start[i + 1])`. */
  readonly start: Int32Array;
  /** Per clause, the index of the constraint it comes from in `encoding.constraints`. */
  readonly source: Int32Array;
}

/** Most clauses a constraint may become directly; beyond, its diagram is encoded instead. */
const DIRECT_BUDGET = 256;

/** A counter step with at most this many partial sums says that they exclude each other. */
const MAX_EXCLUSIVE = 24;

type Clause = number[];

export function toCnf(encoding: Encoding, levelOf: Int32Array, nodeLimit?: number): Cnf {
  const original = encoding.variables.length;
  const literals: number[] = [];
  const start: number[] = [0];
  const source: number[] = [];
  const add = (clause: Clause, from: number) => {
    for (const l of clause) literals.push(l);
    start.push(literals.length);
    source.push(from);
  };
  // One diagram for the constraints encoded through their BDD: equal subfunctions share a node, and so an auxiliary variable.
  const bdd = new Bdd(original, nodeLimit);
  const variableAt = new Int32Array(original);
  levelOf.forEach((level, v) => (variableAt[level] = v));
  const auxOf = new Map<number, number>();
  let variables = original;

  /**
   * The literal that stands for diagram node `root` (not a terminal), defining it and
   * every node below it on first use, children first (a diagram can be thousands of
   * levels deep: no recursion).
   */
  const literalOf = (root: number, from: number): number => {
    const below: number[] = [];
    const stack = [root];
    const seen = new Set<number>();
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node <= TRUE || seen.has(node) || auxOf.has(node)) continue;
      seen.add(node);
      below.push(node);
      stack.push(bdd.low[node]!, bdd.high[node]!);
    }
    // Children have smaller ids than their parents.
    for (const node of below.sort((a, b) => a - b)) {
      const x = variableAt[bdd.level[node]!]!;
      const high = bdd.high[node]!;
      const low = bdd.low[node]!;
      if (low === FALSE && high === TRUE) auxOf.set(node, positive(x));
      else if (low === TRUE && high === FALSE) auxOf.set(node, negative(x));
      else {
        const a = variables++;
        auxOf.set(node, positive(a));
        define(a, x, literalOrTerminal(high), literalOrTerminal(low), from);
      }
    }
    return auxOf.get(root)!;
  };
  const literalOrTerminal = (node: number): number => (node === TRUE ? TRUE_LIT : node === FALSE ? FALSE_LIT : auxOf.get(node)!);
  /** Clauses of a ↔ (x ? H : L), where H and L are literals or TRUE_LIT / FALSE_LIT. */
  const define = (a: number, x: number, H: number, L: number, from: number) => {
    for (const clause of [
      [negative(a), negative(x), H],
      [negative(a), positive(x), L],
      [positive(a), negative(x), not(H)],
      [positive(a), positive(x), not(L)],
      [negative(a), H, L],
      [positive(a), not(H), not(L)],
    ]) {
      const simplified = simplify(clause);
      if (simplified) add(simplified, from);
    }
  };

  /**
   * A sum constraint as a counter that runs over its items in order: per step, one
   * auxiliary variable per partial sum still undecided, defined by
   * state(i + 1, s) ↔ (x_i ? state(i, s − w_i) : state(i, s)), a function of the items
   * before it. Once those are decided, propagation fixes every state up to there, so
   * the compiler sees the same rest for every prefix with the same partial sum and
   * caches it (a diagram's nodes, functions of the items *after* them, stay open and
   * keep prefixes apart). A step into a sum that cannot end in [lo, hi] is a clause,
   * with the guard's literals in it.
   */
  const counter = ({ items, lo, hi, guard }: Sum, from: number) => {
    const n = items.length;
    const minRest = new Float64Array(n + 1);
    const maxRest = new Float64Array(n + 1);
    for (let i = n - 1; i >= 0; i--) {
      minRest[i] = minRest[i + 1]! + Math.min(0, items[i]!.w);
      maxRest[i] = maxRest[i + 1]! + Math.max(0, items[i]!.w);
    }
    /** 1 accepted whatever follows, -1 rejected whatever follows, 0 open. */
    const outcome = (i: number, sum: number) =>
      sum + minRest[i]! >= lo && sum + maxRest[i]! <= hi ? 1 : sum + maxRest[i]! < lo || sum + minRest[i]! > hi ? -1 : 0;
    if (outcome(0, 0) === 1) return;
    if (outcome(0, 0) === -1) {
      // No sum of these items is in [lo, hi]: only the guard can hold.
      const clause = simplify([...guard]);
      if (clause) add(clause, from);
      return;
    }
    let states = new Map<number, number>([[0, TRUE_LIT]]);
    for (let i = 0; i < n && states.size > 0; i++) {
      const { lit: x, w } = items[i]!;
      // Steps into a rejected sum are forbidden; open sums become the next states.
      const next = new Map<number, [high: number, low: number]>();
      for (const [sum, state] of states) {
        for (const [taken, literal, to] of [[true, x, sum + w], [false, x ^ 1, sum]] as const) {
          const result = outcome(i + 1, to);
          if (result === -1) {
            const clause = simplify([...guard, not(state), literal ^ 1]);
            if (clause) add(clause, from);
          } else if (result === 0) {
            const entry = next.get(to) ?? [FALSE_LIT, FALSE_LIT];
            entry[taken ? 0 : 1] = state;
            next.set(to, entry);
          }
        }
      }
      states = new Map();
      for (const [sum, [high, low]] of next) {
        if (high === FALSE_LIT && low === FALSE_LIT) continue;
        if (high === TRUE_LIT && low === FALSE_LIT) states.set(sum, x);
        else if (high === FALSE_LIT && low === TRUE_LIT) states.set(sum, x ^ 1);
        else if (high === TRUE_LIT && low === TRUE_LIT) states.set(sum, TRUE_LIT);
        else {
          const a = variables++;
          define(a, x >> 1, x & 1 ? low : high, x & 1 ? high : low, from);
          states.set(sum, positive(a));
        }
      }
      // One partial sum at a time: implied, but said as clauses so that propagation sees
      // it (the search would otherwise try two sums of one step together).
      const open = [...states.values()].filter((l) => l >= 0);
      if (open.length <= MAX_EXCLUSIVE) for (let p = 0; p < open.length; p++) for (let q = p + 1; q < open.length; q++) add([open[p]! ^ 1, open[q]! ^ 1], from);
    }
  };

  encoding.constraints.forEach((constraint, from) => {
    for (const part of conjuncts(constraint.formula)) {
      const direct = clausesOf(part, true, DIRECT_BUDGET);
      if (direct) {
        for (const clause of direct) add(clause, from);
        continue;
      }
      const sum = sumOf(part);
      if (sum) {
        counter(sum, from);
        continue;
      }
      const root = buildFormula(bdd, levelOf, part);
      if (root === TRUE) continue;
      add(root === FALSE ? [] : [literalOf(root, from)], from);
    }
  });
  return { variables, original, literals: Int32Array.from(literals), start: Int32Array.from(start), source: Int32Array.from(source) };
}

/** Σ w·item in [lo, hi], unless one of the guard literals holds. */
interface Sum {
  readonly items: readonly { lit: number; w: number }[];
  readonly lo: number;
  readonly hi: number;
  readonly guard: readonly number[];
}

/**
 * A count of literals or a linear constraint, possibly in a disjunction with literals
 * (`parent → exactly one child`): the shape the counter encodes; undefined for others.
 */
function sumOf(f: Formula): Sum | undefined {
  if (f.t === 'count') {
    const items = f.fs.map((item) => literalIn(item));
    if (items.some((l) => l === undefined)) return undefined;
    return { items: (items as number[]).map((lit) => ({ lit, w: 1 })), lo: f.min, hi: f.max, guard: [] };
  }
  if (f.t === 'linear') return { items: f.terms.map((t) => ({ lit: positive(t.v), w: t.w })), lo: -Infinity, hi: f.max, guard: [] };
  if (f.t === 'or') {
    const guard: number[] = [];
    let sum: Sum | undefined;
    for (const part of f.fs) {
      const literal = literalIn(part);
      if (literal !== undefined) guard.push(literal);
      else if (sum === undefined && (part.t === 'count' || part.t === 'linear')) {
        sum = sumOf(part);
        if (!sum) return undefined;
      } else return undefined;
    }
    return sum && { ...sum, guard };
  }
  return undefined;
}

/** The clauses that `keep` keeps, over the same variables. */
export function onlyClauses(cnf: Cnf, keep: (clause: number) => boolean): Cnf {
  const literals: number[] = [];
  const start: number[] = [0];
  const source: number[] = [];
  for (let c = 0; c + 1 < cnf.start.length; c++) {
    if (!keep(c)) continue;
    for (let i = cnf.start[c]!; i < cnf.start[c + 1]!; i++) literals.push(cnf.literals[i]!);
    start.push(literals.length);
    source.push(cnf.source[c]!);
  }
  return { ...cnf, literals: Int32Array.from(literals), start: Int32Array.from(start), source: Int32Array.from(source) };
}

/** The clauses and one unit clause per literal. */
export function withUnits(cnf: Cnf, units: readonly number[]): Cnf {
  const literals = new Int32Array(cnf.literals.length + units.length);
  literals.set(cnf.literals);
  literals.set(units, cnf.literals.length);
  const start = new Int32Array(cnf.start.length + units.length);
  start.set(cnf.start);
  for (let i = 0; i < units.length; i++) start[cnf.start.length + i] = cnf.literals.length + i + 1;
  const source = new Int32Array(cnf.source.length + units.length).fill(-1);
  source.set(cnf.source);
  return { ...cnf, literals, start, source };
}

// Terminals inside clause building: TRUE_LIT satisfies a clause, FALSE_LIT drops out of it.
const TRUE_LIT = -1;
const FALSE_LIT = -2;
const not = (l: number): number => (l === TRUE_LIT ? FALSE_LIT : l === FALSE_LIT ? TRUE_LIT : l ^ 1);

/** The clause without false terminals and repeats, or undefined when it always holds. */
function simplify(clause: Clause): Clause | undefined {
  const out: Clause = [];
  for (const l of clause) {
    if (l === TRUE_LIT) return undefined;
    if (l === FALSE_LIT || out.includes(l)) continue;
    if (out.includes(l ^ 1)) return undefined;
    out.push(l);
  }
  return out;
}

/**
 * The formula (or its negation, when `holds` is false) as at most `budget` clauses, or
 * undefined when it needs more. Negations are pushed inwards as it goes.
 */
function clausesOf(f: Formula, holds: boolean, budget: number): Clause[] | undefined {
  switch (f.t) {
    case 'const':
      return f.value === holds ? [] : [[]];
    case 'var':
      return [[holds ? positive(f.v) : negative(f.v)]];
    case 'not':
      return clausesOf(f.f, !holds, budget);
    case 'and':
    case 'or':
      return (f.t === 'and') === holds ? conjunction(f.fs, holds, budget) : disjunction(f.fs, holds, budget);
    case 'count': {
      const items = f.fs.map((item) => literalIn(item));
      if (items.some((l) => l === undefined)) return undefined;
      return countClauses(items as number[], f.min, f.max, holds, budget);
    }
    case 'linear':
      return undefined;
  }
}

function conjunction(fs: readonly Formula[], holds: boolean, budget: number): Clause[] | undefined {
  const out: Clause[] = [];
  for (const f of fs) {
    const clauses = clausesOf(f, holds, budget - out.length);
    if (!clauses || out.length + clauses.length > budget) return undefined;
    out.push(...clauses);
  }
  return out;
}

/** Distributes: every clause of the result takes one clause of each part. */
function disjunction(fs: readonly Formula[], holds: boolean, budget: number): Clause[] | undefined {
  let out: Clause[] = [[]];
  for (const f of fs) {
    const clauses = clausesOf(f, holds, budget);
    if (!clauses) return undefined;
    if (clauses.length === 0) return []; // one part always holds
    if (out.length * clauses.length > budget) return undefined;
    const next: Clause[] = [];
    for (const a of out) for (const b of clauses) {
      const merged = simplify([...a, ...b]);
      if (merged) next.push(merged);
    }
    out = next;
  }
  return out;
}

/** The literal a formula is (a variable or its negation), or undefined. */
function literalIn(f: Formula): number | undefined {
  if (f.t === 'var') return positive(f.v);
  if (f.t === 'not' && f.f.t === 'var') return negative(f.f.v);
  return undefined;
}

/** "Between min and max of these literals hold", or its negation, when that is few clauses. */
function countClauses(items: number[], min: number, max: number, holds: boolean, budget: number): Clause[] | undefined {
  const n = items.length;
  if (!holds) {
    // Fewer than min, or more than max: a disjunction of two counts.
    const parts: Formula[] = [];
    const asFormula = (lo: number, hi: number): Formula => ({ t: 'count', fs: items.map(toFormula), min: lo, max: hi });
    if (min > 0) parts.push(asFormula(0, min - 1));
    if (max < n) parts.push(asFormula(max + 1, n));
    return disjunction(parts, true, budget);
  }
  const out: Clause[] = [];
  // At least min: every n − min + 1 of them hold one true. At most max: every max + 1 hold one false.
  if (min > n || max < 0 || min > max) return [[]];
  if (min > 0 && !subsets(items, n - min + 1, (s) => out.push(s), budget)) return undefined;
  if (max < n && !subsets(items.map((l) => l ^ 1), max + 1, (s) => out.push(s), budget - out.length)) return undefined;
  return out;
}

function toFormula(l: number): Formula {
  const v: Formula = { t: 'var', v: l >> 1 };
  return l & 1 ? { t: 'not', f: v } : v;
}

/** Calls `each` with every k-subset of items, unless there are more than `budget`. */
function subsets(items: number[], k: number, each: (s: number[]) => void, budget: number): boolean {
  let total = 1;
  for (let i = 0; i < k; i++) {
    total = (total * (items.length - i)) / (i + 1);
    if (total > budget) return false;
  }
  const chosen: number[] = [];
  const walk = (from: number) => {
    if (chosen.length === k) {
      each([...chosen]);
      return;
    }
    for (let i = from; i <= items.length - (k - chosen.length); i++) {
      chosen.push(items[i]!);
      walk(i + 1);
      chosen.pop();
    }
  };
  walk(0);
  return true;
}
