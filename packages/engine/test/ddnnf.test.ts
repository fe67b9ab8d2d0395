// The decision-DNNF form of the solution space (src/configure/ddnnf.ts, ddnnf-space.ts), held to
// oracles that do not share its code:
//
// 1. exact counts equal the published ones (test/models/README.md), on every public model that has one;
// 2. valid domains equal a SAT oracle's (MiniSat, the logic-solver package) at every step of seeded
//    sessions on two eCos CDL boards and the financial services product line;
// 3. properties on random small CNFs and catalogs, against brute-force enumeration and the BDD form;
// 4. a saved and loaded d-DNNF answers like the compiled one, and edited files are refused;
// 5. explanations and repairs on a CDL board.
//
// Run alone: node --import tsx --test packages/engine/test/ddnnf.test.ts
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  CAN_BE_FALSE,
  CAN_BE_TRUE,
  CatalogError,
  compile,
  CompileError,
  ConfigurationSession,
  DdnnfSpace,
  importDimacs,
  importUvl,
  loadCatalog,
  loadSpace,
  saveSpace,
  SelectionError,
  SpaceError,
  violatedRules,
  type Assignment,
  type Attribute,
  type Catalog,
  type CompiledProduct,
  type Condition,
  type Configuration,
  type Decision,
  type Product,
  type Rule,
  type SolutionSpace,
} from '../src/index.js';
import { smallCatalog, dimacsClauses } from './fixtures.js';
// The generator of `cpq bench`: the same seed gives the same simulated user.
import { mulberry32 } from '../src/cli/configure.js';

// logic-solver has no types.
const Logic = createRequire(import.meta.url)('logic-solver') as any;
const models = new URL('./models/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, models), 'utf8');


// ---------------------------------------------------------------------------------------------
// Models, compiled once per form and shared by the tests below.

interface Model {
  readonly file: string;
  readonly text: string;
  readonly catalog: Catalog;
}

const loadedModels = new Map<string, Model>();
function model(file: string): Model {
  let found = loadedModels.get(file);
  if (!found) {
    const text = read(file);
    const { catalog } = file.endsWith('.uvl') ? importUvl(text) : importDimacs(text);
    found = { file, text, catalog };
    loadedModels.set(file, found);
  }
  return found;
}

const compiledModels = new Map<string, CompiledProduct>();
function compiled(file: string, form: 'bdd' | 'ddnnf'): CompiledProduct {
  const key = `${form} ${file}`;
  let found = compiledModels.get(key);
  if (!found) {
    found = compile(model(file).catalog, { form });
    assert.equal(found.space.form, form);
    compiledModels.set(key, found);
  }
  return found;
}

const ddnnfOf = (c: CompiledProduct): DdnnfSpace => {
  assert.ok(c.space instanceof DdnnfSpace, 'expected a decision-DNNF');
  return c.space;
};

const open = (n: number): Assignment => new Int8Array(n).fill(-1);

// ---------------------------------------------------------------------------------------------
// Independent readings of the models: the clauses of a DIMACS file, the rules of a catalog of
// booleans. A "constraint" is a check on a complete assignment of the encoding's variables.

interface Constraint {
  /** Encoding variables it reads. */
  readonly vars: readonly number[];
  readonly holds: (model: Int8Array) => boolean;
}


/** For a DIMACS import: the encoding variable of DIMACS variable d (attribute d − 1, a boolean). */
function dimacsVariables(c: CompiledProduct, variables: number): Int32Array {
  assert.equal(c.product.attributes.length, variables);
  const varOf = new Int32Array(variables + 1).fill(-1);
  c.product.attributes.forEach((attribute, i) => {
    assert.equal(attribute.kind, 'boolean');
    varOf[i + 1] = c.encoding.attributeVariables[i]![0]!;
  });
  return varOf;
}

/** The SAT oracle and clause checks of a DIMACS model, over the encoding's variables. */
function dimacsOracle(c: CompiledProduct, text: string): Oracle {
  const { variables, clauses } = dimacsClauses(text);
  const varOf = dimacsVariables(c, variables);
  const solver = new Logic.Solver();
  const constraints: Constraint[] = clauses.map((clause) => {
    const lits = clause.map((l) => ({ v: varOf[Math.abs(l)]!, value: l > 0 ? 1 : 0 }));
    solver.require(Logic.or(lits.map(({ v, value }) => (value ? name(v) : Logic.not(name(v))))));
    return { vars: lits.map((l) => l.v), holds: (m) => lits.some(({ v, value }) => m[v] === value) };
  });
  return new Oracle(solver, c.encoding.variables.length, constraints);
}

/**
 * The SAT oracle of a product whose attributes are all booleans (an imported UVL model), built
 * from the catalog's rules by this file's own translation (not the engine's encode/toCnf), and
 * a direct evaluation of the rules for witnesses.
 */
function booleanCatalogOracle(c: CompiledProduct): Oracle {
  const { product, encoding } = c;
  const varOfId = new Map<string, number>();
  product.attributes.forEach((attribute, i) => {
    assert.equal(attribute.kind, 'boolean', 'this oracle reads products of booleans');
    varOfId.set(attribute.id, encoding.attributeVariables[i]![0]!);
  });
  const varOf = (id: string): number => {
    assert.ok(!id.includes(':'), `options in a product of booleans: ${id}`);
    return varOfId.get(id)!;
  };
  const formula = (cond: Condition): unknown => {
    if (typeof cond === 'string') return name(varOf(cond));
    if ('all' in cond) return Logic.and(cond.all.map(formula));
    if ('any' in cond) return Logic.or(cond.any.map(formula));
    if ('not' in cond) return Logic.not(formula(cond.not));
    const items = 'count' in cond ? cond.count.map(formula) : [name(varOf(cond.attribute))];
    const sum = Logic.sum(items);
    return Logic.and(Logic.greaterThanOrEqual(sum, Logic.constantBits(cond.atLeast ?? 0)), Logic.lessThanOrEqual(sum, Logic.constantBits(Math.min(cond.atMost ?? items.length, items.length))));
  };
  const holds = (cond: Condition, m: Int8Array): boolean => {
    if (typeof cond === 'string') return m[varOf(cond)] === 1;
    if ('all' in cond) return cond.all.every((x) => holds(x, m));
    if ('any' in cond) return cond.any.some((x) => holds(x, m));
    if ('not' in cond) return !holds(cond.not, m);
    const n = 'count' in cond ? cond.count.filter((x) => holds(x, m)).length : m[varOf(cond.attribute)]!;
    return n >= (cond.atLeast ?? 0) && n <= (cond.atMost ?? Infinity);
  };
  const mentioned = (cond: Condition, into: Set<number>): Set<number> => {
    if (typeof cond === 'string') into.add(varOf(cond));
    else if ('all' in cond) cond.all.forEach((x) => mentioned(x, into));
    else if ('any' in cond) cond.any.forEach((x) => mentioned(x, into));
    else if ('not' in cond) mentioned(cond.not, into);
    else if ('count' in cond) cond.count.forEach((x) => mentioned(x, into));
    else into.add(varOf(cond.attribute));
    return into;
  };
  const solver = new Logic.Solver();
  const constraints: Constraint[] = [];
  for (const rule of product.rules ?? []) {
    let f: unknown;
    let check: (m: Int8Array) => boolean;
    let vars: Set<number>;
    switch (rule.kind) {
      case 'requires':
        f = Logic.implies(formula(rule.if), formula(rule.then));
        check = (m) => !holds(rule.if, m) || holds(rule.then, m);
        vars = mentioned(rule.then, mentioned(rule.if, new Set()));
        break;
      case 'excludes':
        f = Logic.not(Logic.and(formula(rule.if), formula(rule.then)));
        check = (m) => !(holds(rule.if, m) && holds(rule.then, m));
        vars = mentioned(rule.then, mentioned(rule.if, new Set()));
        break;
      case 'constraint':
        f = formula(rule.condition);
        check = (m) => holds(rule.condition, m);
        vars = mentioned(rule.condition, new Set());
        break;
      case 'default':
      case 'recommends':
        continue;
      default:
        throw new Error(`this oracle does not read ${rule.kind} rules`);
    }
    solver.require(f);
    constraints.push({ vars: [...vars], holds: check });
  }
  return new Oracle(solver, encoding.variables.length, constraints);
}

/** Logic-solver's name of encoding variable v. */
const name = (v: number): string => `v${v}`;

/** A literal over encoding variables: 2·v + 1 for "v is true", 2·v for "v is false". */
const lit = (v: number, value: number): number => 2 * v + value;
const logicLit = (l: number): unknown => (l & 1 ? name(l >> 1) : Logic.not(name(l >> 1)));

class Oracle {
  /** The constraints that read each variable. */
  readonly byVar: number[][];

  constructor(
    readonly solver: any,
    readonly variables: number,
    readonly constraints: readonly Constraint[],
  ) {
    this.byVar = Array.from({ length: variables }, () => []);
    constraints.forEach((c, i) => new Set(c.vars).forEach((v) => this.byVar[v]!.push(i)));
    // Variables in no constraint are free; mention them so the solver knows them.
    for (let v = 0; v < variables; v++) solver.require(Logic.or(name(v), Logic.not(name(v))));
  }

  /** The index of a constraint the complete assignment breaks, or -1. */
  broken(m: Int8Array): number {
    return this.constraints.findIndex((c) => !c.holds(m));
  }

  /** A model of the constraints with these literals, from MiniSat, or undefined. */
  solve(literals: readonly number[], extra?: unknown): Int8Array | undefined {
    const assumption = Logic.and([...literals.map(logicLit), ...(extra === undefined ? [] : [extra])]);
    const solution = this.solver.solveAssuming(assumption);
    if (!solution) return undefined;
    const m = new Int8Array(this.variables);
    for (let v = 0; v < this.variables; v++) m[v] = solution.evaluate(name(v)) ? 1 : 0;
    return m;
  }
}

// ---------------------------------------------------------------------------------------------
// Candidate witnesses from the d-DNNF itself: random root-to-leaves walks through the nodes that
// still have a model. They are only candidates: each is checked against the oracle's own
// constraints before it counts, so a wrong d-DNNF cannot vouch for itself (a walk that breaks
// a constraint fails the test: every path of a correct d-DNNF is a model).

/** Which nodes still have a model under `a`: the upward pass, written again over the public arrays. */
function nodesWithModel(space: DdnnfSpace, a: Assignment): Uint8Array {
  const { kind, variable, first, second, parts } = space;
  const ok = new Uint8Array(kind.length);
  ok[1] = 1;
  const valueOf = (v: number) => (v < a.length ? a[v]! : -1);
  for (let id = 2; id < kind.length; id++) {
    const x = valueOf(variable[id]!);
    if (kind[id] === 1) ok[id] = x === -1 || x === first[id] ? 1 : 0;
    else if (kind[id] === 2) ok[id] = (x !== 0 && ok[first[id]!]) || (x !== 1 && ok[second[id]!]) ? 1 : 0;
    else {
      let all = 1;
      for (let q = first[id]!; q < second[id]! && all; q++) if (parts[q]! >= 0 && !ok[parts[q]!]) all = 0;
      ok[id] = all;
    }
  }
  return ok;
}

/** A random complete assignment along nodes that have a model under `a` (over all variables, auxiliary ones too). */
function randomWalk(space: DdnnfSpace, ok: Uint8Array, a: Assignment, random: () => number): Int8Array {
  const { kind, variable, first, second, parts } = space;
  const m = new Int8Array(space.totalVariables).fill(-1);
  const valueOf = (v: number) => (v < a.length ? a[v]! : -1);
  const stack = [space.root];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id <= 1) continue;
    const v = variable[id]!;
    if (kind[id] === 1) m[v] = first[id]!;
    else if (kind[id] === 2) {
      const high = valueOf(v) !== 0 && ok[first[id]!] === 1;
      const low = valueOf(v) !== 1 && ok[second[id]!] === 1;
      const takeHigh = high && (!low || random() < 0.5);
      m[v] = takeHigh ? 1 : 0;
      stack.push(takeHigh ? first[id]! : second[id]!);
    } else {
      for (let q = first[id]!; q < second[id]!; q++) {
        const p = parts[q]!;
        if (p >= 0) stack.push(p);
        else m[~p] = valueOf(~p) === -1 ? (random() < 0.5 ? 1 : 0) : valueOf(~p);
      }
    }
  }
  return m;
}

// ---------------------------------------------------------------------------------------------
// The oracle's valid domains at one step, compared with the engine's.

/**
 * Asserts that the engine's valid domains under `decisions` are exactly the oracle's:
 * every refused value has no model (one UNSAT answer from MiniSat for all of them at once),
 * every offered value has a model that satisfies every constraint (from a checked random walk,
 * else from MiniSat).
 */
function assertDomainsEqualOracle(oracle: Oracle, space: DdnnfSpace, decisions: readonly number[], engine: { canTrue: boolean[]; canFalse: boolean[] }, random: () => number, where: string): void {
  const n = oracle.variables;
  const refused: number[] = [];
  const offered: number[] = [];
  for (let v = 0; v < n; v++) {
    (engine.canTrue[v] ? offered : refused).push(lit(v, 1));
    (engine.canFalse[v] ? offered : refused).push(lit(v, 0));
  }
  if (refused.length > 0) {
    const model = oracle.solve(decisions, Logic.or(refused.map(logicLit)));
    if (model) {
      const wrong = refused.find((l) => model[l >> 1] === (l & 1));
      assert.fail(`${where}: the engine refuses variable ${wrong! >> 1} = ${wrong! & 1}, but MiniSat finds a valid configuration with it`);
    }
  }
  const a = open(space.variableCount);
  for (const l of decisions) a[l >> 1] = l & 1;
  const seen = new Uint8Array(2 * n);
  const witness = (m: Int8Array) => {
    for (let v = 0; v < n; v++) seen[lit(v, m[v]!)] = 1;
  };
  const ok = nodesWithModel(space, a);
  if (ok[space.root]) {
    for (let i = 0; i < 32; i++) {
      const m = randomWalk(space, ok, a, random);
      const broken = oracle.broken(m);
      assert.equal(broken, -1, `${where}: a path of the d-DNNF breaks constraint ${broken}`);
      assert.ok(decisions.every((l) => m[l >> 1] === (l & 1)), `${where}: a path of the d-DNNF breaks a decision`);
      witness(m);
    }
  }
  for (const l of offered) {
    if (seen[l]) continue;
    const m = oracle.solve([...decisions, l]);
    assert.ok(m, `${where}: the engine offers variable ${l >> 1} = ${l & 1}, but no valid configuration has it (MiniSat)`);
    assert.equal(oracle.broken(m), -1, 'MiniSat returned a non-model');
    witness(m);
  }
}

/** A session's domains of a product of booleans, per encoding variable. */
function sessionBits(c: CompiledProduct, session: ConfigurationSession): { canTrue: boolean[]; canFalse: boolean[] } {
  const domains = session.domains();
  const canTrue: boolean[] = [];
  const canFalse: boolean[] = [];
  c.product.attributes.forEach((attribute, i) => {
    const v = c.encoding.attributeVariables[i]![0]!;
    canTrue[v] = domains[attribute.id]!.includes(true);
    canFalse[v] = domains[attribute.id]!.includes(false);
  });
  return { canTrue, canFalse };
}

/**
 * A seeded session with the `cpq bench` protocol (an undecided attribute with at least two
 * possible values, one of them, both at random), and the oracle's domains checked after every
 * step (the start included).
 */
function oracleSession(c: CompiledProduct, oracle: Oracle, seed: number, steps: number, label: string): void {
  const space = ddnnfOf(c);
  const random = mulberry32(seed);
  const walks = mulberry32(seed + 1000);
  const session = new ConfigurationSession(c);
  const decisions: number[] = [];
  for (let step = 0; ; step++) {
    assertDomainsEqualOracle(oracle, space, decisions, sessionBits(c, session), walks, `${label}, seed ${seed}, step ${step}`);
    if (step === steps) break;
    const domains = session.domains();
    const choices = c.product.attributes.filter((a) => !(a.id in session.selections) && domains[a.id]!.length >= 2);
    if (choices.length === 0) break;
    const attribute = choices[Math.floor(random() * choices.length)]!;
    const value = domains[attribute.id]![Math.floor(random() * domains[attribute.id]!.length)] as boolean;
    session.select(attribute.id, value);
    const index = c.product.attributes.indexOf(attribute);
    decisions.push(lit(c.encoding.attributeVariables[index]![0]!, value ? 1 : 0));
  }
}

/**
 * Counts on small sub-spaces against plain enumeration: a checked random model, with `k` of its
 * variables (ones still open at the root) set free again; the engine counts the assignments
 * that agree with the rest, the test enumerates the 2^k and checks the constraints that read them.
 */
function assertSubspaceCounts(c: CompiledProduct, oracle: Oracle, seed: number, rounds: number, k: number): void {
  const space = ddnnfOf(c);
  const random = mulberry32(seed);
  const n = oracle.variables;
  const rootBits = space.domains(open(n))!;
  const openVars = [...Array(n).keys()].filter((v) => rootBits[v] === (CAN_BE_TRUE | CAN_BE_FALSE));
  assert.ok(openVars.length >= k);
  const ok = nodesWithModel(space, open(n));
  for (let round = 0; round < rounds; round++) {
    const m = randomWalk(space, ok, open(n), random).subarray(0, n).slice();
    assert.equal(oracle.broken(m), -1);
    const freed: number[] = [];
    while (freed.length < k) {
      const v = openVars[Math.floor(random() * openVars.length)]!;
      if (!freed.includes(v)) freed.push(v);
    }
    const relevant = [...new Set(freed.flatMap((v) => oracle.byVar[v]!))].map((i) => oracle.constraints[i]!);
    let expected = 0n;
    for (let mask = 0; mask < 1 << k; mask++) {
      freed.forEach((v, i) => (m[v] = (mask >> i) & 1));
      if (relevant.every((r) => r.holds(m))) expected++;
    }
    const a: Assignment = Int8Array.from(m);
    for (const v of freed) a[v] = -1;
    assert.equal(space.count(a), expected, `sub-space ${round} (variables ${freed.join(', ')} free)`);
    assert.ok(expected >= 1n);
  }
}

// ---------------------------------------------------------------------------------------------

const DIMACS = {
  berkeleydb: 'dimacs/berkeleydb.dimacs',
  axTLS: 'dimacs/axTLS.dimacs',
  busybox: 'dimacs/busybox_2010-05-02_14-17-07.dimacs',
  aki3068net: 'dimacs/aki3068net.dimacs',
  at91sam7sek: 'dimacs/at91sam7sek.dimacs',
  pati: 'dimacs/pati.dimacs',
  vrc4373: 'dimacs/vrc4373.dimacs',
  uClinux: 'dimacs/uClinux-base.dimacs',
} as const;
const FINANCIAL = 'uvl/financialservices-2017-09-28.uvl';

/** test/models/README.md, "valid configurations (all variables)". */
const published: { file: string; count: bigint; bdd: boolean; uvl?: string }[] = [
  { file: DIMACS.berkeleydb, count: 4080389785n, bdd: true, uvl: 'uvl/berkeleydb.uvl' },
  { file: DIMACS.axTLS, count: 826244333568n, bdd: true, uvl: 'uvl/axTLS.uvl' },
  {
    file: DIMACS.busybox,
    count: 3599239755983329331332100508562451780508192148493160801718199944973008026807919208513108710328389951098075842967611059200000000000000000000000n,
    bdd: true,
    uvl: 'uvl/busybox_2010-05-02_14-17-07.uvl',
  },
  { file: DIMACS.aki3068net, count: 26409875491998007789821712407925388859495752408701359114597318850319725584608908312296100173486836131359201419998186389000n, bdd: false },
  { file: DIMACS.at91sam7sek, count: 21058082963785530061809455830784764136221930453199593753584770809500549646319562370811750640764391715902957712483320350564056080n, bdd: false },
  { file: DIMACS.pati, count: 6627929860071712126005695391070959845491450492206929943368578380464128807863655730528146987654321949563219085315418189346269400n, bdd: false },
  { file: DIMACS.vrc4373, count: 417353927175409720080931817084486015400751967662984075696083828610755826230207278321676990703133574332921969962337595466316545146600n, bdd: false },
  { file: DIMACS.uClinux, count: 26161747473967066644480n, bdd: false },
];

describe('1. exact counts of the public models', () => {
  for (const { file, count, bdd, uvl } of published) {
    it(`${file}: the d-DNNF counts ${count}${bdd ? ', and so does the BDD' : ''}`, () => {
      const ddnnf = compiled(file, 'ddnnf');
      DdnnfSpace.check(ddnnfOf(ddnnf)); // the compiler's output is a well-formed decision-DNNF
      assert.equal(ddnnf.space.count(), count);
      assert.equal(ddnnf.space.count(open(ddnnf.space.variableCount)), count);
      if (bdd) assert.equal(compiled(file, 'bdd').space.count(), count);
    });
    if (uvl) {
      it(`${uvl}: both forms count like the DIMACS file`, () => {
        const { catalog } = importUvl(read(uvl));
        assert.equal(compile(catalog, { form: 'ddnnf' }).space.count(), count);
        assert.equal(compile(catalog, { form: 'bdd' }).space.count(), count);
      });
    }
  }

  it('count(x) + count(¬x) = count on the CDL boards, for a seeded sample of their variables', () => {
    const random = mulberry32(7);
    for (const file of [DIMACS.at91sam7sek, DIMACS.vrc4373]) {
      const { space } = compiled(file, 'ddnnf');
      const total = space.count();
      for (let i = 0; i < 12; i++) {
        const a = open(space.variableCount);
        const v = Math.floor(random() * space.variableCount);
        const counts = [0, 1].map((value) => ((a[v] = value), space.count(a)));
        assert.equal(counts[0]! + counts[1]!, total, `${file}: variable ${v}`);
      }
    }
  });

  it('counts on small sub-spaces of the CDL boards equal plain enumeration (2^14 assignments each)', () => {
    for (const file of [DIMACS.at91sam7sek, DIMACS.vrc4373]) {
      const c = compiled(file, 'ddnnf');
      assertSubspaceCounts(c, dimacsOracle(c, model(file).text), 11, 6, 14);
    }
  });

  describe('financial services 2017-09-28 (UVL, no published count)', () => {
    it('compiles to the same diagram twice: the count is deterministic', async () => {
      const a = compiled(FINANCIAL, 'ddnnf');
      const b = compile(model(FINANCIAL).catalog, { form: 'ddnnf' });
      DdnnfSpace.check(ddnnfOf(a));
      assert.equal(b.space.count(), a.space.count());
      assert.equal(b.space.size, a.space.size);
      assert.deepEqual((await saveSpace(b)).diagram, (await saveSpace(a)).diagram);
      assert.ok(a.space.count() > 1n);
    });

    // Every feature would take 9 s here (1,408 counts of 6 ms): a seeded sample of 100.
    it('count(x) + count(¬x) = count, and each is 0 exactly when the value is refused (a sample of features)', () => {
      const { space } = compiled(FINANCIAL, 'ddnnf');
      const total = space.count();
      const root = space.domains(open(space.variableCount))!;
      const random = mulberry32(3);
      for (let i = 0; i < 100; i++) {
        const v = Math.floor(random() * space.variableCount);
        const a = open(space.variableCount);
        const counts = [0, 1].map((value) => ((a[v] = value), space.count(a)));
        assert.equal(counts[0]! + counts[1]!, total, `variable ${v}`);
        assert.equal(counts[1]! > 0n, (root[v]! & CAN_BE_TRUE) !== 0, `variable ${v} can be true`);
        assert.equal(counts[0]! > 0n, (root[v]! & CAN_BE_FALSE) !== 0, `variable ${v} can be false`);
      }
    });

    it('counts on small sub-spaces equal plain enumeration over the rules (read by this test, 2^14 each)', () => {
      const c = compiled(FINANCIAL, 'ddnnf');
      assertSubspaceCounts(c, booleanCatalogOracle(c), 5, 12, 14);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Valid domains against MiniSat. Measured on this 2-core machine: about 2 s per 30-step
// session on a CDL board (the witnesses come from checked random walks of the d-DNNF, so MiniSat
// only answers the few values no walk reached, plus one UNSAT question per step for all the
// refused values together), so every step of every session is checked: no step is skipped.

describe('2. valid domains equal a SAT oracle at every step of seeded sessions (d-DNNF)', () => {
  for (const file of [DIMACS.at91sam7sek, DIMACS.vrc4373]) {
    it(`${file}: seeded sessions of 30 steps, the oracle reading the DIMACS clauses`, () => {
      const c = compiled(file, 'ddnnf');
      const oracle = dimacsOracle(c, model(file).text);
      for (const seed of [1, 2]) oracleSession(c, oracle, seed, 30, file);
    });
  }

  it(`${FINANCIAL}: seeded sessions of 30 steps, the oracle reading the catalog's rules`, () => {
    const c = compiled(FINANCIAL, 'ddnnf');
    const oracle = booleanCatalogOracle(c);
    for (const seed of [1, 2, 3]) oracleSession(c, oracle, seed, 30, FINANCIAL);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Properties on random small CNFs and catalogs, against brute-force enumeration: the models
// of a CNF by trying every assignment; the valid configurations of a catalog by trying every
// configuration with violatedRules (the engine's direct rule evaluation, which compiles nothing).

/** A random small CNF as a DIMACS text (repeated literals and tautologies included), and its models. */
const cnfArbitrary = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    clauses: fc.array(fc.array(fc.tuple(fc.integer({ min: 1, max: n }), fc.boolean()).map(([v, positive]) => (positive ? v : -v)), { minLength: 1, maxLength: 4 }), { maxLength: 14 }),
  }),
);
const dimacsText = ({ n, clauses }: { n: number; clauses: number[][] }): string => `p cnf ${n} ${clauses.length}\n${clauses.map((c) => `${c.join(' ')} 0`).join('\n')}\n`;

/** The models of a DIMACS-imported catalog, over the encoding's variables. */
function cnfModels(catalog: Catalog, { n, clauses }: { n: number; clauses: number[][] }): Int8Array[] {
  const encoding = compileFree(catalog);
  const varOf = (d: number) => encoding.attributeVariables[d - 1]![0]!;
  const result: Int8Array[] = [];
  for (let mask = 0; mask < 1 << n; mask++) {
    const value = (d: number) => (mask >> (d - 1)) & 1;
    if (!clauses.every((c) => c.some((l) => value(Math.abs(l)) === (l > 0 ? 1 : 0)))) continue;
    const m = new Int8Array(n);
    for (let d = 1; d <= n; d++) m[varOf(d)] = value(d);
    result.push(m);
  }
  return result;
}

/**
 * The encoding's variables of a catalog's first product, which may have no valid configuration:
 * the same product without its rules (rules add no variables) always compiles.
 */
function compileFree(catalog: Catalog): CompiledProduct['encoding'] {
  const product = catalog.products[0]!;
  return compile({ ...catalog, products: [{ ...product, rules: [] }] }, { form: 'bdd' }).encoding;
}

type Selections = Configuration['selections'];

/** Every complete configuration of a small product, valid or not (as configure.test.ts enumerates them). */
function* allConfigurations(product: Product, i = 0, partial: Selections = {}): Generator<Selections> {
  const attribute = product.attributes[i];
  if (!attribute) {
    yield partial;
    return;
  }
  for (const value of valuesOf(attribute)) {
    const next = { ...partial };
    if (value !== undefined) next[attribute.id] = value;
    yield* allConfigurations(product, i + 1, next);
  }
}

function valuesOf(attribute: Attribute): (Selections[string] | undefined)[] {
  switch (attribute.kind) {
    case 'single':
      return [...attribute.options.map((o) => o.id), ...(attribute.required === false ? [undefined] : [])];
    case 'boolean':
      return [true, false];
    case 'quantity': {
      const values = [];
      for (let q = attribute.min ?? 0; q <= attribute.max; q += attribute.step ?? 1) values.push(q);
      return values;
    }
    case 'multiple': {
      const subsets: string[][] = [[]];
      for (const option of attribute.options) for (const s of [...subsets]) subsets.push([...s, option.id]);
      return subsets.map((s) => (s.length === 0 ? undefined : s));
    }
  }
}

/** The valid configurations of a small catalog's product, as assignments of the encoding's variables. */
function catalogModels(catalog: Catalog): Int8Array[] {
  const product = catalog.products[0]!;
  const encoding = compileFree(catalog);
  const result: Int8Array[] = [];
  for (const selections of allConfigurations(product)) {
    if (violatedRules(product, selections).length > 0) continue;
    const m = new Int8Array(encoding.variables.length);
    product.attributes.forEach((attribute, i) => {
      const value = selections[attribute.id];
      for (const v of encoding.attributeVariables[i]!) {
        const info = encoding.variables[v]!.value;
        m[v] = attribute.kind === 'boolean' ? (value === true ? 1 : 0) : Array.isArray(value) ? (value.includes(info as string) ? 1 : 0) : value === info ? 1 : 0;
      }
    });
    result.push(m);
  }
  return result;
}

interface Probes {
  /** Per probe, a value per variable: -1 open, 0, 1 (cut to the variable count). */
  readonly partials: readonly (readonly number[])[];
  /** Weights for cheapestRelaxation (Infinity: must be kept). */
  readonly weights: readonly number[];
  readonly picks: readonly number[];
}

const MAX_VARIABLES = 12;
const probesArbitrary: fc.Arbitrary<Probes> = fc.record({
  partials: fc.array(fc.array(fc.constantFrom(-1, -1, -1, 0, 1), { minLength: MAX_VARIABLES, maxLength: MAX_VARIABLES }), { minLength: 1, maxLength: 4 }),
  weights: fc.array(fc.constantFrom(1, 2, 3, 5, Infinity), { minLength: MAX_VARIABLES, maxLength: MAX_VARIABLES }),
  picks: fc.array(fc.nat(), { minLength: MAX_VARIABLES, maxLength: MAX_VARIABLES }),
});

const bitsOf = (space: SolutionSpace, a: Assignment): number[] | undefined => {
  const bits = space.domains(a);
  return bits && [...bits];
};

/**
 * Both forms against the models found by enumeration: counts (and count(x) + count(¬x) = count),
 * domains, satisfiability and counts under random partial assignments, the weight of the
 * cheapest relaxation, and a session that only ever chooses offered values.
 */
function assertFormsAgainstModels(forms: { bdd: CompiledProduct; ddnnf: CompiledProduct }, models: readonly Int8Array[], probes: Probes): void {
  const ddnnf = ddnnfOf(forms.ddnnf);
  DdnnfSpace.check(ddnnf);
  const n = forms.ddnnf.encoding.variables.length;
  assert.ok(n <= MAX_VARIABLES);
  assert.equal(forms.bdd.space.variableCount, n);
  assert.equal(ddnnf.variableCount, n);
  const agree = (m: Int8Array, a: Assignment) => m.every((x, v) => a[v] === -1 || a[v] === x);

  for (const [form, { space }] of Object.entries(forms)) {
    const total = space.count();
    assert.equal(total, BigInt(models.length), `${form}: count`);
    for (let v = 0; v < n; v++) {
      const counts = [0, 1].map((value) => {
        const a = open(n);
        a[v] = value;
        const expected = BigInt(models.filter((m) => m[v] === value).length);
        assert.equal(space.count(a), expected, `${form}: count with variable ${v} = ${value}`);
        return expected;
      });
      assert.equal(counts[0]! + counts[1]!, total);
    }
  }

  for (const values of probes.partials) {
    const a: Assignment = Int8Array.from(values.slice(0, n));
    const matching = models.filter((m) => agree(m, a));
    let expectedBits: number[] | undefined;
    if (matching.length > 0) {
      expectedBits = new Array<number>(n).fill(0);
      for (const m of matching) for (let v = 0; v < n; v++) expectedBits[v]! |= m[v] ? CAN_BE_TRUE : CAN_BE_FALSE;
    }
    for (const [form, { space }] of Object.entries(forms)) {
      const where = `${form} under ${[...a].join(',')}`;
      assert.deepEqual(bitsOf(space, a), expectedBits, `${where}: domains`);
      assert.equal(space.satisfiable(a), matching.length > 0, `${where}: satisfiable`);
      assert.equal(space.count(a), BigInt(matching.length), `${where}: count`);
    }
    assert.deepEqual(bitsOf(forms.ddnnf.space, a), bitsOf(forms.bdd.space, a));

    // The cheapest relaxation: the least total weight of assigned variables to give up.
    const weight = Float64Array.from(probes.weights.slice(0, n));
    let cheapest = Infinity;
    for (const m of models) {
      let cost = 0;
      for (let v = 0; v < n; v++) if (a[v] !== -1 && a[v] !== m[v]) cost += weight[v]!;
      cheapest = Math.min(cheapest, cost);
    }
    for (const [form, { space }] of Object.entries(forms)) {
      const where = `${form} relaxing ${[...a].join(',')} with weights ${[...weight].join(',')}`;
      const given = space.cheapestRelaxation(a, weight);
      if (cheapest === Infinity) {
        assert.equal(given, undefined, where);
        continue;
      }
      assert.ok(given, `${where}: no relaxation, but one of weight ${cheapest} exists`);
      assert.equal(new Set(given).size, given.length, `${where}: a variable given up twice`);
      assert.ok(given.every((v) => a[v] !== -1), `${where}: gives up an open variable`);
      assert.equal(given.reduce((sum, v) => sum + weight[v]!, 0), cheapest, `${where}: total weight`);
      const relaxed = Int8Array.from(a);
      for (const v of given) relaxed[v] = -1;
      assert.ok(models.some((m) => agree(m, relaxed)), `${where}: still no valid configuration`);
    }
  }

  // Backtrack-free: choosing only offered values, attribute by attribute in a random order, never
  // meets an empty domain or a refusal, and ends with exactly one configuration.
  for (const c of [forms.ddnnf, forms.bdd]) {
    const session = new ConfigurationSession(c);
    const order = c.product.attributes.map((attribute, i) => ({ attribute, key: probes.picks[i % probes.picks.length]! ^ (i * 2654435761) })).sort((x, y) => x.key - y.key);
    let step = 0;
    for (const { attribute } of order) {
      const domain = session.domains()[attribute.id]!;
      const pick = () => probes.picks[step++ % probes.picks.length]!;
      if (attribute.kind === 'multiple') {
        for (const option of domain) {
          if (!session.domains()[attribute.id]!.includes(option)) continue;
          if (pick() % 2 === 0) session.select(attribute.id, option);
          else {
            try {
              session.decline(attribute.id, String(option));
            } catch (error) {
              assert.ok(error instanceof SelectionError); // every valid configuration needs it
              session.select(attribute.id, option);
            }
          }
        }
        // Options never offered are declined (they are in no valid completion).
        for (const option of attribute.options) {
          if (!session.decisions.some((d) => d.attribute === attribute.id && d.value === option.id)) session.decline(attribute.id, option.id);
        }
        continue;
      }
      if (domain.length === 0) {
        assert.ok(attribute.kind === 'single' && attribute.required === false, `${c.space.form}: ${attribute.id} has an empty domain: a dead end`);
        continue;
      }
      session.select(attribute.id, domain[pick() % domain.length]!);
    }
    assert.equal(session.count(), 1n, `${c.space.form}: every attribute decided, one configuration left`);
    assert.deepEqual(violatedRules(c.product, session.selections), []);

    // complete() from the first few choices ends the same way.
    const partial = new ConfigurationSession(c);
    for (const { attribute } of order.slice(0, 2)) {
      const domain = partial.domains()[attribute.id]!;
      if (domain.length > 0) partial.select(attribute.id, domain[pick2(probes) % domain.length]!);
    }
    partial.complete();
    assert.ok(partial.isComplete, `${c.space.form}: complete() leaves ${partial.count()} configurations`);
    assert.deepEqual(violatedRules(c.product, partial.selections), []);
  }
}
const pick2 = (probes: Probes) => probes.picks[probes.picks.length - 1]!;

/** Both forms, or the CompileError each throws: they must agree on that too. */
function bothForms(catalog: Catalog, models: readonly Int8Array[]): { bdd: CompiledProduct; ddnnf: CompiledProduct } | undefined {
  if (models.length === 0) {
    for (const form of ['bdd', 'ddnnf'] as const) assert.throws(() => compile(catalog, { form }), CompileError, `${form}: no valid configuration`);
    return undefined;
  }
  return { bdd: compile(catalog, { form: 'bdd' }), ddnnf: compile(catalog, { form: 'ddnnf' }) };
}

/** Small products over every attribute kind and rule kind that compiles to clauses or diagrams. */
const catalogArbitrary: fc.Arbitrary<Catalog> = (() => {
  const spec = fc.constantFrom(0, 0, 1, 2, 3, 0.5);
  const specs = fc.record({ inputs: spec, inputsUsed: spec });
  const reference = fc.constantFrom('a', 'b', 's', 's:s1', 's:s2', 'm', 'm:m1', 'm:m2', 'q');
  // atLeast ≤ atMost: loadCatalog refuses a bound that never holds.
  const bounds = fc.record({ atLeast: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }), more: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }) }).map(({ atLeast, more }) => ({
    ...(atLeast === undefined ? {} : { atLeast }),
    ...(more === undefined ? {} : { atMost: (atLeast ?? 0) + more }),
  }));
  const amount = fc.tuple(fc.constantFrom('a', 's', 'm', 'q'), bounds).map(([attribute, b]): Condition => ({ attribute, ...b }));
  const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
    condition: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'condition' },
      reference,
      amount,
      fc.record({ all: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: tie('condition') }),
      fc.tuple(fc.array(tie('condition'), { minLength: 1, maxLength: 4 }), bounds).map(([count, b]): Condition => ({ count, ...b })),
    ),
  }));
  const rule = fc.oneof(
    fc.record({ kind: fc.constant('requires' as const), if: condition, then: condition }),
    fc.record({ kind: fc.constant('excludes' as const), if: condition, then: condition }),
    fc.record({ kind: fc.constant('constraint' as const), condition }),
    fc.record({ kind: fc.constant('resource' as const), sum: fc.constant('inputsUsed'), atMost: fc.oneof(fc.constant({ sum: 'inputs' }), fc.integer({ min: 0, max: 6 })) }),
    fc.record({ kind: fc.constant('resource' as const), sum: fc.constant('inputs'), atLeast: fc.integer({ min: 1, max: 4 }) }),
  );
  return fc
    .record({
      aSpecs: specs,
      bSpecs: specs,
      required: fc.boolean(),
      singleOptions: fc.array(specs, { minLength: 2, maxLength: 3 }),
      multipleOptions: fc.array(specs, { minLength: 2, maxLength: 3 }),
      min: fc.integer({ min: 0, max: 1 }),
      extra: fc.integer({ min: 0, max: 2 }),
      qMax: fc.integer({ min: 1, max: 3 }),
      qSpecs: specs,
      rules: fc.array(rule, { maxLength: 4 }),
    })
    .map((r) => {
      const raw = smallCatalog();
      raw.products = [
        {
          id: 'p',
          name: 'P',
          attributes: [
            { id: 'a', kind: 'boolean', name: 'A', specs: r.aSpecs },
            { id: 'b', kind: 'boolean', name: 'B', specs: r.bSpecs },
            { id: 's', kind: 'single', name: 'S', required: r.required, options: r.singleOptions.map((specs, i) => ({ id: `s${i + 1}`, name: `S${i + 1}`, specs })) },
            { id: 'm', kind: 'multiple', name: 'M', min: r.min, max: Math.min(r.min + r.extra, r.multipleOptions.length), options: r.multipleOptions.map((specs, i) => ({ id: `m${i + 1}`, name: `M${i + 1}`, specs })) },
            { id: 'q', kind: 'quantity', name: 'Q', min: 0, max: r.qMax, specs: r.qSpecs },
          ],
          rules: r.rules.map((rule, i) => ({ id: `r${i}`, ...rule })),
        },
      ];
      // The validator also refuses rules that never or always hold (a count above its items, a
      // rule about itself): those draws are dropped.
      try {
        return loadCatalog(raw);
      } catch (error) {
        if (error instanceof CatalogError) return undefined;
        throw error;
      }
    })
    .filter((catalog): catalog is Catalog => catalog !== undefined);
})();

describe('3. properties on random small models: d-DNNF, BDD and enumeration agree', () => {
  it('random CNFs (via importDimacs): counts, count(x) + count(¬x), domains, relaxations, backtrack-free sessions', () => {
    fc.assert(
      fc.property(cnfArbitrary, probesArbitrary, (cnf, probes) => {
        const { catalog } = importDimacs(dimacsText(cnf));
        const models = cnfModels(catalog, cnf);
        const forms = bothForms(catalog, models);
        if (forms) assertFormsAgainstModels(forms, models, probes);
      }),
      { numRuns: 200, seed: 1, includeErrorInReport: true },
    );
  });

  it('random catalogs (every attribute kind; requires, excludes, constraint, resource rules; nested counts)', () => {
    let auxiliary = 0;
    let valid = 0;
    fc.assert(
      fc.property(catalogArbitrary, probesArbitrary, (catalog, probes) => {
        const models = catalogModels(catalog);
        const forms = bothForms(catalog, models);
        if (!forms) return;
        valid++;
        if (ddnnfOf(forms.ddnnf).totalVariables > forms.ddnnf.space.variableCount) auxiliary++;
        assertFormsAgainstModels(forms, models, probes);
      }),
      { numRuns: 150, seed: 1, includeErrorInReport: true },
    );
    // The generator must reach the clauses' auxiliary variables (resource rules, counts of conditions).
    assert.ok(valid > 50 && auxiliary > 20, `${valid} valid catalogs, ${auxiliary} with auxiliary variables`);
  });
});

// ---------------------------------------------------------------------------------------------
// 4. Precompiled d-DNNF spaces: saved, written as JSON, loaded and checked node by node.

/** The diagram's numbers (base64 of unsigned LEB128 varints), and back. */
function diagramNumbers(diagram: string): number[] {
  const bytes = Uint8Array.from(atob(diagram), (ch) => ch.charCodeAt(0));
  const numbers: number[] = [];
  for (let i = 0, v = 0, shift = 0; i < bytes.length; i++) {
    v += (bytes[i]! & 0x7f) * 2 ** shift;
    if (bytes[i]! < 0x80) (numbers.push(v), (v = 0), (shift = 0));
    else shift += 7;
  }
  return numbers;
}
function diagramText(numbers: readonly number[]): string {
  const bytes: number[] = [];
  for (let v of numbers) {
    while (v >= 0x80) (bytes.push((v % 0x80) | 0x80), (v = Math.floor(v / 0x80)));
    bytes.push(v);
  }
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Where each number of a d-DNNF diagram sits: node after node from id 2 (see ddnnfNumbers in precompiled.ts). */
interface Field {
  readonly at: number;
  readonly node: number;
  readonly role: 'kind' | 'literal' | 'decision variable' | 'high distance' | 'low distance' | 'part count' | 'node part' | 'free variable';
}
function diagramFields(numbers: readonly number[]): Field[] {
  const fields: Field[] = [];
  for (let at = 0, node = 2; at < numbers.length; node++) {
    const kind = numbers[at]!;
    fields.push({ at: at++, node, role: 'kind' });
    if (kind === 1) fields.push({ at: at++, node, role: 'literal' });
    else if (kind === 2) for (const role of ['decision variable', 'high distance', 'low distance'] as const) fields.push({ at: at++, node, role });
    else {
      assert.equal(kind, 3);
      const count = numbers[at]!;
      fields.push({ at: at++, node, role: 'part count' });
      for (let i = 0; i < count; i++, at++) fields.push({ at, node, role: numbers[at]! & 1 ? 'free variable' : 'node part' });
    }
  }
  return fields;
}

/** Rejects with a SpaceError that names where (one of `paths`). */
async function refused(promise: Promise<unknown>, paths: readonly string[], what: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof SpaceError, `${what}: expected a SpaceError, got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    assert.ok(error.problems.length > 0 && error.problems.every((p) => paths.includes(p.path)), `${what}: refused at ${error.problems.map((p) => p.path).join(', ')}, expected one of ${paths.join(', ')}`);
    return true;
  }, what);
}

/** Same answers from two spaces over the same variables: counts, domains, satisfiability, relaxations. */
function assertSameSpace(a: SolutionSpace, b: SolutionSpace, assignments: readonly Assignment[]): void {
  assert.equal(b.form, a.form);
  assert.equal(b.variableCount, a.variableCount);
  assert.equal(b.size, a.size);
  assert.equal(b.count(), a.count());
  const weight = new Float64Array(a.variableCount).map((_, v) => 1 + (v % 3));
  for (const x of assignments) {
    assert.deepEqual(bitsOf(b, x), bitsOf(a, x));
    assert.equal(b.satisfiable(x), a.satisfiable(x));
    assert.equal(b.count(x), a.count(x));
    assert.deepEqual(b.cheapestRelaxation(x, weight), a.cheapestRelaxation(x, weight));
  }
}

/** Seeded partial assignments: a few random variables fixed at random (often unsatisfiable), and session walks (always satisfiable). */
function someAssignments(c: CompiledProduct, seed: number, count: number): Assignment[] {
  const random = mulberry32(seed);
  const n = c.space.variableCount;
  const result: Assignment[] = [];
  for (let i = 0; i < count; i++) {
    const a = open(n);
    const fixed = 1 + Math.floor(random() * 6);
    for (let k = 0; k < fixed; k++) a[Math.floor(random() * n)] = random() < 0.5 ? 1 : 0;
    result.push(a);
  }
  // Walks: each step fixes an open variable to a value its domain still offers.
  const a = open(n);
  for (let i = 0; i < count; i++) {
    const bits = c.space.domains(a)!;
    const choices = [...Array(n).keys()].filter((v) => a[v] === -1 && bits[v] === (CAN_BE_TRUE | CAN_BE_FALSE));
    if (choices.length === 0) break;
    a[choices[Math.floor(random() * choices.length)]!] = random() < 0.5 ? 1 : 0;
    result.push(Int8Array.from(a));
  }
  return result;
}

describe('4. a saved d-DNNF loads to the same answers, and edited files are refused', () => {
  const small = loadCatalog(smallCatalog());
  const smallDdnnf = compile(small, { form: 'ddnnf' });

  it('a CDL board (at91sam7sek) and the small catalog: save, JSON, load, the same arrays and answers', async () => {
    for (const c of [compiled(DIMACS.at91sam7sek, 'ddnnf'), smallDdnnf]) {
      const json = JSON.stringify(await saveSpace(c));
      const loaded = await loadSpace(c.catalog, json);
      const [x, y] = [ddnnfOf(c), ddnnfOf(loaded)];
      assert.equal(y.root, x.root);
      assert.equal(y.totalVariables, x.totalVariables);
      for (const field of ['kind', 'variable', 'first', 'second', 'parts'] as const) assert.deepEqual(y[field], x[field], field);
      assertSameSpace(x, y, someAssignments(c, 4, 25));
      // And through sessions: the same domains and counts along a seeded walk.
      const random = mulberry32(9);
      const left = new ConfigurationSession(c);
      const right = new ConfigurationSession(loaded);
      for (let step = 0; step < 10; step++) {
        const domains = left.domains();
        const choices = c.product.attributes.filter((a) => !(a.id in left.selections) && domains[a.id]!.length >= 2);
        if (choices.length === 0) break;
        const attribute = choices[Math.floor(random() * choices.length)]!;
        const value = domains[attribute.id]![Math.floor(random() * domains[attribute.id]!.length)]!;
        left.select(attribute.id, value);
        right.select(attribute.id, value);
        assert.deepEqual(right.domains(), left.domains());
        assert.equal(right.count(), left.count());
      }
    }
  });

  it('refuses edited fields with a SpaceError that says where: root, auxiliary, form, nodes', async () => {
    for (const c of [compiled(DIMACS.at91sam7sek, 'ddnnf'), smallDdnnf]) {
      const space = await saveSpace(c);
      const load = (edit: object) => loadSpace(c.catalog, JSON.stringify({ ...space, ...edit }));
      await refused(load({ root: space.nodes }), ['root'], 'root past the last node');
      await refused(load({ root: -1 }), ['root'], 'a negative root');
      await refused(load({ root: 0 }), ['root'], 'root the false terminal');
      await refused(load({ root: 1 }), ['root'], 'root the true terminal');
      await refused(load({ root: space.root - 1 }), ['root'], 'root a node below the root');
      await refused(load({ root: 2.5 }), ['root'], 'a fractional root');
      await refused(load({ auxiliary: space.auxiliary + 1 }), ['root'], 'one auxiliary variable more');
      if (space.auxiliary > 0) await refused(load({ auxiliary: space.auxiliary - 1 }), ['diagram'], 'one auxiliary variable less');
      await refused(load({ auxiliary: -1 }), ['auxiliary'], 'negative auxiliary variables');
      await refused(load({ form: 'bdd' }), ['order'], 'the form swapped to bdd');
      await refused(load({ nodes: space.nodes + 1 }), ['diagram'], 'one node more');
      await refused(load({ nodes: space.nodes - 1 }), ['diagram'], 'one node less');
      await refused(load({ order: 'AA==' }), ['order'], 'a variable order on a d-DNNF');
    }
    // And the other way: a BDD file claiming to be a d-DNNF.
    const bdd = await saveSpace(compile(small, { form: 'bdd' }));
    await refused(loadSpace(small, { ...bdd, form: 'ddnnf' }), ['order'], 'a BDD as a d-DNNF');
  });

  it('refuses edited numbers inside the diagram with a SpaceError that says where', async () => {
    for (const c of [compiled(DIMACS.at91sam7sek, 'ddnnf'), smallDdnnf]) {
      const space = await saveSpace(c);
      const numbers = diagramNumbers(space.diagram);
      assert.equal(diagramText(numbers), space.diagram, 'the test reads and writes the diagram like the engine');
      const fields = diagramFields(numbers);
      const total = space.variables + space.auxiliary;
      const edited = (at: number, value: number) => loadSpace(c.catalog, JSON.stringify({ ...space, diagram: diagramText(numbers.map((x, i) => (i === at ? value : x))) }));
      const firstOf = (role: Field['role']) => fields.find((f) => f.role === role)!;
      const lastOf = (role: Field['role']) => [...fields].reverse().find((f) => f.role === role)!;
      const where = ['diagram', 'root'];
      for (const f of [firstOf('decision variable'), lastOf('decision variable')]) {
        await refused(edited(f.at, (numbers[f.at]! + 1) % total), where, `node ${f.node} decides another variable`);
        await refused(edited(f.at, total), ['diagram'], `node ${f.node} decides a variable that does not exist`);
      }
      for (const role of ['high distance', 'low distance'] as const) {
        const f = lastOf(role);
        await refused(edited(f.at, 0), ['diagram'], `node ${f.node}: a branch to itself`);
        await refused(edited(f.at, f.node + 5), ['diagram'], `node ${f.node}: a branch below node 0`);
        // Not asked: a branch moved to another node over the same variables is a well-formed d-DNNF; like a flipped literal (the todo below), only a checksum of the diagram would catch it.
      }
      const literal = firstOf('literal');
      await refused(edited(literal.at, 2 * total), ['diagram'], `node ${literal.node}: a literal of a variable that does not exist`);
      await refused(edited(literal.at, numbers[literal.at]! ^ 2), where, `node ${literal.node}: a literal of another variable`);
      const free = firstOf('free variable');
      await refused(edited(free.at, (2 * (((numbers[free.at]! >> 1) + 1) % total)) | 1), where, `node ${free.node}: another free variable`);
      const part = lastOf('node part');
      await refused(edited(part.at, 0), ['diagram'], `node ${part.node}: a part that is itself`);
      const count = lastOf('part count');
      await refused(edited(count.at, numbers[count.at]! + 1), where, `node ${count.node}: one part more`);
      await refused(edited(count.at, numbers[count.at]! - 1), where, `node ${count.node}: one part less`);
      for (const kind of [0, 4, 200]) await refused(edited(0, kind), ['diagram'], `node 2 of kind ${kind}`);
      await refused(loadSpace(c.catalog, { ...space, diagram: diagramText(numbers.slice(0, -1)) }), ['diagram'], 'the last number cut');
      await refused(loadSpace(c.catalog, { ...space, diagram: diagramText([...numbers, 1, 0]) }), ['diagram'], 'a node more');
    }
  });

  it('any one number of the diagram changed: refused with a SpaceError, or a well-formed space whose answers agree with each other (property)', async () => {
    const space = await saveSpace(smallDdnnf);
    const numbers = diagramNumbers(space.diagram);
    const n = smallDdnnf.space.variableCount;
    const assignments = someAssignments(smallDdnnf, 12, 10);
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(numbers.length - 1), fc.oneof(fc.nat(8), fc.integer({ min: -3, max: 3 }), fc.nat(2 ** 21)), async (at, change) => {
        const value = change < 0 || change > 8 ? Math.abs(numbers[at]! + change) : change;
        fc.pre(value !== numbers[at]);
        let loaded: CompiledProduct;
        try {
          loaded = await loadSpace(small, { ...space, diagram: diagramText(numbers.map((x, i) => (i === at ? value : x))) });
        } catch (error) {
          assert.ok(error instanceof SpaceError, `number ${at} set to ${value}: ${String(error)}`);
          return;
        }
        // Accepted: whatever it now says, it must say it coherently (a decision-DNNF over the variables).
        accepted++;
        const s = loaded.space;
        for (const a of assignments) {
          const bits = s.domains(a);
          const total = s.count(a);
          assert.equal(bits !== undefined, total > 0n);
          assert.equal(s.satisfiable(a), total > 0n);
          if (!bits) continue;
          for (let v = 0; v < n; v++) {
            if (a[v] !== -1) continue;
            const b = Int8Array.from(a);
            const counts = [0, 1].map((x) => ((b[v] = x), s.count(b)));
            assert.equal(counts[0]! + counts[1]!, total);
            assert.equal((bits[v]! & CAN_BE_FALSE) !== 0, counts[0]! > 0n);
            assert.equal((bits[v]! & CAN_BE_TRUE) !== 0, counts[1]! > 0n);
          }
        }
      }),
      { numRuns: 300, seed: 1 },
    );
    assert.ok(accepted < 300);
  });

  // Found while writing these tests: a huge `nodes` or `auxiliary` is read as an allocation size
  // before anything checks it against the diagram, so the file is not refused with a SpaceError:
  // 2^40 throws a RangeError ("Invalid typed array length"), and large values that can be
  // allocated make loading take seconds and gigabytes before the SpaceError (measured: nodes 3e9,
  // 13.6 s; auxiliary 1e8, 3.5 s and 530 MB; auxiliary 1e9, 50 s). The BDD reader checks the
  // byte count first ("has N bytes, too few for M numbers") and refuses at once.
  it('refuses a node count or auxiliary count far beyond the diagram with a SpaceError (BUG: RangeError)', async () => {
    const space = await saveSpace(smallDdnnf);
    await refused(loadSpace(small, { ...space, nodes: 2 ** 40 }), ['nodes', 'diagram'], 'nodes 2^40');
    await refused(loadSpace(small, { ...space, auxiliary: 2 ** 40 }), ['auxiliary', 'diagram', 'root'], 'auxiliary 2^40');
  });

  it('refuses an auxiliary count far beyond the diagram before allocating for it (BUG: 3.5 s for 1e8)', async () => {
    const space = await saveSpace(smallDdnnf);
    const started = performance.now();
    await refused(loadSpace(small, { ...space, auxiliary: 1e8 }), ['auxiliary', 'diagram', 'root'], 'auxiliary 1e8');
    const ms = performance.now() - started;
    // The diagram is 1 KB; refusing it needs no more than reading it (the fix: compare with the diagram first).
    assert.ok(ms < 1000, `refusing took ${Math.round(ms)} ms`);
  });

  // The check proves the file is *a* decision-DNNF over the variables, not *the* one compiled:
  // a literal's value flipped, or two decision branches swapped, is another well-formed space, and
  // it is accepted and answers for it. The file has no checksum of the diagram, and the catalog
  // hash covers only the catalog. (The BDD format is the same.) Kept as a todo for a decision.
  it('refuses a diagram edited into another well-formed d-DNNF (a literal flipped)', { todo: 'no checksum over the diagram: see the report' }, async () => {
    const space = await saveSpace(smallDdnnf);
    const numbers = diagramNumbers(space.diagram);
    const literal = diagramFields(numbers).find((f) => f.role === 'literal')!;
    const flipped = { ...space, diagram: diagramText(numbers.map((x, i) => (i === literal.at ? x ^ 1 : x))) };
    let loaded: CompiledProduct | undefined;
    try {
      loaded = await loadSpace(small, flipped);
    } catch (error) {
      assert.ok(error instanceof SpaceError);
    }
    assert.equal(loaded, undefined, `accepted, and it counts ${loaded?.space.count()} configurations instead of ${smallDdnnf.space.count()}`);
  });
});

// ---------------------------------------------------------------------------------------------
// 5. Explanations and repairs on a d-DNNF session, checked with MiniSat over the DIMACS clauses.

describe('5. explain and makeAvailable on a CDL board compiled as a d-DNNF', () => {
  it('at91sam7sek: every repair makes the value available; the conflict, its minimality and the rules hold for MiniSat', () => {
    const file = DIMACS.at91sam7sek;
    const c = compiled(file, 'ddnnf');
    const oracle = dimacsOracle(c, model(file).text);
    const { clauses } = dimacsClauses(model(file).text);
    const varOf = dimacsVariables(c, clauses.length === 0 ? 0 : c.product.attributes.length);
    const literalOf = (d: Decision) => {
      const index = c.product.attributes.findIndex((a) => a.id === d.attribute);
      return lit(c.encoding.attributeVariables[index]![0]!, d.value === true ? 1 : 0);
    };
    const satisfiable = (decisions: readonly Decision[]) => oracle.solve(decisions.map(literalOf)) !== undefined;
    const same = (a: Decision, b: Decision) => a.attribute === b.attribute && a.value === b.value;
    const without = (list: readonly Decision[], gone: readonly Decision[]) => list.filter((d) => !gone.some((g) => same(d, g)));
    const startDomains = new ConfigurationSession(c).domains();
    const random = mulberry32(21);
    let repaired = 0;
    for (let round = 0; round < 4; round++) {
      const session = new ConfigurationSession(c);
      for (let step = 0; step < 8; step++) {
        const domains = session.domains();
        const choices = c.product.attributes.filter((a) => !(a.id in session.selections) && domains[a.id]!.length >= 2);
        const attribute = choices[Math.floor(random() * choices.length)]!;
        session.select(attribute.id, domains[attribute.id]![Math.floor(random() * 2)]!);
      }
      // Values the decisions took away: possible at the start, not now.
      const domains = session.domains();
      const lost = c.product.attributes.filter((a) => !(a.id in session.selections) && domains[a.id]!.length === 1 && startDomains[a.id]!.length === 2);
      assert.ok(lost.length > 0, 'the decisions take some values away');
      for (let k = 0; k < 3; k++) {
        const attribute = lost[Math.floor(random() * lost.length)]!;
        const wanted: Decision = { attribute: attribute.id, value: !domains[attribute.id]![0] };
        const decisions = session.decisions;
        assert.equal(satisfiable([...decisions, wanted]), false, 'MiniSat agrees the value is unavailable');
        const explanation = session.explain(wanted);
        assert.equal(explanation.available, false);
        const repair = explanation.repair;
        assert.ok(repair && repair.length > 0, `${wanted.attribute} was possible at the start, so some repair exists`);
        // The repair works, and no smaller one does (minimum cardinality).
        assert.ok(satisfiable([...without(decisions, repair), wanted]), 'MiniSat: the repair makes the value available');
        for (let size = 0; size < repair.length; size++) {
          for (const dropped of subsets(decisions, size)) assert.ok(!satisfiable([...without(decisions, dropped), wanted]), `a smaller repair exists: ${JSON.stringify(dropped)}`);
        }
        // The conflicting decisions clash with the value, and each of them is needed.
        const conflicting = explanation.conflicting;
        assert.ok(!satisfiable([...conflicting, wanted]));
        for (const d of conflicting) assert.ok(satisfiable([...without(conflicting, [d]), wanted]), `${JSON.stringify(d)} is not needed in the conflict`);
        // The named rules (clause-i is the file's clause i) alone exclude it with those decisions, and each is needed.
        const onlyClauses = (ids: readonly string[]) => {
          const solver = new Logic.Solver();
          for (const id of ids) {
            const clause = clauses[Number(/^clause-(\d+)$/.exec(id)![1]) - 1]!;
            solver.require(Logic.or(clause.map((l) => (l > 0 ? name(varOf[l]!) : Logic.not(name(varOf[-l]!))))));
          }
          return solver.solveAssuming(Logic.and([...conflicting, wanted].map((d) => logicLit(literalOf(d))))) !== null;
        };
        assert.equal(onlyClauses(explanation.rules), false, `rules ${explanation.rules.join(', ')} do not exclude the value`);
        for (const rule of explanation.rules) assert.ok(onlyClauses(explanation.rules.filter((r) => r !== rule)), `rule ${rule} is not needed`);
        // Select succeeds once the repair is applied: in a fresh session, and through makeAvailable.
        const fresh = new ConfigurationSession(c);
        for (const d of without(decisions, repair)) fresh.select(d.attribute, d.value);
        fresh.select(wanted.attribute, wanted.value);
        assert.ok(fresh.count() > 0n);
        const applied = session.makeAvailable(wanted);
        assert.deepEqual(applied.repair, repair);
        assert.equal(session.selections[wanted.attribute], wanted.value);
        assert.deepEqual(without(session.decisions, [wanted]), without(decisions, repair));
        assert.ok(session.undo());
        assert.deepEqual(session.decisions, decisions);
        repaired++;
      }
    }
    assert.equal(repaired, 12);
  });
});

/** Subsets of a list with exactly k members. */
function* subsets<T>(list: readonly T[], k: number, from = 0): Generator<T[]> {
  if (k === 0) return yield [];
  for (let i = from; i <= list.length - k; i++) for (const rest of subsets(list, k - 1, i + 1)) yield [list[i]!, ...rest];
}
