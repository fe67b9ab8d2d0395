// The files shipped beside the code: JSON Schemas, demo catalogs, the public models; and the README's commands.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../src/cli/run.js';
import { catalogJsonSchema, configurationJsonSchema, loadCatalog, loadConfiguration, quoteJsonSchema } from '../src/index.js';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('shipped JSON Schemas', () => {
  it('match the zod schemas (run `npm run schemas` after changing them)', () => {
    assert.deepEqual(JSON.parse(read('packages/engine/schema/catalog.schema.json')), catalogJsonSchema());
    assert.deepEqual(JSON.parse(read('packages/engine/schema/configuration.schema.json')), configurationJsonSchema());
    assert.deepEqual(JSON.parse(read('packages/engine/schema/quote.schema.json')), quoteJsonSchema());
  });
});

describe('demo catalogs in examples/catalogs', () => {
  const folder = new URL('examples/catalogs/', root);
  const catalogs = readdirSync(folder).filter((f) => f.endsWith('.json') && !f.endsWith('.config.json'));

  it('include the AV system and the software packages', () => {
    assert.ok(catalogs.includes('av-rooms.json'));
    assert.ok(catalogs.includes('collab-suite.json'));
  });

  for (const name of catalogs) {
    it(`${name} validates, points at the schema, and its example configuration fits`, () => {
      const text = readFileSync(new URL(name, folder), 'utf8');
      const catalog = loadCatalog(text);
      const $schema = JSON.parse(text).$schema as string;
      assert.ok(existsSync(new URL($schema, folder)), `$schema ${$schema} must exist`);
      assert.ok(catalog.locales?.includes('de'), 'demo catalogs are written in English and German');
      const configName = name.replace(/\.json$/, '.config.json');
      const configText = readFileSync(new URL(configName, folder), 'utf8');
      const configuration = loadConfiguration(configText, catalog);
      assert.equal(configuration.catalog?.id, catalog.id);
      assert.ok(existsSync(new URL(JSON.parse(configText).$schema as string, folder)));
    });
  }
});

describe('the repository stands on its own', () => {
  /** Every file the repository holds: git's list when this is a clone, else a walk of the tree. */
  function repositoryFiles(): string[] {
    const listed = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
    if (listed.status === 0) return listed.stdout.split('\0').filter(Boolean);
    const skip = new Set(['node_modules', '.git', 'build', 'dist', 'api']);
    const walk = (dir: string): string[] =>
      readdirSync(new URL(dir, root), { withFileTypes: true }).flatMap((entry) =>
        skip.has(entry.name) ? [] : entry.isDirectory() ? walk(`${dir}${entry.name}/`) : [`${dir}${entry.name}`],
      );
    return walk('');
  }

  it('no file refers to a folder beside the repository, which a clone does not have', () => {
    // Written in two parts so that this test does not find itself.
    const sibling = ['..', 'shared'].join('/');
    const referring = repositoryFiles().filter((path) => path !== 'package-lock.json' && existsSync(new URL(path, root)) && read(path).includes(sibling));
    assert.deepEqual(referring, []);
  });

  it('every model the tests and benchmarks read is in test/models and named in its README', () => {
    const readme = read('packages/engine/test/models/README.md');
    for (const folder of ['dimacs', 'uvl']) {
      for (const name of readdirSync(new URL(`packages/engine/test/models/${folder}/`, root))) {
        assert.ok(readme.includes(`\`${folder}/${name}\``), `${folder}/${name} has no line in the models README`);
      }
    }
  });

  it("every `npx cpq` command in the README runs as written from the repository root", async () => {
    const commands = read('README.md')
      .split('\n')
      .filter((line) => line.startsWith('npx cpq '))
      .map((line) => {
        const [command = '', comment] = line.split(/\s+#\s*/);
        // A shell redirection (`> file`) is the shell's business: the command is what comes before it.
        return { words: command.split(/\s+>\s*/)[0]!.trim().split(/\s+/).slice(2), expected: comment?.trim() };
      });
    assert.ok(commands.length >= 5, 'the README shows the cpq command');
    const out = mkdtempSync(join(tmpdir(), 'cpq-readme-'));
    const cwd = process.cwd();
    process.chdir(new URL(root).pathname);
    try {
      for (const { words, expected } of commands) {
        // A file the command writes goes to a temporary folder, not into the checkout.
        const args = words.map((word, i) => (words[i - 1] === '--out' ? join(out, word) : word));
        const lines: string[] = [];
        const errors: string[] = [];
        const code = await run(args, (line) => lines.push(line), (line) => errors.push(line));
        assert.equal(code, 0, `npx cpq ${words.join(' ')} failed: ${errors.join('\n')}`);
        if (expected !== undefined && /^\d+$/.test(expected)) assert.equal(lines.at(-1), expected, `npx cpq ${words.join(' ')}`);
      }
    } finally {
      process.chdir(cwd);
    }
  });
});
