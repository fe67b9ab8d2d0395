// `node scripts/size-report.mjs [filter]`: what each embed bundle is made of. Builds the
// bundles of rollup.config.mjs in memory (after `tsc -b`; nothing is written), with source
// maps, and gives every byte of the minified output to the module it came from. A
// group's gzip share is its bytes compressed alone, scaled so the shares add up to the
// bundle's gzip -9: an estimate (gzip finds repeats across modules), good for ranking.
// `filter` keeps the bundles whose name contains it (e.g. `configurator`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { basename, dirname, relative, resolve } from 'node:path';
import { rollup } from 'rollup';
import { loadConfigFile } from 'rollup/loadConfigFile';

process.env.CPQ_SIZE_REPORT = '1'; // rollup.config.mjs: keep dist/cdn as it is
const filter = process.argv[2] ?? '';
const { options } = await loadConfigFile(new URL('../rollup.config.mjs', import.meta.url).pathname);

const B64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));
/** Source-map segments per generated line: [column, source index] pairs (the other fields are skipped). */
function segments(mappings) {
  let source = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    return line ? line.split(',').map((segment) => {
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = B64[char];
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) source += values[1];
      return [column, values.length > 1 ? source : -1];
    }) : [];
  });
}

/** A module's id -> the group it is counted in. */
function group(id) {
  const path = relative(process.cwd(), id).replaceAll('\\', '/');
  let m;
  if ((m = /node_modules\/(@lit\/reactive-element|lit-html|lit-element|lit)\//.exec(path))) return 'lit';
  if ((m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path))) return m[1];
  if ((m = /packages\/engine\/dist\/([^/]+)\/([^/]+)\.js$/.exec(path))) return `engine/${m[1]}/${m[2]}`;
  if ((m = /packages\/engine\/dist\/([^/]+)\.js$/.exec(path))) return `engine/${m[1]}`;
  if ((m = /packages\/components\/dist\/translations\/(.+)\.js$/.exec(path))) return `components/translations/${m[1]}`;
  if ((m = /packages\/components\/dist\/(.+)\.js$/.exec(path))) return `components/${m[1]}`;
  return path || '(rollup)';
}
/** The coarser area of a group: lit, zod, engine/price, components/configurator... */
function area(name) {
  if (/^components\/.*(\.styles|\/tokens|\/table-styles|\/style-properties)$/.test(name)) return 'components: styles';
  if (name.startsWith('components/translations/')) return `components: ${/\/en\//.test(name) ? 'English texts' : name.split('/')[2]}`;
  return name.startsWith('engine/') || name.startsWith('components/') ? name.split('/').slice(0, 2).join('/') : name;
}

/** Minified bytes per group in one output chunk (its map's sources are relative to `chunk.dir`). */
function attribute(chunk) {
  const sources = chunk.map.sources.map((s) => group(resolve(chunk.dir, dirname(chunk.fileName), s)));
  const lines = chunk.code.split('\n');
  const bytes = new Map();
  const add = (name, text) => bytes.set(name, (bytes.get(name) ?? '') + text);
  const maps = segments(chunk.map.mappings);
  lines.forEach((line, i) => {
    const segs = maps[i] ?? [];
    if (segs.length === 0 || segs[0][0] > 0) add('(rollup)', line.slice(0, segs[0]?.[0] ?? line.length));
    segs.forEach(([column, source], j) => {
      const end = segs[j + 1]?.[0] ?? line.length;
      add(source < 0 ? '(rollup)' : sources[source], line.slice(column, end));
    });
  });
  return bytes;
}

const kb = (n) => (n / 1024).toFixed(1);
const json = [];
/** Prints a bundle's makeup: bytes per area, then the largest groups. */
function report(name, chunks, top = 25) {
  const bytes = new Map();
  for (const chunk of chunks) for (const [g, text] of attribute(chunk)) bytes.set(g, (bytes.get(g) ?? '') + text);
  const total = chunks.reduce((n, c) => n + gzipSync(c.code, { level: 9 }).length, 0);
  const raw = chunks.reduce((n, c) => n + Buffer.byteLength(c.code), 0);
  const alone = new Map([...bytes].map(([g, text]) => [g, gzipSync(text, { level: 9 }).length]));
  const scale = total / [...alone.values()].reduce((a, b) => a + b, 0);
  const rows = [...bytes].map(([g, text]) => ({ g, raw: Buffer.byteLength(text), gzip: alone.get(g) * scale }));
  const areas = new Map();
  for (const row of rows) {
    const a = areas.get(area(row.g)) ?? { raw: 0, gzip: 0 };
    areas.set(area(row.g), { raw: a.raw + row.raw, gzip: a.gzip + row.gzip });
  }
  console.log(`\n## ${name}: ${kb(raw)} KB minified, ${kb(total)} KB gzip -9 (${chunks.length} file${chunks.length > 1 ? 's' : ''})`);
  if (top > 8) console.log('| area | minified KB | ~gzip KB |\n|---|---:|---:|');
  if (top > 8) for (const [a, v] of [...areas].sort((x, y) => y[1].gzip - x[1].gzip)) console.log(`| ${a} | ${kb(v.raw)} | ${kb(v.gzip)} |`);
  json.push({ bundle: name, minified: raw, gzip: total, modules: Object.fromEntries(rows.map((r) => [r.g, { minified: r.raw, gzip: Math.round(r.gzip) }])) });
  console.log('\nlargest modules (~gzip KB): ' + rows.sort((x, y) => y.gzip - x.gzip).slice(0, top).map((r) => `${r.g} ${kb(r.gzip)}`).join(', '));
}

/** The chunk and the chunks it imports statically, transitively. */
function closure(byName, chunk, seen = new Set()) {
  if (seen.has(chunk)) return seen;
  seen.add(chunk);
  for (const name of chunk.imports) if (byName.has(name)) closure(byName, byName.get(name), seen);
  return seen;
}

for (const config of options) {
  const outputs = config.output.filter((o) => !(o.dir ?? '').endsWith('/elements'));
  const names = [...outputs.map((o) => (o.file ? basename(o.file) : '')), ...Object.keys(typeof config.input === 'object' ? config.input : {})];
  if (outputs.length === 0 || !names.some((n) => n.includes(filter))) continue;
  const bundle = await rollup({ ...config, onLog: () => {} });
  for (const output of outputs) {
    const { output: files } = await bundle.generate({ ...output, sourcemap: 'hidden' });
    const dir = output.dir ?? dirname(output.file);
    const chunks = files.filter((f) => f.type === 'chunk').map((c) => Object.assign(c, { dir }));
    const byName = new Map(chunks.map((c) => [c.fileName, c]));
    for (const entry of chunks.filter((c) => c.isEntry)) {
      if (!entry.fileName.includes(filter)) continue;
      const loaded = closure(byName, entry);
      report(entry.fileName, [...loaded]);
      // What each on-demand chunk adds, named by its file.
      const lazy = chunks.filter((c) => !loaded.has(c) && !c.isEntry);
      for (const chunk of lazy) {
        const extra = [...closure(byName, chunk)].filter((c) => !loaded.has(c));
        if (chunk.isDynamicEntry) report(`${entry.fileName} on demand: ${chunk.fileName}`, extra, 8);
      }
    }
  }
  await bundle.close();
}
mkdirSync('build', { recursive: true });
writeFileSync('build/size-report.json', JSON.stringify(json, null, 1));
console.log('\n(build/size-report.json has every module of every bundle)');
