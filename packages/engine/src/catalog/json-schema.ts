import * as z from 'zod/mini';
import { CatalogSchema, ConfigurationSchema } from './schema.js';

/**
 * The JSON Schema (draft 2020-12) of catalog documents, generated from the zod
 * schemas. The package ships it as `@cpq-kit/engine/schema/catalog.schema.json`;
 * point a catalog's `$schema` at it for completion and checks in an editor.
 * It covers the shape; `loadCatalog` also checks references and ranges.
 */
export function catalogJsonSchema(): Record<string, unknown> {
  return withTitle(z.toJSONSchema(CatalogSchema, { io: 'input', target: 'draft-2020-12' }), 'cpq-kit catalog');
}

/** The JSON Schema of configuration documents (`@cpq-kit/engine/schema/configuration.schema.json`). */
export function configurationJsonSchema(): Record<string, unknown> {
  return withTitle(z.toJSONSchema(ConfigurationSchema, { io: 'input', target: 'draft-2020-12' }), 'cpq-kit configuration');
}

function withTitle(schema: object, title: string): Record<string, unknown> {
  return { ...schema, title };
}
