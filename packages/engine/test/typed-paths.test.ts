// The paths a page takes to load less (issue #18, sizes): compareTyped and recommendTyped
// answer as compare and recommend do, without the schema library; a SessionCore explains
// with explainDecision as a ConfigurationSession does; comparisons count money and spec
// values exactly without decimal.js (fast-check against decimal.js and Money).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  compare,
  compareTyped,
  CompareError,
  compile,
  ConfigurationSession,
  explainDecision,
  loadCatalog,
  loadMissingCode,
  makeDecisionAvailable,
  Money,
  recommend,
  recommendTyped,
  SessionCore,
  type Catalog,
  type CompareItem,
} from '../src/index.js';
import { amountOf, exactPlus, exactTimes, minus } from '../src/compare/exact.js';
import { Dec } from '../src/price/money.js';
import { DAY } from './price-fixtures.js';

const demo = (name: string): Catalog => loadCatalog(readFileSync(new URL(`../../../examples/catalogs/${name}.json`, import.meta.url), 'utf8'));
const collab = demo('collab-suite');
const av = demo('av-rooms');
const plans: CompareItem[] = [{ product: 'starter' }, { product: 'business' }, { product: 'enterprise' }];

/** What a call gives: its result, or its error's class and problems. */
function outcome(run: () => unknown): unknown {
  try {
    return { result: run() };
  } catch (error) {
    return { error: (error as Error).name, problems: (error as { problems?: unknown }).problems };
  }
}

describe('compareTyped', () => {
  it('compares as compare does: items, prices, baselines and terms', () => {
    const cases: [readonly CompareItem[], Omit<Parameters<typeof compare>[1], 'catalog'>, Catalog][] = [
      [plans, {}, collab],
      [plans, { context: { date: DAY }, baseline: 'starter' }, collab],
      [plans, { context: { date: DAY, segment: 'enterprise' }, termMonths: 12 }, collab],
      [[{ product: 'business', selections: { 'advanced-security': true } }, { product: 'business', owned: true, name: 'Today' }], { context: { date: DAY }, baseline: 'business-2' }, collab],
      [av.products.map((p) => ({ product: p.id })), { context: { date: DAY } }, av],
      // Over a ramp of yearly segments: in Node `compare` loaded ramp pricing for compareTyped too.
      [plans, { context: { date: DAY }, upliftPercent: '5', termMonths: 30, baseline: 'starter' }, collab],
    ];
    for (const [items, settings, catalog] of cases) {
      assert.deepEqual(outcome(() => compareTyped(items, { catalog, ...settings })), outcome(() => compare(items, { catalog, ...settings })));
    }
  });

  it('says what is wrong with the same paths and words', () => {
    const wrong: [readonly CompareItem[], Omit<Parameters<typeof compare>[1], 'catalog'>][] = [
      [[{ product: 'starter' }, { product: 'enterprize' }], {}],
      [plans, { baseline: 'nope' }],
      [plans, { termMonths: 0 }],
      [plans, { termMonths: 5000 }],
      [plans, { termMonths: 1.5 }],
      [plans, { context: { date: 'yesterday' } }],
      [plans, { context: { date: DAY }, upliftPercent: 'five' }],
    ];
    for (const [items, settings] of wrong) {
      const typed = outcome(() => compareTyped(items, { catalog: collab, ...settings }));
      assert.equal((typed as { error?: string }).error, 'CompareError');
      assert.deepEqual(typed, outcome(() => compare(items, { catalog: collab, ...settings })));
    }
    assert.throws(() => compareTyped(plans, { catalog: undefined as unknown as Catalog }), CompareError);
    // Only errors that say code is missing have code to load.
    assert.equal(loadMissingCode(new CompareError([])), undefined);
    assert.equal(loadMissingCode(new Error('x')), undefined);
    // A value the schema refuses by its own rule is refused by the catalog's checks, at the same path, in their words.
    const negative = [{ product: 'business', selections: { seats: -3 } }];
    const problems = (run: () => unknown) => (outcome(run) as { problems: { path: string }[] }).problems.map((p) => p.path);
    assert.deepEqual(problems(() => compareTyped(negative, { catalog: collab })), ['items[0].selections.seats']);
    assert.deepEqual(problems(() => compareTyped(negative, { catalog: collab })), problems(() => compare(negative, { catalog: collab })));
  });
});

describe('recommendTyped', () => {
  it('recommends as recommend does, and refuses the same answers and contexts', () => {
    const cases: [Parameters<typeof recommend>[1], Parameters<typeof recommend>[2]][] = [
      [{ seats: 40, sso: 'yes' }, { date: DAY }],
      [{ seats: 5, sso: 'no' }, { date: DAY, segment: 'enterprise' }],
      [{ seats: 40 }, { date: DAY }],
      [{ seats: 40, sso: 'maybe' }, { date: DAY }],
      [{ seats: 40, sso: 'yes' }, { date: 'yesterday' }],
      [{ seats: 40, sso: 'yes' }, { date: DAY, book: 'nope' }],
    ];
    for (const [answers, context] of cases) assert.deepEqual(outcome(() => recommendTyped(collab, answers, context)), outcome(() => recommend(collab, answers, context)));
  });
});

describe('a SessionCore explains with explainDecision', () => {
  it('as a ConfigurationSession explains and repairs', () => {
    const compiled = compile(av, { product: 'meeting-room' });
    const full = new ConfigurationSession(compiled).select('display', 'd98');
    const core = new SessionCore(compiled).select('display', 'd98');
    for (const attribute of compiled.product.attributes) {
      const values = 'options' in attribute ? attribute.options.map((o) => o.id) : attribute.kind === 'boolean' ? [true, false] : [attribute.min ?? 0];
      for (const value of values) assert.deepEqual(explainDecision(core, { attribute: attribute.id, value }), full.explain({ attribute: attribute.id, value }));
    }
    const wanted = { attribute: 'mounting', value: 'wall-standard' };
    assert.deepEqual(makeDecisionAvailable(core, wanted), full.makeAvailable(wanted));
    assert.deepEqual(core.selections, full.selections);
    assert.deepEqual(core.resolved, full.resolved);
    assert.equal(core.undo(), true);
    assert.deepEqual(core.selections, { display: 'd98' });
  });
});

describe('exact arithmetic without decimal.js', () => {
  // Numbers as catalogs write them: whole, with a few decimals, large or small.
  const decimalNumber = fc.oneof(
    fc.integer({ min: -1e9, max: 1e9 }),
    fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 8 })).map(([n, places]) => n / 10 ** places),
    fc.double({ min: -1e25, max: 1e25, noNaN: true, noDefaultInfinity: true }),
  );

  it('adds and multiplies spec values as decimal.js does', () => {
    fc.assert(
      fc.property(decimalNumber, decimalNumber, (a, b) => {
        assert.equal(exactPlus(a, b), Number(new Dec(a).plus(b).toString()));
        assert.equal(exactTimes(a, b), Number(new Dec(a).times(b).toString()));
      }),
      { numRuns: 2000 },
    );
    assert.equal(exactPlus(99.9, 0.05), 99.95);
    assert.equal(exactTimes(0.1, 3), 0.3);
  });

  it('writes and subtracts amounts as Money does', () => {
    const amount = fc.tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.constantFrom(0, 2, 3, 4, 12)).map(([n, places]) => (10n ** BigInt(12 - places)) * n);
    fc.assert(
      fc.property(amount, amount, fc.constantFrom('EUR', 'JPY', 'BHD', 'USD'), (a, b, currency) => {
        const json = amountOf(a, currency);
        const other = amountOf(b, currency);
        assert.deepEqual(json, Money.of(json.amount, currency).toJSON());
        assert.deepEqual(minus(json, other), Money.of(json.amount, currency).minus(Money.of(other.amount, currency)).toJSON());
      }),
      { numRuns: 1000 },
    );
  });
});
