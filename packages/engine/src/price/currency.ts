/**
 * ISO 4217 currencies as the platform's `Intl` knows them: which codes exist and how
 * many decimals their minor unit has. Kept apart from `money.ts` so that code that
 * only needs these facts (the pricer runs on exact integers) does not pull in decimal.js.
 */

let currencies: Set<string> | undefined;

/** Whether `code` is an ISO 4217 currency code the platform knows (from `Intl`). */
export function isCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  // Older runtimes without Intl.supportedValuesOf accept any well-formed code.
  if (typeof Intl.supportedValuesOf !== 'function') return true;
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(code);
}

/** Every currency code the platform knows, for suggestions. */
export function knownCurrencies(): readonly string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
}

const digits = new Map<string, number>();

/**
 * The number of decimals of a currency's minor unit (EUR 2, JPY 0, BHD 3), as the
 * platform's `Intl` data says. Throws a `RangeError` for an unknown currency.
 */
export function minorUnits(currency: string): number {
  let n = digits.get(currency);
  if (n === undefined) {
    if (!isCurrency(currency)) throw new RangeError(`"${currency}" is not an ISO 4217 currency code`);
    n = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digits.set(currency, n);
  }
  return n;
}
