// The desk's node:http server against slow and stalled clients: a body that trickles in is
// cut at the request timeout, headers that never end at the headers timeout, and /health
// answers meanwhile. (Timeouts shortened here; the desk's own are in TIMEOUTS.)
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { createDeskServer, TIMEOUTS } from '../src/index.js';
import { startDesk, type Running } from './fixtures.js';

let desk: Running;
let port = 0;
let close = async () => {};
before(async () => {
  desk = await startDesk();
  const server = createDeskServer(desk.desk, { request: 1500, headers: 1000 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await desk.close();
  };
});
after(() => close());

/** Sends `head`, then one byte every 100 ms; resolves with what the server said and when it closed (ms). */
function trickle(head: string): Promise<{ answer: string; closedAfter: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.write(head);
    const timer = setInterval(() => socket.writable && socket.write('x'), 100);
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, closedAfter: Date.now() - started });
    });
  });
}

/** Times GET /api/health every 20 ms while `during` runs. */
async function healthWhile<T>(during: Promise<T>): Promise<{ result: T; slowest: number }> {
  const times: number[] = [];
  let done = false;
  const poll = (async () => {
    while (!done) {
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      assert.equal(response.status, 200);
      await response.arrayBuffer();
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const result = await during;
  done = true;
  await poll;
  return { result, slowest: Math.max(...times) };
}

describe('slow clients', () => {
  it('the desk’s own timeouts are at most 30 s', () => {
    assert.ok(TIMEOUTS.request <= 30_000 && TIMEOUTS.headers <= TIMEOUTS.request);
  });

  it('a body that trickles in is cut at the request timeout (408), and /health answers meanwhile', async () => {
    const head = `POST /api/quotes HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAuthorization: Bearer ${desk.keys.buyer}\r\nContent-Length: 10000\r\n\r\n`;
    const { result, slowest } = await healthWhile(trickle(head));
    assert.match(result.answer, /^HTTP\/1\.1 408/);
    assert.ok(result.closedAfter >= 1400 && result.closedAfter < 4000, `closed after ${result.closedAfter} ms`);
    // Not held up by the trickle (which lasts 1.5 s): how fast it answers is the benchmark's to measure.
    assert.ok(slowest < 500, `/health took ${slowest.toFixed(0)} ms`);
  });

  it('a streamed body over the limit gets its 413, not a reset connection, said in advance or not', async () => {
    for (let attempt = 0; attempt < 6; attempt++) {
      const announced = attempt % 2 === 0 ? { 'content-length': String(512 * 64 * 1024) } : {};
      const status = await new Promise<number | string>((resolve) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/api/quotes', method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${desk.keys.rep}`, ...announced } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on('error', (error) => resolve(error.message));
        // 32 MiB in 64 KiB chunks, its length announced (refused from the header) or not (found out while reading).
        const chunk = Buffer.alloc(64 * 1024, 'x');
        let sent = 0;
        const write = () => {
          while (sent < 512) {
            sent++;
            if (!req.write(chunk)) return void req.once('drain', write);
          }
          req.end();
        };
        req.on('error', () => {});
        write();
      });
      assert.equal(status, 413, `attempt ${attempt}`);
    }
  });

  it('a client that asks first (Expect: 100-continue) gets the 413 before sending its body, and a 100 for one that fits', async () => {
    const ask = (length: number) =>
      new Promise<{ continued: boolean; status: number }>((resolve, reject) => {
        let continued = false;
        const req = httpRequest({ host: '127.0.0.1', port, path: '/api/quotes', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(length), expect: '100-continue', authorization: `Bearer ${desk.keys.rep}` } });
        req.on('continue', () => {
          continued = true;
          req.end('x'.repeat(length));
        });
        req.on('response', (res) => {
          res.resume();
          resolve({ continued, status: res.statusCode! });
        });
        req.on('error', reject);
        req.flushHeaders();
      });
    assert.deepEqual(await ask(50_000_000), { continued: false, status: 413 });
    assert.deepEqual(await ask(10), { continued: true, status: 400 });
  });

  it('headers that never end are cut at the headers timeout', async () => {
    const { answer, closedAfter } = await trickle('GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    assert.match(answer, /^HTTP\/1\.1 408/);
    assert.ok(closedAfter < 4000, `closed after ${closedAfter} ms`);
  });
});
