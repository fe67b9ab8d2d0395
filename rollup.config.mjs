// Bundles for pages that load cpq-kit with a <script type="module"> and no build step.
// Input is tsc's output (`tsc -b` runs first), so the code is type-checked once and
// bundled from the same JavaScript that npm users get.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { readdirSync, rmSync } from 'node:fs';

const components = 'packages/components/dist';
// Chunk names carry content hashes: start empty so old chunks do not pile up.
rmSync(`${components}/cdn`, { recursive: true, force: true });
const plugins = [
  nodeResolve({ exportConditions: ['production', 'browser', 'default'] }),
  terser({ module: true, ecma: 2022, compress: { passes: 2 }, format: { comments: false } }),
];

// One entry per element, e.g. dist/define/product-sheet.js -> dist/cdn/elements/product-sheet.js.
const elements = Object.fromEntries(
  readdirSync(`${components}/define`)
    .filter((f) => f.endsWith('.js') && f !== 'all.js')
    .map((f) => [f.replace(/\.js$/, ''), `${components}/define/${f}`]),
);

// The configurator compiles large products in a worker, which it finds next to its own
// code (`new URL('./compile-worker.js', import.meta.url)`): one self-contained copy beside
// the all-in-one script, and beside the per-element entries and their chunks (rollup
// decides in which of the two the configurator's code lands; a test checks the result).
const worker = (dir) => ({
  input: `${components}/configurator/compile-worker.js`,
  output: { file: `${components}/cdn/${dir}compile-worker.js`, format: 'es' },
  plugins,
});

export default [
  {
    // The all-in-one embed script: every element, the engine and lit in one file.
    input: `${components}/cdn.js`,
    output: { file: `${components}/cdn/cpq-kit.js`, format: 'es', inlineDynamicImports: true },
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
  worker(''),
  worker('elements/'),
  worker('elements/chunks/'),
];
