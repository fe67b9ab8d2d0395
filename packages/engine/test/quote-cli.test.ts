// `cpq quote create | verify | keygen | public-key`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { catalogHash, readQuoteKey, type Quote } from '../src/index.js';
import { cliHarness } from './fixtures.js';
import { av, hmacKey, read } from './quote-fixtures.js';

const { dir, file, cpq } = cliHarness('cpq-quote-');
const catalog = file('av-rooms.json', read('examples/catalogs/av-rooms.json'));
const config = file('room.json', read('examples/catalogs/av-rooms.config.json'));
const key = file('key.json', hmacKey);

async function created(...extra: string[]): Promise<Quote> {
  const { code, out, err } = await cpq('quote', 'create', catalog, '--config', config, '--key-file', key, '--date', '2026-11-20', ...extra);
  assert.deepEqual(err, []);
  assert.equal(code, 0);
  return JSON.parse(out.join('\n'));
}

describe('cpq quote create', () => {
  it('prints a signed quote for the configurations, valid for 30 days by default', async () => {
    const quote = await created('--quantity', '2', '--number', 'Q-CLI-1');
    assert.equal(quote.number, 'Q-CLI-1');
    assert.equal(quote.items[0]!.quantity, 2);
    assert.equal(quote.context.date, '2026-11-20');
    assert.equal(quote.catalog.hash, await catalogHash(av));
    assert.deepEqual({ alg: quote.signature!.alg, kid: quote.signature!.kid }, { alg: 'HS256', kid: 'vendor-2026' });
    const days = (Date.parse(`${quote.validUntil}T00:00:00Z`) - Date.parse(`${quote.created.slice(0, 10)}T00:00:00Z`)) / 86_400_000;
    assert.equal(days, 30);
  });

  it('takes several configurations, a context file and --valid-days; without a key the quote is unsigned', async () => {
    const context = file('context.json', { partner: 'northwind', orderDiscount: { percent: '2' } });
    const { code, out } = await cpq('quote', 'create', catalog, '--config', config, '--config', config, '--context', context, '--valid-days', '7', '--date', '2026-11-20');
    assert.equal(code, 0);
    const quote = JSON.parse(out.join('\n')) as Quote;
    assert.equal(quote.signature, undefined);
    assert.equal(quote.items.length, 2);
    assert.equal(quote.partner, 'northwind');
    assert.deepEqual(quote.context.orderDiscount, { percent: '2' });
  });

  it('reports bad input with the file and path, and usage mistakes with exit code 2', async () => {
    const bad = file('bad-room.json', { product: 'meeting-room', selections: { display: 'd99' } });
    assert.deepEqual(await cpq('quote', 'create', catalog, '--config', bad), { code: 1, out: [], err: [`${bad}: The configuration has 1 problem:`, 'selections.display: unknown option "d99" of "display" (did you mean "d98"?)'] });
    const shortKey = file('short.json', { kty: 'oct', k: 'c2hvcnQ' });
    assert.deepEqual((await cpq('quote', 'create', catalog, '--config', config, '--key-file', shortKey)).err, [`${shortKey}: The key has 1 problem:`, 'k: an HMAC-SHA-256 key needs at least 32 bytes (256 bits); this one has 5']);
    const dup = file('dup-context.json', '{"segment":"smb","segment":"enterprise"}');
    const dupped = await cpq('quote', 'create', catalog, '--config', config, '--context', dup);
    assert.equal(dupped.code, 1);
    assert.match(dupped.err[1]!, /segment: the key "segment" appears twice/);
    const early = await cpq('quote', 'create', catalog, '--config', config, '--date', '2026-01-01');
    assert.deepEqual(early.err[1], '--date: no price book in EUR is valid on 2026-01-01 ("list-eur" is valid from 2026-11-01; "enterprise-eur" is valid from 2026-11-01; "partner-northwind-eur" is valid from 2026-11-01)');
    assert.equal((await cpq('quote', 'create', catalog)).code, 2);
    assert.equal((await cpq('quote', 'create', catalog, '--config', config, '--valid-days', '0')).code, 2);
    assert.equal((await cpq('quote', 'sign')).code, 2);
    assert.deepEqual((await cpq('quote', 'create', join(dir, 'nope.json'), '--config', config)).err, [`cpq: ${join(dir, 'nope.json')}: no such file`]);
  });
});

describe('cpq quote create flags', () => {
  it('names the flag of a refused --quantity once, however many configurations (exit 1)', async () => {
    const cases: [string, string][] = [
      ['1.5', 'expected a whole number, found the number 1.5'],
      ['9007199254740993', 'must be at most 9007199254740991, found 9007199254740993'],
      ['-2', 'must be at least 1, found -2'],
      ['abc', 'expected a number, found the text "abc"'],
    ];
    for (const [quantity, message] of cases) {
      const result = await cpq('quote', 'create', catalog, '--config', config, '--config', config, '--quantity', quantity);
      assert.deepEqual(result, { code: 1, out: [], err: ['The quote request has 1 problem:', `--quantity: ${message}`] }, quantity);
    }
  });

  it('refuses a --valid-days it cannot use as a usage mistake (exit 2), with the text as typed', async () => {
    const cases: [string, string][] = [
      ['0', '0'],
      ['-2', '-2'],
      ['1.5', '1.5'],
      ['abc', '"abc"'],
      ['9007199254740993', '9007199254740993'],
    ];
    for (const [days, found] of cases) {
      const { code, out, err } = await cpq('quote', 'create', catalog, '--config', config, '--valid-days', days);
      assert.equal(code, 2, days);
      assert.deepEqual(out, []);
      assert.equal(err[0], `cpq: --valid-days: must be a whole number from 1 to 36500, found ${found}\n`);
      assert.match(err[1]!, /^Usage:\n {2}cpq quote create CATALOG\.json/);
    }
  });
});

describe('cpq quote verify', () => {
  it('exits 0 for a genuine quote, and 1 with every reason on its own line for a tampered one', async () => {
    const quote = await created();
    const good = file('good.json', quote);
    const ok = await cpq('quote', 'verify', good, '--catalog', catalog, '--key-file', key);
    assert.equal(ok.code, 0);
    // 25,420.00 + VAT 4,829.80 + 2,156.40 support over 36 months + VAT 409.72.
    assert.match(ok.out[0]!, new RegExp(`^${good}: valid quote ${quote.number} version 1, grand total 32815.92 EUR, valid until ${quote.validUntil}$`));

    quote.items[0]!.price.lines[1]!.net.amount = '1.00';
    const bad = file('bad.json', quote);
    const result = await cpq('quote', 'verify', bad, '--catalog', catalog, '--key-file', key);
    assert.equal(result.code, 1);
    assert.deepEqual(result.out, []);
    assert.deepEqual(result.err, [
      `${bad}: not a valid quote (2 reasons):`,
      'signature: the signature does not match: the quote was changed after it was signed, or signed with another key',
      'items[0].price.lines[1].net (meeting-room/display:d86): expected 4490.00 EUR, found 1.00 EUR',
    ]);
    const expired = await cpq('quote', 'verify', good, '--catalog', catalog, '--key-file', key, '--now', '2099-01-01T00:00:00Z');
    assert.deepEqual(expired.err.slice(1), [`the quote expired after ${quote.validUntil} (today is 2099-01-01 UTC)`]);
  });

  it('runs as a process: exit codes and streams', async () => {
    const quote = await created();
    const main = new URL('../src/cli/main.ts', import.meta.url).pathname;
    const spawn = (path: string) => spawnSync(process.execPath, ['--import', 'tsx', main, 'quote', 'verify', path, '--catalog', catalog, '--key-file', key], { encoding: 'utf8' });
    const good = spawn(file('process-good.json', quote));
    assert.equal(good.status, 0, good.stderr);
    quote.currency = 'USD';
    const bad = spawn(file('process-bad.json', quote));
    assert.equal(bad.status, 1);
    assert.deepEqual(bad.stderr.trim().split('\n').slice(1), ['signature: the signature does not match: the quote was changed after it was signed, or signed with another key', 'currency: expected EUR, found USD']);
  });
});

describe('cpq quote keygen and public-key', () => {
  it('makes keys that sign and verify, and gives resellers the public half only', async () => {
    const hmac = readQuoteKey((await cpq('quote', 'keygen', '--kid', 'k1')).out.join('\n'));
    assert.equal(hmac.kty, 'oct');
    assert.equal(hmac.kid, 'k1');
    const pair = file('ed.json', (await cpq('quote', 'keygen', '--alg', 'Ed25519')).out.join('\n'));
    const { out } = await cpq('quote', 'public-key', '--key-file', pair);
    const publicKey = JSON.parse(out.join('\n'));
    assert.equal(publicKey.d, undefined);
    const pub = file('ed-public.json', publicKey);
    const quote = file('ed-quote.json', (await cpq('quote', 'create', catalog, '--config', config, '--key-file', pair, '--date', '2026-11-20')).out.join('\n'));
    assert.equal((await cpq('quote', 'verify', quote, '--catalog', catalog, '--key-file', pub)).code, 0);
    // A public key cannot sign; an HMAC key has no public half.
    assert.match((await cpq('quote', 'create', catalog, '--config', config, '--key-file', pub)).err.join('\n'), /this is a public key/);
    assert.match((await cpq('quote', 'public-key', '--key-file', key)).err.join('\n'), /no public part/);
    assert.equal((await cpq('quote', 'keygen', '--alg', 'RS256')).code, 2);
  });
});
