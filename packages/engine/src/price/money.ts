/**
 * Money: exact decimal amounts tied to a currency's ISO 4217 minor units.
 *
 * Amounts are decimal.js values from a private constructor (40 significant digits,
 * half-even by default), so no global decimal.js setting is read or changed. Amounts
 * keep full precision until a declared rounding point rounds them to the currency's
 * minor units, which come from `Intl` (JPY 0, EUR 2, BHD 3) rather than a hand-written
 * table. Adding or comparing amounts in different currencies throws; converting
 * takes an explicit, dated exchange rate.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { allocate as allocateFixed, fixed, format, stepOf } from './fixed.js';

/**
 * The decimal constructor used for every amount. A clone, so the host page's own
 * decimal.js settings neither affect nor are affected by pricing; exponents are
 * never used in `toString`, so strings are plain decimals.
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -60,
  toExpPos: 60,
});

/** How a half minor unit is rounded: to the even neighbour (banker's rounding, the default) or away from zero. */
export type RoundingMode = 'half-even' | 'half-up';

const MODES: Record<RoundingMode, Decimal.Rounding> = {
  'half-even': Decimal.ROUND_HALF_EVEN,
  'half-up': Decimal.ROUND_HALF_UP,
};

export const ZERO: Decimal = new Dec(0);

// Currency facts live apart from decimal.js, so pricing in a page does not load it.
import { minorUnits } from './currency.js';
export { isCurrency, knownCurrencies, minorUnits } from './currency.js';

/** Rounds to `places` decimals with a declared mode; never returns negative zero. */
export function roundTo(value: Decimal, places: number, mode: RoundingMode): Decimal {
  // Skipping values that are already exact is much cheaper than rounding them.
  const rounded = value.decimalPlaces() <= places ? value : value.toDecimalPlaces(places, MODES[mode]);
  return rounded.isZero() ? ZERO : rounded;
}

/**
 * Writes an amount with exactly the currency's decimals ("833.00", "1200", "1.250"),
 * or more when it carries more precision (a unit price of "0.0035"). Never "-0.00",
 * never an exponent.
 */
export function formatDecimal(value: Decimal, places: number): string {
  if (value.isZero()) return places === 0 ? '0' : `0.${'0'.repeat(places)}`;
  const text = value.toString();
  const dot = text.indexOf('.');
  const have = dot < 0 ? 0 : text.length - dot - 1;
  if (have >= places) return text;
  return dot < 0 ? `${text}.${'0'.repeat(places)}` : text + '0'.repeat(places - have);
}

/** Parses a decimal written as text ("129.00", "-8"); throws a `RangeError` for anything else. */
export function parseDecimal(text: string): Decimal {
  if (!/^[+-]?\d+(\.\d+)?$/.test(text)) throw new RangeError(`"${text}" is not a decimal number such as "129.00"`);
  return new Dec(text);
}

/** Amounts leave the engine in this form: a decimal string and its currency, never a float. */
export interface MoneyJSON {
  readonly amount: string;
  readonly currency: string;
}

/** Thrown when amounts in different currencies meet; names both currencies. */
export class CurrencyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CurrencyError';
  }
}

/** An explicit, dated exchange rate: 1 `from` = `rate` `to`, as published on `date`. */
export interface ExchangeRate {
  readonly from: string;
  readonly to: string;
  readonly rate: string;
  /** The day the rate was fixed, e.g. "2026-10-01": a rate without its date cannot be checked later. */
  readonly date: string;
}

/**
 * An amount of one currency. Immutable; arithmetic keeps full precision, and
 * {@link Money.round} rounds to the currency's minor units at a point you choose.
 *
 * @example
 * ```ts
 * Money.of('2.50', 'EUR').times('0.05').round('half-even').toString(); // "0.12 EUR"
 * Money.of('1.00', 'USD').plus(Money.of('1.00', 'EUR')); // throws CurrencyError
 * ```
 */
export class Money {
  private constructor(
    /** The exact amount. */
    readonly amount: Decimal,
    /** The ISO 4217 code. */
    readonly currency: string,
  ) {}

  /** An amount from decimal text ("129.00") or a Decimal. Numbers are refused: they may already be inexact. */
  static of(amount: string | Decimal, currency: string): Money {
    minorUnits(currency); // throws for an unknown currency
    const value = typeof amount === 'string' ? parseDecimal(amount) : new Dec(amount);
    if (!value.isFinite()) throw new RangeError(`${value.toString()} is not an amount`);
    return new Money(value.isZero() ? ZERO : value, currency);
  }

  static zero(currency: string): Money {
    return Money.of(ZERO, currency);
  }

  /** The currency's minor-unit decimals. */
  get minorUnits(): number {
    return minorUnits(this.currency);
  }

  plus(other: Money): Money {
    this.same(other, 'add');
    return new Money(this.amount.plus(other.amount), this.currency);
  }

  minus(other: Money): Money {
    this.same(other, 'subtract');
    return new Money(this.amount.minus(other.amount), this.currency);
  }

  /** Multiplies by a factor (a quantity, a rate as text, a Decimal); full precision. */
  times(factor: Decimal | string | number): Money {
    if (typeof factor === 'number' && !Number.isInteger(factor)) {
      throw new RangeError(`multiply money by a whole number or a decimal string, not the float ${factor}`);
    }
    return new Money(this.amount.times(typeof factor === 'string' ? parseDecimal(factor) : factor), this.currency);
  }

  /** Rounds to the currency's minor units (EUR cents, whole yen, BHD fils). */
  round(mode: RoundingMode = 'half-even'): Money {
    return new Money(roundTo(this.amount, this.minorUnits, mode), this.currency);
  }

  /** -1, 0 or 1; throws for another currency. */
  compare(other: Money): number {
    this.same(other, 'compare');
    return this.amount.cmp(other.amount);
  }

  equals(other: Money): boolean {
    return this.currency === other.currency && this.amount.eq(other.amount);
  }

  isZero(): boolean {
    return this.amount.isZero();
  }

  /**
   * Splits this amount into parts proportional to `weights` that sum to it exactly,
   * in minor units, by largest remainder. Equal weights when all are zero.
   */
  allocate(weights: readonly (Decimal | string)[]): Money[] {
    const rounded = this.round();
    if (!rounded.amount.eq(this.amount)) throw new RangeError(`round ${this.toString()} to ${this.currency} minor units before allocating it`);
    const parts = allocate(this.amount, weights.map((w) => (typeof w === 'string' ? parseDecimal(w) : w)), this.minorUnits);
    return parts.map((p) => new Money(p, this.currency));
  }

  /** Converts with an explicit, dated rate; throws when the rate is for another currency. */
  convert(rate: ExchangeRate): Money {
    if (rate.from !== this.currency) {
      throw new CurrencyError(`cannot convert ${this.currency} with a rate from ${rate.from} to ${rate.to}`);
    }
    minorUnits(rate.to);
    return new Money(this.amount.times(parseDecimal(rate.rate)), rate.to);
  }

  /** "833.00 EUR" (with at least the currency's decimals). */
  toString(): string {
    return `${formatDecimal(this.amount, this.minorUnits)} ${this.currency}`;
  }

  toJSON(): MoneyJSON {
    return { amount: formatDecimal(this.amount, this.minorUnits), currency: this.currency };
  }

  private same(other: Money, verb: string): void {
    if (other.currency !== this.currency) {
      throw new CurrencyError(
        `cannot ${verb} ${this.toString()} and ${other.toString()}: the currencies ${this.currency} and ${other.currency} differ; convert one with an explicit, dated exchange rate first`,
      );
    }
  }
}

/**
 * Splits `total` (a whole number of minor units) into parts proportional to
 * `weights` by largest remainder: every part is a whole number of minor units and
 * the parts sum to `total` exactly. Ties go to the earlier part, so the result is
 * deterministic. Negative totals are split like their absolute value; all-zero
 * weights split equally.
 *
 * The counting is done on whole units with exact integer arithmetic: nothing is
 * divided approximately, so no minor unit is ever lost or created.
 */
export function allocate(total: Decimal, weights: readonly Decimal[], places: number): Decimal[] {
  for (const w of weights) if (w.isNegative() && !w.isZero()) throw new RangeError('allocation weights must not be negative');
  const parts = allocateFixed(toFixed(total), weights.map(toFixed), stepOf(places));
  return parts.map((p) => fromFixed(p, places));
}

function toFixed(value: Decimal): bigint {
  return fixed(value.toFixed());
}

function fromFixed(value: bigint, places: number): Decimal {
  return value === 0n ? ZERO : new Dec(format(value, places));
}
