import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { canonicalJson, CatalogError, loadCatalog } from '../src/index.js';
import { canonicalJsonInSteps } from '../src/internal/digest.js';
import { parseJson } from '../src/internal/json.js';
import { readJson } from '../src/internal/read-json.js';
import { assertProblems, smallCatalog } from './fixtures.js';

describe('reading hostile or broken documents', () => {
  it('gives line and column for malformed JSON', () => {
    // The sentence after the position is the JavaScript engine's own and varies by version.
    const problemOf = (text: string) => {
      try {
        loadCatalog(text);
      } catch (error) {
        assert.ok(error instanceof CatalogError);
        assert.equal(error.problems.length, 1);
        return error.problems[0]!;
      }
      assert.fail('loaded malformed JSON');
    };
    assert.match(problemOf('{\n  "id": "x",\n  "version": 1,,\n}').message, /^not valid JSON: line 3, column 16: \S/);
    assert.match(problemOf('{"id": "x"').message, /^not valid JSON: line 1, column 11: \S/);
    assert.match(problemOf('').message, /^not valid JSON: the document ends too early/);
    assert.equal(problemOf('{"id": "x"').path, '');
  });

  it('reports duplicate keys, which JSON.parse would silently resolve', () => {
    const text = JSON.stringify(smallCatalog()).replace('"version":"1.0.0"', '"version":"1.0.0","version":"2.0.0"');
    assertProblems(text, ['version: the key "version" appears twice in one object (JSON keeps only the last)']);
    // Keys are compared after unescaping: "\u0069d" is "id".
    assertProblems('{"products":[{"id":"a","\\u0069d":"b"}]}', ['products[0].id: the key "id" appears twice in one object (JSON keeps only the last)']);
  });

  it('rejects prototype keys wherever they appear, in text and in objects', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = JSON.stringify(smallCatalog()).replace('"defaultLocale"', `"specs2":{"${key}":{"polluted":true}},"defaultLocale"`);
      assertProblems(text, [`specs2.${key}: the key "${key}" is not allowed`]);
    }
    const object = JSON.parse('{"products":[{"__proto__":{"polluted":true}}]}');
    assertProblems(object, ['products[0].__proto__: the key "__proto__" is not allowed']);
    assert.equal(({} as any).polluted, undefined);
  });

  it('rejects ids that would reach a prototype', () => {
    const text = JSON.stringify(smallCatalog()).replace('"id":"room"', '"id":"constructor"');
    assertProblems(text, ['products[0].id: "constructor" is a reserved word and cannot be an id']);
  });

  it('stops at deep nesting without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    assertProblems(deep, ['nested deeper than 64 levels (at line 1, column 65)']);
    let cyclic: any = { products: [] };
    cyclic.products.push(cyclic);
    assertProblems(cyclic, ['products[0].products[0]...: nested deeper than 64 levels (or contains a cycle)']);
  });

  it('refuses a 10 MB document quickly, and accepts it with a raised limit', () => {
    const big = JSON.stringify({ ...smallCatalog(), description: 'x'.repeat(10 * 1024 * 1024) });
    const started = performance.now();
    assertProblems(big, [`the document is ${big.length.toLocaleString('en')} characters long; the limit is 5,000,000 (raise maxLength to accept it)`]);
    assert.ok(performance.now() - started < 1000, 'refusing must not parse the document');
    assert.equal(loadCatalog(big, { maxLength: 20_000_000 }).description?.length, 10 * 1024 * 1024);
  });

  it('rejects values JSON cannot carry when given an object', () => {
    assertProblems({ ...smallCatalog(), version: Number.NaN }, ['version: NaN is not a JSON number']);
    assertProblems({ ...smallCatalog(), version: () => 1 }, ['version: a function cannot appear in a JSON document']);
  });

  it('never throws anything but a CatalogError, whatever the input (property)', () => {
    const check = (input: unknown) => {
      try {
        loadCatalog(input);
      } catch (error) {
        assert.ok(error instanceof CatalogError, `threw ${String(error)} for ${JSON.stringify(input)?.slice(0, 80)}`);
        assert.ok(error.problems.length > 0);
      }
    };
    fc.assert(fc.property(fc.jsonValue(), check), { numRuns: 2000 });
    fc.assert(fc.property(fc.string(), check), { numRuns: 2000 });
    fc.assert(fc.property(fc.json(), (text) => check(text)), { numRuns: 2000 });
  });

  it('reports a catalog with a value replaced anywhere, never accepting a wrong type silently (property)', () => {
    // Replace one leaf of a valid catalog by a value of another type: it must be rejected
    // (with a problem whose path points at or above that leaf) or, where both types are allowed, accepted.
    const leaves: (string | number)[][] = [];
    const walk = (node: unknown, path: (string | number)[]) => {
      if (node !== null && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) walk(v, [...path, Array.isArray(node) ? Number(k) : k]);
      } else leaves.push(path);
    };
    walk(smallCatalog(), []);
    fc.assert(
      fc.property(fc.constantFrom(...leaves), fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant([])), (path, value) => {
        const catalog = smallCatalog();
        let node = catalog;
        for (const key of path.slice(0, -1)) node = node[key];
        const before = node[path.at(-1)!];
        node[path.at(-1)!] = value;
        try {
          const loaded: any = loadCatalog(catalog);
          let out = loaded;
          for (const key of path) out = out[key];
          assert.deepEqual(out, value, 'an accepted value is kept as given');
        } catch (error) {
          assert.ok(error instanceof CatalogError);
          assert.notDeepEqual(value, before);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('readJson: the platform’s parser when it loses nothing, the strict reader otherwise', () => {
  // Texts that JSON.parse reads but the strict reader refuses: keys twice, prototype keys,
  // deep nesting; keys with escapes and quotes inside strings, which a scan could misread.
  const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'a"b', 'a\\', ':', '":"', '\\u0061'));
  const text: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.jsonValue({ maxDepth: 1 }).map((v) => JSON.stringify(v)),
      fc.constantFrom('"a\\":', '"\\"', '":"', '"x\\\"y"', '1e3', 'null'),
      fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
      // Keys as JSON text (JSON.stringify) or raw with escapes, a space or not before the colon.
      fc.array(fc.tuple(key, fc.boolean(), fc.constantFrom(':', ' :', ': '), tie('value')), { maxLength: 4 }).map(
        (members) => `{${members.map(([k, raw, colon, v]) => `${raw ? `"${k}"` : JSON.stringify(k)}${colon}${v}`).join(',')}}`,
      ),
    ),
  })).value;

  it('gives what parseJson gives, value or problems, for any text (property)', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 0, max: 5 }), async (input, maxDepth) => {
        assert.deepEqual(await readJson(input, { maxDepth }), parseJson(input, { maxDepth }));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a duplicate key hidden by a look-alike string, and a text over the length', async () => {
    assert.equal((await readJson('{"a": ":", "a": 1}')).ok, false);
    assert.deepEqual(await readJson(String.raw`{"a\\": "\\", "b": ["\\\":"]}`), { ok: true, value: { 'a\\': '\\', b: ['\\":'] } });
    assert.deepEqual(await readJson('[1]', { maxLength: 2 }), parseJson('[1]', { maxLength: 2 }));
  });
});

describe('canonical JSON in steps (a large catalog hashed in a page)', () => {
  it('makes the same text as canonicalJson for any JSON value, keys with no JSON form left out as JSON.stringify does (property)', async () => {
    let pauses = 0;
    const pause = async () => void pauses++;
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.dictionary(fc.string(), fc.constantFrom(undefined, () => 1)), async (value, dropped) => {
        const withDropped = value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value, ...dropped } : value;
        assert.equal(await canonicalJsonInSteps(withDropped, pause), canonicalJson(withDropped));
      }),
      { numRuns: 300 },
    );
    // A large value does pause (a slice runs at most 25 ms).
    const large = Array.from({ length: 200_000 }, (_, i) => ({ id: `f${i}`, name: { en: `Feature ${i}`, de: `Merkmal ${i}` }, kind: 'boolean' }));
    pauses = 0;
    assert.equal(await canonicalJsonInSteps(large, pause), canonicalJson(large));
    assert.ok(pauses > 0, 'paused while making the text of 200,000 features');
  });
});
