/**
 * The `cpq` command: the engine for Node users, scripts and CI.
 * Every command reads files, calls the same engine functions a browser would, and
 * exits 0 on success, 1 with one problem per line, or 2 with its usage (command.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { bench, loadModel, namedDomains, parseAssign, sessionWith } from './configure.js';
import {
  CompileError,
  catalogJsonSchema,
  catalogWarnings,
  configurationJsonSchema,
  formatProblem,
  loadCatalog,
  loadConfiguration,
  saveSpace,
  SpaceError,
  type Catalog,
} from '../index.js';
import { command, EXIT_CODES, InputError, readDocument, readText, UsageError, wholeNumber, type Command, type Out, type Parsed } from './command.js';
import { PRICE_HELP, priceCommand } from './price.js';
import { QUOTE_HELP, quoteCommand } from './quote.js';
import { GUIDANCE_HELP, guidanceCommand } from './guidance.js';

const VALIDATE_HELP = `cpq validate CATALOG.json [--config CONFIG.json ...] [--max-length N]
      Check a catalog (and configurations against it). Prints a one-line summary
      and exits 0 (with a warning on stderr for each deprecated field, saying how to
      write it now), or prints every problem, one per line, and exits 1.`;
const SCHEMA_HELP = `cpq schema [catalog|configuration]
      Print the JSON Schema of catalog (default) or configuration documents.`;
const COUNT_HELP = `cpq count MODEL [--product ID] [--assign name=value,...]
      MODEL is a catalog .json, a .uvl or a .dimacs file. The last line printed is
      the exact number of valid configurations (under the assignments, if given).`;
const DOMAINS_HELP = `cpq domains MODEL [--product ID] [--assign name=value,...] [--assignment FILE.json]
      Print one JSON object: every attribute or feature -> its still-possible values
      ([true,false], [true] or [false] for booleans; option ids; quantities).`;
const BENCH_HELP = `cpq bench MODEL [--product ID] [--steps 30] [--seed 1]
      A simulated user choosing seeded random possible values; prints one JSON
      object with compileMs, stepMs, p50, p95, max and rssMB.`;
const COMPILE_HELP = `cpq compile MODEL [--product ID] [--form auto|bdd|ddnnf] [--out SPACE.json]
      Compile once, ahead of time: print (or write) the solution space as JSON, stamped
      with the catalog's content hash, for pages and servers to load instead of compiling.`;
const MODEL_OPTIONS_HELP = `Options for count, domains, bench and compile:
        --form auto|bdd|ddnnf    the solution space's form (default auto: a BDD when it stays
                                 small, else a decision-DNNF; see docs/configuration.md)
        --node-limit N           most nodes compiling may create (default 20000000)
        --time-limit SECONDS     how long compiling may take (default 60)
        --space SPACE.json       load this precompiled space of MODEL instead of compiling`;

const HELP = `cpq: the cpq-kit engine on the command line

Usage:
  ${[VALIDATE_HELP, PRICE_HELP, QUOTE_HELP, GUIDANCE_HELP, SCHEMA_HELP, COUNT_HELP, DOMAINS_HELP, BENCH_HELP, COMPILE_HELP].join('\n  ')}
  ${MODEL_OPTIONS_HELP}
  cpq COMMAND --help | cpq help COMMAND
      Print one command's usage (cpq quote create --help: one quote subcommand's).
  cpq --help | --version

With --json, price and guidance print errors to stderr as one JSON object:
{"error": "<summary>", "issues": [{"path": "...", "message": "..."}]}.
${EXIT_CODES}
`;

const validate = command(VALIDATE_HELP, { config: { type: 'string', multiple: true }, 'max-length': { type: 'string' } }, ({ values, positionals }, out, err) => {
  if (positionals.length !== 1) throw new UsageError('validate takes one catalog file');
  const limits = values['max-length'] === undefined ? {} : { maxLength: wholeNumber(values['max-length'], '--max-length') };
  const file = positionals[0]!;
  const catalog = readDocument(file, (text) => loadCatalog(text, limits));
  out(`${file}: ${summary(catalog)}`);
  for (const warning of catalogWarnings(catalog)) err(`warning: ${formatProblem(warning)}`);
  let failed = false;
  for (const configFile of values.config ?? []) {
    try {
      const configuration = readDocument(configFile, (text) => loadConfiguration(text, catalog, limits));
      out(`${configFile}: valid configuration of "${configuration.product}" (${Object.keys(configuration.selections).length} selections)`);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      error.lines().forEach((line) => err(line));
      failed = true;
    }
  }
  return failed ? 1 : 0;
});

const schema = command(SCHEMA_HELP, {}, ({ positionals }, out) => {
  const which = positionals[0] ?? 'catalog';
  if (which === 'catalog') out(JSON.stringify(catalogJsonSchema(), null, 2));
  else if (which === 'configuration') out(JSON.stringify(configurationJsonSchema(), null, 2));
  else throw new UsageError(`unknown schema "${which}": use "catalog" or "configuration"`);
  return 0;
});

/** A minute: a CLI user waits that long; a page's worker has its own budget. */
const DEFAULT_TIME_LIMIT_SECONDS = 60;

/** The options of count, domains, bench and compile (each takes them all). */
const MODEL_OPTIONS = {
  product: { type: 'string' },
  assign: { type: 'string', multiple: true },
  assignment: { type: 'string' },
  steps: { type: 'string' },
  seed: { type: 'string' },
  'node-limit': { type: 'string' },
  'time-limit': { type: 'string' },
  form: { type: 'string' },
  space: { type: 'string' },
  out: { type: 'string' },
} as const;

type ModelCommand = 'count' | 'domains' | 'bench' | 'compile';

const modelCommand = (name: ModelCommand, help: string): Command =>
  command(`${help}\n  ${MODEL_OPTIONS_HELP}`, MODEL_OPTIONS, async (parsed, out) => {
    try {
      return await configure(name, parsed, out);
    } catch (error) {
      throw error instanceof CompileError ? new InputError(error.message) : error;
    }
  });

const COMMANDS: Record<string, Command> = {
  validate,
  price: priceCommand,
  quote: quoteCommand,
  guidance: guidanceCommand,
  schema,
  count: modelCommand('count', COUNT_HELP),
  domains: modelCommand('domains', DOMAINS_HELP),
  bench: modelCommand('bench', BENCH_HELP),
  compile: modelCommand('compile', COMPILE_HELP),
};

export async function run(argv: readonly string[], out: Out, err: Out): Promise<number> {
  const [name, ...rest] = argv;
  if (name !== undefined && Object.hasOwn(COMMANDS, name)) return COMMANDS[name]!(rest, out, err);
  switch (name) {
    case '--version':
    case '-v':
      out(version());
      return 0;
    case 'help':
      // `cpq help price` is `cpq price --help`.
      if (rest.length > 0) return run([...rest, '--help'], out, err);
      out(HELP);
      return 0;
    case undefined:
    case '--help':
    case '-h':
      out(HELP);
      return name === undefined ? 2 : 0;
    default:
      err(`cpq: unknown command "${name}"\n`);
      err(HELP);
      return 2;
  }
}

async function configure(command: ModelCommand, { values, positionals }: Parsed<typeof MODEL_OPTIONS>, out: Out): Promise<number> {
  if (positionals.length !== 1) throw new UsageError(`${command} takes one model file (.json, .uvl or .dimacs)`);
  const file = positionals[0]!;
  const form = values.form ?? 'auto';
  if (form !== 'auto' && form !== 'bdd' && form !== 'ddnnf') throw new UsageError(`--form: must be auto, bdd or ddnnf, found ${JSON.stringify(form)}`);
  const limits = {
    form,
    ...(values['node-limit'] === undefined ? {} : { nodeLimit: wholeNumber(values['node-limit'], '--node-limit') }),
    timeLimit: 1000 * (values['time-limit'] === undefined ? DEFAULT_TIME_LIMIT_SECONDS : wholeNumber(values['time-limit'], '--time-limit', { max: 86_400 })),
  } as const;
  const space = values.space === undefined ? undefined : readText(values.space);
  let model;
  try {
    model = await loadModel(file, readText(file), values.product, limits, space);
  } catch (error) {
    if (!(error instanceof SpaceError)) throw error;
    throw new InputError(`${values.space}: ${error.message.split('\n').slice(1).map((line) => line.trim()).join('; ')}`);
  }
  if (command === 'compile') {
    const text = JSON.stringify(await saveSpace(model.compiled));
    if (values.out === undefined) out(text);
    else writeText(values.out, `${text}\n`);
    return 0;
  }
  if (command === 'bench') {
    const steps = values.steps === undefined ? 30 : wholeNumber(values.steps, '--steps');
    const seed = values.seed === undefined ? 1 : wholeNumber(values.seed, '--seed');
    const { choices, ...figures } = bench(model, steps, seed);
    out(JSON.stringify({ ...figures, steps: choices.length }));
    return 0;
  }
  const assignments: Record<string, unknown> = {};
  if (values.assignment !== undefined) {
    const text = readText(values.assignment);
    try {
      Object.assign(assignments, JSON.parse(text));
    } catch (error) {
      throw new InputError(`${values.assignment}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  for (const text of values.assign ?? []) {
    try {
      Object.assign(assignments, parseAssign(text));
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
  }
  let session;
  try {
    session = sessionWith(model, assignments);
  } catch (error) {
    throw new InputError(error instanceof Error ? error.message : String(error));
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

function writeText(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new InputError(`${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
