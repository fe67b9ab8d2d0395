// The configuration engine in Node, end to end on the demo AV catalog:
//   node examples/node/configure.mjs        (after `npm run build`)
// Load and validate a catalog, configure a room, ask why something is unavailable,
// repair it in one step, complete the configuration, price it, and precompile the
// solution space the way a build step would for a reseller page.
import { readFileSync } from 'node:fs';
import {
  compile,
  ConfigurationSession,
  loadCatalog,
  loadSpace,
  localize,
  price,
  saveSpace,
} from '../../packages/engine/dist/index.js'; // in your project: '@cpq-kit/engine'

const catalog = loadCatalog(readFileSync(new URL('../catalogs/av-rooms.json', import.meta.url), 'utf8'));
const compiled = compile(catalog, { product: 'meeting-room' });
const session = new ConfigurationSession(compiled);
console.log(`valid meeting rooms: ${session.count()}`);

session.select('display', 'd98');
console.log(`after a 98" display: ${session.count()} left; mountings possible: ${session.domains().mounting.join(', ')}`);

// The buyer wants the standard wall mount anyway: why not, and what would it take?
const wanted = { attribute: 'mounting', value: 'wall-standard' };
const why = session.explain(wanted);
const rule = compiled.product.rules.find((r) => r.id === why.rules[0]);
console.log(`wall-standard is unavailable because of ${JSON.stringify(why.conflicting)}: ${localize(rule.message, 'en', catalog)}`);
console.log(`to make it available, take back: ${JSON.stringify(why.repair)}`);
session.makeAvailable(wanted); // one step; session.undo() would bring the 98" display back
console.log(`now: ${JSON.stringify(session.selections)}`);

session.complete(); // defaults and default rules, deterministically
const configuration = session.toConfiguration();
const breakdown = price(catalog, configuration, { date: '2026-11-20', segment: 'enterprise' });
console.log(`complete: ${session.isComplete}; grand total ${breakdown.totals.grandTotal.amount} ${breakdown.totals.grandTotal.currency}`);

// Ahead of time (a build step): the compiled space as JSON, stamped with the catalog's hash.
const space = JSON.stringify(await saveSpace(compiled));
const loaded = await loadSpace(catalog, space);
console.log(`precompiled space: ${space.length} bytes, ${new ConfigurationSession(loaded).count()} valid rooms after loading`);
