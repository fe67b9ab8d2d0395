// Invariants of comparisons, on generated configurations of the demo catalogs (fast-check):
// completion by defaults agrees with the configuration session, deltas against a baseline are
// antisymmetric, and the total cost of ownership is one-time plus recurring over the term.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compare, compile, ConfigurationSession, loadCatalog, Money, type Catalog, type CompiledProduct, type Configuration, type MoneyJSON } from '../src/index.js';
import { byDefaults } from '../src/compare/items.js';
import { DAY } from './price-fixtures.js';

const RUNS = Number(process.env['COMPARE_PROPERTY_RUNS'] ?? 150);
const demo = (name: string): Catalog => loadCatalog(readFileSync(new URL(`../../../examples/catalogs/${name}.json`, import.meta.url), 'utf8'));
const collab = demo('collab-suite');
const av = demo('av-rooms');
const products: CompiledProduct[] = [
  compile(collab, { product: 'starter' }),
  compile(collab, { product: 'business' }),
  compile(collab, { product: 'enterprise' }),
  compile(av, { product: 'huddle-room' }),
  compile(av, { product: 'meeting-room' }),
];

/** Some selections a buyer could make (each value offered at its turn), from a list of picks. */
function picked(compiled: CompiledProduct, picks: readonly number[]): ConfigurationSession {
  const session = new ConfigurationSession(compiled);
  for (const pick of picks) {
    const attribute = compiled.product.attributes[pick % compiled.product.attributes.length]!;
    const domain = session.domains()[attribute.id]!;
    if (domain.length > 0 && !(attribute.id in session.selections)) session.select(attribute.id, domain[Math.floor(pick / 7) % domain.length]!);
  }
  return session;
}

/** A complete configuration of one of the demo products. */
const configuration = (which: number) => fc.array(fc.nat(10_000), { maxLength: 6 }).map((picks) => picked(products[which]!, picks).complete().toConfiguration());
/** Two complete configurations of products of the same catalog. */
const pair = fc.oneof(fc.tuple(fc.constantFrom(0, 1, 2), fc.constantFrom(0, 1, 2)), fc.tuple(fc.constantFrom(3, 4), fc.constantFrom(3, 4))).chain(([a, b]) => fc.tuple(configuration(a), configuration(b)));
const catalogOf = (c: Configuration): Catalog => (c.catalog?.id === 'av-rooms' ? av : collab);

const money = (m: MoneyJSON) => Money.of(m.amount, m.currency);
const negated = (m: MoneyJSON) => Money.zero(m.currency).minus(money(m)).toJSON();

describe('comparison properties', () => {
  it('completes by defaults exactly as a configuration session does, whenever it can', () => {
    let direct = 0;
    fc.assert(
      fc.property(fc.nat(products.length - 1), fc.array(fc.nat(10_000), { maxLength: 4 }), (which, picks) => {
        const compiled = products[which]!;
        const session = picked(compiled, picks);
        const initial = session.selections;
        const fast = byDefaults(compiled.product, initial);
        if (fast === undefined) return;
        direct++;
        assert.deepEqual(fast, session.complete().selections);
      }),
      { numRuns: RUNS * 2 },
    );
    assert.ok(direct > RUNS / 2, `the defaults path was taken only ${direct} times`);
  });

  it('turns every delta into its opposite when item and baseline swap', () => {
    fc.assert(
      fc.property(pair, fc.integer({ min: 1, max: 72 }), ([a, b], termMonths) => {
        const catalog = catalogOf(a);
        const items = [{ id: 'a', configuration: a }, { id: 'b', configuration: b }];
        const fromA = compare(items, { catalog, context: { date: DAY }, termMonths, baseline: 'a' }).items[1]!.delta!;
        const fromB = compare(items, { catalog, context: { date: DAY }, termMonths, baseline: 'b' }).items[0]!.delta!;
        const opposite = { more: 'less', less: 'more', gained: 'lost', lost: 'gained', added: 'removed', removed: 'added', changed: 'changed' } as const;
        assert.deepEqual(
          fromB.features,
          fromA.features.map((f) => ({
            row: f.row,
            change: opposite[f.change],
            ...(f.difference === undefined ? {} : { difference: f.difference === 0 ? 0 : -f.difference }),
            ...(f.better === undefined ? {} : { better: !f.better }),
          })),
        );
        const m = fromA.money!;
        assert.deepEqual(fromB.money, {
          oneTime: negated(m.oneTime),
          month: negated(m.month),
          year: negated(m.year),
          recurring: negated(m.recurring),
          tco: negated(m.tco),
          total: negated(m.total),
        });
        // Against itself, nothing differs.
        const self = compare([{ id: 'a', configuration: a }, { id: 'c', configuration: a }], { catalog, context: { date: DAY }, baseline: 'a' }).items[1]!.delta!;
        assert.deepEqual(self.features, []);
        assert.ok(money(self.money!.tco).isZero());
      }),
      { numRuns: RUNS },
    );
  });

  it('makes the total cost of ownership one-time plus recurring over the term, per period for whole periods', () => {
    fc.assert(
      fc.property(pair, fc.integer({ min: 1, max: 10 }), fc.boolean(), ([a, b], years, owned) => {
        const catalog = catalogOf(a);
        const termMonths = 12 * years;
        const c = compare([{ configuration: a, owned }, { configuration: b }], { catalog, context: { date: DAY }, termMonths });
        for (const item of c.items) {
          const p = item.price!;
          assert.ok(money(p.tco.net).equals(money(p.tco.oneTime).plus(money(p.tco.recurring))));
          assert.ok(money(p.tco.total).equals(money(p.tco.net).plus(money(p.tco.tax))), 'these books do not include tax');
          assert.ok(money(p.tco.oneTime).equals(item.owned ? Money.zero(p.currency) : money(p.oneTime)));
          // With line rounding and whole years, each period's amount times the periods of the term.
          const expected = money(p.month).times(termMonths).plus(money(p.year).times(years));
          assert.ok(money(p.tco.recurring).equals(expected), `${p.tco.recurring.amount} = ${p.month.amount} × ${termMonths} + ${p.year.amount} × ${years}`);
        }
        const rows = Object.fromEntries(c.prices!.rows.map((r) => [r.id, r.values]));
        assert.deepEqual(rows['tco'], c.items.map((i) => i.price!.tco.net));
        assert.deepEqual(rows['one-time'], c.items.map((i) => i.price!.tco.oneTime));
      }),
      { numRuns: RUNS },
    );
  });
});
