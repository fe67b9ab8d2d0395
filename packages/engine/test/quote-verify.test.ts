// Tamper evidence, tested as a security feature: every change an attacker could make to a
// signed quote is rejected, each with its reason (code, path, line, expected, found).
import assert from 'node:assert/strict';
import { createHmac, createPublicKey, verify as nodeVerify } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  canonicalJson,
  createQuote,
  generateQuoteKey,
  loadCatalog,
  publicQuoteKey,
  QuoteKeyError,
  readQuoteKey,
  signQuote,
  verifyQuote,
  type Quote,
  type QuoteReason,
  type QuoteVerification,
} from '../src/index.js';
import { attackerKey, av, avConfig, copy, hmacKey, LATER, NOW, read, VALID_UNTIL } from './quote-fixtures.js';

/** A genuine quote: two meeting rooms, 5% off the camera, signed by the vendor. */
const genuine = await createQuote({
  catalog: av,
  items: [{ configuration: avConfig, quantity: 2, lineDiscounts: { 'meeting-room/camera:ptz': { percent: '5' } } }],
  validUntil: VALID_UNTIL,
  now: NOW,
  number: 'Q-2026-0042',
});
const signed = await signQuote(genuine, hmacKey);
const DISPLAY = 1; // lines[1] is meeting-room/display:d86: 2 × 4,490.00
const CAMERA = 3; // lines[3] is meeting-room/camera:ptz: 2 × 2,190.00 less 5%

const check = (quote: unknown, options: Partial<Parameters<typeof verifyQuote>[1]> = {}): Promise<QuoteVerification> =>
  verifyQuote(quote, { catalog: av, key: hmacKey, now: LATER, ...options });

/** The reasons as `code path (line): expected → found`, for readable assertions. */
function summary(result: QuoteVerification): string[] {
  assert.equal(result.valid, false, 'expected the quote to be rejected');
  return result.reasons.map((r: QuoteReason) => `${r.code} ${r.path}${r.line ? ` (${r.line})` : ''}${r.expected !== undefined ? `: ${r.expected} → ${r.found}` : ''}`);
}

const SIGNATURE = 'signature-invalid signature';

describe('verifyQuote accepts', () => {
  it('a genuine quote, as an object or as JSON text with any key order and spacing', async () => {
    assert.deepEqual(await check(signed), { valid: true, quote: signed, reasons: [] });
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(copy(signed)).reverse()), null, 2);
    assert.equal((await check(reordered)).valid, true);
  });

  it('on the last day of validity (UTC), and from a browser clock a little ahead', async () => {
    assert.equal((await check(signed, { now: '2026-12-20T23:59:59Z' })).valid, true);
    assert.equal((await check(signed, { now: '2026-11-20T09:56:00Z' })).valid, true);
  });
});

describe('verifyQuote rejects a tampered quote with its reason', () => {
  it('a lowered unit price: the line, the steps and the totals no longer match the engine', async () => {
    const t = copy(signed);
    const line = t.items[0].price.lines[DISPLAY];
    line.steps[0].params.unitPrice = '3490.00';
    for (const money of [line.list, line.gross, line.net, line.steps[0].amount, line.steps[1].amount]) money.amount = '6980.00';
    const reasons = summary(await check(t));
    assert.deepEqual(reasons, [
      SIGNATURE,
      'amount items[0].price.lines[1].list (meeting-room/display:d86): 8980.00 EUR → 6980.00 EUR',
      'amount items[0].price.lines[1].gross (meeting-room/display:d86): 8980.00 EUR → 6980.00 EUR',
      'amount items[0].price.lines[1].net (meeting-room/display:d86): 8980.00 EUR → 6980.00 EUR',
      'field items[0].price.lines[1].steps[0].params.unitPrice (meeting-room/display:d86): 4490.00 → 3490.00',
      'amount items[0].price.lines[1].steps[0].amount (meeting-room/display:d86): 8980.00 EUR → 6980.00 EUR',
      'amount items[0].price.lines[1].steps[1].amount (meeting-room/display:d86): 8980.00 EUR → 6980.00 EUR',
    ]);
  });

  it('a lowered price even when the signature holds (a leaked key, a signing browser): re-pricing catches it', async () => {
    const t = copy(signed);
    t.totals.grandTotal.amount = '1.00';
    const reasons = summary(await check(await signQuote(t, hmacKey)));
    assert.deepEqual(reasons, ['amount totals.grandTotal: 65371.22 EUR → 1.00 EUR']);
  });

  it('a bigger discount in the inputs: the stored outputs are not what it gives', async () => {
    const t = copy(signed);
    t.items[0].lineDiscounts['meeting-room/camera:ptz'].percent = '50';
    const reasons = summary(await check(t));
    assert.equal(reasons[0], SIGNATURE);
    // Re-priced with 50% the camera costs 2,190.00, not the 4,161.00 that was signed.
    assert.ok(reasons.includes('amount items[0].price.lines[3].net (meeting-room/camera:ptz): 2190.00 EUR → 4161.00 EUR'), reasons.join('\n'));
  });

  it('a bigger discount in the outputs', async () => {
    const t = copy(signed);
    const line = t.items[0].price.lines[CAMERA];
    line.steps[1].amount.amount = '-438.00';
    line.steps[1].params.percent = '10';
    line.discount.amount = '438.00';
    line.net.amount = '3942.00';
    line.steps[2].amount.amount = '3942.00';
    assert.deepEqual(summary(await check(t)), [
      SIGNATURE,
      'amount items[0].price.lines[3].discount (meeting-room/camera:ptz): 219.00 EUR → 438.00 EUR',
      'amount items[0].price.lines[3].net (meeting-room/camera:ptz): 4161.00 EUR → 3942.00 EUR',
      'field items[0].price.lines[3].steps[1].params.percent (meeting-room/camera:ptz): 5 → 10',
      'amount items[0].price.lines[3].steps[1].amount (meeting-room/camera:ptz): -219.00 EUR → -438.00 EUR',
      'amount items[0].price.lines[3].steps[2].amount (meeting-room/camera:ptz): 4161.00 EUR → 3942.00 EUR',
    ]);
  });

  it('a quantity: fewer rooms in the inputs, or fewer units on a line', async () => {
    const t = copy(signed);
    t.items[0].quantity = 1;
    const reasons = summary(await check(t));
    assert.equal(reasons[0], SIGNATURE);
    assert.ok(reasons.includes('field items[0].price.quantity: 1 → 2'), reasons.join('\n'));
    // One room: 25,310.50 + VAT 4,809.00 (4,808.995, half-even) + 2,156.40 over the term + VAT 409.72.
    assert.ok(reasons.includes('amount totals.grandTotal: 32685.62 EUR → 65371.22 EUR'), reasons.join('\n'));
    const u = copy(signed);
    u.items[0].price.lines[DISPLAY].quantity = 1;
    assert.deepEqual(summary(await check(u)), [SIGNATURE, 'field items[0].price.lines[1].quantity (meeting-room/display:d86): 2 → 1']);
  });

  it('the currency', async () => {
    const t = copy(signed);
    t.currency = 'USD';
    assert.deepEqual(summary(await check(t)), [SIGNATURE, 'field currency: EUR → USD']);
    const u = copy(signed);
    u.totals.grandTotal.currency = 'USD';
    assert.deepEqual(summary(await check(u)), [SIGNATURE, 'amount totals.grandTotal: 65371.22 EUR → 65371.22 USD']);
    // Asking for USD in the inputs prices in USD: nothing signed in EUR matches.
    const v = copy(signed);
    v.context.currency = 'USD';
    const reasons = summary(await check(v));
    assert.ok(reasons.includes('field currency: USD → EUR'), reasons.join('\n'));
  });

  it('a removed line, and an added one', async () => {
    const t = copy(signed);
    t.items[0].price.lines.splice(CAMERA, 1);
    assert.deepEqual(summary(await check(t)), [SIGNATURE, 'line-missing items[0].price.lines (meeting-room/camera:ptz): 4161.00 EUR → nothing']);
    const u = copy(signed);
    u.items[0].price.lines.push({ ...copy(u.items[0].price.lines[0]), item: 'meeting-room/free-gift' });
    assert.deepEqual(summary(await check(u)), [SIGNATURE, 'line-extra items[0].price.lines[12] (meeting-room/free-gift): nothing → meeting-room/free-gift']);
  });

  it('the expiry: a later date breaks the signature, and a genuine quote expires', async () => {
    const t = copy(signed);
    t.validUntil = '2027-12-31';
    assert.deepEqual(summary(await check(t, { now: '2027-06-01T00:00:00Z' })), [SIGNATURE]);
    assert.deepEqual(summary(await check(signed, { now: '2026-12-21T00:00:00Z' })), ['expired validUntil: 2026-12-20 → 2026-12-21']);
    const future = copy(genuine);
    future.created = '2026-12-24T00:00:00.000Z';
    assert.deepEqual(summary(await check(await signQuote(future, hmacKey))), ['not-yet-valid created']);
  });

  it('the catalog version or contents', async () => {
    const t = copy(signed);
    t.catalog.version = '2027.01.0';
    assert.deepEqual(summary(await check(t)), [SIGNATURE, 'catalog-version catalog.version: 2026.11.0 → 2027.01.0']);
    // A genuine quote checked against a changed catalog that kept its version number.
    const changed = JSON.parse(read('examples/catalogs/av-rooms.json'));
    changed.pricing.books[0].prices['meeting-room/display:d86'].amount = '4590.00';
    const reasons = summary(await check(signed, { catalog: loadCatalog(changed) }));
    assert.match(reasons[0]!, /^catalog-hash catalog\.hash: sha256:[0-9a-f]{64} → sha256:[0-9a-f]{64}$/);
    assert.ok(reasons.includes('amount items[0].price.lines[1].net (meeting-room/display:d86): 9180.00 EUR → 8980.00 EUR'), reasons.join('\n'));
    const other = copy(signed);
    other.catalog.id = 'collab-suite';
    assert.deepEqual(summary(await check(other)), [SIGNATURE, 'catalog-id catalog.id: av-rooms → collab-suite']);
  });

  it('a configuration the rules do not allow', async () => {
    const t = copy(signed);
    t.items[0].configuration.selections.dsp = 'compact'; // 4 table, 1 ceiling microphones need the large processor
    const reasons = summary(await check(t));
    assert.equal(reasons[0], SIGNATURE);
    assert.match(reasons[1]!, /^configuration items\[0\]\.configuration\.selections$/);
  });

  it('the signature itself: changed, cut, missing, or claiming another algorithm', async () => {
    const flip = (value: string) => (value[0] === 'A' ? 'B' : 'A') + value.slice(1);
    const t = copy(signed);
    t.signature.value = flip(t.signature.value);
    assert.deepEqual(summary(await check(t)), [SIGNATURE]);
    t.signature.value = t.signature.value.slice(0, 20);
    assert.deepEqual(summary(await check(t)), [SIGNATURE]);
    const { signature: _, ...unsigned } = copy(signed);
    assert.deepEqual(summary(await check(unsigned)), ['signature-missing signature']);
    const u = copy(signed);
    u.signature.alg = 'Ed25519';
    assert.deepEqual(summary(await check(u)), ['signature-algorithm signature']);
    // The last character's unused bits: another text of the same bytes is not the signature (strict base64url).
    const last = copy(signed);
    const value: string = last.signature.value;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    last.signature.value = value.slice(0, -1) + alphabet[alphabet.indexOf(value.at(-1)!) + 1];
    assert.equal(Buffer.from(last.signature.value, 'base64url').equals(Buffer.from(value, 'base64url')), true, 'node decodes both to the same bytes');
    assert.deepEqual(summary(await check(last)), [SIGNATURE]);
    const v = copy(signed);
    v.signature.value = 'not base64!';
    assert.deepEqual(summary(await check(v)), ['malformed signature.value']);
  });

  it('key substitution: re-signed with an attacker\'s key under the vendor\'s key id, or with a key pair of their own', async () => {
    const t = copy(signed);
    t.items[0].price.lines[DISPLAY].net.amount = '1.00';
    const forged = await signQuote(t, attackerKey);
    assert.equal(forged.signature!.kid, 'vendor-2026');
    const reasons = summary(await check(forged));
    assert.deepEqual(reasons, [SIGNATURE, 'amount items[0].price.lines[1].net (meeting-room/display:d86): 8980.00 EUR → 1.00 EUR']);
    // A vendor with an Ed25519 key pair gives resellers the public key only.
    const vendor = await generateQuoteKey('Ed25519', 'vendor-ed');
    const attacker = await generateQuoteKey('Ed25519', 'vendor-ed');
    const vendorSigned = await signQuote(genuine, vendor);
    assert.equal((await check(vendorSigned, { key: publicQuoteKey(vendor) })).valid, true);
    assert.deepEqual(summary(await check(await signQuote(genuine, attacker), { key: publicQuoteKey(vendor) })), [SIGNATURE]);
    // An Ed25519 signature offered to an HMAC verifier, and the other way round: the verifier's key decides.
    assert.deepEqual(summary(await check(vendorSigned)), ['signature-algorithm signature']);
    assert.deepEqual(summary(await check(signed, { key: publicQuoteKey(vendor) })), ['signature-algorithm signature']);
    // A quote naming another key id than the verifier's.
    const rotated = readQuoteKey({ ...hmacKey, kid: 'vendor-2027' });
    assert.deepEqual(summary(await check(signed, { key: rotated })), ['signature-key signature']);
    // The key id deleted from the signature: the verifier's key has one, so the quote must name it.
    const noKid = copy(signed);
    delete noKid.signature.kid;
    assert.deepEqual(summary(await check(noKid)), ['signature-key signature']);
  });

  it('JSON with a duplicate key: the parser would keep the last, so it is refused', async () => {
    const text = JSON.stringify(signed).replace('"number":"Q-2026-0042"', '"number":"Q-2026-0042","number":"Q-2026-9999"');
    const result = await check(text);
    assert.deepEqual(summary(result), ['malformed number']);
    assert.match(result.reasons[0]!.message, /the key "number" appears twice/);
    const amounts = JSON.stringify(signed).replace('"net":{"amount":"8980.00","currency":"EUR"}', '"net":{"amount":"8980.00","amount":"1.00","currency":"EUR"}');
    assert.deepEqual(summary(await check(amounts)), ['malformed items[0].price.lines[1].net.amount']);
  });

  it('JSON with __proto__ (or constructor), in text or in an object', async () => {
    const text = JSON.stringify(signed).replace('"context":{', '"context":{"__proto__":{"orderDiscount":{"percent":"50"}},');
    const result = await check(text);
    assert.deepEqual(summary(result), ['malformed context.__proto__']);
    assert.match(result.reasons[0]!.message, /the key "__proto__" is not allowed/);
    assert.deepEqual(summary(await check(JSON.parse(text))), ['malformed context.__proto__']);
    const ctor = JSON.stringify(signed).replace('"totals":{', '"totals":{"constructor":1,');
    assert.deepEqual(summary(await check(ctor)), ['malformed items[0].price.totals.constructor']);
  });

  it('anything that is not a quote document, with the paths of what is wrong', async () => {
    assert.deepEqual(summary(await check('{')), ['malformed ']);
    const t = copy(signed);
    t.items[0].quantity = -2;
    t.surprise = true;
    assert.deepEqual(summary(await check(t)).sort(), ['malformed items[0].quantity', 'malformed surprise']);
  });
});

describe('signatures', () => {
  it('HMAC-SHA-256 over the canonical JSON of the unsigned quote, as node:crypto computes it', () => {
    const { signature, ...unsigned } = signed;
    const expected = createHmac('sha256', Buffer.alloc(32, 7)).update(canonicalJson(unsigned)).digest('base64url');
    assert.deepEqual(signature, { alg: 'HS256', kid: 'vendor-2026', value: expected });
  });

  it('Ed25519 signatures that node:crypto verifies with the public key alone', async () => {
    const key = await generateQuoteKey('Ed25519');
    const quote: Quote = await signQuote(genuine, key);
    const { signature, ...unsigned } = quote;
    const publicKey = createPublicKey({ key: publicQuoteKey(key) as never, format: 'jwk' });
    assert.equal(signature!.alg, 'Ed25519');
    assert.ok(nodeVerify(null, Buffer.from(canonicalJson(unsigned)), publicKey, Buffer.from(signature!.value, 'base64url')));
  });

  it('sign again replaces the signature; a public key cannot sign; short or malformed keys are refused', async () => {
    const again = await signQuote(signed, attackerKey);
    assert.equal((await check(again, { key: attackerKey })).valid, true);
    const pair = await generateQuoteKey('Ed25519');
    await assert.rejects(signQuote(genuine, publicQuoteKey(pair)), (error: unknown) => error instanceof QuoteKeyError && /public key/.test(error.message));
    assert.throws(() => readQuoteKey({ kty: 'oct', k: Buffer.alloc(16).toString('base64url') }), /at least 32 bytes/);
    assert.throws(() => readQuoteKey('{"kty":"oct","k":"a","k":"b"}'), /appears twice/);
    assert.throws(() => publicQuoteKey(hmacKey), /no public part/);
    const hmac = await generateQuoteKey();
    assert.equal(Buffer.from((hmac as { k: string }).k, 'base64url').length, 32);
  });
});
