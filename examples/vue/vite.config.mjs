// `npx vite build examples/vue` (from the repository root): the app into build/examples/vue.
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import * as cpq from '@cpq-kit/components';

// cpq-kit's tags, from its element classes (they import in Node): Vue's compiler leaves
// them to the browser instead of looking for Vue components of those names.
const tags = new Set(Object.values(cpq).flatMap((value) => (value.prototype instanceof cpq.CpqElement ? [value.defaultTag] : [])));

export default {
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative URLs: the build works from any folder it is served from.
  base: './',
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tags.has(tag) } } })],
  build: { outDir: fileURLToPath(new URL('../../build/examples/vue', import.meta.url)), emptyOutDir: true },
};
