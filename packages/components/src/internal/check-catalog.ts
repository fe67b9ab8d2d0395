/**
 * The catalog checks (the engine's `loadCatalog`: its schema, zod and every semantic
 * check), loaded on demand: a page with a published catalog and precompiled space
 * never needs them, and they are a third of the configurator's code.
 */
import { isChecked, type Catalog } from '@cpq-kit/engine';

/** The checked catalog for a catalog text, or for a catalog object that is not checked yet. */
export async function checkedCatalog(input: string | Catalog): Promise<Catalog> {
  if (typeof input !== 'string' && isChecked(input)) return input;
  const { loadCatalog } = await import('./load-catalog.js');
  return loadCatalog(input);
}
