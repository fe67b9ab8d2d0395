/**
 * `cpq quote`: make signed quotes from configurations, verify quotes that come back
 * (signature, dates, catalog, and every amount priced again), and make keys.
 */
import {
  createQuote,
  generateQuoteKey,
  localize,
  readQuote,
  renewal,
  reviseQuote,
  ValidationError,
  type Quote,
  type QuoteItemChange,
  loadCatalog,
  loadConfiguration,
  publicQuoteKey,
  readQuoteKey,
  signQuote,
  verifyQuote,
  type Catalog,
  type Configuration,
  type SelectionValue,
  type QuoteContextInput,
  type QuoteItemInput,
  type QuoteKey,
} from '../index.js';
import { amount, command, engineNumber, InputError, rampFile, readContext, readDocument, readText, UsageError, wholeNumber, type Command } from './command.js';

const CREATE_HELP = `cpq quote create CATALOG.json --config CONFIG.json [--config ...] [options]
      Price configurations and print the quote as JSON, signed with --key-file.
        --key-file K             a JSON Web Key (cpq quote keygen makes one); unsigned without it
        --valid-days N           days the quote may be accepted (default 30, at most 36500)
        --quantity N             how many of each configured product (default 1)
        --context FILE.json      the price context: date, segment, partner, currency, orderDiscount...
        --date YYYY-MM-DD        the day prices apply (default: today, UTC)
        --number Q               the quote number (default: made from the day and the contents)
        --ramp RAMP.json         a ramp deal for each configuration: {"segments": [{"months": 12},
                                 {"months": 12, "selections": {"seats": 200}}], "upliftPercent": "5"}`;
const AMEND_HELP = `cpq quote amend QUOTE.json --catalog CATALOG.json --date YYYY-MM-DD --config CONFIG.json [--config ...]
      Change an accepted quote from a day inside its term: print the next version as JSON,
      with "amendment": what each line's change costs to the end of the term.
        --config FILE            the items as they are from --date on, in the quote's order
                                 (fewer removes the last items, more adds items)
        --quantity N             how many of each configured product (default: each item's own)
        --proration day|month    by days or by started months left (default: the price book's)
        --start YYYY-MM-DD       the term's first day (default: the quote's)
        --key-file K             sign the revision
        --summary                print the change as a table instead of the quote`;
const RENEW_HELP = `cpq quote renew QUOTE.json --catalog CATALOG.json [--valid-days N] [--key-file K]
      Print the renewal quote of an accepted quote: its recurring charges for the next term,
      from the end of this one, with the renewal uplift the price book declares.`;
const VERIFY_HELP = `cpq quote verify QUOTE.json --catalog CATALOG.json --key-file K [--now ISO-TIME]
      Check the signature, the expiry and the catalog, price the quote again and
      compare every amount. Exits 0 when valid, else 1 with every reason, one per line.`;
const KEYGEN_HELP = `cpq quote keygen [--alg HS256|Ed25519] [--kid ID]
      Print a new random key as a JSON Web Key (HS256: a shared secret; Ed25519: a key pair).`;
const PUBLIC_KEY_HELP = `cpq quote public-key --key-file K
      Print the public half of an Ed25519 key, for resellers who only verify.`;

export const QUOTE_HELP = [CREATE_HELP, AMEND_HELP, RENEW_HELP, VERIFY_HELP, KEYGEN_HELP, PUBLIC_KEY_HELP].join('\n  ');

const catalogFile = (file: string): Catalog => readDocument(file, (text) => loadCatalog(text));
const keyFile = (file: string): QuoteKey => readDocument(file, readQuoteKey);

/** An accepted quote's file, read strictly (its amounts are priced again by what uses it). */
const quoteFile = (file: string): Quote =>
  readDocument(file, (text) => {
    const read = readQuote(text);
    if (!read.ok) throw new ValidationError('The quote', read.reasons.map((r) => ({ path: r.path, message: r.message.replace(`${r.path}: `, '') })));
    return read.quote;
  });

/** The item changes that turn a quote's items into these configurations, in order. */
function changesTo(quote: Quote, configurations: readonly Configuration[], quantity: number | undefined): QuoteItemChange[] {
  const changes: QuoteItemChange[] = [];
  configurations.forEach((configuration, i) => {
    const item = quote.items[i];
    const q = quantity === undefined ? {} : { quantity };
    if (!item || item.configuration.product !== configuration.product) {
      if (item) changes.push({ remove: item.id });
      changes.push({ add: { configuration, ...q } });
      return;
    }
    // Every selection of the new configuration, and what it no longer has removed.
    const select: Record<string, SelectionValue | null> = { ...configuration.selections };
    for (const id of Object.keys(item.configuration.selections)) if (!Object.hasOwn(select, id)) select[id] = null;
    changes.push({ item: item.id, select, ...q });
  });
  for (const item of quote.items.slice(configurations.length)) changes.push({ remove: item.id });
  return changes;
}

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
      ramp: { type: 'string' },
    },
    async ({ values, positionals }, out) => {
      if (positionals.length !== 1) throw new UsageError('quote create takes one catalog file');
      if (!values.config?.length) throw new UsageError('quote create needs --config CONFIG.json');
      const days = wholeNumber(values['valid-days'] ?? '30', '--valid-days', { max: 36_500 });
      const quantity = values.quantity === undefined ? undefined : engineNumber(values.quantity, '--quantity', 'The quote request');
      const catalog = catalogFile(positionals[0]!);
      const ramp = values.ramp === undefined ? undefined : rampFile(values.ramp);
      const items = values.config.map((file) => ({
        configuration: readDocument(file, (text) => loadConfiguration(text, catalog)),
        ...(quantity === undefined ? {} : { quantity: quantity as number }), // the engine refuses a text with its path
        ...(ramp === undefined ? {} : { ramp }),
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
  amend: command(
    AMEND_HELP,
    {
      catalog: { type: 'string' },
      date: { type: 'string' },
      config: { type: 'string', multiple: true },
      quantity: { type: 'string' },
      proration: { type: 'string' },
      start: { type: 'string' },
      'key-file': { type: 'string' },
      summary: { type: 'boolean' },
    },
    async ({ values, positionals }, out) => {
      if (positionals.length !== 1) throw new UsageError('quote amend takes one quote file');
      if (values.catalog === undefined || values.date === undefined || !values.config?.length) throw new UsageError('quote amend needs --catalog CATALOG.json, --date YYYY-MM-DD and --config CONFIG.json');
      if (values.proration !== undefined && values.proration !== 'day' && values.proration !== 'month') throw new UsageError(`--proration is day or month, not "${values.proration}"`);
      const catalog = catalogFile(values.catalog);
      const quote = quoteFile(positionals[0]!);
      const configurations = values.config.map((file) => readDocument(file, (text) => loadConfiguration(text, catalog)));
      const quantity = values.quantity === undefined ? undefined : wholeNumber(values.quantity, '--quantity');
      const key = values['key-file'] === undefined ? undefined : keyFile(values['key-file']);
      const amend = { date: values.date, ...(values.start === undefined ? {} : { start: values.start }), ...(values.proration === undefined ? {} : { proration: values.proration as 'day' | 'month' }) };
      const revision = await reviseQuote(quote, { items: changesTo(quote, configurations, quantity), amend, validUntil: quote.validUntil < today() ? addDays(30) : quote.validUntil }, { catalog }).catch((error: unknown) => {
        throw InputError.from(error, { flags: { 'changes.amend.date': '--date', 'changes.amend.start': '--start', date: '--date', start: '--start' } });
      });
      if (values.summary) amendmentTable(revision, catalog).forEach((line) => out(line));
      else out(JSON.stringify(key ? await signQuote(revision, key) : revision, null, 2));
      return 0;
    },
  ),
  renew: command(RENEW_HELP, { catalog: { type: 'string' }, 'valid-days': { type: 'string' }, 'key-file': { type: 'string' } }, async ({ values, positionals }, out) => {
    if (positionals.length !== 1) throw new UsageError('quote renew takes one quote file');
    if (values.catalog === undefined) throw new UsageError('quote renew needs --catalog CATALOG.json');
    const catalog = catalogFile(values.catalog);
    const quote = quoteFile(positionals[0]!);
    const days = wholeNumber(values['valid-days'] ?? '30', '--valid-days', { max: 36_500 });
    const key = values['key-file'] === undefined ? undefined : keyFile(values['key-file']);
    const next = await createQuote(renewal(catalog, quote, { validUntil: addDays(days) })).catch((error: unknown) => {
      throw InputError.from(error, {});
    });
    out(JSON.stringify(key ? await signQuote(next, key) : next, null, 2));
    return 0;
  }),
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

/** The UTC day `days` from now. */
function addDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A revision's amendment as text: each line's change and what it costs to the end of the term. */
function amendmentTable(revision: Quote, catalog: Catalog): string[] {
  const a = revision.amendment!;
  const text = (t: Parameters<typeof localize>[0]): string => localize(t, catalog.defaultLocale);
  const rows = [`Change to ${revision.number} from ${a.date} (term from ${a.start}, prorated by ${a.proration}), ${a.currency}:`, ''];
  for (const line of a.lines) {
    const state = (s: typeof line.before) => (s ? `${s.quantity} for ${amount(s.net)}` : 'none');
    const per = line.period ? ` per ${line.period}` : '';
    const part = line.term ? `${line.term.remaining} of ${line.term.of} ${a.proration === 'day' ? 'days' : 'months'} left of ${amount(line.term.fullTerm)} over the term` : 'in full';
    rows.push(`${text(line.name)}${per}, ${line.change}: ${state(line.before)} → ${state(line.after)}`);
    rows.push(`  ${part}`.padEnd(60) + amount(line.amount).padStart(14));
  }
  rows.push('');
  const row = (label: string, money: Parameters<typeof amount>[0]): string => label.padEnd(60) + amount(money).padStart(14);
  rows.push(row(`Net${a.taxIncluded ? ' (tax included)' : ''}`, a.totals.net));
  for (const tax of a.totals.tax) rows.push(row(tax.name === undefined ? `Tax ${tax.percent}%` : text(tax.name), tax.amount));
  rows.push(row(`Total, ${a.currency}`, a.totals.includingTax));
  return rows;
}

/** `cpq quote create|amend|renew|verify|keygen|public-key`: exit code 0, 1 for a problem with the input, 2 for a usage mistake. */
export const quoteCommand: Command = (args, out, err) => {
  const [sub, ...rest] = args;
  if (sub !== undefined && Object.hasOwn(SUBCOMMANDS, sub)) return SUBCOMMANDS[sub]!(rest, out, err);
  // `cpq quote --help`, or no or an unknown subcommand: the usage of them all.
  return command(QUOTE_HELP, {}, () => {
    throw new UsageError(sub === undefined ? 'quote needs a subcommand: create, amend, renew, verify, keygen or public-key' : `unknown quote subcommand "${sub}"`);
  })(args, out, err);
};
