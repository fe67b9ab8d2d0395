// `npm run bench`: how long the engine takes, measured (not asserted) on this machine.
// Run `npm run build` first. Prints a table and writes build/bench.json.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { loadCatalog } from '../packages/engine/dist/index.js';

function time(fn, { runs = 50, warmup = 5 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(runs / 2)], p95: samples[Math.floor(runs * 0.95)], runs };
}

/** A synthetic catalog the size of a large real product line: 1,000 attributes, 4,000 options, 500 rules. */
function largeCatalog() {
  const attributes = Array.from({ length: 1000 }, (_, i) =>
    i % 2 === 0
      ? { id: `a${i}`, kind: 'single', name: { en: `Attribute ${i}`, de: `Merkmal ${i}` }, options: Array.from({ length: 8 }, (_, j) => ({ id: `o${j}`, name: `Option ${j}` })) }
      : { id: `a${i}`, kind: 'boolean', name: { en: `Feature ${i}`, de: `Funktion ${i}` } },
  );
  const rules = Array.from({ length: 500 }, (_, i) => ({ id: `r${i}`, kind: 'requires', if: `a${(i * 2) % 1000}:o1`, then: { any: [`a${(i * 2 + 1) % 1000}`, `a${(i * 2 + 2) % 1000}:o2`] } }));
  return { id: 'large', version: '1', name: 'Large', defaultCurrency: 'EUR', defaultLocale: 'en', products: [{ id: 'p', name: 'P', attributes, rules }] };
}

const cases = {
  'loadCatalog av-rooms.json (text)': readFileSync('examples/catalogs/av-rooms.json', 'utf8'),
  'loadCatalog collab-suite.json (text)': readFileSync('examples/catalogs/collab-suite.json', 'utf8'),
  'loadCatalog synthetic 1,000 attributes (text)': JSON.stringify(largeCatalog()),
};
const results = {};
for (const [name, text] of Object.entries(cases)) {
  results[name] = { ...time(() => loadCatalog(text)), kB: Math.round(text.length / 1024) };
}
const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${os.platform()}`;
console.log(`Machine: ${machine}\n`);
console.log('| case | size | median | p95 |\n|---|---:|---:|---:|');
for (const [name, r] of Object.entries(results)) console.log(`| ${name} | ${r.kB} KB | ${r.median.toFixed(2)} ms | ${r.p95.toFixed(2)} ms |`);
mkdirSync('build', { recursive: true });
writeFileSync('build/bench.json', JSON.stringify({ machine, date: new Date().toISOString(), results }, null, 2));
