/**
 * What one change does to the totals: the "+€1,850.00" a configurator shows next to
 * each option. Cheap by design: the pricer is compiled once per catalog, the current
 * configuration's totals are remembered, and only totals (no waterfall texts) are
 * worked out for the changed configuration.
 */
import type { Catalog, Configuration, SelectionValue } from '../catalog/schema.js';
import { format } from './fixed.js';
import type { MoneyJSON } from './money.js';
import type { Totals } from './totals.js';
import { pricingProblem, PricingError } from './problems.js';

/**
 * A change to a configuration: new values by attribute (`null` clears one), or a
 * reference to choose: `"display:d86"` (for a multiple choice: add the option) or
 * `"control-panel"` (turn a boolean on).
 */
export type SelectionChange = string | Readonly<Record<string, SelectionValue | null>>;

/** The difference a change makes (after − before); positive when it costs more. */
export interface PriceDelta {
  readonly currency: string;
  /** One-time net. */
  readonly oneTime: MoneyJSON;
  /** Recurring net per month and per year. */
  readonly recurring: { readonly month: MoneyJSON; readonly year: MoneyJSON };
  /** Recurring net over the term. */
  readonly term: MoneyJSON;
  /** One-time plus term, net. */
  readonly net: MoneyJSON;
  readonly tax: MoneyJSON;
  readonly grandTotal: MoneyJSON;
}

/** The configuration with one change applied; the input is not modified. */
export function applyChange(catalog: Catalog, configuration: Configuration, change: SelectionChange): Configuration {
  const selections: Record<string, SelectionValue> = { ...configuration.selections };
  if (typeof change === 'string') {
    const [attributeId = '', optionId] = change.split(':');
    const product = catalog.products.find((p) => p.id === configuration.product);
    const attribute = product?.attributes.find((a) => a.id === attributeId);
    if (!attribute) {
      const message = `unknown attribute "${attributeId}" of product "${configuration.product}"`;
      throw new PricingError([pricingProblem('change', 'change-unknown-attribute', { attribute: attributeId, product: configuration.product }, message)]);
    }
    if (attribute.kind === 'multiple' && optionId !== undefined) {
      const current = Object.hasOwn(selections, attributeId) && Array.isArray(selections[attributeId]) ? (selections[attributeId] as string[]) : [];
      selections[attributeId] = current.includes(optionId) ? current : [...current, optionId];
    } else if (attribute.kind === 'single' && optionId !== undefined) {
      selections[attributeId] = optionId;
    } else if (attribute.kind === 'boolean' && optionId === undefined) {
      selections[attributeId] = true;
    } else {
      const hint = attribute.kind === 'quantity' ? 'give a quantity: { "' + attributeId + '": 3 }' : attribute.kind === 'boolean' ? `write "${attributeId}"` : `write "${attributeId}:<option>"`;
      throw new PricingError([pricingProblem('change', 'change-chooses-nothing', { change, attribute: attributeId, kind: attribute.kind }, `"${change}" does not choose anything: ${hint}`)]);
    }
  } else {
    for (const [id, value] of Object.entries(change)) {
      if (value === null) delete selections[id];
      else selections[id] = value;
    }
  }
  return { ...configuration, selections };
}

/** @internal */
export function difference(before: Totals, after: Totals): PriceDelta {
  const money = (a: bigint, b: bigint): MoneyJSON => ({ amount: format(a - b, after.places), currency: after.currency });
  return {
    currency: after.currency,
    oneTime: money(after.oneTime.net, before.oneTime.net),
    recurring: {
      month: money(after.month?.net ?? 0n, before.month?.net ?? 0n),
      year: money(after.year?.net ?? 0n, before.year?.net ?? 0n),
    },
    term: money(after.term.net, before.term.net),
    net: money(after.net, before.net),
    tax: money(after.tax, before.tax),
    grandTotal: money(after.grandTotal, before.grandTotal),
  };
}
