// Invariants of subscriptions over time, on generated ramps and amendments (fast-check):
// a ramp's segments add up to its total; a ramp without changes is the plain term; an
// amendment and its reverse net to zero; by day, a change from the term's first day costs
// the whole term's change.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createQuote, loadCatalog, price, priceAmendment, priceRamp, type Catalog } from '../src/index.js';
import { fixed } from '../src/price/fixed.js';
import { addMonths } from '../src/subscription/dates.js';
import { tinyCatalog } from './price-fixtures.js';

const RUNS = Number(process.env['PRICE_PROPERTY_RUNS'] ?? 150);

const cents = fc.integer({ min: 1, max: 500_000 }).map((c) => (c / 100).toFixed(2));
const percent = fc.integer({ min: 0, max: 2000 }).map((x) => (x / 100).toString());

/** Monthly q, yearly r, one-time b and the product; rounding mode and level drawn too. */
const catalogArb = fc
  .record({ q: cents, r: cents, b: cents, p: cents, mode: fc.constantFrom('half-even', 'half-up'), level: fc.constantFrom('unit', 'line', 'document'), term: fc.integer({ min: 1, max: 36 }) })
  .map(({ q, r, b, p, mode, level, term }) =>
    loadCatalog(
      tinyCatalog({
        rounding: { mode, level },
        books: [{ id: 'list', currency: 'EUR', taxRegion: 'de', prices: { p: { amount: p }, 'p/q': { amount: q, recurring: 'month', term }, 'p/r': { amount: r, recurring: 'year', term }, 'p/b': { amount: b } } }],
        tax: { regions: [{ id: 'de', rates: [{ category: 'standard', percent: '19' }] }] },
      }),
    ),
  );

const selectionsArb = fc.record({ q: fc.integer({ min: 0, max: 400 }), r: fc.integer({ min: 0, max: 20 }), b: fc.boolean() }).map((s) => ({ ...s, m: [] as string[] }));
const sum = (xs: readonly { amount: string }[]) => xs.reduce((n, x) => n + fixed(x.amount), 0n);

describe('ramp properties', () => {
  it('adds its segments up to its totals', () => {
    fc.assert(
      fc.property(
        catalogArb,
        selectionsArb,
        fc.array(fc.record({ months: fc.integer({ min: 1, max: 24 }), q: fc.option(fc.integer({ min: 0, max: 400 })), up: fc.option(percent) }), { minLength: 1, maxLength: 5 }),
        (catalog, selections, segs) => {
          const ramp = priceRamp(
            catalog,
            { product: 'p', selections: { ...selections, b: false } },
            { segments: segs.map((s) => ({ months: s.months, ...(s.q === null ? {} : { selections: { q: s.q } }), ...(s.up === null ? {} : { upliftPercent: s.up }) })) },
            { date: '2027-03-31' },
          );
          const segments = ramp.segments.map((s) => s.price.totals);
          for (const pick of [(t: typeof segments[0]) => t.term.net, (t: typeof segments[0]) => t.net, (t: typeof segments[0]) => t.grandTotal, (t: typeof segments[0]) => t.oneTime.net]) {
            assert.equal(sum(segments.map(pick)), fixed(pick(ramp.totals).amount));
          }
          assert.equal(sum(ramp.segments.slice(1).map((s) => s.price.totals.oneTime.net)), 0n, 'one-time charges only in the first segment');
          assert.equal(ramp.months, segs.reduce((n, s) => n + s.months, 0));
          assert.equal(ramp.segments[ramp.segments.length - 1]!.end < addMonths('2027-03-31', ramp.months), true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('prices monthly charges over its segments as over one term, when nothing changes', () => {
    fc.assert(
      fc.property(catalogArb, selectionsArb, fc.array(fc.integer({ min: 1, max: 24 }), { minLength: 1, maxLength: 4 }), (catalog, selections, months) => {
        const configuration = { product: 'p', selections: { ...selections, r: 0 } };
        const ramp = priceRamp(catalog, configuration, { segments: months.map((m) => ({ months: m })) }, { date: '2027-01-01' });
        const whole = price(catalog, configuration, { date: '2027-01-01', termMonths: ramp.months });
        // Document-level rounding spreads each total's rounding over the lines: a term in parts may differ by
        // a minor unit per segment; line and unit rounding fix the monthly amount first, so the parts add up exactly.
        const level = catalog.pricing!.rounding!.level;
        const gap = fixed(ramp.totals.term.net.amount) - fixed(whole.totals.term.net.amount);
        if (level === 'document') assert.ok(gap <= BigInt(months.length) * fixed('0.01') && -gap <= BigInt(months.length) * fixed('0.01'));
        else assert.equal(gap, 0n);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('amendment properties', () => {
  const quoteOf = (catalog: Catalog, selections: Record<string, unknown>) =>
    createQuote({ catalog, items: [{ id: 'sub', configuration: { product: 'p', selections: selections as never } }], context: { date: '2027-01-31' }, validUntil: '2027-02-28', now: '2027-01-31T09:00:00Z' });

  it('nets to zero with its reverse, on the same day', async () => {
    await fc.assert(
      fc.asyncProperty(catalogArb, selectionsArb, selectionsArb, fc.integer({ min: 0, max: 40 }), fc.constantFrom('day', 'month'), async (catalog, a, b, offset, proration) => {
        const months = catalog.pricing!.books[0]!.prices!['p/q']!.term!;
        const end = addMonths('2027-01-31', months);
        const day = new Date(Date.UTC(2027, 0, 31 + Math.floor((offset / 41) * ((Date.parse(end) - Date.parse('2027-01-31')) / 86_400_000)))).toISOString().slice(0, 10);
        const item = (selections: Record<string, unknown>) => [{ id: 'sub', configuration: { product: 'p', selections: selections as never } }];
        const there = priceAmendment(catalog, await quoteOf(catalog, a), { date: day, items: item(b), proration });
        const back = priceAmendment(catalog, await quoteOf(catalog, b), { date: day, items: item(a), proration });
        assert.equal(fixed(there.totals.net.amount) + fixed(back.totals.net.amount), 0n);
        assert.equal(fixed(there.totals.includingTax.amount) + fixed(back.totals.includingTax.amount), 0n);
      }),
      { numRuns: RUNS },
    );
  });

  it('costs the whole term’s change when it takes effect on the first day (by day)', async () => {
    await fc.assert(
      fc.asyncProperty(catalogArb, selectionsArb, selectionsArb, async (catalog, a, b) => {
        const item = [{ id: 'sub', configuration: { product: 'p', selections: b as never } }];
        const change = priceAmendment(catalog, await quoteOf(catalog, a), { date: '2027-01-31', items: item, proration: 'day' });
        for (const line of change.lines) if (line.term) assert.equal(line.amount.amount, line.term.fullTerm.amount);
        const before = price(catalog, { product: 'p', selections: a }, { date: '2027-01-31' }).totals.net;
        const after = price(catalog, { product: 'p', selections: b }, { date: '2027-01-31' }).totals.net;
        assert.equal(fixed(change.totals.net.amount), fixed(after.amount) - fixed(before.amount), 'the change from day one is the difference of the two prices');
      }),
      { numRuns: RUNS },
    );
  });
});
