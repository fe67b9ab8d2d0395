// The semver promise (docs/versioning.md) kept honest: every cpq-* event and its detail
// fields are in its table (and nothing else is), the format ids it names are the engine's,
// each package's changelog is at its version, and the changesets setup works: `version`
// run on a copy of the manifests bumps the three packages together.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { HANDOFF_FORMAT, QUOTE_FORMAT, QUOTE_FORMAT_V1, SHARE_FORMAT, SPACE_FORMAT_VERSION } from '@cpq-kit/engine';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const read = (path) => readFileSync(join(root, path), 'utf8');
const doc = read('docs/versioning.md');
const manifest = JSON.parse(read('package.json'));
const packages = manifest.workspaces.map((folder) => ({ folder, ...JSON.parse(read(`${folder}/package.json`)) }));

/** Each event class's name, detail fields and options, read from its source. */
function events() {
  const folder = 'packages/components/src/events';
  return readdirSync(join(root, folder))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => {
      const source = read(`${folder}/${file}`);
      const [, name, options] = /super\('(cpq-[a-z-]+)', (\{[^}]*\})\)/.exec(source) ?? [];
      assert.ok(name, `${file}: no cpq-* event name`);
      const detail = /export interface \w+Detail \{([\s\S]*?)\n\}/.exec(source)?.[1] ?? '';
      const fields = [...detail.matchAll(/^\s*readonly (\w+)\??:/gm)].map((m) => m[1]);
      const flag = (key) => new RegExp(`${key}: true`).test(options);
      return { file, name, fields, bubbles: flag('bubbles') && flag('composed'), cancelable: flag('cancelable') };
    });
}

/** The events table's rows: `| \`name\` | fired by | detail | bubbles, composed | cancelable |`. */
function documentedEvents() {
  return new Map(
    [...doc.matchAll(/^\s*\| `(cpq-[a-z-]+)` \|([^|]*)\|([^|]*)\|([^|]*)\|([^|]*)\|\s*$/gm)].map(([, name, , detail, bubbles, cancelable]) => [
      name,
      { fields: [...detail.matchAll(/`(\w+)`/g)].map((m) => m[1]), bubbles: bubbles.trim() === 'yes', cancelable: cancelable.trim() === 'yes' },
    ]),
  );
}

describe('docs/versioning.md', () => {
  it('lists every cpq-* event with its detail fields, bubbling and cancelling as the classes fire it', () => {
    const table = documentedEvents();
    const classes = events();
    assert.ok(classes.length >= 10);
    for (const event of classes) {
      const row = table.get(event.name);
      assert.ok(row, `${event.name} (${event.file}) is not in the events table`);
      assert.deepEqual([...row.fields].sort(), [...event.fields].sort(), `${event.name}: detail fields`);
      assert.equal(row.bubbles, event.bubbles, `${event.name}: bubbles and composed`);
      assert.equal(row.cancelable, event.cancelable, `${event.name}: cancelable`);
    }
    assert.deepEqual([...table.keys()].sort(), classes.map((e) => e.name).sort(), 'the table lists events that do not exist');
  });

  it('names the format ids the engine writes and reads', () => {
    for (const id of [QUOTE_FORMAT, QUOTE_FORMAT_V1, HANDOFF_FORMAT]) assert.ok(doc.includes(`\`${id}\``), `${id} is missing`);
    assert.ok(doc.includes(`\`#config=${SHARE_FORMAT}~…\``), `share link format ${SHARE_FORMAT} is missing`);
    assert.ok(doc.includes(`\`"version": ${SPACE_FORMAT_VERSION}\``), `space format ${SPACE_FORMAT_VERSION} is missing`);
  });

  it('says how the deprecated floorPercent is written now, as the engine does', () => {
    assert.match(doc, /"floorPercent": "80"` is `"maxDiscountPercent": "20"`/);
    assert.match(read('packages/engine/src/price/validate.ts'), /"floorPercent" is deprecated: .*write "maxDiscountPercent": "\$\{allowed\}" instead/);
  });
});

describe('changesets', () => {
  it('releases the three public packages together, at one version, each with a changelog at it', () => {
    const config = JSON.parse(read('.changeset/config.json'));
    const released = packages.filter((p) => !p.private).map((p) => p.name).sort();
    assert.deepEqual(released, ['@cpq-kit/components', '@cpq-kit/engine', '@cpq-kit/server']);
    assert.deepEqual([...config.fixed[0]].sort(), released);
    assert.equal(config.access, 'public');
    assert.equal(new Set(packages.map((p) => p.version)).size, 1, 'the packages are at different versions');
    for (const p of packages) {
      const changelog = read(`${p.folder}/CHANGELOG.md`);
      assert.ok(changelog.startsWith(`# ${p.name}\n`), `${p.folder}/CHANGELOG.md: its first line names the package`);
      assert.equal(/^## (\S+)$/m.exec(changelog)?.[1], p.version, `${p.folder}/CHANGELOG.md: the latest entry is not ${p.version}`);
    }
  });

  it('`npm run changeset -- version` works on this Node: on a copy, the pending changesets bump all three and their changelogs', () => {
    const copy = mkdtempSync(join(tmpdir(), 'cpq-changesets-'));
    try {
      for (const file of ['package.json', 'package-lock.json', 'scripts/changeset.mjs']) cpSync(join(root, file), join(copy, file));
      cpSync(join(root, '.changeset'), join(copy, '.changeset'), { recursive: true });
      for (const p of packages) for (const file of ['package.json', 'CHANGELOG.md']) cpSync(join(root, p.folder, file), join(copy, p.folder, file));
      symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
      const pending = readdirSync(join(copy, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
      // With none pending, one for the test: `version` does nothing without a changeset.
      if (pending.length === 0) writeFileSync(join(copy, '.changeset/test.md'), '---\n"@cpq-kit/engine": patch\n---\n\nA test change.\n');
      const output = execFileSync(process.execPath, ['scripts/changeset.mjs', 'version'], { cwd: copy, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      assert.doesNotMatch(output, /issues in your config/i, output);
      const bumped = packages.map((p) => JSON.parse(readFileSync(join(copy, p.folder, 'package.json'), 'utf8')));
      const [version] = new Set(bumped.map((p) => p.version));
      assert.equal(new Set(bumped.map((p) => p.version)).size, 1);
      assert.notEqual(version, packages[0].version);
      for (const [i, p] of bumped.entries()) {
        // The exact pins on the engine follow it.
        if (p.dependencies?.['@cpq-kit/engine']) assert.equal(p.dependencies['@cpq-kit/engine'], version, `${p.name} pins the engine`);
        const changelog = readFileSync(join(copy, packages[i].folder, 'CHANGELOG.md'), 'utf8');
        assert.equal(/^## (\S+)$/m.exec(changelog)?.[1], version, `${p.name}: the new entry comes first`);
        assert.ok(changelog.includes(`## ${packages[i].version}\n`), `${p.name}: the earlier entries stay`);
      }
      assert.deepEqual(readdirSync(join(copy, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md'), [], 'the changesets are used up');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
