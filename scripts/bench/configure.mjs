// The configuration engine on the public models with the `cpq bench` protocol
// (30 steps, seed 1), and the same steps answered by a SAT approach in the same run:
// MiniSat (logic-solver) asked once for a model and then once per value not yet
// witnessed by a model found. Each model runs in a process of its own
// (workers/configure-model.mjs), so its peak RSS is its own and, as with `cpq bench`,
// it starts with nothing compiled by the JIT.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { report } from './lib.mjs';

const worker = fileURLToPath(new URL('./workers/configure-model.mjs', import.meta.url));

/** The worker's figures for one model, or what stopped it. */
function measure(...args) {
  return new Promise((resolve) => {
    let figures = { error: 'the worker sent nothing' };
    const child = fork(worker, args.map(String));
    child.on('message', (message) => (figures = message));
    // `close` comes after the last message, `exit` may come before it.
    child.on('close', (code, signal) => resolve(code === 0 ? figures : { error: `the worker exited with ${signal ?? `code ${code}`}` }));
  });
}

// [label, file, SAT steps]: MiniSat on the DIMACS file's clauses, or for a UVL model on
// the engine's own CNF encoding of it.
const results = {};
for (const [label, file, satSteps = Infinity] of [
  ['BerkeleyDB (dimacs)', 'dimacs/berkeleydb.dimacs'],
  ['axTLS (dimacs)', 'dimacs/axTLS.dimacs'],
  ['BusyBox (dimacs)', 'dimacs/busybox_2010-05-02_14-17-07.dimacs'],
  ['BusyBox (uvl)', 'uvl/busybox_2010-05-02_14-17-07.uvl'],
  ['embtoolkit (dimacs)', 'dimacs/embtoolkit.dimacs'],
  ['uClinux-base (dimacs)', 'dimacs/uClinux-base.dimacs'],
  ['aki3068net (dimacs)', 'dimacs/aki3068net.dimacs'],
  ['at91sam7sek (dimacs)', 'dimacs/at91sam7sek.dimacs'],
  ['pati (dimacs)', 'dimacs/pati.dimacs'],
  ['vrc4373 (dimacs)', 'dimacs/vrc4373.dimacs'],
  ['financial services (uvl)', 'uvl/financialservices-2017-09-28.uvl'],
  // No SAT steps: MiniSat takes over 6 minutes a step here (14,010 features, 28,704
  // variables with the auxiliary ones, some 12,600 calls of 30 ms a step; measured 370 s
  // and 382 s for the first two), more than the whole run may take.
  ['automotive02_01 (uvl)', 'uvl/automotive02_01.uvl', 0],
]) {
  results[label] = await measure('session', file, satSteps);
}
report('configure', results);

// Precompiled spaces: the file a page would load instead of compiling (gzip -9), the
// first load (the loader not yet compiled by the JIT) and the median and p95 of more
// loads; explanations of the values left unavailable after the 30 bench steps. The
// large decision-DNNF products load in 0.1-0.3 s and explain a value in up to a second
// (automotive02_01): 5 loads and the first 20 values there.
const loads = {};
for (const [label, file, more, explanations] of [
  ['BusyBox (dimacs)', 'dimacs/busybox_2010-05-02_14-17-07.dimacs', 20, Infinity],
  ['BusyBox (uvl)', 'uvl/busybox_2010-05-02_14-17-07.uvl', 20, Infinity],
  ['aki3068net (dimacs)', 'dimacs/aki3068net.dimacs', 5, 20],
  ['financial services (uvl)', 'uvl/financialservices-2017-09-28.uvl', 5, 20],
  ['automotive02_01 (uvl)', 'uvl/automotive02_01.uvl', 5, 20],
]) {
  loads[label] = await measure('space', file, more, explanations);
}
report('configure-precompiled', loads);
