/**
 * Registers every cpq-kit element under its default tag name.
 *
 * @module
 */
import './product-sheet.js';

export * from '../index.js';
