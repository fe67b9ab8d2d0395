/**
 * Volume pricing: quantity tiers (range, slab, block) on a line.
 *
 * Takes a line whose book price has tiers; gives the price of its quantity under them
 * in the tier column, with the step that says which tier(s) applied (`tier-range`,
 * `tier-slab`, `tier-block`), or a `tier-missing` problem when no tier covers the
 * quantity. The arithmetic of the modes is in `tiers.ts`.
 */
import type { Problem } from '../internal/problems.js';
import { format } from './fixed.js';
import { itemParams, makeMeta, pathOf, type Line } from './lines.js';
import { pricingProblem } from './problems.js';
import type { Setup } from './request.js';
import { roundLine, roundUnit } from './rounding.js';
import type { BookPrice } from './book.js';
import { tierPrice, type TierPrice } from './tiers.js';

/** The quantity's price under a book price's tiers (worked out once for the line's own book price); undefined when no tier covers it. */
export function tierPriceOf(line: Line, p: BookPrice, s: Setup): TierPrice | undefined {
  const own = p === line.spec.price;
  if (own && line.tiered !== undefined) return line.tiered ?? undefined;
  const tiered = tierPrice(p.charge.tierMode ?? 'range', p.tiers!, line.spec.quantity, s.level === 'unit' ? s.step : 1n, s.mode);
  if (own) line.tiered = tiered ?? null;
  return tiered;
}

/** Fills the tier column; false (with a problem) when no tier covers the quantity. */
export function volumePrice(line: Line, s: Setup, problems: Problem[]): boolean {
  const { spec, values, meta } = line;
  const price = spec.price;
  const k = s.at.book;
  const at = s.at.tier;
  if (price.tiers === undefined) {
    values[at] = values[k]!;
    return true;
  }
  const mode = price.charge.tierMode ?? 'range';
  const tiered = tierPriceOf(line, price, s);
  if (!tiered) {
    const last = price.tiers[price.tiers.length - 1]!;
    problems.push(
      pricingProblem(
        pathOf(spec),
        'tier-missing',
        { ...itemParams(spec.item, s, spec.product, spec.attribute, spec.option), quantity: spec.quantity, to: last.to },
        `no tier of "${spec.item}" in price book "${s.book.book.id}" covers quantity ${spec.quantity} (the tiers end at ${last.to})`,
      ),
    );
    return false;
  }
  const places = s.places;
  values[at] = roundLine(tiered.amount, s);
  line.unit = mode === 'range' ? roundUnit(tiered.tier.amount, s) : undefined;
  if (meta && values[at] !== values[k]) {
    const t = tiered.tier;
    const params: Record<string, string | number> = { from: t.from };
    if (t.to !== undefined) params['to'] = t.to;
    if (mode === 'range') params['unitPrice'] = format(line.unit!, places);
    if (mode === 'slab') {
      params['quantity'] = spec.quantity;
      params['slabs'] = tiered.slabs!.map((sl) => `${sl.units} × ${format(roundUnit(sl.tier.amount, s), places)}`).join(' + ');
    }
    meta[at] = makeMeta(`tier-${mode}`, params, `${price.entryRule}.tiers[${t.index}]`);
  }
  return true;
}
