/**
 * Registers `<product-comparison>`. Import this file for its side effect; import the
 * class from the package root to register it under another name instead:
 * `ProductComparison.define('acme-comparison')`.
 *
 * @module
 */
import { ProductComparison } from '../comparison/product-comparison.component.js';

ProductComparison.define();

export { ProductComparison };
