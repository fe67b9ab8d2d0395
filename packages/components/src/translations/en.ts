import { registeredTranslation, type Translation } from '../internal/localize.js';
import { packageFinder } from './en/package-finder.js';
import { priceGuidance } from './en/price-guidance.js';
import { productComparison } from './en/product-comparison.js';
import { productConfigurator } from './en/product-configurator.js';
import { productSheet } from './en/product-sheet.js';
import { quoteSummary } from './en/quote-summary.js';

/**
 * English: the built-in fallback for every other language, and the model for a new one.
 * Each element carries only its own part (`translations/en/<element>.ts`), so a page
 * with one element does not download the others' texts; this is all of them.
 */
export const en: Translation = {
  $code: 'en',
  $name: 'English',
  ...productSheet,
  ...productComparison,
  ...productConfigurator,
  ...quoteSummary,
  ...packageFinder,
  ...priceGuidance,
};

/** The translation for a tag: the exact tag, then its language (`de-AT` -> `de`), then English. */
export function translationFor(lang: string): Translation {
  return registeredTranslation(lang) ?? en;
}
