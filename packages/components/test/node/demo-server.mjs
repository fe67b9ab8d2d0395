// The demo as `npm start` serves it, for the Node tests that drive it in Chromium: the
// real server (examples/serve.mjs) on a free loopback port and a headless browser.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { after, before } from 'node:test';
import puppeteer from 'puppeteer-core';

export const root = new URL('../../../../', import.meta.url);

/** Chrome or Chromium on this machine (CHROME_PATH, else the usual paths), or undefined. */
export const chrome = process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));

/**
 * Starts examples/serve.mjs on a free loopback port, with a quote desk of its own: an
 * embedded database in a new temporary folder (test files run at once, and an embedded
 * database is one process's). Resolves with its base URL and the folder.
 */
function serve() {
  const data = mkdtempSync(join(tmpdir(), 'cpq-demo-'));
  const env = { ...process.env, PORT: '0', CPQ_DATA: data };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, ['examples/serve.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const stopped = new Promise((resolve) => server.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let out = '';
    const read = (chunk) => {
      out += String(chunk);
      const match = /http:\/\/localhost:(\d+)\//.exec(out);
      if (!match) return;
      // The rest of its output is drained unread.
      server.stdout.off('data', read).resume();
      resolve({ server, stopped, data, base: `http://127.0.0.1:${match[1]}` });
    };
    server.stdout.on('data', read);
    server.on('exit', (code) => {
      rmSync(data, { recursive: true, force: true });
      reject(new Error(`the demo server stopped (${code})`));
    });
  });
}

/** The headless browser the Node tests drive. */
export function launchChromium() {
  return puppeteer.launch({ executablePath: chrome, args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage'] });
}

/**
 * In a `describe`: `handle` as an HTTP server on a free loopback port and a browser for
 * its tests, started before them and stopped after. `base` and `browser` are set once they run.
 */
export function siteInChromium(handle) {
  const site = { base: '', browser: undefined };
  let server;
  before(async () => {
    server = createServer(handle);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    site.base = `http://127.0.0.1:${server.address().port}`;
    site.browser = await launchChromium();
  });
  after(async () => {
    await site.browser?.close();
    server?.close();
  });
  return site;
}

/**
 * In a `describe`: the demo server and a browser for its tests, started before them and
 * stopped after. The returned object's `base` and `browser` are set once they run.
 */
export function demoInChromium() {
  const demo = { base: '', browser: undefined };
  let started;
  before(async () => {
    started = await serve();
    demo.base = started.base;
    demo.browser = await launchChromium();
  });
  after(async () => {
    await demo.browser?.close();
    if (!started) return;
    // Stopped, it closes its database; then its folder goes.
    started.server.kill();
    await started.stopped;
    rmSync(started.data, { recursive: true, force: true });
  });
  return demo;
}

/** The demo's keys as its pages get them: the site key (a buyer's), and the rep's and approver's for the desk page. */
export async function demoKeys(base) {
  const text = async (path) => (await fetch(`${base}${path}`)).text();
  const siteKey = /siteKey = "([^"]+)"/.exec(await text('/examples/site-key.js'))?.[1];
  const { rep, approver } = JSON.parse(/demoKeys = (\{.*\});/.exec(await text('/examples/desk/demo-keys.js'))?.[1] ?? '{}');
  return { buyer: siteKey, rep, approver };
}

/**
 * A buyer's request to a person, sent to the demo's desk as the reseller page sends it
 * (the configurator's hand-off payload, with the site key): for tests that start at the
 * desk page. Resolves with the desk's answer `{ id, access }`.
 */
export async function handOff(base, { configuration, contact, to = 'expert' }) {
  const engine = await import('../../../engine/dist/index.js');
  const catalog = engine.loadCatalog(readFileSync(new URL(`examples/catalogs/${configuration.catalog.id}.json`, root), 'utf8'));
  const session = new engine.ConfigurationSession(engine.compile(catalog, { product: configuration.product }), configuration.selections);
  const payload = engine.handoffPayload(session, { context: { date: new Date().toISOString().slice(0, 10) }, linkBase: `${base}/examples/reseller/` });
  const { buyer } = await demoKeys(base);
  const response = await fetch(`${base}/api/handoffs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${buyer}`, 'content-type': 'application/json' },
    body: JSON.stringify({ payload, to, contact }),
  });
  if (response.status !== 201) throw new Error(`POST /api/handoffs: ${response.status} ${await response.text()}`);
  return response.json();
}

/** The demo's example configuration of a catalog (examples/catalogs/<id>.config.json). */
export function exampleConfiguration(id = 'av-rooms') {
  const { $schema: _, ...configuration } = JSON.parse(readFileSync(new URL(`examples/catalogs/${id}.config.json`, root), 'utf8'));
  return configuration;
}
