// Synthetic past deals for price guidance: invented, not from any company. Deterministic:
// the same seed and count give byte-identical output, so the committed files can be
// regenerated and checked. Net ÷ list depends on segment, region, family and deal size,
// with noise; deals priced higher than usual for their cell are lost more often.
//
//   node examples/deals/generate.mjs [--count 2000] [--seed 7]
//     writes examples/deals/deals.json and examples/deals/deals-sample.csv (the first 50)
//
// The benchmark imports generateDeals() to make 100,000 deals in memory.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** mulberry32: a small seeded generator, good enough for synthetic data. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rand, weighted) => {
  let r = rand() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of weighted) if ((r -= w) < 0) return value;
  return weighted[weighted.length - 1][0];
};
// Roughly normal noise: the sum of three uniforms, centred, standard deviation about 1.
const noise = (rand) => (rand() + rand() + rand() - 1.5) * 2;

const SEGMENTS = [['smb', 5], ['mid-market', 3], ['enterprise', 2]];
// APAC is small on purpose, so some of its cells back off to a parent.
const REGIONS = [['emea', 5], ['amer', 4], ['apac', 1]];
const FAMILIES = [['collaboration', 6], ['av-rooms', 3], ['support', 1]];
const BASE_DISCOUNT = { smb: 0.05, 'mid-market': 0.12, enterprise: 0.2 };
const REGION_DISCOUNT = { emea: 0, amer: 0.02, apac: 0.04 };
const FAMILY_DISCOUNT = { collaboration: 0, 'av-rooms': 0.03, support: -0.03 };
const UNIT_CENTS = { collaboration: 1500, 'av-rooms': 249000, support: 4900 };
const QUANTITY = { smb: [1, 25], 'mid-market': [20, 200], enterprise: [150, 2000] };
const ITEMS = {
  collaboration: [['starter', 'business', 'enterprise'], ['sso', 'archive', 'priority-support']],
  'av-rooms': [['huddle-room', 'meeting-room'], ['table-mics', 'install', 'care-pack']],
  support: [['care-pack'], ['priority-support', 'install']],
};

const cents = (n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;

/** `count` synthetic deals from `seed`, as plain objects in the engine's deal format. */
export function generateDeals(count, seed = 7) {
  const rand = random(seed);
  const start = Date.UTC(2024, 0, 1);
  const deals = [];
  for (let i = 0; i < count; i++) {
    const segment = pick(rand, SEGMENTS);
    const region = pick(rand, REGIONS);
    const family = pick(rand, FAMILIES);
    const [lo, hi] = QUANTITY[segment];
    const quantity = lo + Math.floor(rand() * (hi - lo + 1));
    const sizeDiscount = 0.03 * Math.log10(quantity);
    const usual = 1 - BASE_DISCOUNT[segment] - REGION_DISCOUNT[region] - FAMILY_DISCOUNT[family] - sizeDiscount;
    const ratio = Math.min(1, Math.max(0.4, usual + 0.05 * noise(rand)));
    // Priced above the cell's usual level: less likely to win (a logistic response).
    const won = rand() < 1 / (1 + Math.exp(-(0.8 - 40 * (ratio - usual))));
    // Money in whole cents: integers, so the amounts written are exact.
    const listCents = quantity * UNIT_CENTS[family];
    const netCents = Math.round(listCents * ratio);
    const date = new Date(start + Math.floor(rand() * 730) * 86_400_000).toISOString().slice(0, 10);
    const [main, extras] = ITEMS[family];
    const items = [main[Math.floor(rand() * main.length)], ...extras.filter(() => rand() < 0.35)];
    deals.push({ date, segment, region, family, quantity, list: cents(listCents), net: cents(netCents), outcome: won ? 'won' : 'lost', items });
  }
  return deals.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The deals as CSV text with a header row; items joined by ";". */
export function toCsv(deals) {
  const header = 'date,segment,region,family,quantity,list,net,outcome,items';
  return `${[header, ...deals.map((d) => [d.date, d.segment, d.region, d.family, d.quantity, d.list, d.net, d.outcome, d.items.join(';')].join(','))].join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '2000' }, seed: { type: 'string', default: '7' } } });
  const deals = generateDeals(Number(values.count), Number(values.seed));
  const dir = new URL('./', import.meta.url);
  writeFileSync(new URL('deals.json', dir), `[\n${deals.map((d) => `  ${JSON.stringify(d)}`).join(',\n')}\n]\n`);
  writeFileSync(new URL('deals-sample.csv', dir), toCsv(deals.slice(0, 50)));
  console.log(`wrote ${deals.length} deals (seed ${values.seed}) to examples/deals/deals.json and the first 50 to deals-sample.csv`);
}
