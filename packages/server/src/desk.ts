/**
 * The quote desk as a Fetch handler (`Request → Response`): routes, API keys, body limits,
 * strict JSON, and answers that never carry a stack trace. Mount it on `node:http` with
 * `serveDesk` (http.ts) or on any Fetch-based runtime. Handlers keep nothing between
 * requests but caches: every process on one PostgreSQL database answers the same.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import * as engine from '@cpq-kit/engine';
import type { Catalog, Deal, QuoteKey } from '@cpq-kit/engine';
import { actorOf, type Call, type DeskContext, type LogEntry, Refusal, requireRole } from './context.js';
import { guidanceHandlers, seedDeals } from './guidance.js';
import { handoffHandlers } from './handoffs.js';
import { callerOf } from './keys.js';
import { type PolicyInput, readPolicy } from './policy.js';
import { quoteHandlers, type Answer } from './quotes.js';
import { type Database, type DatabaseOptions, openDatabase } from './store/database.js';
import { migrate } from './store/migrate.js';

/** What {@link createQuoteDesk} takes. */
export interface QuoteDeskOptions {
  /** A PostgreSQL URL, a folder for the embedded database, or an open {@link Database}. */
  readonly database: DatabaseOptions | Database;
  /** The catalogs quoted from (checked with `loadCatalog`). */
  readonly catalogs: readonly Catalog[];
  /** Signs quotes; default a key made on first start and kept in the database (see the README's threat model). */
  readonly key?: QuoteKey;
  readonly policy?: PolicyInput;
  /** Past deals that seed an empty store, for price guidance. */
  readonly deals?: readonly Deal[];
  /** Where routes start, e.g. "/api" (default). */
  readonly prefix?: string;
  /** Body limits in bytes: quotes sent back (verify, accept, decline; default 8 MiB), anything else (default 1 MiB). */
  readonly limits?: { readonly quoteBytes?: number; readonly bodyBytes?: number };
  /** One structured entry per request and per failure; default JSON lines on stdout (errors on stderr). `false`: none. */
  readonly log?: ((entry: LogEntry) => void) | false;
  readonly now?: () => Date;
}

/** A running desk. */
export interface QuoteDesk {
  /** Answers one request. */
  fetch(request: Request): Promise<Response>;
  /** The largest body the route of `method path` reads: a node:http server refuses a larger `Content-Length` before reading. */
  limitFor(method: string, path: string): number;
  readonly db: Database;
  readonly context: DeskContext;
  /** Closes the database when the desk opened it. */
  close(): Promise<void>;
}

type Handler = (call: Call) => Promise<Answer>;
interface Route {
  readonly method: 'GET' | 'POST';
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly handler: Handler;
  readonly limit: 'quote' | 'body' | 'none';
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Opens the database, applies migrations, and returns the desk's handler. */
export async function createQuoteDesk(options: QuoteDeskOptions): Promise<QuoteDesk> {
  const owned = !('query' in options.database);
  const db = 'query' in options.database ? options.database : await openDatabase(options.database);
  try {
    await migrate(db);
    // Shared by every process of the desk, made once by whichever starts first.
    const key = engine.readQuoteKey(options.key ?? (await setting(db, 'signing-key', () => engine.generateQuoteKey('HS256', `desk-${new Date().toISOString().slice(0, 7)}`))));
    const accessSecret = Buffer.from(await setting(db, 'access-secret', async () => randomBytes(32).toString('base64url')), 'base64url');
    if (options.deals) await seedDeals(db, options.deals);
    const log = options.log === false ? () => {} : (options.log ?? writeLog);
    const context: DeskContext = {
      db,
      catalogs: new Map(options.catalogs.map((c) => [c.id, c])),
      key,
      // An Ed25519 private key signs; its public half verifies.
      verifyKey: key.kty === 'OKP' ? engine.publicQuoteKey(key) : key,
      policy: readPolicy(options.policy),
      now: options.now ?? (() => new Date()),
      accessSecret,
      log,
    };
    return deskOf(context, options, owned);
  } catch (error) {
    if (owned) await db.close();
    throw error;
  }
}

function deskOf(desk: DeskContext, options: QuoteDeskOptions, owned: boolean): QuoteDesk {
  const prefix = (options.prefix ?? '/api').replace(/\/$/, '');
  const limits = { quote: options.limits?.quoteBytes ?? 8 * 1024 * 1024, body: options.limits?.bodyBytes ?? 1024 * 1024, none: 0 };
  const quotes = quoteHandlers(desk);
  const handoffs = handoffHandlers(desk);
  const { guidance } = guidanceHandlers(desk, quotes.expireQuotes);

  async function health(): Promise<Answer> {
    try {
      await desk.db.query('select 1');
    } catch {
      return { status: 503, body: { status: 'unavailable', reasons: [{ path: 'database', message: 'the database does not answer' }] } };
    }
    return { status: 200, body: { status: 'ok', engine: engine.ENGINE_VERSION, database: desk.db.kind, catalogs: [...desk.catalogs.values()].map((c) => ({ id: c.id, version: c.version })) } };
  }

  /** The caller's key as the desk knows it: a page shows who is signed in, and recognises its own claims (`claimedBy`). */
  async function me(call: Call): Promise<Answer> {
    const caller = requireRole(call, ['buyer', 'partner', 'rep', 'approver'], 'who am I');
    return { status: 200, body: { id: caller.id, actor: actorOf(caller), role: caller.role, ...(caller.partner ? { partner: caller.partner } : {}), ...(caller.label ? { label: caller.label } : {}) } };
  }

  const route = (method: Route['method'], path: string, handler: Handler, limit: Route['limit'] = method === 'GET' ? 'none' : 'body'): Route => {
    const names: string[] = [];
    const pattern = new RegExp(`^${path.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`);
    return { method, pattern, names, handler, limit };
  };
  const routes: Route[] = [
    route('GET', '/health', health),
    route('GET', '/me', me),
    route('GET', '/quotes', quotes.list),
    route('POST', '/quotes', quotes.create),
    route('POST', '/quotes/verify', quotes.verify, 'quote'),
    route('GET', '/quotes/{number}', quotes.get),
    route('POST', '/quotes/{number}/approve', quotes.approve),
    route('POST', '/quotes/{number}/reject', quotes.reject),
    route('POST', '/quotes/{number}/accept', quotes.accept, 'quote'),
    route('POST', '/quotes/{number}/decline', quotes.decline, 'quote'),
    route('POST', '/quotes/{number}/revisions', quotes.revise),
    route('POST', '/quotes/{number}/reorder', quotes.reorder),
    route('POST', '/handoffs', handoffs.create),
    route('GET', '/handoffs', handoffs.list),
    route('GET', '/handoffs/{id}', handoffs.get),
    route('POST', '/handoffs/{id}/claim', handoffs.claim),
    route('POST', '/guidance', guidance),
  ];

  /** The route of a path within the desk, and its parameters; or why there is none. */
  function find(method: string, path: string): { route: Route; params: Record<string, string> } | Refusal {
    const matching = routes.filter((r) => r.pattern.test(path));
    if (matching.length === 0) return new Refusal(404, { error: 'not found', reasons: [{ path: '', message: `no route ${method} ${prefix}${path}` }] });
    const found = matching.find((r) => r.method === method);
    if (!found) {
      const allowed = matching.map((r) => r.method).join(', ');
      return new Refusal(405, { error: 'method not allowed', reasons: [{ path: '', message: `use ${allowed} for ${prefix}${path}` }] }, { allow: allowed });
    }
    const values = found.pattern.exec(path)!.slice(1);
    const params: Record<string, string> = {};
    for (const [i, name] of found.names.entries()) {
      try {
        params[name] = decodeURIComponent(values[i]!);
      } catch {
        return new Refusal(404, { error: 'not found', reasons: [{ path: name, message: 'is not a valid path segment' }] });
      }
    }
    return { route: found, params };
  }

  const within = (pathname: string) => (pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : undefined);

  function limitFor(method: string, pathname: string): number {
    const path = within(pathname);
    const found = path === undefined ? undefined : find(method, path);
    return found && !(found instanceof Refusal) ? limits[found.route.limit] : 0;
  }

  async function fetch(request: Request): Promise<Response> {
    const started = Date.now();
    const url = new URL(request.url);
    const id = request.headers.get('x-request-id')?.slice(0, 100) || randomUUID();
    let caller: Call['caller'];
    let answer: Answer;
    try {
      const path = within(url.pathname);
      const found = path === undefined ? new Refusal(404, { error: 'not found', reasons: [{ path: '', message: `the desk's routes start with ${prefix}/` }] }) : find(request.method, path);
      if (found instanceof Refusal) throw found;
      caller = await authenticate(request);
      const body = await readBody(request, limits[found.route.limit]);
      const access = request.headers.get('cpq-access') ?? undefined;
      answer = await found.route.handler({ caller, params: found.params, query: url.searchParams, body, access });
    } catch (error) {
      if (error instanceof Refusal) answer = { status: error.status, body: error.body, headers: error.headers };
      else {
        // The log has the details; the answer has only the request's id to find them by.
        desk.log({ level: 'error', msg: 'failed', request: id, method: request.method, path: url.pathname, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        answer = { status: 500, body: { error: 'internal error', request: id } };
      }
    }
    desk.log({ level: 'info', msg: 'request', request: id, method: request.method, path: url.pathname, status: answer.status, ms: Date.now() - started, ...(caller ? { key: caller.id, role: caller.role } : {}) });
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-request-id': id, ...answer.headers },
    });
  }

  /** The caller of an `Authorization: Bearer` key; no header is an anonymous call, a bad key a 401. */
  async function authenticate(request: Request): Promise<Call['caller']> {
    const header = request.headers.get('authorization');
    if (header === null) return undefined;
    const key = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const caller = key === undefined ? undefined : await callerOf(desk.db, key);
    if (!caller) throw new Refusal(401, { error: 'unauthorized', reasons: [{ path: 'authorization', message: 'this API key is not known or was revoked' }] }, { 'www-authenticate': 'Bearer realm="cpq-server", error="invalid_token"' });
    return caller;
  }

  return { fetch, limitFor, db: desk.db, context: desk, close: async () => void (owned ? await desk.db.close() : undefined) };
}

/** The body as JSON (strict: no duplicate keys, no `__proto__`), read up to `limit` bytes; undefined when empty. */
async function readBody(request: Request, limit: number): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
  }
  if (size === 0) return undefined;
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) throw new Refusal(415, { error: 'unsupported media type', reasons: [{ path: '', message: 'send the body as application/json' }] });
  const parsed = engine.parseJson(Buffer.concat(chunks).toString('utf8'), { maxLength: limit, maxDepth: 64 });
  if (!parsed.ok) throw new Refusal(400, { error: 'invalid JSON', reasons: parsed.problems });
  return parsed.value;
}

const tooLarge = (limit: number) => new Refusal(413, { error: 'payload too large', reasons: [{ path: '', message: `this route reads at most ${limit} bytes` }] }, { connection: 'close' });

/** A shared setting: read it, or make it and keep the first one written (another process may have been first). */
async function setting<T>(db: Database, name: string, make: () => Promise<T>): Promise<T> {
  const read = async () => (await db.query<{ value: T }>('select value from desk_settings where name = $1', [name]))[0]?.value;
  const found = await read();
  if (found !== undefined) return found;
  await db.query('insert into desk_settings (name, value) values ($1, $2::jsonb) on conflict (name) do nothing', [name, JSON.stringify(await make())]);
  return (await read())!;
}

function writeLog(entry: LogEntry): void {
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry });
  if (entry.level === 'error') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}
