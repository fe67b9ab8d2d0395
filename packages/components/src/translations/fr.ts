import type { Translation } from '../internal/localize.js';

/** French. A no-break space goes before ":" and inside « », as French typography wants. */
export const fr: Translation = {
  $code: 'fr',
  $name: 'Français',

  noCatalog: 'Aucune information produit à afficher.',
  unknownProduct: (id) => `Ce catalogue ne contient aucun produit «\u00a0${id}\u00a0».`,
  specifications: 'Caractéristiques techniques',
  general: 'Général',
  options: 'Options',

  chooseOne: 'Choisissez une option',
  chooseOneOptional: 'Choisissez une option (facultatif)',
  chooseMany: (min, max) => {
    // French counts 0 and 1 as singular.
    const options = (n: number) => (n <= 1 ? `${n} option` : `${n} options`);
    if (min === max) return `Choisissez ${options(max)}`;
    if (min === 0) return `Choisissez jusqu’à ${options(max)}`;
    return `Choisissez de ${min} à ${options(max)}`;
  },
  addOn: 'En option',
  quantity: (min, max, step) => `Quantité de ${min} à ${max}${step ? `, par pas de ${step}` : ''}`,

  default: 'Par défaut',
  includedByDefault: 'Inclus par défaut',
  defaultQuantity: (quantity) => `Par défaut\u00a0: ${quantity}`,
  withAddOn: 'Avec cette option',
  perUnit: (unit) => (unit ? `Par ${unit}` : 'Par unité'),

  yes: 'Oui',
  no: 'Non',
};
