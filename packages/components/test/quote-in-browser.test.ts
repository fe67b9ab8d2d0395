// The engine's quotes in a real browser: the same cents as in Node (hand-checked there),
// signatures through the browser's own WebCrypto (HMAC-SHA-256 and Ed25519), and
// verification that prices the quote again and names what was changed.
import { expect } from '@open-wc/testing';
import {
  createQuote,
  decodeConfiguration,
  encodeConfiguration,
  generateQuoteKey,
  loadCatalog,
  loadConfiguration,
  publicQuoteKey,
  signQuote,
  verifyQuote,
  type Quote,
} from '@cpq-kit/engine';
import avRooms from '../../../examples/catalogs/av-rooms.json' with { type: 'json' };
import avConfig from '../../../examples/catalogs/av-rooms.config.json' with { type: 'json' };

const catalog = loadCatalog(avRooms);
const configuration = loadConfiguration(avConfig, catalog);
const now = '2026-11-20T10:00:00.000Z';
const make = (): Promise<Quote> => createQuote({ catalog, items: [{ configuration }], validUntil: '2026-12-20', now });

describe('quotes in the browser', () => {
  it('price a configuration to the cent as Node does', async () => {
    const quote = await make();
    // 25,420.00 + VAT 4,829.80 + 2,156.40 support over 36 months + VAT 409.72 (quote-cli.test.ts).
    expect(quote.totals.grandTotal).to.deep.equal({ amount: '32815.92', currency: 'EUR' });
    expect(quote.catalog.hash).to.match(/^sha256:[0-9a-f]{64}$/);
  });

  it('sign with HMAC-SHA-256 and verify, rejecting a changed amount with its line', async () => {
    const key = await generateQuoteKey('HS256', 'browser');
    const signed = await signQuote(await make(), key);
    expect((await verifyQuote(JSON.stringify(signed), { catalog, key, now })).valid).to.equal(true);
    const tampered = JSON.parse(JSON.stringify(signed)) as Quote;
    tampered.items[0]!.price.lines[1]!.net.amount = '1.00';
    const result = await verifyQuote(tampered, { catalog, key, now });
    expect(result.valid).to.equal(false);
    expect(result.reasons.map((r) => r.message)).to.deep.equal([
      'signature: the signature does not match: the quote was changed after it was signed, or signed with another key',
      'items[0].price.lines[1].net (meeting-room/display:d86): expected 4490.00 EUR, found 1.00 EUR',
    ]);
  });

  it('sign with Ed25519 (Chromium 137+) and verify with the public key only', async () => {
    const pair = await generateQuoteKey('Ed25519');
    const signed = await signQuote(await make(), pair);
    expect(signed.signature!.alg).to.equal('Ed25519');
    expect((await verifyQuote(signed, { catalog, key: publicQuoteKey(pair), now })).valid).to.equal(true);
  });

  it('round-trip a configuration through a share link', () => {
    const decoded = decodeConfiguration(encodeConfiguration(configuration), catalog);
    expect(decoded.dropped).to.deep.equal([]);
    expect(decoded.configuration.selections).to.deep.equal(configuration.selections);
  });
});
