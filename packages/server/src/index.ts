/**
 * `@cpq-kit/server`: the quote desk. Quotes with roles and approval, their lifecycle
 * stored in PostgreSQL, hand-offs from buyers' pages to reps, and price guidance from
 * the desk's own deals, as a Fetch handler and a `node:http` server.
 *
 * @module
 */
export { createQuoteDesk, type QuoteDesk, type QuoteDeskOptions } from './desk.js';
export { nodeHandler, createDeskServer, hardenServer, serverOptions, TIMEOUTS } from './http.js';
export { createKey, callerOf, listKeys, revokeKey, ROLES, type Role, type Caller } from './keys.js';
export { PolicySchema, readPolicy, type Policy, type PolicyInput } from './policy.js';
export { HandoffBodySchema, HandoffPayloadSchema } from './handoffs.js';
export { openDatabase, DatabaseInUseError, type Database, type DatabaseOptions, type Queryable } from './store/database.js';
export { migrate, migrations } from './store/migrate.js';
export type { LogEntry } from './context.js';
