/**
 * Pricing: price books, charges, tiers, discounts, tax and rounding, and the price
 * waterfall that explains every amount. Pure and deterministic: the same catalog,
 * configuration and context give the same cents in the browser and in Node.
 *
 * @module
 */
import type { Catalog, Configuration } from '../catalog/schema.js';
import type { PriceBreakdown } from './breakdown.js';
import { checkPriceContext } from './context.js';
import type { PriceDelta, SelectionChange } from './delta.js';
import { Pricer } from './pricer.js';
import type { PriceContext } from './schema.js';

/**
 * Prices a configuration: one line per priced thing chosen (the product, each option,
 * each boolean that is on, each quantity above 0), each with its waterfall
 * (list → price book → tier → uplift → schedule → contract → manual → order → partner → net),
 * and the totals (one-time, recurring per period, term, tax per rate, grand total,
 * savings against list). Amounts are decimal strings with their currency.
 *
 * Throws {@link PricingError} listing every problem (unknown currency, no price book
 * valid on the date, a selected item without a price, a discount over 100%...), and
 * {@link CatalogError} when the catalog's pricing section is wrong.
 *
 * @example
 * ```ts
 * const breakdown = price(catalog, configuration, { date: '2026-11-20', segment: 'enterprise', quantity: 12 });
 * breakdown.totals.grandTotal; // { amount: "331584.00", currency: "EUR" }
 * ```
 */
export function price(catalog: Catalog, configuration: Configuration, context: PriceContext): PriceBreakdown {
  return Pricer.for(catalog).price(configuration, checkPriceContext(context));
}

/**
 * What `change` does to the totals of `configuration`. Throws {@link PricingError}
 * when the changed configuration cannot be priced (an unknown option, a missing price).
 * Line discounts on lines the change removes are ignored.
 *
 * @example
 * ```ts
 * priceDelta(catalog, configuration, 'display:d98', { date: '2026-11-20' }).oneTime; // { amount: "3500.00", currency: "EUR" }
 * ```
 */
export function priceDelta(catalog: Catalog, configuration: Configuration, change: SelectionChange, context: PriceContext): PriceDelta {
  return Pricer.for(catalog).delta(configuration, change, checkPriceContext(context));
}

export { Pricer } from './pricer.js';
export { PricingError } from './problems.js';
export { PRICING_PROBLEM_CODES, type PricingProblemCode } from './problems.js';
export { applyChange, type PriceDelta, type SelectionChange } from './delta.js';
export { checkPricing } from './validate.js';
export {
  Money,
  CurrencyError,
  allocate,
  minorUnits,
  isCurrency,
  roundTo,
  formatDecimal,
  type MoneyJSON,
  type RoundingMode,
  type ExchangeRate,
} from './money.js';
export { englishReason } from './breakdown.js';
export type {
  PriceBreakdown,
  PriceLine,
  PriceStep,
  PriceTotals,
  ChargeTotals,
  TaxAmount,
  LineTerm,
  Approval,
  Stage,
  ReasonParams,
} from './breakdown.js';
export * from './schema.js';
