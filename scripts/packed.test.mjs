// The packages as a user installs them (#18): `npm pack` the three, install the tarballs
// into a new project with nothing else of the workspace, then use them there: the engine
// in Node, both commands, a consumer's TypeScript under `bundler` and `node16`
// resolution, a rollup build of one element rendered in Chromium, the quote desk
// answering, and publint and arethetypeswrong finding nothing. Run after `npm run build`.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = (name) => join(root, 'node_modules/.bin', name);
const run = promisify(execFile);
const chrome = process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const PACKAGES = ['engine', 'components', 'server'];

let project = '';
const tarballs = {};

/** Runs a command in the user's project; rejects with its output when it fails. */
async function inProject(file, args, options = {}) {
  try {
    return await run(file, args, { cwd: project, maxBuffer: 20 * 1024 * 1024, ...options });
  } catch (error) {
    throw new Error(`${file} ${args.join(' ')} failed:\n${error.stdout}\n${error.stderr}`);
  }
}

before(async () => {
  const folder = mkdtempSync(join(tmpdir(), 'cpq-packed-'));
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  const packs = join(folder, 'packs');
  mkdirSync(packs);
  // (components' prepack writes its custom-elements manifest first)
  await run('npm', ['pack', '--pack-destination', packs, ...PACKAGES.flatMap((p) => ['--workspace', `@cpq-kit/${p}`])], { cwd: root, maxBuffer: 20 * 1024 * 1024 });
  for (const file of readdirSync(packs)) tarballs[/^cpq-kit-(\w+)-/.exec(file)[1]] = join(packs, file);
  assert.deepEqual(Object.keys(tarballs).sort(), [...PACKAGES].sort());
  project = join(folder, 'shop');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'shop', private: true, type: 'module' }));
  // Nothing of the workspace but the tarballs: their dependencies come from the registry (or npm's cache).
  await inProject('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...PACKAGES.map((p) => tarballs[p])]);
});

describe('the packed packages, installed in a new project', () => {
  it('hold what they declare, by publint and arethetypeswrong', async () => {
    for (const name of PACKAGES) {
      const { stdout } = await inProject(bin('publint'), [join(project, 'node_modules/@cpq-kit', name)]);
      assert.match(stdout, /All good!/, `publint @cpq-kit/${name}:\n${stdout}`);
      // ESM only, on purpose: CommonJS callers use import().
      await inProject(bin('attw'), [tarballs[name], '--profile', 'esm-only', '--format', 'ascii']);
    }
  });

  it('the engine prices in Node, and both commands run', async () => {
    cpSync(join(root, 'examples/catalogs'), join(project, 'catalogs'), { recursive: true });
    const script = `
      import { readFileSync } from 'node:fs';
      import { loadCatalog, loadConfiguration, price } from '@cpq-kit/engine';
      const catalog = loadCatalog(readFileSync('catalogs/av-rooms.json', 'utf8'));
      const configuration = loadConfiguration(readFileSync('catalogs/av-rooms.config.json', 'utf8'), catalog);
      console.log(price(catalog, configuration, { date: '2026-11-20' }).totals.grandTotal.amount);`;
    const { stdout } = await inProject(process.execPath, ['--input-type=module', '-e', script]);
    assert.equal(stdout.trim(), '32815.92');
    assert.match((await inProject('npx', ['--no-install', 'cpq', '--help'])).stdout, /cpq validate/);
    assert.match((await inProject('npx', ['--no-install', 'cpq-server', '--help'])).stdout, /cpq-server start/);
  });

  it('the quote desk starts from the package and answers', async () => {
    // The installed bin itself (not through npx, whose child a kill would not reach).
    const child = spawn(process.execPath, [join(project, 'node_modules/.bin/cpq-server'), 'start', '--port', '0', '--data', join(project, 'desk'), '--catalogs', 'catalogs'], { cwd: project, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const base = await new Promise((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const match = /cpq-server: (http:\/\/\S+\/api)\//.exec(out);
          if (match) resolve(match[1]);
        });
        child.on('exit', (code) => reject(new Error(`cpq-server stopped (${code}): ${out}`)));
      });
      const health = await (await fetch(`${base}/health`)).json();
      assert.deepEqual([health.status, health.database], ['ok', 'pglite']);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it("a consumer's TypeScript type-checks under moduleResolution bundler and node16", async () => {
    writeFileSync(
      join(project, 'consumer.ts'),
      `import { loadCatalog, price, type Catalog, type PriceBreakdown } from '@cpq-kit/engine';
import { ProductConfigurator, CpqConfigurationChangeEvent } from '@cpq-kit/components';
import '@cpq-kit/components/define/product-configurator.js';
import { createQuoteDesk, type QuoteDeskOptions } from '@cpq-kit/server';

export function total(catalog: Catalog, breakdown: PriceBreakdown): string {
  return \`\${catalog.id}: \${breakdown.totals.grandTotal.amount}\`;
}
const element: ProductConfigurator = document.createElement('product-configurator');
element.addEventListener('cpq-configuration-change', (event: CpqConfigurationChangeEvent) => console.log(event.detail.configuration.product));
export const options: Pick<QuoteDeskOptions, 'catalogs'> = { catalogs: [loadCatalog('{}')] };
export { createQuoteDesk, price };
`,
    );
    for (const [module, resolution] of [['esnext', 'bundler'], ['node16', 'node16']]) {
      writeFileSync(
        join(project, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { module, moduleResolution: resolution, target: 'es2022', lib: ['es2022', 'dom'], types: ['node'], strict: true, noEmit: true, skipLibCheck: false }, files: ['consumer.ts'] }),
      );
      // The workspace's TypeScript and @types/node, pointed at the user's project.
      mkdirSync(join(project, 'node_modules/@types'), { recursive: true });
      if (!existsSync(join(project, 'node_modules/@types/node'))) cpSync(join(root, 'node_modules/@types/node'), join(project, 'node_modules/@types/node'), { recursive: true });
      if (!existsSync(join(project, 'node_modules/undici-types')) && existsSync(join(root, 'node_modules/undici-types'))) cpSync(join(root, 'node_modules/undici-types'), join(project, 'node_modules/undici-types'), { recursive: true });
      await inProject(bin('tsc'), ['-p', 'tsconfig.json']).catch((error) => assert.fail(`${resolution}: ${error.message}`));
    }
  });

  it('a rollup build of define/product-configurator.js renders the configurator in Chromium', { skip: chrome ? false : 'no Chrome or Chromium found (set CHROME_PATH)' }, async () => {
    writeFileSync(join(project, 'entry.js'), "import '@cpq-kit/components/define/product-configurator.js';\n");
    writeFileSync(
      join(project, 'rollup.config.mjs'),
      `import { nodeResolve } from ${JSON.stringify(join(root, 'node_modules/@rollup/plugin-node-resolve/dist/es/index.js'))};
export default { input: 'entry.js', output: { dir: 'public', format: 'es' }, plugins: [nodeResolve({ browser: true })] };`,
    );
    await inProject(bin('rollup'), ['-c', 'rollup.config.mjs']);
    cpSync(join(root, 'examples/catalogs/av-rooms.json'), join(project, 'public/av-rooms.json'));
    writeFileSync(
      join(project, 'public/index.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title><script type="module" src="entry.js"></script></head><body><product-configurator src="av-rooms.json" product="meeting-room"></product-configurator></body></html>',
    );
    const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
    const server = createServer((request, response) => {
      const file = join(project, 'public', new URL(request.url, 'http://x').pathname.replace(/^\/$/, '/index.html'));
      if (!file.startsWith(join(project, 'public')) || !existsSync(file)) return response.writeHead(404).end();
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(response);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { default: puppeteer } = await import('puppeteer-core');
    const browser = await puppeteer.launch({ executablePath: chrome, args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage'] });
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'networkidle0' });
      await page.waitForFunction(() => document.querySelector('product-configurator').shadowRoot?.querySelectorAll('input').length > 10, { timeout: 20_000 });
      const total = await page.evaluate(() => document.querySelector('product-configurator').shadowRoot.textContent.includes('€'));
      assert.equal(total, true);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      server.close();
    }
  });
});

after(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

