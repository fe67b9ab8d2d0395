/**
 * Hand-offs: a buyer asks for a person ("talk to an expert", "buy at a reseller") and the
 * configurator's `cpq-handoff-request` payload is kept whole (configuration, answers,
 * conflicts, the share link) with the contact, so that the rep who claims it starts from
 * where the buyer stopped, and answers with a quote the buyer opens from their link.
 */
import { randomUUID } from 'node:crypto';
import * as engine from '@cpq-kit/engine';
import type { PriceBreakdown, Problem } from '@cpq-kit/engine';
import * as z from 'zod/mini';
import { accessToken, actorOf, type Call, dayOf, type DeskContext, hasAccess, recordEvent, Refusal, requireRole } from './context.js';
import { decidedAt, eventsOf, parse, type Answer } from './quotes.js';

const text = (max: number) => z.string().check(z.maxLength(max, `must be at most ${max} characters`));

/** The configurator's hand-off payload (`HandoffPayload` of the engine), as a page sends it. */
export const HandoffPayloadSchema = z.strictObject({
  format: z.literal(engine.HANDOFF_FORMAT),
  catalog: z.strictObject({ id: text(200), version: text(200) }),
  configuration: engine.ConfigurationSchema,
  complete: z.boolean(),
  answers: z.array(z.record(z.string(), z.unknown())).check(z.maxLength(5000)),
  conflicts: z.array(z.record(z.string(), z.unknown())).check(z.maxLength(1000)),
  /** The price the buyer saw. Kept for the record; the desk prices the configuration itself. */
  price: z.optional(engine.PriceBreakdownSchema),
  priceProblems: z.optional(z.array(z.strictObject({ path: z.string(), message: z.string(), code: z.optional(z.string()), params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))) }))),
  share: z.strictObject({ code: text(100_000), link: z.optional(text(8000)) }),
});

/** POST /handoffs: the payload, who to reach, and how to reach the buyer. */
export const HandoffBodySchema = z.strictObject({
  payload: HandoffPayloadSchema,
  /** `expert` (a specialist) or `reseller` (a reseller's shop or sales team), as the configurator's event says. Default `expert`. */
  to: z.optional(z.enum(['expert', 'reseller'])),
  contact: z.optional(
    z.strictObject({
      name: z.optional(text(200)),
      email: z.optional(z.email()),
      phone: z.optional(text(50)),
      company: z.optional(text(200)),
      message: z.optional(text(4000)),
    }),
  ),
});

type Status = 'open' | 'claimed' | 'answered';

interface HandoffRow {
  id: string;
  status: Status;
  catalog: string;
  topic: string;
  payload: z.infer<typeof HandoffPayloadSchema>;
  contact: Record<string, string>;
  price: { price?: PriceBreakdown; problems?: Problem[] } | null;
  created_by: string;
  claimed_by: string | null;
  quote_number: string | null;
  created_at: Date;
  updated_at: Date;
}

export function handoffHandlers(desk: DeskContext) {
  const { db, policy } = desk;

  async function create(call: Call): Promise<Answer> {
    const caller = requireRole(call, ['buyer', 'partner'], 'handing off to a person');
    const body = parse(HandoffBodySchema, call.body);
    const { payload } = body;
    const catalog = desk.catalogs.get(payload.catalog.id);
    if (!catalog) throw new Refusal(400, { error: 'invalid request', reasons: [{ path: 'payload.catalog.id', message: `unknown catalog "${payload.catalog.id}"` }] });
    const problems = engine.checkConfiguration(catalog, payload.configuration);
    if (problems.length > 0) throw new Refusal(400, { error: 'invalid request', reasons: problems.map((p) => ({ path: `payload.configuration${p.path ? `.${p.path}` : ''}`, message: p.message })) });
    // The desk's own price, with the prices this caller may see: the rep reads it, not the page's.
    const segment = payload.price?.segment;
    const context = {
      date: dayOf(desk.now()),
      ...(caller.role === 'partner' ? { partner: caller.partner } : segment !== undefined && policy.buyerSegments.includes(segment) ? { segment } : {}),
    };
    let price: HandoffRow['price'];
    try {
      price = { price: engine.price(catalog, payload.configuration, context) };
    } catch (error) {
      if (!(error instanceof engine.ValidationError)) throw error;
      price = { problems: [...error.problems] };
    }
    const id = randomUUID();
    const at = desk.now();
    const actor = actorOf(caller);
    await db.transaction(async (tx) => {
      await tx.query(
        `insert into handoffs (id, status, catalog, topic, payload, contact, price, created_by, created_at, updated_at)
         values ($1, 'open', $2, $3, $4::json, $5::json, $6::json, $7, $8, $8)`,
        [id, catalog.id, body.to ?? 'expert', JSON.stringify(payload), JSON.stringify(body.contact ?? {}), JSON.stringify(price), actor, at.toISOString()],
      );
      await recordEvent(tx, at, { subject: 'handoff', id, type: 'created', actor });
    });
    return { status: 201, body: { id, status: 'open', access: accessToken(desk, 'handoff', id) }, headers: { location: `handoffs/${id}` } };
  }

  async function list(call: Call): Promise<Answer> {
    requireRole(call, ['rep', 'approver'], 'listing hand-offs');
    const status = call.query.get('status');
    if (status !== null && !['open', 'claimed', 'answered'].includes(status)) {
      throw new Refusal(400, { error: 'invalid request', reasons: [{ path: 'status', message: 'must be open, claimed or answered' }] });
    }
    const rows = await db.query<HandoffRow>(`select * from handoffs ${status ? 'where status = $1' : ''} order by created_at desc, id limit 200`, status ? [status] : []);
    return {
      status: 200,
      body: rows.map((r) => ({
        id: r.id,
        status: r.status,
        to: r.topic,
        catalog: r.catalog,
        product: r.payload.configuration.product,
        complete: r.payload.complete,
        answers: r.payload.answers.length,
        conflicts: r.payload.conflicts.length,
        contact: r.contact,
        grandTotal: r.price?.price?.totals.grandTotal,
        claimedBy: r.claimed_by,
        quote: r.quote_number,
        createdAt: r.created_at,
      })),
    };
  }

  async function load(id: string, lock?: { query: typeof db.query }): Promise<HandoffRow> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) throw new Refusal(404, { error: 'not found', reasons: [{ path: 'id', message: `there is no hand-off ${id}` }] });
    const [row] = await (lock ?? db).query<HandoffRow>(`select * from handoffs where id = $1${lock ? ' for update' : ''}`, [id]);
    if (!row) throw new Refusal(404, { error: 'not found', reasons: [{ path: 'id', message: `there is no hand-off ${id}` }] });
    return row;
  }

  async function get(call: Call): Promise<Answer> {
    const id = call.params.id!;
    // The buyer, from their link: where the hand-off stands, and the quote once a rep answered.
    if (!call.caller && hasAccess(desk, 'handoff', id, call.access)) {
      const row = await load(id);
      let quote;
      if (row.quote_number !== null) {
        const [q] = await db.query<{ status: string; valid_until: string; document: unknown }>(
          'select q.status, q.valid_until, v.document from quotes q join quote_versions v on v.number = q.number and v.version = q.version where q.number = $1',
          [row.quote_number],
        );
        if (q && q.status !== 'pending-approval' && q.status !== 'rejected') {
          const status = q.status === 'sent' && q.valid_until < dayOf(desk.now()) ? 'expired' : q.status;
          quote = { number: row.quote_number, status, ...(await decidedAt(db, row.quote_number, status)), access: accessToken(desk, 'quote', row.quote_number), quote: q.document };
        }
      }
      return { status: 200, body: { id, status: row.status, ...(quote ? { quote } : {}) } };
    }
    requireRole(call, ['rep', 'approver'], 'reading a hand-off');
    const row = await load(id);
    return {
      status: 200,
      body: {
        id,
        status: row.status,
        to: row.topic,
        catalog: row.catalog,
        contact: row.contact,
        payload: row.payload,
        ...(row.price?.price ? { price: row.price.price } : {}),
        ...(row.price?.problems ? { priceProblems: row.price.problems } : {}),
        claimedBy: row.claimed_by,
        quote: row.quote_number,
        createdAt: row.created_at,
        events: await eventsOf(db, 'handoff', id),
      },
    };
  }

  async function claim(call: Call): Promise<Answer> {
    const caller = requireRole(call, ['rep', 'approver'], 'claiming a hand-off');
    const actor = actorOf(caller);
    const at = desk.now();
    return db.transaction(async (tx) => {
      const row = await load(call.params.id!, tx);
      if (row.claimed_by === actor) return { status: 200, body: { id: row.id, status: row.status, claimedBy: actor } };
      if (row.status !== 'open') {
        throw new Refusal(409, { error: 'conflict', reasons: [{ path: 'status', message: row.status === 'answered' ? 'this hand-off was answered already' : `this hand-off is claimed by ${row.claimed_by}` }] });
      }
      await tx.query("update handoffs set status = 'claimed', claimed_by = $2, updated_at = $3 where id = $1", [row.id, actor, at.toISOString()]);
      await recordEvent(tx, at, { subject: 'handoff', id: row.id, type: 'claimed', actor });
      return { status: 200, body: { id: row.id, status: 'claimed', claimedBy: actor } };
    });
  }

  return { create, list, get, claim };
}
