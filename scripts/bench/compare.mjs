// Comparison: 50 items × 200 attributes, without and with prices; 50 plans × 200 features
// completed from their defaults; and the demo's three software packages with a baseline.
import { readFileSync } from 'node:fs';
import { compare, loadCatalog, loadConfiguration } from '../../packages/engine/dist/index.js';
import { widePlans, wideConfigurations } from './data/comparison.mjs';
import { report, time } from './lib.mjs';

const context = { date: '2026-11-20' };
/** The generated catalog (and configurations) loaded and validated, as a page would. */
function loaded({ catalog, items }) {
  const c = loadCatalog(catalog);
  return { catalog: c, items: items.map((i) => (i.configuration ? { ...i, configuration: loadConfiguration(i.configuration, c) } : i)) };
}
const wideJson = wideConfigurations();
const wide = loaded(wideJson);
const plans = loaded(widePlans());
// Cold: configurations compare() has not seen yet (fresh loadConfiguration results), so it checks each one against the catalog.
const fresh = Array.from({ length: 45 }, () => wide.items.map((i) => ({ ...i, configuration: loadConfiguration(i.configuration, wide.catalog) })));
let next = 0;
const collab = loadCatalog(readFileSync('examples/catalogs/collab-suite.json', 'utf8'));
const packages = [{ product: 'starter' }, { product: 'business' }, { product: 'enterprise' }];
const rows = (c) => c.groups.reduce((n, g) => n + g.rows.length, 0);
const wideRows = rows(compare(wide.items, { catalog: wide.catalog }));
const planRows = rows(compare(plans.items, { catalog: plans.catalog }));

report('compare', {
  [`compare: 50 configurations × 200 attributes (${wideRows} rows, deltas against a baseline), no prices`]: {
    ...time(() => compare(wide.items, { catalog: wide.catalog, baseline: 'c0' }), { runs: 40, warmup: 10 }),
    budget: '20 ms',
  },
  [`compare: the same, configurations not seen before (each checked against the catalog)`]: time(
    () => compare(fresh[next++ % fresh.length], { catalog: wide.catalog, baseline: 'c0' }),
    { runs: 40, warmup: 5 },
  ),
  [`compare: the same with prices (${50 * 201} lines priced) and TCO over 36 months`]: time(
    () => compare(wide.items, { catalog: wide.catalog, context, baseline: 'c0' }),
    { runs: 20, warmup: 5 },
  ),
  [`compare: 50 plans × 200 features (${planRows} rows), from their defaults, with prices and a baseline`]: {
    ...time(() => compare(plans.items, { catalog: plans.catalog, context, baseline: 'plan0' }), { runs: 40, warmup: 10 }),
    budget: '20 ms',
  },
  'compare: collab-suite Starter, Business, Enterprise with prices and a baseline': time(
    () => compare(packages, { catalog: collab, context, baseline: 'starter' }),
    { runs: 200, warmup: 20 },
  ),
});
