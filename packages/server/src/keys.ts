/**
 * API keys: `cpq_` and 256 random bits, base64url. The desk stores only the SHA-256 of a
 * key, so the table cannot be replayed; each key has one role (and a partner id for
 * a reseller's key). Whoever holds a key acts with its role.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import type { Queryable } from './store/database.js';

/** Who may do what: see the package README's table. */
export const ROLES = ['buyer', 'rep', 'approver', 'partner'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** A key as the desk knows it (never the key itself). */
export interface Caller {
  /** The key's id, written into events as who did something: "key:k_3f9a…". */
  readonly id: string;
  readonly role: Role;
  /** A partner key's reseller (an id of the catalogs' `partners`). */
  readonly partner?: string;
  readonly label?: string;
}

const KEY_PATTERN = /^cpq_[A-Za-z0-9_-]{43}$/;

const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');

/** What `createKey` takes. */
export const NewKeySchema = z.strictObject({
  role: RoleSchema,
  partner: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a partner id, e.g. "northwind"'))),
  label: z.optional(z.string().check(z.maxLength(200))),
});

/** Makes a key and stores its hash; returns the key (shown once) and its id. */
export async function createKey(db: Queryable, input: z.input<typeof NewKeySchema>): Promise<{ key: string; id: string; role: Role; partner?: string }> {
  const { role, partner, label } = z.parse(NewKeySchema, input);
  if ((role === 'partner') !== (partner !== undefined)) {
    throw new Error(role === 'partner' ? 'a partner key needs --partner ID (the reseller it is for)' : `--partner is for partner keys only, not ${role} keys`);
  }
  const key = `cpq_${randomBytes(32).toString('base64url')}`;
  const hash = hashOf(key);
  const id = `k_${hash.slice(0, 12)}`;
  await db.query('insert into api_keys (id, hash, role, partner, label) values ($1, $2, $3, $4, $5)', [id, hash, role, partner ?? null, label ?? null]);
  return { key, id, role, ...(partner === undefined ? {} : { partner }) };
}

/** The caller a key belongs to, or undefined for an unknown, malformed or revoked key. */
export async function callerOf(db: Queryable, key: string): Promise<Caller | undefined> {
  if (!KEY_PATTERN.test(key)) return undefined;
  const [row] = await db.query<{ id: string; role: Role; partner: string | null; label: string | null }>(
    'select id, role, partner, label from api_keys where hash = $1 and revoked_at is null',
    [hashOf(key)],
  );
  if (!row) return undefined;
  return { id: row.id, role: row.role, ...(row.partner === null ? {} : { partner: row.partner }), ...(row.label === null ? {} : { label: row.label }) };
}

/** The keys, without their hashes. */
export async function listKeys(db: Queryable): Promise<{ id: string; role: Role; partner: string | null; label: string | null; created_at: Date; revoked_at: Date | null }[]> {
  return db.query('select id, role, partner, label, created_at, revoked_at from api_keys order by created_at, id');
}

/** Revokes a key by id; false when there is no such key. */
export async function revokeKey(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query('update api_keys set revoked_at = now() where id = $1 and revoked_at is null returning id', [id]);
  return rows.length > 0;
}
