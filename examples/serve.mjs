// `npm start`: serves the repository's examples on localhost (no network beyond it).
// A tiny static server so the demo needs nothing but Node; pages load the built
// embed script from packages/components/dist/cdn, as a reseller's page would.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateQuoteKey } from '@cpq-kit/engine';
import { createQuoteService } from './quote-service/service.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
};
// Only these folders are served; nothing else of the checkout is exposed.
const served = ['examples', 'packages/components/dist', 'packages/engine/dist', 'packages/engine/schema'];

// The quote service of examples/quote-service under /api/ (POST /api/quotes, /api/quotes/verify, /api/guidance).
// A demo signing key made at start: quotes signed now cannot be verified after a restart.
// A real service reads its key from a secret store (see docs/quotes.md).
const api = await createQuoteService({ key: await generateQuoteKey('HS256', 'demo') });

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith('/api/')) return void api.handle(request, response, url.pathname.slice('/api'.length));
  if (url.pathname === '/') {
    response.writeHead(302, { location: '/examples/reseller/' });
    response.end();
    return;
  }
  // The demo pages name their icon; a browser that asks for /favicon.ico anyway (a JSON file opened directly) gets it too.
  if (url.pathname === '/favicon.ico') {
    response.writeHead(302, { location: '/examples/reseller/favicon.svg' });
    response.end();
    return;
  }
  let path = normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '');
  if (!served.some((folder) => path === folder || path.startsWith(folder + sep))) return notFound(response);
  let file = join(root, path);
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    statSync(file);
  } catch {
    return notFound(response);
  }
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  createReadStream(file).pipe(response);
});

function notFound(response) {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  response.end('Not found');
}

const port = Number(process.env.PORT ?? 8080);
server.listen(port, '127.0.0.1', () => {
  console.log(`cpq-kit demo: http://localhost:${server.address().port}/examples/reseller/`);
  console.log('Press Ctrl+C to stop.');
});
