import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigurationError, formatProblem, loadCatalog, loadConfiguration } from '../src/index.js';
import { smallCatalog } from './fixtures.js';

const catalog = loadCatalog(smallCatalog());

function problems(input: unknown): string[] {
  try {
    loadConfiguration(input, catalog);
  } catch (error) {
    assert.ok(error instanceof ConfigurationError, String(error));
    return error.problems.map(formatProblem);
  }
  assert.fail('the configuration was accepted');
}

describe('loadConfiguration', () => {
  it('accepts a partial configuration and returns it unchanged', () => {
    const input = { catalog: { id: 'room-kit', version: '1.0.0' }, product: 'room', selections: { display: 'd65', extras: ['pen'], panel: true, mics: 4 } };
    assert.deepEqual(loadConfiguration(JSON.stringify(input), catalog), input);
    assert.deepEqual(loadConfiguration({ product: 'room', selections: {} }, catalog).selections, {});
  });

  it('reports an unknown product with a suggestion', () => {
    assert.deepEqual(problems({ product: 'rom', selections: {} }), ['product: unknown product "rom" (did you mean "room"?)']);
  });

  it('reports a configuration made for another catalog', () => {
    assert.deepEqual(problems({ catalog: { id: 'other' }, product: 'room', selections: {} }), ['catalog.id: was made for catalog "other", not "room-kit"']);
  });

  it('reports unknown attributes and options, and values of the wrong kind', () => {
    assert.deepEqual(
      problems({ product: 'room', selections: { dispaly: 'd65', mount: 'wal', extras: 'pen', panel: 'yes', dsp: ['small'] } }),
      [
        'selections.dispaly: unknown attribute "dispaly" of product "room" (did you mean "display"?)',
        'selections.mount: unknown option "wal" of "mount" (did you mean "wall"?)',
        'selections.extras: "extras" is a multiple choice: give a list of option ids',
        'selections.panel: "panel" is on or off: give true or false',
        'selections.dsp: "dsp" is a single choice: give one option id',
      ],
    );
  });

  it('reports quantities and counts out of range', () => {
    assert.deepEqual(problems({ product: 'room', selections: { mics: 9, extras: ['pen', 'hub', 'clicker'] } }), [
      'selections.mics: quantity 9 is outside 0..8',
      'selections.extras: chooses 3 options; at most 2 are allowed',
    ]);
    assert.deepEqual(problems({ product: 'room', selections: { mics: -1 } }), ['selections.mics: must be at least 0, found -1']);
    assert.deepEqual(problems({ product: 'room', selections: { extras: ['pen', 'nope'] } }), ['selections.extras[1]: unknown option "nope" of "extras"']);
  });
});
