/**
 * `cpq price CATALOG.json --config CONFIG.json`: the price waterfall of a
 * configuration as a readable table, or the whole breakdown as JSON.
 */
import {
  catalogWarnings,
  formatProblem,
  loadCatalog,
  loadConfiguration,
  localize,
  price,
  type Catalog,
  type ChargeTotals,
  type LocalText,
  type MoneyJSON,
  type PriceBreakdown,
  type PriceContext,
  type RampBreakdown,
  type TaxAmount,
  priceRamp,
} from '../index.js';
import { amount, command, engineNumber, InputError, rampFile, readContext, readDocument, UsageError } from './command.js';

export const PRICE_HELP = `cpq price CATALOG.json --config CONFIG.json [options]
      Print the price waterfall of a configuration: every line from list to net
      with the reason for each step, the totals, tax per rate and savings.
        --book ID | --segment S  the price book, or the segment to choose one for
        --currency C             e.g. EUR or USD (default: the book's, else the catalog's)
        --date YYYY-MM-DD        the day prices apply (default: today)
        --partner P              a reseller: its price book and partner discount
        --customer C             a customer with contracted prices
        --quantity N             how many of the configured product (default 1)
        --term MONTHS            the term of every recurring charge
        --tax-region R           the tax region, when not the book's
        --tax-calculation line|document
                                 tax on each line, or on the sum per rate (default: the
                                 book's, else document)
        --context FILE.json      more of the request (line and order discounts); flags win
        --ramp RAMP.json         a ramp deal: the term in segments with their own selections
                                 and uplift; prints every segment and the term's totals
        --locale L               the language of item names (default: the catalog's)
        --json                   print the whole breakdown as JSON, and errors as one JSON object`;

/** `cpq price`: exit code 0, 1 for a problem with the input, 2 for a usage mistake. */
export const priceCommand = command(
  PRICE_HELP,
  {
    config: { type: 'string' },
    book: { type: 'string' },
    segment: { type: 'string' },
    currency: { type: 'string' },
    date: { type: 'string' },
    partner: { type: 'string' },
    customer: { type: 'string' },
    quantity: { type: 'string' },
    term: { type: 'string' },
    'tax-region': { type: 'string' },
    'tax-calculation': { type: 'string' },
    context: { type: 'string' },
    ramp: { type: 'string' },
    locale: { type: 'string' },
    json: { type: 'boolean' },
  },
  ({ values, positionals }, out, err) => {
    if (positionals.length !== 1) throw new UsageError('price takes one catalog file');
    if (values.config === undefined) throw new UsageError('price needs --config CONFIG.json');
    if (values.book !== undefined && values.segment !== undefined) throw new UsageError('give --book or --segment, not both');
    const catalog = readDocument(positionals[0]!, (text) => loadCatalog(text));
    // Deprecated fields still price as before; say how to write them now (not with --json: stderr is for its errors).
    if (!values.json) for (const warning of catalogWarnings(catalog)) err(`warning: ${formatProblem(warning)}`);
    const configuration = readDocument(values.config, (text) => loadConfiguration(text, catalog));
    const context = values.context === undefined ? {} : readContext(values.context);

    // The request's fields given as flags win over the context file; a problem with one names its flag.
    const numberFlag = (text: string | undefined, flag: string) => (text === undefined ? undefined : engineNumber(text, flag, 'The price request'));
    const fromFlags: [field: string, flag: string, value: unknown][] = [
      ['book', '--book', values.book],
      ['segment', '--segment', values.segment],
      ['currency', '--currency', values.currency],
      ['date', '--date', values.date],
      ['partner', '--partner', values.partner],
      ['customer', '--customer', values.customer],
      ['quantity', '--quantity', numberFlag(values.quantity, '--quantity')],
      ['termMonths', '--term', numberFlag(values.term, '--term')],
      ['taxRegion', '--tax-region', values['tax-region']],
      ['taxCalculation', '--tax-calculation', values['tax-calculation']],
    ];
    const flags: Record<string, string> = {};
    for (const [field, flag, value] of fromFlags) {
      if (value === undefined) continue;
      context[field] = value;
      flags[`context.${field}`] = flag;
    }
    context['date'] ??= today();

    const locale = values.locale ?? catalog.defaultLocale;
    if (values.ramp !== undefined) {
      const ramp = rampFile(values.ramp);
      let priced: RampBreakdown;
      try {
        priced = priceRamp(catalog, configuration, ramp, context as PriceContext);
      } catch (error) {
        throw InputError.from(error, { flags });
      }
      if (values.json) out(JSON.stringify(priced, null, 2));
      else rampTable(priced, catalog, locale).forEach((line) => out(line));
      return 0;
    }
    let breakdown: PriceBreakdown;
    try {
      breakdown = price(catalog, configuration, context as PriceContext);
    } catch (error) {
      throw InputError.from(error, { flags });
    }
    if (values.json) out(JSON.stringify(breakdown, null, 2));
    else table(breakdown, catalog, locale).forEach((line) => out(line));
    return 0;
  },
);

/** Today in the local calendar, as the command line's default date. */
function today(): string {
  const now = new Date();
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** A ramp as text: each segment's waterfall under its dates, then the term's totals. */
function rampTable(r: RampBreakdown, catalog: Catalog, locale: string): string[] {
  const rows: string[] = [];
  for (const segment of r.segments) {
    const name = segment.name === undefined ? `Segment ${segment.index + 1}` : localize(segment.name, locale, catalog.defaultLocale);
    const uplift = segment.uplift ? `, uplift +${segment.uplift.percent}%` : '';
    rows.push(`== ${name}: ${segment.start} to ${segment.end}, ${segment.months} months${uplift}${segment.index > 0 ? ', recurring charges' : ''}`);
    rows.push(...table(segment.price, catalog, locale, `Total of ${name}`), '');
  }
  const t = r.totals;
  rows.push(`== The whole term: ${r.start} to ${r.end}, ${r.months} months, ${r.currency}`);
  const row = (label: string, money: MoneyJSON): string => `${label.padEnd(40)} ${amount(money).padStart(14)}`;
  rows.push(row('One-time, at the start', t.oneTime.net));
  rows.push(row(`Recurring over ${r.months} months`, t.term.net));
  const included = r.segments[0]!.price.taxIncluded;
  for (const tax of t.tax) rows.push(row(`${tax.name === undefined ? `Tax ${tax.percent}%` : localize(tax.name, locale, catalog.defaultLocale)}${included ? ' (included)' : ''}`, tax.amount));
  rows.push(row('Grand total', t.grandTotal));
  return rows;
}

/** The waterfall as text: a line per item with its steps below it, then the totals. */
export function table(b: PriceBreakdown, catalog: Catalog, locale: string, totalLabel = 'Grand total'): string[] {
  const text = (t: LocalText | undefined): string => localize(t, locale, catalog.defaultLocale);
  const product = catalog.products.find((p) => p.id === b.product);
  const rows: string[] = [];
  const labels = b.lines.flatMap((l) => [text(l.name).length + 24, ...l.steps.map((s) => s.reason.length + 2)]);
  const width = Math.min(72, Math.max(40, ...labels));
  const row = (label: string, quantity: string, list: string, net: string): string =>
    `${fit(label, width)} ${quantity.padStart(5)} ${list.padStart(14)} ${net.padStart(14)}`.trimEnd();
  const bookName = b.book.name === undefined ? b.book.id : `${text(b.book.name)} (${b.book.id})`;
  const who = [b.segment && `segment ${b.segment}`, b.partner && `partner ${b.partner}`, b.customer && `customer ${b.customer}`].filter(Boolean).join(', ');
  rows.push(`${text(product?.name)}${b.quantity > 1 ? ` × ${b.quantity}` : ''}: price book ${bookName}, ${b.currency}, ${b.date}${who ? `, ${who}` : ''}`);
  const taxWhere = b.taxCalculation === 'line' ? 'tax per line' : 'tax on the sum per rate';
  rows.push(
    `Prices ${b.taxIncluded ? 'include' : 'exclude'} tax${b.taxRegion ? ` (tax region ${b.taxRegion}, ${taxWhere})` : ''}; rounding ${b.rounding.mode} per ${b.rounding.level}${b.contracts.length > 0 ? `; contracts ${b.contracts.join(', ')}` : ''}`,
  );
  rows.push('');
  rows.push(row('Item', 'Qty', 'List', 'Net'));
  for (const line of b.lines) {
    const per = line.period ? ` per ${line.period}${line.term ? `, ${line.term.months} months` : ''}` : '';
    rows.push(row(`${text(line.name)}${per}`, String(line.quantity), amount(line.list), amount(line.net)));
    for (const step of line.steps) {
      if (step.stage === 'list' || step.stage === 'net') continue;
      rows.push(row(`  ${step.reason}`, '', amount(step.amount), ''));
    }
  }
  rows.push('');
  const totals = b.totals;
  const block = (label: string, t: ChargeTotals): void => {
    rows.push(row(label, '', amount(t.list), amount(t.net)));
    if (/[1-9]/.test(t.discount.amount)) rows.push(row('  Discounts', '', '', amount(negate(t.discount))));
    // Net is in the book's terms: with prices that include tax, say what it is without.
    if (b.taxIncluded && t.tax.length > 0) rows.push(row('  Excluding tax', '', '', amount(t.excludingTax)));
    for (const tax of t.tax) rows.push(row(`  ${taxLabel(tax, text)}${b.taxIncluded ? ' (included)' : ''}`, '', '', amount(tax.amount)));
    if (!b.taxIncluded && t.tax.length > 0) rows.push(row('  Total', '', '', amount(t.total)));
  };
  const hasOneTime = b.lines.some((l) => l.charge === 'one-time');
  if (hasOneTime) block('One-time', totals.oneTime);
  if (totals.recurring.month) block('Per month', totals.recurring.month);
  if (totals.recurring.year) block('Per year', totals.recurring.year);
  if (b.lines.some((l) => l.term)) {
    const months = [...new Set(b.lines.flatMap((l) => (l.term ? [l.term.months] : [])))];
    block(`Recurring over the term (${months.join('/')} months)`, totals.term);
  }
  rows.push(row(totalLabel, '', '', amount(totals.grandTotal)));
  rows.push(row('Savings against list', '', '', `${amount(totals.savings.amount)} (${totals.savings.percent}%)`));
  if (b.approvalRequired) {
    rows.push('');
    rows.push('Needs approval:');
    for (const a of b.approvals) rows.push(`  ${a.item}: ${a.reason}`);
  }
  return rows;
}

function taxLabel(tax: TaxAmount, text: (t: LocalText | undefined) => string): string {
  return tax.name === undefined ? `Tax ${tax.percent}%` : text(tax.name);
}

function negate(money: MoneyJSON): MoneyJSON {
  return { ...money, amount: money.amount.startsWith('-') ? money.amount.slice(1) : `-${money.amount}` };
}

function fit(label: string, width: number): string {
  return label.length > width ? `${label.slice(0, width - 1)}…` : label.padEnd(width);
}
