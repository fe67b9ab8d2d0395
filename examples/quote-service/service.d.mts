// Types of service.mjs, for TypeScript callers (the engine's tests).
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Catalog, Deal, QuoteKey } from '../../packages/engine/src/index.js';

export interface QuoteServiceOptions {
  /** Signs new quotes and verifies returned ones (an Ed25519 key verifies with its public half). */
  readonly key: QuoteKey;
  /** Default: the demo catalogs in examples/catalogs. */
  readonly catalogs?: readonly Catalog[];
  /** Default: `@cpq-kit/engine`; tests hand in the engine's source. */
  readonly engine?: unknown;
  /** How long a quote is valid unless the request says (default 30 days). */
  readonly validDays?: number;
  /** Larger bodies get a 413 (default 1 MiB). */
  readonly maxBodyBytes?: number;
  /** Past deals for POST /guidance; default: the synthetic examples/deals/deals.json. */
  readonly deals?: readonly Deal[];
  readonly now?: () => Date;
}

export interface QuoteService {
  /** Handles one request; `path` is the route within the service (default: the URL's path). */
  handle(request: IncomingMessage, response: ServerResponse, path?: string): Promise<void>;
  readonly catalogs: ReadonlyMap<string, Catalog>;
}

export function createQuoteService(options: QuoteServiceOptions): Promise<QuoteService>;
export function createQuoteServer(options: QuoteServiceOptions): Promise<Server>;
