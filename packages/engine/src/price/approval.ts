/**
 * Approval floors: whether manual discounts take a line below what a rep may give.
 *
 * Takes a priced line and the request's maximum discount; gives the reason the line needs
 * approval, when its manual (line and order) discounts take it below the item's `floor`
 * (a unit price) or beyond the book's `maxDiscountPercent` (or the deprecated
 * `floorPercent`). Contract and partner prices are agreed up front and never need
 * approval; the price itself is unchanged.
 */
import { formatPath } from '../internal/problems.js';
import { englishReason, type Approval } from './breakdown.js';
import { divide, fixed, format, offFactor, percentOf, stepOf, type Ratio } from './fixed.js';
import type { Line } from './lines.js';
import type { Setup } from './request.js';
import type { PriceBook, PricingSection } from './schema.js';

const HUNDREDTH = stepOf(2);

/** How far manual discounts may take a line without approval: the share of the price before them that must stay, and the percent they may take. */
export interface MaxDiscount {
  /** The lowest net as a share of the price before manual discounts: (100 − maximum discount) / 100. */
  readonly factor: Ratio;
  /** The maximum discount in percent, as approvals say it: "20". */
  readonly allowed: string;
  /** The path of the field that set it. */
  readonly rule: string;
}

/** The book's maximum discount, else the pricing section's; each written as `maxDiscountPercent` or as the deprecated `floorPercent`. */
export function maxDiscountOf(book: PriceBook, index: number, pricing: PricingSection): MaxDiscount | undefined {
  const at = ['pricing', 'books', index];
  return maxDiscount(book, at) ?? maxDiscount(pricing, ['pricing']);
}

function maxDiscount(on: { maxDiscountPercent?: string | undefined; floorPercent?: string | undefined }, at: PropertyKey[]): MaxDiscount | undefined {
  if (on.maxDiscountPercent !== undefined) {
    return { factor: offFactor(on.maxDiscountPercent), allowed: format(fixed(on.maxDiscountPercent), 0), rule: formatPath([...at, 'maxDiscountPercent']) };
  }
  if (on.floorPercent !== undefined) {
    return { factor: percentOf(on.floorPercent), allowed: format(fixed('100') - fixed(on.floorPercent), 0), rule: formatPath([...at, 'floorPercent']) };
  }
  return undefined;
}

/** A manual discount below the floor: the item's floor price per unit, or beyond the book's maximum discount. */
export function approval(line: Line, s: Setup): Approval | undefined {
  const { values, spec } = line;
  const before = values[s.at.contract]!;
  const after = values[s.at.order]!;
  // Only manual discounts need approval (not a document-level rounding share).
  if (after === before || (!line.meta?.[s.at.manual] && !line.meta?.[s.at.order])) return undefined;
  const floor = spec.price.floor;
  if (floor !== undefined && after < floor * spec.qty) {
    const params = { floor: format(floor, s.places), net: format(after, s.places) };
    return { item: spec.item, code: 'floor-price', params, reason: englishReason('floor-price', params), rule: `${spec.price.entryRule}.floor` };
  }
  const fp = s.maxDiscount;
  if (fp !== undefined && after * fp.factor.den < before * fp.factor.num) {
    const given = divide((before - after) * 100n * 100n, before, s.mode) * HUNDREDTH;
    const params = { percent: format(given, 0), allowed: fp.allowed };
    return { item: spec.item, code: 'floor-percent', params, reason: englishReason('floor-percent', params), rule: fp.rule };
  }
  return undefined;
}
