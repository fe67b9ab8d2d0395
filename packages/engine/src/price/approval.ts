/**
 * Approval floors: whether manual discounts take a line below what a rep may give.
 *
 * Takes a priced line and the request's floor; gives the reason the line needs approval,
 * when its manual (line and order) discounts take it below the item's `floor` (a unit
 * price) or beyond the book's `floorPercent`. Contract and partner prices are agreed up
 * front and never need approval; the price itself is unchanged.
 */
import { formatPath } from '../internal/problems.js';
import { englishReason, type Approval } from './breakdown.js';
import { divide, fixed, format, percentOf, stepOf, type Ratio } from './fixed.js';
import type { Line } from './lines.js';
import type { Setup } from './request.js';
import type { PriceBook, PricingSection } from './schema.js';

const HUNDREDTH = stepOf(2);

/** The floor as a share of the price before manual discounts, and the percent that leaves to give. */
export interface FloorPercent {
  readonly factor: Ratio;
  readonly allowed: string;
  readonly rule: string;
}

/** The book's floor percent, else the pricing section's. */
export function floorPercentOf(book: PriceBook, index: number, pricing: PricingSection): FloorPercent | undefined {
  const floor = book.floorPercent ?? pricing.floorPercent;
  if (floor === undefined) return undefined;
  return {
    factor: percentOf(floor),
    allowed: format(fixed('100') - fixed(floor), 0),
    rule: book.floorPercent !== undefined ? formatPath(['pricing', 'books', index, 'floorPercent']) : 'pricing.floorPercent',
  };
}

/** A manual discount below the floor: the item's floor price per unit, or the book's floor percent. */
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
  const fp = s.floorPercent;
  if (fp !== undefined && after * fp.factor.den < before * fp.factor.num) {
    const given = divide((before - after) * 100n * 100n, before, s.mode) * HUNDREDTH;
    const params = { percent: format(given, 0), allowed: fp.allowed };
    return { item: spec.item, code: 'floor-percent', params, reason: englishReason('floor-percent', params), rule: fp.rule };
  }
  return undefined;
}
