import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { FormatError, formatProblem, importDimacs, importUvl, type ImportedModel } from '../src/index.js';

const models = new URL('./models/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, models), 'utf8');

/** The problem lines (`line 4, column 13: ...`) of a failing import. */
function problems(importer: () => unknown): string[] {
  try {
    importer();
  } catch (error) {
    assert.ok(error instanceof FormatError, `expected a FormatError, got ${String(error)}`);
    return error.problems.map(formatProblem);
  }
  assert.fail('expected the import to fail');
}

const rules = (model: ImportedModel) => model.product.rules ?? [];
const rule = (model: ImportedModel, id: string) => rules(model).find((r) => r.id === id);

/** A UVL model from lines indented with two spaces per level. */
const uvl = (...lines: string[]): string => `${lines.join('\n')}\n`;

describe('the public benchmark models', () => {
  const systems = [
    { name: 'BerkeleyDB', file: 'berkeleydb', variables: 76, clauses: 141 },
    { name: 'axTLS', file: 'axTLS', variables: 96, clauses: 203 },
    { name: 'BusyBox', file: 'busybox_2010-05-02_14-17-07', variables: 631, clauses: 1312 },
    { name: 'embtoolkit', file: 'embtoolkit', variables: 1179, clauses: 5967 },
  ];

  for (const system of systems) {
    describe(system.name, () => {
      const dimacsText = read(`dimacs/${system.file}.dimacs`);
      const dimacs = importDimacs(dimacsText, { name: system.name });
      const model = importUvl(read(`uvl/${system.file}.uvl`));

      it('imports from DIMACS with exactly the header\'s variables and clauses', () => {
        assert.equal(dimacs.product.attributes.length, system.variables);
        assert.equal(rules(dimacs).length, system.clauses);
        assert.ok(rules(dimacs).every((r, i) => r.kind === 'constraint' && r.id === `clause-${i + 1}`));
        assert.equal(dimacs.catalog.name, system.name);
      });

      it('imports from UVL with one boolean attribute per feature and the root selected', () => {
        assert.ok(model.product.attributes.every((a) => a.kind === 'boolean' && model.names.get(a.id) === a.name));
        assert.deepEqual(rule(model, 'root'), { id: 'root', kind: 'constraint', condition: model.product.attributes[0]!.id });
      });

      it('has the same features in UVL as the DIMACS file names', () => {
        const commented = [...dimacsText.matchAll(/^c \d+ (.+)$/gm)].map((m) => m[1]!.trim());
        assert.equal(commented.length, system.variables);
        assert.deepEqual(new Set(model.names.values()), new Set(commented));
        assert.deepEqual(new Set(dimacs.names.values()), new Set(commented));
      });
    });
  }

  it('rejects the toy bike model, naming its first unsupported construct', () => {
    const found = problems(() => importUvl(read('uvl/bike.uvl')));
    assert.equal(found[0], 'line 5, column 13: typed feature "String Manufacturer" is not supported');
    assert.deepEqual(found.slice(1), [
      'line 6, column 13: typed feature "Integer Inch" is not supported',
      'line 9, column 31: feature cardinality [1..5] of "Training Wheels" is not supported',
      'line 19, column 5: strict comparison "sum(Weight) < 10" needs whole-number values of "Weight" ("Back" has 1.5): the catalog\'s bounds are inclusive, so write "<="',
      'line 20, column 5: arithmetic constraint "Inch > 22" is not supported (only sum(attribute) compared with a number)',
      'line 23, column 43: attribute reference "Training Wheels".Manufacturer is not supported',
      'line 24, column 5: arithmetic constraint "Inch == 22" is not supported (only sum(attribute) compared with a number)',
    ]);
  });
});

describe('importDimacs', () => {
  it('names variables by their comments, else by their number, and turns clauses into constraints', () => {
    const model = importDimacs('c 1 engine\nc 2 Training Wheels\nc a free comment\nc\np cnf 3 3\n1 -2 0\n3 0\n-1 -3 0\n');
    assert.deepEqual(model.product.attributes, [
      { id: 'engine', kind: 'boolean', name: 'engine' },
      { id: 'Training_Wheels', kind: 'boolean', name: 'Training Wheels' },
      { id: '3', kind: 'boolean', name: '3' },
    ]);
    assert.deepEqual(rules(model), [
      { id: 'clause-1', kind: 'constraint', condition: { any: ['engine', { not: 'Training_Wheels' }] } },
      { id: 'clause-2', kind: 'constraint', condition: '3' },
      { id: 'clause-3', kind: 'constraint', condition: { any: [{ not: 'engine' }, { not: '3' }] } },
    ]);
    assert.deepEqual([...model.names], [['engine', 'engine'], ['Training_Wheels', 'Training Wheels'], ['3', '3']]);
  });

  it('reads clauses that span lines and several clauses on one line', () => {
    const model = importDimacs('p cnf 3 3\n1 2\n  -3 0 2 0\r\n-1 0\n');
    assert.deepEqual(rules(model).map((r) => r.kind === 'constraint' && r.condition), [{ any: ['1', '2', { not: '3' }] }, '2', { not: '1' }]);
  });

  it('makes a readable catalog: id from the name given, one product, frozen', () => {
    const model = importDimacs('p cnf 1 0\n', { name: 'My model' });
    assert.equal(model.catalog.id, 'My_model');
    assert.equal(model.catalog.name, 'My model');
    assert.equal(model.catalog.version, '1');
    assert.equal(model.catalog.defaultCurrency, 'EUR');
    assert.equal(model.catalog.defaultLocale, 'en');
    assert.equal(model.product, model.catalog.products[0]);
    assert.ok(Object.isFrozen(model.product.attributes[0]));
    assert.equal(importDimacs('p cnf 1 0\n').catalog.id, 'DIMACS_model');
  });

  it('keeps valid names as ids and makes slugs unique around them', () => {
    const model = importDimacs('c 1 a b\nc 2 a_b\nc 3 a  b!\nc 4 constructor\np cnf 4 0\n');
    assert.deepEqual(model.product.attributes.map((a) => a.id), ['a_b_2', 'a_b', 'a_b_3', 'constructor_']);
  });

  it('reports every problem with its line and column', () => {
    assert.deepEqual(problems(() => importDimacs('c 1 a\np cnf 2 2\n1 -3 0\n2 x 0\n0\n')), [
      'line 2, column 9: the header declares 2 clauses but the file has 3',
      'line 3, column 3: literal -3 is out of range: the header declares 2 variables',
      'line 4, column 3: "x" is not an integer',
      'line 5, column 1: an empty clause (a 0 without literals) can never be satisfied',
    ]);
  });

  it('reports a missing, malformed or repeated header', () => {
    const header = '"p cnf <variables> <clauses>"';
    assert.deepEqual(problems(() => importDimacs('c 1 a\n1 0\n')), [`line 2, column 1: expected a ${header} line before the first clause`]);
    assert.deepEqual(problems(() => importDimacs('1 0\np cnf 1 1\n')), [`line 1, column 1: expected a ${header} line before the first clause`]);
    assert.deepEqual(problems(() => importDimacs('')), [`line 1, column 1: expected a ${header} line before the first clause`]);
    assert.deepEqual(problems(() => importDimacs('p cnf 2\n1 0\n')), [`line 1, column 1: expected ${header}`]);
    assert.deepEqual(problems(() => importDimacs('p cnf 1 1\n1 0\n p cnf 1 1\n')), ['line 3, column 2: a second "p" line (the header is on line 1)']);
  });

  it('reports a last clause not ended by 0', () => {
    assert.deepEqual(problems(() => importDimacs('p cnf 2 2\n1 0\n2 -1\n')), ['line 3, column 1: the last clause is not ended by 0']);
  });

  it('reports duplicate and out-of-range names', () => {
    assert.deepEqual(problems(() => importDimacs('c 1 a\nc 2 a\nc 1 b\nc 5 e\nc 3 2\np cnf 3 0\n')), [
      'line 2, column 5: duplicate name "a" (also variable 1 on line 1)',
      'line 3, column 3: variable 1 is already named "a" on line 1',
      'line 4, column 3: variable 5 is out of range: the header declares 3 variables',
      'line 5, column 5: the name "2" is also the number of unnamed variable 2',
    ]);
  });

  it('says what kind of model failed', () => {
    assert.throws(() => importDimacs('p cnf 1 1\n2 0\n'), {
      name: 'FormatError',
      message: 'The DIMACS model has 1 problem:\n  line 2, column 1: literal 2 is out of range: the header declares 1 variable',
    });
  });
});

describe('importUvl: the feature tree', () => {
  const car = importUvl(
    uvl(
      'namespace Cars',
      '',
      'features',
      '  Car {abstract}',
      '    mandatory',
      '      "Gear box"',
      '        alternative',
      '          Manual',
      '          Automatic',
      '    optional',
      '      Boolean Radio',
      '        or',
      '          FM',
      '          DAB',
      '        [1..2]',
      '          Speakers',
      '          Headphones',
      '          Bluetooth',
      '      Tow',
    ),
  );

  it('makes every feature a boolean attribute, in tree order, with its original name', () => {
    assert.deepEqual(
      car.product.attributes.map((a) => [a.id, a.name, a.kind]),
      [
        ['Car', 'Car', 'boolean'],
        ['Gear_box', 'Gear box', 'boolean'],
        ['Manual', 'Manual', 'boolean'],
        ['Automatic', 'Automatic', 'boolean'],
        ['Radio', 'Radio', 'boolean'],
        ['FM', 'FM', 'boolean'],
        ['DAB', 'DAB', 'boolean'],
        ['Speakers', 'Speakers', 'boolean'],
        ['Headphones', 'Headphones', 'boolean'],
        ['Bluetooth', 'Bluetooth', 'boolean'],
        ['Tow', 'Tow', 'boolean'],
      ],
    );
    assert.equal(car.names.get('Gear_box'), 'Gear box');
    assert.equal(car.catalog.id, 'Car');
    assert.equal(car.catalog.name, 'Car');
  });

  it('selects the root, makes children require parents and parents their mandatory children and groups', () => {
    assert.deepEqual(rules(car), [
      { id: 'root', kind: 'constraint', condition: 'Car' },
      { id: 'parent-1', kind: 'requires', if: 'Gear_box', then: 'Car' },
      { id: 'mandatory-1', kind: 'requires', if: 'Car', then: 'Gear_box' },
      { id: 'parent-2', kind: 'requires', if: 'Radio', then: 'Car' },
      { id: 'parent-3', kind: 'requires', if: 'Tow', then: 'Car' },
      { id: 'parent-4', kind: 'requires', if: 'Manual', then: 'Gear_box' },
      { id: 'parent-5', kind: 'requires', if: 'Automatic', then: 'Gear_box' },
      { id: 'alternative-1', kind: 'requires', if: 'Gear_box', then: { count: ['Manual', 'Automatic'], atLeast: 1, atMost: 1 } },
      { id: 'parent-6', kind: 'requires', if: 'FM', then: 'Radio' },
      { id: 'parent-7', kind: 'requires', if: 'DAB', then: 'Radio' },
      { id: 'or-1', kind: 'requires', if: 'Radio', then: { any: ['FM', 'DAB'] } },
      { id: 'parent-8', kind: 'requires', if: 'Speakers', then: 'Radio' },
      { id: 'parent-9', kind: 'requires', if: 'Headphones', then: 'Radio' },
      { id: 'parent-10', kind: 'requires', if: 'Bluetooth', then: 'Radio' },
      { id: 'group-1', kind: 'requires', if: 'Radio', then: { count: ['Speakers', 'Headphones', 'Bluetooth'], atLeast: 1, atMost: 2 } },
    ]);
  });

  it('reads [n], [n..*] and [0..m] group cardinalities, leaving out bounds that always hold', () => {
    const model = importUvl(uvl('features', '  R', '    [1]', '      A', '      B', '    [2..*]', '      C', '      D', '      E', '    [0..3]', '      F', '      G'));
    const groups = rules(model).filter((r) => r.id.startsWith('group-'));
    assert.deepEqual(groups, [
      { id: 'group-1', kind: 'requires', if: 'R', then: { count: ['A', 'B'], atLeast: 1, atMost: 1 } },
      { id: 'group-2', kind: 'requires', if: 'R', then: { count: ['C', 'D', 'E'], atLeast: 2 } },
    ]);
  });

  it('puts each top-level feature with features under it in a section, the rest in the root\'s', () => {
    assert.deepEqual(car.product.sections, [
      { id: 'Car', name: 'Car' },
      { id: 'Gear_box', name: 'Gear box' },
      { id: 'Radio', name: 'Radio' },
    ]);
    const sectionOf = Object.fromEntries(car.product.attributes.map((a) => [a.id, a.section]));
    assert.deepEqual(sectionOf, {
      Car: 'Car',
      Gear_box: 'Gear_box',
      Manual: 'Gear_box',
      Automatic: 'Gear_box',
      Radio: 'Radio',
      FM: 'Radio',
      DAB: 'Radio',
      Speakers: 'Radio',
      Headphones: 'Radio',
      Bluetooth: 'Radio',
      Tow: 'Car',
    });
    const flat = importUvl(uvl('features', '  R', '    optional', '      A', '      B'));
    assert.equal(flat.product.sections, undefined);
  });

  it('reads tabs, mixed indentation, comments, blank lines, CRLF and a byte order mark', () => {
    const text = '\uFEFF// a model\r\nfeatures\r\n  R /* the root */\r\n\r\n\toptional // a tab is 8 columns\r\n\t  A\r\n          B /* as far as A */\r\n';
    assert.deepEqual(
      importUvl(text).product.attributes.map((a) => a.id),
      ['R', 'A', 'B'],
    );
  });

  it('slugs names that are not ids, keeping them unique, and takes the catalog name from the options', () => {
    const model = importUvl(uvl('features', '  "My Root"', '    optional', '      "a b"', '      a_b', '      "prototype"'), { name: 'Über model' });
    assert.deepEqual(model.product.attributes.map((a) => a.id), ['My_Root', 'a_b_2', 'a_b', 'prototype_']);
    assert.equal(model.catalog.id, 'Uber_model');
    assert.equal(model.catalog.name, 'Über model');
    assert.equal(model.product.name, 'My Root');
  });
});

describe('importUvl: attributes and constraints', () => {
  const base = ['features', '  R', '    optional', '      A {Weight 3, Label \'light\', Eco true, abstract}', '      B {Weight -1.5, Eco}', '      C {Label 2}', '      "D d"', 'constraints'];

  it('turns feature attributes into specs: numbers, booleans, and text when values are mixed', () => {
    const model = importUvl(uvl(...base));
    assert.deepEqual(model.catalog.specs, {
      Weight: { name: 'Weight', type: 'number' },
      Label: { name: 'Label', type: 'text' },
      Eco: { name: 'Eco', type: 'boolean' },
    });
    const specs = Object.fromEntries(model.product.attributes.map((a) => [a.id, a.kind === 'boolean' ? a.specs : undefined]));
    assert.deepEqual(specs, {
      R: undefined,
      A: { Weight: 3, Label: 'light', Eco: true },
      B: { Weight: -1.5, Eco: true },
      C: { Label: '2' },
      D_d: undefined,
    });
  });

  it('translates ! & | => <=> with the usual precedence and parentheses', () => {
    const model = importUvl(uvl(...base, '  A | B & !C => "D d"', '  A <=> B', '  !(A | B) & !!C', '  A => B => C', '  (A & (B & C)) | (A | B)'));
    assert.deepEqual(
      rules(model).filter((r) => r.kind === 'constraint' && r.id !== 'root'),
      [
        { id: 'constraint-1', kind: 'constraint', condition: { any: [{ not: { any: ['A', { all: ['B', { not: 'C' }] }] } }, 'D_d'] } },
        { id: 'constraint-2', kind: 'constraint', condition: { all: [{ any: [{ not: 'A' }, 'B'] }, { any: ['A', { not: 'B' }] }] } },
        { id: 'constraint-3', kind: 'constraint', condition: { all: [{ not: { any: ['A', 'B'] } }, 'C'] } },
        { id: 'constraint-4', kind: 'constraint', condition: { any: [{ not: { any: [{ not: 'A' }, 'B'] } }, 'C'] } },
        { id: 'constraint-5', kind: 'constraint', condition: { any: [{ all: ['A', 'B', 'C'] }, 'A', 'B'] } },
      ],
    );
  });

  it('takes constraints spread over lines inside parentheses, and constraints given as feature attributes', () => {
    const model = importUvl(uvl('features', '  R', '    optional', '      A {constraint A => B}', '      B {constraints [B => A, !A]}', 'constraints', '  (A |', '     B)'));
    assert.deepEqual(
      rules(model).filter((r) => r.id.startsWith('constraint-')).map((r) => r.kind === 'constraint' && r.condition),
      [{ any: [{ not: 'A' }, 'B'] }, { any: [{ not: 'B' }, 'A'] }, { not: 'A' }, { any: ['A', 'B'] }],
    );
  });

  it('turns sum(attribute) compared with a number into a resource rule, strict bounds over whole numbers', () => {
    const model = importUvl(
      uvl('features', '  R', '    optional', '      A {Price 3}', '      B {Price 4}', 'constraints', '  sum(Price) <= 6', '  sum(Price) < 7', '  sum(Price) > 2.5', '  sum(Price) >= 1', '  sum(Price) == 4', '  10 > sum(Price)'),
    );
    assert.deepEqual(rules(model).filter((r) => r.kind === 'resource'), [
      { id: 'constraint-1', kind: 'resource', sum: 'Price', atMost: 6 },
      { id: 'constraint-2', kind: 'resource', sum: 'Price', atMost: 6 },
      { id: 'constraint-3', kind: 'resource', sum: 'Price', atLeast: 3 },
      { id: 'constraint-4', kind: 'resource', sum: 'Price', atLeast: 1 },
      { id: 'constraint-5', kind: 'resource', sum: 'Price', atLeast: 4, atMost: 4 },
      { id: 'constraint-6', kind: 'resource', sum: 'Price', atMost: 9 },
    ]);
  });
});

describe('importUvl: what the catalog cannot express is rejected by name and position', () => {
  const features = ['features', '  R', '    optional', '      A {Weight 1.5, Name \'a\'}', '      B {Weight 2}', 'constraints'];

  it('rejects typed features and feature cardinalities', () => {
    assert.deepEqual(problems(() => importUvl(uvl('features', '  R', '    optional', '      Integer Inch', '      Real "Top speed"', '      String Colour', '      C cardinality [1..5]'))), [
      'line 4, column 7: typed feature "Integer Inch" is not supported',
      'line 5, column 7: typed feature "Real Top speed" is not supported',
      'line 6, column 7: typed feature "String Colour" is not supported',
      'line 7, column 9: feature cardinality [1..5] of "C" is not supported',
    ]);
  });

  it('rejects include and imports', () => {
    assert.deepEqual(problems(() => importUvl(uvl('include', '  Boolean.group-cardinality', 'imports', '  sub.model as s', 'features', '  R'))), [
      'line 1, column 1: the "include" section is not supported',
      'line 3, column 1: the "imports" section is not supported',
    ]);
  });

  it('rejects other arithmetic, aggregates, string comparisons and attribute references', () => {
    assert.deepEqual(
      problems(() =>
        importUvl(uvl(...features, '  sum(Weight) < 3', '  A > 2', '  avg(Weight) > 1', '  len(Name) == 1', '  Name == \'a\'', '  A.Weight > 1', '  sum(Weight) + 1 <= 3', '  sum(Weight) != 2', '  B => sum(Weight) <= 2', '  sum(R, Weight) <= 2')),
      ),
      [
        'line 7, column 3: strict comparison "sum(Weight) < 3" needs whole-number values of "Weight" ("A" has 1.5): the catalog\'s bounds are inclusive, so write "<="',
        'line 8, column 3: arithmetic constraint "A > 2" is not supported (only sum(attribute) compared with a number)',
        'line 9, column 3: aggregate function "avg" is not supported',
        'line 10, column 3: aggregate function "len" is not supported',
        'line 11, column 3: string comparison "Name == \'a\'" is not supported',
        'line 12, column 3: attribute reference "A".Weight is not supported',
        'line 13, column 3: arithmetic constraint "sum(Weight) + 1 <= 3" is not supported (only sum(attribute) compared with a number)',
        'line 14, column 3: the comparison "sum(Weight) != 2" is not supported: "!=" is not a bound',
        'line 15, column 8: "sum(Weight) <= 2" is supported only as a constraint of its own, not inside a formula',
        'line 16, column 3: "sum(R, Weight)" is not supported (only sum(attribute))',
      ],
    );
  });

  it('rejects structured attribute values', () => {
    assert.deepEqual(problems(() => importUvl(uvl('features', '  R {Size {w 1}, Tags [1, 2]}'))), [
      'line 2, column 11: the value of the attribute "Size" is a nested attribute list, which is not supported',
      'line 2, column 23: the value of the attribute "Tags" is a list, which is not supported',
    ]);
  });

  it('reports unknown features and attributes with a suggestion, and duplicates', () => {
    assert.deepEqual(problems(() => importUvl(uvl('features', '  R', '    optional', '      Alpha {W 1, W 2}', '      Alpha', 'constraints', '  Alpah => R', '  sum(V) <= 1'))), [
      'line 4, column 19: the attribute "W" is given twice',
      'line 5, column 7: duplicate feature "Alpha" (first on line 4, column 7)',
      'line 7, column 3: unknown feature "Alpah" (did you mean "Alpha"?)',
      'line 8, column 7: unknown attribute "V" (did you mean "W"?)',
    ]);
  });

  it('reports impossible group cardinalities', () => {
    assert.deepEqual(problems(() => importUvl(uvl('features', '  R', '    [3..4]', '      A', '      B', '    [2..1]', '      C', '      D'))), [
      'line 3, column 5: the group cardinality [3..4] needs at least 3 features, but the group has 2',
      'line 6, column 5: the group cardinality [2..1] has its lower bound above its upper bound',
    ]);
  });

  it('says what kind of model failed', () => {
    assert.throws(() => importUvl(uvl('features', '  R', '    optional', '      Integer A')), {
      name: 'FormatError',
      message: 'The UVL model has 1 problem:\n  line 4, column 7: typed feature "Integer A" is not supported',
    });
  });
});

describe('importUvl: syntax errors', () => {
  const cases: [string, string, string][] = [
    ['no features section', uvl('constraints', '  A'), 'line 1, column 1: the model has no "features" section'],
    ['no root feature', uvl('features', 'constraints'), 'line 1, column 1: the "features" section has no root feature'],
    ['two root features', uvl('features', '  R', '  S'), 'line 3, column 3: a model has one root feature; indent "S" under it'],
    ['a feature without a group', uvl('features', '  R', '    A'), 'line 3, column 5: expected a group ("mandatory", "optional", "alternative", "or" or "[n..m]"), found "A"'],
    ['a group keyword where a feature belongs', uvl('features', '  R', '    optional', '      A', '      mandatory', '        B'), 'line 5, column 7: expected a feature name, found the group keyword "mandatory" (quote it to use it as a name)'],
    ['an empty group', uvl('features', '  R', '    optional', '  '), 'line 3, column 5: the group "optional" has no features indented under it'],
    ['a dedent to no enclosing level', uvl('features', '    R', '        optional', '          A', '      B'), "line 5, column 7: this line's indentation matches none of the enclosing lines"],
    ['an unclosed parenthesis', uvl('features', '  R', 'constraints', '  (R | R'), 'line 4, column 3: this "(" is never closed'],
    ['a wrong closing bracket', uvl('features', '  R', 'constraints', '  (R | R]'), 'line 4, column 9: expected ")" to close the "(" of line 4, column 3, found "]"'],
    ['an unclosed quoted name', uvl('features', '  "R'), 'line 2, column 3: the quoted name is not closed with " on its line'],
    ['an unclosed comment', uvl('features', '  R /* no end'), 'line 2, column 5: the comment is not closed with */'],
    ['an unexpected character', uvl('features', '  R', 'constraints', '  R = R'), 'line 4, column 5: unexpected character "="'],
    ['a missing operand', uvl('features', '  R', 'constraints', '  R &'), 'line 4, column 6: expected a feature name, "!" or "(", found the end of the line'],
    ['two constraints on a line', uvl('features', '  R', 'constraints', '  R R'), 'line 4, column 5: expected the end of the line, found "R"'],
    ['a second features section', uvl('features', '  R', 'features', '  S'), 'line 3, column 1: a second "features" section (the first is on line 1)'],
    ['an unknown section', uvl('feature', '  R'), 'line 1, column 1: expected "features", "constraints", "namespace", "include" or "imports", found "feature"'],
  ];
  for (const [what, text, expected] of cases) {
    it(`reports ${what}`, () => assert.deepEqual(problems(() => importUvl(text)), [expected]));
  }

  it('keeps the problems found before a syntax error', () => {
    assert.deepEqual(problems(() => importUvl(uvl('features', '  R', '    optional', '      Integer A', '      B C'))), [
      'line 4, column 7: typed feature "Integer A" is not supported',
      'line 5, column 9: expected the end of the line, found "C"',
    ]);
  });

  it('refuses nesting too deep for the stack, and constraints that explode when translated, quickly', () => {
    const deep = uvl('features', '  R', 'constraints', `  ${'!'.repeat(101)}R`);
    assert.deepEqual(problems(() => importUvl(deep)), ['line 4, column 103: the constraint is nested deeper than 100 levels']);
    const chain = uvl('features', '  R', 'constraints', `  R${' => R'.repeat(1000)}`);
    assert.deepEqual(problems(() => importUvl(chain)), ['line 4, column 3: the constraint nests deeper than 256 levels once translated']);
    const started = performance.now();
    const explosive = uvl('features', '  R', 'constraints', `  R${' <=> R'.repeat(40)}`);
    assert.deepEqual(problems(() => importUvl(explosive)), ['line 4, column 3: the constraint is too large once translated (each "<=>" repeats its operands)']);
    assert.ok(performance.now() - started < 1000);
  });
});
