// The embed bundles as a page gets them (after `npm run build`): every file a bundle
// finds next to itself at run time (`new URL('./x.js', import.meta.url)`, the compile
// worker) is there, so large products compile off the main thread from every entry.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const cdn = fileURLToPath(new URL('../../dist/cdn/', import.meta.url));
const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));

/** A file and every file it imports statically, transitively: what a page loads before the element runs. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:import|export)\s*(?:[^'"]*?from\s*)?["'](\.[^"']+)["']/g)) closure(join(dirname(file), spec), seen);
  return seen;
}

describe('the embed bundles', { skip: existsSync(cdn) ? false : 'not built' }, () => {
  it('give a page with one configurator neither the schema library nor the other elements’ texts', () => {
    for (const entry of ['product-configurator.js', 'elements/product-configurator.js']) {
      const loaded = [...closure(join(cdn, entry))];
      const code = loaded.map((f) => readFileSync(f, 'utf8')).join('\n');
      assert.ok(code.includes('Complete with defaults'), `${entry}: the configurator's own English`);
      // zod's classes carry their names ("$ZodObject"); the finder and the quote summary have texts of their own.
      for (const foreign of ['$ZodObject', 'Find your package', 'Accept quote']) assert.ok(!code.includes(foreign), `${entry} loads "${foreign}" up front`);
      // On demand only: the catalog checks (a catalog without its space) and a wrong space file's problems bring zod.
      assert.ok(files(cdn).some((f) => !loaded.includes(f) && readFileSync(f, 'utf8').includes('$ZodObject')));
    }
  });


  it('have every file they load by URL beside them', () => {
    const references = files(cdn).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/new URL\(\s*["'](\.\/[^"']+)["']\s*,\s*import\.meta\.url\s*\)/g)].map(([, spec]) => ({ file, spec })),
    );
    assert.ok(references.some((r) => r.spec === './compile-worker.js'), 'the configurator loads its worker by URL');
    for (const { file, spec } of references) assert.ok(existsSync(join(dirname(file), spec)), `${relative(cdn, file)} loads ${spec}, which is not beside it`);
  });
});
