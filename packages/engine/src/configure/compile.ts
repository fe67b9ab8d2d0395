/**
 * Compiles a catalog product into its solution space: every valid configuration, as
 * one diagram. Done once per product (or ahead of time); afterwards every click is a
 * linear pass over arrays.
 */
import type { Catalog, Product } from '../catalog/schema.js';
import { didYouMean } from '../internal/problems.js';
import { Bdd, FALSE, NodeLimitError } from './bdd.js';
import { buildFormula } from './build.js';
import { encode, type Constraint, type Encoding, type Formula } from './encode.js';
import { conjuncts } from './explain.js';
import { interactionOrder } from './order.js';
import { SolutionSpace } from './space.js';

export interface CompileOptions {
  /** Which product of the catalog; default: the first. */
  product?: string;
  /** Most diagram nodes compiling may create (a memory bound). Default 20,000,000 (about 240 MB). */
  nodeLimit?: number;
}

/** A product and its compiled solution space, ready for sessions, counting and domains. */
export interface CompiledProduct {
  readonly catalog: Catalog;
  readonly product: Product;
  readonly encoding: Encoding;
  readonly space: SolutionSpace;
}

/** Why a product cannot be compiled: no valid configuration, an unknown product, or a limit. */
export class CompileError extends Error {
  constructor(
    message: string,
    /** For a product with no valid configuration: a minimal set of rules that conflict. */
    readonly conflict: readonly string[] = [],
  ) {
    super(message);
    this.name = 'CompileError';
  }
}

export function compile(catalog: Catalog, options: CompileOptions = {}): CompiledProduct {
  const product = options.product === undefined ? catalog.products[0] : catalog.products.find((p) => p.id === options.product);
  if (!product) {
    const ids = catalog.products.map((p) => p.id);
    throw new CompileError(`unknown product "${options.product}"${didYouMean(options.product ?? '', ids)}; the catalog has ${ids.join(', ')}`);
  }
  const encoding = encode(catalog, product);
  // Conjunctions are split into their parts, so each part is conjoined where it fits in the order.
  const parts = encoding.constraints.flatMap((c) => conjuncts(c.formula).map((formula) => ({ formula, rule: c.rule })));
  const supports = parts.map((c) => supportOf(c.formula));
  const levelOf = interactionOrder(encoding.variables.length, supports);
  const bdd = new Bdd(encoding.variables.length, options.nodeLimit);
  try {
    const nodes = parts.map((c) => buildFormula(bdd, levelOf, c.formula));
    // Conjoin in a balanced tree, constraints sorted by where they start in the order:
    // neighbours meet first, so intermediate diagrams stay small (measured: sequential
    // conjunction is 1.5-100x larger on the public models).
    const top = supports.map((s) => (s.length === 0 ? 0 : Math.min(...s.map((v) => levelOf[v]!))));
    const root = bdd.andAll(nodes.map((_, i) => i).sort((a, b) => top[a]! - top[b]!).map((i) => nodes[i]!));
    if (root === FALSE) {
      const conflict = minimalConflict(bdd, parts, nodes);
      throw new CompileError(
        `product "${product.id}" has no valid configuration: the rules ${conflict.map((r) => `"${r}"`).join(', ')} cannot all hold`,
        conflict,
      );
    }
    return { catalog, product, encoding, space: extract(bdd, levelOf, root) };
  } catch (error) {
    if (error instanceof NodeLimitError) throw new CompileError(`cannot compile product "${product.id}": ${error.message}`);
    throw error;
  }
}

/** The variables a formula mentions. */
function supportOf(formula: Formula, into: number[] = []): number[] {
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

/**
 * Deletion-based minimal conflict (a MUS over rules): drop each rule in turn and keep
 * it out when the rest still conflicts. The attributes' own structure always stays.
 */
function minimalConflict(bdd: Bdd, parts: readonly Constraint[], nodes: number[]): string[] {
  const structure = bdd.andAll(nodes.filter((_, i) => parts[i]!.rule === undefined));
  if (structure === FALSE) return [];
  // Per rule (a rule may have been split into several parts), not per part.
  const ruleNode = new Map<string, number>();
  parts.forEach((part, i) => {
    if (part.rule !== undefined) ruleNode.set(part.rule, bdd.and(ruleNode.get(part.rule) ?? 1, nodes[i]!));
  });
  let kept = [...ruleNode.keys()];
  for (const candidate of [...kept]) {
    const without = kept.filter((r) => r !== candidate);
    if (bdd.and(structure, bdd.andAll(without.map((r) => ruleNode.get(r)!))) === FALSE) kept = without;
  }
  return kept;
}

/** Copies the nodes reachable from `root` into compact arrays, bottom-up. */
function extract(bdd: Bdd, levelOf: Int32Array, root: number): SolutionSpace {
  const reachable = new Uint8Array(bdd.size);
  reachable[root] = 1;
  for (let id = root; id >= 2; id--) {
    if (!reachable[id]) continue;
    reachable[bdd.low[id]!] = 1;
    reachable[bdd.high[id]!] = 1;
  }
  const renumber = new Int32Array(bdd.size);
  let count = 2;
  renumber[1] = 1;
  for (let id = 2; id <= root; id++) if (reachable[id]) renumber[id] = count++;
  const level = new Int32Array(count);
  const low = new Int32Array(count);
  const high = new Int32Array(count);
  level[0] = level[1] = bdd.variables;
  for (let id = 2; id <= root; id++) {
    if (!reachable[id]) continue;
    const to = renumber[id]!;
    level[to] = bdd.level[id]!;
    low[to] = renumber[bdd.low[id]!]!;
    high[to] = renumber[bdd.high[id]!]!;
  }
  return new SolutionSpace(levelOf, level, low, high, root <= 1 ? root : renumber[root]!);
}
