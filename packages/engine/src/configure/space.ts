/**
 * The compiled solution space, in one of two forms: a BDD (`BddSpace`, below) for
 * catalogs and small models, a decision-DNNF (`DdnnfSpace`) for product lines whose
 * BDD would be too large. Both answer the same questions, each in a pass or two over
 * flat arrays, linear in their size, under an assignment of some variables (the
 * buyer's selections).
 */

/** Per variable: -1 open, 0 false, 1 true. */
export type Assignment = Int8Array;

/** Bits of a variable's valid domain. */
export const CAN_BE_FALSE = 1;
export const CAN_BE_TRUE = 2;

/** What a session asks of a compiled space, whichever its form. */
export interface SolutionSpace {
  readonly form: 'bdd' | 'ddnnf';
  /** The encoding's variables (the assignments' length). */
  readonly variableCount: number;
  /** Nodes (and edges) one pass visits: the cost of every question. */
  readonly size: number;
  /**
   * For every variable, which values still extend to a complete valid assignment
   * under `assignment` (bits CAN_BE_FALSE | CAN_BE_TRUE), or undefined when the
   * assignment itself has no valid extension.
   */
  domains(assignment: Assignment): Uint8Array | undefined;
  /** Whether `assignment` extends to a complete valid one. */
  satisfiable(assignment: Assignment): boolean;
  /** Exact number of complete valid assignments that agree with `assignment`. */
  count(assignment?: Assignment): bigint;
  /**
   * The cheapest set of assigned variables to give up so that the rest extends to a
   * complete valid assignment, where giving up variable v costs `weight[v]` (Infinity:
   * it must be kept). Undefined when no such set exists.
   */
  cheapestRelaxation(assignment: Assignment, weight: Float64Array): number[] | undefined;
}

/** The solution space as a reduced ordered BDD: the diagram's reachable nodes, renumbered bottom-up. */
export class BddSpace implements SolutionSpace {
  readonly form = 'bdd';
  /** Scratch buffers reused by every query: no allocation per click. */
  private readonly canReach: Uint8Array;
  private readonly reached: Uint8Array;
  private readonly free: Int32Array;
  private readonly assignedByLevel: Int8Array;

  constructor(
    /** Level of each variable (its position in the order). */
    readonly levelOf: Int32Array,
    /** Node arrays: node 0 is false, 1 is true; children before parents. */
    readonly level: Int32Array,
    readonly low: Int32Array,
    readonly high: Int32Array,
    readonly root: number,
  ) {
    this.canReach = new Uint8Array(level.length);
    this.reached = new Uint8Array(level.length);
    this.free = new Int32Array(levelOf.length + 1);
    this.assignedByLevel = new Int8Array(levelOf.length);
  }

  get variableCount(): number {
    return this.levelOf.length;
  }

  /** Number of diagram nodes, terminals included. */
  get size(): number {
    return this.level.length;
  }

  /**
   * For every variable, which values still extend to a complete valid assignment
   * under `assignment` (bits CAN_BE_FALSE | CAN_BE_TRUE), or undefined when the
   * assignment itself has no valid extension. Exact, in one bottom-up and one
   * top-down pass (Hadzic, Jensen, Andersen: valid domains computation).
   */
  domains(assignment: Assignment): Uint8Array | undefined {
    const variables = this.variableCount;
    const byLevel = this.byLevel(assignment);
    const { level, low, high } = this;
    const canReach = this.canReach;
    const n = level.length;
    canReach[0] = 0;
    canReach[1] = 1;
    for (let id = 2; id < n; id++) {
      const a = byLevel[level[id]!]!;
      canReach[id] = (a !== 1 && canReach[low[id]!]) || (a !== 0 && canReach[high[id]!]) ? 1 : 0;
    }
    if (!canReach[this.root]) return undefined;

    const result = new Uint8Array(variables);
    const byLevelResult = new Uint8Array(variables);
    const free = this.free;
    free.fill(0);
    const reached = this.reached;
    reached.fill(0);
    const markFree = (from: number, to: number) => {
      // Levels strictly between an edge's ends are skipped: they may take either value.
      if (from < to) {
        free[from]!++;
        free[to]!--;
      }
    };
    reached[this.root] = 1;
    markFree(0, level[this.root]!);
    for (let id = n - 1; id >= 2; id--) {
      if (!reached[id]) continue;
      const l = level[id]!;
      const a = byLevel[l]!;
      const lo = low[id]!;
      const hi = high[id]!;
      if (a !== 1 && canReach[lo]) {
        byLevelResult[l]! |= CAN_BE_FALSE;
        reached[lo] = 1;
        markFree(l + 1, level[lo]!);
      }
      if (a !== 0 && canReach[hi]) {
        byLevelResult[l]! |= CAN_BE_TRUE;
        reached[hi] = 1;
        markFree(l + 1, level[hi]!);
      }
    }
    let skipped = 0;
    for (let l = 0; l < variables; l++) {
      skipped += free[l]!;
      if (skipped > 0) {
        const a = byLevel[l]!;
        byLevelResult[l]! |= a === -1 ? CAN_BE_FALSE | CAN_BE_TRUE : a === 1 ? CAN_BE_TRUE : CAN_BE_FALSE;
      }
    }
    for (let v = 0; v < variables; v++) result[v] = byLevelResult[this.levelOf[v]!]!;
    return result;
  }

  /** Whether `assignment` extends to a complete valid one: the bottom-up half of {@link domains}. */
  satisfiable(assignment: Assignment): boolean {
    const byLevel = this.byLevel(assignment);
    const { level, low, high, canReach } = this;
    canReach[0] = 0;
    canReach[1] = 1;
    for (let id = 2; id < level.length; id++) {
      const a = byLevel[level[id]!]!;
      canReach[id] = (a !== 1 && canReach[low[id]!]) || (a !== 0 && canReach[high[id]!]) ? 1 : 0;
    }
    return canReach[this.root] === 1;
  }

  /**
   * The cheapest set of assigned variables to give up so that the rest extends to a
   * complete valid assignment: one shortest-path pass over the diagram, where taking
   * an edge against a variable's assigned value costs that variable's weight (an
   * infinite weight means it must be kept). Variables on levels an edge skips are
   * free, so they cost nothing. Returns the variables to give up, or undefined when
   * even giving up every finite-weight variable leaves no valid assignment.
   */
  cheapestRelaxation(assignment: Assignment, weight: Float64Array): number[] | undefined {
    const byLevel = this.byLevel(assignment);
    const weightByLevel = new Float64Array(this.variableCount);
    for (let v = 0; v < this.variableCount; v++) weightByLevel[this.levelOf[v]!] = weight[v]!;
    const { level, low, high } = this;
    const n = level.length;
    const cost = new Float64Array(n);
    const viaHigh = new Uint8Array(n);
    cost[0] = Infinity;
    for (let id = 2; id < n; id++) {
      const l = level[id]!;
      const a = byLevel[l]!;
      const w = weightByLevel[l]!;
      const lowCost = cost[low[id]!]! + (a === 1 ? w : 0);
      const highCost = cost[high[id]!]! + (a === 0 ? w : 0);
      viaHigh[id] = highCost < lowCost ? 1 : 0;
      cost[id] = Math.min(lowCost, highCost);
    }
    if (cost[this.root] === Infinity) return undefined;
    const given: number[] = [];
    const variableAt = new Int32Array(this.variableCount);
    for (let v = 0; v < this.variableCount; v++) variableAt[this.levelOf[v]!] = v;
    for (let id = this.root; id >= 2; ) {
      const l = level[id]!;
      const takeHigh = viaHigh[id] === 1;
      if (byLevel[l] === (takeHigh ? 0 : 1)) given.push(variableAt[l]!);
      id = takeHigh ? high[id]! : low[id]!;
    }
    return given;
  }

  private byLevel(assignment: Assignment): Int8Array {
    const byLevel = this.assignedByLevel;
    for (let v = 0; v < this.variableCount; v++) byLevel[this.levelOf[v]!] = assignment[v]!;
    return byLevel;
  }

  /** Exact number of complete valid assignments that agree with `assignment`. */
  count(assignment?: Assignment): bigint {
    const variables = this.variableCount;
    const byLevel = new Int8Array(variables).fill(-1);
    if (assignment) for (let v = 0; v < variables; v++) byLevel[this.levelOf[v]!] = assignment[v]!;
    // openBefore[l]: how many open levels lie above level l; a skipped range of levels
    // multiplies the count by 2 per open level in it.
    const openBefore = new Int32Array(variables + 1);
    for (let l = 0; l < variables; l++) openBefore[l + 1] = openBefore[l]! + (byLevel[l] === -1 ? 1 : 0);
    const gap = (from: number, to: number) => BigInt(openBefore[to]! - openBefore[from]!);
    const { level, low, high } = this;
    const counts = new Array<bigint>(level.length);
    counts[0] = 0n;
    counts[1] = 1n;
    for (let id = 2; id < level.length; id++) {
      const l = level[id]!;
      const a = byLevel[l]!;
      let c = 0n;
      if (a !== 1) c += counts[low[id]!]! << gap(l + 1, level[low[id]!]!);
      if (a !== 0) c += counts[high[id]!]! << gap(l + 1, level[high[id]!]!);
      counts[id] = c;
    }
    return counts[this.root]! << gap(0, level[this.root]!);
  }
}
