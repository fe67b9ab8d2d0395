// Shared by the desk's tests: the demo catalogs and deals, a desk on a database of the
// test's own on a loopback port, API keys of every role, and a small HTTP client.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile, ConfigurationSession, handoffPayload, loadCatalog, loadConfiguration, readDeals, type Configuration } from '@cpq-kit/engine';
import pg from 'pg';
import { createDeskServer, createKey, createQuoteDesk, type DatabaseOptions, type LogEntry, type PolicyInput, type QuoteDesk } from '../src/index.js';

export const root = new URL('../../../', import.meta.url);
export const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

export const av = loadCatalog(read('examples/catalogs/av-rooms.json'));
export const collab = loadCatalog(read('examples/catalogs/collab-suite.json'));
export const avConfig: Configuration = { ...loadConfiguration(read('examples/catalogs/av-rooms.config.json'), av) };
export const collabConfig: Configuration = { ...loadConfiguration(read('examples/catalogs/collab-suite.config.json'), collab) };
export const deals = readDeals(read('examples/deals/deals.json'));

/** The demo's policy: buyers may ask for SMB prices; deals are EMEA's. */
export const policy: PolicyInput = { buyer: { segments: ['smb'], validDays: 30 }, region: 'emea', families: { 'av-rooms': 'av-rooms', 'collab-suite': 'collaboration' } };

/** A folder of the test's own, removed at exit. */
export function tempFolder(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), `cpq-${name}-`));
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

let databases = 0;
/** A new empty database on the PostgreSQL server of `url` (scripts/postgres-server.mjs), for one desk. */
export async function freshDatabase(url: string): Promise<{ url: string }> {
  const name = `desk_${process.pid}_${++databases}`;
  const admin = new pg.Client(url);
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return { url: url.replace(/\/postgres$/, `/${name}`) };
}

export interface Running {
  readonly desk: QuoteDesk;
  readonly base: string;
  readonly keys: { buyer: string; rep: string; rep2: string; approver: string; partner: string };
  readonly logs: LogEntry[];
  /** Moves the desk's clock. */
  setNow(at: string): void;
  close(): Promise<void>;
}

/** A desk on `database` (default: PGlite in a new folder) on a free loopback port, with a key of each role. */
export async function startDesk(options: { database?: DatabaseOptions; now?: string; policy?: PolicyInput } = {}): Promise<Running> {
  let now = new Date(options.now ?? '2026-11-20T10:00:00.000Z');
  const logs: LogEntry[] = [];
  const desk = await createQuoteDesk({
    database: options.database ?? { data: tempFolder('desk') },
    catalogs: [av, collab],
    deals,
    policy: options.policy ?? policy,
    now: () => now,
    log: (entry) => void logs.push(entry),
  });
  const keys = {
    buyer: (await createKey(desk.db, { role: 'buyer', label: 'reseller page' })).key,
    rep: (await createKey(desk.db, { role: 'rep', label: 'Ada' })).key,
    rep2: (await createKey(desk.db, { role: 'rep', label: 'Grace' })).key,
    approver: (await createKey(desk.db, { role: 'approver', label: 'Barbara' })).key,
    partner: (await createKey(desk.db, { role: 'partner', partner: 'northwind' })).key,
  };
  const server = createDeskServer(desk);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  return {
    desk,
    base,
    keys,
    logs,
    setNow: (at) => void (now = new Date(at)),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await desk.close();
    },
  };
}

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any;
}

/** One request: a JSON body (or text as it is), an API key, extra headers. */
export async function call(base: string, method: string, path: string, options: { key?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...(options.key ? { authorization: `Bearer ${options.key}` } : {}), ...options.headers };
  const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const response = await fetch(base + path, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** The body of a quote request for one configuration. */
export const quoteRequest = (configuration: Configuration, extra: Record<string, unknown> = {}) => ({
  catalog: configuration.catalog?.id ?? 'av-rooms',
  items: [{ configuration }],
  ...extra,
});

/**
 * A buyer's hand-off as the configurator sends it: the engine's `handoffPayload` of a
 * session in which the buyer met a conflict (the 86" display needs another mount) and
 * left the rest open, with the price they saw.
 */
export function handoff(extra: Record<string, unknown> = {}) {
  const session = new ConfigurationSession(compile(av, { product: 'meeting-room' }));
  session.select('mounting', 'wall-standard');
  session.makeAvailable({ attribute: 'display', value: 'd86' });
  session.setQuantity('table-mics', 2);
  const payload = handoffPayload(session, { context: { date: '2026-11-20' }, linkBase: 'https://reseller.example/rooms' });
  return {
    payload: JSON.parse(JSON.stringify(payload)),
    to: 'expert',
    contact: { name: 'Ada Buyer', email: 'ada@example.com', message: 'Can we mount it on glass?' },
    ...extra,
  };
}

/** A hand-off of a given configuration (complete, no answers recorded). */
export function handoffOf(configuration: Configuration) {
  const body = handoff();
  return { ...body, payload: { ...body.payload, configuration, complete: true, answers: [], conflicts: [] } };
}
