/**
 * Registers `<product-sheet>`. Import this file for its side effect; import the
 * class from the package root to register it under another name instead:
 * `ProductSheet.define('acme-sheet')`.
 *
 * @module
 */
import { ProductSheet } from '../product-sheet/product-sheet.component.js';

ProductSheet.define();

export { ProductSheet };
