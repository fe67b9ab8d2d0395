/**
 * The problems a price request can have, each with a stable code and params (see
 * docs/pricing.md) so that an element can say it in the reader's language, as it says the
 * waterfall's steps; `message` says the same in English. Problems of the request's shape
 * (a field of the wrong type) and of the configuration itself carry no code.
 */
import { ValidationError, type Problem } from '../internal/problems.js';
import type { ReasonParams } from './breakdown.js';

/** Every code, in the order docs/pricing.md lists them. */
export const PRICING_PROBLEM_CODES = [
  'no-pricing',
  'date-invalid',
  'currency-unknown',
  'book-and-segment',
  'partner-unknown',
  'tax-region-unknown',
  'book-unknown',
  'book-currency',
  'book-not-valid',
  'segment-unknown',
  'segment-no-book-in-currency',
  'currency-no-book',
  'date-no-book',
  'discount-percent-or-amount',
  'discount-over-100',
  'discount-decimals',
  'discount-currency',
  'discount-no-line',
  'discount-over-line',
  'order-discount-no-lines',
  'order-discount-over-total',
  'price-missing',
  'price-negative',
  'tier-missing',
  'change-unknown-attribute',
  'change-chooses-nothing',
  'ramp-term',
  'ramp-charges',
  'ramp-one-time',
  'amendment-date',
] as const;

export type PricingProblemCode = (typeof PRICING_PROBLEM_CODES)[number];

/** A problem of a price request; params left undefined are left out. */
export function pricingProblem(path: string, code: PricingProblemCode, params: Readonly<Record<string, string | number | undefined>>, message: string): Problem {
  const defined: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined) defined[key] = value;
  return { path, message, code, params: defined satisfies ReasonParams };
}

/** A price request that cannot be answered; `problems` lists every problem, each with its path. Nothing partial is returned. */
export class PricingError extends ValidationError {
  constructor(problems: readonly Problem[]) {
    super('The price request', problems);
    this.name = 'PricingError';
  }
}
