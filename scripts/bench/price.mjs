// Pricing: a 1,000-line quote with tiers, schedules, manual, order and partner discounts
// and two tax rates; and priceDelta for every option of the demo catalog.
import { readFileSync } from 'node:fs';
import { loadCatalog, loadConfiguration, price, priceDelta, priceRamp } from '../../packages/engine/dist/index.js';
import { report, time } from './lib.mjs';

/** One product with 1,000 priced attributes: range and slab tiers, options, recurring add-ons. */
export function largeQuote() {
  const attributes = [];
  const prices = { p: { amount: '990.00' } };
  const selections = {};
  const lineDiscounts = {};
  for (let i = 0; i < 1000; i++) {
    const id = `a${i}`;
    const cents = String(i % 100).padStart(2, '0');
    switch (i % 4) {
      case 0:
        attributes.push({ id, kind: 'quantity', name: `Quantity ${i}`, max: 100 });
        prices[`p/${id}`] = {
          tiers: [{ from: 1, to: 9, amount: `${100 + i}.${cents}` }, { from: 10, to: 49, amount: `${90 + i}.${cents}` }, { from: 50, amount: `${80 + i}.${cents}` }],
          tierMode: 'range',
          schedule: 'volume',
        };
        selections[id] = (i % 60) + 1;
        break;
      case 1:
        attributes.push({ id, kind: 'single', name: `Choice ${i}`, options: ['x', 'y', 'z'].map((o) => ({ id: o, name: o })) });
        for (const [j, o] of ['x', 'y', 'z'].entries()) prices[`p/${id}:${o}`] = { amount: `${200 + i + j * 10}.${cents}`, taxCategory: i % 8 === 1 ? 'reduced' : 'standard' };
        selections[id] = 'y';
        break;
      case 2:
        attributes.push({ id, kind: 'boolean', name: `Service ${i}` });
        prices[`p/${id}`] = { amount: `${10 + (i % 50)}.${cents}`, recurring: 'month', term: 36 };
        selections[id] = true;
        break;
      default:
        attributes.push({ id, kind: 'quantity', name: `Licences ${i}`, max: 150 });
        prices[`p/${id}`] = { tiers: [{ from: 1, to: 20, amount: `${5 + (i % 20)}.${cents}` }, { from: 21, to: 100, amount: `${4 + (i % 20)}.${cents}` }, { from: 101, amount: `${3 + (i % 20)}.${cents}` }], tierMode: 'slab' };
        selections[id] = (i % 150) + 1;
    }
    if (i % 10 === 0) lineDiscounts[i % 4 === 1 ? `p/${id}:y` : `p/${id}`] = { percent: '7.5' };
  }
  const catalog = loadCatalog({
    id: 'large', version: '1', name: 'Large', defaultCurrency: 'EUR', defaultLocale: 'en',
    products: [{ id: 'p', name: 'P', attributes }],
    pricing: {
      books: [
        { id: 'list', currency: 'EUR', taxRegion: 'de', prices },
        { id: 'enterprise', currency: 'EUR', audience: ['enterprise'], basedOn: { book: 'list', percent: '-4' }, taxRegion: 'de' },
      ],
      schedules: [{ id: 'volume', tiers: [{ from: 20, to: 39, percent: '3' }, { from: 40, percent: '6' }] }],
      partners: [{ id: 'reseller', name: 'Reseller', percent: '8' }],
      tax: { regions: [{ id: 'de', rates: [{ category: 'standard', percent: '19' }, { category: 'reduced', percent: '7' }] }] },
    },
  });
  const configuration = loadConfiguration({ product: 'p', selections }, catalog);
  const context = { date: '2026-11-20', lineDiscounts, orderDiscount: { percent: '2' } };
  // The same with a price book derived from the list (-4%) and a partner discount: two more steps on every line.
  const partnerContext = { ...context, book: 'enterprise', partner: 'reseller' };
  return { catalog, configuration, context, partnerContext };
}

/** Every change a configurator offers next to the current configuration: each other option, each boolean flipped, each quantity + 1. */
function changesOf(catalog, configuration) {
  const product = catalog.products.find((p) => p.id === configuration.product);
  const changes = [];
  for (const a of product.attributes) {
    const current = configuration.selections[a.id];
    if (a.kind === 'single') for (const o of a.options) { if (o.id !== current) changes.push({ [a.id]: o.id }); }
    else if (a.kind === 'multiple') for (const o of a.options) changes.push(`${a.id}:${o.id}`);
    else if (a.kind === 'boolean') changes.push({ [a.id]: current !== true });
    else if ((current ?? 0) < a.max) changes.push({ [a.id]: (current ?? 0) + 1 });
  }
  return changes;
}

const large = largeQuote();
const lines = price(large.catalog, large.configuration, large.context).lines.length;
const demo = loadCatalog(readFileSync('examples/catalogs/av-rooms.json', 'utf8'));
const demoConfig = loadConfiguration(readFileSync('examples/catalogs/av-rooms.config.json', 'utf8'), demo);
const demoContext = { date: '2026-11-20' };
const changes = changesOf(demo, demoConfig);
const collab = loadCatalog(readFileSync('examples/catalogs/collab-suite.json', 'utf8'));
const collabConfig = loadConfiguration(readFileSync('examples/catalogs/collab-suite.config.json', 'utf8'), collab);
const collabChanges = changesOf(collab, collabConfig);

report('price', {
  [`price: ${lines}-line quote (range/slab tiers, schedule, line and order discounts, recurring terms, 2 tax rates)`]: {
    ...time(() => price(large.catalog, large.configuration, large.context), { runs: 60, warmup: 30 }),
    budget: '10 ms',
  },
  [`price: the same from a derived price book (-4%) with a partner discount`]: time(() => price(large.catalog, large.configuration, large.partnerContext), { runs: 60, warmup: 30 }),
  // Three segments: the first with every line, the later two recurring only (priced twice: the one-time check).
  [`priceRamp: the same ${lines} lines over a 3-segment ramp (+5 % a year)`]: time(
    () => priceRamp(large.catalog, large.configuration, { segments: [{ months: 12 }, { months: 12 }, { months: 12 }], upliftPercent: '5' }, { ...large.context, termMonths: undefined }),
    { runs: 30, warmup: 10 },
  ),
  'price: av-rooms example configuration': time(() => price(demo, demoConfig, demoContext), { runs: 200, warmup: 20 }),
  [`priceDelta: all ${changes.length} options of av-rooms against its example configuration`]: {
    ...time(() => { for (const change of changes) priceDelta(demo, demoConfig, change, demoContext); }, { runs: 100, warmup: 10 }),
    budget: '5 ms',
  },
  [`priceDelta: all ${collabChanges.length} options of collab-suite against its example configuration`]: time(
    () => { for (const change of collabChanges) priceDelta(collab, collabConfig, change, demoContext); },
    { runs: 100, warmup: 10 },
  ),
});
