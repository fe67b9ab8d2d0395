import type { Translation } from '../../internal/localize.js';

/** English texts more than one element uses. */
export const shared = {
  noCatalog: 'No product information to show.',
  unknownProduct: (id) => `There is no product “${id}” in this catalog.`,
  specifications: 'Specifications',
  pictureView: 'View',
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
  yes: 'Yes',
  no: 'No',
  oneTime: 'One-time',
  dueNow: 'Due now',
  perMonth: 'Per month',
  perYear: 'Per year',
  recurringOver: (months) => `Recurring over ${months}`,
  termYear: (year, months, uplift) => `Year ${year}${months ? ` (${months})` : ''}${uplift ? `, +${uplift}` : ''}`,
  recurringOverTerms: 'Recurring over their terms',
  totalCost: 'Total cost of ownership',
  term: 'Term',
  months: (count, formatted) => (count === 1 ? '1 month' : `${formatted} months`),
  add: 'Add',
  bestValue: 'Best value',
  notAvailable: 'Not available',
  notStated: 'Not stated',
  none: 'None',
  included: 'Included',
  notIncluded: 'Not included',
  amountPerMonth: (amount) => `${amount} per month`,
  amountPerYear: (amount) => `${amount} per year`,
  cannotCompare: 'These items cannot be compared:',
  total: 'Total',
  totalOver: (months) => `Total over ${months}`,
  totalOverTerms: 'Total over their terms',
  requestQuote: 'Request a quote',
  copyShareLink: 'Copy share link',
  linkCopied: 'Link copied to the clipboard.',
  talkToExpert: 'Talk to an expert',
  priceBook: 'Price book',
  taxRate: (percent) => `Tax ${percent}`,
  taxIncludedIn: (name) => `Includes ${name}`,
} satisfies Partial<Translation>;
