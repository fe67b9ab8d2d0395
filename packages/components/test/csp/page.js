// Feeds the elements of the strict-CSP page from an external module script (inline script
// is what the policy forbids): the demo catalogs, and a large synthetic comparison that
// windows its rows and columns.
import { loadCatalog } from '/packages/components/dist/cdn/engine.js';

const text = async (url) => (await fetch(url)).text();
const collab = loadCatalog(await text('/examples/catalogs/collab-suite.json'));
const $ = (id) => document.getElementById(id);

$('comparison').catalog = collab;
$('sheet').catalog = collab;
$('finder').catalog = collab;

// 400 rows × 12 plans: windowed both ways, with spacers sized through the CSSOM.
const specs = {};
for (let f = 0; f < 400; f++) specs[`f${f}`] = { name: `Feature ${f}`, type: 'number', better: 'higher' };
const products = Array.from({ length: 12 }, (_, n) => ({
  id: `p${n}`,
  name: `Plan ${n}`,
  specs: Object.fromEntries(Array.from({ length: 400 }, (_, f) => [`f${f}`, n + f])),
  attributes: [],
}));
const large = $('large');
large.catalog = loadCatalog({ id: 'large', version: '1', name: 'Large', defaultCurrency: 'EUR', defaultLocale: 'en', specs, products });
large.items = products.map((p) => ({ product: p.id }));
window.pageReady = true;
