// The pricing engine: the worked examples, the waterfall's stages, bad input, the demo catalogs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  loadCatalog,
  loadConfiguration,
  Money,
  CurrencyError,
  price,
  priceDelta,
  PricingError,
  type PriceBreakdown,
} from '../src/index.js';
import { assertPricingProblems, DAY, lineOf, oneBook, priceTiny, tinyCatalog } from './price-fixtures.js';

const TIERS = [
  { from: 1, to: 4, amount: '129.00' },
  { from: 5, to: 9, amount: '119.00' },
  { from: 10, amount: '109.00' },
];
const amounts = (b: PriceBreakdown, item: string) => {
  const l = lineOf(b, item);
  return { list: l.list.amount, gross: l.gross.amount, discount: l.discount.amount, net: l.net.amount };
};
const steps = (b: PriceBreakdown, item: string) => lineOf(b, item).steps.map((s) => `${s.stage} ${s.amount.amount} ${s.reason}`);

describe('the worked examples of the issue', () => {
  it('range tiers: 7 units at 5–9 cost 7 × 119.00 = 833.00', () => {
    const b = priceTiny(oneBook({ 'p/q': { tiers: TIERS, tierMode: 'range' } }), { q: 7 });
    assert.equal(lineOf(b, 'p/q').net.amount, '833.00');
    assert.deepEqual(steps(b, 'p/q'), ['list 903.00 List price 7 × 129.00', 'tier -70.00 Volume price 5–9 units', 'net 833.00 Net price']);
    const tier = lineOf(b, 'p/q').steps[1]!;
    assert.equal(tier.code, 'tier-range');
    assert.deepEqual(tier.params, { from: 5, to: 9, unitPrice: '119.00' });
    assert.equal(tier.rule, 'pricing.books[0].prices["p/q"].tiers[1]');
  });

  it('each step carries the line\'s amount after it, so a chart need not add the steps up', () => {
    const b = priceTiny(oneBook({ 'p/q': { tiers: TIERS, tierMode: 'range' } }, { maxDiscountPercent: '50' }), { q: 7 }, { lineDiscounts: { 'p/q': { percent: '10' } }, orderDiscount: { amount: '33.30' } });
    assert.deepEqual(lineOf(b, 'p/q').steps.map((x) => `${x.stage} ${x.amount.amount} → ${x.after.amount}`), [
      'list 903.00 → 903.00',
      'tier -70.00 → 833.00',
      'manual -83.30 → 749.70',
      'order -33.30 → 716.40',
      'net 716.40 → 716.40',
    ]);
    // At document level, the line's share of rounding the totals comes last and ends at the net.
    const thirds = oneBook({ 'p/m:e1': { amount: '0.333' }, 'p/m:e2': { amount: '0.333' }, 'p/m:e3': { amount: '0.333' } }, { rounding: { level: 'document' } });
    const document = priceTiny(thirds, { m: ['e1', 'e2', 'e3'] }, { lineDiscounts: { 'p/m:e2': { percent: '50' } } });
    assert.deepEqual(document.lines.map((l) => l.steps.map((x) => `${x.stage} ${x.amount.amount} → ${x.after.amount}`)), [
      ['list 0.34 → 0.34', 'rounding -0.01 → 0.33', 'net 0.33 → 0.33'],
      ['list 0.33 → 0.33', 'manual -0.16 → 0.17', 'net 0.17 → 0.17'],
      ['list 0.33 → 0.33', 'net 0.33 → 0.33'],
    ]);
  });

  it('slab tiers: the same 7 units cost 4 × 129.00 + 3 × 119.00 = 873.00', () => {
    const b = priceTiny(oneBook({ 'p/q': { tiers: TIERS, tierMode: 'slab' } }), { q: 7 });
    assert.equal(lineOf(b, 'p/q').net.amount, '873.00');
    assert.deepEqual(steps(b, 'p/q'), ['list 903.00 List price 7 × 129.00', 'tier -30.00 Graduated price: 4 × 129.00 + 3 × 119.00', 'net 873.00 Net price']);
  });

  it('block tiers: the amount of the block the quantity falls in', () => {
    const blocks = [{ from: 1, to: 10, amount: '500.00' }, { from: 11, to: 25, amount: '1000.00' }, { from: 26, amount: '1800.00' }];
    const at = (q: number) => lineOf(priceTiny(oneBook({ 'p/q': { tiers: blocks, tierMode: 'block' } }), { q }), 'p/q');
    assert.equal(at(1).net.amount, '500.00');
    assert.equal(at(10).net.amount, '500.00');
    assert.equal(at(11).net.amount, '1000.00');
    // Blocks that cost more as they grow are list prices: no volume step, and no negative savings.
    assert.deepEqual(at(11).steps.map((s) => `${s.stage} ${s.amount.amount} ${s.reason}`), ['list 1000.00 List price', 'net 1000.00 Net price']);
    assert.equal(at(11).list.amount, '1000.00');
    assert.equal(at(400).net.amount, '1800.00');
    // A larger block that costs less than the first is a volume price below list.
    const falling = lineOf(priceTiny(oneBook({ 'p/q': { tiers: [{ from: 1, to: 10, amount: '500.00' }, { from: 11, amount: '450.00' }], tierMode: 'block' } }), { q: 12 }), 'p/q');
    assert.deepEqual(falling.steps.map((s) => `${s.stage} ${s.amount.amount} ${s.reason}`), ['list 500.00 List price', 'tier -50.00 Block price 11+ units', 'net 450.00 Net price']);
  });

  it('a price per block: 450.00 per block of 10, 45 units are 5 started blocks = 2,250.00', () => {
    const pricing = oneBook({ 'p/q': { block: { size: 10, amount: '450.00' } } });
    const line = lineOf(priceTiny(pricing, { q: 45 }), 'p/q');
    assert.deepEqual(steps(priceTiny(pricing, { q: 45 }), 'p/q'), ['list 2250.00 List price 5 × 450.00 per block of 10', 'net 2250.00 Net price']);
    assert.deepEqual(line.steps[0]!.params, { book: 'list', quantity: 45, blocks: 5, size: 10, blockPrice: '450.00' });
    assert.equal(line.steps[0]!.code, 'list-blocks');
    assert.equal(line.quantity, 45);
    const at = (q: number) => lineOf(priceTiny(pricing, { q }), 'p/q').net.amount;
    assert.deepEqual([at(1), at(10), at(11), at(40), at(41), at(1000)], ['450.00', '450.00', '900.00', '1800.00', '2250.00', '45000.00']);
    assert.equal(priceTiny(pricing, { q: 45 }).totals.savings.amount.amount, '0.00');
    // A derived book adjusts the block price; a contract's amount for it is a price per block.
    const derived = {
      books: [pricing.books[0], { id: 'ent', name: 'Enterprise', basedOn: { book: 'list', percent: '-10' } }],
      contracts: [{ id: 'c-1', customer: 'contoso', prices: { 'p/q': { amount: '400.00' } } }],
    };
    assert.deepEqual(steps(priceTiny(derived, { q: 45 }, { book: 'ent' }), 'p/q'), [
      'list 2250.00 List price 5 × 450.00 per block of 10',
      'book -225.00 Price book "Enterprise": 10% below "list"',
      'net 2025.00 Net price',
    ]);
    const contract = lineOf(priceTiny(derived, { q: 45 }, { customer: 'contoso' }), 'p/q');
    assert.deepEqual(contract.steps.map((x) => `${x.stage} ${x.amount.amount} ${x.reason}`), ['list 2250.00 List price 5 × 450.00 per block of 10', 'contract -250.00 Contract price 400.00 per block of 10 (c-1)', 'net 2000.00 Net price']);
    assert.deepEqual(contract.steps[1]!.params, { contract: 'c-1', blockPrice: '400.00', size: 10 });
  });

  it('an order discount of 10.00 over three lines of 5.00 is split 3.34 + 3.33 + 3.33', () => {
    const b = priceTiny(
      oneBook({ 'p/m:e1': { amount: '5.00' }, 'p/m:e2': { amount: '5.00' }, 'p/m:e3': { amount: '5.00' } }),
      { m: ['e1', 'e2', 'e3'] },
      { orderDiscount: { amount: '10.00' } },
    );
    const shares = b.lines.map((l) => l.steps.find((s) => s.stage === 'order')!.amount.amount);
    assert.deepEqual(shares, ['-3.34', '-3.33', '-3.33']);
    assert.deepEqual(b.lines.map((l) => l.net.amount), ['1.66', '1.67', '1.67']);
    assert.equal(b.totals.oneTime.discount.amount, '10.00');
    assert.equal(b.totals.oneTime.net.amount, '5.00');
    assert.equal(b.lines[0]!.steps[1]!.reason, 'Share of the order discount of 10.00');
  });

  it('a 100% discount gives exactly 0.00, never 0.01 or -0.00', () => {
    const pricing = oneBook({ 'p/q': { amount: '33.33' }, 'p/b': { amount: '0.01' }, 'p/s:x': { amount: '19.99' } });
    const b = priceTiny(pricing, { q: 3, b: true, s: 'x' }, { lineDiscounts: { 'p/q': { percent: '100' } }, orderDiscount: { percent: '100' } });
    for (const line of b.lines) assert.equal(line.net.amount, '0.00', line.item);
    assert.equal(b.totals.net.amount, '0.00');
    assert.equal(b.totals.grandTotal.amount, '0.00');
    assert.equal(b.totals.savings.percent, '100.00');
    const byAmount = priceTiny(pricing, { q: 3 }, { lineDiscounts: { 'p/q': { amount: '99.99' } } });
    assert.equal(lineOf(byAmount, 'p/q').net.amount, '0.00');
    assert.doesNotMatch(JSON.stringify([b, byAmount]), /-0\.00"/);
  });

  it('5% tax on 2.50 is 0.12 with half-even and 0.13 with half-up', () => {
    const pricing = (mode: string) =>
      oneBook({ 'p/b': { amount: '2.50' } }, { taxRegion: 'x' }, { rounding: { mode }, tax: { regions: [{ id: 'x', rates: [{ category: 'standard', percent: '5' }] }] } });
    const even = priceTiny(pricing('half-even'), { b: true });
    assert.equal(even.totals.tax[0]!.amount.amount, '0.12');
    assert.equal(even.totals.grandTotal.amount, '2.62');
    const up = priceTiny(pricing('half-up'), { b: true });
    assert.equal(up.totals.tax[0]!.amount.amount, '0.13');
    assert.equal(up.totals.grandTotal.amount, '2.63');
  });

  it('a recurring 39.90 per month over a 36-month term totals 1,436.40', () => {
    const b = priceTiny(oneBook({ 'p/b': { amount: '39.90', recurring: 'month', term: 36 } }), { b: true });
    const line = lineOf(b, 'p/b');
    assert.equal(line.charge, 'recurring');
    assert.equal(line.period, 'month');
    assert.equal(line.net.amount, '39.90');
    assert.deepEqual(line.term, {
      months: 36,
      periods: '36',
      prorated: false,
      list: { amount: '1436.40', currency: 'EUR' },
      gross: { amount: '1436.40', currency: 'EUR' },
      discount: { amount: '0.00', currency: 'EUR' },
      net: { amount: '1436.40', currency: 'EUR' },
    });
    assert.equal(b.totals.recurring.month!.net.amount, '39.90');
    assert.equal(b.totals.term.net.amount, '1436.40');
    assert.equal(b.totals.grandTotal.amount, '1436.40');
  });

  it('a JPY price never shows a fractional yen; a BHD price has three decimals', () => {
    const jpy = priceTiny({ books: [{ id: 'jp', currency: 'JPY', prices: { p: { included: true }, 'p/q': { amount: '1999' } } }] }, { q: 3 }, { lineDiscounts: { 'p/q': { percent: '15' } } }, 'JPY');
    assert.equal(jpy.currency, 'JPY');
    // 5997 × 0.85 = 5097.45: whole yen.
    assert.deepEqual(steps(jpy, 'p/q'), ['list 5997 List price 3 × 1999', 'manual -900 Discount 15%', 'net 5097 Net price']);
    const bhd = priceTiny({ books: [{ id: 'bh', currency: 'BHD', prices: { p: { included: true }, 'p/q': { amount: '12.345' } } }] }, { q: 1 }, { lineDiscounts: { 'p/q': { percent: '10' } } }, 'BHD');
    // 12.345 × 0.9 = 11.1105: half-even to three decimals.
    assert.deepEqual(steps(bhd, 'p/q'), ['list 12.345 List price', 'manual -1.235 Discount 10%', 'net 11.110 Net price']);
    assert.match(JSON.stringify(jpy), /"amount":"\d+"/);
    assert.doesNotMatch(JSON.stringify(jpy), /"amount":"-?\d+\.\d*"/);
  });

  it('adding a USD amount to a EUR amount throws an error that names both currencies', () => {
    assert.throws(() => Money.of('1.00', 'USD').plus(Money.of('2.00', 'EUR')), {
      name: 'CurrencyError',
      message: 'cannot add 1.00 USD and 2.00 EUR: the currencies USD and EUR differ; convert one with an explicit, dated exchange rate first',
    });
    assert.throws(() => Money.of('1.00', 'USD').compare(Money.of('2.00', 'EUR')), CurrencyError);
  });
});

describe('price books', () => {
  const books = {
    books: [
      { id: 'list', name: 'List', currency: 'EUR', audience: ['smb'], validFrom: '2026-01-01', validTo: '2026-12-31', prices: { p: { included: true }, 'p/q': { amount: '10.00' }, 'p/b': { amount: '200.00' } } },
      { id: 'ent', name: 'Enterprise', currency: 'EUR', audience: ['enterprise'], validTo: '2026-12-31', basedOn: { book: 'list', percent: '-10' }, prices: { 'p/b': { amount: '150.00' } } },
      { id: 'ent-2027', name: 'Enterprise 2027', currency: 'EUR', audience: ['enterprise'], validFrom: '2027-01-01', prices: { p: { included: true }, 'p/q': { amount: '8.00' } } },
      { id: 'acme', name: 'Acme', currency: 'EUR', audience: ['partner:acme'], basedOn: { book: 'ent', amount: '-0.50' } },
      { id: 'usd', name: 'List USD', currency: 'USD', audience: ['smb'], basedOn: { book: 'list', exchangeRate: { rate: '1.0850', date: '2026-10-01' } } },
    ],
    partners: [{ id: 'acme', name: 'Acme Resellers', percent: '8', exclude: ['p/b'] }, { id: 'solo', name: 'Solo Reseller', percent: '5' }],
  };

  it('chooses the first book valid on the date for the currency and segment', () => {
    assert.equal(priceTiny(books, { q: 1 }).book.id, 'list');
    assert.equal(priceTiny(books, { q: 1 }, { segment: 'enterprise' }).book.id, 'ent');
    assert.equal(priceTiny(books, { q: 1 }, { segment: 'enterprise', date: '2027-03-01' }).book.id, 'ent-2027');
    assert.equal(priceTiny(books, { q: 1 }, { currency: 'USD' }).book.id, 'usd');
    assert.equal(priceTiny(books, { q: 1 }, { partner: 'acme' }).book.id, 'acme');
    // A partner without a book of its own buys from the general books, with its discount.
    const solo = priceTiny(books, { q: 1 }, { partner: 'solo' });
    assert.equal(solo.book.id, 'list');
    assert.deepEqual(steps(solo, 'p/q'), ['list 10.00 List price', 'partner -0.50 Partner discount 5%', 'net 9.50 Net price']);
  });

  it('shows each book of the basedOn chain as a step: an own price, a percent, an amount', () => {
    const b = priceTiny(books, { q: 4, b: true }, { partner: 'acme' });
    assert.deepEqual(steps(b, 'p/q'), [
      'list 40.00 List price 4 × 10.00',
      'book -4.00 Price book "Enterprise": 10% below "List"',
      'book -2.00 Price book "Acme": 0.50 per unit below "Enterprise"',
      'partner -2.72 Partner discount 8%',
      'net 31.28 Net price',
    ]);
    assert.deepEqual(
      lineOf(b, 'p/q').steps.map((s) => s.rule),
      ['pricing.books[0].prices["p/q"]', 'pricing.books[1].basedOn', 'pricing.books[3].basedOn', 'pricing.partners[0]', ''],
    );
    // p/b has its own price in "ent", and no partner discount (excluded).
    assert.deepEqual(steps(b, 'p/b'), ['list 200.00 List price', 'book -50.00 Price book "Enterprise"', 'book -0.50 Price book "Acme": 0.50 per unit below "Enterprise"', 'net 149.50 Net price']);
    assert.deepEqual(amounts(b, 'p/q'), { list: '40.00', gross: '34.00', discount: '2.72', net: '31.28' });
    assert.equal(b.partner, 'acme');
    assert.equal(b.segment, 'partner:acme');
  });

  it('converts a book based on another currency with its explicit, dated rate', () => {
    const b = priceTiny(books, { q: 3, b: true }, { currency: 'USD' });
    assert.equal(b.currency, 'USD');
    const step = lineOf(b, 'p/q').steps[0]!;
    assert.equal(step.reason, 'List price 3 × 10.85, converted from EUR at 1.0850 (rate of 2026-10-01)');
    assert.deepEqual(step.params, { book: 'usd', quantity: 3, unitPrice: '10.85', from: 'EUR', rate: '1.0850', rateDate: '2026-10-01' });
    assert.equal(lineOf(b, 'p/b').net.amount, '217.00');
    assert.equal(b.totals.savings.amount.amount, '0.00'); // the USD book is its own list
  });

  it('says which items an SMB buyer pays differently for than an enterprise', () => {
    const smb = priceTiny(books, { q: 4, b: true }, { segment: 'smb' });
    const enterprise = priceTiny(books, { q: 4, b: true }, { segment: 'enterprise' });
    const different = smb.lines.filter((l) => lineOf(enterprise, l.item).net.amount !== l.net.amount).map((l) => l.item);
    assert.deepEqual(different, ['p/q', 'p/b']);
    assert.equal(enterprise.totals.savings.amount.amount, '54.00');
    assert.equal(enterprise.totals.savings.percent, '22.50');
  });
});

describe('discount schedules, contracts, manual and partner discounts', () => {
  const pricing = oneBook(
    {
      'p/q': { amount: '20.00', schedule: 'volume', floor: '15.00' },
      'p/r': { amount: '10.00' },
      'p/b': { amount: '100.00', recurring: 'month', term: 12 },
    },
    { maxDiscountPercent: '10' },
    {
      schedules: [{ id: 'volume', name: 'Volume', tiers: [{ from: 10, to: 49, percent: '5' }, { from: 50, percent: '10' }] }],
      contracts: [
        { id: 'old', customer: 'contoso', validTo: '2025-12-31', prices: { 'p/q': { amount: '1.00' } } },
        { id: 'usd', customer: 'contoso', currency: 'USD', prices: { 'p/q': { amount: '1.00' } } },
        { id: 'c-2026', customer: 'contoso', prices: { 'p/q': { amount: '17.50' }, 'p/b': { percent: '20' } } },
      ],
      partners: [{ id: 'acme', name: 'Acme', percent: '10' }],
    },
  );

  it('applies a schedule by quantity after the tiers', () => {
    assert.deepEqual(steps(priceTiny(pricing, { q: 9 }), 'p/q'), ['list 180.00 List price 9 × 20.00', 'net 180.00 Net price']);
    const b = priceTiny(pricing, { q: 10 });
    assert.deepEqual(steps(b, 'p/q'), ['list 200.00 List price 10 × 20.00', 'schedule -10.00 Volume discount 5% for 10–49 units', 'net 190.00 Net price']);
    assert.equal(lineOf(b, 'p/q').steps[1]!.rule, 'pricing.schedules[0].tiers[0]');
    assert.deepEqual(steps(priceTiny(pricing, { q: 50 }), 'p/q')[1], 'schedule -100.00 Volume discount 10% for 50+ units');
  });

  it('applies the customer\'s contract valid on the date in the currency', () => {
    const b = priceTiny(pricing, { q: 2, b: true }, { customer: 'contoso' });
    assert.deepEqual(steps(b, 'p/q'), ['list 40.00 List price 2 × 20.00', 'contract -5.00 Contract price 17.50 per unit (c-2026)', 'net 35.00 Net price']);
    assert.deepEqual(steps(b, 'p/b'), ['list 100.00 List price', 'contract -20.00 Contract discount 20% (c-2026)', 'net 80.00 Net price']);
    assert.deepEqual(b.contracts, ['c-2026']);
    assert.equal(lineOf(b, 'p/q').steps[1]!.rule, 'pricing.contracts[2].prices["p/q"]');
    assert.deepEqual(priceTiny(pricing, { q: 2 }, { customer: 'fabrikam' }).contracts, []);
  });

  it('takes manual line and order discounts, then the partner discount, in that order', () => {
    const b = priceTiny(pricing, { q: 2, r: 3 }, { partner: 'acme', lineDiscounts: { 'p/r': { amount: '5.00' } }, orderDiscount: { percent: '10' } });
    assert.deepEqual(steps(b, 'p/r'), ['list 30.00 List price 3 × 10.00', 'manual -5.00 Discount of 5.00', 'order -2.50 Order discount 10%', 'partner -2.25 Partner discount 10%', 'net 20.25 Net price']);
    assert.deepEqual(steps(b, 'p/q'), ['list 40.00 List price 2 × 20.00', 'order -4.00 Order discount 10%', 'partner -3.60 Partner discount 10%', 'net 32.40 Net price']);
    assert.equal(lineOf(b, 'p/r').steps[1]!.rule, 'context.lineDiscounts["p/r"]');
    assert.equal(b.totals.oneTime.gross.amount, '70.00');
    assert.equal(b.totals.oneTime.discount.amount, '17.35');
    assert.equal(b.totals.oneTime.net.amount, '52.65');
  });

  it('flags a manual discount below the floor for approval, not a pre-agreed one', () => {
    const ok = priceTiny(pricing, { q: 2 }, { lineDiscounts: { 'p/q': { percent: '10' } } });
    assert.equal(ok.approvalRequired, false);
    const belowPercent = priceTiny(pricing, { r: 2 }, { lineDiscounts: { 'p/r': { percent: '12.5' } } });
    assert.equal(belowPercent.approvalRequired, true);
    assert.deepEqual(belowPercent.approvals, [
      { item: 'p/r', code: 'floor-percent', params: { percent: '12.5', allowed: '10' }, reason: 'Manual discounts of 12.5% exceed the 10% allowed without approval', rule: 'pricing.books[0].maxDiscountPercent' },
    ]);
    // The deprecated "floorPercent": "90" means the same, and a book's setting wins over the section's.
    const deprecated = (book: Record<string, unknown>, section: Record<string, unknown>) => {
      const { maxDiscountPercent: _, ...rest } = pricing.books[0];
      return priceTiny({ ...pricing, ...section, books: [{ ...rest, ...book }] }, { r: 2 }, { lineDiscounts: { 'p/r': { percent: '12.5' } } }).approvals.map((a) => [a.params['allowed'], a.rule]);
    };
    assert.deepEqual(deprecated({ floorPercent: '90' }, {}), [['10', 'pricing.books[0].floorPercent']]);
    assert.deepEqual(deprecated({}, { floorPercent: '90' }), [['10', 'pricing.floorPercent']]);
    assert.deepEqual(deprecated({}, { maxDiscountPercent: '12' }), [['12', 'pricing.maxDiscountPercent']]);
    assert.deepEqual(deprecated({ maxDiscountPercent: '15' }, { floorPercent: '90' }), []);
    assert.equal(lineOf(belowPercent, 'p/r').approvalRequired, true);
    const belowFloor = priceTiny(pricing, { q: 2 }, { orderDiscount: { amount: '10.01' } });
    assert.deepEqual(belowFloor.approvals.map((a) => [a.item, a.code, a.reason, a.rule]), [
      ['p/q', 'floor-price', 'Below the floor price of 15.00 per unit: needs approval', 'pricing.books[0].prices["p/q"].floor'],
    ]);
    // A contract or partner price below the floor is agreed already.
    assert.equal(priceTiny(pricing, { q: 2 }, { customer: 'contoso', partner: 'acme' }).approvalRequired, false);
  });

  it('takes discount amounts in the book\'s currency, said or not, and refuses another one (nothing is converted)', () => {
    const said = priceTiny(pricing, { q: 2, r: 3 }, { lineDiscounts: { 'p/r': { amount: '5.00', currency: 'EUR' } }, orderDiscount: { amount: '3.00', currency: 'EUR' } });
    const unsaid = priceTiny(pricing, { q: 2, r: 3 }, { lineDiscounts: { 'p/r': { amount: '5.00' } }, orderDiscount: { amount: '3.00' } });
    assert.deepEqual(said, unsaid);
    assert.equal(said.totals.net.amount, '62.00');
    // A percentage may say the currency too: it must be the book's.
    assert.equal(priceTiny(pricing, { q: 2 }, { orderDiscount: { percent: '10', currency: 'EUR' } }).totals.net.amount, '36.00');
    assertPricingProblems(() => priceTiny(pricing, { q: 2, r: 3 }, { lineDiscounts: { 'p/r': { amount: '5.00', currency: 'USD' } }, orderDiscount: { percent: '10', currency: 'GBP' } }), [
      'context.lineDiscounts["p/r"].currency: a discount in USD cannot apply to price book "list", which is in EUR (discounts are never converted)',
      'context.orderDiscount.currency: a discount in GBP cannot apply to price book "list", which is in EUR (discounts are never converted)',
    ]);
    assertPricingProblems(() => priceTiny(pricing, { q: 2 }, { orderDiscount: { amount: '3.00', currency: 'eur' } }), [
      'context.orderDiscount.currency: "eur" must be an ISO 4217 currency code such as "EUR" or "USD"',
    ]);
  });

  it('splits an order discount over the kind of charge it applies to', () => {
    const b = priceTiny(pricing, { q: 1, r: 1, b: true }, { orderDiscount: { amount: '3.00' } });
    assert.deepEqual(b.lines.map((l) => l.net.amount), ['18.00', '9.00', '100.00']);
    const monthly = priceTiny(pricing, { q: 1, b: true }, { orderDiscount: { amount: '3.00', appliesTo: 'month' } });
    assert.deepEqual(monthly.lines.map((l) => l.net.amount), ['20.00', '97.00']);
    assert.equal(monthly.totals.term.net.amount, '1164.00');
    const percent = priceTiny(pricing, { q: 1, b: true }, { orderDiscount: { percent: '50' } });
    assert.deepEqual(percent.lines.map((l) => l.net.amount), ['10.00', '50.00']);
  });
});

describe('charges, terms and tax', () => {
  it('prices an add-on per unit of a quantity attribute (a price per user)', () => {
    const b = priceTiny(oneBook({ 'p/q': { amount: '10.00', recurring: 'month' }, 'p/b': { amount: '4.00', recurring: 'month', per: 'q', unit: 'user' } }), { q: 25, b: true });
    assert.deepEqual(amounts(b, 'p/b'), { list: '100.00', gross: '100.00', discount: '0.00', net: '100.00' });
    assert.equal(lineOf(b, 'p/b').quantity, 25);
    assert.equal(lineOf(b, 'p/b').unit, 'user');
    assert.equal(priceTiny(oneBook({ 'p/b': { amount: '4.00', per: 'q' } }), { b: true }).lines.length, 0);
  });

  it('leaves out included items and multiplies by the quantity of products', () => {
    const b = priceTiny(oneBook({ 'p/s:x': { included: true }, 'p/s:y': { amount: '7.00' } }), { s: 'y' }, { quantity: 12 });
    assert.deepEqual(b.lines.map((l) => [l.item, l.quantity, l.net.amount]), [['p/s:y', 12, '84.00']]);
    assert.equal(priceTiny(oneBook({ 'p/s:x': { included: true } }), { s: 'x' }).lines.length, 0);
  });

  it('takes the term from the context, a term option, or the charge, and prorates a partial year', () => {
    const pricing = oneBook(
      { 'p/b': { amount: '1200.00', recurring: 'year', term: 12 }, 'p/s:x': { included: true }, 'p/q': { amount: '1200.00', recurring: 'year', prorate: false } },
      {},
      { termOptions: { 'p/s:x': 36 } },
    );
    const term = (selections: Record<string, unknown>, context = {}) => lineOf(priceTiny(pricing, selections, context), 'p/b').term!;
    assert.equal(term({ b: true }).net.amount, '1200.00');
    assert.equal(term({ b: true, s: 'x' }).net.amount, '3600.00');
    const partial = term({ b: true }, { termMonths: 18 });
    assert.deepEqual([partial.months, partial.periods, partial.prorated, partial.net.amount], [18, '1.5', true, '1800.00']);
    const whole = lineOf(priceTiny(pricing, { q: 1 }, { termMonths: 18 }), 'p/q').term!;
    assert.deepEqual([whole.periods, whole.prorated, whole.net.amount], ['2', false, '2400.00']);
    const b = priceTiny(pricing, { b: true, q: 1 }, { termMonths: 14 });
    assert.equal(lineOf(b, 'p/b').term!.net.amount, '1400.00');
    assert.equal(b.totals.recurring.year!.net.amount, '2400.00');
    assert.equal(b.totals.term.net.amount, '3800.00');
  });

  it('shows tax per rate on each kind of charge, and on the whole', () => {
    const tax = { regions: [{ id: 'de', rates: [{ category: 'standard', percent: '19', name: 'VAT 19%' }, { category: 'reduced', percent: '7' }] }] };
    const b = priceTiny(
      oneBook({ 'p/q': { amount: '10.00' }, 'p/r': { amount: '10.00', taxCategory: 'reduced' }, 'p/b': { amount: '10.00', recurring: 'month', term: 3 } }, { taxRegion: 'de' }, { tax }),
      { q: 1, r: 1, b: true },
    );
    const rates = (t: readonly { category: string; base: { amount: string }; amount: { amount: string } }[]) => t.map((x) => `${x.category} ${x.base.amount} ${x.amount.amount}`);
    assert.deepEqual(rates(b.totals.oneTime.tax), ['standard 10.00 1.90', 'reduced 10.00 0.70']);
    assert.deepEqual(rates(b.totals.recurring.month!.tax), ['standard 10.00 1.90']);
    assert.deepEqual(rates(b.totals.term.tax), ['standard 30.00 5.70']);
    assert.deepEqual(rates(b.totals.tax), ['standard 40.00 7.60', 'reduced 10.00 0.70']);
    assert.equal(b.totals.tax[0]!.name, 'VAT 19%');
    assert.equal(b.totals.oneTime.total.amount, '22.60');
    assert.equal(b.totals.grandTotal.amount, '58.30');
    // Another region from the request: reverse charge at 0%.
    const zero = { regions: [...tax.regions, { id: 'rc', rates: [{ category: 'standard', percent: '0' }, { category: 'reduced', percent: '0' }] }] };
    const rc = priceTiny(oneBook({ 'p/q': { amount: '10.00' } }, { taxRegion: 'de' }, { tax: zero }), { q: 1 }, { taxRegion: 'rc' });
    assert.equal(rc.totals.grandTotal.amount, '10.00');
  });

  it('works tax out on the sum per rate by default, or per line: three lines of 0.99 at 19% are 0.56 or 0.57', () => {
    const tax = { regions: [{ id: 'de', rates: [{ category: 'standard', percent: '19' }] }] };
    const threeLines = { m: ['e1', 'e2', 'e3'] };
    const prices = { 'p/m:e1': { amount: '0.99' }, 'p/m:e2': { amount: '0.99' }, 'p/m:e3': { amount: '0.99' } };
    const taxOf = (b: PriceBreakdown) => [b.taxCalculation, b.totals.oneTime.tax[0]!.base.amount, b.totals.oneTime.tax[0]!.amount.amount, b.totals.grandTotal.amount];
    // 2.97 × 19% = 0.5643: 0.56 on the sum; 0.99 × 19% = 0.1881: 0.19 per line, 0.57 for three.
    assert.deepEqual(taxOf(priceTiny(oneBook(prices, { taxRegion: 'de' }, { tax }), threeLines)), ['document', '2.97', '0.56', '3.53']);
    assert.deepEqual(taxOf(priceTiny(oneBook(prices, { taxRegion: 'de', taxCalculation: 'line' }, { tax }), threeLines)), ['line', '2.97', '0.57', '3.54']);
    // The section's default for books that set none, and the request over both.
    assert.deepEqual(taxOf(priceTiny(oneBook(prices, { taxRegion: 'de' }, { tax, taxCalculation: 'line' }), threeLines)), ['line', '2.97', '0.57', '3.54']);
    assert.deepEqual(taxOf(priceTiny(oneBook(prices, { taxRegion: 'de', taxCalculation: 'line' }, { tax }), threeLines, { taxCalculation: 'document' })), ['document', '2.97', '0.56', '3.53']);
    // Prices that include tax: 1.19 holds 0.19 of tax; three of them hold 0.57 per line, 0.57 on 3.57 too (3.57 × 19/119 = 0.57).
    const gross = { 'p/m:e1': { amount: '1.19' }, 'p/m:e2': { amount: '1.19' }, 'p/m:e3': { amount: '1.19' } };
    assert.deepEqual(taxOf(priceTiny(oneBook(gross, { taxRegion: 'de', taxIncluded: true, taxCalculation: 'line' }, { tax }), threeLines)), ['line', '3.00', '0.57', '3.57']);
    // Recurring lines: tax per line on the period and over the term.
    const monthly = priceTiny(oneBook({ 'p/m:e1': { amount: '0.99', recurring: 'month', term: 3 }, 'p/m:e2': { amount: '0.99', recurring: 'month', term: 3 } }, { taxRegion: 'de', taxCalculation: 'line' }, { tax }), { m: ['e1', 'e2'] });
    assert.equal(monthly.totals.recurring.month!.tax[0]!.amount.amount, '0.38');
    // Over the term each line is 2.97, taxed 0.56 (not 3 × 0.19): the term's amount is what is taxed.
    assert.equal(monthly.totals.term.tax[0]!.amount.amount, '1.12');
  });

  it('takes tax out of prices that include it', () => {
    const tax = { regions: [{ id: 'de', rates: [{ category: 'standard', percent: '19' }] }] };
    const b = priceTiny(oneBook({ 'p/q': { amount: '119.00' } }, { taxRegion: 'de', taxIncluded: true }, { tax }), { q: 1 });
    assert.equal(b.taxIncluded, true);
    assert.deepEqual(b.totals.oneTime.tax.map((t) => [t.base.amount, t.amount.amount]), [['100.00', '19.00']]);
    assert.equal(b.totals.oneTime.total.amount, '119.00');
    assert.equal(b.totals.grandTotal.amount, '119.00');
    // The amounts named for what they are: net is after discounts, in the book's terms (here with tax).
    const named = (t: { net: { amount: string }; excludingTax: { amount: string }; includingTax: { amount: string } }) => [t.net.amount, t.excludingTax.amount, t.includingTax.amount];
    assert.deepEqual(named(b.totals.oneTime), ['119.00', '100.00', '119.00']);
    assert.deepEqual(named(b.totals), ['119.00', '100.00', '119.00']);
    // The same 100.00 + 19.00 from a book whose prices exclude tax.
    const excluded = priceTiny(oneBook({ 'p/q': { amount: '100.00' } }, { taxRegion: 'de' }, { tax }), { q: 1 });
    assert.deepEqual(named(excluded.totals.oneTime), ['100.00', '100.00', '119.00']);
    assert.deepEqual(named(excluded.totals), ['100.00', '100.00', '119.00']);
    // Without tax, both are the net.
    assert.deepEqual(named(priceTiny(oneBook({ 'p/q': { amount: '100.00' } }), { q: 1 }).totals), ['100.00', '100.00', '100.00']);
  });
});

describe('rounding', () => {
  const thirds = (level: string) =>
    priceTiny(oneBook({ 'p/m:e1': { amount: '0.333' }, 'p/m:e2': { amount: '0.333' }, 'p/m:e3': { amount: '0.333' }, 'p/q': { amount: '0.333' } }, { rounding: { level } }), { m: ['e1', 'e2', 'e3'], q: 3 });

  it('rounds each line by default, unit prices at unit level, and only the totals at document level', () => {
    // Lines: 3 units of p/q at 0.333, then e1, e2, e3 at 0.333 each.
    const line = thirds('line');
    assert.deepEqual(line.lines.map((l) => l.net.amount), ['1.00', '0.33', '0.33', '0.33']);
    assert.equal(line.totals.net.amount, '1.99');
    const unit = thirds('unit');
    assert.deepEqual(unit.lines.map((l) => l.net.amount), ['0.99', '0.33', '0.33', '0.33']);
    assert.equal(unit.totals.net.amount, '1.98');
    const document = thirds('document');
    // 0.999 + 3 × 0.333 = 1.998 → 2.00, spread over the lines by largest remainder.
    assert.equal(document.totals.net.amount, '2.00');
    assert.deepEqual(document.lines.map((l) => l.net.amount), ['1.00', '0.34', '0.33', '0.33']);
    assert.deepEqual(document.rounding, { mode: 'half-even', level: 'document' });
  });

  it('rounds a percentage once, from the exact amount', () => {
    // 0.125 is exactly half a cent: half-even keeps 0.12, half-up gives 0.13.
    const of = (mode: string) => priceTiny(oneBook({ 'p/q': { amount: '0.25' } }, { rounding: { mode } }), { q: 1 }, { lineDiscounts: { 'p/q': { percent: '50' } } });
    assert.equal(lineOf(of('half-even'), 'p/q').net.amount, '0.12');
    assert.equal(lineOf(of('half-up'), 'p/q').net.amount, '0.13');
  });
});

describe('bad input: a clear error naming the item and the rule, and nothing partial', () => {
  const pricing = {
    books: [
      { id: 'list', currency: 'EUR', audience: ['smb'], validFrom: '2026-01-01', validTo: '2026-12-31', prices: { p: { included: true }, 'p/q': { tiers: [{ from: 1, to: 10, amount: '1.00' }], tierMode: 'range' }, 'p/s:x': { amount: '5.00' }, 'p/b': { amount: '5.00' } } },
      { id: 'cheap', currency: 'EUR', basedOn: { book: 'list', amount: '-6.00' } },
    ],
  };
  const run = (selections: Record<string, unknown>, context: Record<string, unknown> = {}) => () => priceTiny(pricing, selections, context as never);

  it('an unknown currency', () => {
    assertPricingProblems(run({}, { currency: 'EUX' }), ['context.currency: "EUX" is not an ISO 4217 currency code (did you mean "EUR"?)']);
    assertPricingProblems(run({}, { currency: 'CHF' }), ['context.currency: no price book is in CHF (the price books are in EUR)']);
    assertPricingProblems(run({}, { currency: 'eur' }), ['context.currency: "eur" is not an ISO 4217 currency code (did you mean "EUR"?)']);
  });

  it('a price book not valid on the date', () => {
    assertPricingProblems(run({}, { book: 'list', date: '2027-02-01' }), ['context.date: price book "list" is valid from 2026-01-01 to 2026-12-31, not on 2027-02-01']);
    assertPricingProblems(run({}, { segment: 'smb', date: '2025-12-31' }), [
      'context.date: no price book for "smb" in EUR is valid on 2025-12-31 ("list" is valid from 2026-01-01 to 2026-12-31)',
    ]);
    assertPricingProblems(run({}, { date: '2026-02-30' }), ['context.date: "2026-02-30" is not a day of the calendar']);
    assertPricingProblems(run({}, { date: '20.11.2026' }), ['context.date: "20.11.2026" must be a date such as "2026-11-20"']);
  });

  it('unknown books, segments, partners and tax regions, with the likely meant one', () => {
    assertPricingProblems(run({}, { book: 'lst' }), ['context.book: unknown price book "lst" (did you mean "list"?)']);
    assertPricingProblems(run({}, { segment: 'smbs' }), ['context.segment: no price book is for segment "smbs" (did you mean "smb"?)']);
    assertPricingProblems(run({}, { partner: 'acme' }), ['context.partner: unknown partner "acme"']);
    assertPricingProblems(run({}, { book: 'list', segment: 'smb' }), ['context.segment: give a price book or a segment, not both']);
    assertPricingProblems(run({}, { taxRegion: 'de' }), ['context.taxRegion: unknown tax region "de"']);
    assertPricingProblems(run({}, { dte: DAY }), ['context.dte: unknown field "dte" (did you mean "date"?)']);
  });

  it('a missing price for a selected option', () => {
    assertPricingProblems(run({ s: 'y', m: ['e2'] }), [
      'configuration.selections.s: no price for "p/s:y" in price book "list"',
      'configuration.selections.m[0]: no price for "p/m:e2" in price book "list"',
    ]);
    assertPricingProblems(() => price(loadCatalog(tinyCatalog({ books: [{ id: 'list', prices: {} }] })), { product: 'p', selections: {} }, { date: DAY }), [
      'configuration.product: no price for "p" in price book "list"',
    ]);
  });

  it('a negative or fractional quantity where a whole number is required', () => {
    assertPricingProblems(run({ q: -1 }), ['configuration.selections.q: quantity -1 is outside 0..40000']);
    assertPricingProblems(run({ q: 2.5 }), ['configuration.selections.q: quantity 2.5 is not a whole number']);
    assertPricingProblems(run({ q: 1 }, { quantity: 2.5 }), ['context.quantity: expected a whole number, found the number 2.5']);
    assertPricingProblems(run({ q: 1 }, { quantity: 0 }), ['context.quantity: must be at least 1, found 0']);
    assertPricingProblems(run({ q: 1 }, { termMonths: -12 }), ['context.termMonths: must be at least 1, found -12']);
    assertPricingProblems(run({ q: 11 }), ['configuration.selections.q: no tier of "p/q" in price book "list" covers quantity 11 (the tiers end at 10)']);
  });

  it('a discount over 100%, an amount larger than the line, or a fraction of a cent', () => {
    assertPricingProblems(run({ q: 1 }, { lineDiscounts: { 'p/q': { percent: '120' } }, orderDiscount: { percent: '100.5' } }), [
      'context.lineDiscounts["p/q"].percent: a discount of 120% is over 100%',
      'context.orderDiscount.percent: a discount of 100.5% is over 100%',
    ]);
    assertPricingProblems(run({ q: 2 }, { lineDiscounts: { 'p/q': { amount: '2.01' } } }), ['context.lineDiscounts["p/q"].amount: a discount of 2.01 is more than the line\'s 2.00']);
    assertPricingProblems(run({ q: 2 }, { orderDiscount: { amount: '2.01' } }), ['context.orderDiscount.amount: a discount of 2.01 is more than the one-time total of 2.00']);
    assertPricingProblems(run({ q: 2 }, { orderDiscount: { amount: '1.00', appliesTo: 'month' } }), ['context.orderDiscount.amount: there are no recurring monthly lines to discount']);
    assertPricingProblems(run({ q: 2 }, { lineDiscounts: { 'p/q': { amount: '0.005' } } }), ['context.lineDiscounts["p/q"].amount: 0.005 has more decimals than EUR has (2)']);
    assertPricingProblems(run({ q: 2 }, { lineDiscounts: { 'p/q': { percent: '-5' } } }), [
      'context.lineDiscounts["p/q"].percent: "-5" must be a percentage written as text with at most 12 decimals, e.g. "8" or "12.5"',
    ]);
    assertPricingProblems(run({ q: 2 }, { lineDiscounts: { 'p/q': { percent: '5', amount: '1.00' } } }), ['context.lineDiscounts["p/q"]: give "percent" or "amount", not both']);
    assertPricingProblems(run({ q: 2 }, { lineDiscounts: { 'p/b': { percent: '5' } } }), ['context.lineDiscounts["p/b"]: no line "p/b" in this configuration (did you mean "p/q"?)']);
  });

  it('a derived price below zero', () => {
    assertPricingProblems(run({ s: 'x' }, { book: 'cheap' }), ['configuration.selections.s: price book "cheap" gives "p/s:x" a negative price (pricing.books[1].basedOn)']);
  });

  it('a catalog without a pricing section, or an unknown product', () => {
    const bare = tinyCatalog(undefined);
    delete bare.pricing;
    assertPricingProblems(() => price(loadCatalog(bare), { product: 'p', selections: {} }, { date: DAY }), ['pricing: catalog "tiny" has no pricing section']);
    assertPricingProblems(run({ colour: 'red' }), ['configuration.selections.colour: unknown attribute "colour" of product "p"']);
  });

  it('throws a PricingError, a ValidationError with every problem in its message', () => {
    try {
      run({ s: 'y', m: ['e2'] })();
      assert.fail('priced a configuration with missing prices');
    } catch (error) {
      assert.ok(error instanceof PricingError);
      assert.equal(
        (error as Error).message,
        'The price request has 2 problems:\n  configuration.selections.s: no price for "p/s:y" in price book "list"\n  configuration.selections.m[0]: no price for "p/m:e2" in price book "list"',
      );
    }
  });
});

describe('priceDelta: what one change does to the totals', () => {
  const pricing = oneBook(
    { 'p/q': { amount: '10.00' }, 'p/s:x': { amount: '100.00' }, 'p/s:y': { amount: '250.00' }, 'p/b': { amount: '5.00', recurring: 'month', term: 12 }, 'p/m:e1': { amount: '1.00' }, 'p/m:e2': { amount: '2.00' } },
    { taxRegion: 'de' },
    { tax: { regions: [{ id: 'de', rates: [{ category: 'standard', percent: '19' }] }] } },
  );
  const catalog = loadCatalog(tinyCatalog(pricing));
  const configuration = loadConfiguration({ product: 'p', selections: { q: 2, s: 'x', m: ['e1'] } }, catalog);
  const context = { date: DAY };

  it('choosing another option, raising a quantity, turning on a recurring add-on', () => {
    const other = priceDelta(catalog, configuration, 's:y', context);
    assert.deepEqual(other.oneTime, { amount: '150.00', currency: 'EUR' });
    assert.equal(other.tax.amount, '28.50');
    assert.equal(other.grandTotal.amount, '178.50');
    assert.equal(priceDelta(catalog, configuration, { q: 3 }, context).oneTime.amount, '10.00');
    const addOn = priceDelta(catalog, configuration, 'b', context);
    assert.deepEqual([addOn.oneTime.amount, addOn.recurring.month.amount, addOn.term.amount, addOn.grandTotal.amount], ['0.00', '5.00', '60.00', '71.40']);
    assert.equal(priceDelta(catalog, configuration, 'm:e2', context).oneTime.amount, '2.00');
    assert.equal(priceDelta(catalog, configuration, { m: null }, context).oneTime.amount, '-1.00');
    assert.equal(priceDelta(catalog, configuration, 's:x', context).grandTotal.amount, '0.00');
  });

  it('matches the difference of the two full prices', () => {
    const after = price(catalog, { ...configuration, selections: { ...configuration.selections, s: 'y', q: 7 } }, context);
    const before = price(catalog, configuration, context);
    const delta = priceDelta(catalog, configuration, { s: 'y', q: 7 }, context);
    assert.equal(delta.grandTotal.amount, Money.of(after.totals.grandTotal.amount, 'EUR').minus(Money.of(before.totals.grandTotal.amount, 'EUR')).toJSON().amount);
  });

  it('refuses a change that cannot be priced', () => {
    assertPricingProblems(() => priceDelta(catalog, configuration, 's:z', context), ['configuration.selections.s: unknown option "z" of "s" (did you mean "x"?)']);
    assertPricingProblems(() => priceDelta(catalog, configuration, 'q', context), ['change: "q" does not choose anything: give a quantity: { "q": 3 }']);
    assertPricingProblems(() => priceDelta(catalog, configuration, 'zz:1', context), ['change: unknown attribute "zz" of product "p"']);
  });
});

describe('determinism', () => {
  it('re-pricing the same inputs gives identical output, from a cached or a fresh pricer', () => {
    const text = readFileSync(new URL('../../../examples/catalogs/av-rooms.json', import.meta.url), 'utf8');
    const catalog = loadCatalog(text);
    const configuration = loadConfiguration(readFileSync(new URL('../../../examples/catalogs/av-rooms.config.json', import.meta.url), 'utf8'), catalog);
    const context = { date: DAY, segment: 'enterprise', quantity: 12, orderDiscount: { percent: '3' } };
    const first = price(catalog, configuration, context);
    assert.deepEqual(price(catalog, configuration, context), first);
    assert.deepEqual(price(loadCatalog(text), configuration, context), first);
    // A catalog straight from JSON.parse (or changed after loading) was never checked: pricing refuses it.
    assert.throws(() => price(JSON.parse(text), configuration, context), /price\(\): catalog "av-rooms" has not been checked; pass it through loadCatalog\(\)/);
    assert.throws(() => price({ ...catalog }, configuration, context), /has not been checked/);
    assert.deepEqual(JSON.parse(JSON.stringify(first)), first); // plain JSON data
  });
});

describe('the demo catalogs carry real price books', () => {
  const load = (name: string) => {
    const catalog = loadCatalog(readFileSync(new URL(`../../../examples/catalogs/${name}.json`, import.meta.url), 'utf8'));
    const configuration = loadConfiguration(readFileSync(new URL(`../../../examples/catalogs/${name}.config.json`, import.meta.url), 'utf8'), catalog);
    return { catalog, configuration };
  };

  for (const name of ['av-rooms', 'collab-suite']) {
    it(`${name}: SMB, enterprise and the Northwind partner book, in EUR and USD`, () => {
      const { catalog, configuration } = load(name);
      const audiences = catalog.pricing!.books.flatMap((b) => (b.audience ?? []).map((a) => `${a} ${b.currency}`));
      for (const wanted of ['smb EUR', 'enterprise EUR', 'partner:northwind EUR', 'smb USD', 'enterprise USD']) assert.ok(audiences.includes(wanted), wanted);
      for (const book of catalog.pricing!.books) {
        const b = price(catalog, configuration, { date: DAY, book: book.id });
        assert.ok(b.lines.length > 0);
        assert.equal(b.currency, book.currency);
      }
      assert.equal(catalog.pricing!.partners![0]!.name, 'Northwind Meeting Spaces');
    });
  }

  it('av-rooms: the example meeting room at list, for an enterprise roll-out, and through Northwind', () => {
    const { catalog, configuration } = load('av-rooms');
    const list = price(catalog, configuration, { date: DAY });
    assert.deepEqual([list.totals.oneTime.net.amount, list.totals.recurring.month!.net.amount, list.totals.term.net.amount, list.totals.grandTotal.amount], [
      '25420.00',
      '59.90',
      '2156.40',
      '32815.92',
    ]);
    const rollout = price(catalog, configuration, { date: DAY, segment: 'enterprise', quantity: 12 });
    assert.deepEqual(steps(rollout, 'meeting-room/display:d86'), [
      'list 53880.00 List price 12 × 4490.00',
      'book -2700.00 Price book "Enterprise prices (EUR)"',
      'tier -3300.00 Volume price 10+ units',
      'net 47880.00 Net price',
    ]);
    assert.equal(rollout.totals.savings.percent, '8.04');
    const northwind = price(catalog, configuration, { date: DAY, partner: 'northwind' });
    assert.deepEqual(steps(northwind, 'meeting-room/display:d86'), [
      'list 4490.00 List price',
      'book -200.00 Price book "Northwind Meeting Spaces partner prices (EUR)"',
      'partner -343.20 Partner discount 8%',
      'net 3946.80 Net price',
    ]);
    assert.deepEqual(steps(northwind, 'meeting-room/support:plus'), ['list 59.90 List price', 'net 59.90 Net price']);
  });

  it('collab-suite: 40 Business users on an annual term, per user add-ons', () => {
    const { catalog, configuration } = load('collab-suite');
    const b = price(catalog, configuration, { date: DAY });
    assert.deepEqual(b.lines.map((l) => `${l.item} ${l.quantity} ${l.net.amount}/${l.period} × ${l.term?.months}`), [
      'business/seats 40 500.00/month × 12',
      'business/storage-packs 2 16.00/month × 12',
      'business/advanced-security 40 160.00/month × 12',
      'business/webinar 1 49.00/month × 12',
      'business/support:priority 1 149.00/month × 12',
    ]);
    assert.equal(b.totals.term.net.amount, '10488.00');
    assert.equal(b.totals.grandTotal.amount, '12480.72');
    const usd = price(catalog, configuration, { date: DAY, currency: 'USD' });
    assert.equal(usd.totals.recurring.month!.net.amount, '1016.00');
    assert.deepEqual(usd.totals.tax, []);
  });
});
