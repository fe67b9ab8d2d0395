/**
 * The statistics behind price guidance: net ÷ list as a number, percentiles, percent
 * ranks and a two-parameter logistic fit. Kept apart so tests can check them by hand.
 *
 * Floats: amounts stay decimal text everywhere; only the ratio net ÷ list, a
 * dimensionless statistic, is a float. {@link ratioOf} makes it the correctly rounded
 * double of the exact quotient, so deals with equal ratios get equal numbers and the
 * order of ratios is kept (never reversed). Interpolated percentiles and the win curve
 * are estimates whose float error (about 1e-16) is far below their statistical error.
 *
 * @module
 */
import { Dec } from '../price/money.js';

/**
 * net ÷ list of two decimal amounts as text ("870.15", "1000"), correctly rounded to a
 * double: both are scaled to whole numbers of the same smallest unit, which are exact
 * doubles up to 2^53, and IEEE division rounds the exact quotient. Longer amounts
 * (over 15 digits) are divided with 40 significant digits first.
 */
export function ratioOf(net: string, list: string): number {
  // Called once per deal when indexing: scans digits into numbers without allocating.
  const netDigits = digitsOf(net);
  const netPlaces = placesOf(net);
  const listDigits = digitsOf(list);
  const listPlaces = placesOf(list);
  if (netDigits >= 0 && listDigits >= 0) {
    const places = Math.max(netPlaces, listPlaces);
    const top = netDigits * 10 ** (places - netPlaces);
    const bottom = listDigits * 10 ** (places - listPlaces);
    if (top <= MAX_EXACT && bottom <= MAX_EXACT) return top / bottom;
  }
  return new Dec(net).div(new Dec(list)).toNumber();
}

// Whole numbers up to 15 digits are exact doubles, as are their products by 10^k below 2^53.
const MAX_EXACT = 999_999_999_999_999;

/** "870.15" → 87015 (the digits as a whole number); -1 past 15 digits. */
function digitsOf(text: string): number {
  let digits = 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 46) {
      digits = digits * 10 + (c - 48);
      count++;
    }
  }
  return count > 15 ? -1 : digits;
}

/** "870.15" → 2: digits after the point. */
function placesOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** "870.15" as 87015 with 2 places, without building strings; undefined past 15 digits. */
function scaled(text: string): { digits: number; places: number } | undefined {
  let digits = 0;
  let count = 0;
  let places = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) places = 0;
    else {
      digits = digits * 10 + (c - 48);
      count++;
      if (places >= 0) places++;
    }
  }
  return count > 15 ? undefined : { digits, places: Math.max(0, places) };
}

/**
 * The `p`-th percentile (0–100) of ascending `sorted` values by linear interpolation
 * between closest ranks: Hyndman & Fan type 7, the default of R, NumPy and Excel's
 * PERCENTILE.INC. h = (n − 1)·p/100; the result is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])
 * (0-based). One value is every percentile of itself.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('no values');
  const h = ((n - 1) * p) / 100;
  const lo = Math.floor(h);
  const below = sorted[lo]!;
  if (lo + 1 >= n) return below;
  const above = sorted[lo + 1]!;
  const f = h - lo;
  if (f === 0 || below === above) return below;
  // Rounding could carry the sum past `above`; clamped, percentiles never decrease as p grows.
  return Math.min(above, below + f * (above - below));
}

/**
 * Where `value` stands among ascending `sorted` values, 0–100: the percentage below it,
 * counting values equal to it as half below (the mid-rank percent rank). Never
 * decreases as `value` grows; 0 below all, 100 above all.
 */
export function percentRank(sorted: ArrayLike<number>, value: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('no values');
  const below = bound(sorted, value, false);
  const upTo = bound(sorted, value, true);
  return (100 * (below + (upTo - below) / 2)) / n;
}

// How many values are below `value` (or, with `orEqual`, at most `value`): binary search.
function bound(sorted: ArrayLike<number>, value: number, orEqual: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = sorted[mid]!;
    if (x < value || (orEqual && x === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Merges adjacent ascending runs of `source` into the same range of `target`: run k is
 * `[bounds[k], bounds[k + 1])`. A few runs are merged by picking the least head (linear
 * per run); many are copied and sorted.
 */
export function mergeRuns(source: Float64Array, bounds: readonly number[], target: Float64Array): void {
  const first = bounds[0]!;
  const end = bounds[bounds.length - 1]!;
  const runs = bounds.length - 1;
  if (runs <= 1 || runs > 16) {
    target.set(source.subarray(first, end), first);
    if (runs > 1) target.subarray(first, end).sort();
    return;
  }
  const heads = bounds.slice(0, runs);
  for (let k = first; k < end; k++) {
    let best = -1;
    let bestValue = Infinity;
    for (let r = 0; r < runs; r++) {
      const h = heads[r]!;
      if (h < bounds[r + 1]! && (best < 0 || source[h]! < bestValue)) {
        best = r;
        bestValue = source[h]!;
      }
    }
    target[k] = bestValue;
    heads[best]!++;
  }
}

/** P(won) = 1 / (1 + e^−(intercept + slope · ratio)). */
export interface LogisticFit {
  readonly intercept: number;
  readonly slope: number;
  /** Newton steps taken. */
  readonly iterations: number;
}

/**
 * Fits P(won | ratio) by maximum likelihood with Newton's method (two parameters, a
 * 2×2 system per step, no dependency). The ratio is standardised for the fit, and a
 * small ridge penalty on the slope (λ = 0.01 on the standardised scale) keeps the fit
 * finite when won and lost deals are perfectly separated by price.
 */
export function fitLogistic(won: ArrayLike<number>, lost: ArrayLike<number>, maxIterations = 50): LogisticFit {
  const total = won.length + lost.length;
  let sum = 0;
  for (let i = 0; i < won.length; i++) sum += won[i]!;
  for (let i = 0; i < lost.length; i++) sum += lost[i]!;
  const mean = sum / total;
  let squares = 0;
  for (let i = 0; i < won.length; i++) squares += (won[i]! - mean) ** 2;
  for (let i = 0; i < lost.length; i++) squares += (lost[i]! - mean) ** 2;
  const sd = Math.sqrt(squares / total) || 1;
  const ridge = 0.01;
  let a = 0;
  let b = 0;
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    // Gradient (ga, gb) and negated Hessian [[haa, hab], [hab, hbb]] of the penalised log-likelihood.
    let ga = 0, gb = -ridge * b, haa = 0, hab = 0, hbb = ridge;
    const add = (ratio: number, y: number): void => {
      const x = (ratio - mean) / sd;
      const p = 1 / (1 + Math.exp(-(a + b * x)));
      const w = p * (1 - p);
      ga += y - p;
      gb += (y - p) * x;
      haa += w;
      hab += w * x;
      hbb += w * x * x;
    };
    for (let i = 0; i < won.length; i++) add(won[i]!, 1);
    for (let i = 0; i < lost.length; i++) add(lost[i]!, 0);
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a += da;
    b += db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) {
      iterations++;
      break;
    }
  }
  return { intercept: a - (b * mean) / sd, slope: b / sd, iterations };
}

/** The logistic curve's probability of winning at `ratio`. */
export function winProbability(fit: LogisticFit, ratio: number): number {
  return 1 / (1 + Math.exp(-(fit.intercept + fit.slope * ratio)));
}
