import * as z from 'zod/mini';
import { CatalogSchema, ConfigurationSchema, type Catalog, type Configuration } from './schema.js';
import { checkCatalog, checkConfiguration } from './validate.js';
import { checkJsonValue, parseJson, type JsonLimits } from '../internal/json.js';
import { ValidationError, type Problem } from '../internal/problems.js';
import { problemsFromIssues } from '../internal/zod-problems.js';
import { contentHash } from '../internal/digest.js';

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

/** Options for reading a catalog or configuration. */
export type LoadOptions = JsonLimits;

/**
 * Reads and validates a catalog: JSON text or an already parsed value. Returns a
 * deeply frozen, typed `Catalog`, or throws a {@link CatalogError} listing every
 * problem at once, each with its JSON path and a plain sentence.
 *
 * @example
 * ```ts
 * const catalog = loadCatalog(await (await fetch('/catalog.json')).text());
 * ```
 */
export function loadCatalog(input: unknown, options: LoadOptions = {}): Catalog {
  const value = read(input, options, (problems) => new CatalogError(problems));
  const result = z.safeParse(CatalogSchema, value);
  if (!result.success) throw new CatalogError(problemsFromIssues(result.error.issues, value, FIELD_NAMES));
  const problems = checkCatalog(result.data);
  if (problems.length > 0) throw new CatalogError(problems);
  return deepFreeze(result.data);
}

/**
 * Reads a configuration (JSON text or a parsed value) and checks it against a
 * catalog: unknown products, attributes and options, and values out of range are
 * reported with their paths in a {@link ConfigurationError}.
 */
export function loadConfiguration(input: unknown, catalog: Catalog, options: LoadOptions = {}): Configuration {
  const value = read(input, options, (problems) => new ConfigurationError(problems));
  const result = z.safeParse(ConfigurationSchema, value);
  if (!result.success) throw new ConfigurationError(problemsFromIssues(result.error.issues, value, FIELD_NAMES));
  const problems = checkConfiguration(catalog, result.data);
  if (problems.length > 0) throw new ConfigurationError(problems);
  return deepFreeze(result.data);
}

function read(input: unknown, options: LoadOptions, error: (problems: Problem[]) => ValidationError): unknown {
  if (typeof input === 'string') {
    const parsed = parseJson(input, options);
    if (!parsed.ok) throw error(parsed.problems);
    return parsed.value;
  }
  const problems = checkJsonValue(input, options);
  if (problems.length > 0) throw error(problems);
  return input;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Every field name the schemas know, to suggest a correction for a misspelt one. */
const FIELD_NAMES: readonly string[] = [...fieldNames(CatalogSchema, new Set()), ...fieldNames(ConfigurationSchema, new Set())];

function fieldNames(schema: z.core.$ZodType, seen: Set<unknown>): Set<string> {
  const names = new Set<string>();
  const visit = (node: z.core.$ZodType): void => {
    if (seen.has(node)) return;
    seen.add(node);
    const def = node._zod.def as unknown as Record<string, unknown>;
    if (def['shape']) for (const [key, child] of Object.entries(def['shape'] as Record<string, z.core.$ZodType>)) names.add(key), visit(child);
    for (const key of ['innerType', 'element', 'valueType', 'in', 'out']) if (def[key]) visit(def[key] as z.core.$ZodType);
    if (Array.isArray(def['options'])) (def['options'] as z.core.$ZodType[]).forEach(visit);
    if (typeof def['getter'] === 'function') visit((def['getter'] as () => z.core.$ZodType)());
  };
  visit(schema);
  return names;
}

/**
 * The catalog's content hash, `"sha256:<hex>"` of its canonical JSON (RFC 8785): the
 * same for the same catalog whatever the key order or spacing of its file. Quotes and
 * precompiled spaces carry it, so a changed catalog is noticed.
 */
export function catalogHash(catalog: Catalog): Promise<string> {
  // A loaded catalog is deeply frozen, so its hash cannot change: compute it once.
  if (!Object.isFrozen(catalog)) return contentHash(catalog);
  let hash = hashes.get(catalog);
  if (!hash) hashes.set(catalog, (hash = contentHash(catalog)));
  return hash;
}

const hashes = new WeakMap<Catalog, Promise<string>>();
