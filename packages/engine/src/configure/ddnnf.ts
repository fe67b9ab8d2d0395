/**
 * A decision-DNNF compiler: exhaustive DPLL over the clauses, recording its search as a
 * graph ("DPLL with a trace", Huang & Darwiche 2005; Dsharp, Muise et al. 2012; d4,
 * Lagniez & Marquis 2017). Each step:
 *
 * 1. **Propagate.** Unit propagation with two watched literals per clause.
 * 2. **Decompose.** The variables left open fall into connected components (two
 *    variables connect when a clause not yet satisfied mentions both); components share
 *    no variable, so each is compiled on its own and the results are joined by an AND
 *    node. A variable in no open clause is free: either value extends.
 * 3. **Look up.** A component is identified by its variables and the clauses that
 *    constrain it; one compiled before (in another branch) is reused from the cache
 *    (component caching, Thurley's sharpSAT 2006).
 * 4. **Decide.** Otherwise decide the component's variable that comes first in a
 *    decomposition order (`elimination.ts`: the separators of a tree decomposition
 *    first, so components split soonest) and compile both values: a decision node.
 *
 * The search runs on its own stack (product lines nest thousands of decisions deep),
 * checks a time budget and a size budget, and stops with {@link LimitReached}.
 */
import type { Cnf } from './cnf.js';
import { DdnnfSpace, KIND_AND, KIND_DECISION, KIND_LITERAL } from './ddnnf-space.js';
import { eliminationRank } from './elimination.js';
import { LimitReached } from './limits.js';


export interface DdnnfOptions {
  /** When to stop (`Date.now()` milliseconds). Default: never. */
  readonly deadline?: number;
  /** Stop at the first model: the result is false or not (a satisfiability check), not the whole space. */
  readonly firstModel?: boolean;
  /** Most nodes and edges the result may have (a memory bound). Default 20,000,000. */
  readonly sizeLimit?: number;
  /**
   * The decision order, when one was made before: the {@link eliminationRank} of these
   * clauses or of a set they are part of. A series of checks over parts of one CNF
   * (explanations) would otherwise rank every time (on automotive02, a quarter of an
   * explanation's time).
   */
  readonly rank?: Int32Array;
}

const FALSE = 0;
const TRUE = 1;
/** See `decisionOf`: a component with at most this many catalog variables decides only them. */
const FEW_ORIGINALS = 12;

interface Component {
  readonly vars: Int32Array;
  /** The cache key: the variables, then the open clauses that lost a literal (see `split`). */
  readonly key: Int32Array;
  readonly hash: number;
  /** The variable to decide first. */
  readonly decision: number;
}

/** A component on the search stack, with the state of its decision. */
interface Frame extends Component {
  /** 2 before the first branch, then 1 while the true branch is compiled, 0 for the false one. */
  value: 2 | 1 | 0;
  /** Trail length before the decision. */
  mark: number;
  /** The open branch's parts: implied literal nodes, compiled components, free variables (as ~v). */
  parts: number[];
  /** Components of the open branch still to compile. */
  pending: Component[];
  /** Whether the open branch has no model. */
  failed: boolean;
  high: number;
  low: number;
}

export function compileDdnnf(cnf: Cnf, options: DdnnfOptions = {}): DdnnfSpace {
  const compiler = new Compiler(cnf, options);
  return compiler.finish(compiler.run());
}

/** Whether the clauses have a model: the search stops at the first one, and no space is built. */
export function hasModel(cnf: Cnf, options: Omit<DdnnfOptions, 'firstModel'> = {}): boolean {
  return new Compiler(cnf, { ...options, firstModel: true }).run() !== FALSE;
}

class Compiler {
  private readonly n: number;
  private readonly lits: Int32Array;
  private readonly start: Int32Array;
  private readonly value: Int8Array;
  private readonly trail: Int32Array;
  private trailLength = 0;
  private head = 0;
  /** Per literal, the clauses watching it; made on first use (most literals watch nothing in a small check). */
  private readonly watchers: (number[] | undefined)[];
  private readonly occurrenceStart: Int32Array;
  private readonly occurrences: Int32Array;
  // Component analysis scratch: stamps instead of clearing.
  private stamp = 0;
  private readonly varStamp: Int32Array;
  private readonly clauseStamp: Int32Array;
  /** The decision order: a component decides its variable of highest rank. */
  private readonly rank: Int32Array;
  // The graph being built: kind, variable, and two fields (decision: high, low; and: edge range).
  private readonly kind: number[] = [0, 0];
  private readonly variable: number[] = [-1, -1];
  private readonly first: number[] = [0, 0];
  private readonly second: number[] = [0, 0];
  private readonly edges: number[] = [];
  private readonly literalNode: Int32Array;
  private readonly cache = new Map<number, { key: Int32Array; node: number }[]>();
  private readonly sizeLimit: number;
  private readonly deadline: number;
  private readonly firstModel: boolean;
  private steps = 0;

  constructor(
    private readonly cnf: Cnf,
    options: DdnnfOptions,
  ) {
    const n = (this.n = cnf.variables);
    this.lits = cnf.literals.slice();
    this.start = cnf.start;
    this.value = new Int8Array(n).fill(-1);
    this.trail = new Int32Array(n);
    this.watchers = new Array<number[] | undefined>(2 * n);
    this.varStamp = new Int32Array(n);
    this.clauseStamp = new Int32Array(cnf.start.length - 1);
    this.rank = options.rank ?? eliminationRank(n, this.lits, cnf.start);
    this.literalNode = new Int32Array(2 * n).fill(-1);
    this.deadline = options.deadline ?? Infinity;
    this.firstModel = options.firstModel ?? false;
    this.sizeLimit = options.sizeLimit ?? 20_000_000;
    // Occurrence lists: which clauses mention each variable.
    const counts = new Int32Array(n + 1);
    for (let i = 0; i < this.lits.length; i++) counts[(this.lits[i]! >> 1) + 1]!++;
    for (let v = 0; v < n; v++) counts[v + 1]! += counts[v]!;
    this.occurrenceStart = counts.slice();
    this.occurrences = new Int32Array(this.lits.length);
    const fill = counts.slice();
    const clauses = cnf.start.length - 1;
    for (let c = 0; c < clauses; c++) {
      for (let i = cnf.start[c]!; i < cnf.start[c + 1]!; i++) this.occurrences[fill[this.lits[i]! >> 1]!++] = c;
    }
  }

  /** Compiles, and returns the root's node id (FALSE when there is no model). */
  run(): number {
    const clauses = this.start.length - 1;
    let conflict = false;
    for (let c = 0; c < clauses && !conflict; c++) {
      const s = this.start[c]!;
      const length = this.start[c + 1]! - s;
      if (length === 0) conflict = true;
      else if (length === 1) conflict = !this.assign(this.lits[s]!);
      else {
        (this.watchers[this.lits[s]!] ??= []).push(c);
        (this.watchers[this.lits[s + 1]!] ??= []).push(c);
      }
    }
    if (conflict || !this.propagate()) return FALSE;
    const all = new Int32Array(this.n).map((_, v) => v);
    return this.branch(all, -1, 0);
  }

  /**
   * Compiles what is left of `vars` after the literals on the trail from `mark` on: an
   * AND of those literals, the components (each compiled by the search below) and the
   * free variables. Returns FALSE as soon as one component has no model.
   */
  private branch(vars: Int32Array, decision: number, mark: number): number {
    const parts: number[] = [];
    for (let i = mark; i < this.trailLength; i++) if (this.trail[i]! >> 1 !== decision) parts.push(this.literal(this.trail[i]!));
    const components = this.split(vars, parts);
    for (const component of components) {
      const node = this.search(component);
      if (node === FALSE) return FALSE;
      parts.push(node);
    }
    return this.and(parts);
  }

  /** Compiles one component: from the cache, or a decision on its variable, on an explicit stack. */
  private search(component: Component): number {
    let result = this.cached(component);
    if (result >= 0) return result;
    const stack = [this.frame(component)];
    for (;;) {
      const frame = stack[stack.length - 1]!;
      if (result >= 0) {
        // A component of this frame's open branch came back compiled.
        if (result === FALSE) frame.failed = true;
        else frame.parts.push(result);
      }
      const next = this.advance(frame);
      if (next === undefined) {
        stack.pop();
        result = this.decisionNode(frame);
        if (stack.length === 0) return result;
        continue;
      }
      result = this.cached(next);
      if (result < 0) stack.push(this.frame(next));
    }
  }

  private frame(component: Component): Frame {
    return { ...component, value: 2, mark: 0, parts: [], pending: [], failed: false, high: FALSE, low: FALSE };
  }

  /**
   * Moves a frame on: the next component of its open branch, or (when the branch is
   * complete or failed) closes it and opens the false branch. Returns the component to
   * compile next, or undefined when both branches are done.
   */
  private advance(frame: Frame): Component | undefined {
    for (;;) {
      if (frame.value !== 2) {
        if (!frame.failed && frame.pending.length > 0) return frame.pending.pop();
        const node = frame.failed ? FALSE : this.and(frame.parts);
        this.undo(frame.mark);
        if (frame.value === 0) {
          frame.low = node;
          return undefined;
        }
        frame.high = node;
        // A satisfiability check needs one model: the false branch need not be searched.
        if (this.firstModel && node !== FALSE) return undefined;
      }
      this.tick();
      frame.value = frame.value === 2 ? 1 : 0;
      frame.mark = this.trailLength;
      frame.parts = [];
      frame.pending = [];
      this.assign(frame.value === 1 ? frame.decision << 1 : (frame.decision << 1) | 1);
      frame.failed = !this.propagate();
      if (frame.failed) continue;
      for (let i = frame.mark + 1; i < this.trailLength; i++) frame.parts.push(this.literal(this.trail[i]!));
      // Popped from the end: reversed, they compile in the order found.
      frame.pending = this.split(frame.vars, frame.parts).reverse();
    }
  }

  private decisionNode(frame: Frame): number {
    const { high, low } = frame;
    const node = high === FALSE && low === FALSE ? FALSE : this.node(KIND_DECISION, frame.decision, high, low);
    this.remember(frame, node);
    return node;
  }

  /**
   * The components of what is open in `vars`, each with its cache key and the variable to
   * decide; variables in no open clause go to `parts` as free (~v).
   */
  private split(vars: Int32Array, parts: number[]): Component[] {
    const stamp = ++this.stamp;
    const { value, varStamp, clauseStamp, rank, lits, start, occurrences, occurrenceStart } = this;
    const components: Component[] = [];
    const queue: number[] = [];
    const touched: number[] = [];
    for (let i = 0; i < vars.length; i++) {
      const root = vars[i]!;
      if (value[root] !== -1 || varStamp[root] === stamp) continue;
      varStamp[root] = stamp;
      queue.length = 0;
      touched.length = 0;
      queue.push(root);
      let open = 0;
      for (let q = 0; q < queue.length; q++) {
        const v = queue[q]!;
        for (let o = occurrenceStart[v]!; o < occurrenceStart[v + 1]!; o++) {
          const c = occurrences[o]!;
          if (clauseStamp[c] === stamp) continue;
          clauseStamp[c] = stamp;
          let satisfied = false;
          let assigned = false;
          for (let k = start[c]!; k < start[c + 1]!; k++) {
            const l = lits[k]!;
            const x = value[l >> 1]!;
            if (x === -1) continue;
            assigned = true;
            if (x === ((l & 1) ^ 1)) {
              satisfied = true;
              break;
            }
          }
          if (satisfied) continue;
          open++;
          if (assigned) touched.push(c);
          for (let k = start[c]!; k < start[c + 1]!; k++) {
            const w = lits[k]! >> 1;
            if (value[w] !== -1) continue;
            if (varStamp[w] !== stamp) {
              varStamp[w] = stamp;
              queue.push(w);
            }
          }
        }
      }
      if (open === 0) {
        parts.push(~root); // free: in no open clause
        continue;
      }
      const componentVars = Int32Array.from(queue).sort();
      const decision = this.decisionOf(componentVars);
      const key = new Int32Array(componentVars.length + touched.length);
      key.set(componentVars);
      key.set(Int32Array.from(touched).sort(), componentVars.length);
      components.push({ vars: componentVars, key, hash: hashOf(key, componentVars.length), decision });
    }
    return components;
  }

  /**
   * The variable to decide: the highest elimination rank, which splits components soonest.
   * In a component with few of the catalog's variables left, one of those instead: the
   * auxiliary variables are functions of them, so deciding them alone costs at most
   * 2^FEW_ORIGINALS branches, while deciding auxiliary variables (which propagation
   * ties to their inputs only weakly) can cost far more.
   */
  private decisionOf(vars: Int32Array): number {
    const { rank } = this;
    const original = this.cnf.original;
    let best = -1;
    let bestOriginal = -1;
    let originals = 0;
    for (const v of vars) {
      if (best < 0 || rank[v]! > rank[best]!) best = v;
      if (v < original) {
        originals++;
        if (bestOriginal < 0 || rank[v]! > rank[bestOriginal]!) bestOriginal = v;
      }
    }
    return originals > 0 && originals <= FEW_ORIGINALS ? bestOriginal : best;
  }

  private cached(component: Component): number {
    const entries = this.cache.get(component.hash);
    if (entries) for (const entry of entries) if (equal(entry.key, component.key)) return entry.node;
    return -1;
  }

  private remember(component: Component, node: number): void {
    const entries = this.cache.get(component.hash);
    if (entries) entries.push({ key: component.key, node });
    else this.cache.set(component.hash, [{ key: component.key, node }]);
  }

  private assign(literal: number): boolean {
    const v = literal >> 1;
    const wanted = (literal & 1) ^ 1;
    if (this.value[v] !== -1) return this.value[v] === wanted;
    this.value[v] = wanted;
    this.trail[this.trailLength++] = literal;
    return true;
  }

  private undo(mark: number): void {
    while (this.trailLength > mark) this.value[this.trail[--this.trailLength]! >> 1] = -1;
    this.head = mark;
  }

  /** Unit propagation over two watched literals (the first two of each clause); false on a conflict. */
  private propagate(): boolean {
    const { lits, start, value, watchers } = this;
    const valueOf = (l: number) => {
      const x = value[l >> 1]!;
      return x === -1 ? -1 : x ^ (l & 1);
    };
    while (this.head < this.trailLength) {
      const falsified = this.trail[this.head++]! ^ 1;
      const watching = watchers[falsified];
      if (watching === undefined) continue;
      let kept = 0;
      let i = 0;
      while (i < watching.length) {
        const c = watching[i++]!;
        const s = start[c]!;
        if (lits[s] === falsified) {
          lits[s] = lits[s + 1]!;
          lits[s + 1] = falsified;
        }
        const other = lits[s]!;
        if (valueOf(other) === 1) {
          watching[kept++] = c;
          continue;
        }
        let moved = false;
        for (let k = s + 2; k < start[c + 1]!; k++) {
          if (valueOf(lits[k]!) !== 0) {
            lits[s + 1] = lits[k]!;
            lits[k] = falsified;
            (watchers[lits[s + 1]!] ??= []).push(c);
            moved = true;
            break;
          }
        }
        if (moved) continue;
        watching[kept++] = c;
        if (valueOf(other) === 0) {
          while (i < watching.length) watching[kept++] = watching[i++]!;
          watching.length = kept;
          this.head = this.trailLength;
          return false;
        }
        this.assign(other);
      }
      watching.length = kept;
    }
    return true;
  }

  private literal(literal: number): number {
    const known = this.literalNode[literal]!;
    if (known >= 0) return known;
    const node = this.node(KIND_LITERAL, literal >> 1, (literal & 1) ^ 1, 0);
    this.literalNode[literal] = node;
    return node;
  }

  /** An AND of parts (nodes, and free variables as ~v); a single node stands for itself. */
  private and(parts: number[]): number {
    if (parts.length === 0) return TRUE;
    if (parts.length === 1 && parts[0]! >= 0) return parts[0]!;
    const from = this.edges.length;
    for (const p of parts) this.edges.push(p);
    return this.node(KIND_AND, -1, from, this.edges.length);
  }

  private node(kind: number, variable: number, first: number, second: number): number {
    if (this.kind.length + this.edges.length >= this.sizeLimit) {
      throw new LimitReached('nodes', this.sizeLimit);
    }
    this.kind.push(kind);
    this.variable.push(variable);
    this.first.push(first);
    this.second.push(second);
    return this.kind.length - 1;
  }

  private tick(): void {
    if ((++this.steps & 255) === 0 && Date.now() > this.deadline) {
      throw new LimitReached('time', this.deadline);
    }
  }

  /** The space of the nodes reachable from `root`. */
  finish(root: number): DdnnfSpace {
    return DdnnfSpace.fromGraph(this.cnf.original, this.n, this.kind, this.variable, this.first, this.second, this.edges, root);
  }
}

function hashOf(key: Int32Array, varCount: number): number {
  let h = 0x811c9dc5 ^ varCount;
  for (let i = 0; i < key.length; i++) {
    h = Math.imul(h ^ key[i]!, 0x01000193);
  }
  return h >>> 0;
}

function equal(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
