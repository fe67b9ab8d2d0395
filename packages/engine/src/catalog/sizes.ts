/**
 * Sizes the encoding counts with, a module of their own: encoding a product (a page that
 * loads precompiled spaces) and building its diagrams (explanations) need them, the
 * encoding limits' checks (`limits.ts`) only when compiling.
 */

/**
 * How many values a quantity has: (max − min) / step + 1, exactly for safe integers
 * (no overflow, no rounding); 0 when max < min; Infinity when min, max or step is not
 * a safe integer or the step is below 1.
 */
export function quantityValueCount(min: number, max: number, step: number): number {
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || !Number.isSafeInteger(step) || step < 1) return Infinity;
  if (max < min) return 0;
  return Number((BigInt(max) - BigInt(min)) / BigInt(step)) + 1;
}

/**
 * The counting states of "between min and max of n items hold" at item i that are still
 * undecided, as configure/build.ts builds them: c of the items before i are true and
 * r = n − i remain; c < min with c + r ≥ min, or c > max − r with c ≤ max, and never
 * c > i. Two ranges `[a, b]` and `[c, d]`, each empty when its end is below its start.
 */
export function undecidedRanges(i: number, n: number, min: number, max: number): [a: number, b: number, c: number, d: number] {
  const r = n - i;
  const lo = Math.max(0, min - r);
  const hi = Math.min(i, max);
  return [lo, Math.min(hi, min - 1), Math.max(lo, min, max - r + 1), hi];
}
