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
// A page prices a configuration for its own use (a quantity, a discount) with the engine the elements use (0.2 KB gzip: the context's checks).
export { price, PricingError } from '@cpq-kit/engine';
