import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCatalog, pictureLayers } from '../src/index.js';
import { assertProblems, edited } from './fixtures.js';

const product = (c: any) => c.products[0];
const attribute = (c: any, id: string) => product(c).attributes.find((a: any) => a.id === id);

/** The small catalog with a picture and layers on options, a boolean and a quantity. */
const pictured = () =>
  edited((c) => {
    product(c).picture = { image: 'room.svg', width: 640, height: 400 };
    const [d55, d65, d86] = attribute(c, 'display').options;
    d55.layers = [{ image: 'd55.svg', z: 20 }];
    d65.layers = [{ image: 'd65.svg', z: 20 }];
    d86.layers = [{ image: 'd86.svg', z: 20 }, { image: 'd86-side.svg', z: 20, view: 'side' }];
    attribute(c, 'mount').options[1].layers = [{ image: 'cart.svg', z: 10 }];
    attribute(c, 'extras').options[0].layers = [{ image: 'pen.svg', z: 40 }];
    attribute(c, 'extras').options[1].layers = [{ image: 'clicker.svg', z: 40 }];
    attribute(c, 'panel').layers = [{ image: 'panel.svg', z: 30 }];
    attribute(c, 'mics').layers = [{ image: 'mics.svg', z: -1 }];
  });

describe('pictureLayers', () => {
  const catalog = loadCatalog(pictured());
  const room = catalog.products[0]!;
  const images = (selections: Record<string, any>, view?: string) => pictureLayers(room, selections, view).map((l) => l.image);

  it('gives the chosen options’ layers bottom first, equal z in catalog order', () => {
    assert.deepEqual(images({ display: 'd86', mount: 'cart', extras: ['clicker', 'pen'], panel: true, mics: 2 }), [
      'mics.svg',
      'cart.svg',
      'd86.svg',
      'panel.svg',
      'pen.svg',
      'clicker.svg',
    ]);
  });

  it('follows the selections: booleans when on, quantities from one, nothing for open choices', () => {
    assert.deepEqual(images({ display: 'd55', panel: false, mics: 0 }), ['d55.svg']);
    assert.deepEqual(images({ mount: 'wall', extras: [] }), []);
    assert.deepEqual(images({}), []);
  });

  it('keeps the layers of one view and those for every view', () => {
    assert.deepEqual(images({ display: 'd86' }, 'side'), ['d86.svg', 'd86-side.svg']);
    assert.deepEqual(images({ display: 'd86' }, 'front'), ['d86.svg']);
  });

  it('says what put each layer there, with its name for alternative text', () => {
    assert.deepEqual(pictureLayers(room, { display: 'd65', panel: true }), [
      { image: 'd65.svg', z: 20, attribute: 'display', option: 'd65', name: '65"' },
      { image: 'panel.svg', z: 30, attribute: 'panel', name: 'Control panel' },
    ]);
  });

  it('ignores inherited keys of the selections', () => {
    assert.deepEqual(images(JSON.parse('{"__proto__": {"panel": true}}')), []);
  });
});

describe('catalog pictures: errors with paths', () => {
  it('checks the picture’s size and each layer', () => {
    assertProblems(
      edited((c) => {
        product(c).picture = { image: 'javascript:alert(1)', width: 0, height: 2.5 };
        attribute(c, 'display').options[0].layers = [{ image: 'a.svg', z: 1.5 }, { z: 1 }, { image: 'b.svg', z: 1, view: 'a b' }];
      }),
      [
        'products[0].picture.image: "javascript:alert(1)" must be an http(s) URL, a relative path or a data:image URL',
        'products[0].picture.width: must be at least 1, found 0',
        'products[0].picture.height: expected a whole number, found the number 2.5',
        'products[0].attributes[0].options[0].layers[0].z: expected a whole number, found the number 1.5',
        'products[0].attributes[0].options[0].layers[1].image: is required',
        'products[0].attributes[0].options[0].layers[2].view: "a b" must use only letters, digits, "_", "-" and ".", and start with a letter, digit or "_"',
      ],
    );
  });
});
