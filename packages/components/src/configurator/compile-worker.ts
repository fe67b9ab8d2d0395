/**
 * Compiles a product off the main thread: the configurator starts this worker for
 * products whose compilation would block the page (hundreds of features and rules).
 * It answers with the precompiled space, which the page loads as it would a shipped one.
 *
 * @module
 */
import { compile, saveSpace, type Catalog } from '@cpq-kit/engine';

interface Request {
  catalog: Catalog;
  product: string;
}

// Typed locally: the components compile against the DOM library, not the worker one.
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = async ({ data }) => {
  try {
    const compiled = compile(data.catalog, data.product ? { product: data.product } : {});
    scope.postMessage({ space: await saveSpace(compiled) });
  } catch (error) {
    scope.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
