/**
 * The quote lifecycle: made (by a buyer's page, a partner or a rep), held for approval
 * when a discount goes below the floor, sent (signed), revised, accepted or declined by
 * the buyer, expired, reordered. Every change is one transaction with its event row.
 *
 *   pending-approval ──approve──▶ sent ──accept──▶ accepted (a won deal)
 *          │                      │  └──decline──▶ declined (a lost deal)
 *          └──reject──▶ rejected  └──(valid-until passes)──▶ expired (a lost deal)
 *   a revision of any quote not accepted, declined or expired is its next version.
 */
import * as engine from '@cpq-kit/engine';
import type { Catalog, Deal, Problem, Quote, QuoteChanges } from '@cpq-kit/engine';
import * as z from 'zod/mini';
import { accessToken, actorOf, type Call, dayOf, type DeskContext, hasAccess, recordEvent, Refusal, requireRole } from './context.js';
import type { Caller } from './keys.js';
import { addDays, maxValidDays, negotiates, quoteProblems, requestProblems } from './policy.js';
import type { Queryable } from './store/database.js';

/** A handler's answer: status, JSON body, extra headers. */
export interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

type Status = 'pending-approval' | 'rejected' | 'sent' | 'accepted' | 'declined' | 'expired';

/** The deal cell a quote becomes a deal of: price guidance compares within it. */
interface Cell {
  readonly segment: string;
  readonly region: string;
  readonly family: string;
}

interface QuoteRow {
  number: string;
  catalog: string;
  status: Status;
  version: number;
  valid_until: string;
  cell: Cell;
  handoff: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

const Days = z.int().check(z.minimum(1), z.maximum(366));
const Region = z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters'));
const Comment = z.string().check(z.maxLength(2000, 'must be at most 2,000 characters'));

/** The body of POST /quotes: the engine's quote request with the catalog by id, and the desk's own fields. */
export function quoteBodySchema(maxItems: number) {
  return z.strictObject({
    catalog: z.string(),
    items: z.array(engine.QuoteItemInputSchema).check(z.minLength(1, 'a quote needs at least one item'), z.maxLength(maxItems, `a quote may have at most ${maxItems} items`)),
    context: z.optional(engine.QuoteContextInputSchema),
    /** The last day the quote may be accepted; or `validDays`. Default: the role's validity (policy). */
    validUntil: z.optional(engine.QuoteRequestSchema.shape.validUntil),
    validDays: z.optional(Days),
    /** Refused: the desk numbers quotes. Read so that the refusal can say so. */
    number: z.optional(z.string()),
    /** The hand-off this quote answers (reps). */
    handoff: z.optional(z.uuid()),
    /** The deal region (reps); default the policy's. */
    region: z.optional(Region),
  });
}

const SelectionChangeSchema = z.union([z.string(), z.record(z.string(), z.nullable(engine.SelectionValueSchema))]);

/** The body of POST /quotes/{number}/revisions: the engine's `QuoteChanges`, and a validity in days. */
export function revisionBodySchema(maxItems: number) {
  return z.strictObject({
    items: z.optional(
      z
        .array(
          z.union([
            z.strictObject({ add: engine.QuoteItemInputSchema }),
            z.strictObject({ remove: z.string() }),
            z.strictObject({
              item: z.string(),
              select: z.optional(SelectionChangeSchema),
              quantity: z.optional(z.int().check(z.minimum(1))),
              lineDiscounts: z.optional(z.nullable(z.record(z.string(), engine.ManualDiscountSchema))),
            }),
          ]),
        )
        .check(z.maxLength(maxItems)),
    ),
    context: z.optional(z.record(z.string(), z.unknown())),
    validUntil: z.optional(engine.QuoteRequestSchema.shape.validUntil),
    validDays: z.optional(Days),
  });
}

export const DecisionBodySchema = z.strictObject({ comment: z.optional(Comment) });
export const RejectBodySchema = z.strictObject({ comment: Comment.check(z.minLength(1, 'say why, for the rep')) });
export const DeclineBodySchema = z.strictObject({ quote: z.optional(z.unknown()), reason: z.optional(Comment) });
export const ReorderBodySchema = z.strictObject({ validDays: z.optional(Days) });

/** The quote lifecycle's handlers over one desk. */
export function quoteHandlers(desk: DeskContext) {
  const { db, policy } = desk;
  const QuoteBody = quoteBodySchema(policy.maxItems);
  const RevisionBody = revisionBodySchema(policy.maxItems);
  const today = () => dayOf(desk.now());

  function catalogOf(id: string, path = 'catalog'): Catalog {
    const catalog = desk.catalogs.get(id);
    if (!catalog) throw new Refusal(400, { error: 'invalid request', reasons: [{ path, message: `unknown catalog "${id}"; this desk has ${[...desk.catalogs.keys()].join(', ')}` }] });
    return catalog;
  }

  /** The validity asked for, in days from today, or the role's default. */
  function validDaysOf(caller: Caller, body: { validUntil?: string | undefined; validDays?: number | undefined }): number {
    if (body.validUntil !== undefined) return Math.round((Date.parse(`${body.validUntil}T00:00:00Z`) - Date.parse(`${today()}T00:00:00Z`)) / 86_400_000);
    return body.validDays ?? Math.min(30, maxValidDays(caller, policy));
  }

  async function nextNumber(at: Date): Promise<string> {
    const [row] = await db.query<{ n: string }>("select nextval('quote_number_seq')::text as n");
    return `Q-${at.getUTCFullYear()}-${row!.n.padStart(5, '0')}`;
  }

  /** Signs a quote that needs no approval; a quote that does is held, unsigned. */
  async function finish(quote: Quote): Promise<{ status: Status; document: Quote }> {
    return quote.approvalRequired ? { status: 'pending-approval', document: quote } : { status: 'sent', document: await engine.signQuote(quote, desk.key) };
  }

  /** The answer to a new quote or version: 201 and the signed quote, or 202 while it waits for approval. */
  function answerOf(status: Status, document: Quote): Answer {
    const headers = { location: `quotes/${document.number}`, 'cpq-access': accessToken(desk, 'quote', document.number) };
    if (status === 'sent') return { status: 201, body: document, headers };
    return { status: 202, body: { status, number: document.number, version: document.version, reasons: approvalReasons(document) }, headers };
  }

  /** Engine problems (a broken rule, no price for the date) as 400 with paths. */
  async function priced<T>(make: () => Promise<T>): Promise<T> {
    try {
      return await make();
    } catch (error) {
      if (error instanceof engine.ValidationError) throw new Refusal(400, { error: 'cannot quote', reasons: error.problems });
      throw error;
    }
  }

  function forbidden(reasons: readonly Problem[]): void {
    if (reasons.length > 0) throw new Refusal(403, { error: 'forbidden', reasons });
  }

  async function create(call: Call): Promise<Answer> {
    const caller = requireRole(call, ['buyer', 'partner', 'rep', 'approver'], 'making a quote');
    const body = parse(QuoteBody, call.body);
    const catalog = catalogOf(body.catalog);
    const validDays = validDaysOf(caller, body);
    const refused = requestProblems(caller, { number: body.number, date: body.context?.date, validDays, handoff: body.handoff, region: body.region }, policy, today());
    const at = desk.now();
    // A partner's key prices with its partner's book and discount.
    const context = caller.role === 'partner' ? { ...body.context, partner: body.context?.partner ?? caller.partner } : body.context;
    const make = (number: string, days: number) =>
      engine.createQuote({ catalog, items: body.items, ...(context === undefined ? {} : { context }), validUntil: addDays(today(), days), number, now: at });
    if (refused.length > 0) {
      // Every reason at once: what the priced quote would also break (a discount, another's prices) is said too.
      const draft = await make('Q-REFUSED', 1).catch(() => undefined);
      forbidden([...refused, ...(draft ? quoteProblems(caller, draft, policy) : [])]);
    }
    const number = await nextNumber(at);
    const quote = await priced(() => make(number, validDays));
    forbidden(quoteProblems(caller, quote, policy));
    const { status, document } = await finish(quote);
    // Without a segment asked for, the deal is in the segment of the book that priced it (the list book's "smb").
    const segment = quote.segment ?? (quote.book.audience?.length === 1 ? quote.book.audience[0]! : 'default');
    const cell: Cell = { segment, region: body.region ?? policy.region, family: policy.families[catalog.id] ?? catalog.id };
    const actor = actorOf(caller);
    await db.transaction(async (tx) => {
      if (body.handoff !== undefined) await takeHandoff(tx, body.handoff, caller);
      await tx.query(
        'insert into quotes (number, catalog, status, version, valid_until, cell, handoff, created_by, created_at, updated_at) values ($1, $2, $3, 1, $4, $5::jsonb, $6, $7, $8, $8)',
        [number, catalog.id, status, document.validUntil, JSON.stringify(cell), body.handoff ?? null, actor, at.toISOString()],
      );
      await tx.query('insert into quote_versions (number, version, document, created_by, created_at) values ($1, 1, $2::json, $3, $4)', [number, JSON.stringify(document), actor, at.toISOString()]);
      await recordEvent(tx, at, { subject: 'quote', id: number, version: 1, type: 'created', actor, detail: { status, ...(body.handoff ? { handoff: body.handoff } : {}) } });
      if (status === 'sent' && body.handoff !== undefined) await answerHandoff(tx, body.handoff, number, actor, at);
    });
    return answerOf(status, document);
  }

  /** A rep may answer a hand-off that is open or that they claimed. */
  async function takeHandoff(tx: Queryable, id: string, caller: Caller): Promise<void> {
    const [row] = await tx.query<{ status: string; claimed_by: string | null }>('select status, claimed_by from handoffs where id = $1 for update', [id]);
    if (!row) throw new Refusal(404, { error: 'not found', reasons: [{ path: 'handoff', message: `there is no hand-off ${id}` }] });
    if (row.status === 'answered') throw new Refusal(409, { error: 'conflict', reasons: [{ path: 'handoff', message: 'this hand-off was answered already' }] });
    if (row.claimed_by !== null && row.claimed_by !== actorOf(caller)) throw new Refusal(409, { error: 'conflict', reasons: [{ path: 'handoff', message: `this hand-off is claimed by ${row.claimed_by}` }] });
    const [waiting] = await tx.query<{ number: string }>("select number from quotes where handoff = $1 and status = 'pending-approval'", [id]);
    if (waiting) throw new Refusal(409, { error: 'conflict', reasons: [{ path: 'handoff', message: `quote ${waiting.number} for this hand-off waits for approval: revise it, or have it rejected first` }] });
  }

  async function answerHandoff(tx: Queryable, id: string, number: string, actor: string, at: Date): Promise<void> {
    await tx.query("update handoffs set status = 'answered', quote_number = $2, updated_at = $3 where id = $1", [id, number, at.toISOString()]);
    await recordEvent(tx, at, { subject: 'handoff', id, type: 'answered', actor, detail: { quote: number } });
  }

  /** The quote's row and current document, locked for the transaction when `tx` is given. */
  async function load(q: Queryable, number: string, lock = false): Promise<{ row: QuoteRow; document: Quote }> {
    const [row] = await q.query<QuoteRow>(`select * from quotes where number = $1${lock ? ' for update' : ''}`, [number]);
    if (!row) throw new Refusal(404, { error: 'not found', reasons: [{ path: 'number', message: `there is no quote ${number}` }] });
    const [version] = await q.query<{ document: Quote }>('select document from quote_versions where number = $1 and version = $2', [number, row.version]);
    return { row, document: version!.document };
  }

  /** A sent quote whose last day has passed is expired (and becomes a lost deal once recorded). */
  const statusOf = (row: QuoteRow): Status => (row.status === 'sent' && row.valid_until < today() ? 'expired' : row.status);

  async function get(call: Call): Promise<Answer> {
    const number = call.params.number!;
    // A buyer opens the quote from their link (its access token); reps and approvers see everything.
    if (!call.caller && hasAccess(desk, 'quote', number, call.access)) {
      const { row, document } = await load(db, number);
      const status = statusOf(row);
      if (status === 'pending-approval' || status === 'rejected') return { status: 200, body: { number, status: 'in-preparation' } };
      return { status: 200, body: { number, status, version: row.version, validUntil: row.valid_until, ...(await decidedAt(db, number, status)), quote: document } };
    }
    requireRole(call, ['rep', 'approver'], 'reading a quote');
    const { row, document } = await load(db, number);
    const versions = await db.query<{ version: number; created_by: string; created_at: Date; diff: unknown }>(
      'select version, created_by, created_at, diff from quote_versions where number = $1 order by version',
      [number],
    );
    const events = await eventsOf(db, 'quote', number);
    return {
      status: 200,
      body: {
        number,
        status: statusOf(row),
        version: row.version,
        catalog: row.catalog,
        validUntil: row.valid_until,
        cell: row.cell,
        handoff: row.handoff,
        createdBy: row.created_by,
        createdAt: row.created_at,
        access: accessToken(desk, 'quote', number),
        quote: document,
        versions: versions.map((v) => ({ version: v.version, createdBy: v.created_by, createdAt: v.created_at, ...(v.diff ? { diff: v.diff } : {}) })),
        events,
      },
    };
  }

  async function list(call: Call): Promise<Answer> {
    requireRole(call, ['rep', 'approver'], 'listing quotes');
    await expireQuotes();
    const status = call.query.get('status');
    const rows = await db.query<QuoteRow & { document: Quote }>(
      `select q.*, v.document from quotes q join quote_versions v on v.number = q.number and v.version = q.version
       ${status ? 'where q.status = $1' : ''} order by q.updated_at desc, q.number desc limit 100`,
      status ? [status] : [],
    );
    return {
      status: 200,
      body: rows.map((r) => ({
        number: r.number,
        status: statusOf(r),
        version: r.version,
        catalog: r.catalog,
        validUntil: r.valid_until,
        grandTotal: r.document.totals.grandTotal,
        approvalRequired: r.document.approvalRequired,
        ...(r.status === 'pending-approval' ? { reasons: distinct(approvalReasons(r.document)) } : {}),
        handoff: r.handoff,
        createdBy: r.created_by,
        updatedAt: r.updated_at,
      })),
    };
  }

  async function approve(call: Call): Promise<Answer> {
    const caller = requireRole(call, ['approver'], 'approving a quote');
    const { comment } = parse(DecisionBodySchema, call.body ?? {});
    const at = desk.now();
    const actor = actorOf(caller);
    const signed = await db.transaction(async (tx) => {
      const { row, document } = await load(tx, call.params.number!, true);
      if (row.status !== 'pending-approval') throw new Refusal(409, { error: 'conflict', reasons: [{ path: 'status', message: `the quote is ${statusOf(row)}, not waiting for approval` }] });
      if (statusOf({ ...row, status: 'sent' }) === 'expired') throw new Refusal(409, { error: 'conflict', reasons: [{ path: 'validUntil', message: `the quote was valid until ${row.valid_until}: revise it first` }] });
      const signed = await engine.signQuote(document, desk.key);
      await tx.query("update quotes set status = 'sent', updated_at = $2 where number = $1", [row.number, at.toISOString()]);
      await tx.query('update quote_versions set document = $3::json where number = $1 and version = $2', [row.number, row.version, JSON.stringify(signed)]);
      await recordEvent(tx, at, { subject: 'quote', id: row.number, version: row.version, type: 'approved', actor, ...(comment ? { detail: { comment } } : {}) });
      if (row.handoff !== null) await answerHandoff(tx, row.handoff, row.number, actor, at);
      return signed;
    });
    return { status: 200, body: signed, headers: { 'cpq-access': accessToken(desk, 'quote', signed.number) } };
  }

  async function reject(call: Call): Promise<Answer> {
    const caller = requireRole(call, ['approver'], 'rejecting a quote');
    const { comment } = parse(RejectBodySchema, call.body ?? {});
    const at = desk.now();
    return db.transaction(async (tx) => {
      const { row } = await load(tx, call.params.number!, true);
      if (row.status !== 'pending-approval') throw new Refusal(409, { error: 'conflict', reasons: [{ path: 'status', message: `the quote is ${statusOf(row)}, not waiting for approval` }] });
      await tx.query("update quotes set status = 'rejected', updated_at = $2 where number = $1", [row.number, at.toISOString()]);
      await recordEvent(tx, at, { subject: 'quote', id: row.number, version: row.version, type: 'rejected', actor: actorOf(caller), detail: { comment } });
      return { status: 200, body: { number: row.number, version: row.version, status: 'rejected', comment } };
    });
  }

  /** The signed quote a buyer sends back, verified: the desk's signature, its amounts, its dates. */
  async function presented(value: unknown, number: string): Promise<Quote> {
    const quote = readPresented(value);
    if (quote.number !== number) throw new Refusal(400, { error: 'not this quote', reasons: [{ path: 'number', message: `this is quote ${quote.number}, not ${number}` }] });
    const catalog = catalogOf(quote.catalog.id, 'catalog.id');
    const result = await engine.verifyQuote(quote, { catalog, key: desk.verifyKey, now: desk.now() });
    if (!result.valid) {
      const expired = result.reasons.every((r) => r.code === 'expired');
      throw new Refusal(expired ? 409 : 400, { error: expired ? 'expired' : 'not a valid quote', reasons: result.reasons.map(({ path, message }) => ({ path, message })) });
    }
    return quote;
  }

  /** A buyer's key for the buyer's quotes, a partner's for that partner's. */
  function mayAnswer(caller: Caller, quote: Quote): void {
    if (caller.role === 'partner' ? quote.partner !== caller.partner : quote.partner !== undefined) {
      throw new Refusal(403, { error: 'forbidden', reasons: [{ path: 'partner', message: quote.partner === undefined ? "this quote is not a partner's" : `this quote is partner "${quote.partner}"'s` }] });
    }
  }

  async function accept(call: Call): Promise<Answer> {
    const caller = requireRole(call, ['buyer', 'partner'], 'accepting a quote');
    const number = call.params.number!;
    const quote = await presented(call.body, number);
    mayAnswer(caller, quote);
    const at = desk.now();
    return db.transaction(async (tx) => {
      const { row } = await load(tx, number, true);
      if (row.status === 'accepted' && row.version === quote.version) {
        // Accepting again (a double click, a retry after a lost answer) changes nothing.
        const [event] = await tx.query<{ at: Date }>("select at from events where subject = 'quote' and subject_id = $1 and type = 'accepted' order by id limit 1", [number]);
        return { status: 200, body: { number, version: row.version, status: 'accepted', acceptedAt: event!.at } };
      }
      if (row.version !== quote.version) throw new Refusal(409, { error: 'conflict', reasons: [{ path: 'version', message: `version ${quote.version} was replaced by version ${row.version}` }] });
      if (row.status !== 'sent') throw new Refusal(409, { error: 'conflict', reasons: [{ path: 'status', message: `the quote is ${statusOf(row)}` }] });
      await tx.query("update quotes set status = 'accepted', updated_at = $2 where number = $1", [number, at.toISOString()]);
      const actor = actorOf(caller);
      await recordEvent(tx, at, { subject: 'quote', id: number, version: row.version, type: 'accepted', actor });
      await recordDeal(tx, number, quote, row.cell, 'won', at);
      return { status: 200, body: { number, version: row.version, status: 'accepted', acceptedAt: at.toISOString() } };
    });
  }

  async function decline(call: Call): Promise<Answer> {
    const caller = requireRole(call, ['buyer', 'partner', 'rep', 'approver'], 'declining a quote');
    const number = call.params.number!;
    const body = parse(DeclineBodySchema, call.body ?? {});
    // The buyer shows the quote they decline; a rep records a buyer's no by number.
    let version: number | undefined;
    if (!negotiates(caller)) {
      if (body.quote === undefined) throw new Refusal(400, { error: 'invalid request', reasons: [{ path: 'quote', message: 'send the quote you decline' }] });
      const quote = await presented(body.quote, number);
      mayAnswer(caller, quote);
      version = quote.version;
    }
    const at = desk.now();
    return db.transaction(async (tx) => {
      const { row, document } = await load(tx, number, true);
      if (row.status === 'declined' && (version === undefined || version === row.version)) return { status: 200, body: { number, version: row.version, status: 'declined' } };
      if (version !== undefined && version !== row.version) throw new Refusal(409, { error: 'conflict', reasons: [{ path: 'version', message: `version ${version} was replaced by version ${row.version}` }] });
      if (row.status !== 'sent') throw new Refusal(409, { error: 'conflict', reasons: [{ path: 'status', message: `the quote is ${statusOf(row)}` }] });
      await tx.query("update quotes set status = 'declined', updated_at = $2 where number = $1", [number, at.toISOString()]);
      await recordEvent(tx, at, { subject: 'quote', id: number, version: row.version, type: 'declined', actor: actorOf(caller), ...(body.reason ? { detail: { reason: body.reason } } : {}) });
      await recordDeal(tx, number, document, row.cell, 'lost', at);
      return { status: 200, body: { number, version: row.version, status: 'declined' } };
    });
  }

  async function revise(call: Call): Promise<Answer> {
    const caller = requireRole(call, ['rep', 'approver'], 'revising a quote');
    const number = call.params.number!;
    const body = parse(RevisionBody, call.body ?? {});
    const validDays = body.validUntil === undefined && body.validDays === undefined ? undefined : validDaysOf(caller, body);
    if (validDays !== undefined) forbidden(requestProblems(caller, { validDays }, policy, today()));
    const at = desk.now();
    const { row, document: previous } = await load(db, number);
    const status = statusOf(row);
    if (status === 'accepted' || status === 'declined' || status === 'expired') {
      throw new Refusal(409, { error: 'conflict', reasons: [{ path: 'status', message: `the quote is ${status}: make a new one (reorder)` }] });
    }
    const changes = {
      ...(body.items ? { items: body.items } : {}),
      ...(body.context ? { context: body.context } : {}),
      ...(validDays === undefined ? {} : { validUntil: addDays(today(), validDays) }),
    } as QuoteChanges;
    const next = await priced(() => engine.reviseQuote(previous, changes, { catalog: catalogOf(row.catalog), now: at }));
    const diff = engine.diffQuotes(previous, next);
    const { status: nextStatus, document } = await finish(next);
    const actor = actorOf(caller);
    await db.transaction(async (tx) => {
      const { row: locked } = await load(tx, number, true);
      if (locked.version !== row.version) throw new Refusal(409, { error: 'conflict', reasons: [{ path: 'version', message: `version ${locked.version} was made meanwhile: revise that one` }] });
      await tx.query('update quotes set status = $2, version = $3, valid_until = $4, updated_at = $5 where number = $1', [number, nextStatus, document.version, document.validUntil, at.toISOString()]);
      await tx.query('insert into quote_versions (number, version, document, diff, created_by, created_at) values ($1, $2, $3::json, $4::json, $5, $6)', [
        number,
        document.version,
        JSON.stringify(document),
        JSON.stringify(diff),
        actor,
        at.toISOString(),
      ]);
      await recordEvent(tx, at, { subject: 'quote', id: number, version: document.version, type: 'revised', actor, detail: { status: nextStatus, grandTotal: diff.totals.grandTotal } });
      if (nextStatus === 'sent' && row.handoff !== null) await answerHandoff(tx, row.handoff, number, actor, at);
    });
    const answer = answerOf(nextStatus, document);
    return nextStatus === 'sent' ? { ...answer, body: { quote: document, diff } } : { ...answer, body: { ...(answer.body as object), diff } };
  }

  async function reorder(call: Call): Promise<Answer> {
    const caller = requireRole(call, ['rep', 'approver'], 'reordering a quote');
    const from = call.params.number!;
    const body = parse(ReorderBodySchema, call.body ?? {});
    const validDays = validDaysOf(caller, body);
    forbidden(requestProblems(caller, { validDays }, policy, today()));
    const at = desk.now();
    const { row, document: saved } = await load(db, from);
    const number = await nextNumber(at);
    const { quote, diff, dropped } = await priced(() => engine.reorder(saved, { catalog: catalogOf(row.catalog), now: at, validUntil: addDays(today(), validDays), number }));
    const { status, document } = await finish(quote);
    const actor = actorOf(caller);
    await db.transaction(async (tx) => {
      await tx.query(
        'insert into quotes (number, catalog, status, version, valid_until, cell, created_by, created_at, updated_at) values ($1, $2, $3, 1, $4, $5::jsonb, $6, $7, $7)',
        [number, row.catalog, status, document.validUntil, JSON.stringify(row.cell), actor, at.toISOString()],
      );
      await tx.query('insert into quote_versions (number, version, document, diff, created_by, created_at) values ($1, 1, $2::json, $3::json, $4, $5)', [number, JSON.stringify(document), JSON.stringify(diff), actor, at.toISOString()]);
      await recordEvent(tx, at, { subject: 'quote', id: number, version: 1, type: 'created', actor, detail: { status, reorderOf: from } });
      await recordEvent(tx, at, { subject: 'quote', id: from, version: row.version, type: 'reordered', actor, detail: { as: number } });
    });
    const answer = answerOf(status, document);
    return { ...answer, body: status === 'sent' ? { quote: document, diff, dropped } : { ...(answer.body as object), diff, dropped } };
  }

  /**
   * A quote sent back, read strictly. One with more items than the desk ever makes is
   * refused before it is priced again: re-pricing is the costly part of verifying, and
   * anyone may ask for it.
   */
  function readPresented(value: unknown): Quote {
    const read = engine.readQuote(value);
    if (!read.ok) throw new Refusal(400, { error: 'not a quote', reasons: read.reasons.map(({ path, message }) => ({ path, message })) });
    if (read.quote.items.length > policy.maxItems) {
      throw new Refusal(400, { error: 'not a quote of this desk', reasons: [{ path: 'items', message: `this desk makes quotes of at most ${policy.maxItems} items; this one has ${read.quote.items.length}` }] });
    }
    return read.quote;
  }

  async function verify(call: Call): Promise<Answer> {
    const read = { quote: readPresented(call.body) };
    const catalog = desk.catalogs.get(read.quote.catalog.id);
    if (!catalog) return { status: 200, body: { valid: false, reasons: [{ code: 'catalog-id', path: 'catalog.id', message: `this desk has no catalog "${read.quote.catalog.id}"` }] } };
    const result = await engine.verifyQuote(read.quote, { catalog, key: desk.verifyKey, now: desk.now() });
    if (!result.valid) return { status: 200, body: { valid: false, reasons: result.reasons } };
    // Genuine; whether it still stands is the store's to say (replaced by a revision, accepted...).
    const [row] = await db.query<QuoteRow>('select * from quotes where number = $1', [read.quote.number]);
    const standing = row ? { status: statusOf(row), current: row.version === read.quote.version } : {};
    return { status: 200, body: { valid: true, number: read.quote.number, version: read.quote.version, reasons: [], ...standing } };
  }

  /** Records the quotes whose last day has passed as expired, each a lost deal. */
  async function expireQuotes(): Promise<void> {
    const at = desk.now();
    const due = await db.query<{ number: string }>("select number from quotes where status = 'sent' and valid_until < $1 limit 500", [today()]);
    for (const { number } of due) {
      await db.transaction(async (tx) => {
        const { row, document } = await load(tx, number, true);
        if (statusOf(row) !== 'expired' || row.status !== 'sent') return;
        await tx.query("update quotes set status = 'expired', updated_at = $2 where number = $1", [number, at.toISOString()]);
        await recordEvent(tx, at, { subject: 'quote', id: number, version: row.version, type: 'expired', actor: 'desk' });
        await recordDeal(tx, number, document, row.cell, 'lost', at);
      });
    }
  }

  return { create, get, list, approve, reject, accept, decline, revise, reorder, verify, expireQuotes };
}

/** A quote as a past deal for price guidance: its cell, size, list and net. Free quotes are no deals. */
async function recordDeal(tx: Queryable, number: string, quote: Quote, cell: Cell, outcome: Deal['outcome'], at: Date): Promise<void> {
  const deal = {
    date: dayOf(at),
    ...cell,
    quantity: quote.items.reduce((n, item) => n + item.quantity, 0),
    list: quote.totals.list.amount,
    net: quote.totals.net.amount,
    outcome,
    items: [...new Set(quote.items.map((item) => item.configuration.product))],
  };
  const checked = z.safeParse(engine.DealSchema, deal);
  if (!checked.success) return;
  await tx.query('insert into deals (quote_number, deal, created_at) values ($1, $2::jsonb, $3) on conflict (quote_number) do nothing', [number, JSON.stringify(checked.data), at.toISOString()]);
}

/** When a buyer accepted or declined the quote: `{ acceptedAt }`, `{ declinedAt }`, or nothing. */
export async function decidedAt(db: Queryable, number: string, status: string): Promise<Record<string, Date>> {
  if (status !== 'accepted' && status !== 'declined') return {};
  const [event] = await db.query<{ at: Date }>("select at from events where subject = 'quote' and subject_id = $1 and type = $2 order by id limit 1", [number, status]);
  return event ? { [`${status}At`]: event.at } : {};
}

/** Each message once, with the first path that has it (an order discount below the floor is the same reason on every line). */
function distinct(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.message) && (seen.add(p.message), true));
}

/** Why a quote waits for approval, from the engine's approvals of each item. */
function approvalReasons(quote: Quote): Problem[] {
  return quote.items.flatMap((item, i) => item.price.approvals.map((a) => ({ path: `items[${i}].lineDiscounts["${a.item}"]`, message: a.reason })));
}

/** The events of a quote or hand-off, oldest first. */
export async function eventsOf(db: Queryable, subject: 'quote' | 'handoff', id: string) {
  const rows = await db.query<{ version: number | null; type: string; actor: string; detail: unknown; at: Date }>(
    'select version, type, actor, detail, at from events where subject = $1 and subject_id = $2 order by id',
    [subject, id],
  );
  return rows.map((r) => ({ type: r.type, actor: r.actor, at: r.at, ...(r.version === null ? {} : { version: r.version }), ...(r.detail === null ? {} : { detail: r.detail }) }));
}

/** Reads a body with a schema; a mismatch is a 400 with the paths. */
export function parse<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) throw new Refusal(400, { error: 'invalid request', reasons: result.error.issues.map((i) => ({ path: engine.formatPath(i.path), message: i.message })) });
  return result.data;
}
