/**
 * Registers every cpq-kit element under its default tag name.
 *
 * @module
 */
import './product-sheet.js';
import './product-comparison.js';
import './product-configurator.js';
import './quote-summary.js';
import './package-finder.js';
import './price-guidance.js';

export * from '../index.js';
