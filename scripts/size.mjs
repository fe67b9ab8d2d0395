// `npm run size`: the gzip size of what a reseller page loads (run `npm run build` first).
// For an element's entry point that is the entry plus every chunk it imports.
// `--check` (in `npm test`): also compares them with the budgets in scripts/size-budgets.json,
// and exits with 1 when a script is over its budget (or, where the budget is not met yet,
// over its ceiling). `node scripts/size-report.mjs` says what each script is made of.
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const cdn = 'packages/components/dist/cdn';
if (!existsSync(`${cdn}/cpq-kit.js`)) {
  console.error('No bundles found: run `npm run build` first.');
  process.exit(1);
}

/** The file and every file it imports statically, transitively. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(/(?:import|export)\s*(?:[^'"]*?from\s*)?["'](\.[^"']+)["']/g)) {
    closure(join(dirname(file), spec), seen);
  }
  return seen;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const measure = (files) => {
  const code = [...files].map((f) => readFileSync(f)).reduce((a, b) => Buffer.concat([a, b]), Buffer.alloc(0));
  return { raw: code.length, gzip: [...files].reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0) };
};

/** Chunks a file's code imports on demand (`import('./x.js')`): the texts of other languages, the catalog checks. */
const onDemand = (files) =>
  new Set([...files].flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/import\(\s*["'](\.[^"']+)["']\s*\)/g)].map(([, spec]) => join(dirname(f), spec))).filter((f) => !files.has(f)));

/** A row per script: its entry with every chunk it imports, and what it may load on demand. */
function element(dir, entry, label) {
  const files = closure(join(dir, entry));
  // What each on-demand chunk adds beyond what the element has loaded already.
  const lazy = [...onDemand(files)].map((f) => `${basename(f).replace(/-[\w-]{8}\.js$/, '')} ${kb(measure([...closure(f)].filter((g) => !files.has(g))).gzip)}`);
  return { name: `${label} (+${files.size - 1} chunks)`, file: relative(cdn, join(dir, entry)), ...measure(files), onDemand: lazy.join(', ') };
}
const rows = [
  element(cdn, 'cpq-kit.js', 'cpq-kit.js (all-in-one embed)'),
  element(cdn, 'engine.js', "engine.js (the engine's functions for a page's script, beside cpq-kit.js)"),
  { name: 'autoload.js (loads elements/<tag>.js when a tag appears)', file: 'autoload.js', ...measure([`${cdn}/autoload.js`]) },
];
const tags = readdirSync(`${cdn}/elements`).filter((f) => f.endsWith('.js') && f !== 'compile-worker.js');
// One element alone on a page: its standalone script (built without the other elements).
for (const entry of tags) rows.push(element(cdn, entry, entry));
// Several elements on a page: autoload fetches each one's entry; they share chunks.
for (const entry of tags) rows.push(element(`${cdn}/elements`, entry, `elements/${entry}`));
// Loaded only when the configurator compiles a large product off the main thread.
rows.push({ name: 'compile-worker.js (only for large products)', file: 'compile-worker.js', ...measure([`${cdn}/compile-worker.js`]) });
console.log(`| bundle | minified | gzip -9 | loaded on demand (gzip -9) |\n|---|---:|---:|---|`);
for (const row of rows) console.log(`| ${row.name} | ${kb(row.raw)} | ${kb(row.gzip)} | ${row.onDemand ?? ''} |`);
mkdirSync('build', { recursive: true });
writeFileSync('build/size.json', JSON.stringify(rows, null, 2));
console.log(`\n(${relative(process.cwd(), 'build/size.json')} has the figures as JSON)`);

if (process.argv.includes('--check')) {
  const { budgets } = JSON.parse(readFileSync(new URL('./size-budgets.json', import.meta.url), 'utf8'));
  const over = [];
  console.log(`\n| script | gzip -9 | budget | enforced | |\n|---|---:|---:|---:|---|`);
  for (const { file, budget, ceiling } of budgets) {
    const row = rows.find((r) => r.file === file);
    if (!row) {
      over.push(`${file}: not built`);
      continue;
    }
    const limit = ceiling ?? budget;
    const size = row.gzip / 1024;
    const verdict =
      size > limit
        ? `over by ${(size - limit).toFixed(1)} KB`
        : ceiling === undefined
          ? `met, ${(budget - size).toFixed(1)} KB to spare`
          : size <= budget
            ? 'budget met: drop its ceiling'
            : `budget not met (${(size - budget).toFixed(1)} KB over it); within the ceiling`;
    console.log(`| ${file} | ${size.toFixed(1)} KB | ${budget} KB | ${limit} KB | ${verdict} |`);
    if (size > limit) over.push(`${file}: ${size.toFixed(1)} KB, over its ${ceiling === undefined ? 'budget' : 'ceiling'} of ${limit} KB`);
  }
  if (over.length > 0) {
    console.error(`\nOver the size budgets (scripts/size-budgets.json; \`node scripts/size-report.mjs <script>\` says what is in a script):\n  ${over.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    const unmet = budgets.filter(({ file, budget }) => rows.find((r) => r.file === file).gzip / 1024 > budget).map((b) => b.file);
    console.log(`\nEvery script within what scripts/size-budgets.json enforces; ${unmet.length === 0 ? 'every budget met' : `budget not met yet (held at its ceiling): ${unmet.join(', ')}`}.`);
  }
}
