/**
 * Price guidance from the desk's own deals: the example deals seed an empty store, and
 * every accepted (won), declined or expired (lost) quote adds one. Deals never leave the
 * server; a rep's page sends the deal's cell and amounts and gets the band.
 */
import * as engine from '@cpq-kit/engine';
import type { Deal, GuidanceIndex } from '@cpq-kit/engine';
import * as z from 'zod/mini';
import { type Call, type DeskContext, Refusal, requireRole } from './context.js';
import { parse, type Answer } from './quotes.js';
import type { Database } from './store/database.js';

/** Any fixed number: the lock under which one process seeds the deals. */
const SEED_LOCK = 715_202_612;

/** Puts `deals` into an empty store (one transaction; a store with deals is left as it is). Returns how many went in. */
export async function seedDeals(db: Database, deals: readonly Deal[]): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const [row] = await tx.query<{ n: number }>('select count(*)::int as n from deals');
    if ((row?.n ?? 0) > 0) return 0;
    // In slices: one statement per deal would take seconds for a few thousand.
    for (let i = 0; i < deals.length; i += 500) {
      const slice = deals.slice(i, i + 500);
      await tx.query(`insert into deals (deal) select value from jsonb_array_elements($1::jsonb)`, [JSON.stringify(slice)]);
    }
    return deals.length;
  });
}

export function guidanceHandlers(desk: DeskContext, expireQuotes: () => Promise<void>) {
  const GuidanceBody = z.extend(engine.DealContextSchema, { options: z.optional(engine.GuidanceOptionsSchema) });
  // The index is built again only when the deals changed (any process may have added one).
  let cached: { version: string; index: GuidanceIndex } | undefined;

  async function indexOf(): Promise<GuidanceIndex> {
    const [row] = await desk.db.query<{ version: string }>("select count(*)::text || '/' || coalesce(max(id), 0)::text as version from deals");
    if (cached?.version === row!.version) return cached.index;
    const rows = await desk.db.query<{ deal: unknown }>('select deal from deals order by id');
    const index = engine.guidanceIndex(engine.readDeals(rows.map((r) => r.deal)));
    cached = { version: row!.version, index };
    return index;
  }

  async function guidance(call: Call): Promise<Answer> {
    requireRole(call, ['rep', 'approver'], 'price guidance');
    const { options, ...context } = parse(GuidanceBody, call.body);
    await expireQuotes();
    try {
      return { status: 200, body: engine.priceGuidance(await indexOf(), context, options) };
    } catch (error) {
      if (error instanceof engine.ValidationError) throw new Refusal(400, { error: 'cannot guide', reasons: error.problems });
      throw error;
    }
  }

  return { guidance };
}
