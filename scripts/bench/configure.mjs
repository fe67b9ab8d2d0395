// The configuration engine on the public models with the `cpq bench` protocol
// (30 steps, seed 1), and the same steps answered by a SAT approach for comparison:
// MiniSat (logic-solver) asked once per value not yet witnessed by a model found.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { bench, loadModel } from '../../packages/engine/dist/cli/configure.js';
import { ConfigurationSession, loadSpace, saveSpace } from '../../packages/engine/dist/index.js';
import { report, summarise } from './lib.mjs';

const Logic = createRequire(import.meta.url)('logic-solver');
const models = 'packages/engine/test/models';

function satStepMs(text, compiled, assignments) {
  const variables = Number(/^p cnf (\d+)/m.exec(text)[1]);
  const solver = new Logic.Solver();
  let clause = [];
  for (const line of text.split('\n')) {
    if (/^\s*(c|p)\b/.test(line)) continue;
    for (const token of line.trim().split(/\s+/).filter(Boolean)) {
      const literal = Number(token);
      if (literal === 0) {
        solver.require(Logic.or(clause));
        clause = [];
      } else clause.push(literal > 0 ? `v${literal}` : Logic.not(`v${-literal}`));
    }
  }
  for (let v = 1; v <= variables; v++) solver.require(Logic.or(`v${v}`, Logic.not(`v${v}`)));
  const ids = compiled.product.attributes.map((a) => a.id);
  const assumed = [];
  const times = [];
  for (const [id, value] of assignments) {
    const v = ids.indexOf(id) + 1;
    assumed.push(value ? `v${v}` : Logic.not(`v${v}`));
    const started = performance.now();
    const seen = [new Uint8Array(variables + 1), new Uint8Array(variables + 1)];
    const witness = (s) => { for (let i = 1; i <= variables; i++) seen[s.evaluate(`v${i}`) ? 1 : 0][i] = 1; };
    const base = Logic.and(assumed);
    witness(solver.solveAssuming(base));
    for (let i = 1; i <= variables; i++) {
      for (const value of [1, 0]) {
        if (seen[value][i]) continue;
        const s = solver.solveAssuming(Logic.and(base, value ? `v${i}` : Logic.not(`v${i}`)));
        if (s) witness(s);
      }
    }
    times.push(performance.now() - started);
  }
  return times;
}

const percentile = (xs, q) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const results = {};
for (const [label, file] of [
  ['BerkeleyDB (dimacs)', 'dimacs/berkeleydb.dimacs'],
  ['axTLS (dimacs)', 'dimacs/axTLS.dimacs'],
  ['BusyBox (dimacs)', 'dimacs/busybox_2010-05-02_14-17-07.dimacs'],
  ['BusyBox (uvl)', 'uvl/busybox_2010-05-02_14-17-07.uvl'],
  ['embtoolkit (dimacs)', 'dimacs/embtoolkit.dimacs'],
]) {
  const path = `${models}/${file}`;
  const text = readFileSync(path, 'utf8');
  const model = await loadModel(path, text, undefined, undefined);
  const countStarted = performance.now();
  new ConfigurationSession(model.compiled).count();
  const countMs = performance.now() - countStarted;
  const figures = bench(model, 30, 1);
  const row = { compileMs: figures.compileMs, nodes: figures.spaceNodes, p50: figures.p50, p95: figures.p95, max: figures.max, countMs, rssMB: figures.rssMB };
  if (file.endsWith('.dimacs') && !file.includes('embtoolkit')) {
    const sat = satStepMs(text, model.compiled, figures.choices);
    row.satP95 = percentile(sat, 0.95);
    row.speedup = `${Math.round(row.satP95 / Math.max(figures.p95, 0.001))}x`;
  }
  results[label] = row;
}
report('configure', results);

// Precompiled spaces: the file a page would load instead of compiling, and the time to
// load it (strict JSON read, format and catalog-hash checks, diagram checks). The
// first load is cold (nothing compiled by the JIT yet); then 20 more. Explanations on
// the same model: every value left unavailable after the 30 bench steps, explained
// (the first builds the per-rule diagrams).
const loads = {};
for (const [label, file] of [
  ['BusyBox (dimacs)', 'dimacs/busybox_2010-05-02_14-17-07.dimacs'],
  ['BusyBox (uvl)', 'uvl/busybox_2010-05-02_14-17-07.uvl'],
]) {
  const path = `${models}/${file}`;
  const model = await loadModel(path, readFileSync(path, 'utf8'), undefined, undefined);
  const json = JSON.stringify(await saveSpace(model.compiled));
  const samples = [];
  for (let i = 0; i < 21; i++) {
    // A fresh copy of the catalog each time, so no hash is remembered between loads.
    const catalog = structuredClone(model.compiled.catalog);
    const started = performance.now();
    await loadSpace(catalog, json);
    samples.push(performance.now() - started);
  }
  const session = new ConfigurationSession(model.compiled);
  for (const [id, value] of bench(model, 30, 1).choices) session.select(id, value);
  const domains = session.domains();
  const explainMs = [];
  for (const attribute of model.compiled.product.attributes) {
    if (attribute.id in session.selections || domains[attribute.id].length !== 1) continue;
    const started = performance.now();
    session.explain({ attribute: attribute.id, value: !domains[attribute.id][0] });
    explainMs.push(performance.now() - started);
  }
  const warm = summarise(samples.slice(1));
  const explained = summarise(explainMs.slice(1));
  loads[label] = {
    spaceKB: json.length / 1024,
    gzipKB: gzipSync(json).length / 1024,
    firstLoadMs: samples[0],
    loadMedianMs: warm.median,
    loadP95Ms: warm.p95,
    explained: explainMs.length,
    firstExplainMs: explainMs[0],
    explainMedianMs: explained.median,
    explainP95Ms: explained.p95,
    explainMaxMs: explained.max,
  };
}
report('configure-precompiled', loads);
