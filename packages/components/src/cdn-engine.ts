/**
 * The engine for a page's own script, beside the all-in-one embed (`dist/cdn/engine.js`,
 * built with `cpq-kit.js` so the two share what they have in common): load and check a
 * catalog or a configuration, compare, price, and pick a catalog text's language.
 *
 * @module
 */
export { loadCatalog, loadConfiguration, localize, CatalogError, ConfigurationError } from '@cpq-kit/engine';
export { compare, CompareError } from '@cpq-kit/engine';
export { price, PricingError } from '@cpq-kit/engine';
