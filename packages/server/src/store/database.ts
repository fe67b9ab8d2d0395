/**
 * The desk's database: PostgreSQL, embedded (PGlite, Postgres compiled to WebAssembly,
 * data in a folder of this process) or a server (the `pg` driver, shared by several
 * processes). Both speak the same SQL with `$1` parameters; the desk sees only this
 * interface, so every handler runs the same on either.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Runs SQL. Values go in as parameters, never into the text; jsonb goes in as JSON text. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs several statements without parameters (a migration). */
  exec(sql: string): Promise<void>;
}

/** A database the desk stores in. */
export interface Database extends Queryable {
  /** `pglite` (embedded, one process) or `postgresql` (a server). */
  readonly kind: 'pglite' | 'postgresql';
  /** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where the desk stores: a PostgreSQL URL, or a folder for the embedded database. */
export type DatabaseOptions = { readonly url: string } | { readonly data: string };

/** Opens the database (creating an embedded one when its folder is new). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return 'url' in options ? openPostgres(options.url) : openPglite(options.data);
}

/** The type id of `date`. */
const DATE = 1082;

async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import('pg');
  // Days stay text ("2026-12-06"), as the engine writes them; timestamps are Dates.
  const types = { getTypeParser: (oid: number, format?: string) => (oid === DATE ? (v: string) => v : pg.types.getTypeParser(oid, format as 'text')) };
  const pool = new pg.Pool({ connectionString: url, max: 10, types });
  // An idle client that loses its server must not take the process down.
  pool.on('error', () => {});
  const run = async (client: { query: InstanceType<typeof pg.Pool>['query'] }, sql: string, params: readonly unknown[] = []) =>
    (await client.query(sql, params as unknown[])).rows;
  await run(pool, 'select 1');
  return {
    kind: 'postgresql',
    query: (sql, params) => run(pool, sql, params) as never,
    exec: async (sql) => void (await pool.query(sql)),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({ query: (sql, params) => run(client, sql, params) as never, exec: async (sql) => void (await client.query(sql)) });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(folder: string): Promise<Database> {
  mkdirSync(folder, { recursive: true });
  const release = lockFolder(folder);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(join(folder, 'pgdata'));
    // Days as text, as from the server (see openPostgres).
    const options = { parsers: { [DATE]: (v: string) => v } };
    return {
      kind: 'pglite',
      query: async (sql, params = []) => (await db.query(sql, params as unknown[], options)).rows as never,
      exec: async (sql) => void (await db.exec(sql)),
      // PGlite runs one transaction at a time and queues the rest.
      transaction: (work) =>
        db.transaction((tx) =>
          work({ query: async (sql, params = []) => (await tx.query(sql, params as unknown[], options)).rows as never, exec: async (sql) => void (await tx.exec(sql)) }),
        ),
      async close() {
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * An embedded database belongs to one process: two that write one folder corrupt it. The
 * folder's lock file names the process that has it; a lock whose process is gone (killed)
 * is taken over.
 */
function lockFolder(folder: string): () => void {
  const file = join(folder, 'cpq-server.lock');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
      throw new DatabaseInUseError(folder, pid);
    }
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The embedded database's folder is open in another process. */
export class DatabaseInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
  ) {
    super(`the data folder ${folder} is in use by process ${pid} (an embedded database is one process's own: stop it, or use PostgreSQL through DATABASE_URL to share one)`);
    this.name = 'DatabaseInUseError';
  }
}
