import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  compile,
  ConfigurationSession,
  importDimacs,
  loadCatalog,
  SelectionError,
  type Catalog,
  type CompiledProduct,
  type Decision,
  type Explanation,
} from '../src/index.js';
import { edited, smallCatalog } from './fixtures.js';

const demo = (name: string) => loadCatalog(readFileSync(new URL(`../../../examples/catalogs/${name}.json`, import.meta.url), 'utf8'));
const catalogs: Catalog[] = [loadCatalog(smallCatalog()), demo('av-rooms'), demo('collab-suite')];
const products = catalogs.flatMap((catalog) => catalog.products.map((p) => ({ catalog, compiled: compile(catalog, { product: p.id }) })));

/** Every value the buyer could ask for, as decisions (ticking and declining options of a multiple choice). */
function allWanted(compiled: CompiledProduct): Decision[] {
  return compiled.product.attributes.flatMap((attribute): Decision[] => {
    switch (attribute.kind) {
      case 'boolean':
        return [{ attribute: attribute.id, value: true }, { attribute: attribute.id, value: false }];
      case 'single':
        return attribute.options.map((o) => ({ attribute: attribute.id, value: o.id }));
      case 'multiple':
        return attribute.options.flatMap((o) => [{ attribute: attribute.id, value: o.id }, { attribute: attribute.id, value: o.id, declined: true as const }]);
      case 'quantity': {
        const values: Decision[] = [];
        for (let q = attribute.min ?? 0; q <= attribute.max; q += attribute.step ?? 1) values.push({ attribute: attribute.id, value: q });
        return values;
      }
    }
  });
}

/** An independent check: a fresh session that takes these decisions, then the wanted one, one at a time. */
function possible(compiled: CompiledProduct, decisions: readonly Decision[], wanted?: Decision): boolean {
  const session = new ConfigurationSession(compiled);
  const all = [...decisions, ...(wanted ? [wanted] : [])];
  // Two values for one attribute (or an option both ticked and declined) cannot both hold;
  // a session would take the second as a change of mind.
  const multiple = (id: string) => compiled.product.attributes.find((a) => a.id === id)!.kind === 'multiple';
  const clash = (a: Decision, b: Decision) =>
    a.attribute === b.attribute && (multiple(a.attribute) ? a.value === b.value && !a.declined !== !b.declined : a.value !== b.value);
  if (all.some((a, i) => all.some((b, j) => j !== i && clash(a, b)))) return false;
  try {
    for (const d of all) {
      if (d.declined) session.decline(d.attribute, String(d.value));
      else session.select(d.attribute, d.value);
    }
    return true;
  } catch (error) {
    if (error instanceof SelectionError) return false;
    throw error;
  }
}

/** The same product with only some of its constraint rules kept (preferences stay). */
function withRules(catalog: Catalog, productId: string, keep: readonly string[]): CompiledProduct {
  const copy = structuredClone(catalog);
  const product = copy.products.find((p) => p.id === productId)!;
  product.rules = (product.rules ?? []).filter((r) => keep.includes(r.id) || r.kind === 'default' || r.kind === 'recommends');
  return compile(copy, { product: productId });
}

const same = (a: Decision, b: Decision) => a.attribute === b.attribute && a.value === b.value && !a.declined === !b.declined;
const without = (list: readonly Decision[], gone: readonly Decision[]) => list.filter((d) => !gone.some((g) => same(d, g)));
/** The decisions that stay when `wanted` is chosen: another value of a single choice or a quantity replaces the one chosen. */
const kept = (compiled: CompiledProduct, list: readonly Decision[], wanted: Decision) => {
  const kind = compiled.product.attributes.find((a) => a.id === wanted.attribute)!.kind;
  return !wanted.declined && (kind === 'single' || kind === 'quantity') ? list.filter((d) => d.attribute !== wanted.attribute) : list;
};

/** Subsets of a list with exactly k members. */
function* subsets<T>(list: readonly T[], k: number, from = 0): Generator<T[]> {
  if (k === 0) return yield [];
  for (let i = from; i <= list.length - k; i++) for (const rest of subsets(list, k - 1, i + 1)) yield [list[i]!, ...rest];
}

/** The wall mount is out because of the 98" display: that decision, the compatibility rule, and giving up the display. */
function assertTheDisplayIsInTheWay(explanation: Explanation): void {
  assert.equal(explanation.available, false);
  assert.deepEqual(explanation.conflicting, [{ attribute: 'display', value: 'd98' }]);
  assert.deepEqual(explanation.rules, ['mount-fits-display']);
  assert.deepEqual(explanation.repair, [{ attribute: 'display', value: 'd98' }]);
}

describe('explanations on the demo catalogs', () => {
  it('a large display explains why the standard wall mount is gone, and the repair brings it back in one undoable step', () => {
    const compiled = compile(demo('av-rooms'), { product: 'meeting-room' });
    const session = new ConfigurationSession(compiled);
    session.select('camera', session.domains().camera![0]!).select('display', 'd98');
    assert.ok(!session.domains().mounting!.includes('wall-standard'));

    const wanted = { attribute: 'mounting', value: 'wall-standard' };
    assertTheDisplayIsInTheWay(session.explain(wanted));

    const before = session.decisions;
    session.makeAvailable(wanted);
    assert.equal(session.selections.mounting, 'wall-standard');
    assert.equal(session.selections.display, undefined);
    assert.ok('camera' in session.selections, 'a decision outside the repair stays');
    assert.deepEqual(session.resolved, [{ wanted, gaveUp: [{ attribute: 'display', value: 'd98' }], rules: ['mount-fits-display'] }]);

    assert.ok(session.undo());
    assert.deepEqual(session.decisions, before);
    assert.deepEqual(session.resolved, []);
  });

  it('another option of a chosen single choice replaces it: the rule in the way is named, and the repair is what makes it available', () => {
    const compiled = compile(demo('av-rooms'), { product: 'meeting-room' });
    const session = new ConfigurationSession(compiled);
    session.select('display', 'd98').select('mounting', 'wall-heavy');
    const wanted = { attribute: 'mounting', value: 'wall-standard' };
    // Not "not available with the heavy-duty wall mount": choosing it replaces that one.
    assertTheDisplayIsInTheWay(session.explain(wanted));
    session.makeAvailable(wanted);
    assert.deepEqual(session.selections, { mounting: 'wall-standard' });
    // With nothing else in the way, another option is simply available.
    assert.equal(session.explain({ attribute: 'mounting', value: 'mobile-cart' }).available, true);
  });

  it('an available value needs no repair, and makeAvailable simply chooses it', () => {
    const session = new ConfigurationSession(compile(demo('av-rooms'), { product: 'meeting-room' }));
    const explanation = session.makeAvailable({ attribute: 'display', value: 'd65' });
    assert.deepEqual(explanation, { wanted: { attribute: 'display', value: 'd65' }, available: true, conflicting: [], rules: [], repair: [] });
    assert.equal(session.selections.display, 'd65');
    assert.deepEqual(session.resolved, []);
  });

  it('a value no configuration allows has no repair: it names the rules, and makeAvailable refuses without changing anything', () => {
    const catalog = loadCatalog(
      edited((c) => {
        c.products[0].rules.push({ id: 'no-86', kind: 'constraint', condition: { not: 'display:d86' } });
      }),
    );
    const session = new ConfigurationSession(compile(catalog));
    session.select('display', 'd55');
    const explanation = session.explain({ attribute: 'display', value: 'd86' });
    assert.equal(explanation.repair, undefined);
    assert.deepEqual(explanation.conflicting, []);
    assert.deepEqual(explanation.rules, ['no-86']);
    assert.throws(() => session.makeAvailable({ attribute: 'display', value: 'd86' }), SelectionError);
    assert.deepEqual(session.decisions, [{ attribute: 'display', value: 'd55' }]);
  });

  it('among equally small repairs it gives up the most recent decision', () => {
    const catalog = loadCatalog(
      edited((c) => {
        c.products[0].attributes.push(
          { id: 'a', kind: 'boolean', name: 'A' },
          { id: 'b', kind: 'boolean', name: 'B' },
          { id: 'c', kind: 'boolean', name: 'C' },
        );
        c.products[0].rules.push({ id: 'c-not-with-a-and-b', kind: 'excludes', if: 'c', then: { all: ['a', 'b'] } });
      }),
    );
    const compiled = compile(catalog);
    const ab = new ConfigurationSession(compiled).select('a', true).select('b', true);
    assert.deepEqual(ab.explain({ attribute: 'c', value: true }).repair, [{ attribute: 'b', value: true }]);
    const ba = new ConfigurationSession(compiled).select('b', true).select('a', true);
    assert.deepEqual(ba.explain({ attribute: 'c', value: true }).repair, [{ attribute: 'a', value: true }]);
    // Switching a boolean off that is on: the decision itself is what stands in the way.
    assert.deepEqual(ab.explain({ attribute: 'a', value: false }).repair, [{ attribute: 'a', value: true }]);
  });

  it('properties: every explanation is exact, minimal, and its repair works (all demo products)', () => {
    fc.assert(
      fc.property(fc.nat(products.length - 1), fc.array(fc.nat(), { maxLength: 8 }), fc.nat(), (which, picks, ask) => {
        const { catalog, compiled } = products[which]!;
        const session = new ConfigurationSession(compiled);
        // A session built only from offered values, declines included.
        for (const pick of picks) {
          const attribute = compiled.product.attributes[pick % compiled.product.attributes.length]!;
          const domain = session.domains()[attribute.id]!;
          if (domain.length < 2 || attribute.id in session.selections) continue;
          const value = domain[pick % domain.length]!;
          if (attribute.kind === 'multiple' && pick % 3 === 0) session.decline(attribute.id, String(value));
          else session.select(attribute.id, value);
        }
        const wanted = allWanted(compiled)[ask % allWanted(compiled).length]!;
        const all = session.decisions;
        // What choosing it keeps (another option of a single choice replaces the chosen one).
        const decisions = kept(compiled, all, wanted);
        const explanation = session.explain(wanted);
        // The cheap question (no rules, no repair) names the same decisions.
        assert.deepEqual(session.conflicting(wanted), explanation.available ? [] : explanation.repair === undefined ? undefined : explanation.conflicting);
        // Asking for what is already decided is available.
        assert.equal(explanation.available, possible(compiled, without(decisions, [wanted]), wanted));
        if (explanation.available) return;

        if (explanation.repair === undefined) {
          assert.equal(possible(compiled, [], wanted), false, 'said impossible, but the value has a valid configuration');
        } else {
          const repair = explanation.repair;
          // The repair works...
          assert.ok(possible(compiled, without(decisions, repair), wanted));
          // ...and nothing smaller does (minimum cardinality, checked by brute force).
          if (decisions.length <= 10) {
            for (let k = 0; k < repair.length; k++) {
              for (const dropped of subsets(decisions, k)) assert.ok(!possible(compiled, without(decisions, dropped), wanted), `a smaller repair exists: ${JSON.stringify(dropped)}`);
            }
          }
          // The conflicting decisions clash with the value, and each of them is needed.
          const conflicting = explanation.conflicting;
          assert.ok(!possible(compiled, conflicting, wanted));
          for (const d of conflicting) assert.ok(possible(compiled, without(conflicting, [d]), wanted), `${JSON.stringify(d)} is not needed in the conflict`);
          // The rules exclude it with those decisions, and each rule is needed.
          const rules = explanation.rules;
          assert.ok(!possible(withRules(catalog, compiled.product.id, rules), conflicting, wanted));
          for (const rule of rules) {
            assert.ok(possible(withRules(catalog, compiled.product.id, rules.filter((r) => r !== rule)), conflicting, wanted), `rule ${rule} is not needed`);
          }
          // Applying it is one step, and undo gives back every decision.
          session.makeAvailable(wanted);
          assert.ok(session.decisions.some((d) => same(d, wanted)));
          assert.deepEqual(without(session.decisions, [wanted]), without(decisions, repair));
          session.undo();
          assert.deepEqual(session.decisions, all);
        }
      }),
      { numRuns: 300, includeErrorInReport: true },
    );
  });
});

describe('explanations on a real model', () => {
  const model = importDimacs(readFileSync(new URL('./models/dimacs/berkeleydb.dimacs', import.meta.url), 'utf8'));
  const compiled = compile(model.catalog, { product: model.product.id });

  it('repairs always make the value available, and the named rules alone exclude it', () => {
    const ids = compiled.product.attributes.map((a) => a.id);
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 3, maxLength: 12 }), fc.nat(), (picks, ask) => {
        const session = new ConfigurationSession(compiled);
        for (const pick of picks) {
          const open = ids.filter((id) => session.domains()[id]!.length > 1);
          if (open.length === 0) break;
          const id = open[pick % open.length]!;
          session.select(id, session.domains()[id]![pick % 2]!);
        }
        const unavailable = ids.filter((id) => !(id in session.selections) && session.domains()[id]!.length === 1);
        if (unavailable.length === 0) return;
        const id = unavailable[ask % unavailable.length]!;
        const wanted = { attribute: id, value: !session.domains()[id]![0] };
        const explanation = session.explain(wanted);
        assert.equal(explanation.available, false);
        assert.deepEqual(session.conflicting(wanted), explanation.repair === undefined ? undefined : explanation.conflicting);
        if (explanation.repair === undefined) return assert.ok(!possible(compiled, [], wanted));
        assert.ok(possible(compiled, without(session.decisions, explanation.repair), wanted));
        assert.ok(!possible(withRules(model.catalog, model.product.id, explanation.rules), explanation.conflicting, wanted));
      }),
      { numRuns: 40, includeErrorInReport: true },
    );
  });
  it('conflicting with a pause gives the same decisions, a consistency check per step', async () => {
    const ids = compiled.product.attributes.map((a) => a.id);
    const session = new ConfigurationSession(compiled);
    for (let i = 0; i < 12; i++) {
      const open = ids.filter((id) => session.domains()[id]!.length > 1);
      if (open.length === 0) break;
      const id = open[(i * 7) % open.length]!;
      session.select(id, session.domains()[id]![i % 2]!);
    }
    const unavailable = ids.filter((id) => !(id in session.selections) && session.domains()[id]!.length === 1);
    assert.ok(unavailable.length > 0);
    for (const id of unavailable) {
      const wanted = { attribute: id, value: !session.domains()[id]![0] };
      let pauses = 0;
      const paused = await session.conflicting(wanted, { pause: async () => void pauses++ });
      assert.deepEqual(paused, session.conflicting(wanted));
      // One check to see it is unavailable, one to see a decision can help, one per decision tried.
      if (paused !== undefined) assert.equal(pauses, 1 + session.decisions.length);
    }
    // An available value: one check, no pause.
    const free = ids.find((id) => session.domains()[id]!.length > 1)!;
    let pauses = 0;
    assert.deepEqual(await session.conflicting({ attribute: free, value: true }, { pause: async () => void pauses++ }), []);
    assert.equal(pauses, 0);
  });
});

describe('implied values', () => {
  it('are exactly the undecided values every valid completion has', () => {
    fc.assert(
      fc.property(fc.nat(products.length - 1), fc.array(fc.nat(), { maxLength: 6 }), (which, picks) => {
        const { compiled } = products[which]!;
        const session = new ConfigurationSession(compiled);
        for (const pick of picks) {
          const attribute = compiled.product.attributes[pick % compiled.product.attributes.length]!;
          const domain = session.domains()[attribute.id]!;
          if (domain.length > 1 && !(attribute.id in session.selections)) session.select(attribute.id, domain[pick % domain.length]!);
        }
        const implied = session.implied();
        // Each check below builds a fresh session per value, so a quantity with thousands of
        // values (collab-suite's seats) is left out of this check.
        const small = (id: string) => {
          const attribute = compiled.product.attributes.find((a) => a.id === id)!;
          return attribute.kind !== 'quantity' || attribute.max - (attribute.min ?? 0) <= 20 * (attribute.step ?? 1);
        };
        const wantedValues = allWanted(compiled).filter((d) => small(d.attribute));
        for (const wanted of wantedValues) {
          if (session.decisions.some((d) => same(d, wanted))) continue;
          // Implied: the opposite (another value, off, or declined) has no valid completion.
          const attribute = compiled.product.attributes.find((a) => a.id === wanted.attribute)!;
          const opposite: Decision[] =
            attribute.kind === 'boolean'
              ? [{ attribute: wanted.attribute, value: !wanted.value }]
              : attribute.kind === 'multiple'
                ? wanted.declined ? [] : [{ attribute: wanted.attribute, value: wanted.value, declined: true }]
                : [];
          if (attribute.kind === 'single' || attribute.kind === 'quantity') {
            // An optional single choice may also stay empty, which no decision expresses: skip it.
            if (wanted.attribute in session.selections || (attribute.kind === 'single' && attribute.required === false)) continue;
            const others = wantedValues.filter((d) => d.attribute === wanted.attribute && d.value !== wanted.value);
            const forced = possible(compiled, session.decisions, wanted) && others.every((d) => !possible(compiled, session.decisions, d));
            assert.equal(implied.some((d) => same(d, wanted)), forced, JSON.stringify(wanted));
          } else if (opposite.length > 0) {
            const forced = possible(compiled, session.decisions, wanted) && !possible(compiled, session.decisions, opposite[0]);
            assert.equal(implied.some((d) => same(d, wanted)), forced, JSON.stringify(wanted));
          }
        }
      }),
      { numRuns: 150, includeErrorInReport: true },
    );
  });
});
