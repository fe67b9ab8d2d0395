// Shared by the benchmarks: timing with warm-up, and a report that prints a table and
// writes docs/bench/<name>.json with the machine it ran on.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';

export const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model?.trim() ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}`;

/** Runs `fn` `warmup` times, then `runs` times; returns median, p95 and max in milliseconds. */
export function time(fn, { runs = 50, warmup = 5 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return summarise(samples);
}

/** Median, p95 and max of samples in milliseconds. */
export function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1], runs: sorted.length };
}

/** Prints `results` (case name -> figures) as a Markdown table and writes them as JSON. */
export function report(name, results) {
  const columns = [...new Set(Object.values(results).flatMap((r) => Object.keys(r)))];
  const cell = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : String(v ?? ''));
  console.log(`\n## ${name}\n\n| case | ${columns.join(' | ')} |\n|---|${columns.map(() => '---:').join('|')}|`);
  for (const [label, r] of Object.entries(results)) console.log(`| ${label} | ${columns.map((c) => cell(r[c])).join(' | ')} |`);
  // Kept with the docs (committed), so the README's figures have their raw numbers beside them.
  mkdirSync('docs/bench', { recursive: true });
  writeFileSync(`docs/bench/${name}.json`, `${JSON.stringify({ machine, date: new Date().toISOString(), results }, null, 2)}\n`);
}
