/**
 * The element classes, their events and localisation with English built in: what
 * `@cpq-kit/components` exports except the German and French translations, which the
 * all-in-one embed script (`cdn.ts`) loads on first use instead of carrying.
 *
 * @module
 */
export { CpqElement, type Theme } from './internal/define.js';
export {
  LocalizeController,
  registerTranslation,
  loadTranslation,
  type Translation,
  type TranslationKey,
  type TranslationArgs,
} from './internal/localize.js';
export { en, translationFor } from './translations/en.js';
export { ProductSheet } from './product-sheet/product-sheet.component.js';
export { ProductComparison } from './comparison/product-comparison.component.js';
export { CpqSelectEvent, type CpqSelectDetail } from './events/cpq-select.js';
export { ProductConfigurator } from './configurator/product-configurator.component.js';
export { CpqConfigurationChangeEvent, type CpqConfigurationChangeDetail } from './events/cpq-configuration-change.js';
export { CpqQuoteRequestEvent, type CpqQuoteRequestDetail } from './events/cpq-quote-request.js';
export { CpqShareEvent, type CpqShareDetail } from './events/cpq-share.js';
export { CpqHandoffRequestEvent, type CpqHandoffRequestDetail } from './events/cpq-handoff-request.js';
export { CpqLoadEvent, type CpqLoadDetail } from './events/cpq-load.js';
export { CpqLoadErrorEvent, type CpqLoadErrorDetail } from './events/cpq-load-error.js';
export { QuoteSummary } from './quote-summary/quote-summary.component.js';
export { CpqQuoteAcceptEvent, type CpqQuoteAcceptDetail } from './events/cpq-quote-accept.js';
export { PackageFinder } from './package-finder/package-finder.component.js';
export { CpqPackageChooseEvent, type CpqPackageChooseDetail } from './events/cpq-package-choose.js';
export { CpqFinderHandoffEvent, type CpqFinderHandoffDetail } from './events/cpq-finder-handoff.js';
export { PriceGuidanceBand, type GuidanceCellNames } from './price-guidance/price-guidance.component.js';
