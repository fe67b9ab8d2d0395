// Quotes: createQuote, signQuote and verifyQuote (strict read, signature, re-pricing,
// comparison of every amount) on the pricing benchmark's 1,001-line quote, and on the AV
// example configuration. (Run alone, importing price.mjs runs the pricing benchmark too.)
import { readFileSync } from 'node:fs';
import {
  createQuote,
  generateQuoteKey,
  loadCatalog,
  loadConfiguration,
  publicQuoteKey,
  signQuote,
  verifyQuote,
} from '../../packages/engine/dist/index.js';
import { report, summarise } from './lib.mjs';
import { largeQuote } from './price.mjs';

/** Runs an async function `warmup` times, then `runs` times; median, p95 and max in milliseconds. */
async function timeAsync(fn, { runs = 30, warmup = 5 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return summarise(samples);
}

const now = '2026-11-20T10:00:00Z';
const hmac = await generateQuoteKey('HS256');
const ed = await generateQuoteKey('Ed25519');
const results = {};
const large = largeQuote();
// The same request as price(): its line discounts on the one item, the rest shared.
const { lineDiscounts, ...shared } = large.context;
const cases = [['1,001 lines', { catalog: large.catalog, items: [{ configuration: large.configuration, lineDiscounts }], context: shared }]];
const av = loadCatalog(readFileSync('examples/catalogs/av-rooms.json', 'utf8'));
cases.push(['AV example (12 lines)', { catalog: av, items: [{ configuration: loadConfiguration(readFileSync('examples/catalogs/av-rooms.config.json', 'utf8'), av), quantity: 2 }], context: {} }]);

for (const [label, { catalog, items, context }] of cases) {
  const make = () => createQuote({ catalog, items, context, validUntil: '2026-12-20', now });
  const quote = await make();
  const signed = await signQuote(quote, hmac);
  const text = JSON.stringify(signed);
  const edSigned = JSON.stringify(await signQuote(quote, ed));
  const edPublic = publicQuoteKey(ed);
  const check = async (document, key) => {
    const result = await verifyQuote(document, { catalog, key, now });
    if (!result.valid) throw new Error(`${label}: ${result.reasons[0].message}`);
  };
  await check(text, hmac);
  results[`createQuote, ${label}`] = { ...(await timeAsync(make)), lines: quote.items[0].price.lines.length, 'quote KB': Math.round(text.length / 1024) };
  results[`signQuote HS256, ${label}`] = await timeAsync(() => signQuote(quote, hmac));
  results[`signQuote Ed25519, ${label}`] = await timeAsync(() => signQuote(quote, ed));
  results[`verifyQuote HS256 (JSON text), ${label}`] = await timeAsync(() => check(text, hmac));
  results[`verifyQuote Ed25519 public key, ${label}`] = await timeAsync(() => check(edSigned, edPublic));
}
report('quote', results);
