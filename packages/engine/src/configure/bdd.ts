/**
 * A reduced ordered binary decision diagram (ROBDD) over boolean variables 0..n-1,
 * where the variable index *is* the level: callers map their variables to levels
 * (see `order.ts`). Nodes live in flat typed arrays; node 0 is false and node 1 is
 * true. Children are always created before their parents, so ascending node ids are
 * a bottom-up order and descending ids a top-down order: the passes that answer
 * questions (counting, valid domains) are plain loops over arrays, linear in the size.
 */

import { LimitReached } from './limits.js';

export const FALSE = 0;
export const TRUE = 1;

const OP_AND = 1;
const OP_OR = 2;
const OP_XOR = 3;

/** Recursion depth of `apply` before it continues on its own stack (safe in every engine, even before the JIT). */
const MAX_DEPTH = 500;

export class Bdd {
  /** Level (variable) of each node; terminals have level = variable count. */
  level: Int32Array;
  low: Int32Array;
  high: Int32Array;
  size = 2;

  private unique: Int32Array;
  private uniqueMask: number;
  private cacheKeyA: Int32Array;
  private cacheKeyB: Int32Array;
  private cacheOp: Int8Array;
  private cacheValue: Int32Array;
  private cacheMask: number;
  /** The explicit stacks of `apply`, reused by every call. */
  private frames: Int32Array = new Int32Array(3 * 1024);
  private results: Int32Array = new Int32Array(1024);

  /** Calls of `apply` since the clock was last read. */
  private ticks = 0;

  constructor(
    readonly variables: number,
    readonly nodeLimit = 20_000_000,
    /** When to stop (`Date.now()` milliseconds): operations can run long on cached work alone, making no nodes. */
    private readonly deadline = Infinity,
  ) {
    const capacity = 1 << 16;
    this.level = new Int32Array(capacity);
    this.low = new Int32Array(capacity);
    this.high = new Int32Array(capacity);
    this.level[0] = this.level[1] = variables;
    this.unique = new Int32Array(capacity * 2).fill(-1);
    this.uniqueMask = capacity * 2 - 1;
    const cacheSize = 1 << 18;
    this.cacheKeyA = new Int32Array(cacheSize).fill(-1);
    this.cacheKeyB = new Int32Array(cacheSize);
    this.cacheOp = new Int8Array(cacheSize);
    this.cacheValue = new Int32Array(cacheSize);
    this.cacheMask = cacheSize - 1;
  }

  /** The node for "if variable `level` then `high` else `low`", shared and reduced. */
  mk(level: number, low: number, high: number): number {
    if (low === high) return low;
    let slot = hash3(level, low, high) & this.uniqueMask;
    for (;;) {
      const id = this.unique[slot]!;
      if (id === -1) break;
      if (this.level[id] === level && this.low[id] === low && this.high[id] === high) return id;
      slot = (slot + 1) & this.uniqueMask;
    }
    if (this.size >= this.nodeLimit) throw new LimitReached('nodes', this.nodeLimit);
    if (this.size === this.level.length) this.grow();
    const id = this.size++;
    this.level[id] = level;
    this.low[id] = low;
    this.high[id] = high;
    if (this.size * 2 > this.uniqueMask) this.rehash();
    else this.unique[slot] = id;
    return id;
  }

  variable(level: number, positive = true): number {
    return positive ? this.mk(level, FALSE, TRUE) : this.mk(level, TRUE, FALSE);
  }

  not(a: number): number {
    return this.apply(OP_XOR, a, TRUE);
  }

  and(a: number, b: number): number {
    return this.apply(OP_AND, a, b);
  }

  or(a: number, b: number): number {
    return this.apply(OP_OR, a, b);
  }

  /**
   * The terminal case or cached result of `a op b`, or -1. Both operands are ordered
   * (the operations commute), so one cache entry serves both orders.
   */
  private known(op: number, a: number, b: number): number {
    if (op === OP_AND) {
      if (a === FALSE || b === FALSE) return FALSE;
      if (a === TRUE) return b;
      if (b === TRUE || a === b) return a;
    } else if (op === OP_OR) {
      if (a === TRUE || b === TRUE) return TRUE;
      if (a === FALSE) return b;
      if (b === FALSE || a === b) return a;
    } else {
      if (a === b) return FALSE;
      if (a === FALSE) return b;
      if (b === FALSE) return a;
      if (a <= TRUE && b <= TRUE) return a ^ b;
    }
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    const slot = hash3(op, lo, hi) & this.cacheMask;
    return this.cacheKeyA[slot] === lo && this.cacheKeyB[slot] === hi && this.cacheOp[slot] === op ? this.cacheValue[slot]! : -1;
  }

  /**
   * `a op b` by Shannon expansion on the top variable. Recursive (the fastest form
   * here), but the recursion is as deep as the diagram has levels, and a quantity with
   * thousands of values is beyond the call stack of some engines: below a depth of
   * {@link MAX_DEPTH} the rest continues on an explicit stack.
   */
  private apply(op: number, a: number, b: number, depth = 0): number {
    const done = this.known(op, a, b);
    if (done >= 0) return done;
    if (++this.ticks === 1 << 16) this.checkClock();
    if (depth > MAX_DEPTH) return this.applyOnStack(op, a, b);
    const la = this.level[a]!;
    const lb = this.level[b]!;
    const l = la < lb ? la : lb;
    const a0 = la === l ? this.low[a]! : a;
    const a1 = la === l ? this.high[a]! : a;
    const b0 = lb === l ? this.low[b]! : b;
    const b1 = lb === l ? this.high[b]! : b;
    const low = this.apply(op, a0, b0, depth + 1);
    const high = this.apply(op, a1, b1, depth + 1);
    return this.remember(op, a, b, this.mk(l, low, high));
  }

  private checkClock(): void {
    this.ticks = 0;
    if (this.deadline !== Infinity && Date.now() > this.deadline) throw new LimitReached('time', this.deadline);
  }

  private remember(op: number, a: number, b: number, result: number): number {
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    const slot = hash3(op, lo, hi) & this.cacheMask;
    this.cacheKeyA[slot] = lo;
    this.cacheKeyB[slot] = hi;
    this.cacheOp[slot] = op;
    this.cacheValue[slot] = result;
    return result;
  }

  /** The same without recursion: frames of (a, b, step), step 0 = expand the low side, 1 = the high side, 2 = combine. */
  private applyOnStack(op: number, a: number, b: number): number {
    let frames = this.frames;
    let results = this.results;
    let sp = 3;
    let rp = 0;
    frames[0] = a;
    frames[1] = b;
    frames[2] = 0;
    while (sp > 0) {
      const top = sp - 3;
      const fa = frames[top]!;
      const fb = frames[top + 1]!;
      const step = frames[top + 2]!;
      const level = this.level;
      const la = level[fa]!;
      const lb = level[fb]!;
      const l = la < lb ? la : lb;
      if (step < 2) {
        frames[top + 2] = step + 1;
        const ca = la === l ? (step === 0 ? this.low[fa]! : this.high[fa]!) : fa;
        const cb = lb === l ? (step === 0 ? this.low[fb]! : this.high[fb]!) : fb;
        const child = this.known(op, ca, cb);
        if (child >= 0) {
          if (rp === results.length) results = this.results = grown(results);
          results[rp++] = child;
        } else {
          if (sp + 3 > frames.length) frames = this.frames = grown(frames);
          frames[sp] = ca;
          frames[sp + 1] = cb;
          frames[sp + 2] = 0;
          sp += 3;
        }
        continue;
      }
      const high = results[--rp]!;
      const low = results[--rp]!;
      sp = top;
      results[rp++] = this.remember(op, fa, fb, this.mk(l, low, high));
    }
    return results[0]!;
  }

  /** Conjoins many nodes pairwise, as a balanced tree: intermediate results stay small. */
  andAll(nodes: number[]): number {
    if (nodes.length === 0) return TRUE;
    let layer = nodes;
    while (layer.length > 1) {
      const next: number[] = [];
      for (let i = 0; i < layer.length; i += 2) {
        const a = layer[i]!;
        next.push(i + 1 < layer.length ? this.and(a, layer[i + 1]!) : a);
        if (next[next.length - 1] === FALSE) return FALSE;
      }
      layer = next;
    }
    return layer[0]!;
  }

  orAll(nodes: number[]): number {
    let result = FALSE;
    for (const node of nodes) result = this.or(result, node);
    return result;
  }

  private grow(): void {
    const capacity = this.level.length * 2;
    const resize = (a: Int32Array) => {
      const b = new Int32Array(capacity);
      b.set(a);
      return b;
    };
    this.level = resize(this.level);
    this.low = resize(this.low);
    this.high = resize(this.high);
  }

  private rehash(): void {
    const capacity = (this.uniqueMask + 1) * 2;
    this.unique = new Int32Array(capacity).fill(-1);
    this.uniqueMask = capacity - 1;
    for (let id = 2; id < this.size; id++) {
      let slot = hash3(this.level[id]!, this.low[id]!, this.high[id]!) & this.uniqueMask;
      while (this.unique[slot] !== -1) slot = (slot + 1) & this.uniqueMask;
      this.unique[slot] = id;
    }
    // A larger operation cache pays off once the diagram is this big.
    if (capacity > this.cacheMask + 1 && capacity <= 1 << 24) {
      this.cacheKeyA = new Int32Array(capacity).fill(-1);
      this.cacheKeyB = new Int32Array(capacity);
      this.cacheOp = new Int8Array(capacity);
      this.cacheValue = new Int32Array(capacity);
      this.cacheMask = capacity - 1;
    }
  }
}

function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}
