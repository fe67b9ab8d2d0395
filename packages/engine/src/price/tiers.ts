/**
 * Quantity tiers: which tier a quantity falls in, and what it costs under each mode.
 *
 * - range: the whole quantity at the rate of the tier it falls in (7 units in 5–9 at 119.00 = 833.00);
 * - slab (graduated): each unit at the rate of its own tier (4 × 129.00 + 3 × 119.00 = 873.00);
 * - block: the tier's amount is the price of any quantity within it (1–10 users: 500.00).
 *
 * Amounts are the exact fixed-point values of `fixed.ts`.
 */
import { round } from './fixed.js';
import type { RoundingMode } from './money.js';

export type TierMode = 'range' | 'slab' | 'block';

/** A tier with its end filled in: `to` is undefined only for an open last tier. */
export interface Tier {
  readonly from: number;
  readonly to: number | undefined;
  readonly amount: bigint;
  /** Its position in the catalog's list, for the rule path. */
  readonly index: number;
}

/** Fills in each tier's end from the next tier's start; the tiers were validated as contiguous. */
export function normalizeTiers<T extends { from: number; to?: number | undefined }>(tiers: readonly T[], amount: (tier: T) => bigint): Tier[] {
  return tiers.map((t, i) => ({
    from: t.from,
    to: t.to ?? (i + 1 < tiers.length ? tiers[i + 1]!.from - 1 : undefined),
    amount: amount(t),
    index: i,
  }));
}

/** The tier a quantity falls in, or undefined when it is below the first or above the last. */
export function tierFor<T extends { readonly from: number; readonly to: number | undefined }>(tiers: readonly T[], quantity: number): T | undefined {
  for (const tier of tiers) {
    if (quantity >= tier.from && (tier.to === undefined || quantity <= tier.to)) return tier;
  }
  return undefined;
}

/** The units of a slab price that fall in each tier, e.g. 7 units over 1–4, 5–9: 4 and 3. */
export interface Slab {
  readonly tier: Tier;
  readonly units: number;
}

/** The price of a quantity under tiers, and the tier(s) that produced it. */
export interface TierPrice {
  readonly amount: bigint;
  /** The tier the quantity falls in (for slab: the highest tier reached). */
  readonly tier: Tier;
  /** Slab only: units per tier. */
  readonly slabs?: readonly Slab[];
}

/**
 * Prices a quantity under tiers. Rates are rounded to a multiple of `step` first
 * (a minor unit when rounding is at unit level, else 1: no rounding). Returns
 * undefined when no tier covers the quantity.
 */
export function tierPrice(mode: TierMode, tiers: readonly Tier[], quantity: number, step: bigint, rounding: RoundingMode): TierPrice | undefined {
  const unit = (rate: bigint): bigint => round(rate, step, rounding);
  const tier = tierFor(tiers, quantity);
  if (tier === undefined) return undefined;
  switch (mode) {
    case 'range':
      return { amount: unit(tier.amount) * BigInt(quantity), tier };
    case 'block':
      return { amount: unit(tier.amount), tier };
    case 'slab': {
      let amount = 0n;
      const slabs: Slab[] = [];
      for (const t of tiers) {
        if (t.from > quantity) break;
        const units = Math.min(quantity, t.to ?? quantity) - t.from + 1;
        amount += unit(t.amount) * BigInt(units);
        slabs.push({ tier: t, units });
      }
      return { amount, tier, slabs };
    }
  }
}
