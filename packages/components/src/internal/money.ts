import type { MoneyJSON } from '@cpq-kit/engine';

/** A zero amount, "0.00" or "-0.00", read from the engine's decimal string (no float on the way). */
export const isZero = (money: MoneyJSON): boolean => /^-?0(\.0*)?$/.test(money.amount);

/** The same amount with the other sign, written exactly (no arithmetic). */
export const negated = (money: MoneyJSON): MoneyJSON =>
  isZero(money) ? money : { amount: money.amount.startsWith('-') ? money.amount.slice(1) : `-${money.amount}`, currency: money.currency };
