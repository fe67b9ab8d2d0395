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

describe('the embed bundles', { skip: existsSync(cdn) ? false : 'not built' }, () => {
  it('have every file they load by URL beside them', () => {
    const references = files(cdn).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/new URL\(\s*["'](\.\/[^"']+)["']\s*,\s*import\.meta\.url\s*\)/g)].map(([, spec]) => ({ file, spec })),
    );
    assert.ok(references.some((r) => r.spec === './compile-worker.js'), 'the configurator loads its worker by URL');
    for (const { file, spec } of references) assert.ok(existsSync(join(dirname(file), spec)), `${relative(cdn, file)} loads ${spec}, which is not beside it`);
  });
});
