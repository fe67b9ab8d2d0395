// The demo as `npm start` serves it, for the Node tests that drive it in Chromium: the
// real server (examples/serve.mjs) on a free loopback port and a headless browser.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import puppeteer from 'puppeteer-core';

export const root = new URL('../../../../', import.meta.url);

/** Chrome or Chromium on this machine (CHROME_PATH, else the usual paths), or undefined. */
export const chrome = process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));

/** Starts examples/serve.mjs on a free loopback port; resolves with its base URL. */
function serve() {
  const server = spawn(process.execPath, ['examples/serve.mjs'], { cwd: root, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      const match = /http:\/\/localhost:(\d+)\//.exec(String(chunk));
      if (match) resolve({ server, base: `http://127.0.0.1:${match[1]}` });
    });
    server.on('exit', (code) => reject(new Error(`the demo server stopped (${code})`)));
  });
}

/**
 * In a `describe`: the demo server and a browser for its tests, started before them and
 * stopped after. The returned object's `base` and `browser` are set once they run.
 */
export function demoInChromium() {
  const demo = { base: '', browser: undefined };
  let server;
  before(async () => {
    ({ server, base: demo.base } = await serve());
    demo.browser = await puppeteer.launch({ executablePath: chrome, args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage'] });
  });
  after(async () => {
    await demo.browser?.close();
    server?.kill();
  });
  return demo;
}
