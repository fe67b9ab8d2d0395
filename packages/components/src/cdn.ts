/**
 * The all-in-one embed script (`dist/cdn/cpq-kit.js`): registers every element, so one
 * `<script type="module">` is enough for a reseller page, and exports the element classes,
 * their events and localisation. German and French load when a page shows them, as
 * everything else that only some pages need does (explanations, share links, the catalog
 * checks for a catalog by URL...), from `cdn/chunks/`. The engine's functions for a page's
 * own script are in `engine.js` (`cdn-engine.ts`), which shares its chunks with this one.
 *
 * @module
 */
import './define/all.js';

export * from './elements.js';
