// The codes and params of pricing problems (docs/pricing.md): each code from a real failing
// request, on the AV demo catalog where it can fail that way, else on a tiny catalog.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createQuote, loadCatalog, price, priceAmendment, priceDelta, priceRamp, Pricer, PricingError, type Catalog, type PriceContext } from '../src/index.js';
import { PRICING_PROBLEM_CODES } from '../src/price/problems.js';
import { DAY, tinyCatalog } from './price-fixtures.js';

const av = loadCatalog(readFileSync(new URL('../../../examples/catalogs/av-rooms.json', import.meta.url), 'utf8'));
const room = { product: 'meeting-room', selections: { display: 'd86' } };
const tinyPricing = {
  books: [
    {
      id: 'list',
      currency: 'EUR',
      audience: ['smb'],
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      prices: { p: { included: true }, 'p/q': { tiers: [{ from: 1, to: 10, amount: '1.00' }], tierMode: 'range' }, 'p/s:x': { amount: '5.00' }, 'p/b': { amount: '5.00' } },
    },
    { id: 'cheap', currency: 'EUR', basedOn: { book: 'list', amount: '-6.00' } },
  ],
};
const tiny = loadCatalog(tinyCatalog(tinyPricing));

interface Seen {
  path: string;
  code: string | undefined;
  params: Readonly<Record<string, string | number>> | undefined;
}

/** The problems of a request that fails, without their English messages. */
function problemsOf(fn: () => unknown): Seen[] {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof PricingError, `expected a PricingError, got ${String(error)}`);
    return error.problems.map(({ path, code, params }) => ({ path, code, params }));
  }
  assert.fail('the request was priced');
}

const seen = new Set<string>();
/** Asserts the one problem of a failing request. */
function expectProblem(fn: () => unknown, expected: Seen): void {
  const problems = problemsOf(fn);
  assert.deepEqual(problems, [expected]);
  if (expected.code) seen.add(expected.code);
}
const priceAv = (context: Partial<PriceContext>, configuration = room) => () => price(av, configuration, { date: DAY, ...context });
const priceTinyWith = (selections: Record<string, unknown>, context: Partial<PriceContext> = {}, catalog: Catalog = tiny) => () =>
  price(catalog, { product: 'p', selections: selections as never }, { date: DAY, ...context });

describe('pricing problems: codes and params', () => {
  it('no price book for the date: the AV books start on 2026-11-01', () => {
    expectProblem(priceAv({ date: '2026-10-01' }), { path: 'context.date', code: 'date-no-book', params: { date: '2026-10-01', currency: 'EUR' } });
    expectProblem(priceAv({ date: '2026-10-01', segment: 'enterprise' }), {
      path: 'context.date',
      code: 'date-no-book',
      params: { date: '2026-10-01', currency: 'EUR', segment: 'enterprise' },
    });
    expectProblem(priceAv({ date: '2026-10-01', book: 'list-eur' }), {
      path: 'context.date',
      code: 'book-not-valid',
      params: { book: 'list-eur', date: '2026-10-01', validFrom: '2026-11-01' },
    });
    expectProblem(priceTinyWith({}, { book: 'list', date: '2027-02-01' }), {
      path: 'context.date',
      code: 'book-not-valid',
      params: { book: 'list', date: '2027-02-01', validFrom: '2026-01-01', validTo: '2026-12-31' },
    });
    expectProblem(priceAv({ date: '2026-02-30' }), { path: 'context.date', code: 'date-invalid', params: { date: '2026-02-30' } });
  });

  it('currencies: not ISO 4217, no book in it, a book in another', () => {
    expectProblem(priceAv({ currency: 'EUX' }), { path: 'context.currency', code: 'currency-unknown', params: { currency: 'EUX', suggestion: 'EUR' } });
    expectProblem(priceAv({ currency: 'CHF' }), { path: 'context.currency', code: 'currency-no-book', params: { currency: 'CHF', currencies: 'EUR,USD' } });
    expectProblem(priceAv({ book: 'list-eur', currency: 'USD' }), { path: 'context.currency', code: 'book-currency', params: { book: 'list-eur', bookCurrency: 'EUR', currency: 'USD' } });
    // The partner's books are all in EUR.
    expectProblem(priceAv({ segment: 'partner:northwind', currency: 'USD' }), {
      path: 'context.segment',
      code: 'segment-no-book-in-currency',
      params: { segment: 'partner:northwind', currency: 'USD' },
    });
  });

  it('unknown books, segments, partners and tax regions, with the likely meant one', () => {
    expectProblem(priceAv({ book: 'list-eru' }), { path: 'context.book', code: 'book-unknown', params: { book: 'list-eru', suggestion: 'list-eur' } });
    expectProblem(priceAv({ book: 'list-gbp' }), { path: 'context.book', code: 'book-unknown', params: { book: 'list-gbp' } });
    expectProblem(priceAv({ segment: 'retail' }), { path: 'context.segment', code: 'segment-unknown', params: { segment: 'retail' } });
    expectProblem(priceAv({ partner: 'southwind' }), { path: 'context.partner', code: 'partner-unknown', params: { partner: 'southwind', suggestion: 'northwind' } });
    expectProblem(priceAv({ taxRegion: 'fr' }), { path: 'context.taxRegion', code: 'tax-region-unknown', params: { taxRegion: 'fr', suggestion: 'de' } });
    expectProblem(priceAv({ book: 'list-eur', segment: 'smb' }), { path: 'context.segment', code: 'book-and-segment', params: { book: 'list-eur', segment: 'smb' } });
  });

  it('missing and negative prices, and quantities past the last tier, name the item', () => {
    assert.deepEqual(problemsOf(priceTinyWith({ s: 'y', m: ['e2'] })), [
      { path: 'configuration.selections.s', code: 'price-missing', params: { item: 'p/s:y', book: 'list', product: 'p', attribute: 's', option: 'y' } },
      { path: 'configuration.selections.m[0]', code: 'price-missing', params: { item: 'p/m:e2', book: 'list', product: 'p', attribute: 'm', option: 'e2' } },
    ]);
    seen.add('price-missing');
    expectProblem(priceTinyWith({}, {}, loadCatalog(tinyCatalog({ books: [{ id: 'list', prices: {} }] }))), {
      path: 'configuration.product',
      code: 'price-missing',
      params: { item: 'p', book: 'list', product: 'p' },
    });
    expectProblem(priceTinyWith({ s: 'x' }, { book: 'cheap' }), {
      path: 'configuration.selections.s',
      code: 'price-negative',
      params: { item: 'p/s:x', book: 'cheap', product: 'p', attribute: 's', option: 'x', rule: 'pricing.books[1].basedOn' },
    });
    expectProblem(priceTinyWith({ q: 11 }), {
      path: 'configuration.selections.q',
      code: 'tier-missing',
      params: { item: 'p/q', book: 'list', product: 'p', attribute: 'q', quantity: 11, to: 10 },
    });
  });

  it('discounts: over 100%, over the line or the total, fractions of a cent, lines not there', () => {
    expectProblem(priceTinyWith({ q: 1 }, { lineDiscounts: { 'p/q': { percent: '120' } } }), {
      path: 'context.lineDiscounts["p/q"].percent',
      code: 'discount-over-100',
      params: { percent: '120' },
    });
    expectProblem(priceTinyWith({ q: 2 }, { lineDiscounts: { 'p/q': { amount: '2.01' } } }), {
      path: 'context.lineDiscounts["p/q"].amount',
      code: 'discount-over-line',
      params: { item: 'p/q', amount: '2.01', line: '2.00', currency: 'EUR' },
    });
    expectProblem(priceTinyWith({ q: 2 }, { orderDiscount: { amount: '2.01' } }), {
      path: 'context.orderDiscount.amount',
      code: 'order-discount-over-total',
      params: { charge: 'one-time', amount: '2.01', total: '2.00', currency: 'EUR' },
    });
    expectProblem(priceTinyWith({ q: 2 }, { orderDiscount: { amount: '1.00', appliesTo: 'month' } }), {
      path: 'context.orderDiscount.amount',
      code: 'order-discount-no-lines',
      params: { charge: 'month' },
    });
    expectProblem(priceTinyWith({ q: 2 }, { lineDiscounts: { 'p/q': { amount: '0.005' } } }), {
      path: 'context.lineDiscounts["p/q"].amount',
      code: 'discount-decimals',
      params: { amount: '0.005', currency: 'EUR', places: 2 },
    });
    expectProblem(priceTinyWith({ q: 2 }, { lineDiscounts: { 'p/q': { amount: '1.00', currency: 'USD' } } }), {
      path: 'context.lineDiscounts["p/q"].currency',
      code: 'discount-currency',
      params: { currency: 'USD', book: 'list', bookCurrency: 'EUR' },
    });
    expectProblem(priceTinyWith({ q: 2 }, { lineDiscounts: { 'p/q': { percent: '5', amount: '1.00' } } }), {
      path: 'context.lineDiscounts["p/q"]',
      code: 'discount-percent-or-amount',
      params: {},
    });
    expectProblem(priceTinyWith({ q: 2 }, { lineDiscounts: { 'p/b': { percent: '5' } } }), {
      path: 'context.lineDiscounts["p/b"]',
      code: 'discount-no-line',
      params: { item: 'p/b', suggestion: 'p/q' },
    });
  });

  it('a catalog without prices, and changes that choose nothing', () => {
    const bare = tinyCatalog(undefined);
    delete bare.pricing;
    expectProblem(priceTinyWith({}, {}, loadCatalog(bare)), { path: 'pricing', code: 'no-pricing', params: { catalog: 'tiny' } });
    const configuration = { product: 'p', selections: { q: 1 } };
    expectProblem(() => priceDelta(tiny, configuration, 'q', { date: DAY }), {
      path: 'change',
      code: 'change-chooses-nothing',
      params: { change: 'q', attribute: 'q', kind: 'quantity' },
    });
    expectProblem(() => priceDelta(tiny, configuration, 'zz:1', { date: DAY }), { path: 'change', code: 'change-unknown-attribute', params: { attribute: 'zz', product: 'p' } });
  });

  it('ramps and amendments: a term the segments contradict, one-time charges after the start, a day outside the term', async () => {
    const monthly = loadCatalog(tinyCatalog({ books: [{ id: 'list', currency: 'EUR', prices: { p: { included: true }, 'p/q': { amount: '1.00', recurring: 'month', term: 12 }, 'p/b': { amount: '5.00' } } }] }));
    const start = { product: 'p', selections: { q: 2 } };
    expectProblem(() => priceRamp(monthly, start, { segments: [{ months: 12 }] }, { date: DAY, termMonths: 24 }), { path: 'context.termMonths', code: 'ramp-term', params: { termMonths: 24, months: 12 } });
    expectProblem(() => priceRamp(monthly, start, { segments: [{ months: 12 }] }, { date: DAY, charges: 'recurring' }), { path: 'context.charges', code: 'ramp-charges', params: {} });
    expectProblem(() => priceRamp(monthly, start, { segments: [{ months: 6 }, { months: 6, selections: { b: true } }] }, { date: DAY }), {
      path: 'ramp.segments[1].selections.b',
      code: 'ramp-one-time',
      params: { item: 'p/b', segment: 2 },
    });
    const item = (q: number) => [{ id: 'a', configuration: { product: 'p', selections: { q, r: 0, b: false, m: [] } } }];
    const quote = await createQuote({ catalog: monthly, items: item(2), context: { date: DAY }, validUntil: '2026-12-20', now: `${DAY}T09:00:00Z` });
    expectProblem(() => priceAmendment(monthly, quote, { date: '2026-11-19', items: item(3) }), {
      path: 'date',
      code: 'amendment-date',
      params: { date: '2026-11-19', start: DAY, end: '2027-11-20' },
    });
  });

  it('the request’s shape and the configuration’s own problems carry no code: their message says it', () => {
    expectProblem(priceAv({ dte: DAY } as never), { path: 'context.dte', code: undefined, params: undefined });
    expectProblem(priceAv({}, { product: 'meeting-room', selections: { display: 'd99' } }), { path: 'configuration.selections.display', code: undefined, params: undefined });
  });

  it('the typed Pricer (what elements use) skips only the shape check: every value an attribute can carry is still refused by path', () => {
    const pricer = Pricer.for(av);
    const typed = (context: Partial<PriceContext>) => () => pricer.price(room, { date: DAY, ...context });
    // The same problems as through price(), whose shape check these values pass.
    for (const context of [{ date: '2026-02-30' }, { currency: 'EURO' }, { book: 'enterprize' }, { segment: 'midmarket' }, { partner: 'southwind' }]) {
      assert.deepEqual(problemsOf(typed(context)), problemsOf(priceAv(context)), JSON.stringify(context));
    }
    // A value of the wrong form, which price() refuses for its shape, is refused for its meaning.
    assert.deepEqual(problemsOf(typed({ date: 'tomorrow' })), [{ path: 'context.date', code: 'date-invalid', params: { date: 'tomorrow' } }]);
    assert.equal(problemsOf(priceAv({ date: 'tomorrow' }))[0]?.path, 'context.date');
    assert.equal(problemsOf(typed({ segment: 'no such segment' }))[0]?.path, 'context.segment');
    assert.deepEqual(pricer.delta(room, 'display:d98', { date: DAY }), priceDelta(av, room, 'display:d98', { date: DAY }));
  });

  it('every code comes from a case above and is documented in docs/pricing.md', () => {
    assert.deepEqual([...seen].sort(), [...PRICING_PROBLEM_CODES].sort());
    const docs = readFileSync(new URL('../../../docs/pricing.md', import.meta.url), 'utf8');
    const table = docs.slice(docs.indexOf('<!-- pricing problem codes -->'), docs.indexOf('\n\n', docs.indexOf('<!-- pricing problem codes -->') + 40));
    const documented = [...table.matchAll(/^\| `([a-z0-9-]+)`/gm)].map((m) => m[1]);
    assert.deepEqual(documented, [...PRICING_PROBLEM_CODES], 'the table lists every code once, in order');
  });
});
