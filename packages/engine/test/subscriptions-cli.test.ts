// `cpq price --ramp`, `cpq quote create --ramp`, `cpq quote amend` and `cpq quote renew`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { verifyQuote, type Quote } from '../src/index.js';
import { cliHarness } from './fixtures.js';
import { collab, hmacKey, read } from './quote-fixtures.js';

const { file, cpq } = cliHarness('cpq-subscriptions-');
const catalog = file('collab-suite.json', read('examples/catalogs/collab-suite.json'));
const base = JSON.parse(read('examples/catalogs/collab-suite.config.json'));
const config = file('suite.json', base);
const more = file('suite-60.json', { ...base, selections: { ...base.selections, seats: 60 } });
const key = file('key.json', hmacKey);
const ramp = file('ramp.json', { segments: [{ months: 12, name: { en: 'Year 1' } }, { months: 12, selections: { seats: 60 } }, { months: 12 }], upliftPercent: '5' });

describe('cpq price --ramp', () => {
  it('prints every segment and the whole term', async () => {
    const { code, out, err } = await cpq('price', catalog, '--config', config, '--ramp', ramp, '--date', '2027-01-01');
    assert.deepEqual([code, err], [0, []]);
    const text = out.join('\n');
    assert.match(text, /^== Year 1: 2027-01-01 to 2027-12-31, 12 months$/m);
    assert.match(text, /^== Segment 3: 2029-01-01 to 2029-12-31, 12 months, uplift \+10\.25%, recurring charges$/m);
    assert.match(text, /^ {2}Uplift \+5% +/m);
    assert.match(text, /^== The whole term: 2027-01-01 to 2029-12-31, 36 months, EUR$/m);
  });

  it('gives the ramp as JSON, and a bad ramp file with its path', async () => {
    const json = await cpq('price', catalog, '--config', config, '--ramp', ramp, '--date', '2027-01-01', '--json');
    const priced = JSON.parse(json.out.join('\n'));
    assert.deepEqual(priced.segments.map((s: { uplift?: { percent: string } }) => s.uplift?.percent), [undefined, '5', '10.25']);
    const bad = file('bad-ramp.json', { segments: [{ months: 0 }] });
    const { code, err } = await cpq('price', catalog, '--config', config, '--ramp', bad, '--date', '2027-01-01');
    assert.equal(code, 1);
    assert.match(err.join('\n'), /bad-ramp\.json.*\n.*ramp\.segments\[0\]\.months/);
  });
});

async function quoted(...extra: string[]): Promise<[string, Quote]> {
  const { code, out, err } = await cpq('quote', 'create', catalog, '--config', config, '--key-file', key, '--date', '2026-12-01', ...extra);
  assert.deepEqual([code, err], [0, []]);
  return [file(`quote-${extra.length}.json`, out.join('\n')), JSON.parse(out.join('\n'))];
}

describe('cpq quote with subscriptions', () => {
  it('quotes a ramp: every segment in the quote, verified', async () => {
    const [, quote] = await quoted('--ramp', ramp);
    assert.equal(quote.items[0]!.segments?.length, 3);
    assert.equal((await verifyQuote(quote, { catalog: collab, key: hmacKey, now: quote.created })).valid, true);
  });

  it('amends an accepted quote: the next version with what the change costs, or the change as a table', async () => {
    const [path, quote] = await quoted();
    const json = await cpq('quote', 'amend', path, '--catalog', catalog, '--date', '2027-06-01', '--config', more, '--key-file', key);
    assert.equal(json.code, 0);
    const revision = JSON.parse(json.out.join('\n')) as Quote;
    assert.deepEqual([revision.number, revision.version, revision.amendment?.date], [quote.number, 2, '2027-06-01']);
    assert.equal((await verifyQuote(revision, { catalog: collab, key: hmacKey, now: revision.created })).valid, true);
    // 20 more users at 12.50 and advanced security at 4.00 a month: 3,960.00 over the 12-month term, 183 of 365 days left.
    assert.equal(revision.amendment?.totals.net.amount, '1985.43');
    const table = await cpq('quote', 'amend', path, '--catalog', catalog, '--date', '2027-06-01', '--config', more, '--summary');
    assert.match(table.out.join('\n'), /^Users per month, changed: 40 for 500\.00 → 60 for 750\.00\n {2}183 of 365 days left of 3,000\.00 over the term +1,504\.11$/m);
    const outside = await cpq('quote', 'amend', path, '--catalog', catalog, '--date', '2028-06-01', '--config', more);
    assert.equal(outside.code, 1);
    assert.deepEqual(outside.err.slice(1), ['--date: 2028-06-01 is not inside the term (2026-12-01 to the day before 2027-12-01)']);
    const usage = await cpq('quote', 'amend', path, '--catalog', catalog, '--date', '2027-06-01', '--config', more, '--proration', 'week');
    assert.equal(usage.code, 2);
  });

  it('renews an accepted quote from the end of its term', async () => {
    const [path] = await quoted();
    const { code, out } = await cpq('quote', 'renew', path, '--catalog', catalog);
    assert.equal(code, 0);
    const next = JSON.parse(out.join('\n')) as Quote;
    assert.deepEqual([next.context.termStart, next.context.charges], ['2027-12-01', 'recurring']);
    assert.ok(next.items[0]!.price.lines.every((l) => l.charge === 'recurring'));
  });
});
