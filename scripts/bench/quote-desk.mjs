// The quote desk (packages/server, `cpq-server start`) under load, once on the embedded
// database (PGlite, --data) and once on a PostgreSQL server (DATABASE_URL; skipped when
// Debian's postgresql package is not installed). The desk runs as its own process, so the
// load generator here does not share its event loop.
//
// 1. 2,000 requests, 20 at a time, over HTTP on loopback: buyers' quotes of both example
//    catalogs, reps' quotes with a 5% order discount, verifying and accepting (some twice)
//    quotes made before, and /health. Every answer's status is checked; requests/s,
//    p50/p95/p99 per kind and overall, the server's memory after, the data folder's size.
// 2. The hardening cases, each while /health is polled every 20 ms (target: under 100 ms):
//    an announced 50 MB body (headers only, then streamed), a body sent at 1 byte a second,
//    a 1 MiB body of too many items, four concurrent 100-item quotes, verifying a 100-item
//    quote, and verifying (without a key) a forged quote as large as the 8 MiB limit.
// Writes docs/bench/quote-desk.json; `node scripts/bench.mjs quote-desk` (after a build).
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startPostgres } from '../postgres-server.mjs';
import { report } from './lib.mjs';
import { mulberry32 } from '../../packages/engine/dist/cli/configure.js';

const BIN = 'packages/server/bin/cpq-server.js';
const TOTAL = 2000;
const CONCURRENCY = 20;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** The environment of the desk and its key commands: DATABASE_URL only when given here. */
const envOf = (env) => {
  const { DATABASE_URL: _, ...rest } = process.env;
  return { ...rest, ...env };
};

const configOf = (file) => {
  const { $schema, ...configuration } = JSON.parse(readFileSync(file, 'utf8'));
  return configuration;
};
const av = configOf('examples/catalogs/av-rooms.config.json');
const collab = configOf('examples/catalogs/collab-suite.config.json');

/** Quantile `q` of sorted samples (nearest rank). */
const at = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))];
function latencies(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: at(s, 0.5), p95: at(s, 0.95), p99: at(s, 0.99), max: s[s.length - 1] };
}


function folderBytes(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((n, name) => n + folderBytes(join(path, name)), 0);
}

function procStatus(pid) {
  let text = '';
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    // The process is gone.
  }
  const kib = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? Number.NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** `cpq-server start` as a child process; resolves once it printed its URL. */
async function startDesk(data, env) {
  const child = spawn(process.execPath, [BIN, 'start', '--port', '0', '--data', data, '--catalogs', 'examples/catalogs', '--deals', 'examples/deals/deals.json'], {
    env: envOf(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const errors = [];
  let logged = 0;
  createInterface({ input: child.stderr }).on('line', (line) => errors.push(line));
  const lines = createInterface({ input: child.stdout });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cpq-server did not start in 120 s: ${errors.join('\n')}`)), 120_000);
    child.once('exit', (code) => reject(new Error(`cpq-server exited (${code}) before it listened: ${errors.join('\n')}`)));
    lines.once('line', (line) => {
      clearTimeout(timer);
      const port = /^cpq-server: http:\/\/127\.0\.0\.1:(\d+)\/api\//.exec(line)?.[1];
      if (port) resolve(Number(port));
      else reject(new Error(`unexpected first line: ${line}`));
    });
  });
  // The desk logs a JSON line per request on stdout: read them (a full pipe would stall it).
  lines.on('line', () => logged++);
  let exit;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exit = signal ?? code))));
  return {
    child,
    base: `http://127.0.0.1:${port}/api/`,
    port,
    errors,
    logged: () => logged,
    /** Undefined while the desk runs; its exit code or signal once it stopped. */
    exit: () => exit,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const how = await exited;
      clearTimeout(timer);
      return how;
    },
  };
}

function createKey(role, data, env) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, 'key', 'create', '--role', role, '--data', data], { env: envOf(env) }, (error, stdout, stderr) => {
      if (error) reject(new Error(`key create --role ${role}: ${stderr || error.message}`));
      else resolve(stdout.trim().split('\n').at(-1));
    });
  });
}

/** One request; resolves with status, text and milliseconds (a network error is status 0). */
async function call(base, method, path, { key, body, headers = {} } = {}) {
  const started = performance.now();
  try {
    const response = await fetch(base + path, {
      method,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    return { status: response.status, text, ms: performance.now() - started };
  } catch (error) {
    return { status: 0, text: String(error?.cause?.message ?? error?.message ?? error), ms: performance.now() - started };
  }
}

/** Polls /health every 20 ms until stopped; returns its latencies. */
function pollHealth(base) {
  const samples = [];
  const failures = [];
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const r = await call(base, 'GET', 'health');
      samples.push(r.ms);
      if (r.status !== 200) failures.push(`${r.status} ${r.text.slice(0, 120)}`);
      const wait = 20 - r.ms;
      if (wait > 0) await sleep(wait);
    }
  })();
  return async () => {
    stopped = true;
    await done;
    const { p50, p99, max } = latencies(samples);
    return { 'health p50': p50, 'health p99': p99, 'health max': max, 'health polls': samples.length, ...(failures.length ? { 'health failed': failures.length } : {}) };
  };
}

/** Runs `work` while /health is polled; the case's figures and the health figures. */
async function whilePolling(base, work) {
  const stop = pollHealth(base);
  await sleep(100); // a few polls before, as a baseline
  const figures = await work().catch(async (error) => {
    await stop();
    throw error;
  });
  await sleep(100);
  return { ...figures, ...(await stop()) };
}

/** The mix: kind of each of the 2,000 requests, in a fixed shuffled order. */
function mix() {
  const counts = { 'buyer av-rooms': 600, 'buyer collab-suite': 300, 'rep (5% order discount)': 300, verify: 300, accept: 300, health: 200 };
  const kinds = Object.entries(counts).flatMap(([kind, n]) => Array(n).fill(kind));
  // The engine's seeded generator (mulberry32, as `cpq bench`): every run sends the same mix in the same order.
  const rand = mulberry32(16);
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j], kinds[i]];
  }
  return kinds;
}

const quoteBody = (catalog, configuration, quantity, context) => JSON.stringify({ catalog, items: [{ configuration, quantity }], ...(context ? { context } : {}) });

async function load(base, keys) {
  const failures = [];
  const made = []; // signed quotes (text) and their numbers
  const toAccept = []; // buyers' quotes not accepted yet
  const accepted = [];
  const expect = (kind, r, status, check) => {
    if (r.status !== status || (check && !check(r.text))) failures.push({ kind, status: r.status, answer: r.text.slice(0, 300) });
  };
  const create = async (kind, key, catalog, configuration, quantity, context) => {
    const r = await call(base, 'POST', 'quotes', { key, body: quoteBody(catalog, configuration, quantity, context) });
    expect(kind, r, 201);
    if (r.status === 201) {
      const number = JSON.parse(r.text).number;
      made.push({ number, text: r.text });
      if (key === keys.buyer) toAccept.push({ number, text: r.text });
    }
    return r;
  };
  const requests = {
    'buyer av-rooms': (i) => create('buyer av-rooms', keys.buyer, 'av-rooms', av, (i % 5) + 1),
    'buyer collab-suite': (i) => create('buyer collab-suite', keys.buyer, 'collab-suite', collab, (i % 3) + 1),
    'rep (5% order discount)': (i) =>
      i % 2 === 0
        ? create('rep (5% order discount)', keys.rep, 'av-rooms', av, (i % 7) + 1, { orderDiscount: { percent: '5' } })
        : create('rep (5% order discount)', keys.rep, 'collab-suite', collab, (i % 4) + 1, { orderDiscount: { percent: '5' } }),
    verify: async (i) => {
      const quote = made[(i * 7919) % made.length];
      const r = await call(base, 'POST', 'quotes/verify', { body: quote.text });
      expect('verify', r, 200, (text) => JSON.parse(text).valid === true);
      return r;
    },
    accept: async (i) => {
      // One accept in five is a second one (a double click): the same answer again.
      const again = i % 5 === 0 && accepted.length > 0;
      const quote = again ? accepted[i % accepted.length] : toAccept.shift();
      const r = await call(base, 'POST', `quotes/${quote.number}/accept`, { key: keys.buyer, body: quote.text });
      expect(again ? 'accept (again)' : 'accept', r, 200, (text) => JSON.parse(text).status === 'accepted');
      if (!again && r.status === 200) accepted.push(quote);
      return r;
    },
    health: async () => {
      const r = await call(base, 'GET', 'health');
      expect('health', r, 200);
      return r;
    },
  };

  // Warm-up, not timed: 300 buyers' quotes (which later accepts and verifies use).
  let w = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = w++; i < 300; i = w++) await (i % 3 === 0 ? requests['buyer collab-suite'](i) : requests['buyer av-rooms'](i));
    }),
  );
  if (failures.length > 0) throw new Error(`the warm-up failed: ${JSON.stringify(failures.slice(0, 3))}`);

  const kinds = mix();
  const samples = Object.fromEntries(Object.keys(requests).map((k) => [k, []]));
  const all = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < TOTAL; i = next++) {
        const r = await requests[kinds[i]](i);
        samples[kinds[i]].push(r.ms);
        all.push(r.ms);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const rows = {};
  for (const [kind, ms] of Object.entries(samples)) {
    rows[kind] = { requests: ms.length, ...latencies(ms), failures: failures.filter((f) => f.kind.startsWith(kind)).length };
  }
  rows[`all (${TOTAL} mixed, ${CONCURRENCY} concurrent)`] = { requests: TOTAL, 'req/s': Math.round(TOTAL / seconds), ...latencies(all), failures: failures.length };
  return { rows, failures, made, accepted: accepted.length, seconds };
}

/** The headers of a request with `Content-Length: 50000000` and no body: the answer's status and time. */
function announceOversized(port, key) {
  return new Promise((resolve) => {
    const started = performance.now();
    let closed;
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/quotes',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': '50000000', authorization: `Bearer ${key}` },
    });
    req.on('response', (res) => {
      const ms = performance.now() - started;
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ answer: String(res.statusCode), 'answer ms': ms, note: `${res.headers.connection === 'close' ? 'connection: close; ' : ''}${text.slice(0, 80)}` }));
      res.on('error', () => resolve({ answer: String(res.statusCode), 'answer ms': ms, note: text.slice(0, 80) }));
    });
    req.on('error', (error) => resolve({ answer: `error ${error.code ?? error.message}`, 'answer ms': performance.now() - started, note: closed ?? '' }));
    req.flushHeaders();
  });
}

/** The same, streaming the body as fast as the socket takes it: how much goes in before the desk cuts it. */
function streamOversized(port, key) {
  return new Promise((resolve) => {
    const started = performance.now();
    let written = 0;
    let status;
    let answeredMs;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/quotes',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': '50000000', authorization: `Bearer ${key}` },
    });
    const finish = (how) => {
      clearTimeout(timer);
      req.destroy();
      resolve({ answer: status === undefined ? how : String(status), 'answer ms': answeredMs ?? performance.now() - started, note: `${how}; client wrote ${(written / 2 ** 20).toFixed(1)} MiB of 47.7 MiB` });
    };
    const timer = setTimeout(() => finish('no answer in 30 s'), 30_000);
    req.on('response', (res) => {
      status = res.statusCode;
      answeredMs = performance.now() - started;
      res.resume();
      res.on('end', () => finish('answered, then closed'));
      res.on('error', () => finish('answered, then reset'));
    });
    req.on('error', (error) => finish(`connection ${error.code ?? error.message}`));
    const pump = () => {
      while (written < 50_000_000 && !req.destroyed) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
    };
    pump();
  });
}

/** Headers of a POST /quotes with Content-Length 10000, then a byte a second: when and how the desk ends it. */
function slowBody(port, key, giveUpMs = 75_000) {
  return new Promise((resolve) => {
    const body = quoteBody('av-rooms', av, 1).padEnd(10_000, ' ');
    const socket = connect(port, '127.0.0.1');
    const started = performance.now();
    let sent = 0;
    let answer = '';
    let timer;
    socket.on('connect', () => {
      socket.write(`POST /api/quotes HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${key}\r\nContent-Length: 10000\r\n\r\n`);
      timer = setInterval(() => {
        if (!socket.destroyed && socket.writable) socket.write(body[sent++]);
      }, 1000);
    });
    socket.on('data', (c) => (answer += c));
    socket.on('error', () => {});
    const giveUp = setTimeout(() => socket.destroy(), giveUpMs);
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      const ms = performance.now() - started;
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
      const answered = ms >= giveUpMs - 50 ? `still open after ${giveUpMs / 1000} s (closed by the client)` : status ? status : 'closed without an answer';
      resolve({ answer: answered, 'answer ms': ms, note: `closed after ${(ms / 1000).toFixed(1)} s, ${sent} body bytes sent` });
    });
  });
}

async function hardening(desk, keys) {
  const { base, port } = desk;
  const rows = {};
  const alive = (label) => {
    if (desk.exit() === undefined) return true;
    rows[`${label}: THE DESK EXITED`] = { answer: `exit ${desk.exit()}`, note: desk.errors.join(' ').replace(/\s+/g, ' ').slice(0, 300) };
    return false;
  };
  rows['oversized: Content-Length 50,000,000, no body sent'] = await whilePolling(base, () => announceOversized(port, keys.buyer));
  if (!alive('oversized, no body')) return rows;
  rows['oversized: Content-Length 50,000,000, body streamed'] = await whilePolling(base, () => streamOversized(port, keys.buyer));
  if (!alive('oversized, streamed')) return rows;
  rows['slow body: 10,000 bytes announced, 1 byte/s'] = await whilePolling(base, () => slowBody(port, keys.buyer));
  if (!alive('slow body')) return rows;

  // As many items as fit in the 1 MiB (1,048,576-byte) limit of POST /quotes.
  const item = (quantity) => ({ configuration: av, quantity });
  const items = [];
  let size = JSON.stringify({ catalog: 'av-rooms', items: [] }).length;
  for (let q = 1; ; q++) {
    const more = Buffer.byteLength(JSON.stringify(item((q % 9) + 1))) + (items.length > 0 ? 1 : 0);
    if (size + more > 1024 * 1024) break;
    size += more;
    items.push(item((q % 9) + 1));
  }
  const mib = JSON.stringify({ catalog: 'av-rooms', items });
  rows[`1 MiB body (${items.length} items, ${Buffer.byteLength(mib)} bytes)`] = await whilePolling(base, async () => {
    const r = await call(base, 'POST', 'quotes', { key: keys.buyer, body: mib });
    return { answer: String(r.status), 'answer ms': r.ms, note: r.text.slice(0, 100) };
  });
  if (!alive('1 MiB body')) return rows;

  const big = Array.from({ length: 4 }, (_, k) => JSON.stringify({ catalog: 'av-rooms', items: Array.from({ length: 100 }, (_, i) => item(((i + k) % 9) + 1)) }));
  let signed;
  rows['4 concurrent 100-item quotes'] = await whilePolling(base, async () => {
    const started = performance.now();
    const answers = await Promise.all(big.map((body) => call(base, 'POST', 'quotes', { key: keys.buyer, body })));
    signed = answers.find((r) => r.status === 201)?.text;
    return {
      answer: answers.map((r) => r.status).join(' '),
      'answer ms': performance.now() - started,
      note: `each ${answers.map((r) => r.ms.toFixed(0)).join(', ')} ms; ${signed ? `a signed quote is ${Buffer.byteLength(signed)} bytes` : answers[0].text.slice(0, 100)}`,
    };
  });
  if (!alive('4 concurrent 100-item quotes')) return rows;
  if (signed) {
    rows[`verify a 100-item quote (${Buffer.byteLength(signed)} bytes; limit 8 MiB)`] = await whilePolling(base, async () => {
      const r = await call(base, 'POST', 'quotes/verify', { body: signed });
      const valid = r.status === 200 ? JSON.parse(r.text).valid : undefined;
      return { answer: `${r.status}${valid === undefined ? '' : ` valid: ${valid}`}`, 'answer ms': r.ms, note: r.status === 200 && valid ? '' : r.text.slice(0, 100) };
    });
    if (!alive('verify a 100-item quote')) return rows;
    // Not in the issue's list: anyone may call verify, with up to 8 MiB. A forged quote
    // (the 100-item quote's items repeated, so its signature no longer matches) as large as
    // that limit allows: is it re-priced, and what does that do to /health?
    const quote = JSON.parse(signed);
    const bytes = (text) => Buffer.byteLength(text);
    const perItem = bytes(JSON.stringify(quote.items)) / quote.items.length;
    const forgedOf = (count) => JSON.stringify({ ...quote, items: Array.from({ length: count }, (_, i) => ({ ...quote.items[i % quote.items.length], id: `f${i + 1}` })) });
    let count = Math.ceil((8 * 1024 * 1024) / perItem);
    while (bytes(forgedOf(count)) > 8 * 1024 * 1024) count--;
    const forged = forgedOf(count);
    for (const concurrent of [1, 4]) {
      rows[`verify a forged ${count}-item quote (${bytes(forged)} bytes, no key)${concurrent > 1 ? `, ${concurrent} concurrent` : ''}`] = await whilePolling(base, async () => {
        const started = performance.now();
        const answers = await Promise.all(Array.from({ length: concurrent }, () => call(base, 'POST', 'quotes/verify', { body: forged })));
        const first = answers[0].status === 200 ? JSON.parse(answers[0].text) : undefined;
        return {
          answer: answers.map((r) => `${r.status}`).join(' ') + (first ? ` valid: ${first.valid}` : ''),
          'answer ms': performance.now() - started,
          note: `${concurrent > 1 ? `each ${answers.map((r) => r.ms.toFixed(0)).join(', ')} ms; ` : ''}${first ? `${first.reasons.length} reasons, the first: ${first.reasons[0]?.code}` : answers[0].text.slice(0, 100)}`,
        };
      });
      if (!alive('verify a forged quote')) return rows;
    }
  }
  return rows;
}

/** Everything on one database: start the desk, keys, load, hardening, memory, stop. */
async function bench(label, env) {
  const data = mkdtempSync(join(tmpdir(), 'cpq-desk-bench-'));
  let desk;
  try {
    const startedAt = performance.now();
    desk = await startDesk(data, env);
    const startMs = performance.now() - startedAt;
    const keys = {};
    for (const role of ['buyer', 'rep', 'approver']) keys[role] = await createKey(role, data, env);
    console.log(`\n${label}: the desk started in ${(startMs / 1000).toFixed(1)} s (pid ${desk.child.pid}); the load…`);
    const { rows, failures, made, accepted, seconds } = await load(desk.base, keys);
    const afterLoad = procStatus(desk.child.pid);
    const dataBytes = env.DATABASE_URL ? undefined : folderBytes(data);
    console.log(`${label}: ${TOTAL} requests in ${seconds.toFixed(1)} s, ${failures.length} failed; ${made.length} quotes made, ${accepted} accepted; RSS ${afterLoad.rss.toFixed(0)} MiB${dataBytes ? `, data folder ${(dataBytes / 2 ** 20).toFixed(1)} MiB` : ''}`);
    for (const f of failures.slice(0, 10)) console.log(`  FAILED ${f.kind}: ${f.status} ${f.answer}`);
    console.log(`${label}: the hardening cases (about a minute: the slow body takes 30 s)…`);
    const hard = await hardening(desk, keys);
    const afterAll = procStatus(desk.child.pid);
    const memory = {
      'RSS MiB': afterLoad.rss,
      note: `after the load; after the hardening cases ${afterAll.rss.toFixed(0)} MiB RSS, peak ${afterAll.peak.toFixed(0)} MiB${dataBytes ? `; data folder ${(dataBytes / 2 ** 20).toFixed(1)} MiB` : ''}`,
    };
    const errors = desk.errors.filter((line) => line.trim() !== '');
    if (errors.length > 0) {
      console.log(`${label}: the desk wrote ${errors.length} lines to stderr; the first:`);
      for (const line of errors.slice(0, 5)) console.log(`  ${line.slice(0, 400)}`);
    }
    const results = {};
    for (const [k, v] of Object.entries(rows)) results[`${label}: ${k}`] = v;
    results[`${label}: server memory`] = memory;
    if (dataBytes) results[`${label}: data folder`] = { note: `${(dataBytes / 2 ** 20).toFixed(1)} MiB after the load (${made.length} quotes)` };
    for (const [k, v] of Object.entries(hard)) results[`${label}: ${k}`] = v;
    results[`${label}: server`] = { note: `started in ${(startMs / 1000).toFixed(1)} s; ${errors.length} lines on stderr; ${desk.exit() === undefined ? `stopped by SIGTERM: exit ${await desk.stop()}` : `EXITED during the run: ${desk.exit()}`}` };
    desk = undefined;
    return results;
  } finally {
    if (desk) await desk.stop();
    rmSync(data, { recursive: true, force: true });
  }
}

const results = { ...(await bench('PGlite', {})) };
const pg = await startPostgres();
if ('skipped' in pg) console.log(`\nPostgreSQL: skipped (${pg.skipped})`);
else {
  try {
    Object.assign(results, await bench('PostgreSQL', { DATABASE_URL: pg.url }));
  } finally {
    pg.stop();
  }
}
report('quote-desk', results);
