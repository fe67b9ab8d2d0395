// Quotes signed before quote@2 (the fixtures in fixtures/quote-v1, made by the engine of commit b1b9d4a with
// the catalogs beside them) still verify: re-priced by today's engine, compared in their own format's layout.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createQuote, loadCatalog, readQuote, signQuote, verifyQuote } from '../src/index.js';
import { copy, hmacKey, LATER } from './quote-fixtures.js';

const fixture = (name: string): string => readFileSync(new URL(`fixtures/quote-v1/${name}`, import.meta.url), 'utf8');
const av = loadCatalog(fixture('av-rooms-2026.11.0.json'));
const shop = loadCatalog(fixture('tiny-shop-1.0.0.json'));
const avQuote = JSON.parse(fixture('av-rooms.quote.json'));
const shopQuote = JSON.parse(fixture('tiny-shop.quote.json'));

describe('a cpq-kit/quote@1 signed before quote@2', () => {
  it('still reads and verifies: enterprise book, contract, line and order discounts, approvals (av-rooms)', async () => {
    assert.equal(avQuote.format, 'cpq-kit/quote@1');
    assert.equal(readQuote(fixture('av-rooms.quote.json')).ok, true);
    const result = await verifyQuote(fixture('av-rooms.quote.json'), { catalog: av, key: hmacKey, now: LATER });
    assert.deepEqual(result.reasons, []);
    assert.equal(result.valid, true);
  });

  it('still verifies: prices that include tax, a partner, recurring tiers, document rounding, a floor percent', async () => {
    const result = await verifyQuote(shopQuote, { catalog: shop, key: hmacKey, now: LATER });
    assert.deepEqual(result.reasons, []);
    assert.equal(result.valid, true);
  });

  it('is compared without the fields quote@2 added, while a quote@2 must have them', async () => {
    assert.doesNotMatch(fixture('tiny-shop.quote.json'), /"(after|excludingTax|includingTax|taxCalculation)"/);
    const context = { partner: 'acme', orderDiscount: { percent: '3' } };
    const items = shopQuote.items.map(({ id, configuration, quantity, lineDiscounts }: any) => ({ id, configuration, quantity, lineDiscounts }));
    const now = await createQuote({ catalog: shop, items, context, validUntil: '2026-12-20', now: '2026-11-20T10:00:00.000Z', number: 'Q-2026-0102' });
    assert.equal(now.format, 'cpq-kit/quote@2');
    // The same inputs priced today: the amounts a quote@1 holds are the same ones.
    assert.deepEqual(now.totals.grandTotal, shopQuote.totals.grandTotal);
    const signed = await signQuote(now, hmacKey);
    assert.equal((await verifyQuote(signed, { catalog: shop, key: hmacKey, now: LATER })).valid, true);
    const stripped = copy(signed);
    delete stripped.items[0].price.lines[0].steps[0].after;
    delete stripped.totals.excludingTax;
    const reasons = (await verifyQuote(stripped, { catalog: shop, key: hmacKey, now: LATER })).reasons.map((r) => `${r.code} ${r.path}`);
    assert.deepEqual(reasons, ['signature-invalid signature', 'amount items[0].price.lines[0].steps[0].after', 'amount totals.excludingTax']);
  });

  it('and a change to it is still caught', async () => {
    const t = copy(shopQuote);
    t.totals.grandTotal.amount = '1.00';
    const result = await verifyQuote(t, { catalog: shop, key: hmacKey, now: LATER });
    assert.equal(result.valid, false);
    assert.deepEqual(result.reasons.map((r) => `${r.code} ${r.path}`), ['signature-invalid signature', 'amount totals.grandTotal']);
  });
});
