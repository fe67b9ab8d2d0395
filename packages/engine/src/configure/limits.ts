/**
 * A compiling budget ran out: too many nodes (memory) or too long. Raised inside the
 * compilers; `compile` turns it into a `CompileError` that names the option to raise.
 */
export class LimitReached extends Error {
  constructor(
    readonly limit: 'nodes' | 'time',
    /** The budget: nodes, or milliseconds. */
    readonly budget: number,
  ) {
    super(limit === 'nodes' ? `needs more than ${budget.toLocaleString('en')} nodes` : `took longer than ${budget.toLocaleString('en')} ms`);
    this.name = 'LimitReached';
  }
}
