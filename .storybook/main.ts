import type { StorybookConfig } from '@storybook/web-components-vite';
import { transformWithEsbuild, type Plugin } from 'vite';

/** A path in this repository, for Vite (no Node types needed). */
const repo = (path: string): string => decodeURIComponent(new URL(`../${path}`, import.meta.url).pathname);

/**
 * Vite 8 compiles TypeScript with Oxc, which does not lower standard decorators
 * (`@property() accessor x`) and trips over `override accessor`. esbuild (as in
 * the browser tests) compiles our own TypeScript first; Oxc then sees plain JS.
 * (Vite calls transformWithEsbuild deprecated in favour of transformWithOxc, which
 * cannot do this yet.)
 */
const standardDecorators: Plugin = {
  name: 'cpq-standard-decorators',
  enforce: 'pre',
  async transform(code, id) {
    const file = id.split('?')[0] ?? id;
    if (!file.endsWith('.ts') || file.includes('/node_modules/')) return null;
    const result = await transformWithEsbuild(code, file, { loader: 'ts', target: 'es2022' });
    return { code: result.code, map: result.map };
  },
};

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/*.stories.ts'],
  // None: controls, viewport and backgrounds are in Storybook's core, and addons
  // that fetch from the network would fail on offline CI machines.
  addons: [],
  core: { disableTelemetry: true },
  // The demo catalogs refer to their images as /examples/catalogs/images/*.svg.
  staticDirs: [{ from: '../examples/catalogs/images', to: '/examples/catalogs/images' }],
  viteFinal(viteConfig) {
    viteConfig.plugins = [...(viteConfig.plugins ?? []), standardDecorators];
    // Storybook's own preview runtime is a ~900 KB chunk; Vite's size warning is about it, not us.
    viteConfig.build = { ...viteConfig.build, chunkSizeWarningLimit: 2000 };
    // Every Lit entry point in the first dependency pre-bundle, so that `storybook dev`
    // does not load a second copy of Lit (Storybook's renderer imports
    // lit/directive-helpers.js unbundled otherwise: "Multiple versions of Lit loaded").
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      include: [
        ...(viteConfig.optimizeDeps?.include ?? []),
        'lit',
        'lit/decorators.js',
        'lit/directive-helpers.js',
        'lit/directives/if-defined.js',
        'lit/static-html.js',
      ],
    };
    // The engine from its source, as in the browser tests: never a stale dist/ build.
    const alias = viteConfig.resolve?.alias;
    viteConfig.resolve = {
      ...viteConfig.resolve,
      alias: [
        ...(Array.isArray(alias) ? alias : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }))),
        { find: /^@cpq-kit\/engine$/, replacement: repo('packages/engine/src/index.ts') },
      ],
    };
    return viteConfig;
  },
};

export default config;
