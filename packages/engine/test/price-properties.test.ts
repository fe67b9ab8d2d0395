// Invariants of pricing, checked on thousands of generated quotes with fast-check.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { allocate, loadCatalog, minorUnits, Money, price, priceDelta, PricingError, type Catalog, type PriceBreakdown } from '../src/index.js';
import { Pricer } from '../src/price/pricer.js';
import { divide, fixed, format, stepOf, times, offFactor } from '../src/price/fixed.js';
import { DAY, tinyCatalog } from './price-fixtures.js';

// A thousand cases per property (more for the cheap ones) keeps this file near three seconds;
// raise PRICE_PROPERTY_RUNS (e.g. to 20000) to search harder.
const RUNS = Number(process.env['PRICE_PROPERTY_RUNS'] ?? 1000);

/** A decimal string from a whole number of 10^-decimals units: decimalText(12345, 2) is "123.45". */
function decimalText(units: number, decimals: number): string {
  const digits = String(Math.abs(units)).padStart(decimals + 1, '0');
  const text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return units < 0 ? `-${text}` : text;
}
const amount = (max = 10_000, maxDecimals = 4) =>
  fc.tuple(fc.integer({ min: 0, max: max * 100 }), fc.integer({ min: 0, max: maxDecimals })).map(([u, d]) => decimalText(Math.round(u * 10 ** (d - 2)) || u % 7, d));
const percent = fc.tuple(fc.integer({ min: 0, max: 10000 }), fc.constantFrom(0, 1, 2)).map(([u, d]) => decimalText(Math.round((u / 100) * 10 ** d), d));

/** Contiguous tiers from 1 with the given rates. */
function tiersOf(starts: number[], rates: string[]) {
  return rates.map((r, i) => ({ from: starts[i]!, ...(i + 1 < rates.length ? { to: starts[i + 1]! - 1 } : {}), amount: r }));
}

/** A charge from a handful of numbers: cheap to generate, and it shrinks towards a flat one-time price. */
const charge = fc
  .tuple(fc.integer({ min: 0, max: 9 }), fc.array(fc.integer({ min: 0, max: 50_000_00 }), { minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 999 }))
  .map(([kind, units, decimals, extra]) => {
    const rates = units.map((u) => decimalText(u, Math.min(decimals, 2)));
    const base = kind < 5 ? { amount: decimalText(units[0]! * (decimals > 2 ? 10 ** (decimals - 2) : 1) + (extra % 7), decimals) } : kind === 9 ? { block: { size: 1 + (extra % 25), amount: rates[1]! } } : (() => {
      // 1 to 4 tiers; cut points from the extra number, increasing.
      const count = 1 + (extra % 4);
      const starts = [1, 2 + (extra % 13), 16 + (extra % 37), 60 + (extra % 97)].slice(0, count);
      return { tiers: tiersOf(starts, rates.slice(0, count)), tierMode: (['range', 'slab', 'block'] as const)[kind % 3] };
    })();
    const recurring = ([undefined, undefined, 'month', 'year'] as const)[extra % 4];
    return {
      ...base,
      ...(recurring ? { recurring, term: 1 + (extra % 48), prorate: extra % 3 !== 0 } : {}),
      taxCategory: extra % 5 === 0 ? 'reduced' : 'standard',
      ...(extra % 6 === 0 ? { schedule: 'volume' } : {}),
    };
  });

const ITEMS = ['p/q', 'p/r', 'p/b', 'p/s:x', 'p/s:y', 'p/m:e1', 'p/m:e2', 'p/m:e3'];

/** A random but valid pricing section for the tiny product. */
const pricingSection = fc.record({
  currency: fc.constantFrom('EUR', 'JPY', 'BHD', 'USD'),
  mode: fc.constantFrom('half-even', 'half-up'),
  level: fc.constantFrom('unit', 'line', 'document'),
  charges: fc.tuple(...ITEMS.map(() => charge)),
  adjust: fc.option(fc.integer({ min: -5000, max: 5000 }).map((u) => decimalText(u, 2)), { nil: undefined }),
  taxIncluded: fc.boolean(),
  standard: percent,
  reduced: percent,
  schedule: fc.tuple(fc.integer({ min: 2, max: 50 }), percent, percent),
  partner: fc.option(fc.tuple(percent, fc.subarray(ITEMS)), { nil: undefined }),
});

/** A random request: selections, quantity, term, discounts, book and partner. */
const request = fc.record({
  selections: fc.record({
    q: fc.integer({ min: 0, max: 400 }),
    r: fc.integer({ min: 0, max: 400 }),
    b: fc.boolean(),
    s: fc.constantFrom(undefined, 'x', 'y'),
    m: fc.subarray(['e1', 'e2', 'e3']),
  }),
  quantity: fc.integer({ min: 1, max: 20 }),
  termMonths: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  lineDiscounts: fc
    .tuple(fc.subarray(ITEMS, { maxLength: 4 }), fc.array(percent, { minLength: 4, maxLength: 4 }))
    .map(([items, ps]) => Object.fromEntries(items.map((item, i) => [item, { percent: ps[i]! }]))),
  order: fc.option(fc.oneof(percent.map((p) => ({ percent: p })), amount(50, 2).map((a) => ({ amount: a, appliesTo: 'one-time' }))), { nil: undefined }),
  derived: fc.boolean(),
  partner: fc.boolean(),
});

type Pricing = typeof pricingSection extends fc.Arbitrary<infer T> ? T : never;
type Request = typeof request extends fc.Arbitrary<infer T> ? T : never;

function catalogOf(q: Pricing): Catalog {
  const prices: Record<string, unknown> = { p: { included: true } };
  ITEMS.forEach((item, i) => (prices[item] = q.charges[i]));
  const [from, p1, p2] = q.schedule;
  return loadCatalog(tinyCatalog(
    {
      rounding: { mode: q.mode, level: q.level },
      books: [
        { id: 'list', currency: q.currency, taxRegion: 'r', taxIncluded: q.taxIncluded, prices },
        { id: 'derived', currency: q.currency, basedOn: { book: 'list', ...(q.adjust === undefined ? {} : { percent: q.adjust }) }, taxRegion: 'r', taxIncluded: q.taxIncluded },
      ],
      schedules: [{ id: 'volume', tiers: [{ from, to: from + 9, percent: p1 }, { from: from + 10, percent: p2 }] }],
      partners: q.partner ? [{ id: 'reseller', name: 'Reseller', percent: q.partner[0], exclude: q.partner[1] }] : [],
      tax: { regions: [{ id: 'r', rates: [{ category: 'standard', percent: q.standard }, { category: 'reduced', percent: q.reduced }] }] },
    },
    q.currency,
  ));
}

/**
 * Compiling a catalog costs more than pricing a request against it, so each run draws
 * its catalog from a pool of generated ones (new every test run; set PRICE_POOL_SEED to
 * replay one) and generates the request itself.
 */
const POOL_SEED = Number(process.env['PRICE_POOL_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const pool = fc.sample(pricingSection, { numRuns: 100, seed: POOL_SEED }).map((pricing) => ({ pricing, catalog: deepFreeze(catalogOf(pricing)) }));
const quote = fc.record({ at: fc.integer({ min: 0, max: pool.length - 1 }), request });
type Quote = typeof quote extends fc.Arbitrary<infer T> ? T : never;

function selectionsOf(r: Request): Record<string, unknown> {
  const { s, ...rest } = r.selections;
  return s === undefined ? rest : { ...rest, s };
}

function contextOf(q: Quote): any {
  const { pricing } = pool[q.at]!;
  const r = q.request;
  return {
    date: DAY,
    book: r.derived ? 'derived' : 'list',
    quantity: r.quantity,
    ...(r.partner && pricing.partner ? { partner: 'reseller' } : {}),
    ...(r.termMonths ? { termMonths: r.termMonths } : {}),
    lineDiscounts: onlyChosen(r),
    ...(r.order ? { orderDiscount: r.order } : {}),
  };
}

/** Prices a generated quote; a request the engine refuses (an order discount larger than the lines) is skipped. */
function priceQuote(q: Quote): PriceBreakdown | undefined {
  try {
    return price(pool[q.at]!.catalog, { product: 'p', selections: selectionsOf(q.request) as never }, contextOf(q));
  } catch (error) {
    if (error instanceof PricingError && error.problems.every((p) => p.path === 'context.orderDiscount.amount')) return undefined;
    throw error;
  }
}

/** Line discounts on items that are priced: the others would be refused, correctly. */
function onlyChosen(r: Request): Record<string, unknown> {
  const s = selectionsOf(r);
  const chosen = (item: string): boolean => {
    const [attribute = '', option] = item.slice(2).split(':');
    const v = s[attribute];
    if (option !== undefined) return v === option || (Array.isArray(v) && v.includes(option));
    return v === true || (typeof v === 'number' && v > 0);
  };
  return Object.fromEntries(Object.entries(r.lineDiscounts).filter(([item]) => chosen(item)));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const D = (text: string) => new Decimal(text);

describe(`pricing invariants (fast-check; catalog pool seed ${POOL_SEED})`, () => {
  it('lines sum to the totals, gross − discount = net on every line, amounts are exact decimal strings', () => {
    let priced = 0;
    fc.assert(
      fc.property(quote, (q) => {
        const b = priceQuote(q);
        if (!b) return;
        priced++;
        const places = minorUnits(b.currency);
        const pattern = places === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${places}}$`);
        // Every amount: the currency's decimals exactly, never "-0", and every number a safe integer.
        (function walk(value: unknown, key: string): void {
          if (typeof value === 'number') assert.ok(Number.isSafeInteger(value), `${key}: ${value}`);
          else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
          else if (value !== null && typeof value === 'object') {
            const o = value as Record<string, unknown>;
            if (typeof o['amount'] === 'string' && typeof o['currency'] === 'string') {
              assert.equal(o['currency'], b.currency);
              assert.match(o['amount'], pattern, key);
              assert.doesNotMatch(o['amount'], /^-0(\.0+)?$/, key);
            }
            for (const [k, v] of Object.entries(o)) walk(v, k);
          }
        })(b, '');
        // Sums on whole minor units (every amount has exactly the currency's decimals, checked above).
        const u = (m: { amount: string }) => BigInt(m.amount.replace('.', ''));
        const total = (ms: readonly { amount: string }[]) => ms.reduce((t, m) => t + u(m), 0n);
        for (const line of b.lines) {
          assert.equal(u(line.gross) - u(line.discount), u(line.net), line.item);
          const changes = line.steps.filter((s) => s.stage !== 'list' && s.stage !== 'net').map((s) => s.amount);
          assert.equal(u(line.list) + total(changes), u(line.net), `${line.item}: list + steps = net`);
          assert.equal(line.steps.at(-1)!.amount.amount, line.net.amount);
          // Each step's running amount: the list, then the one before plus the step's change; the net at the end.
          line.steps.forEach((step, i) => {
            const expected = i === 0 ? u(line.list) : step.stage === 'net' ? u(line.net) : u(line.steps[i - 1]!.after) + u(step.amount);
            assert.equal(u(step.after), expected, `${line.item} step ${i} (${step.stage}): after`);
          });
          assert.equal(line.steps.at(-2)?.after.amount ?? line.net.amount, line.net.amount);
          if (line.term) assert.equal(u(line.term.gross) - u(line.term.discount), u(line.term.net));
        }
        const groups = [
          ['one-time', b.totals.oneTime, b.lines.filter((l) => l.charge === 'one-time')],
          ['month', b.totals.recurring.month, b.lines.filter((l) => l.period === 'month')],
          ['year', b.totals.recurring.year, b.lines.filter((l) => l.period === 'year')],
        ] as const;
        for (const [name, totals, lines] of groups) {
          if (!totals) {
            assert.equal(lines.length, 0, name);
            continue;
          }
          for (const key of ['list', 'gross', 'discount', 'net'] as const) assert.equal(total(lines.map((l) => l[key])), u(totals[key]), `${name} ${key}`);
          const tax = total(totals.tax.map((t) => t.amount));
          assert.equal(b.taxIncluded ? u(totals.net) : u(totals.net) + tax, u(totals.total), `${name} total`);
          assert.equal(u(totals.excludingTax) + tax, u(totals.includingTax), `${name}: excluding tax + tax = including tax`);
          assert.equal(u(totals.includingTax), u(totals.total));
          assert.equal(u(b.taxIncluded ? totals.includingTax : totals.excludingTax), u(totals.net), `${name}: net is in the book's terms`);
        }
        const term = b.lines.filter((l) => l.term);
        for (const key of ['list', 'gross', 'discount', 'net'] as const) {
          assert.equal(total(term.map((l) => l.term![key])), u(b.totals.term[key]), `term ${key}`);
          assert.equal(u(b.totals.oneTime[key]) + u(b.totals.term[key]), u(b.totals[key]), `whole ${key}`);
        }
        assert.equal(u(b.totals.oneTime.total) + u(b.totals.term.total), u(b.totals.grandTotal));
        assert.equal(u(b.totals.oneTime.excludingTax) + u(b.totals.term.excludingTax), u(b.totals.excludingTax));
        assert.equal(u(b.totals.excludingTax) + total(b.totals.tax.map((t) => t.amount)), u(b.totals.includingTax));
        assert.equal(u(b.totals.includingTax), u(b.totals.grandTotal));
        assert.equal(total(b.totals.tax.map((t) => t.amount)), total([...b.totals.oneTime.tax, ...b.totals.term.tax].map((t) => t.amount)));
        const savings = u(b.totals.list) - u(b.totals.net);
        assert.equal(savings > 0n ? savings : 0n, u(b.totals.savings.amount), 'savings: list − net, never negative');
      }),
      { numRuns: RUNS },
    );
    assert.ok(priced > RUNS * 0.8, `only ${priced} of ${RUNS} generated quotes were priced`);
  });

  it('re-pricing the same inputs gives identical output, and priceDelta is the difference of the two prices', () => {
    const change = fc.oneof(
      fc.record({ q: fc.integer({ min: 0, max: 400 }) }),
      fc.constantFrom<Record<string, unknown>>({ b: true }, { b: false }, { s: 'x' }, { s: 'y' }, { s: null }, { m: ['e1', 'e3'] }, { m: null }),
    );
    fc.assert(
      fc.property(quote, change, (q, c) => {
        const { catalog, pricing } = pool[q.at]!;
        const configuration = { product: 'p', selections: selectionsOf(q.request) as never };
        const context = { ...contextOf(q), lineDiscounts: {} };
        delete context.orderDiscount;
        const after = { ...configuration, selections: Object.fromEntries(Object.entries({ ...(configuration.selections as object), ...c }).filter(([, v]) => v !== null)) as never };
        const delta = priceDelta(catalog, configuration, c as never, context);
        const before = price(catalog, configuration, context);
        assert.deepEqual(price(catalog, configuration, context), before);
        // For one case in eight, a fresh, unfrozen copy of the catalog, compiled anew: the same output.
        if (q.request.quantity % 8 === 0) assert.deepEqual(price(catalogOf(pricing), configuration, context), before);
        const afterPrice = price(catalog, after, context);
        const difference = (key: 'grandTotal' | 'net') => Money.of(afterPrice.totals[key].amount, pricing.currency).minus(Money.of(before.totals[key].amount, pricing.currency));
        assert.equal(delta.grandTotal.amount, difference('grandTotal').toJSON().amount);
        assert.equal(delta.net.amount, difference('net').toJSON().amount);
      }),
      { numRuns: RUNS },
    );
  });

  it('tax per line is the sum of each line\'s rounded tax, on the same lines as tax on the sum', () => {
    fc.assert(
      fc.property(quote, (q) => {
        const { catalog, pricing } = pool[q.at]!;
        const configuration = { product: 'p', selections: selectionsOf(q.request) as never };
        let byDocument: PriceBreakdown;
        try {
          byDocument = price(catalog, configuration, contextOf(q));
        } catch (error) {
          if (error instanceof PricingError) return;
          throw error;
        }
        const byLine = price(catalog, configuration, { ...contextOf(q), taxCalculation: 'line' });
        assert.equal(byLine.taxCalculation, 'line');
        assert.deepEqual(byLine.lines, byDocument.lines, 'the lines do not depend on where tax is worked out');
        const places = minorUnits(byLine.currency);
        const rounding = pricing.mode === 'half-even' ? Decimal.ROUND_HALF_EVEN : Decimal.ROUND_HALF_UP;
        const rateOf = (category: string) => D(category === 'standard' ? pricing.standard : pricing.reduced);
        // Tax on an amount without tax is p/100 of it; in one with tax, p/(100+p).
        const taxOf = (net: string, category: string) => {
          const p = rateOf(category);
          return D(net).times(p).div(pricing.taxIncluded ? p.plus(100) : 100).toDecimalPlaces(places, rounding);
        };
        const kinds = [
          [byLine.totals.oneTime, byLine.lines.filter((l) => l.charge === 'one-time').map((l) => [l.net.amount, l.taxCategory] as const)],
          [byLine.totals.recurring.month, byLine.lines.filter((l) => l.period === 'month').map((l) => [l.net.amount, l.taxCategory] as const)],
          [byLine.totals.term, byLine.lines.filter((l) => l.term).map((l) => [l.term!.net.amount, l.taxCategory] as const)],
        ] as const;
        for (const [totals, lines] of kinds) {
          if (!totals) continue;
          for (const t of totals.tax) {
            const expected = lines.filter(([, c]) => c === t.category).reduce((sum, [net, c]) => sum.plus(taxOf(net, c)), D('0'));
            assert.equal(t.amount.amount, Money.of(expected, byLine.currency).toJSON().amount, `${t.category}: the sum of the lines' taxes`);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('allocation never loses or creates a minor unit', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('EUR', 'JPY', 'BHD'),
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 6 })), { minLength: 1, maxLength: 30 }),
        (currency, units, raw) => {
          const places = minorUnits(currency);
          const total = new Decimal(units.toString()).div(new Decimal(10).pow(places));
          const weights = raw.map(([u, d]) => new Decimal(u).div(new Decimal(10).pow(d)));
          const parts = allocate(total, weights, places);
          assert.equal(parts.length, weights.length);
          assert.ok(parts.reduce((t, x) => t.plus(x), new Decimal(0)).eq(total), 'the parts sum to the whole');
          const weightSum = weights.reduce((t, w) => t.plus(w), new Decimal(0));
          const unit = new Decimal(10).pow(-places);
          parts.forEach((part, i) => {
            assert.ok(part.decimalPlaces() <= places, 'whole minor units');
            const exact = weightSum.isZero() ? total.div(weights.length) : total.times(weights[i]!).div(weightSum);
            assert.ok(part.minus(exact).abs().lt(unit), `part ${part} is within one minor unit of ${exact}`);
            assert.ok(!part.isNegative() || total.isNegative() || part.isZero());
          });
          // The same through Money, which also refuses an amount that is not whole minor units.
          const money = Money.of(total, currency).allocate(weights);
          assert.deepEqual(money.map((m) => m.toJSON().amount), parts.map((p) => Money.of(p, currency).toJSON().amount));
        },
      ),
      { numRuns: RUNS * 2 },
    );
    assert.throws(() => Money.of('10.005', 'EUR').allocate(['1', '1']), /round 10\.005 EUR to EUR minor units before allocating it/);
  });

  it('the exact fixed-point arithmetic agrees with decimal.js', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 6 })).map(([u, d]) => decimalText(u, d)),
        fc.tuple(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 0, max: 3 })).map(([u, d]) => decimalText(Math.min(u, 100 * 10 ** d), d)),
        fc.constantFrom(0, 2, 3),
        fc.constantFrom('half-even', 'half-up') as fc.Arbitrary<'half-even' | 'half-up'>,
        (value, pct, places, mode) => {
          const rounding = mode === 'half-even' ? Decimal.ROUND_HALF_EVEN : Decimal.ROUND_HALF_UP;
          const expected = D(value).times(D("100").minus(pct)).div(100).toDecimalPlaces(places, rounding);
          const actual = times(fixed(value), offFactor(pct), stepOf(places), mode);
          assert.equal(format(actual, places), expected.toFixed(places));
          assert.equal(format(fixed(value), 0), D(value).toFixed());
          assert.equal(divide(fixed(value), stepOf(places), mode).toString(), D(value).toDecimalPlaces(places, rounding).times(D("10").pow(places)).toFixed(0));
        },
      ),
      { numRuns: RUNS * 5 },
    );
  });

  it('prices never fall as the quantity rises, where the tiers say so', () => {
    const rates = fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 4 });
    const starts = fc.uniqueArray(fc.integer({ min: 2, max: 60 }), { maxLength: 3 }).map((c) => [1, ...c.sort((a, b) => a - b)]);
    fc.assert(
      fc.property(starts, rates, fc.constantFrom('slab', 'range', 'block'), fc.integer({ min: 1, max: 80 }), (from, cents, mode, q) => {
        const n = Math.min(from.length, cents.length);
        const rate = cents.slice(0, n);
        for (let k = 1; k < n; k++) {
          // Range tiers are monotone when a tier's first quantity costs no less than the tier before's last;
          // block tiers when no block costs less than the one before. Slab tiers always are.
          if (mode === 'range') rate[k] = Math.max(rate[k]!, Math.ceil((rate[k - 1]! * (from[k]! - 1)) / from[k]!));
          if (mode === 'block') rate[k] = Math.max(rate[k]!, rate[k - 1]!);
        }
        const pricing = { books: [{ id: 'list', prices: { p: { included: true }, 'p/q': { tiers: tiersOf(from.slice(0, n), rate.map((c) => decimalText(c, 2))), tierMode: mode } } }] };
        const pricer = new Pricer(loadCatalog(tinyCatalog(pricing)));
        const at = (quantity: number) => pricer.totals({ product: 'p', selections: { q: quantity } }, { date: DAY }).net;
        assert.ok(at(q + 1) >= at(q), `${mode} ${JSON.stringify(pricing.books[0]!.prices['p/q'])}: ${q + 1} units cost less than ${q}`);
      }),
      { numRuns: RUNS },
    );
    // A price per started block never falls either.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 200 }), (size, cents, q) => {
        const pricing = { books: [{ id: 'list', prices: { p: { included: true }, 'p/q': { block: { size, amount: decimalText(cents, 2) } } } }] };
        const pricer = new Pricer(loadCatalog(tinyCatalog(pricing)));
        const at = (quantity: number) => pricer.totals({ product: 'p', selections: { q: quantity } }, { date: DAY }).net;
        assert.ok(at(q + 1) >= at(q));
        assert.equal(at(q), fixed(decimalText(cents, 2)) * BigInt(Math.ceil(q / size)), 'the blocks started times the block price');
      }),
      { numRuns: RUNS },
    );
  });

  it('savings against list are never negative, whatever the tiers or blocks: volume pricing only ever lowers a price', () => {
    const rates = fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 4 });
    const starts = fc.uniqueArray(fc.integer({ min: 2, max: 60 }), { maxLength: 3 }).map((c) => [1, ...c.sort((a, b) => a - b)]);
    const below = fc.option(fc.integer({ min: -5000, max: 0 }).map((u) => decimalText(u, 2)), { nil: undefined });
    fc.assert(
      fc.property(
        starts,
        rates,
        fc.constantFrom('slab', 'range', 'block', 'per-block'),
        fc.integer({ min: 1, max: 80 }),
        fc.constantFrom('unit', 'line', 'document'),
        below,
        (from, cents, mode, q, level, adjust) => {
          const n = Math.min(from.length, cents.length);
          const charge = mode === 'per-block'
            ? { block: { size: from[n - 1]!, amount: decimalText(cents[0]!, 2) } }
            : { tiers: tiersOf(from.slice(0, n), cents.slice(0, n).map((c) => decimalText(c, 2))), tierMode: mode };
          const pricing = {
            rounding: { level },
            books: [
              { id: 'list', prices: { p: { included: true }, 'p/q': charge, 'p/r': { tiers: tiersOf([1, 5], ['1.00', '3.00']), tierMode: 'slab' } } },
              // A book below list (a negative adjustment, or none) changes nothing about that.
              { id: 'lower', basedOn: { book: 'list', ...(adjust === undefined ? {} : { percent: adjust }) } },
            ],
          };
          const catalog = loadCatalog(tinyCatalog(pricing));
          for (const book of ['list', 'lower']) {
            const b = price(catalog, { product: 'p', selections: { q, r: q } }, { date: DAY, book });
            const u = (m: { amount: string }) => fixed(m.amount);
            for (const line of b.lines) {
              assert.ok(u(line.gross) <= u(line.list), `${book} ${line.item}: the price before discounts ${line.gross.amount} is above list ${line.list.amount}`);
              for (const step of line.steps) if (step.stage === 'tier') assert.ok(u(step.amount) <= 0n, `a volume step of ${step.amount.amount}`);
            }
            assert.ok(!b.totals.savings.amount.amount.startsWith('-'), `savings ${b.totals.savings.amount.amount}`);
            assert.ok(!b.totals.savings.percent.startsWith('-'));
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
