/**
 * Exact fixed-point arithmetic for the waterfall's inner loop.
 *
 * An amount is a BigInt count of 10^-12 units: every price, percentage and rate a
 * catalog can write (up to 12 decimals) is exact in it, sums and products by whole
 * quantities stay exact, and a product by a percentage or rate is rounded exactly
 * once, straight to the declared point (the currency's minor unit at unit or line
 * level; 10^-12 at document level and for derived price books). Amounts up to about
 * 18 million currency units fit one machine word, which keeps BigInt fast; larger
 * ones are just as exact. decimal.js stays the public money type (`Money`); this
 * exists because its per-operation allocations made a 1,000-line quote take 65 ms.
 *
 * Nothing here is a float: no `Number` ever holds an amount.
 */
import type { RoundingMode } from './money.js';

/** Decimals of the internal unit. */
export const SCALE = 12;
const ONE = 10n ** BigInt(SCALE);

/** A fraction, for percentages, factors and rates: 92.5% off-factor is 925/1000. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

/** The size of one minor unit in internal units: 10^(12 − places). */
export function stepOf(places: number): bigint {
  return STEPS[places] ?? 10n ** BigInt(SCALE - places);
}

/** Parses "129.00", "-8", "0.0035" into internal units; rounds half-even past 12 decimals. */
export function fixed(text: string): bigint {
  const { num, den } = ratio(text);
  return divide(num * ONE, den, 'half-even');
}

/** A decimal string as an exact fraction. */
export function ratio(text: string): Ratio {
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`"${text}" is not a decimal number such as "129.00"`);
  const decimals = match[3] ?? '';
  const num = BigInt(match[2]! + decimals);
  return { num: match[1] === '-' ? -num : num, den: 10n ** BigInt(decimals.length) };
}

/** The factor that takes `percent` off: (100 − p) / 100. */
export function offFactor(percent: string): Ratio {
  const p = ratio(percent);
  return { num: 100n * p.den - p.num, den: 100n * p.den };
}

/** The factor (100 + p) / 100, for a signed adjustment such as "-8" or "5". */
export function upFactor(percent: string): Ratio {
  const p = ratio(percent);
  return { num: 100n * p.den + p.num, den: 100n * p.den };
}

/** p / 100. */
export function percentOf(percent: string): Ratio {
  const p = ratio(percent);
  return { num: p.num, den: 100n * p.den };
}

/** a × r, rounded once to a multiple of `step` (1 for full precision). */
export function times(a: bigint, r: Ratio, step: bigint, mode: RoundingMode): bigint {
  return divide(a * r.num, r.den * step, mode) * step;
}

/** a × n / d, rounded once to a multiple of `step`. */
export function mulDiv(a: bigint, n: bigint, d: bigint, step: bigint, mode: RoundingMode): bigint {
  return divide(a * n, d * step, mode) * step;
}

/** Rounds to a multiple of `step`. */
export function round(a: bigint, step: bigint, mode: RoundingMode): bigint {
  return step === 1n || a % step === 0n ? a : divide(a, step, mode) * step;
}

/** Whole units `a / b`, rounded half-even or half-up (away from zero). */
export function divide(a: bigint, b: bigint, mode: RoundingMode): bigint {
  if (b < 0n) return divide(-a, -b, mode);
  let q = a / b;
  let r = a % b;
  if (r < 0n) {
    q -= 1n;
    r += b;
  }
  const twice = r * 2n;
  if (twice < b) return q;
  if (twice > b) return q + 1n;
  if (mode === 'half-even') return q % 2n === 0n ? q : q + 1n;
  return a < 0n ? q : q + 1n;
}

/** Floor of a / b for b > 0. */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/**
 * Writes an amount with at least `places` decimals ("833.00", "1200", "0.0035"),
 * more only when it carries them. Never "-0.00".
 */
export function format(a: bigint, places: number): string {
  if (a === 0n) return places === 0 ? '0' : ZEROS[places]!;
  const step = STEPS[places]!;
  if (a % step === 0n) {
    // The usual case, an amount in whole minor units: only its significant digits are written.
    const units = a / step;
    if (places === 0) return units.toString();
    const negative = units < 0n;
    const digits = (negative ? -units : units).toString();
    const padded = digits.length > places ? digits : '0'.repeat(places - digits.length + 1) + digits;
    const cut = padded.length - places;
    return `${negative ? '-' : ''}${padded.slice(0, cut)}.${padded.slice(cut)}`;
  }
  const negative = a < 0n;
  const digits = (negative ? -a : a).toString().padStart(SCALE + 1, '0');
  const whole = digits.slice(0, digits.length - SCALE);
  let end = digits.length;
  while (end > digits.length - SCALE + places && digits.charCodeAt(end - 1) === 48 /* 0 */) end--;
  const decimals = digits.slice(digits.length - SCALE, end);
  return `${negative ? '-' : ''}${whole}${decimals === '' ? '' : `.${decimals}`}`;
}

const STEPS = Array.from({ length: SCALE + 1 }, (_, places) => 10n ** BigInt(SCALE - places));
const ZEROS = Array.from({ length: SCALE + 1 }, (_, places) => `0.${'0'.repeat(places)}`);

/**
 * Splits `total` (a multiple of `step`) into parts proportional to non-negative
 * `weights`, each a multiple of `step`, summing to `total` exactly: floors first,
 * then one step more for the largest remainders (ties: the earlier part). Equal
 * weights when all are zero.
 */
export function allocate(total: bigint, weights: readonly bigint[], step: bigint): bigint[] {
  if (weights.length === 0) return [];
  const negative = total < 0n;
  const units = (negative ? -total : total) / step;
  let w = weights;
  let sum = 0n;
  for (const x of w) sum += x;
  if (sum === 0n) {
    w = weights.map(() => 1n);
    sum = BigInt(weights.length);
  }
  const floors: bigint[] = [];
  const remainders: bigint[] = [];
  for (const x of w) {
    const share = units * x;
    floors.push(share / sum);
    remainders.push(share % sum);
  }
  const parts = distribute(units, floors, remainders);
  return parts.map((u) => (negative ? -u * step : u * step));
}

/**
 * Rounds each value to a multiple of `step` so that they sum to the rounded sum of
 * the exact values (document-level rounding spread over the lines by largest remainder).
 */
export function roundColumn(values: readonly bigint[], step: bigint, mode: RoundingMode): bigint[] {
  let sum = 0n;
  for (const v of values) sum += v;
  const target = divide(sum, step, mode);
  const floors = values.map((v) => floorDiv(v, step));
  const parts = distribute(target, floors, values.map((v, i) => v - floors[i]! * step));
  return parts.map((u) => u * step);
}

/** Hands `total − Σ floors` extra units to the largest remainders (ties: the earlier part). */
export function distribute(total: bigint, floors: bigint[], remainders: readonly bigint[]): bigint[] {
  let left = total;
  for (const f of floors) left -= f;
  if (left === 0n) return floors;
  const order = remainders.map((_, i) => i).sort((a, b) => (remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : a - b));
  for (let k = 0; left > 0n && k < order.length; k++, left--) floors[order[k]!]! += 1n;
  for (let k = order.length - 1; left < 0n && k >= 0; k--, left++) floors[order[k]!]! -= 1n;
  return floors;
}
