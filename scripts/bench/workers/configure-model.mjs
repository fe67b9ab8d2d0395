// One model of configure.mjs, measured in a process of its own: its peak RSS is then its
// own, and no model runs on the heap or the JIT state another one left (as on a page).
// Not a benchmark by itself: scripts/bench.mjs runs only the modules directly in
// scripts/bench/. Forked with the working directory at the repository's root:
//   configure-model.mjs session <model file> <SAT steps>   the 30 bench steps, then MiniSat on them
//   configure-model.mjs space <model file> <loads> <explanations>   the precompiled space
// and sends its figures to the parent.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { bench, loadModel } from '../../../packages/engine/dist/cli/configure.js';
import { toCnf } from '../../../packages/engine/dist/configure/cnf.js';
import { conjuncts } from '../../../packages/engine/dist/configure/encode.js';
import { interactionOrder, supportOf } from '../../../packages/engine/dist/configure/order.js';
import { ConfigurationSession, loadSpace, saveSpace } from '../../../packages/engine/dist/index.js';
import { summarise } from '../lib.mjs';

const Logic = createRequire(import.meta.url)('logic-solver');
const [task, file, ...counts] = process.argv.slice(2);
const path = `packages/engine/test/models/${file}`;
const text = readFileSync(path, 'utf8');
let model;
try {
  // The `auto` form, as `cpq bench` compiles; a model that would hold up the run for more
  // than 2 minutes fails with a CompileError instead.
  model = await loadModel(path, text, undefined, { timeLimit: 120_000 });
  process.send(task === 'session' ? session(Number(counts[0])) : await space(Number(counts[0]), Number(counts[1])));
} catch (error) {
  // Said in the model's row (on one line, a table cell), and the other models still run.
  process.send({ error: error.message.replace(/\s*\n\s*/g, '; ') });
}

function session(satSteps) {
  const countStarted = performance.now();
  new ConfigurationSession(model.compiled).count();
  const countMs = performance.now() - countStarted;
  const figures = bench(model, 30, 1);
  const row = {
    form: figures.form,
    compileMs: figures.compileMs,
    nodes: figures.spaceNodes,
    steps: figures.stepMs.length,
    p50: figures.p50,
    p95: figures.p95,
    max: figures.max,
    countMs,
    // This process's peak (maxRSS is in kilobytes): reading, compiling, counting and the
    // steps. MiniSat has not run yet.
    rssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  const choices = figures.choices.slice(0, satSteps);
  row.satSteps = choices.length;
  if (choices.length === 0) return row;
  const sat = summarise(file.endsWith('.dimacs') ? dimacsSat(choices) : encodingSat(choices));
  return { ...row, satP50: sat.median, satP95: sat.p95, speedup: `${Math.round(sat.p95 / Math.max(figures.p95, 0.001))}x` };
}

/** MiniSat on the DIMACS file's own clauses: attribute i is the file's variable i + 1. */
function dimacsSat(choices) {
  const variables = Number(/^p cnf (\d+)/m.exec(text)[1]);
  const clauses = [];
  let clause = [];
  for (const line of text.split('\n')) {
    if (/^\s*(c|p)\b/.test(line)) continue;
    for (const token of line.trim().split(/\s+/).filter(Boolean)) {
      const literal = Number(token);
      if (literal === 0) {
        clauses.push(clause);
        clause = [];
      } else clause.push(literal);
    }
  }
  const index = new Map(model.compiled.product.attributes.map((a, i) => [a.id, i]));
  return satStepMs(clauses, variables, variables, choices.map(([id, value]) => (value ? 1 : -1) * (index.get(id) + 1)));
}

/**
 * MiniSat on the clauses of the engine's own CNF encoding (a UVL model has no clauses of
 * its own), made as compile() makes them: the variable order only shapes the auxiliary
 * variables. The encoding's variables come first (cnf.original of them) and are the
 * ones asked about; the auxiliary ones are defined by the clauses.
 */
function encodingSat(choices) {
  const { encoding, product } = model.compiled;
  if (product.attributes.some((a) => a.kind !== 'boolean')) throw new Error(`${file}: the SAT comparison takes boolean attributes only (a feature model)`);
  const supports = encoding.constraints.flatMap((c) => conjuncts(c.formula)).map((formula) => supportOf(formula));
  const cnf = toCnf(encoding, interactionOrder(encoding.variables.length, supports));
  // Literal 2·v is "v is true", 2·v + 1 "v is false": DIMACS ±(v + 1).
  const dimacs = (literal) => (literal & 1 ? -1 : 1) * ((literal >> 1) + 1);
  const clauses = [];
  for (let i = 0; i + 1 < cnf.start.length; i++) clauses.push(Array.from(cnf.literals.subarray(cnf.start[i], cnf.start[i + 1]), dimacs));
  const index = new Map(product.attributes.map((a, i) => [a.id, i]));
  // A boolean attribute has one variable: true or false.
  return satStepMs(clauses, cnf.variables, cnf.original, choices.map(([id, value]) => (value ? 1 : -1) * (encoding.attributeVariables[index.get(id)][0] + 1)));
}

/**
 * Per step, the time MiniSat (logic-solver) takes to answer what the engine answers: under
 * the choices so far, once for a model, then once per value of variables 1..`witnessed`
 * that no model found so far has shown. `clauses` and `choices` are DIMACS literals.
 */
function satStepMs(clauses, variables, witnessed, choices) {
  const term = (literal) => (literal > 0 ? `v${literal}` : Logic.not(`v${-literal}`));
  const required = clauses.map((clause) => Logic.or(clause.map(term)));
  // Every variable known to the solver, also one in no clause, so that a model gives it a value.
  for (let v = 1; v <= variables; v++) required.push(Logic.or(`v${v}`, Logic.not(`v${v}`)));
  const assumed = [];
  const times = [];
  for (const choice of choices) {
    assumed.push(term(choice));
    // A new solver per step, its clauses loaded (first solve) before the clock starts:
    // logic-solver keeps every query's assumption variables and clauses, so one solver
    // for all 30 steps slows down ~8x by the last (BusyBox: 0.4 s a step, then 3.6 s),
    // which is its bookkeeping, not the approach.
    const solver = new Logic.Solver();
    solver.require(required);
    solver.solve();
    const started = performance.now();
    const seen = [new Uint8Array(witnessed + 1), new Uint8Array(witnessed + 1)];
    const witness = (s) => {
      for (let i = 1; i <= witnessed; i++) seen[s.evaluate(`v${i}`) ? 1 : 0][i] = 1;
    };
    const base = Logic.and(assumed);
    witness(solver.solveAssuming(base));
    for (let i = 1; i <= witnessed; i++) {
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

/**
 * The precompiled space: the file a page would load instead of compiling, and the time to
 * load it (strict JSON read, format and catalog-hash checks, diagram checks), the first
 * load then `loads` more. Explanations: the values left unavailable after the 30 bench
 * steps, the first `explanations` of them explained (the first builds the per-rule diagrams).
 */
async function space(loads, explanations) {
  const json = JSON.stringify(await saveSpace(model.compiled));
  const samples = [];
  for (let i = 0; i <= loads; i++) {
    // A fresh copy of the catalog each time, so no hash is remembered between loads.
    const catalog = structuredClone(model.compiled.catalog);
    const started = performance.now();
    await loadSpace(catalog, json);
    samples.push(performance.now() - started);
  }
  const session = new ConfigurationSession(model.compiled);
  for (const [id, value] of bench(model, 30, 1).choices) session.select(id, value);
  const domains = session.domains();
  // Feature models: every attribute is boolean, so the unavailable value is the other one.
  const unavailable = model.compiled.product.attributes.filter((a) => !(a.id in session.selections) && domains[a.id].length === 1);
  const explainMs = [];
  for (const attribute of unavailable.slice(0, explanations)) {
    const started = performance.now();
    session.explain({ attribute: attribute.id, value: !domains[attribute.id][0] });
    explainMs.push(performance.now() - started);
  }
  const warm = summarise(samples.slice(1));
  const explained = summarise(explainMs.slice(1));
  return {
    form: model.compiled.space.form,
    spaceKB: json.length / 1024,
    gzipKB: gzipSync(json, { level: 9 }).length / 1024,
    firstLoadMs: samples[0],
    loads,
    loadMedianMs: warm.median,
    loadP95Ms: warm.p95,
    unavailable: unavailable.length,
    explained: explainMs.length,
    firstExplainMs: explainMs[0],
    explainMedianMs: explained.median,
    explainP95Ms: explained.p95,
    explainMaxMs: explained.max,
  };
}
