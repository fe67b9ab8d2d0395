// `npx vite build examples/react` (from the repository root): the app into build/examples/react.
// No React plugin: Vite compiles TSX itself (automatic runtime, from tsconfig.json's `jsx`);
// the plugin would add Fast Refresh, which this example does not need.
import { fileURLToPath } from 'node:url';

export default {
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative URLs: the build works from any folder it is served from.
  base: './',
  build: { outDir: fileURLToPath(new URL('../../build/examples/react', import.meta.url)), emptyOutDir: true },
};
