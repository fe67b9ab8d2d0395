/**
 * The `cpq` command: the engine for Node users, scripts and CI.
 * Every command reads files, calls the same engine functions a browser would, and
 * exits 0 on success or 1 with one problem per line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bench, loadModel, namedDomains, parseAssign, sessionWith } from './configure.js';
import {
  CompileError,
  catalogJsonSchema,
  configurationJsonSchema,
  formatProblem,
  loadCatalog,
  loadConfiguration,
  ValidationError,
  saveSpace,
  SpaceError,
  type Catalog,
} from '../index.js';
import { PRICE_HELP, priceCommand } from './price.js';
import { QUOTE_HELP, quoteCommand } from './quote.js';
import { GUIDANCE_HELP, guidanceCommand } from './guidance.js';

const HELP = `cpq: the cpq-kit engine on the command line

Usage:
  cpq validate CATALOG.json [--config CONFIG.json ...] [--max-length N]
      Check a catalog (and configurations against it). Prints a one-line summary
      and exits 0, or prints every problem, one per line, and exits 1.
  ${PRICE_HELP}
  ${QUOTE_HELP}
  ${GUIDANCE_HELP}
  cpq schema [catalog|configuration]
      Print the JSON Schema of catalog (default) or configuration documents.
  cpq count MODEL [--product ID] [--assign name=value,...]
      MODEL is a catalog .json, a .uvl or a .dimacs file. The last line printed is
      the exact number of valid configurations (under the assignments, if given).
  cpq domains MODEL [--product ID] [--assign name=value,...] [--assignment FILE.json]
      Print one JSON object: every attribute or feature -> its still-possible values
      ([true,false], [true] or [false] for booleans; option ids; quantities).
  cpq bench MODEL [--product ID] [--steps 30] [--seed 1]
      A simulated user choosing seeded random possible values; prints one JSON
      object with compileMs, stepMs, p50, p95, max and rssMB.
  cpq compile MODEL [--product ID] [--out SPACE.json]
      Compile once, ahead of time: print (or write) the solution space as JSON, stamped
      with the catalog's content hash, for pages and servers to load instead of compiling.
  Options for count, domains and bench: --node-limit N (most diagram nodes compiling may use),
  --space SPACE.json (load this precompiled space of MODEL instead of compiling).
  cpq --help | --version
`;

/** Thrown for a usage mistake: the message and the help are printed, exit code 2. */
class UsageError extends Error {}

export async function run(argv: readonly string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return validate(rest, out, err);
      case 'price':
        return priceCommand(rest, out, err);
      case 'quote':
        return await quoteCommand(rest, out, err);
      case 'guidance':
        return guidanceCommand(rest, out, err);
      case 'schema':
        return schema(rest, out);
      case 'count':
      case 'domains':
      case 'bench':
      case 'compile':
        return await configure(command, rest, out);
      case '--version':
      case '-v':
        out(version());
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        out(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err(`cpq: ${error.message}\n`);
      err(HELP);
      return 2;
    }
    if (error instanceof ValidationError) {
      err(error.message.split('\n')[0]!);
      error.problems.forEach((p) => err(formatProblem(p)));
      return 1;
    }
    if (error instanceof FileError || error instanceof CompileError) {
      err(`cpq: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function validate(args: readonly string[], out: (line: string) => void, err: (line: string) => void): number {
  const { values, positionals } = usage(() =>
    parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { config: { type: 'string', multiple: true }, 'max-length': { type: 'string' } },
    }),
  );
  if (positionals.length !== 1) throw new UsageError('validate takes one catalog file');
  const limits = values['max-length'] === undefined ? {} : { maxLength: positiveInteger(values['max-length'], '--max-length') };
  const file = positionals[0]!;
  let catalog: Catalog;
  try {
    catalog = loadCatalog(readText(file), limits);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    err(`${file}: ${error.message.split('\n')[0]}`);
    error.problems.forEach((p) => err(formatProblem(p)));
    return 1;
  }
  out(`${file}: ${summary(catalog)}`);
  let failed = false;
  for (const configFile of values.config ?? []) {
    try {
      const configuration = loadConfiguration(readText(configFile), catalog, limits);
      out(`${configFile}: valid configuration of "${configuration.product}" (${Object.keys(configuration.selections).length} selections)`);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      err(`${configFile}: ${error.message.split('\n')[0]}`);
      error.problems.forEach((p) => err(formatProblem(p)));
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

function schema(args: readonly string[], out: (line: string) => void): number {
  const { positionals } = usage(() => parseArgs({ args: [...args], allowPositionals: true, options: {} }));
  const which = positionals[0] ?? 'catalog';
  if (which === 'catalog') out(JSON.stringify(catalogJsonSchema(), null, 2));
  else if (which === 'configuration') out(JSON.stringify(configurationJsonSchema(), null, 2));
  else throw new UsageError(`unknown schema "${which}": use "catalog" or "configuration"`);
  return 0;
}

async function configure(command: 'count' | 'domains' | 'bench' | 'compile', args: readonly string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = usage(() =>
    parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        product: { type: 'string' },
        assign: { type: 'string', multiple: true },
        assignment: { type: 'string' },
        steps: { type: 'string' },
        seed: { type: 'string' },
        'node-limit': { type: 'string' },
        space: { type: 'string' },
        out: { type: 'string' },
      },
    }),
  );
  if (positionals.length !== 1) throw new UsageError(`${command} takes one model file (.json, .uvl or .dimacs)`);
  const file = positionals[0]!;
  const nodeLimit = values['node-limit'] === undefined ? undefined : positiveInteger(values['node-limit'], '--node-limit');
  const space = values.space === undefined ? undefined : readText(values.space);
  let model;
  try {
    model = await loadModel(file, readText(file), values.product, nodeLimit, space);
  } catch (error) {
    if (!(error instanceof SpaceError)) throw error;
    throw new FileError(`${values.space}: ${error.message.split('\n').slice(1).map((line) => line.trim()).join('; ')}`);
  }
  if (command === 'compile') {
    const text = JSON.stringify(await saveSpace(model.compiled));
    if (values.out === undefined) out(text);
    else writeText(values.out, `${text}\n`);
    return 0;
  }
  if (command === 'bench') {
    const steps = values.steps === undefined ? 30 : positiveInteger(values.steps, '--steps');
    const seed = values.seed === undefined ? 1 : positiveInteger(values.seed, '--seed');
    const { choices, ...figures } = bench(model, steps, seed);
    out(JSON.stringify({ ...figures, steps: choices.length }));
    return 0;
  }
  const assignments: Record<string, unknown> = {};
  if (values.assignment !== undefined) {
    try {
      Object.assign(assignments, JSON.parse(readText(values.assignment)));
    } catch (error) {
      if (error instanceof FileError) throw error;
      throw new FileError(`${values.assignment}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  for (const text of values.assign ?? []) Object.assign(assignments, usage(() => parseAssign(text)));
  let session;
  try {
    session = sessionWith(model, assignments);
  } catch (error) {
    throw new FileError(error instanceof Error ? error.message : String(error));
  }
  if (command === 'count') out(session.count().toString());
  else out(JSON.stringify(namedDomains(model, session.domains())));
  return 0;
}

function summary(catalog: Catalog): string {
  const products = catalog.products;
  const attributes = products.reduce((n, p) => n + p.attributes.length, 0);
  const options = products.reduce(
    (n, p) => n + p.attributes.reduce((m, a) => m + ('options' in a ? a.options.length : 0), 0),
    0,
  );
  const rules = products.reduce((n, p) => n + (p.rules?.length ?? 0), 0);
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `valid catalog "${catalog.id}" ${catalog.version}: ${plural(products.length, 'product')}, ${plural(attributes, 'attribute')}, ${plural(options, 'option')}, ${plural(rules, 'rule')}`;
}

/** Runs node's argument parser, turning its errors (unknown flag, missing value) into usage errors. */
function usage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0) throw new UsageError(`${flag} needs a positive whole number, not "${text}"`);
  return value;
}

class FileError extends Error {}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read (${code ?? String(error)})`);
  }
}

function writeText(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new FileError(`${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
