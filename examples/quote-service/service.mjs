// A quote service on node:http: POST /quotes prices and signs, POST /quotes/verify
// verifies (signature, expiry, catalog, and every amount priced again), POST /guidance
// answers price guidance from past deals (which never leave the server), GET /health.
//
// No framework: three routes, JSON in and out, need nothing more than node:http, and
// the checks that matter (body size, strict JSON, zod schemas, no 500 for bad input)
// are a few lines each. The same handlers are mounted under /api/ by examples/serve.mjs.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import * as z from 'zod/mini';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The handlers of the quote service.
 *
 * @param {object} options
 * @param {import('@cpq-kit/engine').QuoteKey} options.key  signs new quotes and verifies returned ones
 * @param {readonly import('@cpq-kit/engine').Catalog[]} [options.catalogs]  default: the demo catalogs
 * @param {typeof import('@cpq-kit/engine')} [options.engine]  default: `@cpq-kit/engine` (tests hand in its source)
 * @param {number} [options.validDays]  how long a quote is valid unless the request says (default 30)
 * @param {number} [options.maxBodyBytes]  larger bodies get a 413 (default 1 MiB)
 * @param {readonly import('@cpq-kit/engine').Deal[]} [options.deals]  past deals for POST /guidance (default: the synthetic examples/deals/deals.json)
 * @param {() => Date} [options.now]
 */
export async function createQuoteService(options) {
  const engine = options.engine ?? (await import('@cpq-kit/engine'));
  const catalogs = new Map((options.catalogs ?? demoCatalogs(engine)).map((c) => [c.id, c]));
  const key = engine.readQuoteKey(options.key);
  // An Ed25519 private key signs; only its public half is needed to verify.
  const verifyKey = key.kty === 'OKP' ? engine.publicQuoteKey(key) : key;
  const validDays = options.validDays ?? 30;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const now = options.now ?? (() => new Date());

  // The body of POST /quotes: the engine's quote request, the catalog by id, and a validity in days or up to a day.
  const QuoteBody = z.extend(z.omit(engine.QuoteRequestSchema, { validUntil: true }), {
    catalog: z.string(),
    validUntil: z.optional(engine.QuoteRequestSchema.shape.validUntil),
    validDays: z.optional(z.int().check(z.minimum(1), z.maximum(366))),
  });

  async function createQuote(text) {
    const body = readBody(text, QuoteBody);
    const catalog = catalogs.get(body.catalog);
    if (!catalog) return reply(400, { error: 'invalid request', issues: [{ path: 'catalog', message: `unknown catalog "${body.catalog}"; this service has ${[...catalogs.keys()].join(', ')}` }] });
    const at = now();
    const { catalog: _, validDays: days = validDays, validUntil, ...request } = body;
    try {
      const quote = await engine.createQuote({
        ...request,
        catalog,
        now: at,
        validUntil: validUntil ?? new Date(at.getTime() + days * 86_400_000),
      });
      return reply(200, await engine.signQuote(quote, key));
    } catch (error) {
      if (error instanceof engine.ValidationError) return reply(400, { error: 'cannot quote', issues: error.problems });
      throw error;
    }
  }

  // Past deals are read and indexed on the first guidance request, once: the quote routes never pay for them.
  let index;
  const guidanceIndex = () => (index ??= engine.guidanceIndex(options.deals ?? demoDeals(engine)));

  // The body of POST /guidance: the engine's deal context (segment, region, family, the quote's list and net) and its options.
  const GuidanceBody = z.extend(engine.DealContextSchema, { options: z.optional(engine.GuidanceOptionsSchema) });

  async function guidance(text) {
    const { options: guidanceOptions, ...context } = readBody(text, GuidanceBody);
    try {
      return reply(200, engine.priceGuidance(guidanceIndex(), context, guidanceOptions));
    } catch (error) {
      if (error instanceof engine.ValidationError) return reply(400, { error: 'cannot guide', issues: error.problems });
      throw error;
    }
  }

  async function verifyQuote(text) {
    const read = engine.readQuote(text);
    if (!read.ok) return reply(400, { error: 'not a quote', issues: read.reasons.map(({ path, message }) => ({ path, message })) });
    const catalog = catalogs.get(read.quote.catalog.id);
    if (!catalog) {
      return reply(200, { valid: false, reasons: [{ code: 'catalog-id', path: 'catalog.id', message: `this service has no catalog "${read.quote.catalog.id}"` }] });
    }
    const result = await engine.verifyQuote(read.quote, { catalog, key: verifyKey, now: now() });
    return reply(200, result.valid ? { valid: true, number: read.quote.number, version: read.quote.version, reasons: [] } : { valid: false, reasons: result.reasons });
  }

  /** Strict JSON, then the schema; a problem is a 400 with the paths. */
  function readBody(text, schema) {
    const parsed = engine.parseJson(text, { maxLength: maxBodyBytes, maxDepth: 32 });
    if (!parsed.ok) throw new BadRequest('invalid JSON', parsed.problems);
    const result = z.safeParse(schema, parsed.value);
    if (!result.success) throw new BadRequest('invalid request', result.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })));
    return result.data;
  }

  const routes = {
    'POST /quotes': createQuote,
    'POST /quotes/verify': verifyQuote,
    'POST /guidance': guidance,
    'GET /health': async () => reply(200, { status: 'ok', engine: engine.ENGINE_VERSION, catalogs: [...catalogs.values()].map((c) => ({ id: c.id, version: c.version })) }),
  };

  /**
   * Handles one request. `path` is the route within the service (default: the URL's
   * path), so that another server can mount it under a prefix.
   *
   * @param {import('node:http').IncomingMessage} request
   * @param {import('node:http').ServerResponse} response
   */
  async function handle(request, response, path = new URL(request.url ?? '/', 'http://localhost').pathname) {
    let answer;
    try {
      const route = routes[`${request.method} ${path}`];
      if (!route) {
        const allowed = Object.keys(routes).filter((r) => r.endsWith(` ${path}`)).map((r) => r.split(' ')[0]);
        answer = allowed.length > 0 ? reply(405, { error: `use ${allowed.join(' or ')} for ${path}` }, { allow: allowed.join(', ') }) : reply(404, { error: `no route ${request.method} ${path}` });
        request.resume();
      } else if (request.method === 'GET') {
        request.resume();
        answer = await route('');
      } else if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
        request.resume();
        answer = reply(415, { error: 'send the body as application/json' });
      } else {
        const text = await bodyOf(request, maxBodyBytes);
        answer = text === undefined ? reply(413, { error: `the body is larger than ${maxBodyBytes} bytes` }, { connection: 'close' }) : await route(text);
      }
    } catch (error) {
      if (error instanceof BadRequest) answer = reply(400, { error: error.message, issues: error.issues });
      else {
        console.error(error);
        answer = reply(500, { error: 'internal error' });
      }
    }
    response.writeHead(answer.status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(answer.body), 'cache-control': 'no-store', ...answer.headers });
    response.end(answer.body);
  }

  return { handle, catalogs };
}

/** An HTTP server with the quote service at its root. */
export async function createQuoteServer(options) {
  const service = await createQuoteService(options);
  return createServer((request, response) => void service.handle(request, response));
}

class BadRequest extends Error {
  constructor(message, issues) {
    super(message);
    this.issues = issues;
  }
}

function reply(status, value, headers = {}) {
  return { status, body: JSON.stringify(value), headers };
}

/** The body as text, or undefined once it passes the limit (reading stops there). */
function bodyOf(request, limit) {
  const declared = Number(request.headers['content-length']);
  if (declared > limit) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.pause();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** A zod issue path as the engine writes paths: `items[0].quantity`. */
function pathOf(path) {
  return path.reduce((out, key) => (typeof key === 'number' ? `${out}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? (out ? `${out}.${key}` : key) : `${out}[${JSON.stringify(key)}]`), '');
}

/** The synthetic example deals in examples/deals (see its generate.mjs). */
function demoDeals(engine) {
  return engine.readDeals(readFileSync(new URL('../deals/deals.json', import.meta.url), 'utf8'));
}

/** The demo catalogs in examples/catalogs. */
function demoCatalogs(engine) {
  const folder = new URL('../catalogs/', import.meta.url);
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.config.json'))
    .map((f) => engine.loadCatalog(readFileSync(new URL(f, folder), 'utf8')));
}
