/**
 * `cpq-server`: runs the desk, and manages its API keys.
 *
 *   cpq-server start [--port 8081] [--host 127.0.0.1] [--data DIR] [--catalogs DIR] [--deals FILE] [--policy FILE] [--key FILE]
 *   cpq-server key create --role buyer|rep|approver|partner [--partner ID] [--label TEXT] [--data DIR]
 *   cpq-server key list|revoke ID [--data DIR]
 *   cpq-server migrate [--data DIR]
 *
 * `DATABASE_URL` (a PostgreSQL server) takes the place of the embedded database in
 * `--data`. While a desk runs on an embedded database, the key commands ask it through
 * the admin socket in its data folder (one process owns an embedded database).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as engine from '@cpq-kit/engine';
import { createQuoteDesk } from './desk.js';
import { createDeskServer } from './http.js';
import { createKey, listKeys, revokeKey } from './keys.js';
import { type Database, DatabaseInUseError, type DatabaseOptions, openDatabase } from './store/database.js';
import { migrate } from './store/migrate.js';

const HELP = `cpq-server: the cpq-kit quote desk (quotes, approvals, hand-offs, price guidance)

  cpq-server start [options]       serve the API under /api/ and print its URL
    --port P          default 8081 (or PORT); 0 for any free port
    --host H          default 127.0.0.1
    --data DIR        the embedded database's folder (default .cpq-server/desk); DATABASE_URL overrides it
    --catalogs DIR    the catalogs (*.json) to quote from (default examples/catalogs, when there)
    --deals FILE      past deals that seed an empty store (default examples/deals/deals.json, when there)
    --policy FILE     the policy (JSON; see the README); default: the defaults
    --key FILE        the signing key (a JWK from "npx cpq quote keygen"; or QUOTE_KEY_FILE);
                      default: one made at first start and kept in the database
  cpq-server key create --role buyer|rep|approver|partner [--partner ID] [--label TEXT] [--data DIR]
                                   make an API key; the key is the last line printed (shown once)
  cpq-server key list [--data DIR] the keys (ids, roles; never the keys)
  cpq-server key revoke ID [--data DIR]
  cpq-server migrate [--data DIR]  apply the database migrations and stop
`;

const usage = (message: string) => Object.assign(new Error(message), { usage: true });

export async function main(argv: readonly string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      catalogs: { type: 'string' },
      deals: { type: 'string' },
      policy: { type: 'string' },
      key: { type: 'string' },
      role: { type: 'string' },
      partner: { type: 'string' },
      label: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub, arg] = positionals;
  if (values.help || command === undefined || command === 'help') return void process.stdout.write(HELP);
  const data = resolve(values.data ?? '.cpq-server/desk');
  const database: DatabaseOptions = process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { data };
  if (command === 'start') return start(database, values);
  if (command === 'migrate') {
    const db = await openDatabase(database);
    const applied = await migrate(db).finally(() => db.close());
    return void console.log(applied.length === 0 ? 'the database is up to date' : `applied migrations ${applied.join(', ')}`);
  }
  if (command === 'key') {
    const action = sub === 'create' ? { op: 'create', role: values.role, partner: values.partner, label: values.label } : sub === 'list' ? { op: 'list' } : sub === 'revoke' ? { op: 'revoke', id: arg } : undefined;
    if (!action) throw usage('cpq-server key create|list|revoke');
    if (action.op === 'create' && action.role === undefined) throw usage('key create needs --role buyer|rep|approver|partner');
    if (action.op === 'revoke' && action.id === undefined) throw usage('key revoke needs the key id (see key list)');
    const result = await keyCommand(database, action);
    return void printKeyResult(action.op, result);
  }
  throw usage(`unknown command "${command}"`);
}

type KeyAction = { op: string; role?: string | undefined; partner?: string | undefined; label?: string | undefined; id?: string | undefined };

/** Runs a key command on the database, or through the running desk that owns it. */
async function keyCommand(database: DatabaseOptions, action: KeyAction): Promise<unknown> {
  let db: Database;
  try {
    db = await openDatabase(database);
  } catch (error) {
    if (error instanceof DatabaseInUseError) return askRunningDesk(join(error.folder, 'admin.sock'), action);
    throw error;
  }
  try {
    await migrate(db);
    return await runKeyAction(db, action);
  } finally {
    await db.close();
  }
}

async function runKeyAction(db: Database, action: KeyAction): Promise<unknown> {
  if (action.op === 'create') {
    return createKey(db, { role: action.role as never, ...(action.partner ? { partner: action.partner } : {}), ...(action.label ? { label: action.label } : {}) });
  }
  if (action.op === 'list') return listKeys(db);
  return { revoked: await revokeKey(db, action.id!) };
}

function printKeyResult(op: string, result: unknown): void {
  if (op === 'create') {
    const { key, id, role, partner } = result as { key: string; id: string; role: string; partner?: string };
    console.log(`created ${role} key ${id}${partner ? ` for partner ${partner}` : ''}; it is shown once, keep it secret:`);
    console.log(key);
  } else if (op === 'list') {
    for (const k of result as { id: string; role: string; partner: string | null; label: string | null; revoked_at: Date | null }[]) {
      console.log([k.id, k.role, k.partner ?? '', k.label ?? '', k.revoked_at ? `revoked ${k.revoked_at.toISOString()}` : ''].join('\t').trimEnd());
    }
  } else if (!(result as { revoked: boolean }).revoked) throw new Error('no such key, or revoked already');
  else console.log('revoked');
}

function askRunningDesk(socketPath: string, action: KeyAction): Promise<unknown> {
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest({ socketPath, method: 'POST', path: '/keys', headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: boolean; result?: unknown; error?: string };
        if (body.ok) resolvePromise(body.result);
        else reject(new Error(body.error));
      });
    });
    req.on('error', () => reject(new Error(`the data folder is in use by a running desk that does not answer on ${socketPath}`)));
    req.end(JSON.stringify(action));
  });
}

/** The admin socket of a desk on an embedded database: key commands, for whoever may open the data folder. */
function serveAdminSocket(db: Database, folder: string): () => void {
  const path = join(folder, 'admin.sock');
  rmSync(path, { force: true });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        try {
          const result = await runKeyAction(db, JSON.parse(Buffer.concat(chunks).toString('utf8')) as KeyAction);
          res.end(JSON.stringify({ ok: true, result }));
        } catch (error) {
          res.end(JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) }));
        }
      })();
    });
  });
  // Unix socket paths are limited to about 100 bytes: a deeper folder gets no admin socket.
  if (path.length < 100) server.listen(path);
  return () => server.close();
}

async function start(database: DatabaseOptions, values: Record<string, string | boolean | undefined>): Promise<void> {
  const catalogsDir = (values.catalogs as string | undefined) ?? (existsSync('examples/catalogs') ? 'examples/catalogs' : undefined);
  if (catalogsDir === undefined) throw usage('give --catalogs DIR: the folder of catalogs to quote from');
  const catalogs = readdirSync(catalogsDir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.config.json'))
    .sort()
    .map((f) => {
      try {
        return engine.loadCatalog(readFileSync(join(catalogsDir, f), 'utf8'));
      } catch (error) {
        throw new Error(`${join(catalogsDir, f)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  if (catalogs.length === 0) throw usage(`${catalogsDir} has no catalogs (*.json)`);
  const dealsFile = (values.deals as string | undefined) ?? (existsSync('examples/deals/deals.json') ? 'examples/deals/deals.json' : undefined);
  const keyFile = (values.key as string | undefined) ?? process.env.QUOTE_KEY_FILE;
  const policyFile = values.policy as string | undefined;
  const desk = await createQuoteDesk({
    database,
    catalogs,
    ...(dealsFile ? { deals: engine.readDeals(readFileSync(dealsFile, 'utf8')) } : {}),
    ...(keyFile ? { key: engine.readQuoteKey(readFileSync(keyFile, 'utf8')) } : {}),
    ...(policyFile ? { policy: JSON.parse(readFileSync(policyFile, 'utf8')) } : {}),
  });
  const closeAdmin = 'data' in database ? serveAdminSocket(desk.db, database.data) : () => {};
  const server = createDeskServer(desk);
  const port = Number(values.port ?? process.env.PORT ?? 8081);
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  await new Promise<void>((ok) => server.listen(port, host, ok));
  const address = server.address() as { port: number };
  const where = 'url' in database ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${database.data}`;
  console.log(`cpq-server: http://${host}:${address.port}/api/ (${where}; catalogs ${catalogs.map((c) => c.id).join(', ')})`);
  const stop = () => {
    closeAdmin();
    server.close();
    server.closeAllConnections();
    void desk.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: Error & { usage?: boolean; issues?: unknown }) => {
  console.error(`cpq-server: ${error.message}`);
  if (error.usage) console.error('run "cpq-server --help" for the commands');
  process.exitCode = error.usage ? 2 : 1;
});
