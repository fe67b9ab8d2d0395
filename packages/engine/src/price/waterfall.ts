/**
 * The waterfall: the priced lines and their totals written out as a {@link PriceBreakdown}.
 *
 * Takes the lines with their columns and what each stage did, and the totals; gives
 * plain JSON: every line's steps (list → book → tier → uplift → schedule → contract → manual →
 * order → partner (→ rounding) → net, only those that change something) with their codes,
 * params, English reasons and rules; the totals per kind of charge and for the document;
 * the approvals; and what the request came to (book, segment, partner, contracts, tax
 * region, rounding). Amounts are decimal strings with their currency.
 */
import type { Catalog, Configuration } from '../catalog/schema.js';
import { approval } from './approval.js';
import type { Approval, ChargeTotals, LineTerm, PriceBreakdown, PriceLine, PriceStep, PriceTotals, Stage, TaxAmount } from './breakdown.js';
import { divide, format, stepOf } from './fixed.js';
import { GROUP_NAMES, NO_PARAMS, type Line } from './lines.js';
import type { MoneyJSON } from './money.js';
import type { Setup } from './request.js';
import type { TaxSum } from './tax.js';
import { sumLines, type Sums } from './totals.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const HUNDREDTH = stepOf(2);

/** The breakdown of priced lines. */
export function waterfall(catalog: Catalog, configuration: Configuration, s: Setup, lines: readonly Line[]): PriceBreakdown {
  const { places, currency } = s;
  const money = (x: bigint): MoneyJSON => ({ amount: format(x, places), currency });
  const zero = money(0n);
  const totals = sumLines(s, lines);
  const { uplift: grossAt, partner: netAt } = s.at;
  const stages: Stage[] = [...s.chain.map((_, j): Stage => (j === 0 ? 'list' : 'book')), 'tier', 'uplift', 'schedule', 'contract', 'manual', 'order', 'partner'];
  const approvals: Approval[] = [];
  const out: PriceLine[] = [];
  for (const line of lines) {
    const { spec, values, meta } = line;
    const net = values[netAt]!;
    const gross = values[grossAt]!;
    const netMoney = money(net);
    const listMoney = values[0] === net ? netMoney : money(values[0]!);
    const grossMoney = gross === values[0] ? listMoney : gross === net ? netMoney : money(gross);
    const steps: PriceStep[] = [];
    let rounding = 0n;
    for (let c = 0; c < values.length; c++) {
      const m = meta![c];
      const change = c === 0 ? values[0]! : values[c]! - values[c - 1]!;
      if (!m) {
        // Only document-level rounding moves a column without a rule: the spread of the total's rounding.
        rounding += change;
        continue;
      }
      if (c > 0 && change === 0n) continue; // rounded away
      // The line's amount after the step: list plus the changes shown so far; a share of rounding comes last.
      const running = rounding === 0n ? values[c]! : values[c]! - rounding;
      const after = running === net ? netMoney : running === values[0] ? listMoney : running === gross ? grossMoney : money(running);
      steps.push({ stage: stages[c]!, code: m.code, params: m.params, reason: m.reason, rule: m.rule, amount: c === 0 ? listMoney : money(change), after });
    }
    if (rounding !== 0n) steps.push({ ...s.roundingStep, amount: money(rounding), after: netMoney });
    steps.push({ stage: 'net', code: 'net', params: NO_PARAMS, reason: 'Net price', rule: '', amount: netMoney, after: netMoney });
    const needs = approval(line, s);
    if (needs) approvals.push(needs);
    const charge = spec.price.charge;
    const result: Mutable<PriceLine> = {
      item: spec.item,
      product: spec.product.id,
      name: (spec.option ?? spec.attribute ?? spec.product).name,
      quantity: spec.quantity,
      charge: spec.group === 0 ? 'one-time' : 'recurring',
      taxCategory: spec.category,
      list: listMoney,
      gross: grossMoney,
      discount: gross === net ? zero : money(gross - net),
      net: netMoney,
      steps,
      approvalRequired: needs !== undefined,
    };
    if (spec.attribute) result.attribute = spec.attribute.id;
    if (spec.option) result.option = spec.option.id;
    if (charge.unit !== undefined) result.unit = charge.unit;
    if (spec.group !== 0) result.period = GROUP_NAMES[spec.group] as 'month' | 'year';
    if (line.term) {
      const [list, termGross, termNet] = line.term.values as [bigint, bigint, bigint];
      const term: LineTerm = {
        months: line.term.months,
        periods: format(line.term.periods, 0),
        prorated: line.term.prorated,
        list: money(list),
        gross: money(termGross),
        discount: money(termGross - termNet),
        net: money(termNet),
      };
      result.term = term;
    }
    out.push(result);
  }
  const region = s.region;
  const taxes = (sums: readonly TaxSum[]): TaxAmount[] =>
    sums.map((t) => {
      const amount: Mutable<TaxAmount> = { region: region!.id, category: t.category, percent: t.rate.percent, base: money(t.base), amount: money(t.amount) };
      if (t.rate.name !== undefined) amount.name = t.rate.name;
      return amount;
    });
  const charges = (sums: Sums): ChargeTotals => ({
    list: money(sums.list),
    gross: money(sums.gross),
    discount: money(sums.gross - sums.net),
    net: money(sums.net),
    excludingTax: money(sums.excludingTax),
    tax: taxes(sums.tax),
    includingTax: money(sums.total),
    total: money(sums.total),
  });
  // Tax per rate of the whole document: one-time plus term, each already rounded.
  const byCategory = new Map<string, TaxSum>();
  for (const t of [...totals.oneTime.tax, ...totals.term.tax]) {
    const seen = byCategory.get(t.category);
    byCategory.set(t.category, seen ? { ...seen, base: seen.base + t.base, amount: seen.amount + t.amount } : t);
  }
  const documentTax = [...byCategory.values()].sort((a, b) => s.rates.get(a.category)!.index - s.rates.get(b.category)!.index);
  // Savings are never negative: a book above list is a surcharge, which its book step shows.
  const savings = totals.list > totals.net ? totals.list - totals.net : 0n;
  const percent = totals.list === 0n ? 0n : divide(savings * 100n * 100n, totals.list, s.mode) * HUNDREDTH;
  const recurring: Mutable<PriceTotals['recurring']> = {};
  if (totals.month) recurring.month = charges(totals.month);
  if (totals.year) recurring.year = charges(totals.year);
  const priceTotals: PriceTotals = {
    oneTime: charges(totals.oneTime),
    recurring,
    term: charges(totals.term),
    list: money(totals.list),
    gross: money(totals.gross),
    discount: money(totals.gross - totals.net),
    net: money(totals.net),
    excludingTax: money(totals.oneTime.excludingTax + totals.term.excludingTax),
    tax: taxes(documentTax),
    includingTax: money(totals.grandTotal),
    grandTotal: money(totals.grandTotal),
    savings: { amount: money(savings), percent: format(percent, 2) },
  };
  const book = s.book.book;
  const bookInfo: Mutable<PriceBreakdown['book']> = { id: book.id };
  if (book.name !== undefined) bookInfo.name = book.name;
  if (book.audience) bookInfo.audience = book.audience;
  const result: Mutable<PriceBreakdown> = {
    catalog: { id: catalog.id, version: catalog.version },
    product: configuration.product,
    quantity: s.quantity,
    currency,
    date: s.date,
    book: bookInfo,
    contracts: usedContracts(s, lines),
    taxIncluded: s.taxIncluded,
    taxCalculation: s.taxCalculation,
    rounding: { mode: s.mode, level: s.level },
    lines: out,
    totals: priceTotals,
    approvalRequired: approvals.length > 0,
    approvals,
  };
  if (s.segment !== undefined) result.segment = s.segment;
  if (s.partner) result.partner = s.partner.partner.id;
  if (s.context.customer !== undefined) result.customer = s.context.customer;
  if (region) result.taxRegion = region.id;
  if (s.uplift) result.uplift = { percent: String(s.uplift.meta.params['percent']), percents: s.context.uplift! };
  if (s.charges === 'recurring') result.charges = 'recurring';
  return result;
}

/** The contracts whose prices applied to some line. */
function usedContracts(s: Setup, lines: readonly Line[]): string[] {
  const at = s.at.contract;
  const used = new Set<string>();
  for (const line of lines) {
    const m = line.meta?.[at];
    if (m) used.add(String(m.params['contract']));
  }
  return [...used];
}
