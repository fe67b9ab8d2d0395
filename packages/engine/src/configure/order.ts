/**
 * Variable order for the diagram. A BDD's size depends heavily on it: variables that
 * appear in the same constraints should sit close together. We order by depth-first
 * search over the variable interaction graph (two variables interact when a constraint
 * mentions both), starting from the most connected variable and going deep into the
 * least connected neighbours first, so each local cluster (a feature subtree, an
 * attribute's options) is laid out contiguously.
 *
 * Measured on the public models (see docs/configuration.md): this order compiles
 * BusyBox to ~60 k intermediate nodes, where the file's own order and FORCE
 * (Aloul et al. 2003) exceed 8 million.
 */

import type { Formula } from './encode.js';

/** Returns `level[variable]`: the position of each variable in the order. */
export function interactionOrder(variableCount: number, supports: readonly (readonly number[])[]): Int32Array {
  const neighbours: Set<number>[] = Array.from({ length: variableCount }, () => new Set());
  for (const support of supports) {
    // Large supports (a quantity's one-hot group, a long clause) would make the graph
    // quadratic: link them as a chain, which keeps them together just as well.
    if (support.length > 256) {
      for (let i = 1; i < support.length; i++) link(support[i - 1]!, support[i]!);
    } else {
      for (const a of support) for (const b of support) if (a !== b) neighbours[a]!.add(b);
    }
  }
  function link(a: number, b: number) {
    if (a === b) return;
    neighbours[a]!.add(b);
    neighbours[b]!.add(a);
  }
  const degree = neighbours.map((n) => n.size);
  const seen = new Uint8Array(variableCount);
  const order: number[] = [];
  const starts = Array.from({ length: variableCount }, (_, i) => i).sort((a, b) => degree[b]! - degree[a]! || a - b);
  for (const start of starts) {
    if (seen[start]) continue;
    const stack = [start];
    while (stack.length > 0) {
      const variable = stack.pop()!;
      if (seen[variable]) continue;
      seen[variable] = 1;
      order.push(variable);
      // Pushed by ascending degree, so the most connected neighbour is visited first.
      const next = [...neighbours[variable]!].filter((w) => !seen[w]).sort((a, b) => degree[a]! - degree[b]! || b - a);
      for (const w of next) stack.push(w);
    }
  }
  const level = new Int32Array(variableCount);
  order.forEach((variable, position) => (level[variable] = position));
  return level;
}

/** The variables a formula mentions. */
export function supportOf(formula: Formula, into: number[] = []): number[] {
  switch (formula.t) {
    case 'const':
      break;
    case 'var':
      into.push(formula.v);
      break;
    case 'not':
      supportOf(formula.f, into);
      break;
    case 'and':
    case 'or':
    case 'count':
      for (const f of formula.fs) supportOf(f, into);
      break;
    case 'linear':
      for (const t of formula.terms) into.push(t.v);
      break;
  }
  return into;
}
