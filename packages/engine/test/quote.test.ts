// Quote documents: what createQuote records, its totals, and the requests it refuses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as z from 'zod/mini';
import {
  createQuote,
  ENGINE_VERSION,
  formatProblem,
  price,
  QuoteError,
  QuoteSchema,
  catalogHash,
} from '../src/index.js';
import { av, avConfig, collab, collabConfig, huddle, NOW, randomConfiguration, read, VALID_UNTIL, demo, demoIds } from './quote-fixtures.js';

async function assertQuoteProblems(promise: Promise<unknown>, expected: string[]): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof QuoteError, `expected a QuoteError, got ${String(error)}`);
    assert.deepEqual(error.problems.map(formatProblem).sort(), [...expected].sort());
    return true;
  });
}

describe('createQuote', () => {
  it('records the inputs, the outputs and where they came from', async () => {
    const quote = await createQuote({ catalog: av, items: [{ configuration: huddle }], validUntil: VALID_UNTIL, now: NOW, number: 'Q-2026-0001' });
    assert.equal(quote.format, 'cpq-kit/quote@2');
    assert.equal(quote.number, 'Q-2026-0001');
    assert.equal(quote.version, 1);
    assert.equal(quote.created, NOW);
    assert.equal(quote.validUntil, VALID_UNTIL);
    assert.equal(quote.engine, ENGINE_VERSION);
    assert.deepEqual(quote.catalog, { id: 'av-rooms', version: '2026.11.0', hash: await catalogHash(av) });
    // The price date defaults to the day the quote is made (UTC).
    assert.deepEqual(quote.context, { date: '2026-11-20' });
    assert.equal(quote.currency, 'EUR');
    assert.equal(quote.book.id, 'list-eur');
    assert.deepEqual(quote.items[0]!.configuration, { catalog: { id: 'av-rooms', version: '2026.11.0' }, ...huddle });
    assert.equal(quote.items[0]!.id, '1');
    assert.equal(quote.items[0]!.quantity, 1);
  });

  it('prices like price() does, and its totals are hand-checked list prices with 19% VAT', async () => {
    const quote = await createQuote({ catalog: av, items: [{ configuration: huddle }], validUntil: VALID_UNTIL, now: NOW });
    assert.deepEqual(quote.items[0]!.price, price(av, huddle, { date: '2026-11-20', quantity: 1 }));
    // 390 + 1,290 + 190 + 1,190 + 290 + 890 + 690 = 4,930.00 one-time; 19.90 a month over 36 months = 716.40.
    const t = quote.totals;
    assert.equal(t.oneTime.net.amount, '4930.00');
    assert.equal(t.oneTime.tax[0]!.amount.amount, '936.70');
    assert.equal(t.recurring.month!.net.amount, '19.90');
    assert.equal(t.term.net.amount, '716.40');
    assert.equal(t.term.tax[0]!.amount.amount, '136.12'); // 136.116
    assert.equal(t.grandTotal.amount, '6719.22'); // 4,930 + 936.70 + 716.40 + 136.12
  });

  it('adds the items up exactly: per kind of charge, tax per rate, and savings', async () => {
    const quote = await createQuote({ catalog: av, items: [{ configuration: huddle }, { configuration: huddle, quantity: 2 }], validUntil: VALID_UNTIL, now: NOW });
    assert.deepEqual(quote.items.map((i) => i.id), ['1', '2']);
    const t = quote.totals;
    assert.equal(t.oneTime.net.amount, '14790.00'); // 3 × 4,930
    assert.equal(t.oneTime.tax.length, 1);
    assert.equal(t.oneTime.tax[0]!.amount.amount, '2810.10'); // 936.70 + 1,873.40
    assert.equal(t.term.net.amount, '2149.20'); // 3 × 716.40
    assert.equal(t.term.tax[0]!.amount.amount, '408.35'); // 136.12 + 272.23, each item taxed on its own sum
    assert.equal(t.tax[0]!.amount.amount, '3218.45');
    assert.equal(t.grandTotal.amount, '20157.65'); // 6,719.22 + 13,438.43
    assert.deepEqual(t.savings, { amount: { amount: '0.00', currency: 'EUR' }, percent: '0.00' });
  });

  it('splits an order discount amount over the items by largest remainder, and a percentage applies to each', async () => {
    const items = [{ configuration: huddle }, { configuration: huddle, quantity: 2 }];
    const quote = await createQuote({ catalog: av, items, context: { orderDiscount: { amount: '100.00' } }, validUntil: VALID_UNTIL, now: NOW });
    // Gross 4,930 and 9,860: a third and two thirds, 33.333... and 66.666..., the cent left over to the larger remainder.
    assert.deepEqual(quote.items.map((i) => i.price.totals.oneTime.discount.amount), ['33.33', '66.67']);
    assert.equal(quote.totals.oneTime.discount.amount, '100.00');
    const percent = await createQuote({ catalog: av, items, context: { orderDiscount: { percent: '10' } }, validUntil: VALID_UNTIL, now: NOW });
    assert.deepEqual(percent.items.map((i) => i.price.totals.oneTime.discount.amount), ['493.00', '986.00']);
  });

  it('keeps the currency an order discount amount says on every item\'s share', async () => {
    const items = [{ configuration: huddle }, { configuration: huddle, quantity: 2 }];
    const said = await createQuote({ catalog: av, items, context: { orderDiscount: { amount: '100.00', currency: 'EUR' } }, validUntil: VALID_UNTIL, now: NOW });
    const unsaid = await createQuote({ catalog: av, items, context: { orderDiscount: { amount: '100.00' } }, validUntil: VALID_UNTIL, now: NOW });
    assert.deepEqual(said.totals, unsaid.totals);
    assert.equal(said.totals.discount.amount, '100.00');
  });

  it('takes the request context: segment, partner, currency, quantities and line discounts', async () => {
    const quote = await createQuote({
      catalog: av,
      items: [{ configuration: avConfig, quantity: 3, lineDiscounts: { 'meeting-room/display:d86': { percent: '5' } } }],
      context: { partner: 'northwind', date: '2026-11-25' },
      validUntil: VALID_UNTIL,
      now: NOW,
    });
    assert.equal(quote.partner, 'northwind');
    assert.equal(quote.book.id, 'partner-northwind-eur');
    assert.deepEqual(quote.items[0]!.price, price(av, avConfig, { date: '2026-11-25', partner: 'northwind', quantity: 3, lineDiscounts: { 'meeting-room/display:d86': { percent: '5' } } }));
    const usd = await createQuote({ catalog: collab, items: [{ configuration: collabConfig }], context: { currency: 'USD' }, validUntil: VALID_UNTIL, now: NOW });
    assert.equal(usd.currency, 'USD');
    assert.equal(usd.totals.grandTotal.currency, 'USD');
  });

  it('makes a stable number from the day and the contents when none is given', async () => {
    const make = (quantity: number) => createQuote({ catalog: av, items: [{ configuration: huddle, quantity }], validUntil: VALID_UNTIL, now: NOW });
    const [a, b, c] = await Promise.all([make(1), make(1), make(2)]);
    assert.match(a.number, /^Q-20261120-[0-9a-f]{8}$/);
    assert.equal(a.number, b.number);
    assert.notEqual(a.number, c.number);
  });

  it('produces documents that its own schema accepts, for random valid configurations of both demo catalogs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...demoIds).map((id) => demo[id]), fc.array(fc.nat(50), { minLength: 4, maxLength: 12 }), fc.integer({ min: 1, max: 20 }), async (catalog, choices, quantity) => {
        const configuration = randomConfiguration(catalog, choices);
        const quote = await createQuote({ catalog, items: [{ configuration, quantity }], validUntil: VALID_UNTIL, now: NOW });
        const parsed = z.safeParse(QuoteSchema, JSON.parse(JSON.stringify(quote)));
        assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
        // One item: the quote's totals are the item's.
        assert.deepEqual(quote.totals, quote.items[0]!.price.totals);
      }),
      { numRuns: 40 },
    );
  });

  it('records the engine version of package.json', () => {
    assert.equal(ENGINE_VERSION, JSON.parse(read('packages/engine/package.json')).version);
  });
});

describe('createQuote refuses', () => {
  const base = { catalog: av, validUntil: VALID_UNTIL, now: NOW };

  it('a configuration that breaks a rule or is not complete, naming the item and the selection', async () => {
    // Two extension pods do not fit the standard video bar; the support plan is missing.
    const { support: _, ...rest } = huddle.selections;
    await assertQuoteProblems(createQuote({ ...base, items: [{ configuration: huddle }, { configuration: { product: 'huddle-room', selections: { ...rest, 'mic-pods': 2 } } }] }), [
      'items[1].configuration.selections.support: needs one of its options: a quote is for a complete configuration',
      'items[1].configuration.selections: breaks the rule "mic-pods-fit-video-bar": The video bar takes one extension microphone pod, the Video bar Pro two.',
    ]);
  });

  it('what does not fit the catalog, and a bad request shape, with paths', async () => {
    await assertQuoteProblems(createQuote({ ...base, items: [{ configuration: { ...huddle, selections: { ...huddle.selections, display: 'd99' } } }] }), [
      'items[0].configuration.selections.display: unknown option "d99" of "display" (did you mean "d43"?)',
    ]);
    await assertQuoteProblems(createQuote({ ...base, items: [{ configuration: huddle, quantity: 0 }] }), ['items[0].quantity: must be at least 1, found 0']);
    await assertQuoteProblems(createQuote({ ...base, items: [] }), ['items: a quote needs at least one item']);
    await assertQuoteProblems(createQuote({ ...base, items: [{ configuration: huddle, id: 'a' }, { configuration: huddle, id: 'a' }] }), ['items[1].id: the item id "a" is used twice']);
  });

  it('a validity that ends before the quote is made, or is no day', async () => {
    await assertQuoteProblems(createQuote({ ...base, items: [{ configuration: huddle }], validUntil: '2026-11-19' }), ['validUntil: 2026-11-19 is before the day the quote is made (2026-11-20)']);
    await assertQuoteProblems(createQuote({ ...base, items: [{ configuration: huddle }], validUntil: '2026-11-31' }), ['validUntil: 2026-11-31 is not a day of the calendar']);
    await assertQuoteProblems(createQuote({ ...base, items: [{ configuration: huddle }], now: 'yesterday' }), ['now: "yesterday" is not a date and time']);
  });

  it('pricing problems, placed in the quote request', async () => {
    await assertQuoteProblems(createQuote({ ...base, items: [{ configuration: huddle }, { configuration: huddle, lineDiscounts: { 'huddle-room/display:d55': { percent: '120' } } }], context: { date: '2026-10-01' } }), [
      // Once for the quote, not once per item.
      'context.date: no price book in EUR is valid on 2026-10-01 ("list-eur" is valid from 2026-11-01; "enterprise-eur" is valid from 2026-11-01; "partner-northwind-eur" is valid from 2026-11-01)',
      'items[1].lineDiscounts["huddle-room/display:d55"].percent: a discount of 120% is over 100%',
    ]);
    await assertQuoteProblems(createQuote({ ...base, items: [{ configuration: huddle }, { configuration: huddle }], context: { orderDiscount: { amount: '10.001' } } }), [
      'context.orderDiscount.amount: 10.001 has more decimals than EUR has',
    ]);
    // A discount in another currency than the book's, on the order (split over items or not) or on a line.
    const usd = 'a discount in USD cannot apply to price book "list-eur", which is in EUR (discounts are never converted)';
    await assertQuoteProblems(createQuote({ ...base, items: [{ configuration: huddle }, { configuration: huddle }], context: { orderDiscount: { amount: '10.00', currency: 'USD' } } }), [`context.orderDiscount.currency: ${usd}`]);
    await assertQuoteProblems(createQuote({ ...base, items: [{ configuration: huddle }], context: { orderDiscount: { amount: '10.00', currency: 'USD' } } }), [`context.orderDiscount.currency: ${usd}`]);
    await assertQuoteProblems(createQuote({ ...base, items: [{ configuration: huddle, lineDiscounts: { 'huddle-room/display:d55': { amount: '10.00', currency: 'USD' } } }] }), [
      `items[0].lineDiscounts["huddle-room/display:d55"].currency: ${usd}`,
    ]);
  });

  it('prototype keys smuggled into the request', async () => {
    const selections = JSON.parse('{"__proto__": {"display": "d65"}, "display": "d55"}');
    await assertQuoteProblems(createQuote({ ...base, items: [{ configuration: { product: 'huddle-room', selections } }] }), ['items[0].configuration.selections.__proto__: the key "__proto__" is not allowed']);
  });
});
