// Subscriptions over time: ramp deals, amendments (mid-term changes, prorated to the end of
// the term) and renewals. Figures are worked out by hand in the comments.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compare,
  createQuote,
  loadCatalog,
  price,
  priceAmendment,
  priceRamp,
  PricingError,
  QuoteError,
  renewal,
  reviseQuote,
  signQuote,
  verifyQuote,
  type Catalog,
  type Configuration,
  type Quote,
} from '../src/index.js';
import { addMonths, daysBetween, monthsElapsed } from '../src/subscription/dates.js';
import { collab, collabConfig, hmacKey } from './quote-fixtures.js';
import { assertPricingProblems, tinyCatalog } from './price-fixtures.js';

/** 120 seats of Business, billed annually, with priority support. */
const business: Configuration = {
  product: 'business',
  selections: { seats: 120, 'storage-packs': 2, 'advanced-security': true, 'e-signature': false, webinar: true, billing: 'annual', support: 'priority' },
};
const amounts = (xs: readonly { amount: string }[]) => xs.map((x) => x.amount);

describe('ramp deals', () => {
  // "120 seats in year 1, 200 from year 2, +5 % a year" (list-eur: seats 12.50, advanced security 4.00
  // per seat, storage 8.00 per pack, webinar 49.00, priority support 149.00, all per month).
  const ramp = priceRamp(collab, business, { segments: [{ months: 12, name: 'Year 1' }, { months: 12, selections: { seats: 200 } }, { months: 12 }], upliftPercent: '5' }, { date: '2027-01-01' });

  it('prices each segment with its own quantities and compounded uplift', () => {
    assert.deepEqual(ramp.segments.map((s) => [s.start, s.end, s.months]), [
      ['2027-01-01', '2027-12-31', 12],
      ['2028-01-01', '2028-12-31', 12],
      ['2029-01-01', '2029-12-31', 12],
    ]);
    assert.deepEqual(ramp.segments.map((s) => s.uplift?.percent), [undefined, '5', '10.25']);
    // Year 1: 1,500.00 + 16.00 + 480.00 + 49.00 + 149.00 = 2,194.00 a month, 26,328.00 a year.
    // Year 2 (200 seats, +5 %): 2,625.00 + 16.80 + 840.00 + 51.45 + 156.45 = 3,689.70 a month.
    // Year 3 (+10.25 %): 2,756.25 + 17.64 + 882.00 + 54.02 + 164.27 = 3,874.18 a month.
    assert.deepEqual(ramp.segments.map((s) => s.price.totals.recurring.month?.net.amount), ['2194.00', '3689.70', '3874.18']);
    assert.deepEqual(ramp.segments.map((s) => s.price.totals.term.net.amount), ['26328.00', '44276.40', '46490.16']);
    assert.equal(ramp.totals.term.net.amount, '117094.56');
    assert.deepEqual(ramp.totals.recurring, ramp.segments[0]!.price.totals.recurring, 'per period: what is paid at the start');
    assert.equal(ramp.months, 36);
    assert.equal(ramp.end, '2029-12-31');
    assert.equal(ramp.segments[0]!.name, 'Year 1');
  });

  it('shows the uplift as its own step of the waterfall, before discounts', () => {
    const seats = ramp.segments[2]!.price.lines.find((l) => l.item === 'business/seats')!;
    const step = seats.steps.find((s) => s.stage === 'uplift')!;
    assert.equal(step.code, 'uplift');
    assert.equal(step.reason, 'Uplift +10.25% (5, 5, compounded)');
    assert.deepEqual([step.amount.amount, step.after.amount], ['256.25', '2756.25']);
    assert.equal(seats.gross.amount, '2756.25', 'discounts apply to the uplifted price');
    assert.equal(ramp.segments[2]!.price.totals.savings.amount.amount, '0.00', 'an uplift is not a negative saving');
  });

  it('charges one-time charges once, in the first segment, and refuses a later segment that adds one', () => {
    const catalog = loadCatalog(tinyCatalog({ books: [{ id: 'list', currency: 'EUR', prices: { p: { amount: '100.00' }, 'p/q': { amount: '10.00', recurring: 'month' }, 'p/b': { amount: '50.00' } } }] }));
    const r = priceRamp(catalog, { product: 'p', selections: { q: 2 } }, { segments: [{ months: 6 }, { months: 6, selections: { q: 4 } }] }, { date: '2027-01-01' });
    assert.deepEqual(r.segments.map((s) => s.price.lines.map((l) => l.item)), [['p', 'p/q'], ['p/q']]);
    // 100.00 once; 6 × 20.00 + 6 × 40.00 = 360.00.
    assert.deepEqual([r.totals.oneTime.net.amount, r.totals.term.net.amount, r.totals.net.amount], ['100.00', '360.00', '460.00']);
    assertPricingProblems(
      () => priceRamp(catalog, { product: 'p', selections: { q: 2 } }, { segments: [{ months: 6 }, { months: 6, selections: { b: true } }] }, { date: '2027-01-01' }),
      ['ramp.segments[1].selections.b: segment 2 adds the one-time charge "p/b": one-time charges are paid at the start; choose it in the first segment, or quote it as an amendment'],
    );
  });

  it('says what is wrong, with paths', () => {
    assertPricingProblems(() => priceRamp(collab, business, { segments: [{ months: 12 }] }, { date: '2027-01-01', termMonths: 36 }), [
      "context.termMonths: the ramp's segments make 12 months, not 36: leave termMonths out",
    ]);
    assertPricingProblems(() => priceRamp(collab, business, { segments: [{ months: 12 }, { months: 12, selections: { seats: 'many' } }] }, { date: '2027-01-01' }), [
      'ramp.segments[1].configuration.selections.seats: "seats" is a quantity: give a whole number',
    ]);
    assert.throws(() => priceRamp(collab, business, { segments: [] }, { date: '2027-01-01' }), (e: unknown) => e instanceof PricingError && /ramp\.segments: give at least one segment/.test(e.message));
  });

  it('is the plain price when it has one segment', () => {
    const one = priceRamp(collab, business, { segments: [{ months: 24 }] }, { date: '2027-01-01', segment: 'enterprise' });
    assert.deepEqual(one.totals, price(collab, business, { date: '2027-01-01', segment: 'enterprise', termMonths: 24 }).totals);
  });
});

describe('term dates', () => {
  it('counts months and days as a calendar does', () => {
    assert.equal(addMonths('2027-01-31', 1), '2027-02-28');
    assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
    assert.equal(addMonths('2027-11-15', 3), '2028-02-15');
    assert.equal(daysBetween('2027-01-01', '2028-01-01'), 365);
    assert.equal(monthsElapsed('2027-01-31', '2027-02-27'), 0);
    assert.equal(monthsElapsed('2027-01-31', '2027-02-28'), 1);
    assert.equal(monthsElapsed('2027-01-01', '2027-07-15'), 6);
  });
});

/** One product: 10.00 per unit a month on a 12-month term, a 100.00 one-time setup; 19 % tax. */
function subscriptionCatalog(book: Record<string, unknown> = {}): Catalog {
  return loadCatalog(
    tinyCatalog({
      books: [{ id: 'list', currency: 'EUR', taxRegion: 'de', ...book, prices: { p: { amount: '100.00' }, 'p/q': { amount: '10.00', recurring: 'month', term: 12 }, 'p/r': { amount: '120.00', recurring: 'year' }, 'p/b': { amount: '50.00' } } }],
      tax: { regions: [{ id: 'de', rates: [{ category: 'standard', percent: '19' }] }] },
    }),
  );
}

async function accepted(catalog: Catalog, selections: Record<string, unknown>, context: Record<string, unknown> = {}): Promise<Quote> {
  return createQuote({ catalog, items: withSelections(selections), context: { date: '2027-01-01', ...context }, validUntil: '2027-01-31', now: '2027-01-01T09:00:00Z' });
}

/** The quote's one item with these selections (a quote's configurations are complete: the rest off). */
const withSelections = (selections: Record<string, unknown>) => [{ id: 'sub', configuration: { product: 'p', selections: { q: 0, r: 0, b: false, m: [], ...selections } as never } }];

describe('amendments', () => {
  it('prices a change to the end of the term, by day or by month', async () => {
    const catalog = subscriptionCatalog();
    const quote = await accepted(catalog, { q: 10 });
    // 5 more units: +50.00 a month, +600.00 over the 12-month term.
    const byDay = priceAmendment(catalog, quote, { date: '2027-07-01', items: withSelections({ q: 15 }) });
    assert.equal(byDay.proration, 'day');
    const line = byDay.lines.find((l) => l.item === 'p/q')!;
    assert.equal(line.change, 'changed');
    // 184 of 365 days left: 600.00 × 184 / 365 = 302.4657… → 302.47.
    assert.deepEqual([line.term?.remaining, line.term?.of, line.term?.end, line.term?.fullTerm.amount, line.amount.amount], [184, 365, '2028-01-01', '600.00', '302.47']);
    assert.deepEqual([byDay.totals.net.amount, byDay.totals.tax[0]?.amount.amount, byDay.totals.includingTax.amount], ['302.47', '57.47', '359.94']);
    assert.deepEqual([byDay.recurring.before.month?.amount, byDay.recurring.after.month?.amount], ['100.00', '150.00']);

    // By month, declared by the book: 6 of 12 months left (July counted whole): 300.00.
    const monthly = subscriptionCatalog({ proration: 'month' });
    const byMonth = priceAmendment(monthly, await accepted(monthly, { q: 10 }), { date: '2027-07-15', items: withSelections({ q: 15 }) });
    assert.deepEqual([byMonth.proration, byMonth.lines[0]?.term?.remaining, byMonth.totals.net.amount], ['month', 6, '300.00']);
  });

  it('credits removals, and charges added one-time items in full', async () => {
    const catalog = subscriptionCatalog();
    const quote = await accepted(catalog, { q: 10, r: 1 });
    // r (120.00 a year) removed on 2027-10-01: 92 of 365 days left, −120.00 × 92 / 365 = −30.2465… → −30.25;
    // the service b (50.00 one-time) added: 50.00.
    const change = priceAmendment(catalog, quote, { date: '2027-10-01', items: withSelections({ q: 10, b: true }) });
    assert.deepEqual(change.lines.map((l) => [l.item, l.change, l.amount.amount]), [['p/r', 'removed', '-30.25'], ['p/b', 'added', '50.00']]);
    assert.equal(change.totals.net.amount, '19.75');
  });

  it('refuses a day outside the term and says so', async () => {
    const catalog = subscriptionCatalog();
    const quote = await accepted(catalog, { q: 10 });
    assertPricingProblems(() => priceAmendment(catalog, quote, { date: '2028-01-01', items: withSelections({ q: 11 }) }), [
      'date: 2028-01-01 is not inside the term (2027-01-01 to the day before 2028-01-01)',
    ]);
    assert.throws(() => priceAmendment(catalog, quote, { date: '2027-02-30', items: withSelections({ q: 11 }) }), (e: unknown) => e instanceof QuoteError && /date: "2027-02-30" is not a day/.test(e.message));
  });

  it('takes tax out of the amount for a book whose prices include it', async () => {
    const catalog = subscriptionCatalog({ taxIncluded: true });
    const quote = await accepted(catalog, { q: 10 });
    // +600.00 over the term from the first day: all of it; 19 % included: 600.00 × 19 / 119 = 95.80.
    const change = priceAmendment(catalog, quote, { date: '2027-01-01', items: withSelections({ q: 15 }) });
    assert.deepEqual([change.totals.net.amount, change.totals.tax[0]?.amount.amount, change.totals.excludingTax.amount, change.totals.includingTax.amount], ['600.00', '95.80', '504.20', '600.00']);
  });
});

describe('renewals', () => {
  it('renews the recurring charges with the book’s uplift, from the end of the term', async () => {
    const catalog = subscriptionCatalog({ renewalUpliftPercent: '5' });
    const quote = await accepted(catalog, { q: 10, b: true });
    const next = await createQuote({ ...renewal(catalog, quote, { validUntil: '2027-12-31', now: '2027-12-01T09:00:00Z' }) });
    assert.equal(next.context.termStart, '2028-01-01');
    const lines = next.items[0]!.price.lines;
    assert.deepEqual(lines.map((l) => l.item), ['p/q'], 'one-time charges are not renewed');
    // 10 × 10.00 × 1.05 = 105.00 a month.
    assert.deepEqual([lines[0]!.net.amount, lines[0]!.steps.map((s) => s.code)], ['105.00', ['list', 'uplift', 'net']]);
    // A second renewal compounds: +10.25 %.
    const third = await createQuote(renewal(catalog, next, { validUntil: '2028-12-31', now: '2028-12-01T09:00:00Z' }));
    assert.deepEqual([third.context.termStart, third.items[0]!.price.lines[0]!.net.amount], ['2029-01-01', '110.25']);
  });

  it('renews the items as amended', async () => {
    const catalog = subscriptionCatalog();
    const quote = await accepted(catalog, { q: 10 });
    const change = priceAmendment(catalog, quote, { date: '2027-07-01', items: withSelections({ q: 15 }) });
    const next = await createQuote(renewal(catalog, quote, { items: change.items.map(({ price: _, ...item }) => item), validUntil: '2027-12-31', now: '2027-12-01T09:00:00Z' }));
    assert.equal(next.items[0]!.price.lines[0]!.net.amount, '150.00');
    assert.equal(next.items[0]!.price.uplift, undefined, 'no uplift declared, none applied');
  });
});

describe('subscriptions in quote documents', () => {
  const ramp = { segments: [{ months: 12 }, { months: 12, selections: { seats: 60 } }, { months: 12 }], upliftPercent: '3' };
  const made = () =>
    createQuote({ catalog: collab, items: [{ id: 'suite', configuration: collabConfig, ramp }], context: { date: '2026-11-20' }, validUntil: '2026-12-20', now: '2026-11-20T10:00:00Z' });

  it('quotes a ramp: every segment priced, the totals over the whole term, verified again', async () => {
    const quote = await made();
    const priced = priceRamp(collab, collabConfig, ramp, { date: '2026-11-20', quantity: 1 });
    const item = quote.items[0]!;
    assert.deepEqual(item.segments?.map((s) => [s.months, s.selections['seats'], s.uplift?.percent]), [[12, 40, undefined], [12, 60, '3'], [12, 60, '6.09']]);
    assert.deepEqual(item.price, priced.segments[0]!.price, 'the item’s price is its first segment');
    assert.deepEqual(quote.totals, priced.totals, 'the quote adds up every segment');
    assert.deepEqual(item.rampTotals, priced.totals, 'the item says its own totals over the whole term');
    const signed = await signQuote(quote, hmacKey);
    const now = '2026-11-21T09:00:00Z';
    assert.equal((await verifyQuote(signed, { catalog: collab, key: hmacKey, now })).valid, true);
    // A later segment's price lowered, re-signed by someone with the key: still caught, with its path.
    const forged = structuredClone(quote);
    const seats = forged.items[0]!.segments![2]!.price.lines.find((l) => l.item === 'business/seats')!;
    seats.net = { ...seats.net, amount: '1.00' };
    const result = await verifyQuote(await signQuote(forged, hmacKey), { catalog: collab, key: hmacKey, now });
    assert.equal(result.valid, false);
    assert.ok(result.reasons.some((r) => r.path.startsWith('items[0].segments[2].price.lines') && r.code === 'amount'), JSON.stringify(result.reasons.slice(0, 2)));
  });

  it('refuses an order discount amount a ramp could not split, and a ramp with an impossible term', async () => {
    await assert.rejects(
      createQuote({ catalog: collab, items: [{ configuration: collabConfig, ramp }], context: { date: '2026-11-20', orderDiscount: { amount: '100.00' } }, validUntil: '2026-12-20', now: '2026-11-20T10:00:00Z' }),
      /context\.orderDiscount\.amount: an order discount amount cannot be split over a ramp's segments/,
    );
    await assert.rejects(
      createQuote({ catalog: collab, items: [{ configuration: collabConfig, ramp: { segments: [{ months: 12, selections: { seats: -1 } }] } }], context: { date: '2026-11-20' }, validUntil: '2026-12-20', now: '2026-11-20T10:00:00Z' }),
      /items\[0\]\.ramp\.segments\[0\]\.selections\.seats: must be at least 0/,
    );
  });

  it('renews a ramp from its last segment, and refuses to amend one', async () => {
    const quote = await made();
    const next = await createQuote(renewal(collab, quote, { validUntil: '2029-11-30', now: '2029-11-01T09:00:00Z' }));
    assert.equal(next.context.termStart, '2029-11-20', 'the ramp’s 36 months after its start');
    assert.equal(next.items[0]!.configuration.selections['seats'], 60);
    assert.deepEqual(next.items[0]!.price.uplift?.percents, ['3', '3'], 'the uplift the ramp reached, no renewal uplift declared');
    assert.throws(() => priceAmendment(collab, quote, { date: '2027-01-01', items: [{ id: 'suite', configuration: collabConfig }] }), /quote\.items\[0\]\.ramp: a ramp deal cannot be amended yet/);
  });

  it('revises an accepted quote with the price impact of the change, verified from the document alone', async () => {
    const catalog = subscriptionCatalog();
    const quote = await accepted(catalog, { q: 10 });
    const v2 = await reviseQuote(quote, { items: [{ item: 'sub', select: { q: 15 } }], amend: { date: '2027-07-01' } }, { catalog, now: '2027-01-10T09:00:00Z' });
    assert.equal(v2.version, 2);
    assert.deepEqual([v2.amendment?.date, v2.amendment?.lines[0]?.amount.amount, v2.amendment?.totals.includingTax.amount], ['2027-07-01', '302.47', '359.94']);
    assert.equal(v2.amendment?.before[0]?.configuration.selections['q'], 10);
    const now = '2027-01-11T09:00:00Z';
    assert.deepEqual((await verifyQuote(await signQuote(v2, hmacKey), { catalog, key: hmacKey, now })).reasons, []);
    const forged = structuredClone(v2);
    forged.amendment!.totals.includingTax.amount = '0.00';
    const result = await verifyQuote(await signQuote(forged, hmacKey), { catalog, key: hmacKey, now });
    assert.deepEqual(result.reasons.map((r) => [r.code, r.path, r.expected]), [['amount', 'amendment.totals.includingTax', '359.94 EUR']]);
  });
});

describe('ramp segments and discounts', () => {
  it('keeps discounts on one-time lines to the first segment, where those lines are', () => {
    const catalog = loadCatalog(tinyCatalog({ books: [{ id: 'list', currency: 'EUR', prices: { p: { amount: '100.00' }, 'p/q': { amount: '10.00', recurring: 'month' } } }] }));
    const r = priceRamp(catalog, { product: 'p', selections: { q: 2 } }, { segments: [{ months: 6 }, { months: 6 }] }, {
      date: '2027-01-01',
      lineDiscounts: { p: { percent: '10' }, 'p/q': { percent: '50' } },
      orderDiscount: { amount: '5.00' },
    });
    // First: 100.00 − 10 % − 5.00 = 85.00 once; 20.00 − 50 % = 10.00 a month in both segments.
    assert.deepEqual([r.segments[0]!.price.totals.oneTime.net.amount, r.totals.term.net.amount], ['85.00', '120.00']);
  });
});

describe('the comparison’s total cost over time', () => {
  it('counts each year of the term at its uplifted price, as a ramp of yearly segments', () => {
    const items = [{ id: 'business', product: 'business', selections: { seats: 40, billing: 'annual' } }, { id: 'enterprise', product: 'enterprise', selections: { seats: 60 } }];
    const plain = compare(items, { catalog: collab, context: { date: '2026-11-20' }, termMonths: 30 });
    const rising = compare(items, { catalog: collab, context: { date: '2026-11-20' }, termMonths: 30, upliftPercent: '5' });
    for (const [i, item] of rising.items.entries()) {
      const tco = item.price!.tco;
      assert.deepEqual(tco.years?.map((y) => [y.months, y.uplift]), [[12, undefined], [12, '5'], [6, '10.25']]);
      const ramp = priceRamp(collab, item.configuration, { segments: [{ months: 12 }, { months: 12 }, { months: 6 }], upliftPercent: '5' }, { date: '2026-11-20' });
      assert.deepEqual([tco.recurring, tco.total], [ramp.totals.term.net, ramp.totals.grandTotal]);
      assert.equal(tco.years!.reduce((n, y) => n + Number(y.recurring.amount) * 100, 0), Number(tco.recurring.amount) * 100);
      // The first year is today's price: the same as without an uplift, the rest more.
      assert.equal(tco.years![0]!.recurring.amount, String((Number(plain.items[i]!.price!.month.amount) * 12 + Number(plain.items[i]!.price!.year.amount)).toFixed(2)));
      assert.ok(Number(tco.net.amount) > Number(plain.items[i]!.price!.tco.net.amount));
    }
    assert.equal(plain.items[0]!.price!.tco.years, undefined);
    // The comparison's rows: each year of the term between the recurring total and the TCO.
    assert.deepEqual(rising.prices!.rows.map((r) => r.termYear ? `${r.id} ${r.termYear.year} ${r.termYear.months} ${r.termYear.uplift ?? '-'}` : r.id), ['one-time', 'month', 'recurring', 'term-year 1 12 -', 'term-year 2 12 5', 'term-year 3 6 10.25', 'tco']);
    assert.deepEqual(rising.prices!.rows[4]!.values, rising.items.map((item) => item.price!.tco.years![1]!.recurring));
    assert.throws(() => compare(items, { catalog: collab, context: { date: '2026-11-20' }, upliftPercent: 'five' as never }), /upliftPercent/);
  });
});
