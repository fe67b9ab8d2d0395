import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  compile,
  CompileError,
  ConfigurationSession,
  loadCatalog,
  SelectionError,
  violatedRules,
  type Attribute,
  type Catalog,
  type Configuration,
  type Product,
} from '../src/index.js';
import { edited, smallCatalog } from './fixtures.js';

type Selections = Configuration['selections'];

/** Every complete configuration of a small product, valid or not, by plain enumeration. */
function* allConfigurations(product: Product, i = 0, partial: Selections = {}): Generator<Selections> {
  const attribute = product.attributes[i];
  if (!attribute) {
    yield partial;
    return;
  }
  for (const value of valuesOf(attribute)) {
    const next = { ...partial };
    if (value !== undefined) next[attribute.id] = value;
    yield* allConfigurations(product, i + 1, next);
  }
}

function valuesOf(attribute: Attribute): (Selections[string] | undefined)[] {
  switch (attribute.kind) {
    case 'single':
      return [...attribute.options.map((o) => o.id), ...(attribute.required === false ? [undefined] : [])];
    case 'boolean':
      return [true, false];
    case 'quantity': {
      const values = [];
      for (let q = attribute.min ?? 0; q <= attribute.max; q += attribute.step ?? 1) values.push(q);
      return values;
    }
    case 'multiple': {
      const subsets: string[][] = [[]];
      for (const option of attribute.options) for (const s of [...subsets]) subsets.push([...s, option.id]);
      return subsets.map((s) => (s.length === 0 ? undefined : s));
    }
  }
}

/** The oracle: valid configurations by direct rule evaluation. */
function validConfigurations(catalog: Catalog, productIndex = 0): Selections[] {
  const product = catalog.products[productIndex]!;
  return [...allConfigurations(product)].filter((s) => violatedRules(product, s).length === 0);
}

/** Whether a complete configuration agrees with a session's partial selections. */
function extends_(complete: Selections, partial: Selections, product: Product): boolean {
  return Object.entries(partial).every(([id, value]) => {
    const kind = product.attributes.find((a) => a.id === id)!.kind;
    if (kind === 'multiple') return (value as string[]).every((o) => ((complete[id] as string[] | undefined) ?? []).includes(o));
    if (kind === 'boolean') return (complete[id] ?? false) === value;
    return complete[id] === value;
  });
}

/** The oracle's valid domains: values that occur in some valid configuration extending the selections. */
function oracleDomains(product: Product, valid: Selections[], partial: Selections): Record<string, unknown[]> {
  const matching = valid.filter((c) => extends_(c, partial, product));
  const result: Record<string, unknown[]> = {};
  for (const attribute of product.attributes) {
    const seen = new Set<unknown>();
    for (const c of matching) {
      const value = c[attribute.id];
      if (attribute.kind === 'boolean') seen.add(value ?? false);
      else if (attribute.kind === 'multiple') for (const o of (value as string[] | undefined) ?? []) seen.add(o);
      else if (value !== undefined) seen.add(value);
    }
    const order = valuesOf(attribute).flatMap((v) => (attribute.kind === 'multiple' ? [] : [v]));
    result[attribute.id] =
      attribute.kind === 'boolean'
        ? [true, false].filter((b) => seen.has(b))
        : attribute.kind === 'multiple'
          ? attribute.options.map((o) => o.id).filter((id) => seen.has(id))
          : order.filter((v) => seen.has(v));
  }
  return result;
}

const small = loadCatalog(smallCatalog());

describe('compile and count', () => {
  it('counts exactly the configurations that satisfy every rule (small catalog, against enumeration)', () => {
    const valid = validConfigurations(small);
    assert.ok(valid.length > 0 && valid.length < 1512, `the rules must cut the space (${valid.length})`);
    assert.equal(compile(small).space.count(), BigInt(valid.length));
  });

  for (const name of ['av-rooms', 'collab-suite']) {
    it(`counts every product of the ${name} demo catalog like enumeration does`, () => {
      const catalog = loadCatalog(readFileSync(new URL(`../../../examples/catalogs/${name}.json`, import.meta.url), 'utf8'));
      catalog.products.forEach((product, index) => {
        const enumerable = product.attributes.reduce((n, a) => n * valuesOf(a).length, 1);
        if (enumerable > 200_000) return; // too many to enumerate in a test: the small catalog and the property tests cover the semantics
        const expected = BigInt(validConfigurations(catalog, index).length);
        assert.equal(compile(catalog, { product: product.id }).space.count(), expected, product.id);
      });
    });
  }

  it('names a minimal set of conflicting rules when nothing is valid', () => {
    const impossible = loadCatalog(
      edited((c) => {
        c.products[0].rules.push(
          { id: 'need-86', kind: 'constraint', condition: 'display:d86' },
          { id: 'need-cart', kind: 'constraint', condition: 'mount:cart' },
          { id: 'harmless', kind: 'constraint', condition: { any: ['panel', { not: 'panel' }] } },
        );
      }),
    );
    assert.throws(() => compile(impossible), (error: unknown) => {
      assert.ok(error instanceof CompileError);
      assert.match(error.message, /^product "room" has no valid configuration: the rules "/);
      // Minimal: those rules alone conflict, and without any one of them they do not.
      const only = (ids: readonly string[]) =>
        loadCatalog(edited((c) => (c.products[0].rules = impossible.products[0]!.rules!.filter((r) => ids.includes(r.id)).map((r) => structuredClone(r)))));
      assert.ok(error.conflict.includes('need-86') && error.conflict.includes('need-cart') && !error.conflict.includes('harmless'));
      assert.throws(() => compile(only(error.conflict)), CompileError);
      for (const left of error.conflict) assert.doesNotThrow(() => compile(only(error.conflict.filter((r) => r !== left))));
      return true;
    });
  });

  it('refuses an unknown product and a node limit too small, saying what to raise', () => {
    assert.throws(() => compile(small, { product: 'rom' }), /unknown product "rom" \(did you mean "room"\?\)/);
    for (const form of ['bdd', 'ddnnf', 'auto'] as const) {
      assert.throws(() => compile(small, { nodeLimit: 10, form }), /needs more than 10 nodes; raise the node limit \(nodeLimit; cpq --node-limit\) to compile it/);
    }
  });
});

describe('sessions and valid domains', () => {
  const compiled = compile(small);
  const valid = validConfigurations(small);
  const product = small.products[0]!;

  it('offer exactly the values that lead to a valid configuration (against enumeration)', () => {
    const session = new ConfigurationSession(compiled);
    assert.deepEqual(session.domains(), oracleDomains(product, valid, {}));
    session.select('display', 'd86');
    assert.deepEqual(session.domains(), oracleDomains(product, valid, { display: 'd86' }));
    assert.deepEqual(session.domains()['mount'], ['wall']); // compatibility table and requires
    session.select('dsp', 'small').setQuantity('mics', 3);
    assert.deepEqual(session.domains(), oracleDomains(product, valid, { display: 'd86', dsp: 'small', mics: 3 }));
  });

  it('refuses a value outside its valid domain and keeps the selections', () => {
    const session = new ConfigurationSession(compiled).select('display', 'd86');
    assert.throws(() => session.select('mount', 'cart'), SelectionError);
    assert.deepEqual(session.selections, { display: 'd86' });
    assert.throws(() => new ConfigurationSession(compiled).select('dsp', 'small').setQuantity('mics', 5), /mics = 5 is not available/);
  });

  it('deselects and undoes', () => {
    const session = new ConfigurationSession(compiled).select('display', 'd86').select('extras', 'pen').select('extras', 'clicker');
    session.deselect('extras', 'pen');
    assert.deepEqual(session.selections, { display: 'd86', extras: ['clicker'] });
    assert.ok(session.undo());
    assert.deepEqual(session.selections, { display: 'd86', extras: ['pen', 'clicker'] });
    session.deselect('display');
    assert.deepEqual(session.domains()['mount'], ['wall', 'cart']);
  });

  it('are backtrack-free: choosing only offered values always ends in a valid configuration (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 20, maxLength: 20 }), (picks) => {
        const session = new ConfigurationSession(compiled);
        let step = 0;
        for (const attribute of product.attributes) {
          const domain = session.domains()[attribute.id]!;
          assert.ok(domain.length > 0, `${attribute.id} has an empty domain: a dead end`);
          if (attribute.kind === 'multiple') {
            // Tick some offered options, decline the rest: every decision is from the offer.
            for (const option of domain) {
              if (!session.domains()[attribute.id]!.includes(option)) continue;
              if (picks[step++ % picks.length]! % 2 === 0) session.select(attribute.id, option);
              else {
                try {
                  session.decline(attribute.id, String(option));
                } catch (error) {
                  // Declining is refused only when every valid configuration needs the option.
                  assert.ok(error instanceof SelectionError);
                  session.select(attribute.id, option);
                }
              }
            }
          } else {
            session.select(attribute.id, domain[picks[step++ % picks.length]! % domain.length]!);
          }
        }
        assert.deepEqual(violatedRules(product, session.selections), []);
        assert.equal(session.count(), 1n);
      }),
      { numRuns: 300 },
    );
  });

  it('match enumeration under random partial selections, and counts add up (property)', () => {
    const arbitrarySelections = fc.record(
      Object.fromEntries(product.attributes.map((a) => [a.id, fc.constantFrom(...valuesOf(a).filter((v) => v !== undefined))])),
      { requiredKeys: [] },
    ) as fc.Arbitrary<Selections>;
    fc.assert(
      fc.property(arbitrarySelections, (partial) => {
        const expected = valid.filter((c) => extends_(c, partial, product));
        let session: ConfigurationSession;
        try {
          session = new ConfigurationSession(compiled, partial);
        } catch (error) {
          assert.ok(error instanceof SelectionError);
          assert.equal(expected.length, 0, 'refused selections that have a valid completion');
          return;
        }
        assert.equal(session.count(), BigInt(expected.length));
        assert.deepEqual(session.domains(), oracleDomains(product, valid, partial));
        // count(x = true) + count(x = false) = count
        const withPanel = valid.filter((c) => extends_(c, { ...partial, panel: true }, product)).length;
        const withoutPanel = valid.filter((c) => extends_(c, { ...partial, panel: false }, product)).length;
        if (!('panel' in partial)) assert.equal(BigInt(withPanel + withoutPanel), session.count());
      }),
      { numRuns: 500 },
    );
  });
});

describe('the guide example (docs/configuration.md)', () => {
  it('offers only the mounts that carry a 98-inch display', () => {
    const catalog = loadCatalog(readFileSync(new URL('../../../examples/catalogs/av-rooms.json', import.meta.url), 'utf8'));
    const session = new ConfigurationSession(compile(catalog, { product: 'meeting-room' }));
    session.select('display', 'd98');
    assert.deepEqual(session.domains()['mounting'], ['wall-heavy', 'floor-stand']);
    assert.ok(session.count() > 0n);
    assert.throws(() => session.select('mounting', 'mobile-cart'), SelectionError);
    assert.deepEqual(session.selections, { display: 'd98' });
  });
});

describe('completion', () => {
  it('completes with catalog defaults, deterministically, into one valid configuration', () => {
    const compiled = compile(small);
    const product = small.products[0]!;
    const session = new ConfigurationSession(compiled).complete();
    assert.ok(session.isComplete);
    assert.deepEqual(violatedRules(product, session.selections), []);
    // display defaults to d65, panel to off, mics to 2 (attribute defaults)
    assert.equal(session.selections['display'], 'd65');
    assert.equal(session.selections['panel'], false);
    assert.equal(session.selections['mics'], 2);
    assert.deepEqual(new ConfigurationSession(compiled).complete().selections, session.selections);
  });

  it("prefers a default rule that applies, keeps the buyer's choices, and undoes in one step", () => {
    const compiled = compile(small);
    const session = new ConfigurationSession(compiled).select('display', 'd86').select('dsp', 'large');
    session.complete();
    assert.equal(session.selections['panel'], true); // rule panel-default: if display:d86 select panel
    assert.equal(session.selections['mics'], 6); // rule mics-default: if dsp:large, 6 microphones
    assert.equal(session.selections['display'], 'd86');
    assert.ok(session.undo());
    assert.deepEqual(session.selections, { display: 'd86', dsp: 'large' });
  });

  it('completes every demo product from any offered start into a valid configuration (property)', () => {
    const catalogs = ['av-rooms', 'collab-suite'].map((name) => loadCatalog(readFileSync(new URL(`../../../examples/catalogs/${name}.json`, import.meta.url), 'utf8')));
    const compiledAll = catalogs.flatMap((catalog) => catalog.products.map((p) => compile(catalog, { product: p.id })));
    fc.assert(
      fc.property(fc.nat(compiledAll.length - 1), fc.array(fc.nat(), { maxLength: 4 }), (which, picks) => {
        const compiled = compiledAll[which]!;
        const session = new ConfigurationSession(compiled);
        for (const pick of picks) {
          const attribute = compiled.product.attributes[pick % compiled.product.attributes.length]!;
          const domain = session.domains()[attribute.id]!;
          if (domain.length > 0 && !(attribute.id in session.selections)) session.select(attribute.id, domain[pick % domain.length]!);
        }
        session.complete();
        assert.ok(session.isComplete);
        assert.deepEqual(violatedRules(compiled.product, session.selections), []);
      }),
      { numRuns: 200 },
    );
  });
});

describe('deep diagrams', () => {
  it('compiles a quantity with 5,000 values on a small call stack, before any JIT warm-up', async () => {
    const { spawnSync } = await import('node:child_process');
    const script = `
      import { readFileSync } from 'node:fs';
      import { compile, ConfigurationSession, loadCatalog } from ${JSON.stringify(new URL('../src/index.ts', import.meta.url).pathname)};
      const catalog = loadCatalog(readFileSync(${JSON.stringify(new URL('../../../examples/catalogs/collab-suite.json', import.meta.url).pathname)}, 'utf8'));
      console.log(String(new ConfigurationSession(compile(catalog, { product: 'enterprise' })).count()));`;
    // A third of Node's default stack: the recursion must not depend on a generous one.
    const run = spawnSync(process.execPath, ['--stack-size=300', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(run.stderr.includes('Maximum call stack size exceeded'), false, run.stderr);
    assert.equal(run.status, 0, run.stderr);
    const catalog = loadCatalog(readFileSync(new URL('../../../examples/catalogs/collab-suite.json', import.meta.url), 'utf8'));
    assert.equal(run.stdout.trim(), String(new ConfigurationSession(compile(catalog, { product: 'enterprise' })).count()));
  });
});
