/**
 * Terms: recurring lines over their committed terms.
 *
 * Takes the priced lines and the request; gives each recurring line its term (months,
 * periods billed, whether the last period is prorated) and its list, gross and net over
 * that term. The term comes from the request's `termMonths`, a chosen term option, the
 * charge's `term`, or one period, in that order.
 */
import { fixed, mulDiv, stepOf } from './fixed.js';
import type { Line } from './lines.js';
import type { Setup } from './request.js';

const ONE_UNIT = fixed('1');

/** Recurring lines over their terms: list, gross and net times the periods of the term. */
export function terms(lines: Line[], s: Setup): void {
  const grossAt = s.at.uplift;
  const netAt = s.at.partner;
  const granularity = s.level === 'document' ? 1n : s.step;
  for (const line of lines) {
    const { spec } = line;
    if (spec.group === 0) continue;
    const periodMonths = spec.group === 1 ? 1 : 12;
    const months = s.context.termMonths ?? spec.termMonths ?? spec.price.charge.term ?? periodMonths;
    const whole = months % periodMonths === 0;
    const prorated = !whole && spec.price.charge.prorate !== false;
    // A partial last period is paid in part (prorated) or in full.
    const [n, d] = whole || prorated ? [BigInt(months), BigInt(periodMonths)] : [BigInt(Math.ceil(months / periodMonths)), 1n];
    const over = (v: bigint): bigint => mulDiv(v, n, d, granularity, s.mode);
    line.term = { months, periods: mulDiv(ONE_UNIT, n, d, stepOf(4), 'half-even'), prorated, values: [over(line.values[0]!), over(line.values[grossAt]!), over(line.values[netAt]!)] };
  }
}
