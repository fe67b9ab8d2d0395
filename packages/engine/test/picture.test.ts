import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCatalog, pictureLayers, pictureViews } from '../src/index.js';
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
    d86.layers = [{ image: 'd86.svg', z: 20 }];
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

  it('without views, draws the layers of no view (the one picture)', () => {
    assert.deepEqual(images({ display: 'd86' }), ['d86.svg']);
    assert.deepEqual(pictureViews(room.picture!), [{ image: 'room.svg' }]);
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

describe('a picture with views', () => {
  const catalog = loadCatalog(
    edited((c) => {
      product(c).picture = {
        views: [
          { id: 'front', name: { en: 'Front', de: 'Vorne' }, image: 'front.svg' },
          { id: 'plan', name: { en: 'From above', de: 'Von oben' }, image: 'plan.svg' },
        ],
        width: 640,
        height: 400,
      };
      attribute(c, 'display').options[2].layers = [{ image: 'd86.svg', z: 20, view: 'front' }, { image: 'd86-plan.svg', z: 20, view: 'plan' }];
      attribute(c, 'panel').layers = [{ image: 'panel.svg', z: 30 }];
    }),
  );
  const room = catalog.products[0]!;
  const images = (view?: string) => pictureLayers(room, { display: 'd86', panel: true }, view).map((l) => l.image);

  it('lists its views in catalog order, each with its base image', () => {
    assert.deepEqual(
      pictureViews(room.picture!).map((v) => [v.id, v.image]),
      [
        ['front', 'front.svg'],
        ['plan', 'plan.svg'],
      ],
    );
  });

  it('draws a view’s own layers and those without a view; the first view by default', () => {
    assert.deepEqual(images('plan'), ['d86-plan.svg', 'panel.svg']);
    assert.deepEqual(images('front'), ['d86.svg', 'panel.svg']);
    assert.deepEqual(images(), images('front'));
  });
});

describe('catalog pictures: errors with paths', () => {
  it('checks the views: one base image or views, unique ids, layers in a listed view', () => {
    assertProblems(
      edited((c) => {
        product(c).picture = {
          image: 'room.svg',
          views: [
            { id: 'front', name: 'Front', image: 'front.svg' },
            { id: 'front', name: 'Again', image: 'again.svg' },
            { id: 'plan', name: 'From above', image: 'plan.svg' },
          ],
          width: 640,
          height: 400,
        };
        attribute(c, 'display').options[0].layers = [{ image: 'a.svg', z: 1, view: 'plann' }];
        attribute(c, 'panel').layers = [{ image: 'b.svg', z: 1, view: 'side' }];
      }),
      [
        'products[0].picture.views: give "image" or "views", not both: the first view is the one shown first',
        'products[0].picture.views[1].id: duplicate view id "front" (also products[0].picture.views[0])',
        'products[0].attributes[0].options[0].layers[0].view: unknown view "plann" (did you mean "plan"?); the picture\'s views are "front", "plan"',
        'products[0].attributes[4].layers[0].view: unknown view "side"; the picture\'s views are "front", "plan"',
      ],
    );
  });

  it('asks for a base image or views, and for views before a layer names one', () => {
    assertProblems(
      edited((c) => {
        product(c).picture = { width: 640, height: 400 };
        attribute(c, 'display').options[0].layers = [{ image: 'a.svg', z: 1, view: 'plan' }];
      }),
      [
        'products[0].picture: give the base "image", or "views" each with its base image',
        'products[0].attributes[0].options[0].layers[0].view: the product\'s picture has no views; list "plan" in its "views", or leave "view" out to draw the layer in the one picture',
      ],
    );
    assertProblems(
      edited((c) => {
        product(c).picture = { views: [], width: 640, height: 400 };
      }),
      ['products[0].picture.views: list at least one view, or give "image" instead'],
    );
  });


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
