/**
 * The desk on `node:http`: each request becomes a Fetch `Request`, with the limits a
 * service facing the Internet needs. A body larger than its route reads is refused
 * from its `Content-Length` before a byte is read; headers must arrive within 10 s and
 * the whole request within 30 s; a slow or stalled body is cut there.
 */
import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { QuoteDesk } from './desk.js';

/** Timeouts of the desk's server, in milliseconds. */
export const TIMEOUTS = { headers: 10_000, request: 30_000, keepAlive: 5_000 };

/**
 * A `node:http` listener for the desk: pass it to `createServer`, or call it from your own
 * server for the desk's paths. Returns once the answer is written.
 */
export function nodeHandler(desk: QuoteDesk): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    try {
      await answer(request, response);
    } catch (error) {
      // The client went away mid-request (or sent a broken body): no one to answer, but a line in the log.
      desk.context.log({ level: 'warn', msg: 'request abandoned', method: request.method ?? '', path: request.url ?? '', error: error instanceof Error ? error.message : String(error) });
      if (!response.headersSent) response.writeHead(400).end();
      request.destroy();
    }
  };

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
    const limit = desk.limitFor(method, url.pathname);
    const declared = Number(request.headers['content-length']);
    let body: Buffer | undefined;
    if (declared > limit) {
      // Early: the desk answers 413 from the header alone, and the connection closes unread.
      body = undefined;
    } else if (method !== 'GET' && method !== 'HEAD') {
      body = await readUpTo(request, limit + 1);
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    if (body === undefined && declared > limit) headers.set('content-length', String(declared));
    else headers.delete('content-length');
    const reply = await desk.fetch(new Request(url, { method, headers, ...(body && body.length > 0 ? { body } : {}) }));
    const text = Buffer.from(await reply.arrayBuffer());
    const out: Record<string, string> = {};
    reply.headers.forEach((value, name) => (out[name] = value));
    out['content-length'] = String(text.length);
    response.writeHead(reply.status, out);
    response.end(text);
    // A refused body is not kept: what still arrives is discarded, and the connection closed
    // soon after, not at once (closing on unread data resets it, and the client would lose the 413).
    if (reply.status === 413) {
      response.once('finish', () => {
        request.resume();
        setTimeout(() => request.destroy(), 2000).unref();
      });
    }
  }
}

/** The body, or its first `limit` bytes when it is longer (the desk then answers 413). */
function readUpTo(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
      if (size >= limit) {
        request.off('data', onData);
        request.pause();
        resolve(Buffer.concat(chunks));
      }
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
    request.on('close', () => resolve(Buffer.concat(chunks)));
  });
}

/** The `node:http` server options with the desk's timeouts; `timeouts` shortens them (tests). */
export function serverOptions(timeouts: Partial<typeof TIMEOUTS> = {}): ServerOptions {
  const t = { ...TIMEOUTS, ...timeouts };
  // Node looks for requests past their time every `connectionsCheckingInterval` (30 s by
  // default): checked every second, a stalled body is cut at 30 s, not at up to 60.
  return { headersTimeout: t.headers, requestTimeout: t.request, keepAliveTimeout: t.keepAlive, connectionsCheckingInterval: Math.min(1000, t.headers), maxHeaderSize: 16 * 1024 };
}

/**
 * Applies the desk's timeouts to a server made without {@link serverOptions} (one that
 * mounts the desk among other things); its checking interval stays its own.
 */
export function hardenServer(server: Server): Server {
  server.headersTimeout = TIMEOUTS.headers;
  server.requestTimeout = TIMEOUTS.request;
  server.keepAliveTimeout = TIMEOUTS.keepAlive;
  server.maxHeadersCount = 100;
  return server;
}

/** An HTTP server for the desk alone, with its timeouts. */
export function createDeskServer(desk: QuoteDesk, timeouts: Partial<typeof TIMEOUTS> = {}): Server {
  const handle = nodeHandler(desk);
  const server = createServer(serverOptions(timeouts), (request, response) => void handle(request, response));
  server.maxHeadersCount = 100;
  // A client that asks first (`Expect: 100-continue`) learns of a body too large before sending it.
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (Number(request.headers['content-length']) > desk.limitFor(request.method ?? 'GET', url.pathname)) return void handle(request, response);
    response.writeContinue();
    void handle(request, response);
  });
  return server;
}
