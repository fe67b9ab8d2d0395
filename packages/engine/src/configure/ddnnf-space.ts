/**
 * A solution space as a decision-DNNF: the trace of the compiler's search
 * (`ddnnf.ts`). Four kinds of node, children always before parents:
 *
 * - a **literal**: variable v has value b;
 * - a **decision** on v: its true branch and its false branch (so the branches never
 *   share a model);
 * - an **AND** of parts over disjoint variables: nodes, and *free* variables that take
 *   either value there;
 * - the terminals false (node 0) and true (node 1).
 *
 * Every node covers a set of variables: each is decided, implied, inside a part or free
 * under it, and a decision's two branches cover the same set. So each question is one
 * or two linear passes, as on the BDD: counting multiplies over ANDs and adds over
 * decisions; valid domains are a bottom-up pass (which nodes still have a model under
 * the buyer's decisions) and a top-down pass (which of those a model of the whole
 * passes through): the differential approach of Darwiche (2003), for Booleans.
 */
import { CAN_BE_FALSE, CAN_BE_TRUE, type Assignment, type SolutionSpace } from './space.js';

export const KIND_LITERAL = 1;
export const KIND_DECISION = 2;
export const KIND_AND = 3;

/** Why the arrays of a decision-DNNF are not one: a node, and what is wrong with it. */
export class GraphError extends Error {}

/** Spaces of this size (nodes and AND parts) warm their passes up when made: see `warmUp`. */
const WARM_UP_SIZE = 50_000;

export class DdnnfSpace implements SolutionSpace {
  readonly form = 'ddnnf';
  /** Scratch buffers reused by every query: no allocation per click beyond the answer. */
  private readonly values: Int8Array;
  private readonly ok: Uint8Array;
  private readonly reached: Uint8Array;
  private readonly failed: Uint8Array;
  // The passes' view of the AND nodes. Most of a decision-DNNF is implied literals,
  // listed in every branch; a literal can only fail where the buyer decided its variable
  // the other way. So each AND keeps its other parts (`inner`) apart from its literals
  // over the encoding's variables (`andLiterals`, as 2·v + value), and an index from each
  // literal to the ANDs that hold it finds the failing ANDs from the decisions alone.
  // Literals of auxiliary variables never fail (nobody decides them): left out.
  private readonly innerFrom: Int32Array;
  private readonly innerTo: Int32Array;
  private readonly inner: Int32Array;
  private readonly literalsFrom: Int32Array;
  private readonly literalsTo: Int32Array;
  private readonly andLiterals: Int32Array;
  private readonly holdersFrom: Int32Array;
  private readonly holders: Int32Array;

  constructor(
    /** Variables of the encoding; the auxiliary ones of the clauses follow them. */
    readonly variableCount: number,
    readonly totalVariables: number,
    /** Per node: its kind (0 for the terminals). */
    readonly kind: Uint8Array,
    readonly variable: Int32Array,
    /** Literal: its value (1 or 0); decision: the true branch; AND: where its parts start in `parts`. */
    readonly first: Int32Array,
    /** Decision: the false branch; AND: where its parts end. */
    readonly second: Int32Array,
    /** The parts of AND nodes: a node id, or ~v for a free variable v. */
    readonly parts: Int32Array,
    readonly root: number,
  ) {
    const nodes = kind.length;
    this.values = new Int8Array(totalVariables);
    this.ok = new Uint8Array(nodes);
    this.reached = new Uint8Array(nodes);
    this.failed = new Uint8Array(nodes);
    this.innerFrom = new Int32Array(nodes);
    this.innerTo = new Int32Array(nodes);
    this.literalsFrom = new Int32Array(nodes);
    this.literalsTo = new Int32Array(nodes);
    const inner: number[] = [];
    const literals: number[] = [];
    const held = new Int32Array(2 * variableCount + 1);
    for (let id = 2; id < nodes; id++) {
      if (kind[id] !== KIND_AND) continue;
      this.innerFrom[id] = inner.length;
      this.literalsFrom[id] = literals.length;
      for (let q = first[id]!; q < second[id]!; q++) {
        const part = parts[q]!;
        if (part >= 0 && part < nodes && kind[part] === KIND_LITERAL) {
          const v = variable[part]!;
          if (v < variableCount) {
            literals.push(2 * v + first[part]!);
            held[2 * v + first[part]!]!++;
          }
        } else inner.push(part);
      }
      this.innerTo[id] = inner.length;
      this.literalsTo[id] = literals.length;
    }
    this.inner = Int32Array.from(inner);
    this.andLiterals = Int32Array.from(literals);
    // holders of literal l: holders[holdersFrom[l] .. holdersFrom[l + 1]).
    this.holdersFrom = new Int32Array(2 * variableCount + 1);
    for (let l = 0; l < 2 * variableCount; l++) this.holdersFrom[l + 1] = this.holdersFrom[l]! + held[l]!;
    this.holders = new Int32Array(literals.length);
    const fill = this.holdersFrom.slice(0, 2 * variableCount);
    for (let id = 2; id < nodes; id++) {
      if (kind[id] !== KIND_AND) continue;
      for (let q = this.literalsFrom[id]!; q < this.literalsTo[id]!; q++) this.holders[fill[this.andLiterals[q]!]!++] = id;
    }
  }

  /**
   * Makes the space ready for a buyer's clicks (a loaded space after its check): runs the
   * passes of a short session once when the space is large. V8 optimises a loop only after it has run
   * a while, so on a CDL board (760,000 nodes and parts) a buyer's first two clicks took 19 and
   * 12 ms instead of 2: here it costs about 40 ms once, where the product loads.
   */
  warmUp(): this {
    if (this.size < WARM_UP_SIZE) return this;
    const a = new Int8Array(this.variableCount).fill(-1);
    for (let step = 0, v = 0; step < 6; step++) {
      const bits = this.domains(a);
      if (!bits) break;
      while (v < this.variableCount && bits[v] !== (CAN_BE_TRUE | CAN_BE_FALSE)) v++;
      if (v === this.variableCount) break;
      a[v] = step & 1;
    }
    return this;
  }

  /** Nodes and AND parts: what one pass visits. */
  get size(): number {
    return this.kind.length + this.parts.length;
  }

  /**
   * The space from a compiler's node lists: only the nodes reachable from `root`,
   * renumbered in order (children stay before parents).
   */
  static fromGraph(original: number, total: number, kind: number[], variable: number[], first: number[], second: number[], parts: number[], root: number): DdnnfSpace {
    const reachable = new Uint8Array(kind.length);
    reachable[root] = 1;
    for (let id = root; id >= 2; id--) {
      if (!reachable[id]) continue;
      if (kind[id] === KIND_DECISION) reachable[first[id]!] = reachable[second[id]!] = 1;
      else if (kind[id] === KIND_AND) for (let p = first[id]!; p < second[id]!; p++) if (parts[p]! >= 0) reachable[parts[p]!] = 1;
    }
    const renumber = new Int32Array(kind.length);
    renumber[1] = 1;
    let count = 2;
    let partCount = 0;
    for (let id = 2; id <= root; id++) {
      if (!reachable[id]) continue;
      renumber[id] = count++;
      if (kind[id] === KIND_AND) partCount += second[id]! - first[id]!;
    }
    const k = new Uint8Array(count);
    const v = new Int32Array(count).fill(-1);
    const f = new Int32Array(count);
    const s = new Int32Array(count);
    const p = new Int32Array(partCount);
    let at = 0;
    for (let id = 2; id <= root; id++) {
      if (!reachable[id]) continue;
      const to = renumber[id]!;
      k[to] = kind[id]!;
      v[to] = variable[id]!;
      if (kind[id] === KIND_LITERAL) f[to] = first[id]!;
      else if (kind[id] === KIND_DECISION) {
        f[to] = renumber[first[id]!]!;
        s[to] = renumber[second[id]!]!;
      } else {
        f[to] = at;
        for (let q = first[id]!; q < second[id]!; q++) p[at++] = parts[q]! >= 0 ? renumber[parts[q]!]! : parts[q]!;
        s[to] = at;
      }
    }
    return new DdnnfSpace(original, total, k, v, f, s, p, root <= 1 ? root : renumber[root]!).warmUp();
  }

  /**
   * Checks that the arrays form a decision-DNNF over the variables, node by node, in one
   * pass: kinds, variables in range, children below their parents, a decision's
   * branches over the same variables, and every variable covered exactly once from the
   * root. Sets are compared by a fingerprint (a sum of random 32-bit weights per
   * variable, drawn anew for every check), so an edited file cannot aim at a collision.
   * Throws a {@link GraphError} naming the first node that is wrong.
   */
  static check(space: DdnnfSpace, random: () => number = Math.random): void {
    const { kind, variable, first, second, parts, totalVariables: n } = space;
    const nodes = kind.length;
    const weight = new Int32Array(n).map(() => (random() * 2 ** 32) | 0);
    const print = new Int32Array(nodes);
    const width = new Float64Array(nodes);
    const fail = (id: number, message: string): never => {
      throw new GraphError(`node ${id} ${message}`);
    };
    const inRange = (v: number) => Number.isInteger(v) && v >= 0 && v < n;
    if (kind[0] !== 0 || kind[1] !== 0) throw new GraphError('nodes 0 and 1 must be the terminals false and true');
    for (let id = 2; id < nodes; id++) {
      const v = variable[id]!;
      switch (kind[id]) {
        case KIND_LITERAL:
          if (!inRange(v)) fail(id, `is a literal of variable ${v}, which does not exist`);
          if (first[id] !== 0 && first[id] !== 1) fail(id, 'is a literal whose value is not 0 or 1');
          print[id] = weight[v]!;
          width[id] = 1;
          break;
        case KIND_DECISION: {
          if (!inRange(v)) fail(id, `decides variable ${v}, which does not exist`);
          const [high, low] = [first[id]!, second[id]!];
          if (!(high >= 0 && high < id && low >= 0 && low < id)) fail(id, 'has a branch that is not below it');
          if (high === 0 && low === 0) fail(id, 'has two false branches (it would be false itself)');
          // The branches cover the same variables; a false branch has no model, so it covers any.
          const branch = high === 0 ? low : high;
          if (high !== 0 && low !== 0 && (print[high] !== print[low] || width[high] !== width[low])) fail(id, 'has branches over different variables');
          print[id] = (weight[v]! + print[branch]!) | 0;
          width[id] = 1 + width[branch]!;
          break;
        }
        case KIND_AND: {
          const [from, to] = [first[id]!, second[id]!];
          if (!(Number.isInteger(from) && from >= 0 && from <= to && to <= parts.length)) fail(id, 'has parts out of range');
          let sum = 0;
          let count = 0;
          for (let q = from; q < to; q++) {
            const part = parts[q]!;
            if (part >= 0) {
              if (part >= id) fail(id, 'has a part that is not below it');
              sum = (sum + print[part]!) | 0;
              count += width[part]!;
            } else {
              if (!inRange(~part)) fail(id, `has free variable ${~part}, which does not exist`);
              sum = (sum + weight[~part]!) | 0;
              count++;
            }
          }
          print[id] = sum;
          width[id] = count;
          break;
        }
        default:
          fail(id, `has kind ${kind[id]}, which no node has`);
      }
    }
    const root = space.root;
    if (!(Number.isInteger(root) && root >= 1 && root < nodes)) throw new GraphError(`the root ${root} is not a node with a model`);
    let all = 0;
    for (let v = 0; v < n; v++) all = (all + weight[v]!) | 0;
    if (width[root] !== n || print[root] !== all) {
      throw new GraphError(`the root does not cover each of the ${n} variables exactly once`);
    }
  }

  /** Whether `assignment` extends to a complete valid one: the bottom-up pass. */
  satisfiable(assignment: Assignment): boolean {
    this.load(assignment);
    return this.upward() === 1;
  }

  domains(assignment: Assignment): Uint8Array | undefined {
    this.load(assignment);
    if (this.upward() !== 1) return undefined;
    const { kind, variable, first, second, inner, innerFrom, innerTo, values: a, ok, reached } = this;
    const bits = new Uint8Array(this.variableCount);
    const n = this.variableCount;
    reached.fill(0);
    reached[this.root] = 1;
    for (let id = kind.length - 1; id >= 2; id--) {
      if (!reached[id]) continue;
      const v = variable[id]!;
      switch (kind[id]) {
        case KIND_LITERAL:
          if (v < n) bits[v]! |= first[id] === 1 ? CAN_BE_TRUE : CAN_BE_FALSE;
          break;
        case KIND_DECISION:
          if (a[v] !== 0 && ok[first[id]!]) {
            if (v < n) bits[v]! |= CAN_BE_TRUE;
            reached[first[id]!] = 1;
          }
          if (a[v] !== 1 && ok[second[id]!]) {
            if (v < n) bits[v]! |= CAN_BE_FALSE;
            reached[second[id]!] = 1;
          }
          break;
        default:
          for (let q = innerFrom[id]!; q < innerTo[id]!; q++) {
            const part = inner[q]!;
            if (part >= 0) reached[part] = 1;
            else if (~part < n) {
              const x = a[~part];
              bits[~part]! |= x === -1 ? CAN_BE_FALSE | CAN_BE_TRUE : x === 1 ? CAN_BE_TRUE : CAN_BE_FALSE;
            }
          }
      }
    }
    // A value held by an implied literal is possible when some reached AND holds it.
    const { holders, holdersFrom } = this;
    for (let v = 0; v < n; v++) {
      for (let value = 0; value < 2; value++) {
        const bit = value === 1 ? CAN_BE_TRUE : CAN_BE_FALSE;
        if (bits[v]! & bit || a[v] === 1 - value) continue;
        const literal = 2 * v + value;
        for (let q = holdersFrom[literal]!; q < holdersFrom[literal + 1]!; q++) {
          if (reached[holders[q]!]) {
            bits[v]! |= bit;
            break;
          }
        }
      }
    }
    return bits;
  }

  count(assignment?: Assignment): bigint {
    this.load(assignment);
    this.markFailed();
    const { kind, variable, first, second, inner, innerFrom, innerTo, values: a, failed } = this;
    const counts = new Array<bigint>(kind.length);
    counts[0] = 0n;
    counts[1] = 1n;
    for (let id = 2; id < kind.length; id++) {
      const v = variable[id]!;
      switch (kind[id]) {
        case KIND_LITERAL:
          counts[id] = a[v] === -1 || a[v] === first[id] ? 1n : 0n;
          break;
        case KIND_DECISION:
          counts[id] = (a[v] !== 0 ? counts[first[id]!]! : 0n) + (a[v] !== 1 ? counts[second[id]!]! : 0n);
          break;
        default: {
          let c = failed[id] ? 0n : 1n;
          let open = 0;
          for (let q = innerFrom[id]!; q < innerTo[id]! && c !== 0n; q++) {
            const part = inner[q]!;
            if (part >= 0) c *= counts[part]!;
            else if (a[~part] === -1) open++;
          }
          counts[id] = c === 0n ? 0n : c << BigInt(open);
        }
      }
    }
    return counts[this.root]!;
  }

  cheapestRelaxation(assignment: Assignment, weight: Float64Array): number[] | undefined {
    this.load(assignment);
    const { kind, variable, first, second, inner, innerFrom, innerTo, andLiterals, literalsFrom, literalsTo, values: a } = this;
    const w = (v: number) => (v < this.variableCount ? weight[v]! : 0);
    // What giving up the decisions that an AND's literals contradict costs.
    const extra = new Float64Array(kind.length);
    const { holders, holdersFrom } = this;
    for (let v = 0; v < this.variableCount; v++) {
      if (a[v] === -1) continue;
      const against = 2 * v + (1 - a[v]!);
      for (let q = holdersFrom[against]!; q < holdersFrom[against + 1]!; q++) extra[holders[q]!]! += w(v);
    }
    const cost = new Float64Array(kind.length);
    const viaHigh = new Uint8Array(kind.length);
    cost[0] = Infinity;
    for (let id = 2; id < kind.length; id++) {
      const v = variable[id]!;
      switch (kind[id]) {
        case KIND_LITERAL:
          cost[id] = a[v] === -1 || a[v] === first[id] ? 0 : w(v);
          break;
        case KIND_DECISION: {
          const high = cost[first[id]!]! + (a[v] === 0 ? w(v) : 0);
          const low = cost[second[id]!]! + (a[v] === 1 ? w(v) : 0);
          viaHigh[id] = high < low ? 1 : 0;
          cost[id] = Math.min(high, low);
          break;
        }
        default: {
          let sum = extra[id]!;
          for (let q = innerFrom[id]!; q < innerTo[id]!; q++) if (inner[q]! >= 0) sum += cost[inner[q]!]!;
          cost[id] = sum;
        }
      }
    }
    if (cost[this.root] === Infinity) return undefined;
    // Down the cheapest model: AND parts have disjoint variables, so each node is met once.
    const given: number[] = [];
    const stack = [this.root];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id <= 1) continue;
      const v = variable[id]!;
      if (kind[id] === KIND_LITERAL) {
        if (a[v] !== -1 && a[v] !== first[id] && v < this.variableCount) given.push(v);
      } else if (kind[id] === KIND_DECISION) {
        const high = viaHigh[id] === 1;
        if (a[v] === (high ? 0 : 1) && v < this.variableCount) given.push(v);
        stack.push(high ? first[id]! : second[id]!);
      } else {
        for (let q = literalsFrom[id]!; q < literalsTo[id]!; q++) {
          const literal = andLiterals[q]!;
          if (a[literal >> 1] === 1 - (literal & 1)) given.push(literal >> 1);
        }
        for (let q = innerFrom[id]!; q < innerTo[id]!; q++) if (inner[q]! >= 0) stack.push(inner[q]!);
      }
    }
    return given;
  }

  private load(assignment: Assignment | undefined): void {
    this.values.fill(-1);
    if (assignment) this.values.set(assignment.subarray(0, this.variableCount));
  }

  /** The ANDs that hold a literal against a decision: from the decisions, through the index. */
  private markFailed(): void {
    const { failed, holders, holdersFrom, values: a } = this;
    failed.fill(0);
    for (let v = 0; v < this.variableCount; v++) {
      if (a[v] === -1) continue;
      const against = 2 * v + (1 - a[v]!);
      for (let q = holdersFrom[against]!; q < holdersFrom[against + 1]!; q++) failed[holders[q]!] = 1;
    }
  }

  /** Which nodes still have a model under the loaded values; returns the root's answer. */
  private upward(): number {
    this.markFailed();
    const { kind, variable, first, second, inner, innerFrom, innerTo, values: a, ok, failed } = this;
    ok[0] = 0;
    ok[1] = 1;
    for (let id = 2; id < kind.length; id++) {
      const v = variable[id]!;
      switch (kind[id]) {
        case KIND_LITERAL:
          ok[id] = a[v] === -1 || a[v] === first[id] ? 1 : 0;
          break;
        case KIND_DECISION:
          ok[id] = (a[v] !== 0 && ok[first[id]!]) || (a[v] !== 1 && ok[second[id]!]) ? 1 : 0;
          break;
        default: {
          let all = failed[id] ? 0 : 1;
          for (let q = innerFrom[id]!; q < innerTo[id]! && all; q++) if (inner[q]! >= 0 && !ok[inner[q]!]) all = 0;
          ok[id] = all;
        }
      }
    }
    return ok[this.root]!;
  }
}
