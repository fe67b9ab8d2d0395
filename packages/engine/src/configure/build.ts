/** Turns the symbolic constraints of an encoding into diagram nodes, for a given variable order. */
import { Bdd, FALSE, TRUE } from './bdd.js';
import type { Formula } from './encode.js';

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
    case 'count':
      return formula.fs.every((f) => f.t === 'var')
        ? countOfVariables(bdd, formula.fs.map((f) => levelOf[(f as { v: number }).v]!), formula.min, formula.max)
        : countOfFormulas(bdd, formula.fs.map((f) => buildFormula(bdd, levelOf, f)), formula.min, formula.max);
    case 'linear':
      return linear(bdd, formula.terms.map((t) => ({ level: levelOf[t.v]!, w: t.w })), formula.max);
  }
}

/**
 * "Between min and max of these variables are true", built bottom-up in variable order:
 * the node for (item i, c true so far) decides item i. Counts above max are false at
 * once, so "exactly one of 5,000" stays linear.
 */
function countOfVariables(bdd: Bdd, levels: number[], min: number, max: number): number {
  const sorted = [...new Set(levels)].sort((a, b) => a - b);
  const n = sorted.length;
  const cap = Math.min(max + 1, n); // counts beyond max are all alike: too many
  let next: number[] = Array.from({ length: cap + 1 }, (_, c) => (c >= min && c <= max ? TRUE : FALSE));
  for (let i = n - 1; i >= 0; i--) {
    const row = new Array<number>(cap + 1);
    for (let c = 0; c <= cap; c++) {
      const low = next[c]!;
      const high = c + 1 > max ? FALSE : next[Math.min(c + 1, cap)]!;
      row[c] = bdd.mk(sorted[i]!, low, high);
    }
    next = row;
  }
  return next[0]!;
}

/** The same for arbitrary conditions: item i true moves to count c+1, false stays at c. */
function countOfFormulas(bdd: Bdd, items: number[], min: number, max: number): number {
  const cap = Math.min(max + 1, items.length);
  let next: number[] = Array.from({ length: cap + 1 }, (_, c) => (c >= min && c <= max ? TRUE : FALSE));
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    const notItem = bdd.not(item);
    next = next.map((low, c) => {
      const high = c + 1 > max ? FALSE : next[Math.min(c + 1, cap)]!;
      return bdd.or(bdd.and(item, high), bdd.and(notItem, low));
    });
  }
  return next[0]!;
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
