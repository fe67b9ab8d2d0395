import type { Translation } from '../internal/localize.js';

/** German. */
export const de: Translation = {
  $code: 'de',
  $name: 'Deutsch',

  noCatalog: 'Keine Produktinformationen vorhanden.',
  unknownProduct: (id) => `Dieser Katalog enthält kein Produkt „${id}“.`,
  specifications: 'Technische Daten',
  general: 'Allgemein',
  options: 'Optionen',

  chooseOne: 'Eine Option wählen',
  chooseOneOptional: 'Eine Option wählen (optional)',
  chooseMany: (min, max) => {
    const options = (n: number) => (n === 1 ? '1 Option' : `${n} Optionen`);
    if (min === max) return `${options(max)} wählen`;
    if (min === 0) return `Bis zu ${options(max)} wählen`;
    return `${min} bis ${options(max)} wählen`;
  },
  addOn: 'Optional zubuchbar',
  quantity: (min, max, step) => `Anzahl ${min} bis ${max}${step ? `, in Schritten von ${step}` : ''}`,

  default: 'Standard',
  includedByDefault: 'Standardmäßig enthalten',
  defaultQuantity: (quantity) => `Standard: ${quantity}`,
  withAddOn: 'Mit dieser Option',
  perUnit: (unit) => (unit ? `Pro ${unit}` : 'Pro Einheit'),

  yes: 'Ja',
  no: 'Nein',
};
