/**
 * Discounts, in the waterfall's order: schedule, contract, manual (line) discount, order
 * discount, partner discount. Each takes the amount the step before left.
 *
 * Takes lines priced to their volume price and the request's discounts (parsed once per
 * request, here too); gives a column per kind of discount with its step, or a problem
 * with the path of the discount that cannot apply (more than its line or total).
 *
 * - schedule: a quantity discount shared by many items (`pricing.schedules`);
 * - contract: a customer's agreed unit price or percent (`pricing.contracts`);
 * - manual discount: a percent or amount per line from the request (`lineDiscounts`);
 * - order discount: a percent or amount on the sum of the lines of a kind of charge,
 *   split over them by largest remainder so the parts add up exactly (`orderDiscount`);
 * - partner discount: a reseller's percent, except on the items it excludes (`pricing.partners`).
 */
import type { Catalog } from '../catalog/schema.js';
import { closest, didYouMean, formatPath, type Problem } from '../internal/problems.js';
import { allocate, fixed, format, mulDiv, offFactor, percentOf, times, type Ratio } from './fixed.js';
import { blocksOf, GROUP_NAMES, makeMeta, type Group, type Line, type Meta } from './lines.js';
import { pricingProblem } from './problems.js';
import type { AddProblem, Path, Setup } from './request.js';
import { percentOff, roundLine, roundUnit } from './rounding.js';
import type { Contract, Partner, PriceContext, PricingSection } from './schema.js';
import { normalizeTiers, tierFor } from './tiers.js';

// ---- schedules ----------------------------------------------------------------

interface ScheduleTier {
  readonly from: number;
  readonly to: number | undefined;
  readonly factor: Ratio;
  readonly meta: Meta;
}

/** A discount schedule with its tiers' factors and steps made once. */
export interface Schedule {
  readonly id: string;
  readonly tiers: readonly ScheduleTier[];
}

/** The catalog's discount schedules by id. */
export function compileSchedules(pricing: PricingSection): Map<string, Schedule> {
  const schedules = new Map<string, Schedule>();
  (pricing.schedules ?? []).forEach((schedule, index) => {
    const tiers = normalizeTiers(schedule.tiers, () => 0n).map((t, i) => {
      const percent = schedule.tiers[i]!.percent;
      const params: Record<string, string | number> = { schedule: schedule.id, percent, from: t.from };
      if (t.to !== undefined) params['to'] = t.to;
      return { from: t.from, to: t.to, factor: offFactor(percent), meta: makeMeta('schedule', params, formatPath(['pricing', 'schedules', index, 'tiers', i])) };
    });
    schedules.set(schedule.id, { id: schedule.id, tiers });
  });
  return schedules;
}

/** Fills the schedule column: the percent of the schedule's tier the line's quantity falls in. */
export function scheduleDiscount(line: Line, s: Setup, schedules: ReadonlyMap<string, Schedule>): void {
  const { spec, values, meta } = line;
  const at = s.at.schedule;
  const scheduleId = spec.price.charge.schedule;
  const schedule = scheduleId === undefined ? undefined : schedules.get(scheduleId);
  const step = schedule ? tierFor(schedule.tiers, spec.quantity) : undefined;
  if (schedule && step && step.factor.num !== step.factor.den) {
    values[at] = percentOff(line, values[s.at.uplift]!, step.factor, s);
    if (meta) meta[at] = step.meta;
  } else {
    values[at] = values[s.at.uplift]!;
  }
}

// ---- contracts ----------------------------------------------------------------

/** A customer's contracts valid on the request's date in its currency, in the catalog's order. */
export function contractsFor(pricing: PricingSection, catalog: Catalog, context: PriceContext, currency: string): { readonly contract: Contract; readonly index: number }[] {
  if (context.customer === undefined) return [];
  return (pricing.contracts ?? [])
    .map((contract, index) => ({ contract, index }))
    .filter(
      ({ contract }) =>
        contract.customer === context.customer &&
        (contract.currency ?? catalog.defaultCurrency) === currency &&
        (contract.validFrom === undefined || contract.validFrom <= context.date) &&
        (contract.validTo === undefined || context.date <= contract.validTo),
    );
}

/** Fills the contract column: the first of the customer's contracts that prices the item. */
export function contractPrice(line: Line, s: Setup): void {
  const { spec, values, meta } = line;
  const at = s.at.contract;
  const before = values[s.at.schedule]!;
  values[at] = before;
  for (const { contract, index } of s.contracts) {
    const agreed = Object.hasOwn(contract.prices, spec.item) ? contract.prices[spec.item] : undefined;
    if (!agreed) continue;
    const rule = formatPath(['pricing', 'contracts', index, 'prices', spec.item]);
    const block = spec.price.block;
    if (agreed.amount !== undefined && block !== undefined) {
      // A contract's amount for an item priced per block is a price per block.
      const blockPrice = roundUnit(fixed(agreed.amount), s);
      line.unit = undefined;
      values[at] = roundLine(blockPrice * BigInt(blocksOf(spec.quantity, block.size)), s);
      if (meta) meta[at] = makeMeta('contract-price', { contract: contract.id, blockPrice: format(blockPrice, s.places), size: block.size }, rule);
    } else if (agreed.amount !== undefined) {
      line.unit = roundUnit(fixed(agreed.amount), s);
      values[at] = roundLine(line.unit * spec.qty, s);
      if (meta) meta[at] = makeMeta('contract-price', { contract: contract.id, unitPrice: format(line.unit, s.places) }, rule);
    } else {
      values[at] = percentOff(line, before, offFactor(agreed.percent!), s);
      if (meta) meta[at] = makeMeta('contract-percent', { contract: contract.id, percent: agreed.percent! }, rule);
    }
    break;
  }
}

// ---- manual discounts (the request's) -------------------------------------------

/** A manual discount, parsed: a percent (with its factor) or an amount. */
export interface Discount {
  readonly percent: string | undefined;
  readonly factor: Ratio | undefined;
  readonly amount: bigint | undefined;
}

export type LineDiscount = Discount & { readonly rule: string; readonly meta: Meta };
export type OrderDiscount = Discount & { readonly groups: readonly Group[]; readonly share: Ratio | undefined; readonly meta: Meta };

/** The book a request's discounts are worked out in: its id and currency (undefined when the request names no usable book). */
export type DiscountBook = { readonly id: string; readonly currency: string } | undefined;

/** Checks and parses a manual discount of the request; undefined (with a problem) when it cannot apply. */
function parseDiscount(
  discount: { percent?: string | undefined; amount?: string | undefined; currency?: string | undefined },
  path: Path,
  currency: string,
  places: number,
  book: DiscountBook,
  add: AddProblem,
): Discount | undefined {
  if ((discount.percent === undefined) === (discount.amount === undefined)) {
    add(path, 'discount-percent-or-amount', {}, discount.percent === undefined ? 'give "percent" or "amount"' : 'give "percent" or "amount", not both');
    return undefined;
  }
  if (discount.currency !== undefined && book !== undefined && discount.currency !== book.currency) {
    const message = `a discount in ${discount.currency} cannot apply to price book "${book.id}", which is in ${book.currency} (discounts are never converted)`;
    add([...path, 'currency'], 'discount-currency', { currency: discount.currency, book: book.id, bookCurrency: book.currency }, message);
    return undefined;
  }
  if (discount.percent !== undefined) {
    if (fixed(discount.percent) > fixed('100')) {
      add([...path, 'percent'], 'discount-over-100', { percent: discount.percent }, `a discount of ${discount.percent}% is over 100%`);
      return undefined;
    }
    return { percent: discount.percent, factor: offFactor(discount.percent), amount: undefined };
  }
  const text = discount.amount!;
  const dot = text.indexOf('.');
  if (dot >= 0 && text.length - dot - 1 > places) {
    add([...path, 'amount'], 'discount-decimals', { amount: text, currency, places }, `${text} has more decimals than ${currency} has (${places})`);
    return undefined;
  }
  return { percent: undefined, factor: undefined, amount: fixed(text) };
}

/** The request's line discounts by item, parsed. */
export function lineDiscountsOf(context: PriceContext, currency: string, places: number, book: DiscountBook, add: AddProblem): Map<string, LineDiscount> {
  const lineDiscounts = new Map<string, LineDiscount>();
  for (const [item, discount] of Object.entries(context.lineDiscounts ?? {})) {
    const path = ['lineDiscounts', item];
    const parsed = parseDiscount(discount, path, currency, places, book, add);
    if (!parsed) continue;
    const rule = formatPath(['context', ...path]);
    const m = parsed.percent !== undefined
      ? makeMeta('manual-percent', { percent: parsed.percent }, rule)
      : makeMeta('manual-amount', { amount: format(parsed.amount!, places) }, rule);
    lineDiscounts.set(item, { ...parsed, rule, meta: m });
  }
  return lineDiscounts;
}

/** The request's order discount, parsed, with the kinds of charge it applies to. */
export function orderDiscountOf(context: PriceContext, currency: string, places: number, book: DiscountBook, add: AddProblem): OrderDiscount | undefined {
  const order = context.orderDiscount;
  if (!order) return undefined;
  const parsed = parseDiscount(order, ['orderDiscount'], currency, places, book, add);
  const groups: Group[] = order.appliesTo !== undefined ? [GROUP_NAMES.indexOf(order.appliesTo) as Group] : order.percent !== undefined ? [0, 1, 2] : [0];
  if (!parsed) return undefined;
  const m = order.percent !== undefined
    ? makeMeta('order-percent', { percent: order.percent }, 'context.orderDiscount')
    : makeMeta('order-amount', { amount: format(parsed.amount!, places) }, 'context.orderDiscount');
  return { ...parsed, groups, share: order.percent === undefined ? undefined : percentOf(order.percent), meta: m };
}

/** Line discounts on items the configuration does not price: a problem each, with the likely meant line. */
export function lineDiscountsWithoutLine(items: ReadonlySet<string>, s: Setup, problems: Problem[]): void {
  for (const item of s.lineDiscounts.keys()) {
    if (!items.has(item)) {
      const message = `no line "${item}" in this configuration${didYouMean(item, items)}`;
      problems.push(pricingProblem(formatPath(['context', 'lineDiscounts', item]), 'discount-no-line', { item, suggestion: closest(item, items) }, message));
    }
  }
}

/**
 * Fills the manual column (and, until an order or partner discount changes them, the
 * order and partner columns); false (with a problem) when an amount is more than the line.
 */
export function manualDiscount(line: Line, s: Setup, problems: Problem[]): boolean {
  const { spec, values, meta } = line;
  const at = s.at.manual;
  const before = values[s.at.contract]!;
  values[at] = before;
  const manual = s.lineDiscounts.size > 0 ? s.lineDiscounts.get(spec.item) : undefined;
  if (manual) {
    if (manual.factor) {
      values[at] = percentOff(line, before, manual.factor, s);
      if (meta) meta[at] = manual.meta;
    } else {
      const amount = manual.amount!;
      if (amount > before) {
        const params = { item: spec.item, amount: format(amount, s.places), line: format(before, s.places), currency: s.currency };
        problems.push(pricingProblem(`${manual.rule}.amount`, 'discount-over-line', params, `a discount of ${params.amount} is more than the line's ${params.line}`));
        return false;
      }
      values[at] = roundLine(before - amount, s);
      line.unit = undefined;
      if (meta) meta[at] = manual.meta;
    }
  }
  values[s.at.order] = values[at]!;
  values[s.at.partner] = values[at]!;
  return true;
}

// ---- order discount ------------------------------------------------------------

/** The order discount, split over the lines of each kind of charge it applies to by largest remainder. */
export function orderDiscount(lines: Line[], s: Setup, detail: boolean, problems: Problem[]): void {
  const order = s.orderDiscount;
  if (!order) return;
  const manualAt = s.at.manual;
  const orderAt = s.at.order;
  const document = s.level === 'document';
  const byGroup: Line[][] = [[], [], []];
  for (const line of lines) byGroup[line.spec.group]!.push(line);
  for (const group of order.groups) {
    const members = byGroup[group]!;
    const weights = members.map((l) => l.values[manualAt]!);
    let sum = 0n;
    for (const w of weights) sum += w;
    let shares: bigint[];
    if (order.share) {
      const p = order.share;
      shares = document ? weights.map((w) => times(w, p, 1n, s.mode)) : allocate(times(sum, p, s.step, s.mode), weights, s.step);
    } else {
      const amount = order.amount!;
      if (amount > sum) {
        const what = group === 0 ? 'one-time' : `recurring ${GROUP_NAMES[group]}ly`;
        const charge = GROUP_NAMES[group]!;
        problems.push(
          members.length === 0
            ? pricingProblem('context.orderDiscount.amount', 'order-discount-no-lines', { charge }, `there are no ${what} lines to discount`)
            : pricingProblem(
                'context.orderDiscount.amount',
                'order-discount-over-total',
                { charge, amount: format(amount, s.places), total: format(sum, s.places), currency: s.currency },
                `a discount of ${format(amount, s.places)} is more than the ${what} total of ${format(sum, s.places)}`,
              ),
        );
        return;
      }
      shares = document ? weights.map((w) => (sum === 0n ? 0n : mulDiv(amount, w, sum, 1n, s.mode))) : allocate(amount, weights, s.step);
    }
    for (let i = 0; i < members.length; i++) {
      const share = shares[i]!;
      if (share === 0n) continue;
      const line = members[i]!;
      line.values[orderAt] = line.values[manualAt]! - share;
      line.values[orderAt + 1] = line.values[orderAt]!;
      line.unit = undefined;
      if (detail) line.meta![orderAt] = order.meta;
    }
  }
}

// ---- partner discount ------------------------------------------------------------

/** A reseller's discount, made once per request. */
export interface PartnerDiscount {
  readonly partner: Partner;
  readonly factor: Ratio;
  readonly exclude: ReadonlySet<string>;
  readonly meta: Meta;
}

/** The request's partner and its discount; an unknown partner is a problem. */
export function partnerOf(pricing: PricingSection, context: PriceContext, add: AddProblem): PartnerDiscount | undefined {
  if (context.partner === undefined) return undefined;
  const partners = pricing.partners ?? [];
  const index = partners.findIndex((p) => p.id === context.partner);
  if (index < 0) {
    const ids = partners.map((p) => p.id);
    add(['partner'], 'partner-unknown', { partner: context.partner, suggestion: closest(context.partner, ids) }, `unknown partner "${context.partner}"${didYouMean(context.partner, ids)}`);
    return undefined;
  }
  const p = partners[index]!;
  const m = makeMeta('partner', { partner: p.id, percent: p.percent }, formatPath(['pricing', 'partners', index]));
  return { partner: p, factor: offFactor(p.percent), exclude: new Set(p.exclude ?? []), meta: m };
}

/** Fills the partner column: the partner's percent off what the order discount left, except on excluded items. */
export function partnerDiscount(lines: Line[], s: Setup, detail: boolean): void {
  const partner = s.partner;
  if (!partner || partner.factor.num === partner.factor.den) return;
  const at = s.at.partner;
  for (const line of lines) {
    if (partner.exclude.has(line.spec.item)) continue;
    line.values[at] = percentOff(line, line.values[at - 1]!, partner.factor, s);
    if (detail && line.values[at] !== line.values[at - 1]) {
      line.meta![at] = partner.meta;
    }
  }
}
