// `cpq price`: the waterfall as a table or JSON, and every problem on its own line.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliHarness } from './fixtures.js';
import { DAY, oneBook, tinyCatalog } from './price-fixtures.js';

const { dir, file, cpq } = cliHarness('cpq-price-');

const pricing = oneBook(
  { 'p/q': { tiers: [{ from: 1, to: 4, amount: '129.00' }, { from: 5, to: 9, amount: '119.00' }, { from: 10, amount: '109.00' }], tierMode: 'range' }, 'p/b': { amount: '39.90', recurring: 'month', term: 36 } },
  { name: 'List', audience: ['smb'], taxRegion: 'de', validFrom: '2026-01-01' },
  { tax: { regions: [{ id: 'de', rates: [{ category: 'standard', percent: '19', name: 'VAT 19%' }] }] }, partners: [{ id: 'acme', name: 'Acme', percent: '10' }] },
);
const catalog = file('catalog.json', tinyCatalog(pricing));
const config = file('config.json', { product: 'p', selections: { q: 7, b: true } });

describe('cpq price', () => {
  it('prints the waterfall as a table', async () => {
    const { code, out, err } = await cpq('price', catalog, '--config', config, '--date', DAY);
    assert.equal(code, 0);
    assert.deepEqual(err, []);
    assert.deepEqual(out, [
      'Product: price book List (list), EUR, 2026-11-20',
      'Prices exclude tax (tax region de, tax on the sum per rate); rounding half-even per line',
      '',
      'Item                                       Qty           List            Net',
      'Units                                        7         903.00         833.00',
      '  Volume price 5–9 units                               -70.00',
      'Service per month, 36 months                 1          39.90          39.90',
      '',
      'One-time                                               903.00         833.00',
      '  VAT 19%                                                             158.27',
      '  Total                                                               991.27',
      'Per month                                               39.90          39.90',
      '  VAT 19%                                                               7.58',
      '  Total                                                                47.48',
      'Recurring over the term (36 months)                  1,436.40       1,436.40',
      '  VAT 19%                                                             272.92',
      '  Total                                                             1,709.32',
      'Grand total                                                         2,700.59',
      'Savings against list                                           70.00 (2.99%)',
    ]);
  });

  it('prints the breakdown as JSON with --json, and takes the request from flags and a context file', async () => {
    const context = file('context.json', { lineDiscounts: { 'p/q': { percent: '5' } }, date: '2026-01-01' });
    const { code, out } = await cpq('price', catalog, '--config', config, '--json', '--partner', 'acme', '--quantity', '2', '--context', context, '--date', DAY);
    assert.equal(code, 0);
    const breakdown = JSON.parse(out.join('\n'));
    assert.equal(breakdown.date, DAY); // the flag wins over the file
    assert.equal(breakdown.partner, 'acme');
    assert.equal(breakdown.quantity, 2);
    const q = breakdown.lines.find((l: any) => l.item === 'p/q');
    assert.deepEqual(q.steps.map((s: any) => `${s.code} ${s.amount.amount}`), ['list 1806.00', 'tier-range -280.00', 'manual-percent -76.30', 'partner -144.97', 'net 1304.73']);
  });

  it('works tax out per line with --tax-calculation line, and says so', async () => {
    const { code, out } = await cpq('price', catalog, '--config', config, '--date', DAY, '--tax-calculation', 'line');
    assert.equal(code, 0);
    assert.equal(out[1], 'Prices exclude tax (tax region de, tax per line); rounding half-even per line');
    const json = JSON.parse((await cpq('price', catalog, '--config', config, '--date', DAY, '--tax-calculation', 'line', '--json')).out.join('\n'));
    assert.equal(json.taxCalculation, 'line');
    const wrong = await cpq('price', catalog, '--config', config, '--date', DAY, '--tax-calculation', 'lines');
    assert.equal(wrong.code, 1);
    assert.deepEqual(wrong.err, ['The price request has 1 problem:', '--tax-calculation: expected "document" or "line", found "lines"']);
  });

  it('shows the amount without tax where prices include it (119.00 is 100.00 and 19.00 of VAT)', async () => {
    const included = file('included.json', tinyCatalog(oneBook({ 'p/q': { amount: '119.00' } }, { taxRegion: 'de', taxIncluded: true }, { tax: { regions: [{ id: 'de', rates: [{ category: 'standard', percent: '19', name: 'VAT 19%' }] }] } })));
    const { code, out } = await cpq('price', included, '--config', file('one.json', { product: 'p', selections: { q: 1 } }), '--date', DAY);
    assert.equal(code, 0);
    assert.deepEqual(out.slice(1), [
      'Prices include tax (tax region de, tax on the sum per rate); rounding half-even per line',
      '',
      'Item                                       Qty           List            Net',
      'Units                                        1         119.00         119.00',
      '',
      'One-time                                               119.00         119.00',
      '  Excluding tax                                                       100.00',
      '  VAT 19% (included)                                                   19.00',
      'Grand total                                                           119.00',
      'Savings against list                                            0.00 (0.00%)',
    ]);
  });

  it('validates and prices a catalog with the deprecated floorPercent, with a warning that says how to migrate', async () => {
    const deprecated = file('deprecated.json', tinyCatalog({ ...pricing, floorPercent: '85' }));
    const validated = await cpq('validate', deprecated);
    assert.equal(validated.code, 0);
    const warning = 'warning: pricing.floorPercent: "floorPercent" is deprecated: "floorPercent": "85" lets manual discounts take up to 15% off without approval; write "maxDiscountPercent": "15" instead';
    assert.deepEqual(validated.err, [warning]);
    const priced = await cpq('price', deprecated, '--config', config, '--date', DAY);
    assert.equal(priced.code, 0);
    assert.deepEqual(priced.err, [warning]);
    // With --json, stderr is for errors only.
    assert.deepEqual((await cpq('price', deprecated, '--config', config, '--date', DAY, '--json')).err, []);
    assert.deepEqual((await cpq('validate', catalog)).err, []);
  });

  it('prints every problem of the request on its own line and exits 1', async () => {
    const { code, out, err } = await cpq('price', catalog, '--config', config, '--date', '2025-06-01', '--currency', 'EUX', '--quantity', '2.5');
    assert.equal(code, 1);
    assert.deepEqual(out, []);
    assert.deepEqual(err, ['The price request has 1 problem:', '--quantity: expected a whole number, found the number 2.5']);
    const dated = await cpq('price', catalog, '--config', config, '--date', '2025-06-01');
    assert.deepEqual(dated.err, ['The price request has 1 problem:', '--date: no price book in EUR is valid on 2025-06-01 ("list" is valid from 2026-01-01)']);
    // The same value from the context file keeps its path in the file.
    const fromFile = await cpq('price', catalog, '--config', config, '--context', file('dated.json', { date: '2025-06-01' }));
    assert.deepEqual(fromFile.err, ['The price request has 1 problem:', 'context.date: no price book in EUR is valid on 2025-06-01 ("list" is valid from 2026-01-01)']);
    const missing = await cpq('price', catalog, '--config', file('missing.json', { product: 'p', selections: { s: 'x' } }), '--date', DAY);
    assert.deepEqual(missing.err, ['The price request has 1 problem:', 'configuration.selections.s: no price for "p/s:x" in price book "list"']);
  });

  it('names the flag a refused value came from, and reads every number exactly (exit 1)', async () => {
    const cases: [string[], string[]][] = [
      [['--quantity', '1.5'], ['--quantity: expected a whole number, found the number 1.5']],
      [['--quantity', '9007199254740993'], ['--quantity: must be at most 9007199254740991, found 9007199254740993']],
      [['--quantity', '-2'], ['--quantity: must be at least 1, found -2']],
      [['--quantity', 'abc'], ['--quantity: expected a number, found the text "abc"']],
      [['--term', '0'], ['--term: must be at least 1, found 0']],
      [['--term', '-.5', '--quantity=0'], ['--quantity: must be at least 1, found 0', '--term: expected a whole number, found the number -0.5']],
      [['--currency', 'EUX'], ['--currency: "EUX" is not an ISO 4217 currency code (did you mean "EUR"?)']],
      [['--partner', 'acmee'], ['--partner: unknown partner "acmee" (did you mean "acme"?)']],
      [['--tax-region', 'a b'], ['--tax-region: "a b" must use only letters, digits, "_", "-" and ".", and start with a letter, digit or "_"']],
    ];
    for (const [flags, problems] of cases) {
      const { code, out, err } = await cpq('price', catalog, '--config', config, '--date', DAY, ...flags);
      assert.equal(code, 1, flags.join(' '));
      assert.deepEqual(out, []);
      assert.deepEqual(err, [`The price request has ${problems.length === 1 ? '1 problem' : `${problems.length} problems`}:`, ...problems]);
    }
  });

  it('prints every error as one JSON object on stderr with --json, with the exit code it has without', async () => {
    const json = async (...args: string[]) => {
      const { code, out, err } = await cpq('price', ...args, '--json');
      assert.deepEqual(out, []);
      assert.equal(err.length, 1);
      return { code, error: JSON.parse(err[0]!) };
    };
    assert.deepEqual(await json(catalog, '--config', config, '--date', DAY, '--quantity', '1.5'), {
      code: 1,
      error: { error: 'The price request has 1 problem', issues: [{ path: '--quantity', message: 'expected a whole number, found the number 1.5' }] },
    });
    const bad = file('bad-json.json', tinyCatalog(oneBook({ 'p/qq': { amount: '1' } })));
    assert.deepEqual(await json(bad, '--config', config), {
      code: 1,
      error: { error: `${bad}: The catalog has 1 problem`, issues: [{ path: 'pricing.books[0].prices["p/qq"]', message: 'unknown attribute "qq" of product "p" (did you mean "q"?)' }] },
    });
    assert.deepEqual(await json(join(dir, 'nope.json'), '--config', config), { code: 1, error: { error: `${join(dir, 'nope.json')}: no such file`, issues: [] } });
    assert.deepEqual(await json(catalog), { code: 2, error: { error: 'price needs --config CONFIG.json', issues: [] } });
    assert.deepEqual(await json(catalog, '--config', config, '--colour', 'red'), { code: 2, error: { error: 'unknown option --colour', issues: [] } });
  });

  it('reports a broken catalog or configuration with its file name', async () => {
    const bad = file('bad.json', tinyCatalog(oneBook({ 'p/qq': { amount: '1' } })));
    const result = await cpq('price', bad, '--config', config);
    assert.equal(result.code, 1);
    assert.deepEqual(result.err, [`${bad}: The catalog has 1 problem:`, 'pricing.books[0].prices["p/qq"]: unknown attribute "qq" of product "p" (did you mean "q"?)']);
    const badConfig = file('bad-config.json', { product: 'p', selections: { q: -1 } });
    assert.deepEqual((await cpq('price', catalog, '--config', badConfig)).err, [`${badConfig}: The configuration has 1 problem:`, 'selections.q: must be at least 0, found -1']);
    assert.deepEqual((await cpq('price', join(dir, 'nope.json'), '--config', config)).err, [`cpq: ${join(dir, 'nope.json')}: no such file`]);
  });

  it('explains its usage when called wrongly', async () => {
    const noConfig = await cpq('price', catalog);
    assert.equal(noConfig.code, 2);
    assert.equal(noConfig.err[0], 'cpq: price needs --config CONFIG.json\n');
    assert.match(noConfig.err[1]!, /^Usage:\n {2}cpq price CATALOG\.json --config CONFIG\.json \[options\]/);
    assert.equal((await cpq('price', catalog, '--config', config, '--book', 'list', '--segment', 'smb')).err[0], 'cpq: give --book or --segment, not both\n');
    assert.equal((await cpq('price', catalog, '--config', config, '--colour', 'red')).code, 2);
    assert.match((await cpq('--help')).out[0]!, /cpq price CATALOG\.json --config CONFIG\.json/);
  });

  it('takes the context file and the discounts exactly as docs/pricing.md shows them', async () => {
    const docs = readFileSync(new URL('../../../docs/pricing.md', import.meta.url), 'utf8');
    const jsonAfter = (heading: string): unknown => {
      const from = docs.indexOf('```json', docs.indexOf(heading));
      return JSON.parse(docs.slice(from + '```json'.length, docs.indexOf('```', from + 1)));
    };
    const av = new URL('../../../examples/catalogs/av-rooms.json', import.meta.url).pathname;
    const avConfig = new URL('../../../examples/catalogs/av-rooms.config.json', import.meta.url).pathname;
    for (const heading of ['The manual discounts of a request, as JSON', '**The context file**']) {
      const context = jsonAfter(heading) as Record<string, unknown>;
      const { code, out, err } = await cpq('price', av, '--config', avConfig, '--context', file('documented.json', context), '--json');
      assert.equal(code, 0, `${heading}: ${err.join('\n')}`);
      const breakdown = JSON.parse(out.join('\n'));
      assert.equal(breakdown.date, context['date']);
      const display = breakdown.lines.find((l: { item: string }) => l.item === 'meeting-room/display:d86');
      assert.ok(display.steps.some((step: { code: string }) => step.code === 'manual-percent'), heading);
      assert.ok(display.steps.some((step: { code: string }) => step.code === 'order-amount'), heading);
    }
    const context = jsonAfter('**The context file**') as Record<string, unknown>;
    const { out } = await cpq('price', av, '--config', avConfig, '--context', file('documented.json', context), '--json');
    const breakdown = JSON.parse(out.join('\n'));
    assert.deepEqual([breakdown.book.id, breakdown.taxCalculation, breakdown.taxRegion, breakdown.customer], ['enterprise-eur', 'line', 'eu-reverse-charge', 'contoso']);
  });

  it('prices the demo catalogs with every price book', async () => {
    const av = new URL('../../../examples/catalogs/av-rooms.json', import.meta.url).pathname;
    const avConfig = new URL('../../../examples/catalogs/av-rooms.config.json', import.meta.url).pathname;
    for (const book of ['list-eur', 'enterprise-eur', 'partner-northwind-eur', 'list-usd', 'enterprise-usd']) {
      const { code, out } = await cpq('price', av, '--config', avConfig, '--book', book, '--date', DAY);
      assert.equal(code, 0, book);
      assert.match(out.at(-1)!, /^Savings against list +[\d,]+\.\d\d \(\d+\.\d\d%\)$/);
    }
  });
});
