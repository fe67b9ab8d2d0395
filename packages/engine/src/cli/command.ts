/**
 * What every `cpq` command shares: reading its arguments (with `--help` and `-h`), reading
 * its files, flag values with clear messages, and printing what went wrong, as text lines
 * or, with `--json`, as one JSON object. Exit codes: 0 done, 1 an input that cannot be
 * used, 2 a usage mistake.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkRamp, formatProblem, ValidationError, type MoneyJSON, type Problem, type Ramp } from '../index.js';
import { parseJson } from '../internal/json.js';

export type Out = (line: string) => void;

/** The options of a command, as node's `parseArgs` takes them. */
export type Options = Record<string, { readonly type: 'string' | 'boolean'; readonly multiple?: boolean }>;

/** A command's flags and positionals, typed by its options. */
export type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true }>>;

/** Runs one command with the arguments after its name; returns the exit code. */
export type Command = (args: readonly string[], out: Out, err: Out) => Promise<number>;

export const EXIT_CODES = `Exit codes: 0 done; 1 a problem with the input: a file, or a value the engine refuses
(--quantity 0, --date 2026-02-30); 2 a usage mistake: an unknown option, a missing
argument, or a flag value the command itself cannot use (--steps 0, --valid-days x).`;

/** A mistake in how the command was called: the message and the command's usage go to stderr; exit code 2. */
export class UsageError extends Error {}

/** An input that cannot be used: a one-line summary and, for a document or a request, its problems; exit code 1. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
  }

  /**
   * A {@link ValidationError} as an input error (anything else as it is): under the file's
   * name when there is one, and each problem whose value came from a flag named by that flag
   * (`flags` maps a problem path, item indices left out, to the flag: `{ 'context.quantity': '--quantity' }`).
   */
  static from(error: unknown, where: { readonly file?: string; readonly flags?: Readonly<Record<string, string>> } = {}): unknown {
    if (!(error instanceof ValidationError)) return error;
    const flagOf = (path: string): string => where.flags?.[path.replace(/\[\d+\]/g, '')] ?? path;
    const problems = new Map<string, Problem>();
    for (const { path, message } of error.problems) problems.set(`${flagOf(path)}\n${message}`, { path: flagOf(path), message });
    // Several items can have the same flag's problem: counted once.
    const count = problems.size === 1 ? '1 problem' : `${problems.size} problems`;
    const summary = error.message.split('\n')[0]!.replace(/ has \d+ problems?:$/, ` has ${count}`);
    return new InputError(where.file === undefined ? summary : `${where.file}: ${summary}`, [...problems.values()]);
  }

  /** As text: `cpq: message` alone, or the summary and a line per problem. */
  lines(): string[] {
    return this.problems.length === 0 ? [`cpq: ${this.message}`] : [`${this.message}:`, ...this.problems.map(formatProblem)];
  }
}

/**
 * A command: parses `args` for `options` (`--help` or `-h` prints `usage` to stdout and exits 0),
 * runs `main`, and prints its usage or input errors to stderr: text lines, or with `--json`
 * (for commands that have it) one object `{"error": "...", "issues": [{"path", "message"}]}`.
 */
export function command<const O extends Options>(
  usage: string,
  options: O,
  main: (parsed: Parsed<O>, out: Out, err: Out) => number | Promise<number>,
): Command {
  return async (args, out, err) => {
    const own = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
    if (own.includes('--help') || own.includes('-h')) {
      out(`${usageText(usage)}\n\n${EXIT_CODES}`);
      return 0;
    }
    const json = 'json' in options && own.includes('--json');
    try {
      return await main(parse(args, options), out, err);
    } catch (thrown) {
      const error = InputError.from(thrown);
      if (error instanceof UsageError) {
        if (json) err(JSON.stringify({ error: error.message, issues: [] }));
        else {
          err(`cpq: ${error.message}\n`);
          err(usageText(usage));
        }
        return 2;
      }
      if (!(error instanceof InputError)) throw error;
      if (json) err(JSON.stringify({ error: error.message, issues: error.problems.map(({ path, message }) => ({ path, message })) }));
      else error.lines().forEach((line) => err(line));
      return 1;
    }
  };
}

function usageText(usage: string): string {
  return `Usage:\n  ${usage}`;
}

/** Node's parser, with a value that looks like a negative number taken as the value, and its errors as usage errors. */
function parse<O extends Options>(args: readonly string[], options: O): Parsed<O> {
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === '--') {
      words.push(...args.slice(i));
      break;
    }
    // `--quantity -2` is the value -2 (node would call it ambiguous), so the engine can say what is wrong with it.
    const name = word.startsWith('--') ? word.slice(2) : '';
    const next = args[i + 1];
    if (Object.hasOwn(options, name) && options[name]!.type === 'string' && next !== undefined && /^-\.?\d/.test(next)) {
      words.push(`${word}=${next}`);
      i++;
    } else words.push(word);
  }
  try {
    return parseArgs({ args: words, options, allowPositionals: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(-[^' ]+)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) throw new UsageError(`unknown option ${option}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
      if (/does not take an argument/.test(message)) throw new UsageError(`${option} takes no value`);
      if (/ambiguous/.test(message)) throw new UsageError(`${option} needs a value (for one that starts with "-", write ${option}=VALUE)`);
      throw new UsageError(`${option} needs a value`);
    }
    throw new UsageError(message.split('\n')[0]!);
  }
}

const MAX = Number.MAX_SAFE_INTEGER;
/** A number as typed in plain decimal notation: `12`, `-2`, `0.35`, `.5`. */
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)$/;

/**
 * A whole-number flag that the command itself uses (`--steps`, `--valid-days`): anything else is
 * a usage mistake, named with the flag and the text as typed (never a rounded number).
 */
export function wholeNumber(text: string, flag: string, { min = 1, max = MAX }: { min?: number; max?: number } = {}): number {
  const value = DECIMAL.test(text) ? Number(text) : Number.NaN;
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  const range = max === MAX && !(Number.isInteger(value) && value > max) ? `of ${min} or more` : `from ${min} to ${max}`;
  throw new UsageError(`${flag}: must be a whole number ${range}, found ${DECIMAL.test(text) ? text : JSON.stringify(text)}`);
}

/**
 * A number flag whose value goes to the engine, which checks it and says what it expected
 * (`what` names the request in its problems, e.g. "The price request"): the number the text
 * spells, or the text as typed when it spells none. A number beyond ±(2^53 − 1) would reach
 * the engine rounded, so it is refused here, as typed.
 */
export function engineNumber(text: string, flag: string, what: string): number | string {
  if (!DECIMAL.test(text)) return text;
  const value = Number(text);
  if (Math.abs(value) <= MAX) return value;
  throw new ValidationError(what, [{ path: flag, message: `must be ${value < 0 ? `at least -${MAX}` : `at most ${MAX}`}, found ${text}` }]);
}

/** A file's text; a missing or unreadable file is an input error that names it. */
export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read (${code ?? String(error)})`);
  }
}

/** A file read with `parse`; the document's problems are reported under the file's name. */
export function readDocument<T>(file: string, parse: (text: string) => T): T {
  const text = readText(file);
  try {
    return parse(text);
  } catch (error) {
    throw InputError.from(error, { file });
  }
}

/** A context file (`--context`): a JSON object read strictly; the engine checks its fields with their paths. */
export function readContext(file: string): Record<string, unknown> {
  return readDocument(file, (text) => {
    const parsed = parseJson(text);
    if (!parsed.ok) throw new ValidationError('The context', parsed.problems);
    const value = parsed.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new ValidationError('The context', [{ path: '', message: 'must be a JSON object such as {"segment": "enterprise"}' }]);
    }
    return value as Record<string, unknown>;
  });
}

/** "1436.40" → "1,436.40": digits grouped on the decimal string itself, never through a float. */
export function amount(money: MoneyJSON): string {
  const [whole = '', decimals] = money.amount.split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${decimals === undefined ? '' : `.${decimals}`}`;
}


/** A ramp file: its shape checked, problems under `ramp.`. */
export const rampFile = (file: string): Ramp =>
  readDocument(file, (text) => {
    const parsed = parseJson(text);
    if (!parsed.ok) throw new ValidationError('The ramp', parsed.problems);
    return checkRamp(parsed.value);
  });

