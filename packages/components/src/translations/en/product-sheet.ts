import type { Translation } from '../../internal/localize.js';
import { shared } from './shared.js';

/** The English texts of `<product-sheet>`: its own and those it shares with other elements. */
export const productSheet = {
  ...shared,
  default: 'Default',
  includedByDefault: 'Included by default',
  defaultQuantity: (quantity) => `Default: ${quantity}`,
  withAddOn: 'With this add-on',
  perUnit: (unit) => (unit ? `Per ${unit}` : 'Per unit'),
} satisfies Partial<Translation>;
