/**
 * Compiles a product off the main thread: the configurator starts this worker for
 * products whose compilation would block the page (hundreds of features and rules).
 * It answers with the precompiled space, which the page loads as it would a shipped one.
 * Given a catalog's text, it checks the catalog first (`loadCatalog`), so that checking a
 * large catalog does not block the page either; the page then opens the catalog by the
 * space's content hash.
 *
 * @module
 */
import { compile, loadCatalog, saveSpace, type Catalog } from '@cpq-kit/engine';

interface Request {
  /** A catalog the page has checked (structured-cloned, so no longer marked), or a catalog text to check here. */
  catalog: Catalog | string;
  product: string;
}

// Typed locally: the components compile against the DOM library, not the worker one.
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = async ({ data }) => {
  try {
    const catalog = typeof data.catalog === 'string' ? loadCatalog(data.catalog) : data.catalog;
    const compiled = compile(catalog, data.product ? { product: data.product } : {});
    scope.postMessage({ space: await saveSpace(compiled) });
  } catch (error) {
    // The name (CatalogError, CompileError) tells the page why, in the reader's language.
    scope.postMessage(error instanceof Error ? { error: error.message, name: error.name } : { error: String(error) });
  }
};
