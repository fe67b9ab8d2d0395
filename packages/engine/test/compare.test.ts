// The comparison module: rows grouped as in the catalog, values, best values, prices and
// total cost of ownership (hand-checked), baselines and deltas, and bad input with paths.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  CatalogError,
  compare,
  CompareError,
  formatProblem,
  loadCatalog,
  loadConfiguration,
  price,
  type Catalog,
  type Comparison,
  type CompareItem,
  type Row,
} from '../src/index.js';
import { DAY } from './price-fixtures.js';

const demo = (name: string): Catalog => loadCatalog(readFileSync(new URL(`../../../examples/catalogs/${name}.json`, import.meta.url), 'utf8'));
const collab = demo('collab-suite');
const av = demo('av-rooms');
const avConfig = loadConfiguration(readFileSync(new URL('../../../examples/catalogs/av-rooms.config.json', import.meta.url), 'utf8'), av);
const plans: CompareItem[] = [{ product: 'starter' }, { product: 'business' }, { product: 'enterprise' }];
const context = { date: DAY };

function rowOf(comparison: Comparison, id: string): Row {
  for (const group of comparison.groups) for (const row of group.rows) if (row.id === id) return row;
  throw new Error(`no row ${id}`);
}
/** An attribute row's values. */
function chosen(comparison: Comparison, id: string) {
  const row = rowOf(comparison, id);
  assert.equal(row.kind, 'attribute');
  return row.kind === 'attribute' ? row.values : [];
}
const amounts = (comparison: Comparison, id: string) => comparison.prices!.rows.find((r) => r.id === id)?.values.map((v) => v.amount);

function assertProblems(run: () => unknown, expected: string[]): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof CompareError, String(error));
    assert.deepEqual(error.problems.map(formatProblem), expected);
    return true;
  });
}

describe('rows', () => {
  const c = compare(plans, { catalog: collab });

  it('groups rows as in the catalog: the products’ own specs, then each section with the specs only its attributes bring', () => {
    assert.deepEqual(c.groups.map((g) => g.id), ['specs', 'section:users', 'section:add-ons', 'section:terms']);
    assert.deepEqual(c.groups[1]!.name, { en: 'Users and storage', de: 'Nutzer und Speicher', fr: 'Utilisateurs et stockage' });
    assert.deepEqual(c.groups[1]!.rows.map((r) => r.id), ['attribute:seats', 'attribute:storage-packs', 'spec:storageGb']);
    assert.deepEqual(c.groups[3]!.rows.map((r) => r.id), ['attribute:billing', 'attribute:support', 'spec:responseTimeHours', 'spec:namedAccountManager']);
    // The products' own specs in the order the catalog declares them.
    assert.deepEqual(c.groups[0]!.rows.slice(0, 3).map((r) => r.id), ['spec:maxSeats', 'spec:storagePerSeatGb', 'spec:meetingParticipants']);
    // An attribute one product lacks is one row, with nothing for the products without it.
    assert.deepEqual(c.groups[2]!.rows.map((r) => r.id), ['attribute:e-signature', 'attribute:advanced-security', 'attribute:webinar', 'attribute:customer-managed-keys']);
  });

  it('gives each item its value: product specs plus what its selections bring, per unit for quantities', () => {
    assert.deepEqual(rowOf(c, 'spec:maxSeats').values, [25, 300, 5000]);
    // Total storage is per user: 5 × 50 GB, 25 × 1,000 GB, 100 × 5,000 GB (the default users).
    assert.deepEqual(rowOf(c, 'spec:storageGb').values, [250, 25_000, 500_000]);
    assert.deepEqual(rowOf(c, 'spec:responseTimeHours').values, [24, 8, 1], 'from the default support option');
    assert.deepEqual(rowOf(c, 'spec:webinarAttendees').values, [undefined, undefined, 1000], 'stated by Enterprise only');
    assert.deepEqual(chosen(c, 'attribute:seats').map((v) => v?.kind === 'quantity' && v.quantity), [5, 25, 100]);
    assert.deepEqual(rowOf(c, 'attribute:advanced-security').values, [undefined, { kind: 'boolean', on: false }, undefined]);
    const billing = chosen(c, 'attribute:billing').map((v) => (v?.kind === 'single' ? v.option?.id : v));
    assert.deepEqual(billing, ['monthly', 'annual', 'annual']);
  });

  it('flags the rows that differ, a missing value counting as a value', () => {
    assert.equal(rowOf(c, 'spec:maxSeats').differs, true);
    assert.equal(rowOf(c, 'spec:customerManagedKeys').differs, false);
    assert.equal(rowOf(c, 'attribute:storage-packs').differs, false, 'no extra storage in any default');
    assert.equal(rowOf(c, 'attribute:e-signature').differs, false);
    assert.equal(rowOf(c, 'attribute:webinar').differs, true, 'Business has it, the others not');
  });

  it('marks the best values where the catalog gives a direction, and none where all are equal or there is no direction', () => {
    assert.deepEqual(rowOf(c, 'spec:maxSeats').best, [2], 'higher is better');
    assert.deepEqual(rowOf(c, 'spec:responseTimeHours').best, [2], 'lower is better');
    assert.deepEqual(rowOf(c, 'spec:webinarAttendees').best, [2], 'missing values are never best');
    assert.deepEqual(rowOf(c, 'spec:sso').best, [], 'a yes/no spec without a preferred value');
    const same = compare([{ product: 'business' }, { product: 'business' }], { catalog: collab });
    assert.deepEqual(rowOf(same, 'spec:maxSeats').best, [], 'nothing to point out when every item has it');
    assert.deepEqual(same.items.map((i) => i.id), ['business', 'business-2'], 'ids made unique');
  });

  it('sums numbers exactly, ORs yes/no specs and lets a selection’s text replace the product’s', () => {
    const catalog = loadCatalog({
      id: 'mix',
      version: '1',
      name: 'Mix',
      defaultCurrency: 'EUR',
      defaultLocale: 'en',
      specs: {
        uptime: { name: 'Uptime', type: 'number', unit: '%', better: 'higher' },
        secure: { name: 'Secure', type: 'boolean', preferred: true },
        hours: { name: 'Hours', type: 'text', preferred: '24/7' },
        weight: { name: 'Weight', type: 'number', better: 'lower' },
      },
      products: [
        {
          id: 'p',
          name: 'P',
          specs: { uptime: 99.9, secure: false, hours: '8×5', weight: 0.1 },
          attributes: [
            { id: 'sla', kind: 'boolean', name: 'SLA', specs: { uptime: 0.05, secure: true } },
            { id: 'support', kind: 'single', name: 'Support', default: 'basic', options: [{ id: 'basic', name: 'Basic' }, { id: 'full', name: 'Full', specs: { hours: { en: '24/7', de: 'rund um die Uhr' } } }] },
            { id: 'parts', kind: 'quantity', name: 'Parts', max: 9, specs: { weight: 0.2 } },
          ],
        },
      ],
    });
    const m = compare(
      [{ product: 'p' }, { id: 'full', product: 'p', selections: { sla: true, support: 'full', parts: 3 } }],
      { catalog, baseline: 'p' },
    );
    assert.equal(m.items[1]!.kind, 'package');
    assert.deepEqual(rowOf(m, 'spec:uptime').values, [99.9, 99.95], '99.9 + 0.05 is 99.95, not 99.95000000000000284');
    assert.deepEqual(rowOf(m, 'spec:weight').values, [0.1, 0.7], '0.1 + 3 × 0.2');
    assert.deepEqual(rowOf(m, 'spec:secure').values, [false, true]);
    assert.deepEqual(rowOf(m, 'spec:hours').values, ['8×5', { en: '24/7', de: 'rund um die Uhr' }]);
    // Preferred values: a yes/no and a text matched in the default locale.
    assert.deepEqual(rowOf(m, 'spec:secure').best, [1]);
    assert.deepEqual(rowOf(m, 'spec:hours').best, [1]);
    assert.deepEqual(rowOf(m, 'spec:weight').best, [0]);
    assert.deepEqual(m.items[1]!.delta!.features, [
      { row: 'spec:uptime', change: 'more', difference: 0.05, better: true },
      { row: 'spec:secure', change: 'gained', better: true },
      { row: 'spec:hours', change: 'changed', better: true },
      { row: 'spec:weight', change: 'more', difference: 0.6, better: false },
      { row: 'attribute:sla', change: 'gained' },
      { row: 'attribute:support', change: 'changed' },
      { row: 'attribute:parts', change: 'more', difference: 3 },
    ]);
    assert.deepEqual(
      m.groups.map((g) => [g.id, g.rows.map((r) => r.id)]),
      [
        ['specs', ['spec:uptime', 'spec:secure', 'spec:hours', 'spec:weight']],
        ['general', ['attribute:sla', 'attribute:support', 'attribute:parts']],
      ],
    );
  });
});

describe('the preferred value of a spec', () => {
  const base = (spec: object) => ({
    id: 'c',
    version: '1',
    name: 'C',
    defaultCurrency: 'EUR',
    defaultLocale: 'en',
    specs: { s: { name: 'S', ...spec } },
    products: [{ id: 'p', name: 'P', attributes: [] }],
  });
  const problems = (spec: object) => {
    try {
      loadCatalog(base(spec));
      return [];
    } catch (error) {
      assert.ok(error instanceof CatalogError);
      return error.problems.map(formatProblem);
    }
  };

  it('is accepted when it fits the spec’s type', () => {
    assert.deepEqual(problems({ type: 'boolean', preferred: true }), []);
    assert.deepEqual(problems({ type: 'text', preferred: 'EU' }), []);
    assert.deepEqual(problems({ type: 'number', preferred: 0 }), []);
  });

  it('is refused with its path when of another type, or together with a direction', () => {
    assert.deepEqual(problems({ type: 'boolean', preferred: 'yes' }), ['specs.s.preferred: spec "s" is declared as boolean but its preferred value "yes" is text']);
    assert.deepEqual(problems({ type: 'number', better: 'higher', preferred: 3 }), [
      'specs.s.preferred: a spec has either a preferred value or a better direction, not both; "s" is better higher',
    ]);
  });
});

describe('prices and total cost of ownership', () => {
  it('prices the software packages over 36 months (hand-checked)', () => {
    const c = compare(plans, { catalog: collab, context, termMonths: 36 });
    // Starter: 5 users × (6.00 + 1.00 monthly billing) = 35.00 a month; Business: 25 × 12.50 = 312.50;
    // Enterprise: 100 × 21.00 = 2,100.00. Nothing one-time; 36 months of each.
    assert.deepEqual(amounts(c, 'one-time'), ['0.00', '0.00', '0.00']);
    assert.deepEqual(amounts(c, 'month'), ['35.00', '312.50', '2100.00']);
    assert.equal(amounts(c, 'year'), undefined, 'no yearly charges: no row');
    assert.deepEqual(amounts(c, 'recurring'), ['1260.00', '11250.00', '75600.00']);
    assert.deepEqual(amounts(c, 'tco'), ['1260.00', '11250.00', '75600.00']);
    assert.deepEqual(c.prices!.rows.find((r) => r.id === 'tco')!.best, [0]);
    const business = c.items[1]!.price!.tco;
    // 19% VAT on 11,250.00 is 2,137.50.
    assert.deepEqual([business.tax.amount, business.total.amount], ['2137.50', '13387.50']);
    assert.equal(c.prices!.termMonths, 36);
  });

  it('gives the same amounts as price() with the term set', () => {
    for (const termMonths of [1, 12, 18, 36]) {
      const c = compare([...plans, { product: 'enterprise', selections: { 'customer-managed-keys': true } }], { catalog: collab, context, termMonths });
      for (const item of c.items) {
        const totals = price(collab, item.configuration, { ...context, termMonths }).totals;
        assert.deepEqual(
          [item.price!.oneTime, item.price!.tco.recurring, item.price!.month, item.price!.year, item.price!.tco.total],
          [totals.oneTime.net, totals.term.net, totals.recurring.month?.net, totals.recurring.year?.net ?? { amount: '0.00', currency: 'EUR' }, totals.grandTotal],
          `${item.id} over ${termMonths} months`,
        );
      }
    }
  });

  it('prices hardware with a support plan: one-time plus 36 and 60 months of support (hand-checked)', () => {
    const items: CompareItem[] = [{ product: 'huddle-room' }, { product: 'meeting-room' }];
    const c36 = compare(items, { catalog: av, context });
    // Huddle room: 390 + 1,290 (55") + 190 (wall) + 1,190 (bar) + 690 (installation) = 3,750.00; support 19.90 a month.
    // Meeting room: 1,490 + 1,890 (65") + 190 + 890 (camera) + 2 × 390 (mics) + 2 × 240 (speakers) + 1,490 (DSP) + 1,900 = 9,110.00; support 29.90.
    assert.deepEqual(amounts(c36, 'one-time'), ['3750.00', '9110.00']);
    assert.deepEqual(amounts(c36, 'month'), ['19.90', '29.90']);
    assert.deepEqual(amounts(c36, 'recurring'), ['716.40', '1076.40'], 'the default term is 36 months');
    assert.deepEqual(amounts(c36, 'tco'), ['4466.40', '10186.40']);
    // Tax per kind of charge, each rounded once: 1,730.90 + 204.52 (19% of 1,076.40 = 204.516).
    assert.equal(c36.items[1]!.price!.tco.tax.amount, '1935.42');
    const c60 = compare(items, { catalog: av, context, termMonths: 60 });
    assert.deepEqual(amounts(c60, 'tco'), ['4944.00', '10904.00'], '3,750 + 60 × 19.90 (1,194.00); 9,110 + 60 × 29.90 (1,794.00)');
  });

  it('prorates a yearly charge over a term that is not whole years, as the catalog says', () => {
    const withKeys: CompareItem[] = [{ product: 'enterprise', selections: { 'customer-managed-keys': true } }];
    const c = compare(withKeys, { catalog: collab, context, termMonths: 18 });
    // 18 months: 100 users × 21.00 × 18 = 37,800.00, premium support 1,490.00 × 18 = 26,820.00, keys 9,900.00 × 1.5 = 14,850.00.
    assert.deepEqual(amounts(c, 'year'), ['9900.00']);
    assert.deepEqual(amounts(c, 'recurring'), ['79470.00']);
    const unprorated = loadCatalog({
      id: 'yearly',
      version: '1',
      name: 'Yearly',
      defaultCurrency: 'EUR',
      defaultLocale: 'en',
      products: [{ id: 'p', name: 'P', attributes: [{ id: 'plan', kind: 'boolean', name: 'Plan', default: true }, { id: 'flex', kind: 'boolean', name: 'Flex', default: true }] }],
      pricing: {
        books: [
          {
            id: 'list',
            currency: 'EUR',
            prices: {
              p: { amount: '100.00' },
              'p/plan': { amount: '1200.00', recurring: 'year', prorate: false },
              'p/flex': { amount: '1200.00', recurring: 'year' },
            },
          },
        ],
      },
    });
    const y = compare([{ product: 'p' }], { catalog: unprorated, context, termMonths: 18 });
    // 18 months: the plan pays 2 whole years (2,400.00), the prorated one 1.5 (1,800.00); plus 100.00 once.
    assert.deepEqual(amounts(y, 'recurring'), ['4200.00']);
    assert.deepEqual(amounts(y, 'tco'), ['4300.00']);
  });

  it('counts no one-time charges for an owned item, and still shows its running costs', () => {
    const c = compare(
      [{ id: 'today', owned: true, product: 'meeting-room' }, { id: 'new', product: 'meeting-room' }],
      { catalog: av, context, baseline: 'today' },
    );
    assert.deepEqual(amounts(c, 'one-time'), ['0.00', '9110.00']);
    assert.deepEqual(amounts(c, 'tco'), ['1076.40', '10186.40']);
    assert.equal(c.items[0]!.price!.tco.total.amount, '1280.92', '1,076.40 + 19% (204.52)');
    assert.equal(c.items[0]!.price!.oneTime.amount, '9110.00', 'what it cost is still there');
    assert.equal(c.items[1]!.delta!.money!.tco.amount, '9110.00');
    assert.deepEqual(c.items[1]!.delta!.features, [], 'the same configuration');
  });

  it('uses an item’s own price context over the comparison’s, in one currency only', () => {
    const c = compare([{ product: 'business' }, { id: 'contract', product: 'business', context: { customer: 'fabrikam' } }], { catalog: collab, context, termMonths: 12 });
    // Fabrikam's contract: 10.90 per user instead of 12.50: 25 × 10.90 × 12 = 3,270.00.
    assert.deepEqual(amounts(c, 'tco'), ['3750.00', '3270.00']);
    assertProblems(
      () => compare([{ product: 'business' }, { product: 'starter', context: { currency: 'USD' } }], { catalog: collab, context }),
      ['items[1].context.currency: is priced in USD, the other items in EUR: compare items in one currency'],
    );
    assertProblems(
      () => compare([{ product: 'business', context: { termMonths: 12 } }], { catalog: collab, context }),
      ['items[0].context.termMonths: the term is the same for every item: set termMonths in the comparison options'],
    );
  });

  it('has no prices without a price context', () => {
    const c = compare(plans, { catalog: collab });
    assert.equal(c.prices, undefined);
    assert.equal(c.items[0]!.price, undefined);
  });
});

describe('baseline and deltas', () => {
  it('measures every other item against the baseline, in features and in money over the term', () => {
    const c = compare(plans, { catalog: collab, context, baseline: 'starter' });
    assert.equal(c.baseline, 0);
    assert.equal(c.items[0]!.delta, undefined, 'the baseline has none');
    const business = c.items[1]!.delta!;
    assert.equal(business.baseline, 'starter');
    // 312.50 − 35.00 a month; over 36 months 11,250.00 − 1,260.00.
    assert.deepEqual([business.money!.month.amount, business.money!.recurring.amount, business.money!.tco.amount], ['277.50', '9990.00', '9990.00']);
    assert.equal(business.money!.total.amount, '11888.10', '13,387.50 − 1,499.40 with tax');
    const find = (row: string) => business.features.find((f) => f.row === row);
    assert.deepEqual(find('attribute:seats'), { row: 'attribute:seats', change: 'more', difference: 20 });
    assert.deepEqual(find('spec:slaUptime'), { row: 'spec:slaUptime', change: 'more', difference: 0.4, better: true });
    assert.deepEqual(find('spec:responseTimeHours'), { row: 'spec:responseTimeHours', change: 'less', difference: -16, better: true });
    assert.deepEqual(find('spec:sso'), { row: 'spec:sso', change: 'gained' });
    assert.deepEqual(find('attribute:webinar'), { row: 'attribute:webinar', change: 'added' });
    assert.equal(find('spec:dataResidency'), undefined, 'both "EU"');
    assert.equal(find('spec:customerManagedKeys'), undefined);
  });

  it('compares today’s installed room with tomorrow’s: “+2 microphones, +30.00 a month over 36 months”', () => {
    const today = { id: 'today', owned: true, configuration: { product: 'meeting-room', selections: { display: 'd65', mounting: 'wall-standard', camera: 'usb-4k', 'table-mics': 2, 'ceiling-mics': 0, 'ceiling-speakers': 2, dsp: 'compact', 'control-panel': false, 'wireless-presentation': false, installation: 'standard', support: 'basic' } } };
    const c = compare([today, { id: 'tomorrow', configuration: avConfig }], { catalog: av, context, baseline: 'today' });
    const delta = c.items[1]!.delta!;
    const find = (row: string) => delta.features.find((f) => f.row === row);
    assert.deepEqual(find('attribute:table-mics'), { row: 'attribute:table-mics', change: 'more', difference: 2 });
    assert.deepEqual(find('spec:sizeInches'), { row: 'spec:sizeInches', change: 'more', difference: 21, better: true });
    assert.deepEqual(find('spec:powerWatts'), { row: 'spec:powerWatts', change: 'more', difference: 150, better: false });
    assert.deepEqual(find('attribute:control-panel'), { row: 'attribute:control-panel', change: 'gained' });
    // Support Plus 59.90 instead of Basic 29.90: +30.00 a month, +1,080.00 over 36 months.
    assert.equal(delta.money!.month.amount, '30.00');
    assert.equal(delta.money!.recurring.amount, '1080.00');
    assert.equal(c.items[0]!.kind, 'configuration');
  });
});

describe('bad input', () => {
  it('names every problem with its path', () => {
    assertProblems(() => compare([{ product: 'startr' }, { product: 'business', selections: { seats: 9000 } }], { catalog: collab }), [
      'items[0].product: unknown product "startr" (did you mean "starter"?)',
      'items[1].selections.seats: quantity 9000 is outside 5..300',
    ]);
    assertProblems(() => compare([{ product: 'business' }], { catalog: collab, baseline: 'busines' }), [
      'baseline: unknown item "busines" (did you mean "business"?); the items are "business"',
    ]);
    assertProblems(() => compare([{ id: 'a', product: 'business' }, { id: 'a', product: 'starter' }], { catalog: collab }), [
      'items[1].id: duplicate item id "a" (also items[0])',
    ]);
    assertProblems(() => compare([{ product: 'business', selections: { webinar: true, seats: 5 } }], { catalog: collab }), [
      'items[0].selections: no valid configuration of "business" has these selections: the initial selections have no valid completion',
    ]);
    assertProblems(() => compare([{ configuration: { product: 'business', selections: { sets: 4 } } }], { catalog: collab }), [
      'items[0].configuration.selections.sets: unknown attribute "sets" of product "business" (did you mean "seats"?)',
    ]);
    // A value of no selection's kind is a shape problem; a value of another attribute's kind is the catalog check's.
    assertProblems(() => compare([{ configuration: { product: 'business', selections: { billing: ['annual', 1], seats: { n: 5 } } } } as unknown as CompareItem], { catalog: collab }), [
      'items[0].configuration.selections.billing: ["annual",1] is not a selection: give an option id, a list of option ids, true or false, or a quantity',
      'items[0].configuration.selections.seats: {"n":5} is not a selection: give an option id, a list of option ids, true or false, or a quantity',
    ]);
    assertProblems(() => compare([{ configuration: { product: 'business', selections: { billing: ['annual'], seats: '5', '': true } } } as unknown as CompareItem], { catalog: collab }), [
      'items[0].configuration.selections.billing: "billing" is a single choice: give one option id',
      'items[0].configuration.selections.seats: "seats" is a quantity: give a whole number',
      'items[0].configuration.selections[""]: unknown attribute "" of product "business"',
    ]);
    assertProblems(() => compare([{ product: 'business', colour: 'red' } as unknown as CompareItem], { catalog: collab }), ['items[0].colour: unknown field "colour"']);
    assertProblems(() => compare([{ configuration: { product: 'business', selections: 'x' } } as unknown as CompareItem], { catalog: collab }), [
      'items[0].configuration.selections: expected an object, found the text "x"',
    ]);
    assertProblems(() => compare([{ configuration: 'x' } as unknown as CompareItem], { catalog: collab }), [
      'items[0].configuration: "x" is not a configuration: give { "product": "...", "selections": { ... } }',
    ]);
    // A loaded (frozen) configuration is still checked against this catalog.
    assertProblems(() => compare([{ configuration: avConfig }], { catalog: collab }), ['items[0].configuration.product: unknown product "meeting-room"']);
    assertProblems(() => compare(plans, { catalog: collab, termMonths: 0 }), ['termMonths: must be at least 1, found 0']);
    assertProblems(() => compare(plans, { catalog: undefined as unknown as Catalog }), ['catalog: is required: a catalog as loadCatalog() returns it']);
  });

  it('reports a price that is missing with the item’s path, and returns nothing partial', () => {
    assert.throws(() => compare(plans, { catalog: collab, context: { date: '2026-01-01' } }), (error: unknown) => {
      assert.ok(error instanceof CompareError);
      // The pricing engine's own sentence, under each item's path.
      assert.deepEqual(error.problems.map((p) => p.path), ['items[0].context.date', 'items[1].context.date', 'items[2].context.date']);
      for (const p of error.problems) assert.match(p.message, /^no price book in EUR is valid on 2026-01-01 \("list-eur" is valid from 2026-11-01/);
      return true;
    });
  });

  it('compares nothing to nothing', () => {
    const c = compare([], { catalog: collab, context });
    assert.deepEqual([c.items, c.groups, c.prices?.rows.map((r) => r.values)], [[], [], [[], [], []]]);
  });
});
