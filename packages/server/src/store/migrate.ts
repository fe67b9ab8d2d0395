/**
 * Versioned SQL migrations: `migrations/NNN-name.sql`, applied in order, each in its own
 * transaction with its row in `schema_migrations`, so that a crash leaves a migration
 * either applied or not. An advisory lock lets several processes start at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from './database.js';

const folder = new URL('../../migrations/', import.meta.url);
/** Any fixed number: the lock is the desk's, for migrating. */
const MIGRATION_LOCK = 715_202_611;

/** The migrations this version of the desk has, in order. */
export function migrations(): { version: number; name: string; sql: string }[] {
  return readdirSync(folder)
    .filter((f) => /^\d{3}-[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), sql: readFileSync(new URL(f, folder), 'utf8') }));
}

/** Applies the migrations the database does not have yet; returns their versions. */
export async function migrate(db: Database): Promise<number[]> {
  // Under the lock too: two processes running `create table if not exists` at once can both
  // try to create it, and one fails on PostgreSQL's catalog (pg_type_typname_nsp_index).
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())');
  });
  const applied: number[] = [];
  for (const migration of migrations()) {
    const done = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const rows = await tx.query('select 1 from schema_migrations where version = $1', [migration.version]);
      if (rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  const newest = migrations().at(-1)?.version ?? 0;
  const [row] = await db.query<{ v: number }>('select coalesce(max(version), 0)::int as v from schema_migrations');
  if ((row?.v ?? 0) > newest) throw new Error(`the database was migrated by a newer cpq-server (schema ${row!.v}; this one knows up to ${newest})`);
  return applied;
}
