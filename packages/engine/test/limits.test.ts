import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AUTO_BDD_BUDGET,
  BddSpace,
  CatalogError,
  compile,
  ENCODING_LIMITS,
  EncodingLimitError,
  formatProblem,
  loadCatalog,
  type Catalog,
} from '../src/index.js';
import { assertProblems } from './fixtures.js';

/** A catalog of one product (or more) with these attributes and rules, not loaded. */
function catalogOf(attributes: unknown[], rules: unknown[] = [], more: unknown[] = []): any {
  const product = { id: 'p', name: 'P', attributes, rules };
  return { id: 'limits', version: '1.0.0', name: 'Limits', defaultCurrency: 'EUR', defaultLocale: 'en', products: [product, ...more] };
}

const options = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i}`, name: `Option ${i}` }));

function binomial(n: number, k: number): bigint {
  let result = 1n;
  for (let i = 0; i < k; i++) result = (result * BigInt(n - i)) / BigInt(i + 1);
  return result;
}

/** Loads and compiles (form auto unless given), and says how long it took. */
function loadAndCompile(raw: unknown, compileOptions: Parameters<typeof compile>[1] = {}) {
  const started = performance.now();
  const compiled = compile(loadCatalog(raw), compileOptions);
  return { compiled, ms: performance.now() - started };
}

describe('encoding limits: loadCatalog reports what the configuration engine cannot encode', () => {
  it('exports the limits by name', () => {
    assert.deepEqual(ENCODING_LIMITS, { quantityValues: 100_000, choiceOptions: 100_000, productValues: 100_000, countNodes: 200_000 });
  });

  it('reports a quantity of 2^53 values and choices of 100,001 options, with their paths', () => {
    assertProblems(
      catalogOf([
        { id: 'seats', kind: 'quantity', name: 'Seats', max: Number.MAX_SAFE_INTEGER },
        { id: 'colour', kind: 'single', name: 'Colour', options: options(100_001) },
        { id: 'extras', kind: 'multiple', name: 'Extras', options: options(100_001) },
      ]),
      [
        'products[0].attributes[0].max: quantity "seats" has 9,007,199,254,740,992 possible values (from 0 to 9,007,199,254,740,991 in steps of 1); at most 100,000 can be configured: use a larger step or a narrower range, or split it into several attributes',
        'products[0].attributes[1].options: single choice "colour" has 100,001 options; at most 100,000 can be configured: split it into several attributes',
        'products[0].attributes[2].options: multiple choice "extras" has 100,001 options; at most 100,000 can be configured: split it into several attributes',
      ],
    );
  });

  it('counts the values of a quantity exactly: (max − min) / step + 1', () => {
    const quantity = (min: number, max: number, step: number) => catalogOf([{ id: 'q', kind: 'quantity', name: 'Q', min, max, step }]);
    assert.doesNotThrow(() => loadCatalog(quantity(7, 7 + 99_999 * 3 + 2, 3))); // 100,000 values
    assert.throws(() => loadCatalog(quantity(7, 7 + 100_000 * 3, 3)), /quantity "q" has 100,001 possible values \(from 7 to 300,007 in steps of 3\)/);
    assert.throws(() => loadCatalog(quantity(0, Number.MAX_SAFE_INTEGER, 2 ** 30)), /has 8,388,608 possible values/);
  });

  it('reports the values of a product, and the count diagrams of a multiple choice, a rule and a product', () => {
    assertProblems(
      catalogOf([
        { id: 'a', kind: 'quantity', name: 'A', max: 50_000 },
        { id: 'b', kind: 'quantity', name: 'B', max: 49_999 },
      ]),
      ['products[0].attributes: product "p" has 100,001 values (options, boolean attributes and quantity values); at most 100,000 can be configured: split it into several products'],
    );
    const advice = 'keep its minimum and maximum near 0 or near the number counted ("k of n" takes about k·(n − k) nodes), or split it into several attributes';
    assertProblems(
      catalogOf(
        [{ id: 'm', kind: 'multiple', name: 'M', min: 2_000, max: 2_000, options: options(4_000) }],
        [{ id: 'half', kind: 'constraint', condition: { any: ['m:o1', { attribute: 'm', atLeast: 1_000, atMost: 1_000 }] } }],
      ),
      [
        `products[0].attributes[0]: multiple choice "m" (between 2,000 and 2,000 of 4,000 options) needs more than 200,000 diagram nodes to count what is chosen, the most that can be compiled: ${advice}`,
        `products[0].rules[0].condition.any[1]: the condition on "m" (between 1,000 and 1,000 of its 4,000 options) needs more than 200,000 diagram nodes to count what is chosen, the most that can be compiled: ${advice}`,
      ],
    );
    // Each count within the limit, together beyond it: 99,999 + 2 · 101 · 901 nodes.
    assertProblems(
      catalogOf(
        [
          { id: 'q', kind: 'quantity', name: 'Q', max: 49_999 },
          { id: 'm', kind: 'multiple', name: 'M', min: 100, max: 100, options: options(1_000) },
        ],
        [{ id: 'r', kind: 'requires', if: 'q', then: { attribute: 'm', atLeast: 100, atMost: 100 } }],
      ),
      [
        'products[0]: product "p" needs 281,999 diagram nodes to count what is chosen (about 2 for each option of a single choice and each quantity value, more for a multiple choice with a minimum or maximum; the largest: quantity "q", 99,999); at most 200,000 can be compiled: split it into several products',
      ],
    );
  });
});

describe('encoding limits: at the limits, catalogs load and compile', () => {
  it('a single choice of 100,000 options (no call-stack overflow)', () => {
    const { compiled, ms } = loadAndCompile(catalogOf([{ id: 'x', kind: 'single', name: 'X', options: options(100_000) }]));
    assert.equal(compiled.space.count(), 100_000n);
    assert.ok(ms < 10_000, `took ${ms} ms`);
  });

  it('a multiple choice of 100,000 options, exactly one chosen', () => {
    const { compiled, ms } = loadAndCompile(catalogOf([{ id: 'x', kind: 'multiple', name: 'X', min: 1, max: 1, options: options(100_000) }]));
    assert.equal(compiled.space.count(), 100_000n);
    assert.ok(ms < 10_000, `took ${ms} ms`);
  });

  it('a quantity of 100,000 values', () => {
    const { compiled, ms } = loadAndCompile(catalogOf([{ id: 'x', kind: 'quantity', name: 'X', min: 1, max: 100_000 }]));
    assert.equal(compiled.space.count(), 100_000n);
    assert.ok(ms < 10_000, `took ${ms} ms`);
  });

  it('a multiple choice of 890 options choosing exactly 445 (198,915 count nodes)', () => {
    const { compiled } = loadAndCompile(catalogOf([{ id: 'x', kind: 'multiple', name: 'X', min: 445, max: 445, options: options(890) }]));
    assert.equal(compiled.space.count(), binomial(890, 445));
  });

  it('the costliest structure within the limits stays a BDD within the auto budget: 25,000 choices of 2 of 4 options', () => {
    const attributes = Array.from({ length: 25_000 }, (_, a) => ({ id: `m${a}`, kind: 'multiple', name: 'M', min: 2, max: 2, options: options(4) }));
    // The node budget alone, without the clock, so that a busy machine does not change the outcome.
    const { compiled, ms } = loadAndCompile(catalogOf(attributes), { form: 'bdd', nodeLimit: AUTO_BDD_BUDGET.nodes });
    assert.ok(compiled.space instanceof BddSpace);
    assert.equal(compiled.space.count(), 6n ** 25_000n);
    assert.ok(ms < 10_000, `took ${ms} ms`);
  });
});

describe('encoding limits: compile checks a catalog built in code', () => {
  const unchecked = (catalog: unknown) => catalog as Catalog;

  it('throws an EncodingLimitError (a RangeError) naming the limit, the amount and the path', () => {
    const catalog = unchecked(catalogOf([{ id: 'ok', kind: 'boolean', name: 'OK' }], [], [{ id: 'big', name: 'Big', attributes: [{ id: 'seats', kind: 'quantity', name: 'Seats', max: Number.MAX_SAFE_INTEGER }] }]));
    assert.equal(compile(catalog).space.count(), 2n);
    assert.throws(
      () => compile(catalog, { product: 'big' }),
      (error: unknown) => {
        assert.ok(error instanceof EncodingLimitError);
        assert.ok(error instanceof RangeError);
        assert.equal(error.name, 'EncodingLimitError');
        assert.equal(error.limit, 'quantityValues');
        assert.equal(error.maximum, 100_000);
        assert.equal(error.amount, 2 ** 53);
        assert.equal(error.path, 'products[1].attributes[0].max');
        assert.match(error.message, /^cannot compile product "big": products\[1\]\.attributes\[0\]\.max: quantity "seats" has 9,007,199,254,740,992 possible values/);
        return true;
      },
    );
  });

  it('rejects what the schema would: a quantity bound that is not a safe integer', () => {
    assert.throws(
      () => compile(unchecked(catalogOf([{ id: 'q', kind: 'quantity', name: 'Q', max: 1e300 }]))),
      (error: unknown) => error instanceof EncodingLimitError && error.path === 'products[0].attributes[0]' && error.amount === Infinity && /whole numbers up to 9,007,199,254,740,991/.test(error.message),
    );
  });

  it('checks options, product values and count nodes the same way as loadCatalog', () => {
    const cases: [unknown[], string][] = [
      [[{ id: 'x', kind: 'single', name: 'X', options: options(100_001) }], 'choiceOptions'],
      [[{ id: 'a', kind: 'quantity', name: 'A', max: 99_999 }, { id: 'b', kind: 'boolean', name: 'B' }], 'productValues'],
      [[{ id: 'm', kind: 'multiple', name: 'M', min: 500, max: 500, options: options(1_000) }], 'countNodes'],
    ];
    for (const [attributes, limit] of cases) {
      const raw = catalogOf(attributes);
      const loaded = (() => {
        try {
          loadCatalog(raw);
          return [];
        } catch (error) {
          assert.ok(error instanceof CatalogError);
          return error.problems.map(formatProblem);
        }
      })();
      assert.throws(
        () => compile(unchecked(raw)),
        (error: unknown) => error instanceof EncodingLimitError && error.limit === limit && loaded.length === 1 && error.message === `cannot compile product "p": ${loaded[0]}`,
      );
    }
  });
});

describe('encoding limits: count diagrams are exact', () => {
  it('a multiple choice with every min and max, and a count that names a condition twice', () => {
    for (let n = 1; n <= 6; n++) {
      for (let min = 0; min <= n; min++) {
        for (let max = min; max <= n; max++) {
          const { compiled } = loadAndCompile(catalogOf([{ id: 'm', kind: 'multiple', name: 'M', min, max, options: options(n) }]));
          let expected = 0n;
          for (let k = min; k <= max; k++) expected += binomial(n, k);
          assert.equal(compiled.space.count(), expected, `${min}..${max} of ${n}`);
        }
      }
    }
    // "a" counts twice when on, as conditionHolds counts it: only a on, b off has exactly 2.
    const twice = catalogOf(
      [{ id: 'a', kind: 'boolean', name: 'A' }, { id: 'b', kind: 'boolean', name: 'B' }],
      [{ id: 'two', kind: 'constraint', condition: { count: ['a', 'a', 'b'], atLeast: 2, atMost: 2 } }],
    );
    assert.equal(loadAndCompile(twice).compiled.space.count(), 1n);
  });
});
