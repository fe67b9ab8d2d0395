/**
 * What compiling a product needs in every form: the encoding, the variable order, the
 * BDD, the errors and options. The decision-DNNF route (`compile-ddnnf.ts`) is a module
 * of its own, so that a page can load it on first use (`compileOnDemand`); `compile`
 * (`compile.ts`) has both.
 */
import type { Catalog, Product } from '../catalog/schema.js';
import { EncodingLimitError, encodingProblems } from '../catalog/limits.js';
import { didYouMean, formatPath } from '../internal/problems.js';
import { Bdd, FALSE } from './bdd.js';
import { buildFormula } from './build.js';
import { LimitReached } from './limits.js';
import { conjuncts, encode, type Constraint, type Encoding } from './encode.js';
import { interactionOrder, supportOf } from './order.js';
import { BddSpace, type SolutionSpace } from './space.js';

/** The two forms a solution space can take: see docs/configuration.md, "Two forms". */
export type SpaceForm = 'bdd' | 'ddnnf';

export interface CompileOptions {
  /** Which product of the catalog; default: the first. */
  product?: string;
  /**
   * `bdd`, `ddnnf`, or `auto` (the default): a decision-DNNF for a feature model of
   * {@link AUTO_DDNNF_FEATURES} or more; otherwise a BDD within {@link AUTO_BDD_BUDGET},
   * else a decision-DNNF. See docs/configuration.md for the rule and the measurements.
   */
  form?: SpaceForm | 'auto';
  /**
   * Most BDD nodes compiling may create (a memory bound: about 50 bytes a node,
   * tables included). Default 20,000,000; with `auto`, the BDD attempt stops at
   * {@link AUTO_BDD_BUDGET} and the decision-DNNF takes over.
   */
  nodeLimit?: number;
  /** Milliseconds compiling may take before it stops with a {@link CompileError}. Default: no limit. */
  timeLimit?: number;
}

/**
 * What `auto` allows the BDD before compiling a decision-DNNF instead: measured on
 * the public models, every BDD that is good for sessions stays well within it
 * (BusyBox 60 k intermediate nodes in 0.1 s); the ones that go past it take seconds
 * to minutes or never finish.
 */
export const AUTO_BDD_BUDGET = { nodes: 2_000_000, milliseconds: 3_000 } as const;

/**
 * From this many features (a product of boolean attributes only: an imported feature
 * model), `auto` compiles a decision-DNNF without trying the BDD. Measured: at 1,179
 * features embtoolkit's BDD took 5.5 s against 0.4 s, automotive02_01 (14,010) steps at
 * p95 14–21 ms against 10–13 ms, the CDL boards (about 1,250) spent the whole BDD
 * budget before the decision-DNNF took over; BusyBox (631) is as quick either way.
 */
export const AUTO_DDNNF_FEATURES = 1_000;

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
    /** For a limit: which one stopped compiling. */
    readonly limit?: 'nodes' | 'time',
  ) {
    super(message);
    this.name = 'CompileError';
  }
}

/**
 * Where compiling continues when the BDD is not the form: a feature model, a BDD past
 * its budget under `auto`, or `form: 'ddnnf'`. The decision-DNNF route takes it from here.
 *
 * @internal
 */
export interface DdnnfTask {
  readonly catalog: Catalog;
  readonly product: Product;
  readonly encoding: Encoding;
  readonly levelOf: Int32Array;
  readonly deadline: number;
  readonly options: CompileOptions;
}

/** The decision-DNNF route: `compile-ddnnf.ts`. */
export type DdnnfRoute = (task: DdnnfTask) => CompiledProduct;

let loadedRoute: DdnnfRoute | undefined;

/** Makes the decision-DNNF route available to `compileLoaded` (called by the modules that have it). @internal */
export function provideDdnnf(route: DdnnfRoute): void {
  loadedRoute = route;
}

/**
 * Compiles as far as the BDD goes: the compiled product, or where the decision-DNNF
 * route takes over (with `route`, it does so here).
 *
 * @internal
 */
export function startCompile(catalog: Catalog, options: CompileOptions, route?: DdnnfRoute): CompiledProduct | DdnnfTask {
  const product = options.product === undefined ? catalog.products[0] : catalog.products.find((p) => p.id === options.product);
  if (!product) {
    const ids = catalog.products.map((p) => p.id);
    throw new CompileError(`unknown product "${options.product}"${didYouMean(options.product ?? '', ids)}; the catalog has ${ids.join(', ')}`);
  }
  const excess = encodingProblems(product)[0];
  if (excess) {
    // `loadCatalog` reports the same as catalog problems, but a catalog built in code may not have been through it.
    const index = catalog.products.indexOf(product);
    const path = formatPath(index < 0 ? excess.path : ['products', index, ...excess.path]);
    throw new EncodingLimitError(`cannot compile product "${product.id}": ${path === '' ? '' : `${path}: `}${excess.message}`, excess.limit, excess.amount, path);
  }
  const encoding = encode(catalog, product);
  // Conjunctions are split into their parts, so each part is conjoined where it fits in the order.
  const parts = encoding.constraints.flatMap((c) => conjuncts(c.formula).map((formula) => ({ formula, rule: c.rule })));
  const supports = parts.map((c) => supportOf(c.formula));
  const levelOf = interactionOrder(encoding.variables.length, supports);
  const form = options.form ?? 'auto';
  const started = Date.now();
  const deadline = options.timeLimit === undefined ? Infinity : started + options.timeLimit;
  const featureModel = product.attributes.length >= AUTO_DDNNF_FEATURES && product.attributes.every((a) => a.kind === 'boolean');
  if (form === 'bdd' || (form === 'auto' && !featureModel)) {
    const budget = form === 'auto' ? { nodes: Math.min(AUTO_BDD_BUDGET.nodes, options.nodeLimit ?? Infinity), deadline: Math.min(deadline, started + AUTO_BDD_BUDGET.milliseconds) } : { nodes: options.nodeLimit, deadline };
    try {
      return { catalog, product, encoding, space: bddSpace(product, parts, supports, levelOf, budget) };
    } catch (error) {
      // With `auto`, a BDD past its budget hands over to the decision-DNNF.
      if (form === 'bdd' || !(error instanceof LimitReached) || Date.now() > deadline) limitError(product.id, options, error);
    }
  }
  const task: DdnnfTask = { catalog, product, encoding, levelOf, deadline, options };
  return route ? route(task) : task;
}

/**
 * Compiles with what is loaded: {@link startCompile} with the decision-DNNF route when
 * a module that has it was loaded (in Node, always: the engine's index loads `compile`).
 *
 * @internal
 */
export function compileLoaded(catalog: Catalog, options: CompileOptions = {}): CompiledProduct {
  const done = startCompile(catalog, options, loadedRoute);
  if (isTask(done)) throw new CompilerNotLoadedError(`product "${done.product.id}" needs the decision-DNNF compiler, which is not loaded: use compile or compileOnDemand`);
  return done;
}

/**
 * Thrown where code compiles with what is loaded (`compileLoaded`: `compareTyped`,
 * `recommendTyped`, share links) and a product needs the decision-DNNF compiler that no
 * module loaded yet: load it with `loadDdnnfCompiler()` and ask again. A `CompileError`
 * (by name too), so code that handled the message before handles it still.
 */
export class CompilerNotLoadedError extends CompileError {}

/** Whether compiling stopped where the decision-DNNF route takes over. @internal */
export function isTask(done: CompiledProduct | DdnnfTask): done is DdnnfTask {
  return !('space' in done);
}

/** A compiling budget that ran out, as the {@link CompileError} that names the option to raise; anything else is thrown as it is. @internal */
export function limitError(productId: string, options: CompileOptions, error: unknown): never {
  if (!(error instanceof LimitReached)) throw error;
  const [what, option] =
    error.limit === 'nodes'
      ? [`the solution space needs more than ${error.budget.toLocaleString('en')} nodes`, 'node limit (nodeLimit; cpq --node-limit)']
      : [`compiling took longer than ${seconds(options.timeLimit!)}`, 'time limit (timeLimit; cpq --time-limit)'];
  throw new CompileError(`cannot compile product "${productId}": ${what}; raise the ${option} to compile it`, [], error.limit);
}

/** @internal */
export function noConfiguration(productId: string, conflict: readonly string[]): string {
  return `product "${productId}" has no valid configuration: the rules ${conflict.map((r) => `"${r}"`).join(', ')} cannot all hold`;
}

function bddSpace(product: Product, parts: Constraint[], supports: number[][], levelOf: Int32Array, budget: { nodes?: number | undefined; deadline: number }): BddSpace {
  const bdd = new Bdd(levelOf.length, budget.nodes, budget.deadline);
  const nodes = parts.map((c) => buildFormula(bdd, levelOf, c.formula));
  // Conjoin in a balanced tree, constraints sorted by where they start in the order:
  // neighbours meet first, so intermediate diagrams stay small (measured: sequential
  // conjunction is 1.5-100x larger on the public models).
  const top = supports.map((s) => s.reduce((min, v) => Math.min(min, levelOf[v]!), levelOf.length));
  const root = bdd.andAll(nodes.map((_, i) => i).sort((a, b) => top[a]! - top[b]!).map((i) => nodes[i]!));
  if (root === FALSE) {
    const conflict = minimalConflict(bdd, parts, nodes);
    throw new CompileError(noConfiguration(product.id, conflict), conflict);
  }
  return extract(bdd, levelOf, root);
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
function extract(bdd: Bdd, levelOf: Int32Array, root: number): BddSpace {
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
  return new BddSpace(levelOf, level, low, high, root <= 1 ? root : renumber[root]!);
}

/** "5 s", "0.25 s": a time limit as people read it. */
function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toLocaleString('en', { maximumFractionDigits: 3 })} s`;
}
