// Browser tests of @cpq-kit/components: `npx web-test-runner` (or `npm run test:browser`).
// Runs in the Chrome/Chromium on this machine (CHROME_PATH, else the usual paths);
// nothing is downloaded.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';

const root = dirname(fileURLToPath(import.meta.url));
/** The committed screenshots of visual.test.ts. */
const baselines = join(root, 'packages/components/test/visual/baseline');

function findChrome() {
  const fail = (message) => {
    console.error(`web-test-runner: ${message}\nSet CHROME_PATH to a Chrome or Chromium binary, or install one (Debian: apt-get install chromium).`);
    process.exit(1);
  };
  const chosen = process.env.CHROME_PATH;
  if (chosen) return existsSync(chosen) ? chosen : fail(`CHROME_PATH is ${chosen}, which does not exist.`);
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  return candidates.find((path) => existsSync(path)) ?? fail(`no Chrome or Chromium found (looked at ${candidates.join(', ')}).`);
}

/** Counts the tests of a session's suites, recursively. */
function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) continue;
    if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
  return totals;
}

/**
 * Prints `browser: N passed, N failed` as the last line of the run, and writes
 * the counts to build/browser-results.json for the top-level test script. A test
 * file that fails without a failing test (it did not load, or threw outside a
 * test) counts as one failure, so a broken file cannot pass as "0 failed".
 */
function summaryReporter() {
  let totals;
  return {
    stop({ sessions }) {
      totals = { passed: 0, failed: 0 };
      for (const session of sessions) {
        const before = totals.failed;
        count(session.testResults, totals);
        if (!session.passed && totals.failed === before) totals.failed += 1;
      }
      mkdirSync(join(root, 'build'), { recursive: true });
      writeFileSync(join(root, 'build/browser-results.json'), `${JSON.stringify(totals)}\n`);
    },
    // Called once more after stop(), after the other reporters' final progress.
    getTestProgress() {
      return totals ? ['', `browser: ${totals.passed} passed, ${totals.failed} failed`] : [];
    },
  };
}

/**
 * Serves /__stories__.js: one `import()` per stories/*.stories.ts, so that
 * stories.test.ts renders every story file, including ones added later.
 */
function storiesIndex() {
  return {
    name: 'cpq-stories-index',
    serve(context) {
      if (context.path !== '/__stories__.js') return undefined;
      const files = readdirSync(join(root, 'stories')).filter((file) => file.endsWith('.stories.ts')).sort();
      const entries = files.map((file) => `  [${JSON.stringify(file)}, () => import('/stories/${file}')],`);
      return { body: `export const storyFiles = [\n${entries.join('\n')}\n];\n`, type: 'js' };
    },
  };
}

/**
 * Serves /__visual_baselines__.js: the names of the committed baselines, so that
 * visual.test.ts finds one left behind by a renamed or removed story.
 */
function baselineIndex() {
  return {
    name: 'cpq-visual-baselines-index',
    serve(context) {
      if (context.path !== '/__visual_baselines__.js') return undefined;
      const names = existsSync(baselines) ? readdirSync(baselines).filter((file) => file.endsWith('.png')).sort() : [];
      return { body: `export const baselines = ${JSON.stringify(names)};\n`, type: 'js' };
    },
  };
}

/**
 * The server command "cpq-forced-colors" ("active" or "none"): emulates a high-contrast
 * theme (Windows' contrast themes), where the page's colours give way to the system's, so a
 * test can check that a state is not told by colour alone. (The runner's emulateMedia has
 * forcedColors for Playwright only; Chromium's DevTools protocol does it too.)
 */
function forcedColors() {
  // Through the DevTools protocol (Puppeteer's emulateMediaFeatures does not know this
  // feature), in a session kept per test page: the emulation ends with its session.
  const sessions = new Map();
  return {
    name: 'cpq-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'cpq-forced-colors') return undefined;
      if (!sessions.has(session.id)) sessions.set(session.id, await session.browser.getPage(session.id).createCDPSession());
      await sessions.get(session.id).send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload }] });
      return true;
    },
  };
}

// pngjs and pixelmatch: the visual-regression plugin's own dependencies, from where it is installed.
const visualRequire = createRequire(import.meta.resolve('@web/test-runner-visual-regression/plugin'));

/**
 * A baseline as it is committed: the same pixels as Chromium's screenshot, in a
 * smaller PNG (RGB without the alpha channel when every pixel is opaque, rows
 * unfiltered, deflate level 9: about a quarter smaller for screenshots of text).
 */
function compactPng(content) {
  const { PNG } = visualRequire('pngjs');
  const image = PNG.sync.read(content);
  let opaque = true;
  for (let i = 3; i < image.data.length && opaque; i += 4) opaque = image.data[i] === 255;
  return PNG.sync.write(image, { colorType: opaque ? 2 : 6, inputHasAlpha: true, filterType: 0, deflateLevel: 9, deflateStrategy: 0 });
}

/**
 * The plugin's comparison (pixelmatch), without its cost when nothing changed: the
 * plugin's own draws and encodes a diff image for every screenshot, passed or not
 * (0.7 s for a tall one); this one only when the pixels differ. Screenshots of another
 * size are compared on the larger canvas, and fail.
 */
function imageDiff({ baselineImage, image, options }) {
  const { PNG } = visualRequire('pngjs');
  const pixelmatch = visualRequire('pixelmatch');
  const before = PNG.sync.read(baselineImage);
  const now = PNG.sync.read(image);
  const sameSize = before.width === now.width && before.height === now.height;
  if (sameSize && before.data.equals(now.data)) return { error: '', diffImage: Buffer.alloc(0), diffPercentage: 0, diffPixels: 0 };
  const width = Math.max(before.width, now.width);
  const height = Math.max(before.height, now.height);
  const onCanvas = (png) => {
    if (png.width === width && png.height === height) return png;
    const canvas = new PNG({ width, height });
    PNG.bitblt(png, canvas, 0, 0, png.width, png.height, 0, 0);
    return canvas;
  };
  const diff = new PNG({ width, height });
  const diffPixels = pixelmatch(onCanvas(before).data, onCanvas(now).data, diff.data, width, height, options);
  return {
    error: sameSize ? '' : `Screenshot is ${now.width}×${now.height} px, its baseline ${before.width}×${before.height} px.`,
    diffImage: PNG.sync.write(diff),
    diffPercentage: (diffPixels / (width * height)) * 100,
    diffPixels,
  };
}

/**
 * Resolves `@cpq-kit/engine` to its TypeScript source, so the tests run against
 * the engine as it is now, not a stale (or missing) dist/ build.
 */
function engineFromSource() {
  return {
    name: 'cpq-engine-from-source',
    resolveImport({ source }) {
      return source === '@cpq-kit/engine' ? '/packages/engine/src/index.ts' : undefined;
    },
  };
}

/**
 * Serves `x.js` from `x.ts` when only the TypeScript source exists: what tsc's output
 * has beside each module, e.g. the configurator's `new URL('./compile-worker.js',
 * import.meta.url)` worker, which is requested directly rather than imported.
 */
function sourceForBuiltName() {
  return (context, next) => {
    if (context.path.startsWith('/packages/') && context.path.endsWith('.js')) {
      const source = join(root, context.path.slice(1, -3) + '.ts');
      if (!existsSync(join(root, context.path.slice(1))) && existsSync(source)) context.path = context.path.slice(0, -3) + '.ts';
    }
    return next();
  };
}

export default {
  rootDir: root,
  files: ['packages/components/test/**/*.test.ts'],
  nodeResolve: true,
  port: 8000,
  // 1: with two pages in one browser the background one gets no animation frames,
  // and fixtures that wait for a frame hang (seen here with concurrency 2).
  concurrency: 1,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 120_000,
  testFramework: { config: { timeout: 10_000 } },
  // Lit's development build (more checks) without its "dev mode" banner in every file's logs.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html>
      <body>
        <script>globalThis.litIssuedWarnings = new Set(['dev-mode']);</script>
        <script type="module" src="${testFramework}"></script>
      </body>
    </html>`,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome(),
        headless: true,
        args: [
          '--headless=new',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  middleware: [sourceForBuiltName()],
  plugins: [
    // a11ySnapshot(): the browser's accessibility tree (names and descriptions as a screen reader gets them).
    a11ySnapshotPlugin(),
    forcedColors(),
    engineFromSource(),
    storiesIndex(),
    // visual*.test.ts: screenshots compared with the committed baselines in
    // packages/components/test/visual/baseline/ (`npm run test:visual:update` rewrites
    // them); a failed screenshot and its diff go to build/visual/failed/, never into the
    // source tree. pixelmatch's colour threshold (0.1) and its anti-aliasing detection
    // ignore text smoothing; more than 50 differing pixels fail the test (a 4 px shift of
    // one small badge differs in about 280; the same build here differs in none).
    baselineIndex(),
    visualRegressionPlugin({
      update: process.argv.includes('--update-visual-baseline'),
      baseDir: baselines,
      getBaselineName: ({ name }) => name,
      getFailedName: ({ name }) => join(root, 'build/visual/failed', name),
      getDiffName: ({ name }) => join(root, 'build/visual/failed', `${name}-diff`),
      saveBaseline: ({ filePath, content }) => {
        mkdirSync(dirname(filePath), { recursive: true });
        writeFileSync(filePath, compactPng(content));
      },
      getImageDiff: imageDiff,
      diffOptions: { threshold: 0.1, includeAA: false },
      failureThresholdType: 'pixel',
      failureThreshold: 50,
    }),
    // TypeScript, with the standard decorators lowered (no browser runs them natively
    // yet). Target es2022 also drops `with { type: 'json' }` from imports, so JSON
    // files are served as JS modules (json: true) for the demo catalog imports.
    esbuildPlugin({ ts: true, json: true, target: 'es2022' }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
