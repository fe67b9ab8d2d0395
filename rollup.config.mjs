// Bundles for pages that load cpq-kit with a <script type="module"> and no build step.
// Input is tsc's output (`tsc -b` runs first), so the code is type-checked once and
// bundled from the same JavaScript that npm users get.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { minifyCss } from './scripts/minify-css.mjs';

const components = 'packages/components/dist';
// Chunk names carry content hashes: start empty so old chunks do not pile up
// (not for scripts/size-report.mjs, which builds in memory).
if (!process.env.CPQ_SIZE_REPORT) rmSync(`${components}/cdn`, { recursive: true, force: true });
const plugins = [
  minifyCss(/packages\/components\/dist\//),
  nodeResolve({ exportConditions: ['production', 'browser', 'default'] }),
  terser({ module: true, ecma: 2022, compress: { passes: 2 }, format: { comments: false } }),
];

// One entry per element, e.g. dist/define/product-sheet.js -> dist/cdn/elements/product-sheet.js.
const elements = Object.fromEntries(
  readdirSync(`${components}/define`)
    .filter((f) => f.endsWith('.js') && f !== 'all.js')
    .map((f) => [f.replace(/\.js$/, ''), `${components}/define/${f}`]),
);

// One element with the engine and lit, for a page that uses only that element
// (`cdn/product-configurator.js`): built on its own, so it carries nothing of the other
// elements. Rollup keeps the element's definition in the entry and its code in one chunk
// that the on-demand chunks (other languages, the catalog checks) import too; all of
// them in `cdn/chunks/`.
const standalone = Object.entries(elements).map(([name, file]) => ({
  input: { [name]: file },
  output: { dir: `${components}/cdn`, format: 'es', chunkFileNames: 'chunks/[name]-[hash].js' },
  plugins,
}));

// The configurator compiles large products in a worker, which it finds next to its own
// code (`new URL('./compile-worker.js', import.meta.url)`). Rollup decides in which file
// of a build the configurator's code lands, so a self-contained copy of the worker goes
// into every folder of bundles (a test checks each bundle finds what it loads by URL).
const workerCopies = ['chunks/', 'elements/', 'elements/chunks/'];
const worker = {
  input: `${components}/configurator/compile-worker.js`,
  output: { file: `${components}/cdn/compile-worker.js`, format: 'es' },
  plugins: [
    ...plugins,
    {
      name: 'copy-worker',
      writeBundle() {
        for (const dir of workerCopies) cpSync(`${components}/cdn/compile-worker.js`, `${components}/cdn/${dir}compile-worker.js`);
      },
    },
  ],
};

export default [
  {
    // The all-in-one embed script: every element, the engine and lit in one script, which
    // loads what only some pages need (explanations, share links, other languages...) from
    // `cdn/chunks/` on first use, as the standalone scripts do; and engine.js, the engine's
    // functions for a page's own script, sharing its chunks.
    input: { 'cpq-kit': `${components}/cdn.js`, engine: `${components}/cdn-engine.js` },
    output: { dir: `${components}/cdn`, format: 'es', chunkFileNames: 'chunks/[name]-[hash].js' },
    plugins,
  },
  {
    // The loader that fetches each element's entry (below) when its tag appears in the page.
    input: `${components}/autoload.js`,
    output: { file: `${components}/cdn/autoload.js`, format: 'es' },
    plugins,
  },
  {
    // Per-element entry points sharing chunks (lit, the engine), for pages that use one element.
    input: elements,
    output: { dir: `${components}/cdn/elements`, format: 'es', chunkFileNames: 'chunks/[name]-[hash].js' },
    plugins,
  },
  ...standalone,
  worker,
];
