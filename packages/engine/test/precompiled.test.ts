import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  compile,
  compileOrLoad,
  ConfigurationSession,
  formatProblem,
  importDimacs,
  importUvl,
  isChecked,
  CatalogError,
  catalogHash,
  contentHash,
  loadCatalog,
  loadPrecompiled,
  loadSpace,
  price,
  saveSpace,
  SpaceError,
  SPACE_FORMAT_VERSION,
  PrecompiledSpaceSchema,
  type CompiledProduct,
} from '../src/index.js';
import { isSpaceShaped } from '../src/configure/precompiled.js';
import { cliHarness } from './fixtures.js';

const demoPath = (name: string) => new URL(`../../../examples/catalogs/${name}.json`, import.meta.url).pathname;
const av = loadCatalog(readFileSync(demoPath('av-rooms'), 'utf8'));
const modelPath = (file: string) => new URL(`./models/${file}`, import.meta.url).pathname;

/** Rejects with a SpaceError whose problems read exactly so. */
async function rejectsWith(promise: Promise<unknown>, expected: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof SpaceError, `expected a SpaceError, got ${String(error)}`);
    assert.match(error.problems.map(formatProblem).join('\n'), expected);
    return true;
  });
}

/** Both answer every question alike along a seeded walk of choices. */
function assertSameAnswers(a: CompiledProduct, b: CompiledProduct, picks: readonly number[]): void {
  const left = new ConfigurationSession(a);
  const right = new ConfigurationSession(b);
  assert.equal(right.count(), left.count());
  for (const pick of picks) {
    const open = a.product.attributes.filter((x) => !(x.id in left.selections) && left.domains()[x.id]!.length > 1);
    if (open.length === 0) break;
    const attribute = open[pick % open.length]!;
    const value = left.domains()[attribute.id]![pick % left.domains()[attribute.id]!.length]!;
    left.select(attribute.id, value);
    right.select(attribute.id, value);
    assert.deepEqual(right.domains(), left.domains());
    assert.equal(right.count(), left.count());
  }
}

describe('precompiled spaces', () => {
  it('load to the same answers as compiling, for every demo product and public models', async () => {
    const compiledProducts = [
      ...av.products.map((p) => compile(av, { product: p.id })),
      ...(() => {
        const m = importDimacs(readFileSync(modelPath('dimacs/berkeleydb.dimacs'), 'utf8'));
        return [compile(m.catalog)];
      })(),
      ...(() => {
        const m = importUvl(readFileSync(modelPath('uvl/axTLS.uvl'), 'utf8'));
        return [compile(m.catalog)];
      })(),
    ];
    for (const compiled of compiledProducts) {
      const json = JSON.stringify(await saveSpace(compiled));
      const loaded = await loadSpace(compiled.catalog, json);
      assert.equal(loaded.product.id, compiled.product.id);
      fc.assert(fc.property(fc.array(fc.nat(), { maxLength: 12 }), (picks) => assertSameAnswers(compiled, loaded, picks)), { numRuns: 25 });
    }
  });

  it('carry the catalog id, version, content hash and format version', async () => {
    const space = await saveSpace(compile(av, { product: 'meeting-room' }));
    assert.equal(space.format, 'cpq-space');
    assert.equal(space.version, SPACE_FORMAT_VERSION);
    assert.deepEqual(space.catalog.id, av.id);
    assert.deepEqual(space.catalog.version, av.version);
    assert.match(space.catalog.hash, /^sha256:[0-9a-f]{64}$/);
    assert.equal(space.product, 'meeting-room');
  });

  it('the content hash does not depend on key order or spacing, only on content', async () => {
    const text = readFileSync(demoPath('av-rooms'), 'utf8');
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(text)).reverse()), null, 4);
    const space = await saveSpace(compile(av));
    await loadSpace(loadCatalog(reordered), space); // same content, another file: accepted
    const edited = JSON.parse(text);
    edited.products[0].attributes[0].options[0].name = { en: 'Renamed', de: 'Umbenannt' };
    await rejectsWith(loadSpace(loadCatalog(edited), space), /^catalog\.hash: the space was compiled from catalog av-rooms .*\(sha256:[0-9a-f]{64}\), not from this catalog av-rooms .*; compile it again$/);
  });

  it('refuse another format version, another kind of file, and a product the catalog lacks', async () => {
    const space = await saveSpace(compile(av));
    await rejectsWith(loadSpace(av, { ...space, version: SPACE_FORMAT_VERSION + 1 }), new RegExp(`^version: format version ${SPACE_FORMAT_VERSION + 1} is newer than this engine reads \\(${SPACE_FORMAT_VERSION}\\)`));
    await rejectsWith(loadSpace(av, { ...space, version: 0 }), /^version: format version 0 is older than this engine reads/);
    await rejectsWith(loadSpace(av, readFileSync(demoPath('av-rooms'), 'utf8')), /^format: this is not a precompiled space \(format is undefined/);
    await rejectsWith(loadSpace(av, { ...space, product: 'boardroom' }), /^product: the catalog has no product "boardroom"$/);
    await rejectsWith(loadSpace(av, { ...space, extra: 1 }), /^extra: unknown field "extra"$/);
    await rejectsWith(loadSpace(av, '{"format":"cpq-space","format":"cpq-space"}'), /^format: the key "format" appears twice in one object/);
  });

  it('read a space without the schema library only when the schema would accept it', async () => {
    const space = await saveSpace(compile(av));
    // Near-misses of a real space: a field dropped, added, or replaced by a value of another kind.
    const values = fc.constantFrom<unknown>(null, 0, -1, 1.5, NaN, Infinity, '', 'x', true, [], {}, { id: '', version: '', hash: '' }, { id: 1 });
    const field = fc.constantFrom(...Object.keys(space), 'extra');
    const nearMiss = fc.oneof(
      fc.record({ field, value: values }).map(({ field, value }) => ({ ...space, [field]: value })),
      field.map((f) => Object.fromEntries(Object.entries(space).filter(([k]) => k !== f))),
      fc.record({ key: fc.constantFrom('id', 'version', 'hash', 'extra'), value: values }).map(({ key, value }) => ({ ...space, catalog: { ...space.catalog, [key]: value } })),
    );
    fc.assert(
      fc.property(nearMiss, (value) => {
        const accepted = PrecompiledSpaceSchema.safeParse(value).success;
        assert.equal(isSpaceShaped(value), accepted, JSON.stringify(value).slice(0, 200));
      }),
      { numRuns: 300 },
    );
    assert.ok(isSpaceShaped(space));
    // What the fast path refuses, the schema names (loaded on demand).
    await rejectsWith(loadSpace(av, { ...space, nodes: '12' }), /^nodes: /);
    await rejectsWith(loadSpace(av, { ...space, catalog: { ...space.catalog, hash: 7 } }), /^catalog\.hash: /);
  });

  it('refuse a damaged or edited diagram instead of answering wrongly', async () => {
    const space = await saveSpace(compile(av, { product: 'meeting-room' }));
    const bytes = Uint8Array.from(atob(space.diagram), (c) => c.charCodeAt(0));
    const edit = (change: (b: Uint8Array) => Uint8Array) => ({ ...space, diagram: btoa(String.fromCharCode(...change(bytes.slice()))) });
    await rejectsWith(loadSpace(av, edit((b) => b.slice(0, b.length - 2))), /^diagram: /);
    await rejectsWith(loadSpace(av, edit((b) => Uint8Array.from([...b, 1]))), /^diagram: has 1 bytes after its \d+ numbers$/);
    // The first node's distance to its low child set to 0: a node pointing at itself.
    await rejectsWith(loadSpace(av, edit((b) => ((b[1] = 0), b))), /^diagram: node 2 has a child that is not below it$/);
    await rejectsWith(loadSpace(av, { ...space, diagram: '%%%' }), /^diagram: is not base64$/);
    await rejectsWith(loadSpace(av, { ...space, root: space.nodes }), /^root: root \d+ is not a node of the diagram$/);
    await rejectsWith(loadSpace(av, { ...space, nodes: 2 ** 40 }), /^diagram: has \d+ bytes, too few for/);
    await rejectsWith(loadSpace(av, { ...space, variables: space.variables + 1 }), /^variables: the space has \d+ variables, this engine encodes the product with \d+/);
  });

  it('compileOrLoad uses a space when given one and compiles otherwise', async () => {
    const space = await saveSpace(compile(av, { product: 'huddle-room' }));
    assert.equal((await compileOrLoad(av, { space })).product.id, 'huddle-room');
    assert.equal((await compileOrLoad(av, { product: 'meeting-room' })).product.id, 'meeting-room');
  });
});

describe('published catalogs: loadPrecompiled', () => {
  const text = readFileSync(demoPath('av-rooms'), 'utf8');
  const context = { date: '2026-11-20', segment: 'smb' };
  const configuration = JSON.parse(readFileSync(demoPath('av-rooms.config'), 'utf8'));

  it('opens the catalog by the hash in the space, marked as checked, and prices it like loadCatalog', async () => {
    const space = JSON.stringify(await saveSpace(compile(av, { product: 'meeting-room' })));
    const opened = await loadPrecompiled(text, space);
    assert.ok(isChecked(opened.catalog) && Object.isFrozen(opened.catalog.products[0]));
    assert.deepEqual(opened.catalog, av);
    assert.deepEqual(price(opened.catalog, configuration, context), price(av, configuration, context));
    // A parsed catalog that was frozen (but never checked) opens as a checked copy.
    const frozen = Object.freeze(JSON.parse(text));
    const fromFrozen = await loadPrecompiled(frozen, space);
    assert.ok(isChecked(fromFrozen.catalog) && !isChecked(frozen));
    fc.assert(fc.property(fc.array(fc.nat(), { maxLength: 12 }), (picks) => assertSameAnswers(compile(av, { product: 'meeting-room' }), opened, picks)), { numRuns: 25 });
  });

  it('refuses a catalog that is not the one the space was compiled from, and text that is not JSON', async () => {
    const space = await saveSpace(compile(av, { product: 'meeting-room' }));
    // One price changed after publishing: the hash tells, and nothing is priced from it.
    const edited = JSON.parse(text);
    edited.pricing.books[0].prices['huddle-room/display:d55'].amount = '1.00';
    await rejectsWith(loadPrecompiled(JSON.stringify(edited), space), /^catalog\.hash: the space was compiled from catalog av-rooms/);
    await assert.rejects(loadPrecompiled('{"id": "av-rooms",}', space), (error: unknown) => error instanceof CatalogError && /not valid JSON: line 1, column 19/.test(error.message));
    await assert.rejects(loadPrecompiled('[1]', space), (error: unknown) => error instanceof CatalogError && /a catalog is a JSON object/.test(error.message));
    // Read with the platform's parser (the hash proves the content): a prototype key is a plain key there,
    // pollutes nothing, and makes a catalog no checked catalog can hash like.
    await assert.rejects(loadPrecompiled(text.replace('{', '{"__proto__": {"polluted": true},'), space), SpaceError);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    // Nesting too deep to hash is a clear error, not a crash.
    await assert.rejects(loadPrecompiled(`{"deep": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`, space, { maxLength: 1_000_000 }), (error: unknown) => error instanceof CatalogError && /nested too deeply/.test(error.message));
    // A key given twice: the content is what counts, and only content that hashes alike is accepted.
    assert.ok(isChecked((await loadPrecompiled(text.replace('{', '{"version": "9",'), space)).catalog), 'the later, published version wins');
    await assert.rejects(loadPrecompiled(text.replace(/}\s*$/, ', "version": "9"}'), space), SpaceError);
  });

  it('only loadCatalog and loadPrecompiled mark a catalog; the mark is not content and copies lose it', async () => {
    assert.ok(isChecked(av));
    assert.ok(!isChecked(JSON.parse(text)));
    assert.ok(!isChecked({ ...av }));
    assert.ok(!isChecked(structuredClone(av)));
    // Marked or not, the same content has the same hash: the mark is invisible to JSON.
    assert.equal(await catalogHash(av), await contentHash(JSON.parse(text)));
    assert.equal(JSON.stringify(av), JSON.stringify(loadCatalog(JSON.parse(text))));
  });
});

describe('cpq compile', () => {
  const { file, cpq, dir } = cliHarness('cpq-compile-');
  const berkeley = modelPath('dimacs/berkeleydb.dimacs');

  it('writes a space that count, domains and bench load instead of compiling', async () => {
    const out = `${dir}/berkeley.space.json`;
    assert.equal((await cpq('compile', berkeley, '--out', out)).code, 0);
    assert.equal((await cpq('count', berkeley, '--space', out)).out.at(-1), '4080389785');
    assert.deepEqual(
      JSON.parse((await cpq('domains', berkeley, '--space', out, '--assign', 'featureIO=true')).out.join('\n')),
      JSON.parse((await cpq('domains', berkeley, '--assign', 'featureIO=true')).out.join('\n')),
    );
    assert.equal(JSON.parse((await cpq('bench', berkeley, '--space', out, '--steps', '3')).out.join('\n')).loadedFrom, 'space');
    const printed = await cpq('compile', demoPath('av-rooms'), '--product', 'huddle-room');
    assert.equal(JSON.parse(printed.out.join('\n')).product, 'huddle-room');
  });

  it('says which file does not fit and why, and exits 1', async () => {
    const out = `${dir}/berkeley2.space.json`;
    await cpq('compile', berkeley, '--out', out);
    const wrong = await cpq('count', demoPath('av-rooms'), '--space', out);
    assert.equal(wrong.code, 1);
    assert.match(wrong.err[0]!, new RegExp(`^cpq: ${out}: catalog\\.hash: the space was compiled from catalog berkeleydb`));
    const notSpace = await cpq('count', berkeley, '--space', file('x.json', { hello: 1 }));
    assert.match(notSpace.err[0]!, /this is not a precompiled space/);
  });
});
