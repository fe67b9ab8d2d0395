// The page's route to compiling: the decision-DNNF compiler loads on first use. This file
// imports the modules themselves, not the engine's index (which loads `compile`, and with
// it that compiler), so what it checks is what a page that never imports `compile` gets.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { loadCatalog } from '../src/catalog/load.js';
import { compileLoaded, CompileError } from '../src/configure/compile-core.js';
import { compileOnDemand } from '../src/configure/compile-on-demand.js';
import { loadSpace, saveSpace } from '../src/configure/precompiled.js';
import { ConfigurationSession } from '../src/configure/session.js';

const meetingRoom = () => loadCatalog(readFileSync(new URL('../../../examples/catalogs/av-rooms.json', import.meta.url), 'utf8'));
const wanted = { attribute: 'mounting', value: 'wall-standard' };

describe('compileOnDemand (the decision-DNNF compiler on first use)', () => {
  it('compiles a BDD without it, and says so where code compiles with what is loaded', async () => {
    const catalog = meetingRoom();
    const compiled = await compileOnDemand(catalog, { product: 'meeting-room' });
    assert.equal(compiled.space.form, 'bdd');
    assert.throws(() => compileLoaded(catalog, { product: 'meeting-room', form: 'ddnnf' }), (error) => error instanceof CompileError && /not loaded/.test(error.message));
  });

  it('loads it for a decision-DNNF: the same configurations, and explanations (its clause search) work', async () => {
    const catalog = meetingRoom();
    const bdd = await compileOnDemand(catalog, { product: 'meeting-room' });
    const ddnnf = await compileOnDemand(catalog, { product: 'meeting-room', form: 'ddnnf' });
    assert.equal(ddnnf.space.form, 'ddnnf');
    assert.equal(ddnnf.space.count(), bdd.space.count());
    const explain = (compiled: typeof bdd) => new ConfigurationSession(compiled).select('display', 'd98').explain(wanted);
    assert.deepEqual(explain(ddnnf), explain(bdd));
    assert.deepEqual(explain(ddnnf).rules, ['mount-fits-display']);
    // Once loaded, code that compiles with what is loaded (share links) has it too.
    assert.equal(compileLoaded(catalog, { product: 'meeting-room', form: 'ddnnf' }).space.form, 'ddnnf');
  });

  it('a saved decision-DNNF loads (its reader and queries on demand) to the same answers', async () => {
    const catalog = meetingRoom();
    const compiled = await compileOnDemand(catalog, { product: 'meeting-room', form: 'ddnnf' });
    const loaded = await loadSpace(catalog, JSON.stringify(await saveSpace(compiled)));
    assert.equal(loaded.space.form, 'ddnnf');
    assert.equal(loaded.space.count(), compiled.space.count());
    assert.deepEqual(new ConfigurationSession(loaded).select('display', 'd98').explain(wanted).rules, ['mount-fits-display']);
  });

  it('keeps compile’s errors: an unknown product', async () => {
    await assert.rejects(compileOnDemand(meetingRoom(), { product: 'nope' }), CompileError);
  });
});
