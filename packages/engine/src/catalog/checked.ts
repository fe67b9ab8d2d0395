/**
 * What a checked catalog is. `loadCatalog` checks a catalog once (schema and semantic
 * checks) and marks the deeply frozen result; so does `loadPrecompiled` for a catalog
 * whose content hash matches a space that `cpq compile` made from a checked catalog.
 * Pricing takes only marked catalogs and so never repeats the checks, which keeps the
 * checks (and zod) out of a page that loads a published catalog.
 */
import type { Catalog } from './schema.js';
import { contentHash } from '../internal/digest.js';
import { ValidationError, type Problem } from '../internal/problems.js';

/** A catalog that cannot be used; `problems` lists every problem with its path. */
export class CatalogError extends ValidationError {
  constructor(problems: readonly Problem[]) {
    super('The catalog', problems);
    this.name = 'CatalogError';
  }
}

/** A configuration that does not fit its catalog; `problems` lists every problem with its path. */
export class ConfigurationError extends ValidationError {
  constructor(problems: readonly Problem[]) {
    super('The configuration', problems);
    this.name = 'ConfigurationError';
  }
}

// A registered symbol, so that a catalog checked by one copy of cpq-kit on a page (say,
// the page's own bundle) is recognised by another (the embed script). Not enumerable:
// a spread copy, which may have been changed, is not marked; JSON never shows it.
const CHECKED = Symbol.for('cpq-kit.checked-catalog');

/** Marks a checked catalog and freezes it deeply, so it cannot change after the checks. */
export function markChecked(catalog: Catalog): Catalog {
  if (!Object.isFrozen(catalog)) Object.defineProperty(catalog, CHECKED, { value: true });
  return deepFreeze(catalog);
}

/** Whether a catalog came from `loadCatalog` (or `loadPrecompiled`) of any copy of cpq-kit. */
export function isChecked(catalog: Catalog): boolean {
  return Object.isFrozen(catalog) && Object.prototype.hasOwnProperty.call(catalog, CHECKED);
}

/** Throws a clear error for a catalog that was built or changed in code and not checked. */
export function requireChecked(catalog: Catalog, caller: string): void {
  if (isChecked(catalog)) return;
  const id = typeof catalog?.id === 'string' ? ` "${catalog.id}"` : '';
  throw new TypeError(`${caller}: catalog${id} has not been checked; pass it through loadCatalog() first (it checks a catalog once and returns it frozen)`);
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The catalog's content hash, `"sha256:<hex>"` of its canonical JSON (RFC 8785): the
 * same for the same catalog whatever the key order or spacing of its file. Quotes and
 * precompiled spaces carry it, so a changed catalog is noticed.
 */
export function catalogHash(catalog: Catalog, pause?: () => Promise<void>): Promise<string> {
  // A loaded catalog is deeply frozen, so its hash cannot change: compute it once.
  if (!Object.isFrozen(catalog)) return contentHash(catalog, pause);
  let hash = hashes.get(catalog);
  if (!hash) hashes.set(catalog, (hash = contentHash(catalog, pause)));
  return hash;
}

const hashes = new WeakMap<Catalog, Promise<string>>();
