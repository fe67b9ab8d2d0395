/**
 * `cpq count`, `cpq domains` and `cpq bench`: the configuration engine on a catalog
 * (`.json`) or a public variability model (`.uvl`, `.dimacs`). Their output is a
 * contract that automated checks read: keep it exactly as documented in HELP.
 */
import { basename, extname } from 'node:path';
import {
  compile,
  ConfigurationSession,
  importDimacs,
  importUvl,
  loadCatalog,
  loadSpace,
  SpaceError,
  type CompiledProduct,
  type CompileOptions,
  type ValidDomain,
} from '../index.js';

export interface Model {
  readonly compiled: CompiledProduct;
  /** Attribute id -> the name printed and accepted on the command line. */
  readonly names: ReadonlyMap<string, string>;
  /** Time to compile, or with a precompiled space, to load it (hash check included). */
  readonly compileMs: number;
  readonly loadedFrom: 'compiled' | 'space';
}

/** Reads a model by its extension and compiles it, or loads its precompiled space (`space`, a JSON text). */
export async function loadModel(
  file: string,
  text: string,
  product: string | undefined,
  limits: Pick<CompileOptions, 'form' | 'nodeLimit' | 'timeLimit'>,
  space?: string,
): Promise<Model> {
  const extension = extname(file).toLowerCase();
  let catalog;
  let names: ReadonlyMap<string, string> | undefined;
  const name = basename(file, extname(file));
  if (extension === '.uvl') ({ catalog, names } = importUvl(text, { name }));
  else if (extension === '.dimacs' || extension === '.cnf') ({ catalog, names } = importDimacs(text, { name }));
  else catalog = loadCatalog(text, { maxLength: 100_000_000 });
  const started = performance.now();
  const compiled =
    space === undefined
      ? compile(catalog, { ...(product === undefined ? {} : { product }), ...limits })
      : await loadSpace(catalog, space);
  if (product !== undefined && compiled.product.id !== product) throw new SpaceError([{ path: 'product', message: `the space is for product "${compiled.product.id}", not "${product}"` }]);
  const compileMs = performance.now() - started;
  return {
    compiled,
    names: names ?? new Map(compiled.product.attributes.map((a) => [a.id, a.id])),
    compileMs,
    loadedFrom: space === undefined ? 'compiled' : 'space',
  };
}

/** Valid domains keyed by the model's own names. */
export function namedDomains(model: Model, domains: Readonly<Record<string, ValidDomain>>): Record<string, ValidDomain> {
  const out: Record<string, ValidDomain> = {};
  for (const [id, values] of Object.entries(domains)) out[model.names.get(id) ?? id] = values;
  return out;
}

/** Applies `name=value` assignments (by the model's names) to a new session. */
export function sessionWith(model: Model, assignments: Record<string, unknown>): ConfigurationSession {
  const idOf = new Map([...model.names].map(([id, name]) => [name, id]));
  const session = new ConfigurationSession(model.compiled);
  for (const [name, value] of Object.entries(assignments)) {
    const id = idOf.get(name) ?? name;
    const attribute = model.compiled.product.attributes.find((a) => a.id === id);
    if (!attribute) throw new Error(`unknown attribute or feature "${name}"`);
    if (Array.isArray(value)) for (const option of value) session.select(id, String(option));
    else if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') session.select(id, value);
    else throw new Error(`${name}: expected true, false, a number, an option id or a list of option ids`);
  }
  return session;
}

/** Parses `a=true,b=false,display=d65,mics=3` into values. */
export function parseAssign(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = part.lastIndexOf('=');
    if (at <= 0) throw new Error(`--assign expects name=value pairs, not "${part}"`);
    const raw = part.slice(at + 1);
    out[part.slice(0, at)] = raw === 'true' ? true : raw === 'false' ? false : /^-?\d+$/.test(raw) ? Number(raw) : raw;
  }
  return out;
}

/**
 * The simulated user of `cpq bench`: from an empty session, each step picks (seeded)
 * an undecided attribute with at least two possible values and one of them, selects
 * it and recomputes every valid domain. Returns timings in milliseconds.
 */
export interface BenchResult {
  compileMs: number;
  /** `space` when the solution space was loaded precompiled: then compileMs is the load time. */
  loadedFrom: 'compiled' | 'space';
  stepMs: number[];
  p50: number;
  p95: number;
  max: number;
  rssMB: number;
  spaceNodes: number;
  /** The solution space's form: `bdd` or `ddnnf`. */
  form: 'bdd' | 'ddnnf';
  /** The simulated user's choices, so another approach can be timed on the same steps. */
  choices: [attribute: string, value: string | number | boolean][];
}

export function bench(model: Model, steps: number, seed: number): BenchResult {
  const random = mulberry32(seed);
  const session = new ConfigurationSession(model.compiled);
  let domains = session.domains();
  const stepMs: number[] = [];
  const choices: BenchResult['choices'] = [];
  for (let step = 0; step < steps; step++) {
    const open = model.compiled.product.attributes.filter((a) => !(a.id in session.selections) && (domains[a.id]?.length ?? 0) >= 2);
    if (open.length === 0) break;
    const attribute = open[Math.floor(random() * open.length)]!;
    const values = domains[attribute.id]!;
    const value = values[Math.floor(random() * values.length)]!;
    const started = performance.now();
    session.select(attribute.id, value);
    domains = session.domains();
    stepMs.push(performance.now() - started);
    choices.push([attribute.id, value]);
  }
  const sorted = [...stepMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    compileMs: round(model.compileMs),
    loadedFrom: model.loadedFrom,
    stepMs: stepMs.map(round),
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(sorted[sorted.length - 1] ?? 0),
    rssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
    spaceNodes: model.compiled.space.size,
    form: model.compiled.space.form,
    choices,
  };
}

/** A small seeded PRNG (mulberry32): the same seed gives the same simulated user everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
