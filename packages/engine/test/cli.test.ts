import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { catalogJsonSchema } from '../src/index.js';
import { cliHarness, smallCatalog } from './fixtures.js';

const { dir, file, cpq } = cliHarness('cpq-cli-');

describe('cpq validate', () => {
  it('prints a one-line summary and exits 0 for a valid catalog', async () => {
    const path = file('ok.json', smallCatalog());
    const { code, out, err } = await cpq('validate', path);
    assert.equal(code, 0);
    assert.deepEqual(out, [`${path}: valid catalog "room-kit" 1.0.0: 1 product, 6 attributes, 10 options, 8 rules`]);
    assert.deepEqual(err, []);
  });

  it('prints every problem, one per line, and exits 1', async () => {
    const bad = smallCatalog();
    bad.products[0].rules[0].then = 'mount:wal';
    bad.products[0].attributes[2].min = 3;
    bad.products[0].attributes[2].max = 1;
    const path = file('bad.json', bad);
    const { code, out, err } = await cpq('validate', path);
    assert.equal(code, 1);
    assert.deepEqual(out, []);
    assert.deepEqual(err, [
      `${path}: The catalog has 2 problems:`,
      'products[0].attributes[2].min: min 3 is greater than max 1',
      'products[0].rules[0].then: unknown option "mount:wal" (did you mean "mount:wall"?)',
    ]);
  });

  it('checks configurations against the catalog', async () => {
    const catalog = file('c.json', smallCatalog());
    const good = file('good.config.json', { product: 'room', selections: { mics: 2 } });
    const bad = file('bad.config.json', { product: 'room', selections: { mics: 20 } });
    const result = await cpq('validate', catalog, '--config', good, '--config', bad);
    assert.equal(result.code, 1);
    assert.equal(result.out[1], `${good}: valid configuration of "room" (1 selections)`);
    assert.deepEqual(result.err, [`${bad}: The configuration has 1 problem:`, 'selections.mics: quantity 20 is outside 0..8']);
  });

  it('honours --max-length', async () => {
    const path = file('ok2.json', smallCatalog());
    const { code, err } = await cpq('validate', path, '--max-length', '100');
    assert.equal(code, 1);
    assert.match(err[1]!, /characters long; the limit is 100 \(raise maxLength to accept it\)$/);
  });

  it('says clearly when a file is missing or the usage is wrong', async () => {
    assert.deepEqual((await cpq('validate', join(dir, 'nope.json'))).err, [`cpq: ${join(dir, 'nope.json')}: no such file`]);
    const usage = await cpq('validate');
    assert.equal(usage.code, 2);
    assert.equal(usage.err[0], 'cpq: validate takes one catalog file\n');
    assert.equal((await cpq('frobnicate')).code, 2);
    assert.equal((await cpq('validate', 'x.json', '--nope')).code, 2);
  });
});

describe('cpq schema and help', () => {
  it('prints the catalog JSON Schema', async () => {
    const { code, out } = await cpq('schema');
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out.join('\n')), catalogJsonSchema());
  });

  it('prints help', async () => {
    const { code, out } = await cpq('--help');
    assert.equal(code, 0);
    assert.match(out[0]!, /cpq validate CATALOG\.json/);
  });
});

describe('the cpq program', () => {
  it('runs as a process with exit codes and streams', async () => {
    const main = new URL('../src/cli/main.ts', import.meta.url).pathname;
    const ok = execFileSync(process.execPath, ['--import', 'tsx', main, 'validate', file('p.json', smallCatalog())], { encoding: 'utf8' });
    assert.match(ok, /valid catalog "room-kit"/);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', main, 'validate', file('q.json', '{')], { encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /not valid JSON: /);
  });
});

describe('cpq count, domains and bench', () => {
  const berkeley = new URL('./models/dimacs/berkeleydb.dimacs', import.meta.url).pathname;
  const berkeleyUvl = new URL('./models/uvl/berkeleydb.uvl', import.meta.url).pathname;

  it('prints the exact count as the last line, for DIMACS, UVL and catalogs', async () => {
    assert.equal((await cpq('count', berkeley)).out.at(-1), '4080389785');
    assert.equal((await cpq('count', berkeleyUvl)).out.at(-1), '4080389785');
    const catalog = file('count.json', smallCatalog());
    const counted = BigInt((await cpq('count', catalog)).out.at(-1)!);
    assert.equal(BigInt((await cpq('count', catalog, '--assign', 'panel=true')).out.at(-1)!) + BigInt((await cpq('count', catalog, '--assign', 'panel=false')).out.at(-1)!), counted);
  });

  it('prints every feature with its possible values as one JSON object', async () => {
    const all = JSON.parse((await cpq('domains', berkeley)).out.join('\n'));
    assert.equal(Object.keys(all).length, 76);
    assert.deepEqual(all['featureIO'], [true, false]);
    const assigned = JSON.parse((await cpq('domains', berkeley, '--assign', 'featureIO=true')).out.join('\n'));
    assert.deepEqual(assigned['featureIO'], [true]);
    assert.deepEqual(assigned['featureNIO'], [false]); // IO and NIO are alternatives
    const assignment = file('assignment.json', { featureIO: true });
    assert.deepEqual(JSON.parse((await cpq('domains', berkeley, '--assignment', assignment)).out.join('\n')), assigned);
    const catalog = JSON.parse((await cpq('domains', file('d.json', smallCatalog()), '--assign', 'display=d86')).out.join('\n'));
    assert.deepEqual(catalog['mount'], ['wall']);
  });

  it('refuses an impossible assignment or an unknown feature with a clear message', async () => {
    const impossible = await cpq('domains', berkeley, '--assign', 'featureIO=true,featureNIO=true');
    assert.equal(impossible.code, 1);
    assert.match(impossible.err[0]!, /featureNIO = true is not available with the current selections/);
    assert.match((await cpq('count', berkeley, '--assign', 'nope=true')).err[0]!, /unknown attribute or feature "nope"/);
  });

  it('runs the simulated user and prints the timing object', async () => {
    const result = JSON.parse((await cpq('bench', berkeley, '--steps', '5', '--seed', '3')).out.join('\n'));
    for (const key of ['compileMs', 'stepMs', 'p50', 'p95', 'max', 'rssMB']) assert.ok(key in result, key);
    assert.equal(result.stepMs.length, 5);
  });
});
