import type { Translation } from '../internal/localize.js';

/** English: the built-in fallback for every other language. */
export const en: Translation = {
  $code: 'en',
  $name: 'English',

  noCatalog: 'No product information to show.',
  unknownProduct: (id) => `There is no product “${id}” in this catalog.`,
  specifications: 'Specifications',
  general: 'General',
  options: 'Options',

  chooseOne: 'Choose one',
  chooseOneOptional: 'Choose one (optional)',
  chooseMany: (min, max) => {
    const options = (n: number) => (n === 1 ? '1 option' : `${n} options`);
    if (min === max) return `Choose ${options(max)}`;
    if (min === 0) return `Choose up to ${options(max)}`;
    return `Choose ${min} to ${options(max)}`;
  },
  addOn: 'Optional add-on',
  quantity: (min, max, step) => `Quantity ${min} to ${max}${step ? `, in steps of ${step}` : ''}`,

  default: 'Default',
  includedByDefault: 'Included by default',
  defaultQuantity: (quantity) => `Default: ${quantity}`,
  withAddOn: 'With this add-on',
  perUnit: (unit) => (unit ? `Per ${unit}` : 'Per unit'),

  yes: 'Yes',
  no: 'No',
};
