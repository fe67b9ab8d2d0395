// The `cpq` bin: everything testable lives in run.ts.
import { run } from './run.js';

process.exitCode = run(
  process.argv.slice(2),
  (line) => process.stdout.write(`${line}\n`),
  (line) => process.stderr.write(`${line}\n`),
);
