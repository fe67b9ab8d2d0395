// Price guidance: percentiles, back-off and scoring against hand-computed values on a small
// set; reading deals from CSV and JSON with row/column errors; invariants with fast-check;
// and the synthetic example deals in examples/deals/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DealsError, GuidanceError, guidanceIndex, percentile, percentRank, priceGuidance, PriceGuidanceError, ratioOf, readDeals, readPriceGuidance, type Deal, type DealContext } from '../src/index.js';
import { fitLogistic, mergeRuns, winProbability } from '../src/guidance/stats.js';
import { cliHarness } from './fixtures.js';

const RUNS = Number(process.env['GUIDANCE_PROPERTY_RUNS'] ?? 100);
const example = (name: string): string => readFileSync(new URL(`../../../examples/deals/${name}`, import.meta.url), 'utf8');
interface Generator {
  generateDeals(count: number, seed: number): Deal[];
  toCsv(deals: readonly Deal[]): string;
}
const generator = (await import(new URL('../../../examples/deals/generate.mjs', import.meta.url).href)) as Generator;

const close = (actual: number, expected: number, what = ''): void => assert.ok(Math.abs(actual - expected) < 1e-12, `${what} ${actual} ≠ ${expected}`);

/** A deal with list 100 and net `net`, so its ratio is net / 100. */
function deal(segment: string, region: string, family: string, net: string, outcome: 'won' | 'lost' = 'won'): Deal {
  return { date: '2026-03-01', segment, region, family, quantity: 1, list: '100', net, outcome };
}

// Hand-worked set. Won ratios: smb/emea/collab 0.9, 0.8; smb/amer/collab 0.7, 0.6;
// smb/amer/av 0.5; ent/emea/collab 0.4. Lost: ent/emea/collab 0.95.
const small = readDeals([
  deal('smb', 'emea', 'collab', '90'),
  deal('smb', 'emea', 'collab', '80'),
  deal('smb', 'amer', 'collab', '70'),
  deal('smb', 'amer', 'collab', '60'),
  deal('smb', 'amer', 'av', '50'),
  deal('ent', 'emea', 'collab', '40'),
  deal('ent', 'emea', 'collab', '95', 'lost'),
]);
const smbEmeaCollab: DealContext = { segment: 'smb', region: 'emea', family: 'collab' };

describe('percentile (Hyndman-Fan type 7) and percent rank, by hand', () => {
  it('interpolates between closest ranks: h = (n - 1) p / 100', () => {
    const x = [1, 2, 3, 4];
    close(percentile(x, 25), 1.75); // h = 0.75: 1 + 0.75 (2 - 1)
    assert.equal(percentile(x, 50), 2.5); // h = 1.5
    close(percentile(x, 75), 3.25); // h = 2.25
    assert.equal(percentile(x, 0), 1);
    assert.equal(percentile(x, 100), 4);
    assert.equal(percentile([10, 20, 30, 40, 50], 25), 20); // h = 1 exactly: a data point, no interpolation
    assert.equal(percentile([7], 25), 7);
    assert.throws(() => percentile([], 50), RangeError);
  });

  it('ranks with ties counted half: the percentage of values below', () => {
    const x = [1, 2, 2, 3];
    assert.equal(percentRank(x, 2), 50); // 1 below, 2 equal: (1 + 2/2) / 4
    assert.equal(percentRank(x, 0.5), 0);
    assert.equal(percentRank(x, 2.5), 75);
    assert.equal(percentRank(x, 9), 100);
  });

  it('computes net ÷ list from decimal text, equal ratios giving equal numbers', () => {
    assert.equal(ratioOf('1700', '2000'), 0.85);
    assert.equal(ratioOf('0.85', '1'), 0.85);
    assert.equal(ratioOf('870.15', '1000'), 87015 / 100000);
    assert.equal(ratioOf('1.5', '3.000000000000'), 0.5);
    // More than 15 digits: divided as decimals first.
    assert.equal(ratioOf('1234567890123456.78', '2469135780246913.56'), 0.5);
    assert.equal(ratioOf('0', '5'), 0);
  });
});

describe('priceGuidance on a hand-worked set', () => {
  it('uses the specific cell when it has minDeals won deals', () => {
    const g = priceGuidance(small, smbEmeaCollab, { minDeals: 2 });
    assert.deepEqual(g.cell, { level: 'segment-region-family', segment: 'smb', region: 'emea', family: 'collab' });
    assert.equal(g.wonDeals, 2);
    assert.equal(g.sufficient, true);
    // [0.8, 0.9]: h = 0.25, 0.5, 0.75
    close(g.floor, 0.825, 'floor');
    close(g.target, 0.85, 'target');
    close(g.stretch, 0.875, 'stretch');
  });

  it('drops the region first: segment × family', () => {
    const g = priceGuidance(small, smbEmeaCollab, { minDeals: 3 });
    assert.deepEqual(g.cell, { level: 'segment-family', segment: 'smb', family: 'collab' });
    assert.deepEqual(g.backoff.map((b) => [b.cell.level, b.wonDeals]), [['segment-region-family', 2], ['segment-family', 4]]);
    // [0.6, 0.7, 0.8, 0.9]: h = 0.75 → 0.675; 1.5 → 0.75; 2.25 → 0.825
    close(g.floor, 0.675, 'floor');
    close(g.target, 0.75, 'target');
    close(g.stretch, 0.825, 'stretch');
  });

  it('then the family: the whole segment', () => {
    const g = priceGuidance(small, smbEmeaCollab, { minDeals: 5 });
    assert.equal(g.cell.level, 'segment');
    assert.equal(g.wonDeals, 5);
    // [0.5 .. 0.9]: h = 1, 2, 3 land on data points
    close(g.floor, 0.6);
    close(g.target, 0.7);
    close(g.stretch, 0.8);
  });

  it('then the segment: all deals; the lost deal never enters the band', () => {
    const g = priceGuidance(small, smbEmeaCollab, { minDeals: 6 });
    assert.deepEqual(g.cell, { level: 'all' });
    assert.equal(g.wonDeals, 6);
    assert.equal(g.lostDeals, 1);
    assert.equal(g.sufficient, true);
    // [0.4 .. 0.9]: h = 1.25 → 0.525; 2.5 → 0.65; 3.75 → 0.775
    close(g.floor, 0.525);
    close(g.target, 0.65);
    close(g.stretch, 0.775);
  });

  it('says so when no cell has enough deals, and uses all of them', () => {
    const g = priceGuidance(small, smbEmeaCollab, { minDeals: 7 });
    assert.equal(g.cell.level, 'all');
    assert.equal(g.sufficient, false);
    assert.equal(g.backoff.length, 4);
    assert.equal(g.minDeals, 7);
  });

  it('backs off through empty cells for an unknown segment', () => {
    const g = priceGuidance(small, { segment: 'public', region: 'emea', family: 'collab' }, { minDeals: 1 });
    assert.equal(g.cell.level, 'all');
    assert.deepEqual(g.backoff.map((b) => b.wonDeals), [0, 0, 0, 6]);
  });

  it('defaults minDeals to 30', () => {
    assert.equal(priceGuidance(small, smbEmeaCollab).minDeals, 30);
    assert.equal(priceGuidance(small, smbEmeaCollab).sufficient, false);
  });

  it('scores a quote: percent rank, approval below the floor, the band as amounts', () => {
    // Cell smb × collab: [0.6, 0.7, 0.8, 0.9], floor 0.675, target 0.75, stretch 0.825.
    const at = (net: string) => priceGuidance(small, { ...smbEmeaCollab, quote: { list: '1000.00', net } }, { minDeals: 3 });
    const low = at('674.00');
    assert.equal(low.quote?.approvalRequired, true);
    assert.equal(low.quote?.position, 'below-floor');
    assert.equal(low.quote?.percentile, 25); // 1 of 4 below
    assert.deepEqual(low.prices, { floor: '675.00', target: '750.00', stretch: '825.00' });
    const justAbove = at('676.00');
    assert.equal(justAbove.quote?.approvalRequired, false);
    assert.equal(justAbove.quote?.position, 'floor-to-target');
    assert.equal(at('700.00').quote?.percentile, 37.5); // 1 below, 1 equal
    assert.equal(at('800.00').quote?.position, 'target-to-stretch');
    assert.equal(at('950.00').quote?.position, 'above-stretch');
    assert.equal(at('950.00').quote?.percentile, 100);
  });

  it('gives the same answer from an index as from the deals', () => {
    const index = guidanceIndex(small);
    for (const minDeals of [1, 3, 5, 7]) assert.deepEqual(priceGuidance(index, smbEmeaCollab, { minDeals }), priceGuidance(small, smbEmeaCollab, { minDeals }));
  });
});

describe('bad requests', () => {
  it('names the context and options fields', () => {
    assert.throws(
      () => priceGuidance(small, { segment: 'smb', region: '' } as DealContext, { minDeals: 0 }),
      (e: unknown) => e instanceof GuidanceError && /context\.region: .*must not be empty/.test(e.message) && /context\.family: is required/.test(e.message) && /options\.minDeals: must be at least 1/.test(e.message),
    );
    assert.throws(() => priceGuidance(small, { ...smbEmeaCollab, quote: { list: '0', net: '5' } }), /context\.quote\.list: "0" must be more than zero/);
  });

  it('refuses to guide without won deals', () => {
    assert.throws(() => priceGuidance(readDeals([deal('a', 'b', 'c', '90', 'lost')]), { segment: 'a', region: 'b', family: 'c' }), (e: unknown) => e instanceof GuidanceError && /no won deals among the 1 deals/.test(e.message));
  });

  it('checks deals that did not come from readDeals', () => {
    const raw = [deal('a', 'b', 'c', '90'), { ...deal('a', 'b', 'c', '90'), list: '0.00' }];
    assert.throws(() => priceGuidance(raw, { segment: 'a', region: 'b', family: 'c' }), (e: unknown) => e instanceof DealsError && /\[1\]\.list: "0\.00" must be more than zero/.test(e.message));
  });
});

describe('readDeals: JSON', () => {
  it('names the path of each problem, all at once', () => {
    const text = JSON.stringify([
      deal('smb', 'emea', 'collab', '90'),
      { ...deal('smb', 'emea', 'collab', '90'), net: 87, date: '2026-02-30', outcome: 'pending' },
      { ...deal('smb', 'emea', 'collab', '90'), quantity: 0, items: ['ok', 'not ok'], nett: '1' },
    ]);
    assert.throws(
      () => readDeals(text),
      (e: unknown) => {
        assert.ok(e instanceof DealsError);
        const byPath = new Map(e.problems.map((p) => [p.path, p.message]));
        assert.match(byPath.get('[1].net') ?? '', /expected a string, found the number 87/);
        assert.match(byPath.get('[1].date') ?? '', /is not a day of the calendar/);
        assert.match(byPath.get('[1].outcome') ?? '', /expected "won" or "lost", found "pending"/);
        assert.match(byPath.get('[2].quantity') ?? '', /must be at least 1/);
        assert.match(byPath.get('[2].items[1]') ?? '', /must use only letters/);
        assert.match(byPath.get('[2].nett') ?? '', /unknown field "nett" \(did you mean "net"\?\)/);
        return true;
      },
    );
  });

  it('reads JSON strictly: duplicate keys and bad syntax are errors', () => {
    assert.throws(() => readDeals('[{"date":"2026-01-01","date":"2026-01-02"}]'), (e: unknown) => e instanceof DealsError && e.problems.some((p) => p.path === '[0].date' && /appears twice/.test(p.message)));
    assert.throws(() => readDeals('[{"date": }]'), (e: unknown) => e instanceof DealsError && /not valid JSON/.test(e.message));
    assert.throws(() => readDeals('{"deals": []}', { format: 'json' }), (e: unknown) => e instanceof DealsError && /expected a list/.test(e.message));
  });
});

describe('readDeals: CSV', () => {
  const header = 'date,segment,region,family,quantity,list,net,outcome,items';

  it('reads quoting, CRLF, empty optional cells and ;-separated items', () => {
    const text = `\uFEFF${header}\r\n2026-01-05,"Mid, market",emea,collab,3,300.00,270.00,won,business;sso\r\n\r\n2026-01-06,"The ""big"" one",amer,av,1,100,90,lost,\r\n`;
    const deals = readDeals(text);
    assert.deepEqual(deals, [
      { date: '2026-01-05', segment: 'Mid, market', region: 'emea', family: 'collab', quantity: 3, list: '300.00', net: '270.00', outcome: 'won', items: ['business', 'sso'] },
      { date: '2026-01-06', segment: 'The "big" one', region: 'amer', family: 'av', quantity: 1, list: '100', net: '90', outcome: 'lost' },
    ]);
  });

  it('names line and column; a quoted field over two lines counts both', () => {
    const text = [
      header,
      '2026-01-05,smb,emea,collab,3,300.00,270.00,won,',
      '2026-01-05,"smb',
      'north",emea,collab,3,300.00,27O.00,won,',
      '2026-01-05,smb,emea,collab,three,300.00,,maybe,',
    ].join('\n');
    assert.throws(
      () => readDeals(text),
      (e: unknown) => {
        assert.ok(e instanceof DealsError);
        const byPath = new Map(e.problems.map((p) => [p.path, p.message]));
        assert.match(byPath.get('line 3, column "net"') ?? '', /"27O\.00" must be an amount/);
        assert.match(byPath.get('line 5, column "quantity"') ?? '', /expected a number, found the text "three"/);
        assert.match(byPath.get('line 5, column "net"') ?? '', /is required/);
        assert.match(byPath.get('line 5, column "outcome"') ?? '', /expected "won" or "lost", found "maybe"/);
        assert.match(byPath.get('line 3, column "segment"') ?? '', /must not contain control characters/);
        assert.equal(e.problems.length, 5);
        return true;
      },
    );
  });

  it('checks the header: unknown, repeated and missing columns', () => {
    assert.throws(() => readDeals('date,segment,region,family,quantity,list,nett,outcome\n'), (e: unknown) => e instanceof DealsError && e.problems.some((p) => p.path === 'line 1, column "nett"' && /unknown column \(did you mean "net"\?\)/.test(p.message)) && e.problems.some((p) => p.path === 'line 1' && /no column "net"/.test(p.message)));
    assert.throws(() => readDeals(`${header},list\n`), /line 1, column "list": appears twice/);
    assert.throws(() => readDeals(''), /the CSV text is empty/);
  });

  it('names rows with the wrong number of fields and broken quoting', () => {
    assert.throws(() => readDeals(`${header}\n2026-01-05,smb,emea\n`), /line 2: has 3 fields; the header has 9/);
    assert.throws(() => readDeals(`${header}\n2026-01-05,"smb,emea\n`), /line 2: a quoted field is never closed/);
    assert.throws(() => readDeals(`${header}\n2026-01-05,sm"b,emea,collab,3,300.00,270.00,won,\n`), /line 2: a quote inside unquoted field 2/);
    assert.throws(() => readDeals(`${header}\n2026-01-05,"smb"x,emea,collab,3,300.00,270.00,won,\n`), /line 2: text after the closing quote of field 2/);
  });
});

describe('the synthetic example deals', () => {
  const json = readDeals(example('deals.json'));

  it('are what the seeded generator writes (deterministic)', () => {
    assert.deepEqual(JSON.parse(example('deals.json')), generator.generateDeals(2000, 7));
    assert.equal(example('deals-sample.csv'), generator.toCsv(generator.generateDeals(2000, 7).slice(0, 50)));
  });

  it('read the same from the CSV sample as from JSON', () => {
    assert.deepEqual(readDeals(example('deals-sample.csv')), json.slice(0, 50));
  });

  it('back off for a rare cell (enterprise × APAC × support) and not for a common one', () => {
    const rare = priceGuidance(json, { segment: 'enterprise', region: 'apac', family: 'support' });
    assert.notEqual(rare.cell.level, 'segment-region-family');
    assert.ok(rare.backoff.slice(0, -1).every((b) => b.wonDeals < 30));
    assert.ok(rare.wonDeals >= 30);
    const common = priceGuidance(json, { segment: 'smb', region: 'emea', family: 'collaboration' });
    assert.equal(common.cell.level, 'segment-region-family');
    // Enterprise deals get deeper discounts than SMB ones in the generator.
    assert.ok(rare.target < common.target);
  });

  it('fit a win curve that falls with price, at its maximum likelihood', () => {
    const g = priceGuidance(json, { segment: 'smb', region: 'emea', family: 'collaboration', quote: { list: '1500.00', net: '1300.00' } }, { winCurve: true, curvePoints: 5, costRatio: 0.5 });
    const curve = g.winCurve;
    assert.ok(curve?.available === true);
    assert.ok(curve.slope < 0, 'the generator loses more deals priced higher');
    assert.equal(curve.warning, undefined);
    assert.equal(curve.deals, g.wonDeals + g.lostDeals);
    assert.equal(curve.points.length, 5);
    assert.equal(curve.points[0]!.ratio, g.floor);
    assert.equal(curve.points[4]!.ratio, g.stretch);
    for (const [i, p] of curve.points.entries()) {
      assert.ok(p.winProbability > 0 && p.winProbability < 1);
      close(p.expectedMargin, p.winProbability * (p.ratio - 0.5));
      if (i > 0) assert.ok(p.winProbability < curve.points[i - 1]!.winProbability);
    }
    assert.equal(curve.best.expectedMargin, Math.max(...curve.points.map((p) => p.expectedMargin)));
    assert.equal(curve.points[0]!.net, g.prices?.floor);
    // The model at the band itself, for a rep's view: the same logistic at floor, target and stretch, net of the cost ratio.
    assert.equal(curve.costRatio, 0.5);
    assert.deepEqual(curve.atBand.floor, curve.points[0]);
    assert.deepEqual(curve.atBand.stretch, curve.points[4]);
    const atTarget = 1 / (1 + Math.exp(-(curve.intercept + curve.slope * g.target)));
    assert.equal(curve.atBand.target.ratio, g.target);
    close(curve.atBand.target.winProbability, atTarget);
    close(curve.atBand.target.expectedMargin, atTarget * (g.target - 0.5));
    assert.equal(curve.atBand.target.net, g.prices?.target);
  });

  it('omit the curve, with the reason, when the cell has no lost deals', () => {
    const g = priceGuidance(small, smbEmeaCollab, { minDeals: 2, winCurve: true });
    assert.deepEqual(g.winCurve, { available: false, reason: 'the cell has no lost deals, so nothing shows where prices stop winning' });
  });
});

describe('merging sorted runs (how parent cells are built)', () => {
  it('gives the sorted union, by picking heads (few runs) or by sorting (more than 16)', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.double({ min: 0, max: 2, noNaN: true }).map((v) => v + 0), { maxLength: 8 }), { minLength: 1, maxLength: 30 }), (runs) => {
      const sortedRuns = runs.map((r) => [...r].sort((a, b) => a - b));
      const source = new Float64Array([-1, ...sortedRuns.flat()]);
      const bounds = [1];
      for (const r of sortedRuns) bounds.push(bounds[bounds.length - 1]! + r.length);
      const target = new Float64Array(source.length).fill(-2);
      mergeRuns(source, bounds, target);
      assert.deepEqual([...target], [-2, ...runs.flat().sort((a, b) => a - b)]);
    }), { numRuns: RUNS });
  });
});

describe('the logistic fit', () => {
  it('predicts as many wins as were observed (the intercept\'s likelihood equation)', () => {
    const won = [0.7, 0.72, 0.75, 0.8, 0.81, 0.9];
    const lost = [0.78, 0.85, 0.88, 0.92, 0.95];
    const fit = fitLogistic(won, lost);
    const expected = [...won, ...lost].reduce((s, r) => s + winProbability(fit, r), 0);
    assert.ok(Math.abs(expected - won.length) < 1e-8, `${expected}`);
    assert.ok(fit.slope < 0);
  });
});

// --- Properties -------------------------------------------------------------------------

const SEGMENTS = ['s1', 's2', 's3'];
const REGIONS = ['r1', 'r2'];
const FAMILIES = ['f1', 'f2'];
const arbDeal = fc.record({
  segment: fc.constantFrom(...SEGMENTS),
  region: fc.constantFrom(...REGIONS),
  family: fc.constantFrom(...FAMILIES),
  listCents: fc.integer({ min: 1, max: 10_000_000 }),
  permille: fc.integer({ min: 0, max: 1200 }),
  won: fc.boolean(),
}).map(({ segment, region, family, listCents, permille, won }): Deal => {
  const netCents = Math.floor((listCents * permille) / 1000);
  const money = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
  return { date: '2026-01-01', segment, region, family, quantity: 1, list: money(listCents), net: money(netCents), outcome: won ? 'won' : 'lost' };
});
const arbDeals = fc.array(arbDeal, { minLength: 1, maxLength: 120 }).filter((d) => d.some((x) => x.outcome === 'won'));
const arbContext = fc.record({ segment: fc.constantFrom(...SEGMENTS, 's4'), region: fc.constantFrom(...REGIONS), family: fc.constantFrom(...FAMILIES) });

describe('properties', () => {
  it('floor ≤ target ≤ stretch, each within the cell\'s won ratios', () => {
    fc.assert(fc.property(arbDeals, arbContext, fc.integer({ min: 1, max: 40 }), (deals, context, minDeals) => {
      const g = priceGuidance(deals, context, { minDeals });
      assert.ok(g.floor <= g.target && g.target <= g.stretch);
      assert.ok(g.floor >= 0 && g.stretch <= 1.2);
    }), { numRuns: RUNS });
  });

  it('the band is the percentiles of the first cell with minDeals won deals (checked by filtering)', () => {
    fc.assert(fc.property(arbDeals, arbContext, fc.integer({ min: 1, max: 40 }), (deals, context, minDeals) => {
      const g = priceGuidance(deals, context, { minDeals });
      const inCell = [
        (d: Deal) => d.segment === context.segment && d.region === context.region && d.family === context.family,
        (d: Deal) => d.segment === context.segment && d.family === context.family,
        (d: Deal) => d.segment === context.segment,
        () => true,
      ];
      const counts = inCell.map((f) => deals.filter((d) => d.outcome === 'won' && f(d)).length);
      const first = counts.findIndex((c) => c >= minDeals);
      const used = first < 0 ? 3 : first;
      assert.equal(g.backoff.length, used + 1);
      assert.deepEqual(g.backoff.map((b) => b.wonDeals), counts.slice(0, used + 1));
      assert.equal(g.sufficient, first >= 0);
      assert.ok(g.sufficient ? g.wonDeals >= minDeals : g.cell.level === 'all');
      const ratios = deals.filter((d) => d.outcome === 'won' && inCell[used]!(d)).map((d) => ratioOf(d.net, d.list)).sort((a, b) => a - b);
      assert.equal(g.floor, percentile(ratios, 25));
      assert.equal(g.target, percentile(ratios, 50));
      assert.equal(g.stretch, percentile(ratios, 75));
    }), { numRuns: RUNS });
  });

  it('a higher net never scores lower, and never needs approval when a lower one does not', () => {
    fc.assert(fc.property(arbDeals, arbContext, fc.integer({ min: 1, max: 10_000_000 }), fc.nat(1200), fc.nat(1200), (deals, context, listCents, a, b) => {
      const index = guidanceIndex(deals);
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const list = (listCents / 100).toFixed(2);
      const score = (permille: number) => priceGuidance(index, { ...context, quote: { list, net: ((Math.floor((listCents * permille) / 1000)) / 100).toFixed(2) } }, { minDeals: 5 }).quote!;
      const low = score(lo);
      const high = score(hi);
      assert.ok(low.percentile <= high.percentile);
      assert.ok(!high.approvalRequired || low.approvalRequired);
    }), { numRuns: RUNS });
  });

  it('ratios keep the order of the exact quotients', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (n1, l1, n2, l2) => {
      const exact = BigInt(n1) * BigInt(l2) - BigInt(n2) * BigInt(l1); // sign of n1/l1 − n2/l2
      const a = ratioOf(String(n1), String(l1));
      const b = ratioOf(String(n2), String(l2));
      if (exact < 0n) assert.ok(a <= b);
      if (exact > 0n) assert.ok(a >= b);
      if (exact === 0n) assert.equal(a, b);
    }), { numRuns: RUNS * 5 });
  });

  it('CSV written from generated deals reads back as the same deals', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 1, max: 60 }), (seed, count) => {
      const deals = generator.generateDeals(count, seed);
      assert.deepEqual(readDeals(generator.toCsv(deals)), readDeals(deals));
    }), { numRuns: 30 });
  });
});

describe('cpq guidance', () => {
  const { file, cpq } = cliHarness('cpq-guidance-');
  const csv = file('deals.csv', generator.toCsv(small.map((d) => ({ ...d, items: [] }))));

  it('prints the cell, the back-off, the band and the quote', async () => {
    const { code, out, err } = await cpq('guidance', csv, '--segment', 'smb', '--region', 'emea', '--family', 'collab', '--min-deals', '3', '--list', '1000', '--net', '674');
    assert.deepEqual(err, []);
    assert.equal(code, 0);
    assert.deepEqual(out, [
      'cell:     smb × collab (4 won, 0 lost)',
      'back-off: segment-region-family had 2 won',
      'floor:    67.5 % of list  675.00',
      'target:   75.0 % of list  750.00',
      'stretch:  82.5 % of list  825.00',
      'quote:    67.4 % of list, percentile 25.0, below-floor, APPROVAL REQUIRED',
    ]);
  });

  it('prints problems with their line and column, exit 1; usage mistakes exit 2', async () => {
    const bad = file('bad.csv', 'date,segment,region,family,quantity,list,net,outcome\n2026-01-01,smb,emea,collab,1,100,9x,won\n');
    const failed = await cpq('guidance', bad, '--segment', 'smb', '--region', 'emea', '--family', 'collab');
    assert.equal(failed.code, 1);
    assert.match(failed.err.join('\n'), /line 2, column "net": "9x" must be an amount/);
    assert.equal((await cpq('guidance', csv, '--segment', 'smb')).code, 2);
    assert.equal((await cpq('guidance', csv, '--segment', 'smb', '--region', 'emea', '--family', 'collab', '--list', '1000')).code, 2);
  });

  it('prints JSON with --json', async () => {
    const { code, out } = await cpq('guidance', csv, '--segment', 'smb', '--region', 'emea', '--family', 'collab', '--min-deals', '3', '--json');
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out.join('\n')), JSON.parse(JSON.stringify(priceGuidance(small, smbEmeaCollab, { minDeals: 3 }))));
  });
});

describe('readPriceGuidance: guidance read back from a server', () => {
  const json = readDeals(example('deals.json'));
  const contexts: DealContext[] = [
    { segment: 'smb', region: 'emea', family: 'collaboration', quote: { list: '1500.00', net: '1300.00' } },
    { segment: 'enterprise', region: 'apac', family: 'av-rooms', quote: { list: '100000.00', net: '60000.00' } },
    { segment: 'nobody', region: 'nowhere', family: 'nothing' },
  ];

  it('accepts every answer priceGuidance gives, as JSON text, unchanged', () => {
    for (const context of contexts) {
      for (const options of [{}, { winCurve: true }, { winCurve: true, costRatio: 0.4, minDeals: 500 }]) {
        const answer = priceGuidance(json, context, options);
        assert.deepEqual(readPriceGuidance(JSON.stringify(answer)), JSON.parse(JSON.stringify(answer)));
      }
    }
  });

  it('names the path of what is wrong', () => {
    const answer = JSON.parse(JSON.stringify(priceGuidance(json, contexts[0]!, { winCurve: true })));
    const problems = (value: unknown): string[] => {
      try {
        readPriceGuidance(value);
        return [];
      } catch (error) {
        assert.ok(error instanceof PriceGuidanceError);
        return error.problems.map((p) => p.path);
      }
    };
    assert.deepEqual(problems({ ...answer, floor: 'low' }), ['floor']);
    assert.deepEqual(problems({ ...answer, quote: { ...answer.quote, position: 'middle' } }), ['quote.position']);
    assert.deepEqual(problems({ ...answer, backoff: [] }), ['backoff']);
    assert.deepEqual(problems({ ...answer, winCurve: { ...answer.winCurve, atBand: undefined } }), ['winCurve.atBand']);
    assert.deepEqual(problems({ ...answer, prices: { ...answer.prices, target: 1293.56 } }), ['prices.target']);
    assert.deepEqual(problems('{"floor": 0.8,}').length, 1);
  });
});
