// Price guidance over 100,000 synthetic past deals (examples/deals/generate.mjs, seed 7):
// reading them from JSON text, building the index once, and queries on it; and the
// one-shot priceGuidance(deals, ...) that builds the index itself (budget 200 ms).
import { guidanceIndex, priceGuidance, readDeals } from '../../packages/engine/dist/index.js';
import { generateDeals } from '../../examples/deals/generate.mjs';
import { report, time } from './lib.mjs';

const COUNT = 100_000;
let text = JSON.stringify(generateDeals(COUNT, 7));
const megabytes = (text.length / 2 ** 20).toFixed(1);
const read = time(() => readDeals(text, { maxLength: 50_000_000 }), { runs: 10, warmup: 2 });
const deals = readDeals(text, { maxLength: 50_000_000 });
// Keep only what an application keeps, the checked deals, so garbage collection scans what it would there.
text = undefined;
const index = guidanceIndex(deals);
// A well-filled cell, and one that backs off twice (enterprise × APAC × support is rare).
const full = { segment: 'smb', region: 'emea', family: 'collaboration', quote: { list: '1500.00', net: '1290.00' } };
const sparse = { segment: 'enterprise', region: 'apac', family: 'support', quote: { list: '98000.00', net: '70000.00' } };
const contexts = [full, sparse];

report('guidance', {
  [`readDeals: ${COUNT.toLocaleString('en')} deals from JSON text (${megabytes} MB), checked`]: read,
  [`guidanceIndex: build over ${COUNT.toLocaleString('en')} checked deals`]: time(() => guidanceIndex(deals), { runs: 40, warmup: 5 }),
  [`priceGuidance: one-shot over ${COUNT.toLocaleString('en')} checked deals (builds the index), with a quote`]: {
    ...time(() => priceGuidance(deals, full), { runs: 40, warmup: 5 }),
    budget: '200 ms',
  },
  'priceGuidance: query on the index, 2 contexts (one backs off twice), with quotes': time(() => { for (const c of contexts) priceGuidance(index, c); }, { runs: 200, warmup: 20 }),
  'priceGuidance: query on the index with the win curve (logistic fit on the cell)': time(() => priceGuidance(index, full, { winCurve: true }), { runs: 50, warmup: 5 }),
});
