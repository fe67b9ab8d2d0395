/**
 * Verifying a quote that came back from a browser, a reseller or an e-mail: read it
 * strictly, check the signature, the dates and the catalog, then price its inputs again
 * with the engine and compare every amount (and every other output) exactly. The
 * answer names each mismatch; it is never just `false`.
 */
import * as z from 'zod/mini';
import type { Catalog } from '../catalog/schema.js';
import { checkJsonValue, parseJson, type JsonLimits } from '../internal/json.js';
import { formatPath } from '../internal/problems.js';
import { problemsFromIssues } from '../internal/zod-problems.js';
import { configurationProblems, hashOf, inputsOf, instant, priceInputs, QuoteError, utcDay, type QuoteItemInputs, type QuoteOutputs } from './create.js';
import { QUOTE_FORMAT_V1, QuoteItemSchema, QuoteSchema, type Quote } from './schema.js';
import { readQuoteKey, signatureProblems, type QuoteKey } from './sign.js';
import { PricingError } from '../price/problems.js';
import { amendmentOf } from '../subscription/amend.js';

/** What kind of problem a {@link QuoteReason} is. */
export type QuoteReasonCode =
  /** Not a quote document: bad JSON, a duplicate key, `__proto__`, a field of the wrong shape. */
  | 'malformed'
  | 'signature-missing'
  /** The quote claims another algorithm than the verifier's key is for. */
  | 'signature-algorithm'
  /** The quote names another key id than the verifier's key has. */
  | 'signature-key'
  /** The signature does not match the quote and the key. */
  | 'signature-invalid'
  | 'expired'
  /** Made later than `now` (beyond five minutes of clock difference). */
  | 'not-yet-valid'
  | 'catalog-id'
  | 'catalog-version'
  /** The same catalog id and version, but other contents. */
  | 'catalog-hash'
  /** A configuration no longer fits the catalog or breaks a rule. */
  | 'configuration'
  /** The inputs cannot be priced (a price book no longer valid, a missing price...). */
  | 'pricing'
  | 'line-missing'
  | 'line-extra'
  /** An amount differs from the engine's. */
  | 'amount'
  /** Another output differs from the engine's (a quantity, a name, a step's reason...). */
  | 'field';

/** One reason a quote is not valid. */
export interface QuoteReason {
  readonly code: QuoteReasonCode;
  /** Where in the quote, e.g. `items[0].price.lines[3].net`; empty for the whole document. */
  readonly path: string;
  /** The line's item, for a reason within a line: "meeting-room/display:d86". */
  readonly line?: string;
  /** What the engine computed (amounts as "4490.00 EUR"). */
  readonly expected?: string;
  /** What the quote says. */
  readonly found?: string;
  /** The whole reason in a sentence. */
  readonly message: string;
}

/** The outcome of {@link verifyQuote}. */
export type QuoteVerification =
  | { readonly valid: true; readonly quote: Quote; readonly reasons: readonly [] }
  | { readonly valid: false; /** Present when the document could be read as a quote. */ readonly quote?: Quote; readonly reasons: readonly QuoteReason[] };

/** What {@link verifyQuote} checks against. */
export interface VerifyQuoteOptions {
  /** The catalog as the vendor publishes it now. */
  readonly catalog: Catalog;
  /** The HMAC secret, or the Ed25519 public (or private) key. It decides the algorithm. */
  readonly key: QuoteKey;
  /** The moment to check the expiry against; default now. */
  readonly now?: Date | string;
  /** Limits for reading quote text (default 5,000,000 characters, depth 64). */
  readonly limits?: JsonLimits;
}

/** Clocks of browsers and servers differ; a quote made this much "in the future" is still accepted. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Verifies a quote: JSON text (read strictly: duplicate keys, `__proto__` and deep
 * nesting are refused) or a parsed object. Checks, and reports every failure of:
 *
 * - the shape of the document;
 * - the signature, with the verifier's key (which decides the algorithm);
 * - the dates: not expired on `now`'s UTC day, not made in the future;
 * - the catalog: the same id, version and content hash;
 * - the inputs: every configuration fits the catalog and keeps its rules;
 * - the outputs: the inputs are priced again with the engine and every amount, line,
 *   step and total is compared exactly (decimal strings, no tolerance).
 *
 * @example
 * ```ts
 * const result = await verifyQuote(body, { catalog, key: publicKey });
 * if (!result.valid) for (const r of result.reasons) console.log(r.message);
 * // items[0].price.lines[1].net (meeting-room/display:d86): expected 4490.00 EUR, found 3490.00 EUR
 * ```
 */
export async function verifyQuote(signed: unknown, options: VerifyQuoteOptions): Promise<QuoteVerification> {
  const key = readQuoteKey(options.key);
  const now = instant(options.now);
  const read = readQuote(signed, options.limits);
  if (!read.ok) return { valid: false, reasons: read.reasons };
  const quote = read.quote;
  const reasons: QuoteReason[] = [];

  for (const problem of await signatureProblems(quote, key)) reasons.push({ code: problem.code, path: 'signature', message: `signature: ${problem.message}` });

  const today = utcDay(now, 'now');
  if (today > quote.validUntil) reasons.push(reason('expired', 'validUntil', `the quote expired after ${quote.validUntil} (today is ${today} UTC)`, quote.validUntil, today));
  const created = Date.parse(quote.created);
  if (created - now.getTime() > CLOCK_SKEW_MS) reasons.push(reason('not-yet-valid', 'created', `the quote says it was made on ${quote.created}, after now (${now.toISOString()})`));

  const { catalog } = options;
  if (quote.catalog.id !== catalog.id) {
    reasons.push(reason('catalog-id', 'catalog.id', `the quote is for catalog "${quote.catalog.id}", not "${catalog.id}"`, catalog.id, quote.catalog.id));
    return { valid: false, quote, reasons };
  }
  if (quote.catalog.version !== catalog.version) {
    reasons.push(reason('catalog-version', 'catalog.version', `the quote was priced with catalog version ${quote.catalog.version}; the catalog now is ${catalog.version}`, catalog.version, quote.catalog.version));
  } else {
    const hash = await hashOf(catalog);
    if (quote.catalog.hash !== hash) {
      reasons.push(reason('catalog-hash', 'catalog.hash', `catalog ${catalog.id} ${catalog.version} has other contents than the one the quote was priced with`, hash, quote.catalog.hash));
    }
  }

  const inputs: QuoteItemInputs[] = quote.items.map(inputsOf);
  const unfit = inputs.flatMap((item, i) => configurationProblems(catalog, item.configuration, ['items', i, 'configuration']));
  for (const p of unfit) reasons.push(reason('configuration', p.path, `${p.path}: ${p.message}`));
  if (unfit.length === 0) {
    try {
      compareOutputs(priceInputs(catalog, quote.context, inputs), quote, reasons);
      if (quote.amendment) compareAmendment(catalog, quote, inputs, reasons);
    } catch (error) {
      if (!(error instanceof QuoteError)) throw error;
      for (const p of error.problems) reasons.push(reason('pricing', p.path, `${p.path}: cannot be priced again: ${p.message}`));
    }
  }
  return reasons.length === 0 ? { valid: true, quote, reasons: [] } : { valid: false, quote, reasons };
}

/**
 * Reads a quote document strictly (JSON text or a parsed value) and checks the shape of
 * its inputs, dates, catalog and signature; its outputs are left to {@link verifyQuote},
 * which compares them with the engine's. Reasons have the code `malformed` and the path
 * of each problem.
 */
export function readQuote(input: unknown, limits: JsonLimits = {}): { ok: true; quote: Quote } | { ok: false; reasons: QuoteReason[] } {
  let value = input;
  if (typeof input === 'string') {
    const parsed = parseJson(input, limits);
    if (!parsed.ok) return { ok: false, reasons: parsed.problems.map((p) => reason('malformed', p.path, p.path === '' ? p.message : `${p.path}: ${p.message}`)) };
    value = parsed.value;
  } else {
    const problems = checkJsonValue(input, limits);
    if (problems.length > 0) return { ok: false, reasons: problems.map((p) => reason('malformed', p.path, `${p.path}: ${p.message}`)) };
  }
  const result = z.safeParse(ReadSchema, value);
  if (!result.success) {
    const problems = problemsFromIssues(result.error.issues, value, []);
    return { ok: false, reasons: problems.map((p) => reason('malformed', p.path, p.path === '' ? p.message : `${p.path}: ${p.message}`)) };
  }
  // The outputs are not checked here: verifyQuote compares every one of them with the engine's.
  return { ok: true, quote: result.data as Quote };
}

/**
 * A quote as verification reads it: inputs, dates, catalog and signature by their
 * schemas; the outputs (each item's price and the totals) as they are, because
 * `verifyQuote` compares every field of them with the engine's own, which reports any
 * deviation with its path. Checking their shape first too took a quarter of the time
 * of verifying a 1,001-line quote.
 */
const ReadSchema = z.extend(QuoteSchema, {
  items: z.array(z.extend(QuoteItemSchema, { price: z.unknown(), segments: z.optional(z.unknown()), rampTotals: z.optional(z.unknown()) })).check(z.minLength(1, 'a quote needs at least one item')),
  totals: z.unknown(),
});

function reason(code: QuoteReasonCode, path: string, message: string, expected?: string, found?: string, line?: string): QuoteReason {
  return { code, path, ...(line === undefined ? {} : { line }), ...(expected === undefined ? {} : { expected }), ...(found === undefined ? {} : { found }), message };
}

const OUTPUT_FIELDS: readonly (keyof QuoteOutputs)[] = ['currency', 'book', 'segment', 'partner', 'customer', 'items', 'totals', 'approvalRequired'];

/** A revision of a running subscription: its amendment priced again from the accepted items it holds. */
function compareAmendment(catalog: Catalog, quote: Quote, inputs: readonly QuoteItemInputs[], out: QuoteReason[]): void {
  const { before, date, start, proration } = quote.amendment!;
  try {
    const { items: _, ...computed } = amendmentOf(catalog, quote.context, before, inputs, { date, start, proration });
    const { before: _before, ...found } = quote.amendment!;
    compare(computed, found, ['amendment'], undefined, out);
  } catch (error) {
    if (!(error instanceof QuoteError) && !(error instanceof PricingError)) throw error;
    for (const p of error.problems) out.push(reason('pricing', `amendment.${p.path}`, `amendment.${p.path}: cannot be priced again: ${p.message}`));
  }
}

/** Compares what the engine computed with what the quote says, field by field, in the layout of the quote's format. */
function compareOutputs(computed: QuoteOutputs, quote: Quote, out: QuoteReason[]): void {
  const expected = quote.format === QUOTE_FORMAT_V1 ? inLayoutV1(computed) : computed;
  for (const field of OUTPUT_FIELDS) compare(expected[field], quote[field], [field], undefined, out);
}

/**
 * The engine's outputs as a quote@1 held them: without each step's running amount
 * (`after`), the totals' `excludingTax` and `includingTax`, and each item's
 * `taxCalculation`, which quote@2 added. Every amount a quote@1 has is still compared.
 */
function inLayoutV1(outputs: QuoteOutputs): QuoteOutputs {
  type Totals = QuoteOutputs['totals'];
  type Charges = Totals['oneTime'];
  const charges = ({ excludingTax: _without, includingTax: _with, ...rest }: Charges): Charges => rest;
  const totals = ({ excludingTax: _without, includingTax: _with, ...rest }: Totals): Totals => {
    const recurring: Totals['recurring'] = {};
    if (rest.recurring.month) recurring.month = charges(rest.recurring.month);
    if (rest.recurring.year) recurring.year = charges(rest.recurring.year);
    return { ...rest, oneTime: charges(rest.oneTime), recurring, term: charges(rest.term) };
  };
  return {
    ...outputs,
    items: outputs.items.map(({ price: { taxCalculation: _, ...price }, ...item }) => ({
      ...item,
      price: { ...price, lines: price.lines.map((line) => ({ ...line, steps: line.steps.map(({ after: _after, ...step }) => step) })), totals: totals(price.totals) },
    })),
    totals: totals(outputs.totals),
  };
}

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isMoney(value: Json): value is { amount: string; currency: string } {
  return isObject(value) && typeof value['amount'] === 'string' && typeof value['currency'] === 'string' && Object.keys(value).length === 2;
}

/** A value as a reason shows it: amounts as "4490.00 EUR", text as itself, the rest as JSON. */
function shown(value: Json): string {
  if (value === undefined) return 'nothing';
  if (isMoney(value)) return `${value.amount} ${value.currency}`;
  if (typeof value === 'string') return value;
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function compare(expected: Json, found: Json, path: PropertyKey[], line: string | undefined, out: QuoteReason[]): void {
  if (isMoney(expected) && isMoney(found)) {
    if (expected.amount !== found.amount || expected.currency !== found.currency) mismatch('amount', expected, found, path, line, out);
    return;
  }
  if (Array.isArray(expected) && Array.isArray(found)) {
    if (path[path.length - 1] === 'lines') return compareLines(expected, found, path, out);
    for (let i = 0; i < Math.max(expected.length, found.length); i++) compare(expected[i], found[i], [...path, i], line, out);
    return;
  }
  if (isObject(expected) && isObject(found)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(found)])) {
      compare(Object.hasOwn(expected, key) ? expected[key] : undefined, Object.hasOwn(found, key) ? found[key] : undefined, [...path, key], line, out);
    }
    return;
  }
  if (expected !== found) mismatch(isMoney(expected) || isMoney(found) ? 'amount' : 'field', expected, found, path, line, out);
}

function mismatch(code: 'amount' | 'field', expected: Json, found: Json, path: PropertyKey[], line: string | undefined, out: QuoteReason[]): void {
  const at = formatPath(path);
  out.push(reason(code, at, `${at}${line === undefined ? '' : ` (${line})`}: expected ${shown(expected)}, found ${shown(found)}`, shown(expected), shown(found), line));
}

/** Lines are matched by their item, so a removed line is one reason, not a cascade of shifted ones. */
function compareLines(expected: readonly Json[], found: readonly Json[], path: PropertyKey[], out: QuoteReason[]): void {
  const itemOf = (line: Json): string | undefined => (isObject(line) && typeof line['item'] === 'string' ? line['item'] : undefined);
  const foundAt = new Map<string, number>();
  found.forEach((line, i) => {
    const item = itemOf(line);
    if (item !== undefined && !foundAt.has(item)) foundAt.set(item, i);
  });
  const matched = new Set<number>();
  const order: number[] = [];
  for (const line of expected) {
    const item = itemOf(line)!;
    const at = foundAt.get(item);
    if (at === undefined) {
      const net = isObject(line) ? line['net'] : undefined;
      out.push(reason('line-missing', formatPath(path), `${formatPath(path)}: the line ${item} (net ${shown(net)}) is missing`, shown(net), 'nothing', item));
      continue;
    }
    matched.add(at);
    order.push(at);
    compare(line, found[at], [...path, at], item, out);
  }
  found.forEach((line, i) => {
    if (matched.has(i)) return;
    const item = itemOf(line) ?? '?';
    out.push(reason('line-extra', formatPath([...path, i]), `${formatPath([...path, i])}: the line ${item} is not part of this configuration's price`, 'nothing', item, item));
  });
  if (order.some((at, i) => i > 0 && at < order[i - 1]!)) {
    out.push(reason('field', formatPath(path), `${formatPath(path)}: the lines are in another order than the engine gives them`));
  }
}
