/**
 * Rounding: where amounts become whole minor units, as the rounding level says.
 *
 * Takes exact amounts (fixed-point, see `fixed.ts`) and the request's rounding (mode and
 * level); gives them rounded at the declared point: unit prices (`unit`), each line's
 * amount after each stage (`line`, the default), or nothing until the totals, which are
 * then rounded as a whole and spread over the lines by largest remainder (`document`).
 * A percentage is applied with one rounding from the exact product, straight to that point.
 */
import type { PriceBook } from './schema.js';
import { round, roundColumn, times, type Ratio } from './fixed.js';
import { GROUP_NAMES, NO_PARAMS, type Line } from './lines.js';
import { englishReason, type PriceStep } from './breakdown.js';
import { formatPath } from '../internal/problems.js';
import type { Setup } from './request.js';

/** A unit price, rounded when rounding is at unit level. */
export function roundUnit(value: bigint, s: Setup): bigint {
  return s.level === 'unit' ? round(value, s.step, s.mode) : value;
}

/** A line's amount, rounded unless rounding is at document level. */
export function roundLine(value: bigint, s: Setup): bigint {
  return s.level === 'document' ? value : round(value, s.step, s.mode);
}

/** Takes a percentage off, rounding once: per unit when rounding is at unit level and the line has a unit price. */
export function percentOff(line: Line, value: bigint, factor: Ratio, s: Setup): bigint {
  if (s.level === 'unit' && line.unit !== undefined) {
    line.unit = times(line.unit, factor, s.step, s.mode);
    return line.unit * line.spec.qty;
  }
  line.unit = undefined;
  return times(value, factor, s.level === 'document' ? 1n : s.step, s.mode);
}

/** Document-level rounding: every column of every kind of charge rounded as a whole and spread by largest remainder. */
export function roundDocument(lines: Line[], s: Setup): void {
  const columns = s.at.count;
  for (let group = 0; group < GROUP_NAMES.length; group++) {
    const members = lines.filter((l) => l.spec.group === group);
    if (members.length === 0) continue;
    for (let c = 0; c < columns; c++) {
      const rounded = roundColumn(members.map((l) => l.values[c]!), s.step, s.mode);
      members.forEach((l, i) => (l.values[c] = rounded[i]!));
    }
  }
  const recurring = lines.filter((l) => l.term !== undefined);
  for (let c = 0; c < 3; c++) {
    const rounded = roundColumn(recurring.map((l) => l.term!.values[c]!), s.step, s.mode);
    recurring.forEach((l, i) => (l.term!.values[c] = rounded[i]!));
  }
}

/** The step that shows a line's share of document-level rounding, with the rule that asked for it. */
export function roundingStep(book: PriceBook, index: number): Omit<PriceStep, 'amount' | 'after'> {
  return {
    stage: 'rounding',
    code: 'rounding',
    params: NO_PARAMS,
    reason: englishReason('rounding', NO_PARAMS),
    rule: book.rounding?.level !== undefined ? formatPath(['pricing', 'books', index, 'rounding']) : 'pricing.rounding',
  };
}
