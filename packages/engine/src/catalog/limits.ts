/**
 * What the configuration engine can encode. Every choosable value becomes one boolean
 * variable (an option, a boolean attribute, each allowed value of a quantity), and
 * every "how many are chosen" constraint a diagram of counting states (see
 * `configure/build.ts`). These limits keep the variables and those diagrams within
 * what compiles in seconds, as a BDD, within the `auto` budget; `loadCatalog` reports
 * each excess as a problem with its path, and `compile` throws an
 * {@link EncodingLimitError} for a catalog built in code that skipped the checks.
 *
 * Measured with `compile(catalog, { form: 'auto' })` in Node 20 on a 2-core VM: a single
 * choice of 100,000 options 0.3 s, a multiple choice of 100,000 options 0.4 s (0.9 s
 * with min 1, max 3), a quantity of 100,000 values 0.25 s; 100,000 values of a product
 * in 1,000 to 50,000 single choices 1.3 to 2.7 s. Past them: 200,000 values in single
 * choices of 100 options outgrow the BDD budget and stop at the node limit after 17 s;
 * a multiple choice of 2,828 options with min and max 1,414 (2,002,225 count nodes) and
 * 1,000 multiple choices of 100 options with min 1, max 3 (391,000 count nodes) outgrow
 * it too and did not finish in 120 s.
 */
import type { Condition, Product } from './schema.js';
import { quantityValueCount, undecidedRanges } from './sizes.js';

export { quantityValueCount, undecidedRanges } from './sizes.js';

export const ENCODING_LIMITS = {
  /** Values of one quantity: (max − min) / step + 1. */
  quantityValues: 100_000,
  /** Options of one single or multiple choice. */
  choiceOptions: 100_000,
  /** Values of one product: its options, boolean attributes and quantity values together. */
  productValues: 100_000,
  /**
   * Diagram nodes of one product's counts: the structure of its choices and quantities
   * (about 2 nodes a value; for a multiple choice with a min or max, more: "k of n"
   * takes about k·(n − k)) and the count conditions of its rules.
   */
  countNodes: 200_000,
} as const;

/** The name of one of the {@link ENCODING_LIMITS}. */
export type EncodingLimit = keyof typeof ENCODING_LIMITS;

/**
 * A product is beyond one of the {@link ENCODING_LIMITS}. Thrown by `compile` (from
 * `encode`) for a catalog that did not go through `loadCatalog`, which reports the same
 * as a problem of the catalog. A `RangeError`, so code that caught the old error still
 * catches it.
 */
export class EncodingLimitError extends RangeError {
  constructor(
    message: string,
    /** Which limit. */
    readonly limit: EncodingLimit,
    /** How many the product has or needs (values, options or nodes); may be beyond safe integers. */
    readonly amount: number,
    /** Where in the catalog, e.g. `products[0].attributes[2].max`. */
    readonly path: string,
  ) {
    super(message);
    this.name = 'EncodingLimitError';
  }

  /** The limit that was exceeded. */
  get maximum(): number {
    return ENCODING_LIMITS[this.limit];
  }
}

/** One excess, with its path from the product. */
export interface EncodingProblem {
  readonly path: PropertyKey[];
  readonly message: string;
  readonly limit: EncodingLimit;
  readonly amount: number;
}

/**
 * The nodes of the diagram for "between min and max of n items hold": the undecided
 * counting states, item by item. Stops counting once past `stopAbove`.
 */
export function countNodes(n: number, min: number, max: number, stopAbove = Infinity): number {
  let total = 0;
  for (let i = 0; i < n && total <= stopAbove; i++) {
    const [a, b, c, d] = undecidedRanges(i, n, min, max);
    total += Math.max(0, b - a + 1) + Math.max(0, d - c + 1);
  }
  return total;
}

const number = (n: number): string => n.toLocaleString('en');

/**
 * Every way a product is beyond the {@link ENCODING_LIMITS}, with paths from the
 * product. The product-wide limits are checked only when no attribute is beyond its
 * own, which is then the one to fix.
 */
export function encodingProblems(product: Product): EncodingProblem[] {
  const problems: EncodingProblem[] = [];
  const add = (path: PropertyKey[], limit: EncodingLimit, amount: number, message: string) => problems.push({ path, message, limit, amount });
  const counts: Count[] = [];
  const cap = ENCODING_LIMITS.countNodes;
  const known = new Map<string, number>();
  /** The nodes of a count, each shape counted once however many rules repeat it. */
  const nodes = (n: number, min: number, max: number): number => {
    const key = `${n} ${min} ${max}`;
    let found = known.get(key);
    if (found === undefined) known.set(key, (found = countNodes(n, min, max, cap)));
    return found;
  };
  let values = 0;
  product.attributes.forEach((attribute, i) => {
    const at = ['attributes', i];
    switch (attribute.kind) {
      case 'single':
      case 'multiple': {
        const n = attribute.options.length;
        values += n;
        const kind = attribute.kind === 'single' ? 'single choice' : 'multiple choice';
        if (n > ENCODING_LIMITS.choiceOptions) {
          add([...at, 'options'], 'choiceOptions', n, `${kind} "${attribute.id}" has ${number(n)} options; at most ${number(ENCODING_LIMITS.choiceOptions)} can be configured: split it into several attributes`);
        } else if (attribute.kind === 'single') {
          counts.push({ path: at, what: `single choice "${attribute.id}"`, nodes: nodes(n, attribute.required === false ? 0 : 1, 1) });
        } else {
          const min = attribute.min ?? 0;
          const max = attribute.max ?? n;
          counts.push({ path: at, what: `multiple choice "${attribute.id}" (between ${number(min)} and ${number(max)} of ${number(n)} options)`, nodes: nodes(n, min, max) });
        }
        return;
      }
      case 'boolean':
        values += 1;
        return;
      case 'quantity': {
        const min = attribute.min ?? 0;
        const step = attribute.step ?? 1;
        const n = quantityValueCount(min, attribute.max, step);
        if (n === Infinity) {
          add(at, 'quantityValues', n, `quantity "${attribute.id}" needs whole numbers up to ${number(Number.MAX_SAFE_INTEGER)} for min, max and step, and a step of at least 1`);
        } else if (n > ENCODING_LIMITS.quantityValues) {
          add([...at, 'max'], 'quantityValues', n, `quantity "${attribute.id}" has ${number(n)} possible values (from ${number(min)} to ${number(attribute.max)} in steps of ${number(step)}); at most ${number(ENCODING_LIMITS.quantityValues)} can be configured: use a larger step or a narrower range, or split it into several attributes`);
        } else {
          values += n;
          counts.push({ path: at, what: `quantity "${attribute.id}"`, nodes: nodes(n, 1, 1) });
        }
        return;
      }
    }
  });
  if (problems.length > 0) return problems;
  if (values > ENCODING_LIMITS.productValues) {
    add(['attributes'], 'productValues', values, `product "${product.id}" has ${number(values)} values (options, boolean attributes and quantity values); at most ${number(ENCODING_LIMITS.productValues)} can be configured: split it into several products`);
    return problems;
  }
  countsOfRules(product, counts, nodes);
  let total = 0;
  for (const count of counts) {
    total += count.nodes;
    if (count.nodes > cap) {
      add(count.path, 'countNodes', count.nodes, `${count.what} needs more than ${number(cap)} diagram nodes to count what is chosen, the most that can be compiled: keep its minimum and maximum near 0 or near the number counted ("k of n" takes about k·(n − k) nodes), or split it into several attributes`);
    }
  }
  if (problems.length === 0 && total > cap) {
    const largest = counts.reduce((a, b) => (b.nodes > a.nodes ? b : a));
    add([], 'countNodes', total, `product "${product.id}" needs ${number(total)} diagram nodes to count what is chosen (about 2 for each option of a single choice and each quantity value, more for a multiple choice with a minimum or maximum; the largest: ${largest.what}, ${number(largest.nodes)}); at most ${number(cap)} can be compiled: split it into several products`);
  }
  return problems;
}

/** A "between min and max of n" that the encoding builds a diagram for. */
interface Count {
  readonly path: PropertyKey[];
  readonly what: string;
  readonly nodes: number;
}

/** The counts of a product's rules: count conditions and attribute conditions on choices and booleans. */
function countsOfRules(product: Product, counts: Count[], nodes: (n: number, min: number, max: number) => number): void {
  const attributes = new Map(product.attributes.map((a) => [a.id, a]));
  const visit = (c: Condition, path: PropertyKey[]): void => {
    if (typeof c === 'string') return;
    if ('all' in c) c.all.forEach((d, i) => visit(d, [...path, 'all', i]));
    else if ('any' in c) c.any.forEach((d, i) => visit(d, [...path, 'any', i]));
    else if ('not' in c) visit(c.not, [...path, 'not']);
    else if ('count' in c) {
      c.count.forEach((d, i) => visit(d, [...path, 'count', i]));
      const n = c.count.length;
      counts.push({ path, what: `the count condition (${countText(c.atLeast, c.atMost, `${number(n)} conditions`)})`, nodes: nodes(n, c.atLeast ?? 0, c.atMost ?? n) });
    } else {
      const attribute = attributes.get(c.attribute);
      if (attribute === undefined || attribute.kind === 'quantity') return; // a quantity's value is a disjunction, not a count
      const n = attribute.kind === 'boolean' ? 1 : attribute.options.length;
      counts.push({ path, what: `the condition on "${c.attribute}" (${countText(c.atLeast, c.atMost, `its ${number(n)} options`)})`, nodes: nodes(n, c.atLeast ?? 0, Math.min(c.atMost ?? n, n)) });
    }
  };
  (product.rules ?? []).forEach((rule, i) => {
    const at = ['rules', i];
    if (rule.kind === 'requires' || rule.kind === 'excludes') {
      visit(rule.if, [...at, 'if']);
      visit(rule.then, [...at, 'then']);
    } else if (rule.kind === 'constraint') visit(rule.condition, [...at, 'condition']);
  });
}

function countText(atLeast: number | undefined, atMost: number | undefined, of: string): string {
  if (atLeast !== undefined && atMost !== undefined) return `between ${number(atLeast)} and ${number(atMost)} of ${of}`;
  return atLeast !== undefined ? `at least ${number(atLeast)} of ${of}` : `at most ${number(atMost ?? 0)} of ${of}`;
}
