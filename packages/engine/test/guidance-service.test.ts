// POST /guidance of the example quote service (examples/quote-service) over real HTTP on a
// loopback port: the engine's priceGuidance over the synthetic example deals, exactly as the
// engine computes it in-process, and 400s with paths for bodies that do not fit.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import * as engine from '../src/index.js';
import { createQuoteServer } from '../../../examples/quote-service/service.mjs';
import { av, hmacKey, read } from './quote-fixtures.js';

const deals = engine.readDeals(read('examples/deals/deals.json'));

/** A service on an ephemeral loopback port; returns its base URL and how to close it. */
async function serve(options: Partial<Parameters<typeof createQuoteServer>[0]> = {}): Promise<{ base: string; close: () => Promise<void> }> {
  const server = await createQuoteServer({ key: hmacKey, engine, catalogs: [av], ...options });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let service: Awaited<ReturnType<typeof serve>>;
before(async () => (service = await serve()));
after(() => service.close());

async function post(body: unknown, base = service.base, path = '/guidance') {
  const response = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
}

describe('POST /guidance', () => {
  it('answers the engine’s priceGuidance over examples/deals/deals.json, number for number', async () => {
    const context: engine.DealContext = { segment: 'smb', region: 'emea', family: 'collaboration', quote: { list: '1500.00', net: '1290.00' } };
    const { status, body } = await post(context);
    assert.equal(status, 200);
    assert.deepEqual(body, engine.priceGuidance(deals, context));
    assert.equal(body.cell.level, 'segment-region-family');
    assert.ok(body.floor <= body.target && body.target <= body.stretch);
  });

  it('backs off and flags approval as the engine does (the example in docs/guidance.md)', async () => {
    const { status, body } = await post({ segment: 'enterprise', region: 'apac', family: 'support', quote: { list: '98000.00', net: '70000.00' } });
    assert.equal(status, 200);
    // docs/guidance.md: two back-offs, from 1 and then 21 won deals, to the enterprise segment.
    assert.deepEqual(body.cell, { level: 'segment', segment: 'enterprise' });
    assert.deepEqual(body.backoff.map((b: engine.CellCount) => b.wonDeals).slice(0, 2), [1, 21]);
    assert.deepEqual(body.prices, { floor: '61752.67', target: '65547.47', stretch: '68235.07' });
    assert.equal(body.quote.position, 'above-stretch');
    const below = await post({ segment: 'enterprise', region: 'apac', family: 'support', quote: { list: '98000.00', net: '50000.00' } });
    assert.equal(below.body.quote.approvalRequired, true);
  });

  it('passes the options on: minDeals and the optional win curve', async () => {
    const context = { segment: 'smb', region: 'emea', family: 'collaboration', quote: { list: '1500.00', net: '1290.00' } };
    const options = { minDeals: 20, winCurve: true, costRatio: 0.35, curvePoints: 5 };
    const { status, body } = await post({ ...context, options });
    assert.equal(status, 200);
    assert.deepEqual(body, engine.priceGuidance(deals, context, options));
    const curve = body.winCurve;
    assert.ok(curve?.available === true);
    assert.equal(curve.points.length, 5);
  });

  it('answers a body that does not fit with 400 and the paths, never 500', async () => {
    const bad = async (body: unknown) => {
      const response = await post(body);
      assert.equal(response.status, 400, JSON.stringify(response.body));
      return response.body;
    };
    const money = await bad({ segment: 'smb', region: 'emea', family: 'collaboration', quote: { list: 1500, net: '1290.00' } });
    assert.equal(money.error, 'invalid request');
    assert.deepEqual(money.issues.map((i: { path: string }) => i.path), ['quote.list']);
    assert.deepEqual((await bad({ segment: 'smb', region: 'emea' })).issues.map((i: { path: string }) => i.path), ['family']);
    assert.deepEqual((await bad({ segment: 'smb', region: 'emea', family: 'x', options: { minDeals: 0 } })).issues.map((i: { path: string }) => i.path), ['options.minDeals']);
    assert.equal((await bad({ segment: 'smb', region: 'emea', family: 'x', deals: [] })).error, 'invalid request');
    assert.equal((await bad('{"segment": "smb", "segment": "x", "region": "emea", "family": "x"}')).error, 'invalid JSON');
    const wrongMethod = await fetch(`${service.base}/guidance`);
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers.get('allow'), 'POST');
  });

  it('guides by the deals it is given, and says so when none were won', async () => {
    const deal = (net: string, outcome: 'won' | 'lost'): engine.Deal => ({ date: '2026-03-01', segment: 'smb', region: 'emea', family: 'av', quantity: 1, list: '100', net, outcome });
    const own = await serve({ deals: engine.readDeals([deal('60', 'won'), deal('70', 'won'), deal('80', 'won'), deal('90', 'won')]) });
    try {
      const { body } = await post({ segment: 'smb', region: 'emea', family: 'av', options: { minDeals: 4 } }, own.base);
      // By hand: type 7 percentiles of 0.6, 0.7, 0.8, 0.9.
      assert.ok(Math.abs(body.floor - 0.675) < 1e-12 && Math.abs(body.target - 0.75) < 1e-12 && Math.abs(body.stretch - 0.825) < 1e-12);
    } finally {
      await own.close();
    }
    const lostOnly = await serve({ deals: engine.readDeals([deal('60', 'lost')]) });
    try {
      const { status, body } = await post({ segment: 'smb', region: 'emea', family: 'av' }, lostOnly.base);
      assert.equal(status, 400);
      assert.equal(body.error, 'cannot guide');
      assert.match(body.issues[0].message, /no won deals/);
    } finally {
      await lostOnly.close();
    }
  });
});
