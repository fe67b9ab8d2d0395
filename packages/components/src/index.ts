/**
 * `@cpq-kit/components`: the element classes and their helpers. Importing this
 * module registers nothing; import `@cpq-kit/components/define/<element>.js` (or
 * `define/all.js`) to register the default tag names, or call
 * `ProductSheet.define('your-tag')`.
 *
 * @packageDocumentation
 */
export * from './elements.js';
export { de } from './translations/de.js';
export { fr } from './translations/fr.js';
