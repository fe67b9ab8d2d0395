/**
 * Registers `<product-configurator>`. Import this file for its side effect; import the
 * class from the package root to register it under another name instead:
 * `ProductConfigurator.define('acme-configurator')`.
 *
 * @module
 */
import { ProductConfigurator } from '../configurator/product-configurator.component.js';

ProductConfigurator.define();

export { ProductConfigurator };
