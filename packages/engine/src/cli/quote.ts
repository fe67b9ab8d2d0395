/**
 * `cpq quote`: make signed quotes from configurations, verify quotes that come back
 * (signature, dates, catalog, and every amount priced again), and make keys.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  createQuote,
  formatProblem,
  generateQuoteKey,
  loadCatalog,
  loadConfiguration,
  publicQuoteKey,
  readQuoteKey,
  signQuote,
  ValidationError,
  verifyQuote,
  type Catalog,
  type QuoteContextInput,
  type QuoteKey,
} from '../index.js';
import { parseJson } from '../internal/json.js';

export const QUOTE_HELP = `cpq quote create CATALOG.json --config CONFIG.json [--config ...] [options]
      Price configurations and print the quote as JSON, signed with --key-file.
        --key-file K             a JSON Web Key (cpq quote keygen makes one); unsigned without it
        --valid-days N           days the quote may be accepted (default 30)
        --quantity N             how many of each configured product (default 1)
        --context FILE.json      the price context: date, segment, partner, currency, orderDiscount...
        --date YYYY-MM-DD        the day prices apply (default: today, UTC)
        --number Q               the quote number (default: made from the day and the contents)
  cpq quote verify QUOTE.json --catalog CATALOG.json --key-file K [--now ISO-TIME]
      Check the signature, the expiry and the catalog, price the quote again and
      compare every amount. Exits 0 when valid, else 1 with every reason, one per line.
  cpq quote keygen [--alg HS256|Ed25519] [--kid ID]
      Print a new random key as a JSON Web Key (HS256: a shared secret; Ed25519: a key pair).
  cpq quote public-key --key-file K
      Print the public half of an Ed25519 key, for resellers who only verify.`;

type Out = (line: string) => void;

/** Runs `cpq quote ...`; returns the exit code (0, 1 for a problem with the input, 2 for a usage mistake). */
export async function quoteCommand(args: readonly string[], out: Out, err: Out): Promise<number> {
  const [sub, ...rest] = args;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        config: { type: 'string', multiple: true },
        catalog: { type: 'string' },
        'key-file': { type: 'string' },
        'valid-days': { type: 'string' },
        quantity: { type: 'string' },
        context: { type: 'string' },
        date: { type: 'string' },
        number: { type: 'string' },
        now: { type: 'string' },
        alg: { type: 'string' },
        kid: { type: 'string' },
      },
    });
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error), err);
  }
  const { values, positionals } = parsed;
  const files = new Files(err);
  try {
    switch (sub) {
      case 'create': {
        if (positionals.length !== 1) return usage('quote create takes one catalog file', err);
        if (!values.config?.length) return usage('quote create needs --config CONFIG.json', err);
        const days = whole(values['valid-days'] ?? '30', '--valid-days');
        const quantity = whole(values.quantity ?? '1', '--quantity');
        if (typeof days === 'string' || typeof quantity === 'string') return usage(typeof days === 'string' ? days : (quantity as string), err);
        const catalog = files.catalog(positionals[0]!);
        const items = values.config.map((file) => ({ configuration: files.read(file, (text) => loadConfiguration(text, catalog)), quantity }));
        const context: Record<string, unknown> = values.context === undefined ? {} : files.read(values.context, contextOf);
        if (values.date !== undefined) context['date'] = values.date;
        const key = values['key-file'] === undefined ? undefined : files.key(values['key-file']);
        const now = new Date();
        const quote = await createQuote({
          catalog,
          items,
          context: context as QuoteContextInput,
          validUntil: new Date(now.getTime() + days * 86_400_000),
          now,
          ...(values.number === undefined ? {} : { number: values.number }),
        });
        out(JSON.stringify(key ? await signQuote(quote, key) : quote, null, 2));
        return 0;
      }
      case 'verify': {
        if (positionals.length !== 1) return usage('quote verify takes one quote file', err);
        if (values.catalog === undefined || values['key-file'] === undefined) return usage('quote verify needs --catalog CATALOG.json and --key-file K', err);
        const catalog = files.catalog(values.catalog);
        const key = files.key(values['key-file']);
        const file = positionals[0]!;
        const text = files.read(file, (t) => t);
        const result = await verifyQuote(text, { catalog, key, ...(values.now === undefined ? {} : { now: values.now }) });
        if (result.valid) {
          const { number, version, totals } = result.quote;
          out(`${file}: valid quote ${number} version ${version}, grand total ${totals.grandTotal.amount} ${totals.grandTotal.currency}, valid until ${result.quote.validUntil}`);
          return 0;
        }
        err(`${file}: not a valid quote (${result.reasons.length === 1 ? '1 reason' : `${result.reasons.length} reasons`}):`);
        for (const reason of result.reasons) err(reason.message);
        return 1;
      }
      case 'keygen': {
        if (values.alg !== undefined && values.alg !== 'HS256' && values.alg !== 'Ed25519') return usage(`--alg is HS256 or Ed25519, not "${values.alg}"`, err);
        out(JSON.stringify(await generateQuoteKey(values.alg ?? 'HS256', values.kid), null, 2));
        return 0;
      }
      case 'public-key': {
        if (values['key-file'] === undefined) return usage('quote public-key needs --key-file K', err);
        out(JSON.stringify(publicQuoteKey(files.key(values['key-file'])), null, 2));
        return 0;
      }
      default:
        return usage(sub === undefined ? 'quote needs a subcommand: create, verify, keygen or public-key' : `unknown quote subcommand "${sub}"`, err);
    }
  } catch (error) {
    if (error instanceof FileFailed) return 1;
    if (!(error instanceof ValidationError)) throw error;
    err(error.message.split('\n')[0]!);
    error.problems.forEach((p) => err(formatProblem(p)));
    return 1;
  }
}

/** Already reported to the user; ends the command with exit code 1. */
class FileFailed extends Error {}

/** Reads the command's files, reporting a missing file or a bad document with the file's name. */
class Files {
  constructor(private readonly err: Out) {}

  read<T>(file: string, parse: (text: string) => T): T {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      this.err(`cpq: ${code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read (${code ?? String(error)})`}`);
      throw new FileFailed();
    }
    try {
      return parse(text);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      this.err(`${file}: ${error.message.split('\n')[0]}`);
      error.problems.forEach((p) => this.err(formatProblem(p)));
      throw new FileFailed();
    }
  }

  catalog(file: string): Catalog {
    return this.read(file, (text) => loadCatalog(text));
  }

  key(file: string): QuoteKey {
    return this.read(file, readQuoteKey);
  }
}

/** A context file: a JSON object read strictly; the engine checks its fields with their paths. */
function contextOf(text: string): Record<string, unknown> {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new ValidationError('The context', parsed.problems);
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError('The context', [{ path: '', message: 'must be a JSON object such as {"segment": "enterprise"}' }]);
  }
  return value as Record<string, unknown>;
}

/** A positive whole number, or the usage message. */
function whole(text: string, flag: string): number | string {
  return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : `${flag} needs a positive whole number, not "${text}"`;
}

function usage(message: string, err: Out): number {
  err(`cpq: ${message}\n`);
  err(`Usage:\n  ${QUOTE_HELP}`);
  return 2;
}
