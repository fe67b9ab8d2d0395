import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { compile, ConfigurationSession, loadCatalog, price } from '../src/index.js';

// The Node examples run against the built package (npm test builds first), as a user would run them.
describe('examples/node', () => {
  it('configure.mjs explains, repairs, completes and prices the way the engine does', () => {
    const output = execFileSync(process.execPath, [new URL('../../../examples/node/configure.mjs', import.meta.url).pathname], { encoding: 'utf8' });
    const catalog = loadCatalog(readFileSync(new URL('../../../examples/catalogs/av-rooms.json', import.meta.url), 'utf8'));
    const session = new ConfigurationSession(compile(catalog, { product: 'meeting-room' }));
    assert.match(output, new RegExp(`^valid meeting rooms: ${session.count()}$`, 'm'));
    assert.match(output, /^wall-standard is unavailable because of \[\{"attribute":"display","value":"d98"\}\]: This mount is not made/m);
    session.select('mounting', 'wall-standard').complete();
    const total = price(catalog, session.toConfiguration(), { date: '2026-11-20', segment: 'enterprise' }).totals.grandTotal;
    assert.match(output, new RegExp(`^complete: true; grand total ${total.amount} ${total.currency}$`, 'm'));
    assert.match(output, new RegExp(`^precompiled space: \\d+ bytes, ${new ConfigurationSession(compile(catalog, { product: 'meeting-room' })).count()} valid rooms after loading$`, 'm'));
  });
});
