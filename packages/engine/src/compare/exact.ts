/**
 * Exact arithmetic for comparisons, without decimal.js (a page comparing products
 * need not load it): amounts as the pricer's fixed-point integers (`price/fixed.ts`),
 * spec values (numbers written in decimal) through their shortest decimal text.
 */
import type { MoneyJSON } from '../price/money.js';
import { minorUnits } from '../price/currency.js';
import { fixed, format } from '../price/fixed.js';

/** An amount in the pricer's internal units, for exact sums and comparisons. */
export const units = (money: MoneyJSON): bigint => fixed(money.amount);

/** An amount as the engine writes it: the currency's decimals, more only when it carries them (as `Money.toJSON`). */
export const amountOf = (value: bigint, currency: string): MoneyJSON => ({ amount: format(value, minorUnits(currency)), currency });

/** `a − b` of one currency, exactly. */
export const minus = (a: MoneyJSON, b: MoneyJSON): MoneyJSON => amountOf(units(a) - units(b), a.currency);

/** A finite number's shortest decimal text as an exact `digits × 10^-scale`. */
function decimal(n: number): [digits: bigint, scale: number] {
  const [mantissa = '0', exponent = '0'] = String(n).split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(whole + fraction);
  return scale < 0 ? [digits * 10n ** BigInt(-scale), 0] : [digits, scale];
}

/**
 * The significant digits a result keeps: `Dec`'s precision (`price/money.ts`), rounded half
 * to even as `Dec` rounds, so that a sum comes out as decimal.js gave it before (a sum of
 * a huge and a tiny number rounds there first, then to the nearest number).
 */
const PRECISION = 40;

/** The number nearest to `digits × 10^-scale` once rounded to {@link PRECISION} digits. */
function toNumber(digits: bigint, scale: number): number {
  const negative = digits < 0n;
  let magnitude = negative ? -digits : digits;
  const extra = magnitude.toString().length - PRECISION;
  if (extra > 0) {
    const unit = 10n ** BigInt(extra);
    const rest = magnitude % unit;
    magnitude /= unit;
    if (2n * rest > unit || (2n * rest === unit && magnitude % 2n === 1n)) magnitude += 1n;
    scale -= extra;
  }
  return Number(`${negative ? '-' : ''}${magnitude}e${-scale}`);
}

/** `a + b` of numbers written in decimal, exactly (99.9 + 0.05 is 99.95), then as the nearest number. */
export function exactPlus(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a + b;
  const [x, xs] = decimal(a);
  const [y, ys] = decimal(b);
  const scale = Math.max(xs, ys);
  return toNumber(x * 10n ** BigInt(scale - xs) + y * 10n ** BigInt(scale - ys), scale);
}

/** `a × b` of numbers written in decimal, exactly, then as the nearest number. */
export function exactTimes(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a * b;
  const [x, xs] = decimal(a);
  const [y, ys] = decimal(b);
  return toNumber(x * y, xs + ys);
}
