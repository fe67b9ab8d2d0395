/** What every handler of the desk works with, and the answers they give. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Catalog, Problem, QuoteKey } from '@cpq-kit/engine';
import type { Caller } from './keys.js';
import type { Policy } from './policy.js';
import type { Database } from './store/database.js';

/** A structured log entry: one JSON line. */
export type LogEntry = Record<string, unknown> & { level: 'info' | 'warn' | 'error'; msg: string };

/** The desk's parts, shared by every request; nothing here belongs to one request. */
export interface DeskContext {
  readonly db: Database;
  readonly catalogs: ReadonlyMap<string, Catalog>;
  /** Signs quotes. */
  readonly key: QuoteKey;
  /** Verifies them (the public half of an Ed25519 key). */
  readonly verifyKey: QuoteKey;
  readonly policy: Policy;
  readonly now: () => Date;
  /** Makes buyers' access tokens (see {@link accessToken}). */
  readonly accessSecret: Buffer;
  readonly log: (entry: LogEntry) => void;
}

/** The request as a handler sees it: who calls, the route's parameters, the body read. */
export interface Call {
  readonly caller: Caller | undefined;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The JSON body (undefined when there was none). */
  readonly body: unknown;
  /** The `cpq-access` header: a buyer's token for one quote or hand-off. */
  readonly access: string | undefined;
}

/** An answer other than 2xx, thrown by a handler: the status and a JSON body with reasons. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly body: { error: string; reasons?: readonly Problem[] } & Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.error);
  }
}

/** The UTC day of an instant. */
export const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/**
 * A buyer's access token for one quote or hand-off: an HMAC of its id with the desk's
 * secret. Nothing to store, the same from every process, and a rep can always give the
 * link again; it opens that one document only.
 */
export function accessToken(desk: DeskContext, kind: 'quote' | 'handoff', id: string): string {
  return createHmac('sha256', desk.accessSecret).update(`${kind}:${id}`).digest('base64url');
}

/** Whether `token` is the access token of that quote or hand-off (compared in constant time). */
export function hasAccess(desk: DeskContext, kind: 'quote' | 'handoff', id: string, token: string | undefined): boolean {
  if (token === undefined) return false;
  const expected = Buffer.from(accessToken(desk, kind, id));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Refuses unless the caller has one of `roles`: 401 without a key, 403 with another role. */
export function requireRole(call: Call, roles: readonly Caller['role'][], what: string): Caller {
  const caller = call.caller;
  if (!caller) {
    throw new Refusal(401, { error: 'unauthorized', reasons: [{ path: 'authorization', message: `${what} needs an API key: "Authorization: Bearer cpq_…"` }] }, { 'www-authenticate': 'Bearer realm="cpq-server"' });
  }
  if (!roles.includes(caller.role)) {
    throw new Refusal(403, { error: 'forbidden', reasons: [{ path: 'authorization', message: `${what} is for ${listOf(roles)}; this is a ${caller.role} key` }] });
  }
  return caller;
}

const listOf = (roles: readonly string[]) => (roles.length === 1 ? `${roles[0]}s` : `${roles.slice(0, -1).map((r) => `${r}s`).join(', ')} and ${roles.at(-1)}s`);

/** Who did it, as events record it. */
export const actorOf = (caller: Caller | undefined, fallback = 'buyer-link') => (caller ? `${caller.role}:${caller.id}` : fallback);

/** Writes an event row: what happened to a quote or hand-off, who did it, when. */
export async function recordEvent(
  tx: { query: Database['query'] },
  at: Date,
  event: { subject: 'quote' | 'handoff'; id: string; version?: number; type: string; actor: string; detail?: unknown },
): Promise<void> {
  await tx.query('insert into events (subject, subject_id, version, type, actor, detail, at) values ($1, $2, $3, $4, $5, $6::jsonb, $7)', [
    event.subject,
    event.id,
    event.version ?? null,
    event.type,
    event.actor,
    event.detail === undefined ? null : JSON.stringify(event.detail),
    at.toISOString(),
  ]);
}
