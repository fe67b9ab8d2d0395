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

  it('lists every command and says how to see one command\'s usage', async () => {
    const help = (await cpq('--help')).out.join('\n');
    for (const name of ['validate', 'price', 'quote create', 'quote verify', 'quote keygen', 'quote public-key', 'guidance', 'schema', 'count', 'domains', 'bench', 'compile']) {
      assert.match(help, new RegExp(`^  cpq ${name} `, 'm'), name);
    }
    assert.match(help, /cpq COMMAND --help \| cpq help COMMAND/);
    assert.match(help, /^Exit codes: 0 done; 1 a problem with the input/m);
  });
});

describe('cpq COMMAND --help', () => {
  const commands = [
    ['validate'],
    ['price'],
    ['quote'],
    ['quote', 'create'],
    ['quote', 'verify'],
    ['quote', 'keygen'],
    ['quote', 'public-key'],
    ['guidance'],
    ['schema'],
    ['count'],
    ['domains'],
    ['bench'],
    ['compile'],
  ];

  it('prints the command\'s own usage to stdout and exits 0, for --help, -h and cpq help COMMAND', async () => {
    for (const command of commands) {
      for (const asked of [[...command, '--help'], [...command, '-h'], ['help', ...command], [...command, 'x.json', '--nope', '--help']]) {
        const { code, out, err } = await cpq(...asked);
        const what = asked.join(' ');
        assert.equal(code, 0, what);
        assert.deepEqual(err, [], what);
        assert.match(out[0]!, new RegExp(`^Usage:\n  cpq ${command.join(' ')} `), what);
        assert.match(out[0]!, /\nExit codes: 0 done;/, what);
      }
    }
    // A subcommand's usage is its own; the quote command's lists them all.
    assert.doesNotMatch((await cpq('quote', 'keygen', '--help')).out[0]!, /quote create/);
    assert.match((await cpq('quote', '--help')).out[0]!, /cpq quote public-key --key-file K/);
    // A help word after `--` is a file name, not a request for help.
    assert.equal((await cpq('validate', '--', '--help')).err[0], 'cpq: --help: no such file');
  });

  it('refuses an unknown option with exit code 2 and the command\'s usage on stderr', async () => {
    for (const command of commands) {
      const { code, out, err } = await cpq(...command, '--nope');
      const what = command.join(' ');
      assert.equal(code, 2, what);
      assert.deepEqual(out, [], what);
      assert.equal(err[0], 'cpq: unknown option --nope\n', what);
      assert.match(err[1]!, new RegExp(`^Usage:\n  cpq ${what} `), what);
    }
  });

  it('says what is missing when a flag has no value', async () => {
    const path = file('flags.json', smallCatalog());
    assert.equal((await cpq('validate', path, '--max-length')).err[0], 'cpq: --max-length needs a value\n');
    assert.equal((await cpq('validate', path, '--config', '--max-length', '100')).err[0], 'cpq: --config needs a value (for one that starts with "-", write --config=VALUE)\n');
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

  it('names the flag and the text as typed when a whole-number flag is not one, exit 2', async () => {
    const cases: [string[], string][] = [
      [['--steps', '1.5'], '--steps: must be a whole number of 1 or more, found 1.5'],
      [['--steps', '9007199254740993'], '--steps: must be a whole number from 1 to 9007199254740991, found 9007199254740993'],
      [['--steps', '-2'], '--steps: must be a whole number of 1 or more, found -2'],
      [['--steps', 'abc'], '--steps: must be a whole number of 1 or more, found "abc"'],
      [['--seed', '0'], '--seed: must be a whole number of 1 or more, found 0'],
      [['--node-limit', '-.5'], '--node-limit: must be a whole number of 1 or more, found -.5'],
    ];
    for (const [flags, message] of cases) {
      const { code, out, err } = await cpq('bench', berkeley, ...flags);
      assert.equal(code, 2, flags.join(' '));
      assert.deepEqual(out, []);
      assert.equal(err[0], `cpq: ${message}\n`);
      assert.match(err[1]!, /^Usage:\n {2}cpq bench MODEL/);
    }
    assert.equal((await cpq('validate', berkeley, '--max-length', '0')).err[0], 'cpq: --max-length: must be a whole number of 1 or more, found 0\n');
  });

  it('runs the simulated user and prints the timing object', async () => {
    const result = JSON.parse((await cpq('bench', berkeley, '--steps', '5', '--seed', '3')).out.join('\n'));
    for (const key of ['compileMs', 'stepMs', 'p50', 'p95', 'max', 'rssMB']) assert.ok(key in result, key);
    assert.equal(result.stepMs.length, 5);
  });
});

describe('cpq guidance flags', () => {
  const deals = new URL('../../../examples/deals/deals.json', import.meta.url).pathname;
  const cell = ['--segment', 'smb', '--region', 'emea', '--family', 'collaboration'];

  it('names the flag each refused value came from, exit 1', async () => {
    const { code, out, err } = await cpq('guidance', deals, ...cell, '--list', '1500', '--net', '-1290', '--min-deals', '0.5', '--cost-ratio', '11');
    assert.equal(code, 1);
    assert.deepEqual(out, []);
    assert.deepEqual(err, [
      'The price guidance request has 3 problems:',
      '--net: "-1290" must be an amount written as text with at most 12 decimals, e.g. "129.00"',
      '--min-deals: expected a whole number, found the number 0.5',
      '--cost-ratio: must be at most 10, found 11',
    ]);
    assert.deepEqual((await cpq('guidance', deals, ...cell, '--min-deals', '9007199254740993')).err, [
      'The price guidance request has 1 problem:',
      '--min-deals: must be at most 9007199254740991, found 9007199254740993',
    ]);
  });

  it('prints errors as one JSON object with --json, with the exit code it has without', async () => {
    const refused = await cpq('guidance', deals, ...cell, '--min-deals', 'abc', '--json');
    assert.equal(refused.code, 1);
    assert.deepEqual(refused.out, []);
    assert.deepEqual(refused.err.map((line) => JSON.parse(line)), [
      { error: 'The price guidance request has 1 problem', issues: [{ path: '--min-deals', message: 'expected a number, found the text "abc"' }] },
    ]);
    const usage = await cpq('guidance', deals, '--segment', 'smb', '--json');
    assert.equal(usage.code, 2);
    assert.deepEqual(usage.out, []);
    assert.deepEqual(usage.err.map((line) => JSON.parse(line)), [{ error: 'guidance needs --segment, --region and --family', issues: [] }]);
  });
});
