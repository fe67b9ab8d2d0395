/**
 * Uplift: a price increase on recurring charges, for a ramp deal's later segments and
 * for renewals ("+5 % a year").
 *
 * Takes a line priced to its volume price and the request's `uplift` (percents,
 * compounded in order); gives the uplifted price in the uplift column, the gross that
 * discounts then apply to, with the step that says by how much. One-time charges are
 * never uplifted: they are paid once, at the start.
 */
import { upFactor, type Ratio } from './fixed.js';
import { makeMeta, type Line, type Meta } from './lines.js';
import type { Setup } from './request.js';
import { percentOff } from './rounding.js';

/** The compounded factor of an uplift, and its step: worked out once per request. */
export interface Uplift {
  readonly factor: Ratio;
  readonly meta: Meta;
}

/** The request's uplift, compounded exactly: ["5", "5"] is × 1.1025. Undefined when there is none (or it is 0). */
export function upliftOf(percents: readonly string[] | undefined): Uplift | undefined {
  if (!percents || percents.length === 0) return undefined;
  let factor: Ratio = { num: 1n, den: 1n };
  for (const p of percents) {
    const f = upFactor(p);
    factor = { num: factor.num * f.num, den: factor.den * f.den };
  }
  if (factor.num === factor.den) return undefined;
  const params = { percent: compoundedPercent(factor), percents: percents.join(', ') };
  return { factor, meta: makeMeta('uplift', params, 'context.uplift') };
}

/** (factor − 1) × 100 as an exact decimal ("10.25"): the den is a power of ten, so it always ends. */
function compoundedPercent(factor: Ratio): string {
  const places = factor.den.toString().length - 1;
  const digits = ((factor.num - factor.den) * 100n).toString().padStart(places + 1, '0');
  const text = `${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
  return text.replace(/\.?0+$/, '');
}

/** Fills the uplift column: recurring lines raised by the request's uplift, others as they are. */
export function upliftPrice(line: Line, s: Setup): void {
  const { values, meta } = line;
  const before = values[s.at.tier]!;
  const uplift = s.uplift;
  if (!uplift || line.spec.group === 0) {
    values[s.at.uplift] = before;
    return;
  }
  values[s.at.uplift] = percentOff(line, before, uplift.factor, s);
  if (meta && values[s.at.uplift] !== before) meta[s.at.uplift] = uplift.meta;
}
