// The desk as its own process (`cpq-server`, built), as a vendor runs it: the contract's
// commands; a process killed (SIGKILL) during a burst of writes loses nothing it
// acknowledged and leaves nothing half-written; two processes on one PostgreSQL database
// serve the same quotes and hand-offs.
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startPostgres } from '../../../scripts/postgres-server.mjs';
import { openDatabase, type DatabaseOptions } from '../src/index.js';
import { avConfig, call, collabConfig, freshDatabase, handoff, quoteRequest, root, tempFolder } from './fixtures.js';

const bin = new URL('packages/server/bin/cpq-server.js', root).pathname;
const cwd = new URL('.', root).pathname;
const run = promisify(execFile);

const envOf = (database: DatabaseOptions) => ({ ...process.env, ...('url' in database ? { DATABASE_URL: database.url } : {}) });
const dataArgs = (database: DatabaseOptions) => ('data' in database ? ['--data', database.data] : []);

/** `cpq-server key create`: the key is the last line printed. */
async function keyOf(database: DatabaseOptions, role: string, ...extra: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [bin, 'key', 'create', '--role', role, ...extra, ...dataArgs(database)], { cwd, env: envOf(database) });
  return stdout.trim().split('\n').at(-1)!;
}

/** `cpq-server start` on a free port; resolves with the process and the API's base URL it prints. */
function startServer(database: DatabaseOptions): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [bin, 'start', '--port', '0', ...dataArgs(database)], { cwd, env: envOf(database), stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const match = /^cpq-server: (http:\/\/127\.0\.0\.1:\d+\/api)\//m.exec(out);
      if (match) resolve({ child, base: match[1]! });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk));
    child.on('exit', (code) => reject(new Error(`cpq-server stopped (${code}): ${out}`)));
  });
}

const stopped = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once('exit', resolve)));

describe('the cpq-server command', () => {
  it('--help lists the commands; a key command without its role says what is missing', async () => {
    const { stdout } = await run(process.execPath, [bin, '--help'], { cwd });
    assert.match(stdout, /cpq-server start/);
    assert.match(stdout, /key create --role buyer\|rep\|approver\|partner/);
    const failed = await run(process.execPath, [bin, 'key', 'create', '--data', tempFolder('cli')], { cwd }).catch((error: { code: number; stderr: string }) => error);
    assert.equal((failed as { code: number }).code, 2);
    assert.match((failed as { stderr: string }).stderr, /key create needs --role/);
  });

  it('starts, prints its URL, answers /api/health, and makes keys while it runs (through its admin socket)', async () => {
    const database = { data: tempFolder('cli') };
    const { child, base } = await startServer(database);
    try {
      assert.equal((await call(base, 'GET', '/health')).body.database, 'pglite');
      const rep = await keyOf(database, 'rep');
      assert.match(rep, /^cpq_[A-Za-z0-9_-]{43}$/);
      assert.equal((await call(base, 'GET', '/handoffs?status=open', { key: rep })).status, 200);
      const partner = await keyOf(database, 'partner', '--partner', 'northwind');
      assert.equal((await call(base, 'POST', '/quotes', { key: partner, body: quoteRequest(avConfig) })).body.partner, 'northwind');
      // A second process on the same embedded database is refused: it would corrupt it.
      const second = await startServer(database).then(
        ({ child: c }) => (c.kill(), 'started'),
        (error: Error) => error.message,
      );
      assert.match(second, /is in use by process \d+/);
    } finally {
      child.kill('SIGTERM');
      await stopped(child);
    }
  });
});

/**
 * Writes quotes and hand-offs, 8 at a time, until `kill` has been called after
 * `acknowledgedBefore` answers; returns what was acknowledged (201 and its number or id).
 */
async function burst(base: string, keys: { buyer: string }, kill: () => void, acknowledgedBefore: number) {
  const quotes: string[] = [];
  const handoffs: string[] = [];
  let killed = false;
  let i = 0;
  const worker = async () => {
    for (;;) {
      const n = i++;
      try {
        if (n % 3 === 2) {
          const reply = await call(base, 'POST', '/handoffs', { key: keys.buyer, body: handoff() });
          if (reply.status === 201) handoffs.push(reply.body.id);
        } else {
          const reply = await call(base, 'POST', '/quotes', { key: keys.buyer, body: quoteRequest(n % 2 === 0 ? avConfig : collabConfig) });
          if (reply.status === 201) quotes.push(reply.body.number);
        }
      } catch {
        // The connection died with the process: this write was not acknowledged.
        return;
      }
      if (!killed && quotes.length + handoffs.length >= acknowledgedBefore) {
        killed = true;
        kill();
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { quotes, handoffs };
}

/** Kills the desk mid-burst, restarts it, and checks every acknowledged write is whole. */
async function survivesSigkill(database: DatabaseOptions): Promise<void> {
  const keys = { buyer: await keyOf(database, 'buyer'), rep: await keyOf(database, 'rep') };
  const first = await startServer(database);
  const acknowledged = await burst(first.base, keys, () => first.child.kill('SIGKILL'), 120);
  await stopped(first.child);
  assert.equal(first.child.signalCode, 'SIGKILL');
  assert.ok(acknowledged.quotes.length + acknowledged.handoffs.length >= 120);

  const second = await startServer(database);
  try {
    for (const number of acknowledged.quotes) {
      const stored = await call(second.base, 'GET', `/quotes/${number}`, { key: keys.rep });
      assert.equal(stored.status, 200, `acknowledged quote ${number} is missing`);
      assert.deepEqual(stored.body.events.map((e: { type: string }) => e.type), ['created']);
      assert.equal((await call(second.base, 'POST', '/quotes/verify', { body: stored.body.quote })).body.valid, true);
    }
    for (const id of acknowledged.handoffs) {
      const stored = await call(second.base, 'GET', `/handoffs/${id}`, { key: keys.rep });
      assert.equal(stored.status, 200, `acknowledged hand-off ${id} is missing`);
      assert.deepEqual(stored.body.payload.configuration, handoff().payload.configuration);
    }
    // Still taking writes after the crash.
    assert.equal((await call(second.base, 'POST', '/quotes', { key: keys.buyer, body: quoteRequest(avConfig) })).status, 201);
  } finally {
    second.child.kill('SIGTERM');
    await stopped(second.child);
  }
  // Nothing half-written: every quote has its current version and its event, every hand-off its event.
  const db = await openDatabase(database);
  try {
    const orphans = await db.query(
      `select q.number from quotes q
        where not exists (select 1 from quote_versions v where v.number = q.number and v.version = q.version)
           or not exists (select 1 from events e where e.subject = 'quote' and e.subject_id = q.number)`,
    );
    assert.deepEqual(orphans, []);
    const handoffOrphans = await db.query(`select h.id from handoffs h where not exists (select 1 from events e where e.subject = 'handoff' and e.subject_id = h.id::text)`);
    assert.deepEqual(handoffOrphans, []);
  } finally {
    await db.close();
  }
}

describe('durability', () => {
  it('embedded: killed during a burst of writes, it restarts with every acknowledged quote and hand-off, none half-written', async () => {
    await survivesSigkill({ data: tempFolder('crash') });
  });
});

const postgres = await startPostgres();
const skip = 'skipped' in postgres ? postgres.skipped : false;
if (skip) console.log(`# PostgreSQL leg skipped: ${skip}`);

describe('on a PostgreSQL server', { skip }, () => {
  if (!('url' in postgres)) return;
  after(() => postgres.stop());
  const fresh = () => freshDatabase(postgres.url);

  it('a desk process killed during a burst of writes loses nothing it acknowledged', async () => {
    await survivesSigkill(await fresh());
  });

  it('two desk processes share one database: started together, a quote made on one is accepted on the other, a hand-off claimed once', async () => {
    const database = await fresh();
    // Both migrate the new database at once: the advisory lock lets one do it.
    const [a, b] = await Promise.all([startServer(database), startServer(database)]);
    try {
      const keys = { buyer: await keyOf(database, 'buyer'), rep: await keyOf(database, 'rep'), rep2: await keyOf(database, 'rep') };
      const quote = (await call(a.base, 'POST', '/quotes', { key: keys.buyer, body: quoteRequest(avConfig) })).body;
      const accepted = await call(b.base, 'POST', `/quotes/${quote.number}/accept`, { key: keys.buyer, body: quote });
      assert.equal(accepted.status, 200);
      assert.equal((await call(a.base, 'GET', `/quotes/${quote.number}`, { key: keys.rep })).body.status, 'accepted');
      const { id } = (await call(b.base, 'POST', '/handoffs', { key: keys.buyer, body: handoff() })).body;
      const claims = await Promise.all([call(a.base, 'POST', `/handoffs/${id}/claim`, { key: keys.rep }), call(b.base, 'POST', `/handoffs/${id}/claim`, { key: keys.rep2 })]);
      assert.deepEqual(claims.map((c) => c.status).sort(), [200, 409]);
      // Both sign with the one key kept in the database: each verifies the other's quotes.
      const fromB = (await call(b.base, 'POST', '/quotes', { key: keys.buyer, body: quoteRequest(collabConfig) })).body;
      assert.equal((await call(a.base, 'POST', '/quotes/verify', { body: fromB })).body.valid, true);
    } finally {
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
      await Promise.all([stopped(a.child), stopped(b.child)]);
    }
  });
});
