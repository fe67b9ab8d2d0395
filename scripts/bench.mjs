// `npm run bench`: every benchmark in scripts/bench/ (each a module that measures and reports).
// Figures are measured, not asserted; the README records them with the machine.
import { readdirSync } from 'node:fs';
import { machine } from './bench/lib.mjs';

process.chdir(new URL('../', import.meta.url).pathname);
console.log(`# cpq-kit benchmarks\n\nMachine: ${machine}`);
const only = process.argv[2];
for (const file of readdirSync('scripts/bench').filter((f) => f.endsWith('.mjs') && f !== 'lib.mjs').sort()) {
  if (only && !file.startsWith(only)) continue;
  await import(`./bench/${file}`);
}
