/**
 * The all-in-one embed script (`dist/cdn/cpq-kit.js`): registers every element and
 * exports what a page without a build step needs to feed them, so one
 * `<script type="module">` is enough for a reseller page.
 *
 * @module
 */
import './define/all.js';

export * from './index.js';
export { loadCatalog, loadConfiguration, localize, CatalogError, ConfigurationError } from '@cpq-kit/engine';
export { compare, CompareError } from '@cpq-kit/engine';
// The elements price with it already: a page prices a configuration for its own use (a quantity, a discount) at no cost in bytes.
export { price, PricingError } from '@cpq-kit/engine';
