/**
 * `cpq quote`: make signed quotes from configurations, verify quotes that come back
 * (signature, dates, catalog, and every amount priced again), and make keys.
 */
import {
  createQuote,
  generateQuoteKey,
  loadCatalog,
  loadConfiguration,
  publicQuoteKey,
  readQuoteKey,
  signQuote,
  verifyQuote,
  type Catalog,
  type QuoteContextInput,
  type QuoteItemInput,
  type QuoteKey,
} from '../index.js';
import { command, engineNumber, InputError, readContext, readDocument, readText, UsageError, wholeNumber, type Command } from './command.js';

const CREATE_HELP = `cpq quote create CATALOG.json --config CONFIG.json [--config ...] [options]
      Price configurations and print the quote as JSON, signed with --key-file.
        --key-file K             a JSON Web Key (cpq quote keygen makes one); unsigned without it
        --valid-days N           days the quote may be accepted (default 30, at most 36500)
        --quantity N             how many of each configured product (default 1)
        --context FILE.json      the price context: date, segment, partner, currency, orderDiscount...
        --date YYYY-MM-DD        the day prices apply (default: today, UTC)
        --number Q               the quote number (default: made from the day and the contents)`;
const VERIFY_HELP = `cpq quote verify QUOTE.json --catalog CATALOG.json --key-file K [--now ISO-TIME]
      Check the signature, the expiry and the catalog, price the quote again and
      compare every amount. Exits 0 when valid, else 1 with every reason, one per line.`;
const KEYGEN_HELP = `cpq quote keygen [--alg HS256|Ed25519] [--kid ID]
      Print a new random key as a JSON Web Key (HS256: a shared secret; Ed25519: a key pair).`;
const PUBLIC_KEY_HELP = `cpq quote public-key --key-file K
      Print the public half of an Ed25519 key, for resellers who only verify.`;

export const QUOTE_HELP = [CREATE_HELP, VERIFY_HELP, KEYGEN_HELP, PUBLIC_KEY_HELP].join('\n  ');

const catalogFile = (file: string): Catalog => readDocument(file, (text) => loadCatalog(text));
const keyFile = (file: string): QuoteKey => readDocument(file, readQuoteKey);

const SUBCOMMANDS: Record<string, Command> = {
  create: command(
    CREATE_HELP,
    {
      config: { type: 'string', multiple: true },
      'key-file': { type: 'string' },
      'valid-days': { type: 'string' },
      quantity: { type: 'string' },
      context: { type: 'string' },
      date: { type: 'string' },
      number: { type: 'string' },
    },
    async ({ values, positionals }, out) => {
      if (positionals.length !== 1) throw new UsageError('quote create takes one catalog file');
      if (!values.config?.length) throw new UsageError('quote create needs --config CONFIG.json');
      const days = wholeNumber(values['valid-days'] ?? '30', '--valid-days', { max: 36_500 });
      const quantity = values.quantity === undefined ? undefined : engineNumber(values.quantity, '--quantity', 'The quote request');
      const catalog = catalogFile(positionals[0]!);
      const items = values.config.map((file) => ({
        configuration: readDocument(file, (text) => loadConfiguration(text, catalog)),
        ...(quantity === undefined ? {} : { quantity: quantity as number }), // the engine refuses a text with its path
      })) satisfies QuoteItemInput[];
      const context = values.context === undefined ? {} : readContext(values.context);
      if (values.date !== undefined) context['date'] = values.date;
      const key = values['key-file'] === undefined ? undefined : keyFile(values['key-file']);
      const now = new Date();
      // A problem with a value given as a flag names the flag.
      const flags: Record<string, string> = {};
      if (quantity !== undefined) flags['items.quantity'] = '--quantity';
      if (values.date !== undefined) flags['context.date'] = '--date';
      if (values.number !== undefined) flags['number'] = '--number';
      const quote = await createQuote({
        catalog,
        items,
        context: context as QuoteContextInput,
        validUntil: new Date(now.getTime() + days * 86_400_000),
        now,
        ...(values.number === undefined ? {} : { number: values.number }),
      }).catch((error: unknown) => {
        throw InputError.from(error, { flags });
      });
      out(JSON.stringify(key ? await signQuote(quote, key) : quote, null, 2));
      return 0;
    },
  ),
  verify: command(VERIFY_HELP, { catalog: { type: 'string' }, 'key-file': { type: 'string' }, now: { type: 'string' } }, async ({ values, positionals }, out, err) => {
    if (positionals.length !== 1) throw new UsageError('quote verify takes one quote file');
    if (values.catalog === undefined || values['key-file'] === undefined) throw new UsageError('quote verify needs --catalog CATALOG.json and --key-file K');
    const catalog = catalogFile(values.catalog);
    const key = keyFile(values['key-file']);
    const file = positionals[0]!;
    const result = await verifyQuote(readText(file), { catalog, key, ...(values.now === undefined ? {} : { now: values.now }) });
    if (result.valid) {
      const { number, version, totals } = result.quote;
      out(`${file}: valid quote ${number} version ${version}, grand total ${totals.grandTotal.amount} ${totals.grandTotal.currency}, valid until ${result.quote.validUntil}`);
      return 0;
    }
    err(`${file}: not a valid quote (${result.reasons.length === 1 ? '1 reason' : `${result.reasons.length} reasons`}):`);
    for (const reason of result.reasons) err(reason.message);
    return 1;
  }),
  keygen: command(KEYGEN_HELP, { alg: { type: 'string' }, kid: { type: 'string' } }, async ({ values, positionals }, out) => {
    if (positionals.length > 0) throw new UsageError('quote keygen takes no file');
    if (values.alg !== undefined && values.alg !== 'HS256' && values.alg !== 'Ed25519') throw new UsageError(`--alg is HS256 or Ed25519, not "${values.alg}"`);
    out(JSON.stringify(await generateQuoteKey(values.alg ?? 'HS256', values.kid), null, 2));
    return 0;
  }),
  'public-key': command(PUBLIC_KEY_HELP, { 'key-file': { type: 'string' } }, ({ values, positionals }, out) => {
    if (positionals.length > 0) throw new UsageError('quote public-key takes no file; give the key with --key-file K');
    if (values['key-file'] === undefined) throw new UsageError('quote public-key needs --key-file K');
    out(JSON.stringify(publicQuoteKey(keyFile(values['key-file'])), null, 2));
    return 0;
  }),
};

/** `cpq quote create|verify|keygen|public-key`: exit code 0, 1 for a problem with the input, 2 for a usage mistake. */
export const quoteCommand: Command = (args, out, err) => {
  const [sub, ...rest] = args;
  if (sub !== undefined && Object.hasOwn(SUBCOMMANDS, sub)) return SUBCOMMANDS[sub]!(rest, out, err);
  // `cpq quote --help`, or no or an unknown subcommand: the usage of them all.
  return command(QUOTE_HELP, {}, () => {
    throw new UsageError(sub === undefined ? 'quote needs a subcommand: create, verify, keygen or public-key' : `unknown quote subcommand "${sub}"`);
  })(args, out, err);
};
