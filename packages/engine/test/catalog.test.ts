import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CatalogError, loadCatalog, localize } from '../src/index.js';
import { assertProblems, edited, smallCatalog } from './fixtures.js';

const product = (c: any) => c.products[0];
const attribute = (c: any, id: string) => product(c).attributes.find((a: any) => a.id === id);
const rule = (c: any, id: string) => product(c).rules.find((r: any) => r.id === id);

describe('loadCatalog: a valid catalog', () => {
  it('returns the typed catalog, deeply frozen, from text or from an object', () => {
    const fromText = loadCatalog(JSON.stringify(smallCatalog()));
    const fromObject = loadCatalog(smallCatalog());
    assert.deepEqual(fromText, fromObject);
    assert.equal(fromText.products[0]!.attributes.length, 6);
    assert.ok(Object.isFrozen(fromText.products[0]!.attributes[0]));
    assert.throws(() => {
      (fromText.products[0] as any).id = 'changed';
    }, TypeError);
  });

  it('keeps every field it was given, unchanged', () => {
    const input = smallCatalog();
    assert.deepEqual(loadCatalog(JSON.stringify(input)), input);
  });

  it('accepts a minimal pricing section and keeps it as given', () => {
    const input = edited((c) => (c.pricing = { books: [{ id: 'smb' }] }));
    assert.deepEqual(loadCatalog(input).pricing, { books: [{ id: 'smb' }] });
  });
});

describe('loadCatalog: shape errors', () => {
  it('reports a missing field, a wrong type and an unknown field with their paths', () => {
    assertProblems(
      edited((c) => {
        delete c.version;
        product(c).attributes[0].name = 5;
        product(c).colour = 'red';
      }),
      [
        'version: is required',
        'products[0].attributes[0].name: expected a string or an object, found the number 5',
        'products[0].colour: unknown field "colour"',
      ],
    );
  });

  it('suggests the field that was meant', () => {
    assertProblems(
      edited((c) => {
        product(c).atributes = product(c).attributes;
        delete product(c).attributes;
      }),
      [
        'products[0].attributes: is required',
        'products[0].atributes: unknown field "atributes" (did you mean "attributes"?)',
      ],
    );
  });

  it('names the allowed kinds of attributes and rules', () => {
    assertProblems(
      edited((c) => {
        attribute(c, 'panel').kind = 'toggle';
        rule(c, 'cart-no-hub').kind = 'forbids';
      }),
      [
        'products[0].attributes[4].kind: "toggle" is not allowed: an attribute\'s kind is "single", "multiple", "boolean" or "quantity"',
        'products[0].rules[1].kind: "forbids" is not allowed: a rule\'s kind is "requires", "excludes", "constraint", "compatibility", "resource", "default" or "recommends"',
      ],
    );
  });

  it('rejects invalid ids and references', () => {
    assertProblems(
      edited((c) => {
        attribute(c, 'display').options[0].id = 'd 55';
        rule(c, 'big-needs-wall').then = 'mount::wall';
      }),
      [
        'products[0].attributes[0].options[0].id: "d 55" must use only letters, digits, "_", "-" and ".", and start with a letter, digit or "_"',
        'products[0].rules[0].then: "mount::wall" must be a reference such as "control-panel" or "display:d65"',
      ],
    );
  });

  it('reports errors inside nested conditions with the full path', () => {
    assertProblems(edited((c) => (rule(c, 'some-audio').condition = { any: ['panel', { attribute: 'mics', atleast: 1 }] })), [
      'products[0].rules[2].condition.any[1].atleast: unknown field "atleast" (did you mean "atLeast"?)',
    ]);
  });

  it('rejects empty choices, negative numbers and fractional quantities', () => {
    assertProblems(
      edited((c) => {
        attribute(c, 'mount').options = [];
        attribute(c, 'mics').min = -1;
        attribute(c, 'mics').max = 2.5;
      }),
      [
        'products[0].attributes[1].options: a choice needs at least one option',
        'products[0].attributes[5].min: must be at least 0, found -1',
        'products[0].attributes[5].max: expected a whole number, found the number 2.5',
      ],
    );
  });

  it('rejects image URLs that could run script', () => {
    assertProblems(edited((c) => (product(c).image = 'javascript:alert(1)')), [
      'products[0].image: "javascript:alert(1)" must be an http(s) URL, a relative path or a data:image URL',
    ]);
    assert.doesNotThrow(() => loadCatalog(edited((c) => (product(c).image = 'images/room.svg'))));
    assert.doesNotThrow(() => loadCatalog(edited((c) => (product(c).image = 'https://example.com/room.png'))));
  });
});

describe('loadCatalog: semantic errors', () => {
  it('reports duplicate ids of products, attributes, options, sections and rules', () => {
    assertProblems(
      edited((c) => {
        product(c).attributes.push({ id: 'panel', kind: 'boolean', name: 'Second panel' });
        attribute(c, 'extras').options.push({ id: 'pen', name: 'Second pen' });
        product(c).sections.push({ id: 'video', name: 'Second video' });
        product(c).rules.push({ ...rule(c, 'cart-no-hub') });
      }),
      [
        'products[0].attributes[6].id: duplicate attribute id "panel" (also products[0].attributes[4])',
        'products[0].attributes[2].options[3].id: duplicate option id "pen" (also products[0].attributes[2].options[0])',
        'products[0].sections[2].id: duplicate section id "video" (also products[0].sections[0])',
        'products[0].rules[8].id: duplicate rule id "cart-no-hub" (also products[0].rules[1])',
      ],
    );
    assertProblems(edited((c) => c.products.push(structuredClone(product(c)))), ['products[1].id: duplicate product id "room" (also products[0])']);
  });

  it('reports unknown attributes and options in rules, with the likely meant one', () => {
    assertProblems(
      edited((c) => {
        rule(c, 'big-needs-wall').then = 'mount:wal';
        rule(c, 'cart-no-hub').then = 'extra:hub';
        rule(c, 'suggest-panel').then = ['panel', 'extras:clickr'];
        rule(c, 'some-audio').condition = { any: ['panl', { attribute: 'mic', atLeast: 1 }] };
      }),
      [
        'products[0].rules[0].then: unknown option "mount:wal" (did you mean "mount:wall"?)',
        'products[0].rules[1].then: unknown attribute "extra" of product "room" (did you mean "extras"?)',
        'products[0].rules[2].condition.any[0]: unknown attribute "panl" of product "room" (did you mean "panel"?)',
        'products[0].rules[2].condition.any[1].attribute: unknown attribute "mic" of product "room" (did you mean "mics"?)',
        'products[0].rules[7].then[1]: unknown option "extras:clickr" (did you mean "extras:clicker"?)',
      ],
    );
  });

  it('rejects options of attributes that have none', () => {
    assertProblems(edited((c) => (rule(c, 'big-needs-wall').then = 'panel:on')), [
      'products[0].rules[0].then: "panel" is a boolean and has no options; write "panel"',
    ]);
  });

  it('reports min greater than max, and defaults out of range', () => {
    assertProblems(
      edited((c) => {
        attribute(c, 'mics').min = 9;
        attribute(c, 'extras').min = 3;
        attribute(c, 'extras').max = 1;
        attribute(c, 'display').default = 'd75';
      }),
      [
        'products[0].attributes[5].min: min 9 is greater than max 8',
        'products[0].attributes[5].default: quantity 2 is outside 9..8',
        'products[0].attributes[2].min: min 3 is greater than max 1',
        'products[0].attributes[0].default: unknown option "d75" of "display" (did you mean "d55"?)',
        'products[0].rules[6].quantity: quantity 6 is outside 9..8',
      ],
    );
  });

  it('checks multiple-choice limits against the options there are', () => {
    assertProblems(
      edited((c) => {
        attribute(c, 'extras').max = 4;
        attribute(c, 'extras').default = ['pen', 'pen'];
      }),
      [
        'products[0].attributes[2].max: max 4 is more than the 3 options there are',
        'products[0].attributes[2].default: names an option twice',
      ],
    );
  });

  it('checks quantity steps', () => {
    assertProblems(
      edited((c) => {
        attribute(c, 'mics').step = 2;
        attribute(c, 'mics').default = 3;
      }),
      ['products[0].attributes[5].default: quantity 3 is not 0 plus a multiple of the step 2'],
    );
  });

  it('reports a rule that refers to itself', () => {
    assertProblems(
      edited((c) => {
        rule(c, 'big-needs-wall').then = { any: ['display:d86', 'mount:wall'] };
        rule(c, 'cart-no-hub').then = 'mount:cart';
        rule(c, 'inputs').atMost = { sum: 'inputsUsed' };
        rule(c, 'panel-default').if = 'panel';
      }),
      [
        'products[0].rules[0].then: the rule refers to itself: "display:d86" is both its condition and what it requires',
        'products[0].rules[1].then: the rule refers to itself: "mount:cart" is both its condition and what it excludes',
        'products[0].rules[4].atMost.sum: the rule refers to itself: it compares the sum of "inputsUsed" with itself',
        'products[0].rules[5].select: the rule refers to itself: "panel" is both its condition and its default',
      ],
    );
  });

  it('checks compatibility tables', () => {
    assertProblems(
      edited((c) => {
        rule(c, 'display-mount').attributes = ['display', 'mount', 'mics'];
        rule(c, 'display-mount').allowed = [['d55', 'wall', '*'], ['d65', null, '*'], ['d99', true, '*'], ['d86']];
      }),
      [
        'products[0].rules[3].attributes[2]: "mics" is a quantity; a compatibility table relates single choices and booleans',
        'products[0].rules[3].allowed[1][1]: "mount" is required, so "nothing chosen" (null) never occurs',
        'products[0].rules[3].allowed[2][0]: unknown option "d99" of "display" (did you mean "d55"?)',
        'products[0].rules[3].allowed[2][1]: "mount" is a single choice: use an option id, "*" or null',
        'products[0].rules[3].allowed[3]: has 1 values but the table has 3 attributes',
      ],
    );
  });

  it('checks resource rules and the specs they sum', () => {
    assertProblems(
      edited((c) => {
        rule(c, 'inputs').sum = 'inputUsed';
        rule(c, 'inputs').atMost = { sum: 'wireless' };
      }),
      [
        'products[0].rules[4].sum: unknown spec "inputUsed" (did you mean "inputsUsed"?)',
        'products[0].rules[4].atMost.sum: spec "wireless" is boolean, but a resource sums numbers',
      ],
    );
    assertProblems(edited((c) => delete rule(c, 'inputs').atMost), ['products[0].rules[4]: needs "atMost", "atLeast" or both']);
  });

  it('checks default rules', () => {
    assertProblems(
      edited((c) => {
        delete rule(c, 'mics-default').quantity;
        rule(c, 'panel-default').quantity = 2;
      }),
      [
        'products[0].rules[6].quantity: is required to set the quantity "mics"',
        'products[0].rules[5].quantity: only a quantity attribute takes a quantity; "panel" is a boolean',
      ],
    );
  });

  it('checks conditions on counts', () => {
    assertProblems(edited((c) => (rule(c, 'some-audio').condition = { attribute: 'mics', atLeast: 5, atMost: 2 })), [
      'products[0].rules[2].condition: atLeast 5 is greater than atMost 2, so it never holds',
    ]);
  });

  it('checks specs against their declarations', () => {
    assertProblems(
      edited((c) => {
        attribute(c, 'dsp').options[0].specs = { input: 4 };
        attribute(c, 'dsp').options[1].specs = { inputs: '12' };
        c.specs.wireless.better = 'higher';
      }),
      [
        'products[0].attributes[3].options[0].specs.input: unknown spec "input" (did you mean "inputs"?); declare it in the catalog\'s "specs"',
        'products[0].attributes[3].options[1].specs.inputs: spec "inputs" is declared as number but the value "12" is text',
        'specs.wireless.better: only a number spec can be better higher or lower; "wireless" is a boolean spec',
      ],
    );
  });

  it('reports unknown sections', () => {
    assertProblems(edited((c) => (attribute(c, 'panel').section = 'vidoe')), [
      'products[0].attributes[4].section: unknown section "vidoe" (did you mean "video"?)',
    ]);
  });

  it('needs every text in the default locale, and valid locales and currency', () => {
    assertProblems(
      edited((c) => {
        attribute(c, 'mount').name = { de: 'Halterung' };
        c.locales = ['de'];
        c.defaultCurrency = 'EUX';
      }),
      [
        'products[0].attributes[1].name: has no text in the default locale "en"',
        'locales: must include the default locale "en"',
        'defaultCurrency: "EUX" is not an ISO 4217 currency code',
      ],
    );
  });

  it('lists every problem at once in the error message, one per line', () => {
    const input = edited((c) => {
      rule(c, 'big-needs-wall').then = 'mount:wal';
      attribute(c, 'extras').min = 3;
      attribute(c, 'extras').max = 1;
    });
    assert.throws(() => loadCatalog(input), (error: unknown) => {
      assert.ok(error instanceof CatalogError);
      assert.equal(
        error.message,
        [
          'The catalog has 2 problems:',
          '  products[0].attributes[2].min: min 3 is greater than max 1',
          '  products[0].rules[0].then: unknown option "mount:wal" (did you mean "mount:wall"?)',
        ].join('\n'),
      );
      return true;
    });
  });
});

describe('localize', () => {
  const text = { en: 'Display', de: 'Bildschirm' };
  it('picks the exact locale, then the language, then the fallback, then the first text', () => {
    assert.equal(localize(text, 'de'), 'Bildschirm');
    assert.equal(localize(text, 'de-AT'), 'Bildschirm');
    assert.equal(localize(text, 'fr', 'en'), 'Display');
    assert.equal(localize({ de: 'Nur Deutsch' }, 'fr', 'en'), 'Nur Deutsch');
    assert.equal(localize('Plain', 'de'), 'Plain');
    assert.equal(localize(undefined, 'de'), '');
  });
  it('never reads inherited properties', () => {
    assert.equal(localize({ en: 'x' }, 'constructor', 'en'), 'x');
  });
});

describe('count conditions', () => {
  it('accept "between n and m of these hold" and check the bounds', () => {
    assert.doesNotThrow(() => loadCatalog(edited((c) => (rule(c, 'some-audio').condition = { count: ['panel', 'extras:pen', 'display:d55'], atLeast: 1, atMost: 2 }))));
    assertProblems(edited((c) => (rule(c, 'some-audio').condition = { count: ['panel', 'extras:pn'], atLeast: 3 })), [
      'products[0].rules[2].condition.count[1]: unknown option "extras:pn" (did you mean "extras:pen"?)',
      'products[0].rules[2].condition.atLeast: atLeast 3 is more than the 2 conditions counted, so it never holds',
    ]);
    assertProblems(edited((c) => (rule(c, 'some-audio').condition = { count: ['panel'] })), ['products[0].rules[2].condition: needs "atLeast", "atMost" or both']);
  });
});
