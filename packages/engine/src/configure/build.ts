/** Turns the symbolic constraints of an encoding into diagram nodes, for a given variable order. */
import { Bdd, FALSE, TRUE } from './bdd.js';
import type { Formula } from './encode.js';
import { undecidedRanges } from '../catalog/sizes.js';

export function buildFormula(bdd: Bdd, levelOf: Int32Array, formula: Formula): number {
  switch (formula.t) {
    case 'const':
      return formula.value ? TRUE : FALSE;
    case 'var':
      return bdd.variable(levelOf[formula.v]!);
    case 'not':
      return bdd.not(buildFormula(bdd, levelOf, formula.f));
    case 'and':
      return bdd.andAll(formula.fs.map((f) => buildFormula(bdd, levelOf, f)));
    case 'or':
      return bdd.orAll(formula.fs.map((f) => buildFormula(bdd, levelOf, f)));
    case 'count': {
      // Distinct variables take the direct construction; a variable counted twice (a
      // condition named twice) counts twice, as evaluate.ts counts it.
      const levels = formula.fs.every((f) => f.t === 'var') ? formula.fs.map((f) => levelOf[(f as { v: number }).v]!) : undefined;
      return levels && new Set(levels).size === levels.length
        ? countOfVariables(bdd, levels, formula.min, formula.max)
        : countOfFormulas(bdd, formula.fs.map((f) => buildFormula(bdd, levelOf, f)), formula.min, formula.max);
    }
    case 'linear':
      return linear(bdd, formula.terms.map((t) => ({ level: levelOf[t.v]!, w: t.w })), formula.max);
  }
}

/**
 * The states of a count at item i (of n): c of the items before i are true, r = n − i
 * items remain. A state is decided without looking further when c > max or c + r < min
 * (false) or when min ≤ c and c + r ≤ max (true), and no state has c > i. Only the
 * others get a node, so "at least one of 100,000" is linear and "k of n" makes about
 * k·(n − k) nodes, the size of the diagram itself. Returns the constant, or -1.
 */
function decidedCount(c: number, r: number, min: number, max: number): number {
  if (c > max || c + r < min) return FALSE;
  return c >= min && c + r <= max ? TRUE : -1;
}

/**
 * Calls `each(c)` for the undecided states c at item i, in ascending order: those with
 * c < min, then those with c > max − r (see {@link decidedCount}). A loop, not a
 * recursion, and it never visits a decided state, so a count of 100,000 variables
 * with a loose bound costs 100,000 steps.
 */
function undecidedStates(i: number, n: number, min: number, max: number, each: (c: number) => void): void {
  // The same ranges that the encoding limits count (catalog/limits.ts).
  const [a, b, c, d] = undecidedRanges(i, n, min, max);
  for (let s = a; s <= b; s++) each(s);
  for (let s = c; s <= d; s++) each(s);
}

/**
 * "Between min and max of these (distinct) variables are true", built bottom-up in variable order:
 * the node for (item i, c true so far) decides item i. Decided states are constants
 * (see {@link decidedCount}), so "exactly one of 5,000" and "any of 100,000" stay linear.
 */
function countOfVariables(bdd: Bdd, levels: readonly number[], min: number, max: number): number {
  const sorted = Int32Array.from(levels).sort();
  const n = sorted.length;
  const width = Math.min(n, max) + 2;
  let next = new Int32Array(width); // the nodes of the undecided states at item i + 1
  let row = new Int32Array(width);
  const at = (c: number, r: number) => {
    const done = decidedCount(c, r, min, max);
    return done >= 0 ? done : next[c]!;
  };
  for (let i = n - 1; i >= 0; i--) {
    const level = sorted[i]!;
    const r = n - i - 1; // items after i
    undecidedStates(i, n, min, max, (c) => (row[c] = bdd.mk(level, at(c, r), at(c + 1, r))));
    const done = next;
    next = row;
    row = done;
  }
  return at(0, n);
}

/** The same for arbitrary conditions: item i true moves to count c+1, false stays at c. */
function countOfFormulas(bdd: Bdd, items: readonly number[], min: number, max: number): number {
  const n = items.length;
  const width = Math.min(n, max) + 2;
  let next = new Int32Array(width);
  let row = new Int32Array(width);
  const at = (c: number, r: number) => {
    const done = decidedCount(c, r, min, max);
    return done >= 0 ? done : next[c]!;
  };
  for (let i = n - 1; i >= 0; i--) {
    const item = items[i]!;
    const notItem = bdd.not(item);
    const r = n - i - 1;
    undecidedStates(i, n, min, max, (c) => (row[c] = bdd.or(bdd.and(item, at(c + 1, r)), bdd.and(notItem, at(c, r)))));
    const done = next;
    next = row;
    row = done;
  }
  return at(0, n);
}

/**
 * Σ w·x ≤ max over variables (integer weights, any sign). Partial sums are the states;
 * a state is decided early when even the extreme rest cannot change the outcome, which
 * keeps resource constraints over one-hot quantities small.
 */
function linear(bdd: Bdd, terms: { level: number; w: number }[], max: number): number {
  const merged = new Map<number, number>();
  for (const { level, w } of terms) merged.set(level, (merged.get(level) ?? 0) + w);
  const items = [...merged].filter(([, w]) => w !== 0).sort((a, b) => a[0] - b[0]);
  const n = items.length;
  const minRest = new Float64Array(n + 1);
  const maxRest = new Float64Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    const w = items[i]![1];
    minRest[i] = minRest[i + 1]! + Math.min(0, w);
    maxRest[i] = maxRest[i + 1]! + Math.max(0, w);
  }
  const decided = (i: number, sum: number): number | undefined =>
    sum + maxRest[i]! <= max ? TRUE : sum + minRest[i]! > max ? FALSE : undefined;
  // Forward: the undecided partial sums reachable at each item.
  const states: Set<number>[] = [new Set([0])];
  for (let i = 0; i < n; i++) {
    const here = new Set<number>();
    for (const sum of states[i]!) {
      if (decided(i, sum) !== undefined) continue;
      here.add(sum);
    }
    states[i] = here;
    const following = new Set<number>();
    for (const sum of here) {
      following.add(sum);
      following.add(sum + items[i]![1]);
    }
    states.push(following);
  }
  // Backward: build the node of each state from the nodes of its two successors.
  let below = new Map<number, number>();
  for (let i = n; i >= 0; i--) {
    const row = new Map<number, number>();
    for (const sum of states[i] ?? []) {
      const done = i === n ? (sum <= max ? TRUE : FALSE) : decided(i, sum);
      if (done !== undefined) {
        row.set(sum, done);
        continue;
      }
      const [level, w] = items[i]!;
      const at = (s: number) => below.get(s) ?? decided(i + 1, s) ?? (s <= max ? TRUE : FALSE);
      row.set(sum, bdd.mk(level, at(sum), at(sum + w)));
    }
    below = row;
  }
  return below.get(0) ?? decided(0, 0)!;
}
