// The package finder and cross-sell: recommend over 50 packages of the collab-suite demo
// (each configured for five answers, completed, checked against its specs and priced),
// and suggest with association rules over 10,000 past deals.
import { readFileSync } from 'node:fs';
import { loadCatalog, recommend, suggest } from '../../packages/engine/dist/index.js';
import { report, time } from './lib.mjs';

const json = JSON.parse(readFileSync('examples/catalogs/collab-suite.json', 'utf8'));
// 50 packages: the three products with presets for storage, support and billing.
const supports = { starter: ['standard', 'priority'], business: ['standard', 'priority', 'premium'], enterprise: ['priority', 'premium'] };
json.questionnaire.packages = Array.from({ length: 50 }, (_, i) => {
  const product = ['starter', 'business', 'enterprise'][i % 3];
  return { id: `p${i}`, product, selections: { 'storage-packs': i % 5, support: supports[product][i % supports[product].length] } };
});
const catalog = loadCatalog(json);
const answers = { seats: 20, sso: 'yes', webinars: 'yes', compliance: ['audit-log'], integrations: 'api' };
const context = { date: '2026-11-20', segment: 'smb' };
const ranked = recommend(catalog, answers, context);
if (ranked.kind !== 'packages' || ranked.packages.length !== 50) throw new Error('expected 50 ranked packages');

// 10,000 deals drawn from Business items with a fixed generator, so every run measures the same.
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const items = ['business/advanced-security', 'business/e-signature', 'business/webinar', 'business/support:priority', 'business/support:premium', 'business/billing:3-year', 'business/storage-packs'];
const deals = Array.from({ length: 10_000 }, () => ['business', 'business/seats', ...items.filter(() => random() < 0.3)]);
const configuration = { product: 'business', selections: { seats: 80, webinar: true } };

report('recommend', {
  'recommend: 50 packages, 5 answers (configure, check specs, price, rank)': { ...time(() => recommend(catalog, answers, context), { runs: 200, warmup: 50 }), budget: '5 ms' },
  'suggest: catalog rules and association rules over 10,000 deals': time(() => suggest(catalog, configuration, { deals }), { runs: 50, warmup: 5 }),
});
