/**
 * Price guidance from past deals: the floor, target and stretch of net ÷ list that
 * won deals in the same segment, region and product family were closed at, backing
 * off to broader cells when a cell has too few deals; the current quote's standing
 * among them; and, optionally, a fitted win-probability curve. Pure and deterministic.
 *
 * @module
 */
import { roundTo, Dec } from '../price/money.js';
import { ValidationError, type Problem } from '../internal/problems.js';
import { problemsFromIssues } from '../internal/zod-problems.js';
import { checkDeals } from './read.js';
import { CellLevelSchema, type CellCount, type CellLevel, type GuidanceCell, type PriceGuidance, type WinCurve, type WinCurvePoint } from './result.js';
import { DealContextSchema, GuidanceOptionsSchema, type Deal, type DealContext, type GuidanceOptions } from './schema.js';
import { BAND_PERCENTILES } from './band.js';
import { fitLogistic, mergeRuns, percentile, percentRank, ratioOf, winProbability } from './stats.js';

export { DealsError, readDeals, type ReadDealsOptions } from './read.js';
export * from './result.js';
export { DealSchema, DealContextSchema, GuidanceOptionsSchema, QuoteAmountsSchema, DEAL_FIELDS, type Deal, type DealContext, type GuidanceOptions } from './schema.js';
export { percentile, percentRank, ratioOf } from './stats.js';

/** The fewest won deals a cell needs, unless `minDeals` says otherwise. */
export const DEFAULT_MIN_DEALS = 30;

export { BAND_PERCENTILES } from './band.js';

/** The back-off order, most specific first. */
export const CELL_LEVELS: readonly CellLevel[] = CellLevelSchema.options;


/** A deal context or options that cannot be used, or no won deals at all. */
export class GuidanceError extends ValidationError {
  constructor(problems: readonly Problem[]) {
    super('The price guidance request', problems);
    this.name = 'GuidanceError';
  }
}

interface CellData {
  readonly won: Float64Array;
  readonly lost: Float64Array;
}

// Each index's cells, kept outside the class so its public shape is only `deals`.
const cellsOf = new WeakMap<GuidanceIndex, Map<string, CellData>>();

const SEP = '\u0000';
function keyOf(level: number, segment: string, region: string, family: string): string {
  switch (level) {
    case 0: return `0${SEP}${segment}${SEP}${region}${SEP}${family}`;
    case 1: return `1${SEP}${segment}${SEP}${family}`;
    case 2: return `2${SEP}${segment}`;
    default: return '3';
  }
}

/**
 * Past deals grouped once by cell at every back-off level, with each cell's won
 * ratios sorted: build it once, then each {@link priceGuidance} query is a few map
 * look-ups and binary searches.
 */
export class GuidanceIndex {
  /** All deals indexed. */
  readonly deals: number;

  /** Indexes deals (checked first unless {@link readDeals} returned them); throws {@link DealsError}. */
  constructor(deals: readonly Deal[]) {
    const checkedDeals = checkDeals(deals);
    const n = checkedDeals.length;
    this.deals = n;
    const cells = new Map<string, CellData>();
    cellsOf.set(this, cells);
    // Typed arrays only, no per-deal objects or key strings: 100,000 deals make little garbage,
    // so a build is not stretched by a full garbage collection.
    // Leaves (segment × region × family) are numbered as first seen, in a tree segment →
    // family → region, so that walking it puts every parent's leaves next to each other.
    const tree = new Map<string, Map<string, Map<string, number>>>();
    const leafOf = new Int32Array(n);
    const ratios = new Float64Array(n);
    let leafCount = 0;
    for (let i = 0; i < n; i++) {
      const deal = checkedDeals[i]!;
      let families = tree.get(deal.segment);
      if (families === undefined) tree.set(deal.segment, (families = new Map()));
      let regions = families.get(deal.family);
      if (regions === undefined) families.set(deal.family, (regions = new Map()));
      let leaf = regions.get(deal.region);
      if (leaf === undefined) regions.set(deal.region, (leaf = leafCount++));
      leafOf[i] = leaf;
      ratios[i] = ratioOf(deal.net, deal.list);
    }
    // Each level's cells as ranges of leaf positions in walk order.
    const position = new Int32Array(leafCount);
    const levels: Group[][] = [[], [], [], []];
    let at = 0;
    for (const [segment, families] of tree) {
      const segmentStart = at;
      for (const [family, regions] of families) {
        const familyStart = at;
        for (const [region, leaf] of regions) {
          position[leaf] = at;
          levels[0]!.push({ key: keyOf(0, segment, region, family), from: at, to: ++at });
        }
        levels[1]!.push({ key: keyOf(1, segment, '', family), from: familyStart, to: at });
      }
      levels[2]!.push({ key: keyOf(2, segment, '', ''), from: segmentStart, to: at });
    }
    levels[3]!.push({ key: keyOf(3, '', '', ''), from: 0, to: at });

    const won = sortedByLevel(levels, leafCount, position, leafOf, ratios, (i) => checkedDeals[i]!.outcome === 'won');
    const lost = sortedByLevel(levels, leafCount, position, leafOf, ratios, (i) => checkedDeals[i]!.outcome === 'lost');
    levels.forEach((groups, level) => {
      for (const g of groups) {
        cells.set(g.key, { won: won.buffers[level]!.subarray(won.offsets[g.from]!, won.offsets[g.to]!), lost: lost.buffers[level]!.subarray(lost.offsets[g.from]!, lost.offsets[g.to]!) });
      }
    });
  }
}

/** A cell as a range of leaf positions (walk order) and its map key. */
interface Group {
  readonly key: string;
  readonly from: number;
  readonly to: number;
}

/**
 * The ratios of the deals `take` selects, laid out leaf by leaf in walk order
 * (`offsets[p]` is where leaf position p starts), once per level: in level 0 each leaf's
 * range is sorted; in each higher level each cell's range is its children's sorted
 * ranges merged.
 */
function sortedByLevel(levels: readonly Group[][], leafCount: number, position: Int32Array, leafOf: Int32Array, ratios: Float64Array, take: (i: number) => boolean): { buffers: Float64Array[]; offsets: Int32Array } {
  const offsets = new Int32Array(leafCount + 1);
  const selected = new Uint8Array(ratios.length);
  for (let i = 0; i < ratios.length; i++) {
    if (take(i)) {
      selected[i] = 1;
      offsets[position[leafOf[i]!]! + 1]!++;
    }
  }
  for (let p = 0; p < leafCount; p++) offsets[p + 1]! += offsets[p]!;
  const base = new Float64Array(offsets[leafCount]!);
  const next = offsets.slice(0, leafCount);
  for (let i = 0; i < ratios.length; i++) if (selected[i] === 1) base[next[position[leafOf[i]!]!]!++] = ratios[i]!;
  for (let p = 0; p < leafCount; p++) base.subarray(offsets[p]!, offsets[p + 1]!).sort();
  const buffers = [base];
  for (let level = 1; level < 4; level++) {
    const below = buffers[level - 1]!;
    const out = new Float64Array(base.length);
    const children = levels[level - 1]!;
    let c = 0;
    for (const g of levels[level]!) {
      const runs: number[] = [];
      while (c < children.length && children[c]!.to <= g.to) runs.push(offsets[children[c++]!.from]!);
      runs.push(offsets[g.to]!);
      mergeRuns(below, runs, out);
    }
    buffers.push(out);
  }
  return { buffers, offsets };
}

/** Indexes past deals for repeated {@link priceGuidance} queries; the same as `new GuidanceIndex(deals)`. */
export function guidanceIndex(deals: readonly Deal[]): GuidanceIndex {
  return new GuidanceIndex(deals);
}

function cellOf(level: number, context: DealContext): GuidanceCell {
  const { segment, region, family } = context;
  switch (level) {
    case 0: return { level: 'segment-region-family', segment, region, family };
    case 1: return { level: 'segment-family', segment, family };
    case 2: return { level: 'segment', segment };
    default: return { level: 'all' };
  }
}

/**
 * Price guidance for one deal from past deals (or an index of them): floor, target and
 * stretch are the 25th, 50th and 75th percentiles of net ÷ list over the won deals of
 * the deal's cell (segment × region × product family). A cell with fewer than
 * `minDeals` won deals (default 30) backs off to its parent: region dropped, then
 * family, then segment. If no cell has enough, all deals are used and `sufficient`
 * is false. With `context.quote`, the quote is scored: its percent rank and
 * `approvalRequired` when below the floor.
 *
 * @throws {@link GuidanceError} for a bad context or options, or when there are no won deals.
 * @throws {@link DealsError} for deals that are not valid (unless they come from {@link readDeals}).
 */
export function priceGuidance(deals: readonly Deal[] | GuidanceIndex, context: DealContext, options: GuidanceOptions = {}): PriceGuidance {
  const contextResult = DealContextSchema.safeParse(context);
  const optionsResult = GuidanceOptionsSchema.safeParse(options);
  const problems: Problem[] = [];
  if (!contextResult.success) problems.push(...problemsFromIssues(contextResult.error.issues, context, ['segment', 'region', 'family', 'quote']).map((p) => ({ ...p, path: p.path === '' ? 'context' : `context.${p.path}` })));
  if (!optionsResult.success) problems.push(...problemsFromIssues(optionsResult.error.issues, options, ['minDeals', 'winCurve', 'curvePoints', 'costRatio']).map((p) => ({ ...p, path: p.path === '' ? 'options' : `options.${p.path}` })));
  if (problems.length > 0 || !contextResult.success || !optionsResult.success) throw new GuidanceError(problems);
  const ctx = contextResult.data;
  const opts = optionsResult.data;
  const index = deals instanceof GuidanceIndex ? deals : new GuidanceIndex(deals);
  const minDeals = opts.minDeals ?? DEFAULT_MIN_DEALS;

  const backoff: CellCount[] = [];
  let used: CellData | undefined;
  for (let level = 0; level < 4; level++) {
    const data = cellsOf.get(index)!.get(keyOf(level, ctx.segment, ctx.region, ctx.family));
    backoff.push({ cell: cellOf(level, ctx), wonDeals: data?.won.length ?? 0, lostDeals: data?.lost.length ?? 0 });
    used = data;
    if (data !== undefined && data.won.length >= minDeals) break;
  }
  // The loop ends at level "all" when nothing had enough; it is the largest cell.
  const last = backoff[backoff.length - 1]!;
  if (used === undefined || used.won.length === 0) {
    throw new GuidanceError([{ path: '', message: `there are no won deals among the ${index.deals} deals given, so there is nothing to guide by` }]);
  }
  const floor = percentile(used.won, BAND_PERCENTILES.floor);
  const target = percentile(used.won, BAND_PERCENTILES.target);
  const stretch = percentile(used.won, BAND_PERCENTILES.stretch);

  let result: PriceGuidance = {
    cell: last.cell,
    wonDeals: last.wonDeals,
    lostDeals: last.lostDeals,
    minDeals,
    sufficient: last.wonDeals >= minDeals,
    backoff,
    floor,
    target,
    stretch,
    method: 'linear interpolation between closest ranks (Hyndman-Fan type 7)',
  };
  if (ctx.quote !== undefined) {
    const { list, net } = ctx.quote;
    const ratio = ratioOf(net, list);
    const position = ratio < floor ? 'below-floor' : ratio < target ? 'floor-to-target' : ratio <= stretch ? 'target-to-stretch' : 'above-stretch';
    result = {
      ...result,
      prices: { floor: amountAt(list, floor), target: amountAt(list, target), stretch: amountAt(list, stretch) },
      quote: { ratio, percentile: percentRank(used.won, ratio), approvalRequired: ratio < floor, position },
    };
  }
  if (opts.winCurve === true) result = { ...result, winCurve: winCurve(used, result, minDeals, opts.curvePoints ?? 11, opts.costRatio ?? 0, ctx.quote?.list) };
  return result;
}

/** list × ratio, rounded half-even to the list's decimal places (at least 2). */
function amountAt(list: string, ratio: number): string {
  const dot = list.indexOf('.');
  const places = Math.max(2, dot < 0 ? 0 : list.length - dot - 1);
  return roundTo(new Dec(list).times(ratio), places, 'half-even').toFixed(places);
}

function winCurve(cell: CellData, band: PriceGuidance, minDeals: number, count: number, costRatio: number, list: string | undefined): WinCurve {
  const deals = cell.won.length + cell.lost.length;
  if (cell.lost.length === 0) return { available: false, reason: 'the cell has no lost deals, so nothing shows where prices stop winning' };
  if (deals < minDeals) return { available: false, reason: `the cell has ${deals} won and lost deals; at least ${minDeals} are needed for a fit` };
  const fit = fitLogistic(cell.won, cell.lost);
  const pointAt = (ratio: number): WinCurvePoint => {
    const p = winProbability(fit, ratio);
    const point: WinCurvePoint = { ratio, winProbability: p, expectedMargin: p * (ratio - costRatio) };
    return list === undefined ? point : { ...point, net: amountAt(list, ratio) };
  };
  const points: WinCurvePoint[] = [];
  for (let i = 0; i < count; i++) points.push(pointAt(i === count - 1 ? band.stretch : band.floor + ((band.stretch - band.floor) * i) / (count - 1)));
  const best = points.reduce((a, b) => (b.expectedMargin > a.expectedMargin ? b : a));
  const atBand = { floor: pointAt(band.floor), target: pointAt(band.target), stretch: pointAt(band.stretch) };
  const curve = { available: true as const, intercept: fit.intercept, slope: fit.slope, deals, points, best, atBand, costRatio };
  return fit.slope >= 0 ? { ...curve, warning: 'the fit wins more often at higher prices: price is not what decided these deals, so the curve says little' } : curve;
}
