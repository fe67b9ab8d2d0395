// An independent oracle for valid domains on the real public models: MiniSat
// (the logic-solver package) asked, for every value not yet seen in a model it found,
// whether some valid configuration has it. At every step of seeded random sessions the
// engine's valid domains must equal the oracle's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { compile, ConfigurationSession, importDimacs } from '../src/index.js';
import { dimacsClauses } from './fixtures.js';

const Logic = createRequire(import.meta.url)('logic-solver') as any;
const models = new URL('./models/dimacs/', import.meta.url);

/** Reads the clauses of a DIMACS file independently of the engine's importer. */
const clausesOf = (text: string): number[][] => dimacsClauses(text).clauses;

function oracleDomains(solver: any, variables: number, assumptions: number[]): { canTrue: boolean[]; canFalse: boolean[] } {
  const name = (v: number) => `v${v}`;
  const assume = Logic.and(assumptions.map((l) => (l > 0 ? name(l) : Logic.not(name(-l)))));
  const canTrue = new Array<boolean>(variables + 1).fill(false);
  const canFalse = new Array<boolean>(variables + 1).fill(false);
  const witness = (solution: any) => {
    for (let v = 1; v <= variables; v++) {
      if (solution.evaluate(name(v))) canTrue[v] = true;
      else canFalse[v] = true;
    }
  };
  const first = solver.solveAssuming(assume);
  if (!first) return { canTrue, canFalse };
  witness(first);
  // Ask only for values no model found so far has shown: a model witnesses many at once.
  for (let v = 1; v <= variables; v++) {
    for (const value of [true, false]) {
      if ((value ? canTrue : canFalse)[v]) continue;
      const solution = solver.solveAssuming(Logic.and(assume, value ? name(v) : Logic.not(name(v))));
      if (solution) witness(solution);
    }
  }
  return { canTrue, canFalse };
}

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cases = [
  { file: 'berkeleydb.dimacs', sessions: 3, steps: 12 },
  { file: 'axTLS.dimacs', sessions: 3, steps: 12 },
  { file: 'busybox_2010-05-02_14-17-07.dimacs', sessions: 1, steps: 4 },
];

describe('valid domains equal a SAT oracle on public models', () => {
  for (const { file, sessions, steps } of cases) {
    it(`${file}: ${sessions} seeded sessions of ${steps} steps`, () => {
      const text = readFileSync(new URL(file, models), 'utf8');
      const variables = Number(/^p cnf (\d+)/m.exec(text)![1]);
      const solver = new Logic.Solver();
      for (const clause of clausesOf(text)) solver.require(Logic.or(clause.map((l) => (l > 0 ? `v${l}` : Logic.not(`v${-l}`)))));
      // Variables that appear in no clause are free; mention them so the solver knows them.
      for (let v = 1; v <= variables; v++) solver.require(Logic.or(`v${v}`, Logic.not(`v${v}`)));

      const { catalog } = importDimacs(text);
      const compiled = compile(catalog);
      const ids = compiled.product.attributes.map((a) => a.id); // variable i is attribute i-1
      for (let s = 0; s < sessions; s++) {
        const next = random(s + 1);
        const session = new ConfigurationSession(compiled);
        const assumptions: number[] = [];
        for (let step = 0; step <= steps; step++) {
          const expected = oracleDomains(solver, variables, assumptions);
          const domains = session.domains();
          for (let v = 1; v <= variables; v++) {
            const domain = domains[ids[v - 1]!]!;
            assert.equal(domain.includes(true), expected.canTrue[v], `${file} step ${step}: ${ids[v - 1]} can be true`);
            assert.equal(domain.includes(false), expected.canFalse[v], `${file} step ${step}: ${ids[v - 1]} can be false`);
          }
          const open = ids.map((id, i) => i + 1).filter((v) => !(ids[v - 1]! in session.selections) && domains[ids[v - 1]!]!.length === 2);
          if (open.length === 0) break;
          const v = open[Math.floor(next() * open.length)]!;
          const value = next() < 0.5;
          session.select(ids[v - 1]!, value);
          assumptions.push(value ? v : -v);
        }
      }
    });
  }
});
