/**
 * Every item against the baseline ("what you have today"): the rows where it
 * differs, how, and whether for the better; and the money, item minus baseline.
 * Swapping item and baseline turns every delta into its opposite.
 */
import type { Catalog, SpecValue } from '../catalog/schema.js';
import { minus } from './exact.js';
import { exactDifference, isPreferred, type Built } from './rows.js';
import type { ChosenValue, FeatureDelta, ItemDelta, ItemPrice, MoneyDelta, SpecRow } from './types.js';

/** How a spec value changed from `from` to `to` (which differ). */
function specChange(catalog: Catalog, row: SpecRow, from: SpecValue | undefined, to: SpecValue | undefined): FeatureDelta {
  if (from === undefined || to === undefined) return { row: row.id, change: from === undefined ? 'added' : 'removed' };
  if (typeof from === 'number' && typeof to === 'number') {
    const difference = exactDifference(to, from);
    const change = difference > 0 ? 'more' : 'less';
    if (row.better !== undefined) return { row: row.id, change, difference, better: row.better === 'higher' ? difference > 0 : difference < 0 };
    const better = preference(catalog, row, from, to);
    return better === undefined ? { row: row.id, change, difference } : { row: row.id, change, difference, better };
  }
  const change = typeof from === 'boolean' && typeof to === 'boolean' ? (to ? 'gained' : 'lost') : 'changed';
  const better = preference(catalog, row, from, to);
  return better === undefined ? { row: row.id, change } : { row: row.id, change, better };
}

/** Better when only `to` is the preferred value, worse when only `from` is; otherwise it says nothing. */
function preference(catalog: Catalog, row: SpecRow, from: SpecValue, to: SpecValue): boolean | undefined {
  if (row.preferred === undefined) return undefined;
  const preferredTo = isPreferred(catalog, row.preferred, to);
  return preferredTo === isPreferred(catalog, row.preferred, from) ? undefined : preferredTo;
}

/** How an attribute's choice changed from `from` to `to` (which differ). */
function choiceChange(id: string, from: ChosenValue | undefined, to: ChosenValue | undefined): FeatureDelta {
  if (from === undefined || to === undefined) return { row: id, change: from === undefined ? 'added' : 'removed' };
  if (from.kind === 'quantity' && to.kind === 'quantity') {
    const difference = to.quantity - from.quantity;
    return { row: id, change: difference > 0 ? 'more' : 'less', difference };
  }
  if (from.kind === 'boolean' && to.kind === 'boolean') return { row: id, change: to.on ? 'gained' : 'lost' };
  return { row: id, change: 'changed' };
}

/** Per item, the rows where it differs from the item at `b`, in row order. */
function features(catalog: Catalog, built: Built, count: number, b: number): FeatureDelta[][] {
  const out: FeatureDelta[][] = Array.from({ length: count }, () => []);
  for (const group of built.groups) {
    for (const row of group.rows) {
      if (!row.differs) continue;
      const keys = built.keys.get(row)!;
      const base = keys[b];
      for (let i = 0; i < count; i++) {
        if (keys[i] === base) continue;
        out[i]!.push(row.kind === 'spec' ? specChange(catalog, row, row.values[b], row.values[i]) : choiceChange(row.id, row.values[b], row.values[i]));
      }
    }
  }
  return out;
}

function moneyDelta(item: ItemPrice, baseline: ItemPrice): MoneyDelta {
  return {
    oneTime: minus(item.tco.oneTime, baseline.tco.oneTime),
    month: minus(item.month, baseline.month),
    year: minus(item.year, baseline.year),
    recurring: minus(item.tco.recurring, baseline.tco.recurring),
    tco: minus(item.tco.net, baseline.tco.net),
    total: minus(item.tco.total, baseline.tco.total),
  };
}

/** Each item's delta against the item at `baseline`; `undefined` for the baseline itself. */
export function itemDeltas(
  catalog: Catalog,
  built: Built,
  ids: readonly string[],
  prices: readonly ItemPrice[] | undefined,
  baseline: number,
): (ItemDelta | undefined)[] {
  const changes = features(catalog, built, ids.length, baseline);
  return ids.map((_, i) => {
    if (i === baseline) return undefined;
    const money = prices ? { money: moneyDelta(prices[i]!, prices[baseline]!) } : {};
    return { baseline: ids[baseline]!, features: changes[i]!, ...money };
  });
}
