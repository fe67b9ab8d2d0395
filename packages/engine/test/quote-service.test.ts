// The example quote service (examples/quote-service) on an ephemeral loopback port: its
// routes, its answers to bad requests (400 with paths, never 500), and a burst of 2,000
// requests, 20 at a time, each answer checked against its own request.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import * as engine from '../src/index.js';
import { createQuoteServer } from '../../../examples/quote-service/service.mjs';
import { av, avConfig, collab, collabConfig, copy, hmacKey, huddle, NOW } from './quote-fixtures.js';

let base = '';
let close: () => Promise<void> = async () => {};

before(async () => {
  const server = await createQuoteServer({ key: hmacKey, engine, catalogs: [av, collab], now: () => new Date(NOW), maxBodyBytes: 200_000 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
after(() => close());

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await fetch(base + path, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

const quoteRequest = (configuration: engine.Configuration, extra: Record<string, unknown> = {}) => ({ catalog: configuration.catalog?.id ?? 'av-rooms', items: [{ configuration }], ...extra });

describe('the quote service', () => {
  it('GET /health names the engine and its catalogs', async () => {
    const { status, body } = await call('GET', '/health');
    assert.equal(status, 200);
    assert.deepEqual(body, { status: 'ok', engine: engine.ENGINE_VERSION, catalogs: [{ id: 'av-rooms', version: '2026.11.0' }, { id: 'collab-suite', version: '2026.11.0' }] });
  });

  it('POST /quotes prices and signs; POST /quotes/verify accepts it and rejects it tampered', async () => {
    const { status, body: quote } = await call('POST', '/quotes', quoteRequest(avConfig, { items: [{ configuration: avConfig, quantity: 2 }], validDays: 14, number: 'Q-SVC-1' }));
    assert.equal(status, 200);
    assert.equal(quote.number, 'Q-SVC-1');
    assert.equal(quote.validUntil, '2026-12-04');
    assert.deepEqual(quote.items[0].price, engine.price(av, avConfig, { date: '2026-11-20', quantity: 2 }));
    assert.equal((await engine.verifyQuote(quote, { catalog: av, key: hmacKey, now: NOW })).valid, true);
    assert.deepEqual((await call('POST', '/quotes/verify', quote)).body, { valid: true, number: 'Q-SVC-1', version: 1, reasons: [] });

    const tampered = copy(quote);
    tampered.totals.grandTotal.amount = '100.00';
    const { status: s, body } = await call('POST', '/quotes/verify', tampered);
    assert.equal(s, 200);
    assert.equal(body.valid, false);
    assert.deepEqual(body.reasons.map((r: engine.QuoteReason) => r.code), ['signature-invalid', 'amount']);
    assert.equal(body.reasons[1].path, 'totals.grandTotal');
  });

  it('answers a bad body with 400 and the paths of what is wrong', async () => {
    const bad = async (body: unknown, path: string) => {
      const response = await call('POST', path, body);
      assert.equal(response.status, 400, JSON.stringify(response.body));
      return response.body;
    };
    const wrongType = await bad(quoteRequest(avConfig, { items: [{ configuration: avConfig, quantity: 'two' }] }), '/quotes');
    assert.equal(wrongType.error, 'invalid request');
    assert.deepEqual(wrongType.issues.map((i: any) => i.path), ['items[0].quantity']);
    assert.deepEqual((await bad({ catalog: 'av-rooms', items: [], extra: 1 }, '/quotes')).issues.map((i: any) => i.path).sort(), ['', 'items']);
    assert.deepEqual((await bad('{"catalog": "av-rooms", ', '/quotes')).error, 'invalid JSON');
    assert.deepEqual((await bad('{"catalog": "av-rooms", "catalog": "collab-suite", "items": []}', '/quotes')).issues, [{ path: 'catalog', message: 'the key "catalog" appears twice in one object (JSON keeps only the last)' }]);
    assert.deepEqual((await bad('{"__proto__": {"validDays": 1}, "catalog": "av-rooms", "items": []}', '/quotes')).issues.map((i: any) => i.path), ['__proto__']);
    assert.deepEqual((await bad(quoteRequest(avConfig, { catalog: 'boardrooms' }), '/quotes')).issues, [{ path: 'catalog', message: 'unknown catalog "boardrooms"; this service has av-rooms, collab-suite' }]);
    // The engine's own checks: a rule broken, a date without prices.
    const rule = await bad(quoteRequest({ ...huddle, catalog: { id: 'av-rooms' }, selections: { ...huddle.selections, 'mic-pods': 2 } }), '/quotes');
    assert.deepEqual(rule, { error: 'cannot quote', issues: [{ path: 'items[0].configuration.selections', message: 'breaks the rule "mic-pods-fit-video-bar": The video bar takes one extension microphone pod, the Video bar Pro two.' }] });
    assert.equal((await bad(quoteRequest(avConfig, { context: { date: '2020-01-01' } }), '/quotes')).issues[0].path, 'context.date');
    assert.deepEqual((await bad({ not: 'a quote' }, '/quotes/verify')).error, 'not a quote');
  });

  it('answers other mistakes with the right status, never 500', async () => {
    assert.equal((await call('POST', '/quotes', 'catalog=av-rooms', { 'content-type': 'application/x-www-form-urlencoded' })).status, 415);
    const big = await call('POST', '/quotes', JSON.stringify({ catalog: 'av-rooms', items: [], pad: 'x'.repeat(300_000) }));
    assert.equal(big.status, 413);
    const wrongMethod = await call('GET', '/quotes');
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers.get('allow'), 'POST');
    assert.equal((await call('GET', '/nothing')).status, 404);
  });

  it('never answers any JSON body with a 500 (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/quotes', '/quotes/verify'), fc.jsonValue({ maxDepth: 4 }), async (path, body) => {
        const { status } = await call('POST', path, body);
        assert.ok(status === 200 || status === 400, `${path} answered ${status}`);
      }),
      { numRuns: 200 },
    );
  });

  it('serves a burst of 2,000 requests, 20 at a time, each answer matching its request', async (t) => {
    const configurations = [avConfig, huddle, collabConfig].map((c, i) => ({ ...c, catalog: { id: i === 2 ? 'collab-suite' : 'av-rooms' } }));
    // What each request should get, worked out here with the engine.
    const expected = new Map<string, string>();
    for (const [c, configuration] of configurations.entries()) {
      for (let quantity = 1; quantity <= 5; quantity++) {
        const catalog = c === 2 ? collab : av;
        const quote = await engine.createQuote({ catalog, items: [{ configuration, quantity }], validUntil: '2026-12-20', now: NOW });
        expected.set(`${c}/${quantity}`, quote.totals.grandTotal.amount);
      }
    }
    const genuine = (await call('POST', '/quotes', quoteRequest(configurations[0]!, { number: 'Q-GENUINE' }))).body;
    const forged = copy(genuine);
    forged.items[0].price.lines[0].net.amount = '0.01';

    const TOTAL = 2000;
    const CONCURRENCY = 20;
    let next = 0;
    const failures: string[] = [];
    const latencies: number[] = [];
    const worker = async () => {
      for (let i = next++; i < TOTAL; i = next++) {
        const started = performance.now();
        const kind = i % 4;
        try {
          if (kind === 0) {
            const { status, body } = await call('GET', '/health');
            if (status !== 200 || body.status !== 'ok') failures.push(`${i}: health ${status}`);
          } else if (kind === 3) {
            const valid = i % 8 === 3;
            const { status, body } = await call('POST', '/quotes/verify', valid ? genuine : forged);
            if (status !== 200 || body.valid !== valid) failures.push(`${i}: verify ${status} ${JSON.stringify(body).slice(0, 80)}`);
          } else {
            const c = i % 3;
            const quantity = (i % 5) + 1;
            const { status, body } = await call('POST', '/quotes', quoteRequest(configurations[c]!, { items: [{ configuration: configurations[c], quantity }], number: `Q-BURST-${i}` }));
            const ok = status === 200 && body.number === `Q-BURST-${i}` && body.items[0].quantity === quantity && body.items[0].configuration.product === configurations[c]!.product && body.totals.grandTotal.amount === expected.get(`${c}/${quantity}`);
            if (!ok) failures.push(`${i}: quote ${status} ${body.number} ${body.totals?.grandTotal?.amount}`);
          }
        } catch (error) {
          failures.push(`${i}: ${String(error)}`);
        }
        latencies.push(performance.now() - started);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    assert.deepEqual(failures, []);
    assert.equal(latencies.length, TOTAL);
    latencies.sort((a, b) => a - b);
    t.diagnostic(`${TOTAL} requests, ${CONCURRENCY} concurrent: ${(TOTAL / seconds).toFixed(0)} requests/s, p95 ${latencies[Math.floor(TOTAL * 0.95)]!.toFixed(1)} ms (client and server in one process)`);
  });
});
