// `npm start`: serves the repository's examples on localhost (no network beyond it).
// A tiny static server so the demo needs nothing but Node; pages load the built
// embed script from packages/components/dist/cdn, as a reseller's page would. Under
// /api/ it mounts the quote desk (@cpq-kit/server): quotes, approvals, hand-offs and
// price guidance, with API keys and a database.
import { createServer } from 'node:http';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog, readDeals } from '@cpq-kit/engine';
import { callerOf, createKey, createQuoteDesk, nodeHandler, serverOptions } from '@cpq-kit/server';

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

// The desk's data: PostgreSQL when DATABASE_URL is set, else an embedded database in a
// folder of the checkout (.cpq-server/ is not committed). The folder also keeps the demo's keys.
const data = resolve(root, process.env.CPQ_DATA ?? '.cpq-server/demo');
const database = process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { data };
const catalogsFolder = join(root, 'examples/catalogs');
const catalogs = readdirSync(catalogsFolder)
  .filter((file) => file.endsWith('.json') && !file.endsWith('.config.json'))
  .sort()
  .map((file) => loadCatalog(readFileSync(join(catalogsFolder, file), 'utf8')));

const desk = await createQuoteDesk({
  database,
  catalogs,
  // The example deals seed an empty store; price guidance then learns from the quotes accepted here.
  deals: readDeals(readFileSync(join(root, 'examples/deals/deals.json'), 'utf8')),
  policy: JSON.parse(readFileSync(join(root, 'examples/desk/policy.json'), 'utf8')),
  // The desk writes a JSON line per request; the demo's console shows only what went wrong.
  log: (entry) => {
    if (entry.level !== 'info') console.error(JSON.stringify({ time: new Date().toISOString(), ...entry }));
  },
}).catch((error) => {
  // Most often: another `npm start` has the data folder (an embedded database is one process's).
  console.error(`cpq-kit demo: the quote desk cannot start: ${error.message}`);
  process.exit(1);
});
const keys = await demoKeys();
const api = nodeHandler(desk);

/**
 * The demo's API keys: a buyer key (the site key the reseller's pages send), a rep key and
 * an approver key. The desk stores only their hashes, so the demo keeps the keys it made
 * in its data folder and uses them again on the next start, while the database knows them.
 * A real site makes its keys with `cpq-server key create` and keeps them in a secret store.
 */
async function demoKeys() {
  mkdirSync(data, { recursive: true });
  const file = join(data, 'demo-keys.json');
  let saved = {};
  try {
    saved = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // None yet (first start), or unreadable: make new ones.
  }
  const keys = {};
  let changed = false;
  for (const role of ['buyer', 'rep', 'approver']) {
    const known = typeof saved[role] === 'string' ? await callerOf(desk.db, saved[role]) : undefined;
    if (known?.role === role) keys[role] = saved[role];
    else {
      keys[role] = (await createKey(desk.db, { role, label: `demo ${role} (examples/serve.mjs)` })).key;
      changed = true;
    }
  }
  if (changed || !existsSync(file)) writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return keys;
}

/** A small ES module, made per request. */
function sendModule(response, source) {
  response.writeHead(200, { 'content-type': types['.js'], 'cache-control': 'no-store' });
  response.end(source);
}

// The desk's timeouts for the whole server: a stalled body is cut at 30 s.
const server = createServer(serverOptions(), (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith('/api/')) {
    api(request, response).catch((error) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ error: 'internal error' }));
    });
    return;
  }
  // The site key: a buyer key, public by nature (like a payment provider's publishable
  // key); every page of the site sends it. What a buyer may do is the desk's policy.
  if (url.pathname === '/examples/site-key.js') return sendModule(response, `export const siteKey = ${JSON.stringify(keys.buyer)};\n`);
  // The rep and approver keys for the desk page: a demo convenience only. This server
  // listens on 127.0.0.1; a real site never serves a rep's key, a rep pastes their own.
  if (url.pathname === '/examples/desk/demo-keys.js') {
    return sendModule(response, `export const demoKeys = ${JSON.stringify({ rep: keys.rep, approver: keys.approver })};\n`);
  }
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
  let path;
  try {
    path = normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '');
  } catch {
    return notFound(response);
  }
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
  const base = `http://localhost:${server.address().port}`;
  console.log(`cpq-kit demo: ${base}/examples/reseller/`);
  console.log(`rep desk: ${base}/examples/desk/`);
  console.log(`rep key: ${keys.rep}`);
  console.log(`approver key: ${keys.approver}`);
  console.log(`quote desk data: ${'url' in database ? 'PostgreSQL (DATABASE_URL)' : data}`);
  console.log('Press Ctrl+C to stop.');
});

// Stop cleanly: the embedded database is closed (and its folder's lock released).
let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeAllConnections();
  desk.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
