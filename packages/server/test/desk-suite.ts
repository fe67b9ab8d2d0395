// The quote desk over real HTTP on loopback, on a database of its own (run by
// desk-pglite.test.ts on an embedded PostgreSQL, by desk-postgres.test.ts on a server):
// roles and policy enforced on the server, the quote lifecycle with its events, hand-offs,
// guidance from stored deals, and answers to bad requests (never a 500, never a stack).
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { verifyQuote, type Quote } from '@cpq-kit/engine';
import fc from 'fast-check';
import { revokeKey } from '../src/index.js';
import type { DatabaseOptions } from '../src/index.js';
import { av, avConfig, call as send, collabConfig, handoff, handoffOf, quoteRequest, startDesk, type Reply, type Running } from './fixtures.js';

/** The suite on databases from `database()`: each call a new, empty one. */
export function deskSuite(database: () => Promise<DatabaseOptions>): void {
let desk: Running;
before(async () => {
  desk = await startDesk({ database: await database() });
});
after(() => desk.close());

const call = (method: string, path: string, options: Parameters<typeof send>[3] = {}): Promise<Reply> => send(desk.base, method, path, options);
const reasons = (reply: Reply): string[] => reply.body.reasons.map((r: { path: string }) => r.path);
/** A quote's event types, oldest first. */
const eventsOf = async (number: string) => (await call('GET', `/quotes/${number}`, { key: desk.keys.rep })).body.events.map((e: { type: string }) => e.type);

describe('keys and roles', () => {
  it('GET /me says who a key is, as events and claims name it', async () => {
    const me = await call('GET', '/me', { key: desk.keys.partner });
    assert.deepEqual([me.body.role, me.body.partner], ['partner', 'northwind']);
    assert.equal(me.body.actor, `partner:${me.body.id}`);
    assert.equal((await call('GET', '/me')).status, 401);
  });

  it('a route that needs a key answers 401 without one or with an unknown one, 403 with another role', async () => {
    const none = await call('POST', '/quotes', { body: quoteRequest(avConfig) });
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
    const unknown = await call('POST', '/quotes', { body: quoteRequest(avConfig), key: `cpq_${'A'.repeat(43)}` });
    assert.equal(unknown.status, 401);
    const guidance = await call('POST', '/guidance', { key: desk.keys.buyer, body: { segment: 'smb', region: 'emea', family: 'av-rooms' } });
    assert.equal(guidance.status, 403);
    assert.equal(guidance.body.reasons[0].message, 'price guidance is for reps and approvers; this is a buyer key');
  });

  it('a revoked key is refused from then on', async () => {
    const { createKey } = await import('../src/index.js');
    const made = await createKey(desk.desk.db, { role: 'buyer' });
    assert.equal((await call('POST', '/quotes', { key: made.key, body: quoteRequest(avConfig) })).status, 201);
    assert.equal(await revokeKey(desk.desk.db, made.id), true);
    assert.equal((await call('POST', '/quotes', { key: made.key, body: quoteRequest(avConfig) })).status, 401);
  });

  it('keys are stored only as hashes, and never written to the log', async () => {
    const rows = await desk.desk.db.query<{ hash: string }>('select hash from api_keys');
    for (const key of Object.values(desk.keys)) {
      assert.ok(!rows.some((r) => r.hash.includes(key.slice(4)) || r.hash === key), 'a key in the table');
      assert.ok(!JSON.stringify(desk.logs).includes(key), 'a key in the log');
    }
  });
});

describe('policy, enforced on the server', () => {
  it('a buyer asking for a discount, a far validity and enterprise prices is refused with every reason, and nothing is stored', async () => {
    const before = await desk.desk.db.query<{ n: number }>('select count(*)::int as n from quotes');
    const asked = await call('POST', '/quotes', {
      key: desk.keys.buyer,
      body: quoteRequest(avConfig, { context: { orderDiscount: { percent: '100' }, segment: 'enterprise' }, validUntil: '9999-12-31', items: [{ configuration: avConfig, lineDiscounts: { 'meeting-room/camera:ptz': { percent: '10' } } }] }),
    });
    assert.equal(asked.status, 403);
    assert.equal(asked.body.error, 'forbidden');
    assert.deepEqual(reasons(asked), ['validUntil', 'context.orderDiscount', 'items[0].lineDiscounts', 'context.segment']);
    const after = await desk.desk.db.query<{ n: number }>('select count(*)::int as n from quotes');
    assert.deepEqual(after, before);
  });

  it("a buyer may not name a partner, a customer's contract, another day's prices or the quote's number", async () => {
    const asked = await call('POST', '/quotes', { key: desk.keys.buyer, body: quoteRequest(avConfig, { number: 'Q-MINE', context: { partner: 'northwind', customer: 'contoso', date: '2026-11-19' } }) });
    assert.equal(asked.status, 403);
    assert.deepEqual(reasons(asked).sort(), ['context.customer', 'context.date', 'context.partner', 'number']);
  });

  it('a buyer gets the list prices or a segment the policy allows, valid for the policy’s days', async () => {
    const list = await call('POST', '/quotes', { key: desk.keys.buyer, body: quoteRequest(avConfig) });
    assert.equal(list.status, 201);
    assert.equal(list.body.validUntil, '2026-12-20');
    assert.equal(list.body.book.id, 'list-eur');
    assert.ok(list.body.signature);
    const smb = await call('POST', '/quotes', { key: desk.keys.buyer, body: quoteRequest(avConfig, { context: { segment: 'smb' }, validDays: 7 }) });
    assert.equal(smb.status, 201);
    assert.equal(smb.body.validUntil, '2026-11-27');
  });

  it("a partner's key quotes with its own book and partner discount, and only its own", async () => {
    const own = await call('POST', '/quotes', { key: desk.keys.partner, body: quoteRequest(avConfig) });
    assert.equal(own.status, 201);
    assert.equal(own.body.partner, 'northwind');
    assert.equal(own.body.book.id, 'partner-northwind-eur');
    const other = await call('POST', '/quotes', { key: desk.keys.partner, body: quoteRequest(avConfig, { context: { segment: 'enterprise', orderDiscount: { percent: '5' } } }) });
    assert.equal(other.status, 403);
    assert.deepEqual(reasons(other), ['context.orderDiscount', 'context.segment']);
  });

  it('a rep discounts within the floor (signed), below it the quote waits for an approver, unsigned', async () => {
    const within = await call('POST', '/quotes', { key: desk.keys.rep, body: quoteRequest(avConfig, { context: { orderDiscount: { percent: '5' } } }) });
    assert.equal(within.status, 201);
    assert.ok(within.body.signature);
    const below = await call('POST', '/quotes', { key: desk.keys.rep, body: quoteRequest(avConfig, { context: { segment: 'enterprise', orderDiscount: { percent: '30' } } }) });
    assert.equal(below.status, 202);
    assert.equal(below.body.status, 'pending-approval');
    assert.match(below.body.reasons[0].message, /exceed the 20% allowed without approval/);
    const stored = await call('GET', `/quotes/${below.body.number}`, { key: desk.keys.rep });
    assert.equal(stored.body.status, 'pending-approval');
    assert.equal(stored.body.quote.signature, undefined);
    const far = await call('POST', '/quotes', { key: desk.keys.rep, body: quoteRequest(avConfig, { validDays: 120 }) });
    assert.equal(far.status, 403);
    assert.equal(far.body.reasons[0].message, 'a rep quote may be valid for at most 90 days; this asks for 120');
  });

  it('only an approver approves (signed, verifiable) or rejects (with a comment); each is an event', async () => {
    const below = await call('POST', '/quotes', { key: desk.keys.rep, body: quoteRequest(avConfig, { context: { segment: 'enterprise', orderDiscount: { percent: '30' } } }) });
    const number = below.body.number;
    assert.equal((await call('POST', `/quotes/${number}/approve`, { key: desk.keys.rep })).status, 403);
    const approved = await call('POST', `/quotes/${number}/approve`, { key: desk.keys.approver, body: { comment: 'Strategic account' } });
    assert.equal(approved.status, 200);
    assert.equal((await verifyQuote(approved.body, { catalog: av, key: desk.desk.context.verifyKey, now: '2026-11-20T10:00:00Z' })).valid, true);
    assert.equal((await call('POST', `/quotes/${number}/approve`, { key: desk.keys.approver })).status, 409);
    assert.deepEqual(await eventsOf(number), ['created', 'approved']);

    const other = await call('POST', '/quotes', { key: desk.keys.rep, body: quoteRequest(avConfig, { context: { segment: 'enterprise', orderDiscount: { percent: '35' } } }) });
    assert.equal((await call('POST', `/quotes/${other.body.number}/reject`, { key: desk.keys.approver, body: {} })).status, 400);
    const rejected = await call('POST', `/quotes/${other.body.number}/reject`, { key: desk.keys.approver, body: { comment: 'Too deep for this size' } });
    assert.deepEqual(rejected.body, { number: other.body.number, version: 1, status: 'rejected', comment: 'Too deep for this size' });
  });
});

describe('the quote lifecycle', () => {
  it('a buyer accepts a sent quote once: accepting again answers the same, one event, one won deal', async () => {
    const quote = (await call('POST', '/quotes', { key: desk.keys.buyer, body: quoteRequest(avConfig, { items: [{ configuration: avConfig, quantity: 2 }] }) })).body as Quote;
    const first = await call('POST', `/quotes/${quote.number}/accept`, { key: desk.keys.buyer, body: quote });
    assert.equal(first.status, 200);
    assert.equal(first.body.status, 'accepted');
    const again = await call('POST', `/quotes/${quote.number}/accept`, { key: desk.keys.buyer, body: quote });
    assert.deepEqual(again.body, first.body);
    assert.deepEqual(await eventsOf(quote.number), ['created', 'accepted']);
    const deals = await desk.desk.db.query<{ deal: { outcome: string; quantity: number; net: string } }>('select deal from deals where quote_number = $1', [quote.number]);
    assert.deepEqual(deals.map((d) => [d.deal.outcome, d.deal.quantity, d.deal.net]), [['won', 2, quote.totals.net.amount]]);
  });

  it('a tampered, foreign or replaced quote is not accepted', async () => {
    const quote = (await call('POST', '/quotes', { key: desk.keys.rep, body: quoteRequest(avConfig) })).body as Quote;
    const cheaper = structuredClone(quote);
    cheaper.totals.grandTotal.amount = '1.00';
    const tampered = await call('POST', `/quotes/${quote.number}/accept`, { key: desk.keys.buyer, body: cheaper });
    assert.equal(tampered.status, 400);
    assert.equal(tampered.body.error, 'not a valid quote');
    assert.equal((await call('POST', `/quotes/Q-OTHER/accept`, { key: desk.keys.buyer, body: quote })).status, 400);
    assert.equal((await call('POST', `/quotes/${quote.number}/accept`, { key: desk.keys.partner, body: quote })).status, 403);
    const revised = await call('POST', `/quotes/${quote.number}/revisions`, { key: desk.keys.rep, body: { items: [{ item: '1', quantity: 3 }] } });
    assert.equal(revised.status, 201);
    const old = await call('POST', `/quotes/${quote.number}/accept`, { key: desk.keys.buyer, body: quote });
    assert.equal(old.status, 409);
    assert.equal(old.body.reasons[0].message, 'version 1 was replaced by version 2');
  });

  it('a revision is the next version with its price diff; reorder makes a new quote at today’s prices', async () => {
    const quote = (await call('POST', '/quotes', { key: desk.keys.rep, body: quoteRequest(avConfig) })).body as Quote;
    const revised = await call('POST', `/quotes/${quote.number}/revisions`, { key: desk.keys.rep, body: { items: [{ item: '1', quantity: 2 }] } });
    assert.equal(revised.body.quote.version, 2);
    assert.equal(revised.body.quote.previous.version, 1);
    const stored = (await call('GET', `/quotes/${quote.number}`, { key: desk.keys.rep })).body;
    assert.deepEqual(stored.versions.map((v: { version: number; diff?: unknown }) => [v.version, v.diff !== undefined]), [[1, false], [2, true]]);
    assert.deepEqual(stored.versions[1].diff, revised.body.diff);
    const cents = (amount: string) => Math.round(Number(amount) * 100);
    assert.equal(cents(revised.body.diff.totals.grandTotal.change.amount), cents(revised.body.quote.totals.grandTotal.amount) - cents(quote.totals.grandTotal.amount));
    const reordered = await call('POST', `/quotes/${quote.number}/reorder`, { key: desk.keys.rep, body: {} });
    assert.equal(reordered.status, 201);
    assert.notEqual(reordered.body.quote.number, quote.number);
    assert.equal(reordered.body.quote.previous.number, quote.number);
    assert.deepEqual((await eventsOf(quote.number)).slice(-2), ['revised', 'reordered']);
  });

  it('a sent quote past its last day is expired: not accepted, and a lost deal', async () => {
    const quote = (await call('POST', '/quotes', { key: desk.keys.buyer, body: quoteRequest(collabConfig, { validDays: 2 }) })).body as Quote;
    desk.setNow('2026-11-23T09:00:00.000Z');
    try {
      const late = await call('POST', `/quotes/${quote.number}/accept`, { key: desk.keys.buyer, body: quote });
      assert.equal(late.status, 409);
      assert.equal(late.body.error, 'expired');
      const list = await call('GET', '/quotes?status=expired', { key: desk.keys.rep });
      assert.ok(list.body.some((q: { number: string }) => q.number === quote.number));
      const [deal] = await desk.desk.db.query<{ deal: { outcome: string; family: string } }>('select deal from deals where quote_number = $1', [quote.number]);
      assert.equal(deal!.deal.outcome, 'lost');
      assert.equal(deal!.deal.family, 'collaboration');
    } finally {
      desk.setNow('2026-11-20T10:00:00.000Z');
    }
  });

  it('a buyer opens a quote with its access token, and only that quote', async () => {
    const made = await call('POST', '/quotes', { key: desk.keys.rep, body: quoteRequest(avConfig) });
    const access = made.headers.get('cpq-access')!;
    const opened = await call('GET', `/quotes/${made.body.number}`, { headers: { 'cpq-access': access } });
    assert.equal(opened.status, 200);
    assert.deepEqual(Object.keys(opened.body).sort(), ['number', 'quote', 'status', 'validUntil', 'version']);
    assert.equal(opened.body.quote.signature.value, made.body.signature.value);
    const other = await call('POST', '/quotes', { key: desk.keys.rep, body: quoteRequest(avConfig) });
    assert.equal((await call('GET', `/quotes/${other.body.number}`, { headers: { 'cpq-access': access } })).status, 401);
  });

  it('verify says whether a genuine quote still stands', async () => {
    const quote = (await call('POST', '/quotes', { key: desk.keys.rep, body: quoteRequest(avConfig) })).body as Quote;
    assert.deepEqual((await call('POST', '/quotes/verify', { body: quote })).body, { valid: true, number: quote.number, version: 1, reasons: [], status: 'sent', current: true });
    await call('POST', `/quotes/${quote.number}/revisions`, { key: desk.keys.rep, body: { items: [{ item: '1', quantity: 2 }] } });
    assert.equal((await call('POST', '/quotes/verify', { body: quote })).body.current, false);
  });
});

describe('hand-offs', () => {
  it('a buyer hands off; a rep lists, claims and answers it with a quote the buyer opens from their link', async () => {
    const body = handoff();
    const sent = await call('POST', '/handoffs', { key: desk.keys.buyer, body });
    assert.equal(sent.status, 201);
    const { id, access } = sent.body;
    const open = await call('GET', '/handoffs?status=open', { key: desk.keys.rep });
    const listed = open.body.find((h: { id: string }) => h.id === id);
    assert.equal(listed.contact.email, 'ada@example.com');
    assert.equal(listed.product, 'meeting-room');
    assert.deepEqual([listed.complete, listed.answers, listed.conflicts], [false, 2, 1]);
    assert.equal((await call('GET', `/handoffs/${id}`, { headers: { 'cpq-access': access } })).body.status, 'open');

    assert.equal((await call('POST', `/handoffs/${id}/claim`, { key: desk.keys.rep })).status, 200);
    assert.equal((await call('POST', `/handoffs/${id}/claim`, { key: desk.keys.rep })).status, 200, 'claiming again is no change');
    const taken = await call('POST', `/handoffs/${id}/claim`, { key: desk.keys.rep2 });
    assert.equal(taken.status, 409);
    const full = (await call('GET', `/handoffs/${id}`, { key: desk.keys.rep })).body;
    // Exactly as the buyer left it: the conflict they met and what they gave up for it included.
    assert.deepEqual(full.payload, body.payload);
    assert.deepEqual(full.payload.conflicts[0].wanted, { attribute: 'display', value: 'd86' });
    assert.equal(full.contact.message, 'Can we mount it on glass?');
    assert.equal(full.price.totals.grandTotal.currency, 'EUR');
    assert.equal((await call('POST', '/quotes', { key: desk.keys.rep2, body: quoteRequest(avConfig, { handoff: id }) })).status, 409);

    // The rep completes the configuration with the buyer (a complete one here) and sends a quote.
    const answer = await call('POST', '/quotes', { key: desk.keys.rep, body: quoteRequest(avConfig, { handoff: id, context: { orderDiscount: { percent: '5' } } }) });
    assert.equal(answer.status, 201);
    const seen = await call('GET', `/handoffs/${id}`, { headers: { 'cpq-access': access } });
    assert.equal(seen.body.status, 'answered');
    assert.equal(seen.body.quote.number, answer.body.number);
    assert.equal(seen.body.quote.quote.signature.value, answer.body.signature.value);
    const accepted = await call('POST', `/quotes/${answer.body.number}/accept`, { key: desk.keys.buyer, body: seen.body.quote.quote });
    assert.equal(accepted.body.status, 'accepted');
    const reopened = await call('GET', `/handoffs/${id}`, { headers: { 'cpq-access': access } });
    assert.deepEqual([reopened.body.quote.status, reopened.body.quote.acceptedAt], ['accepted', accepted.body.acceptedAt]);
    const events = (await call('GET', `/handoffs/${id}`, { key: desk.keys.rep })).body.events.map((e: { type: string }) => e.type);
    assert.deepEqual(events, ['created', 'claimed', 'answered']);
  });

  it('a hand-off that waits for approval is answered when the approver approves', async () => {
    const { id, access } = (await call('POST', '/handoffs', { key: desk.keys.buyer, body: handoff() })).body;
    const held = await call('POST', '/quotes', { key: desk.keys.rep, body: quoteRequest(avConfig, { handoff: id, context: { segment: 'enterprise', orderDiscount: { percent: '30' } } }) });
    assert.equal(held.status, 202);
    assert.equal((await call('GET', `/handoffs/${id}`, { headers: { 'cpq-access': access } })).body.quote, undefined);
    const second = await call('POST', '/quotes', { key: desk.keys.rep, body: quoteRequest(avConfig, { handoff: id }) });
    assert.equal(second.status, 409);
    assert.match(second.body.reasons[0].message, /waits for approval/);
    const waiting = (await call('GET', '/quotes?status=pending-approval', { key: desk.keys.approver })).body.find((q: { number: string }) => q.number === held.body.number);
    const messages: string[] = waiting.reasons.map((r: { message: string }) => r.message);
    assert.deepEqual(messages, [...new Set(messages)]);
    assert.match(messages[0]!, /exceed the 20% allowed without approval/);
    await call('POST', `/quotes/${held.body.number}/approve`, { key: desk.keys.approver });
    assert.equal((await call('GET', `/handoffs/${id}`, { headers: { 'cpq-access': access } })).body.quote.number, held.body.number);
  });

  it('refuses a hand-off of an unknown catalog or a configuration the catalog does not have, with paths', async () => {
    const wrong = await call('POST', '/handoffs', { key: desk.keys.buyer, body: handoffOf({ ...avConfig, selections: { ...avConfig.selections, display: 'd200' } }) });
    assert.equal(wrong.status, 400);
    assert.match(wrong.body.reasons[0].path, /^payload\.configuration\.selections/);
    const unknown = handoff();
    unknown.payload.catalog.id = 'boardrooms';
    assert.deepEqual((await call('POST', '/handoffs', { key: desk.keys.buyer, body: unknown })).body.reasons, [{ path: 'payload.catalog.id', message: 'unknown catalog "boardrooms"' }]);
    const shape = await call('POST', '/handoffs', { key: desk.keys.buyer, body: { payload: { format: 'cpq-kit/handoff@1' } } });
    assert.equal(shape.status, 400);
    assert.ok(reasons(shape).includes('payload.configuration'));
    assert.equal((await call('GET', '/handoffs', { key: desk.keys.buyer })).status, 403);
  });
});

describe('guidance from the stored deals', () => {
  it('answers from the seeded deals, and an accepted quote adds a won deal to its cell', async () => {
    const ask = () => call('POST', '/guidance', { key: desk.keys.rep, body: { segment: 'smb', region: 'emea', family: 'av-rooms' } });
    const before = await ask();
    assert.equal(before.status, 200);
    assert.ok(before.body.wonDeals > 30);
    const quote = (await call('POST', '/quotes', { key: desk.keys.buyer, body: quoteRequest(avConfig) })).body;
    await call('POST', `/quotes/${quote.number}/accept`, { key: desk.keys.buyer, body: quote });
    const after = await ask();
    const won = (g: { backoff: { cell: { level: string }; wonDeals: number }[] }) => g.backoff.find((b) => b.cell.level === 'segment-region-family')!.wonDeals;
    assert.equal(won(after.body), won(before.body) + 1);
  });
});

describe('bad requests', () => {
  it('answer 400 with the paths of what is wrong, never 500', async () => {
    const wrongType = await call('POST', '/quotes', { key: desk.keys.rep, body: quoteRequest(avConfig, { items: [{ configuration: avConfig, quantity: 'two' }] }) });
    assert.equal(wrongType.status, 400);
    assert.deepEqual(reasons(wrongType), ['items[0].quantity']);
    assert.equal((await call('POST', '/quotes', { key: desk.keys.rep, body: '{"catalog": "av-rooms", "catalog": "x", "items": []}' })).body.reasons[0].message, 'the key "catalog" appears twice in one object (JSON keeps only the last)');
    assert.deepEqual(reasons(await call('POST', '/quotes', { key: desk.keys.rep, body: '{"__proto__": {}, "catalog": "av-rooms", "items": []}' })), ['__proto__']);
    const rule = await call('POST', '/quotes', { key: desk.keys.rep, body: quoteRequest({ ...avConfig, selections: { ...avConfig.selections, mounting: 'wall-standard' } }) });
    assert.equal(rule.status, 400);
    assert.equal(rule.body.error, 'cannot quote');
    assert.equal((await call('POST', '/quotes', { key: desk.keys.rep, body: 'catalog=av-rooms', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status, 415);
    const method = await call('DELETE', '/quotes');
    assert.equal(method.status, 405);
    assert.equal(method.headers.get('allow'), 'GET, POST');
    assert.equal((await call('GET', '/nothing')).status, 404);
    assert.equal((await call('GET', '/quotes/Q-NONE', { key: desk.keys.rep })).status, 404);
    assert.equal((await call('GET', '/handoffs/not-a-uuid', { key: desk.keys.rep })).status, 404);
  });

  it('caps the items of a quote; verify reads back the largest quote the desk makes', async () => {
    const items = Array.from({ length: 101 }, () => ({ configuration: avConfig }));
    const many = await call('POST', '/quotes', { key: desk.keys.rep, body: { catalog: 'av-rooms', items } });
    assert.equal(many.status, 400);
    assert.equal(many.body.reasons[0].message, 'a quote may have at most 100 items');
    const largest = await call('POST', '/quotes', { key: desk.keys.rep, body: { catalog: 'av-rooms', items: items.slice(1) } });
    assert.equal(largest.status, 201);
    const verified = await call('POST', '/quotes/verify', { body: largest.body });
    assert.equal(verified.status, 200);
    assert.equal(verified.body.valid, true);
    // A forged quote with more items than the desk makes is refused before it is priced again.
    const forged = { ...largest.body, items: [...largest.body.items, ...largest.body.items.slice(0, 5).map((item: { id: string }) => ({ ...item, id: `f${item.id}` }))] };
    const refused = await call('POST', '/quotes/verify', { body: forged });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.reasons[0].message, 'this desk makes quotes of at most 100 items; this one has 105');
  });

  it('refuses an oversized body from its Content-Length, before reading it', async () => {
    const started = Date.now();
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${desk.base}/quotes`);
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(50_000_000), authorization: `Bearer ${desk.keys.rep}` } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      // The headers only: the body never comes.
      req.flushHeaders();
    });
    assert.equal(status, 413);
    assert.ok(Date.now() - started < 2000);
  });

  it('never answers any JSON body with a 500 (property)', async () => {
    const paths = ['/quotes', '/quotes/verify', '/handoffs', '/guidance', '/quotes/Q-2026-00001/accept', '/quotes/Q-2026-00001/revisions'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.constantFrom('buyer', 'rep', 'approver') as fc.Arbitrary<'buyer' | 'rep' | 'approver'>, fc.jsonValue({ maxDepth: 4 }), async (path, role, body) => {
        const { status } = await call('POST', path, { key: desk.keys[role], body });
        assert.ok([200, 201, 202, 400, 403, 404, 409].includes(status), `${path} answered ${status}`);
      }),
      { numRuns: 150 },
    );
  });

  it('logs one structured entry per request: method, path, status, time, key id and role', async () => {
    await call('GET', '/health');
    const entry = desk.logs.filter((e) => e.msg === 'request').at(-1)!;
    assert.deepEqual(Object.keys(entry).sort(), ['level', 'method', 'ms', 'msg', 'path', 'request', 'status']);
    const withKey = desk.logs.find((e) => e.msg === 'request' && e.role === 'rep')!;
    assert.match(String(withKey.key), /^k_[0-9a-f]{12}$/);
  });
});

describe('when the database fails', () => {
  it('answers 500 with a request id and no stack trace, and /health says 503', async () => {
    const broken = await startDesk({ database: await database() });
    const key = broken.keys.rep;
    await broken.desk.db.query('drop table quotes cascade');
    const failed = await send(broken.base, 'POST', '/quotes', { key, body: quoteRequest(avConfig) });
    assert.equal(failed.status, 500);
    assert.deepEqual(Object.keys(failed.body).sort(), ['error', 'request']);
    assert.ok(!JSON.stringify(failed.body).includes(' at '));
    const logged = broken.logs.find((e) => e.level === 'error')!;
    assert.equal(logged.request, failed.body.request);
    assert.match(String(logged.error), /quotes/);
    await broken.desk.db.close();
    assert.equal((await send(broken.base, 'GET', '/health')).status, 503);
    await broken.close().catch(() => {});
  });
});
}
