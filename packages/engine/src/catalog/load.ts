import * as z from 'zod/mini';
export { CatalogError, ConfigurationError, catalogHash } from './checked.js';
import { CatalogSchema, ConfigurationSchema, type Catalog, type Configuration } from './schema.js';
import { checkCatalog } from './validate.js';
import { checkConfiguration } from './check-configuration.js';
import { CatalogError, ConfigurationError, deepFreeze, markChecked } from './checked.js';
import { checkJsonValue, parseJson, type JsonLimits } from '../internal/json.js';
import type { Problem, ValidationError } from '../internal/problems.js';
import { problemsFromIssues } from '../internal/zod-problems.js';

/** Options for reading a catalog or configuration. */
export type LoadOptions = JsonLimits;

/**
 * Reads and validates a catalog: JSON text or an already parsed value. Returns a
 * deeply frozen, typed `Catalog` (marked as checked, so pricing does not check it
 * again), or throws a {@link CatalogError} listing every
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
  return markChecked(result.data);
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
