// The example quote service (examples/quote-service) under load: 2,000 requests, 20 at a
// time, from this process to the service in a child process (so client and server do not
// share one event loop). Reports requests per second and latency per route.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { report, summarise } from './lib.mjs';

if (process.env.CPQ_BENCH_QUOTE_SERVER) {
  // The child: the service with a fresh key on an ephemeral loopback port.
  const engine = await import('../../packages/engine/dist/index.js');
  const { createQuoteServer } = await import('../../examples/quote-service/service.mjs');
  const server = await createQuoteServer({ engine, key: await engine.generateQuoteKey('HS256') });
  server.listen(0, '127.0.0.1', () => process.send(server.address().port));
} else {
  const child = fork(fileURLToPath(import.meta.url), { env: { ...process.env, CPQ_BENCH_QUOTE_SERVER: '1' } });
  const port = await new Promise((resolve) => child.once('message', resolve));
  const base = `http://127.0.0.1:${port}`;
  const configuration = JSON.parse(readFileSync('examples/catalogs/av-rooms.config.json', 'utf8'));
  const body = (quantity) => JSON.stringify({ catalog: 'av-rooms', items: [{ configuration, quantity }] });
  const post = async (path, text) => {
    const response = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
    const answer = await response.text();
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${answer.slice(0, 200)}`);
    return answer;
  };
  const signed = await post('/quotes', body(1));

  /** `total` requests, `concurrency` at a time; requests/s and latencies. */
  async function burst(label, request, total = 2000, concurrency = 20) {
    for (let i = 0; i < 50; i++) await request(i); // warm up
    const latencies = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < total; i = next++) {
          const t = performance.now();
          await request(i);
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const { median, p95, max } = summarise(latencies);
    return [label, { 'requests/s': Math.round(total / seconds), median, p95, max, requests: total, concurrency }];
  }

  const results = Object.fromEntries([
    await burst('POST /quotes (AV example, price + sign)', (i) => post('/quotes', body((i % 5) + 1))),
    await burst('POST /quotes/verify (re-price + compare)', () => post('/quotes/verify', signed)),
    await burst('GET /health', () => fetch(`${base}/health`).then((r) => r.text())),
  ]);
  child.kill();
  report('quote-service', results);
}
