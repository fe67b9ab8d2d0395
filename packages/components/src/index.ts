/**
 * `@cpq-kit/components`: the element classes and their helpers. Importing this
 * module registers nothing; import `@cpq-kit/components/define/<element>.js` (or
 * `define/all.js`) to register the default tag names, or call
 * `ProductSheet.define('your-tag')`.
 *
 * @packageDocumentation
 */
export { CpqElement, type Theme } from './internal/define.js';
export {
  LocalizeController,
  registerTranslation,
  translationFor,
  type Translation,
  type TranslationKey,
  type TranslationArgs,
} from './internal/localize.js';
export { en } from './translations/en.js';
export { de } from './translations/de.js';
export { fr } from './translations/fr.js';
export { ProductSheet } from './product-sheet/product-sheet.component.js';
