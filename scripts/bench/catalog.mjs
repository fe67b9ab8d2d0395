// Catalog loading: parse, schema and whole-document checks.
import { readFileSync } from 'node:fs';
import { loadCatalog } from '../../packages/engine/dist/index.js';
import { report, time } from './lib.mjs';

/** A synthetic catalog the size of a large real product line: 1,000 attributes, 4,000 options, 500 rules. */
function largeCatalog() {
  const attributes = Array.from({ length: 1000 }, (_, i) =>
    i % 2 === 0
      ? { id: `a${i}`, kind: 'single', name: { en: `Attribute ${i}`, de: `Merkmal ${i}` }, options: Array.from({ length: 8 }, (_, j) => ({ id: `o${j}`, name: `Option ${j}` })) }
      : { id: `a${i}`, kind: 'boolean', name: { en: `Feature ${i}`, de: `Funktion ${i}` } },
  );
  const rules = Array.from({ length: 500 }, (_, i) => ({ id: `r${i}`, kind: 'requires', if: `a${(i * 2) % 1000}:o1`, then: { any: [`a${(i * 2 + 1) % 1000}`, `a${(i * 2 + 2) % 1000}:o2`] } }));
  return { id: 'large', version: '1', name: 'Large', defaultCurrency: 'EUR', defaultLocale: 'en', products: [{ id: 'p', name: 'P', attributes, rules }] };
}

const cases = {
  'loadCatalog av-rooms.json (text)': readFileSync('examples/catalogs/av-rooms.json', 'utf8'),
  'loadCatalog collab-suite.json (text)': readFileSync('examples/catalogs/collab-suite.json', 'utf8'),
  'loadCatalog synthetic 1,000 attributes (text)': JSON.stringify(largeCatalog()),
};
const results = {};
for (const [name, text] of Object.entries(cases)) {
  results[name] = { ...time(() => loadCatalog(text)), size: `${Math.round(text.length / 1024)} KB` };
}
report('catalog', results);
