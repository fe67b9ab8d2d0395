/**
 * The shape of price guidance: what `priceGuidance` answers, and what a page reads back
 * from a server (the deals stay there) to show it in `<price-guidance>`. Types are
 * inferred from these schemas, and `readPriceGuidance` checks an answer with them.
 *
 * @module
 */
import * as z from 'zod/mini';
import { parseJson, type JsonLimits } from '../internal/json.js';
import { ValidationError, type Problem } from '../internal/problems.js';
import { problemsFromIssues } from '../internal/zod-problems.js';
import { AmountSchema } from '../price/values.js';

const ratio = z.number().check(z.minimum(0));
const count = z.int().check(z.minimum(0));

/**
 * How specific a cell is. The back-off drops region first, then product family, then
 * segment: a segment's price level usually carries across regions, and across its
 * product families more than another segment's does.
 */
export const CellLevelSchema = z.enum(['segment-region-family', 'segment-family', 'segment', 'all']);
export type CellLevel = z.infer<typeof CellLevelSchema>;

/** A cell of past deals: the fields it is defined by (a dropped field is absent) and its level. */
export const GuidanceCellSchema = z.strictObject({
  level: CellLevelSchema,
  segment: z.optional(z.string()),
  region: z.optional(z.string()),
  family: z.optional(z.string()),
});
export type GuidanceCell = z.infer<typeof GuidanceCellSchema>;

/** A cell looked at during the back-off, and how many won and lost deals it has. */
export const CellCountSchema = z.strictObject({ cell: GuidanceCellSchema, wonDeals: count, lostDeals: count });
export type CellCount = z.infer<typeof CellCountSchema>;

/** The current quote against the band. */
export const QuoteScoreSchema = z.strictObject({
  /** The quote's net ÷ list. */
  ratio,
  /** Its percent rank among the cell's won deals, 0–100 (equal ratios count half). */
  percentile: z.number().check(z.minimum(0), z.maximum(100)),
  /** True when the ratio is below the floor: a discount deeper than three quarters of won deals got. */
  approvalRequired: z.boolean(),
  /** Which part of the band the quote is in. */
  position: z.enum(['below-floor', 'floor-to-target', 'target-to-stretch', 'above-stretch']),
});
export type QuoteScore = z.infer<typeof QuoteScoreSchema>;

/** A point of the win curve: a price (as net ÷ list and, with a quote, as an amount) and what the model expects there. */
export const WinCurvePointSchema = z.strictObject({
  ratio,
  /** list × ratio at the list's decimal places (at least 2), when a quote was given. */
  net: z.optional(AmountSchema),
  /** The fitted probability of winning at this price. */
  winProbability: z.number().check(z.minimum(0), z.maximum(1)),
  /** winProbability × (ratio − costRatio): expected margin per unit of list (expected revenue when costRatio is 0). */
  expectedMargin: z.number(),
});
export type WinCurvePoint = z.infer<typeof WinCurvePointSchema>;

/** The optional win-probability curve: a logistic model fitted on the cell's won and lost deals. */
export const WinCurveSchema = z.discriminatedUnion('available', [
  z.strictObject({
    available: z.literal(true),
    /** P(won) = 1 / (1 + e^−(intercept + slope · ratio)). */
    intercept: z.number(),
    slope: z.number(),
    /** Won and lost deals the model was fitted on. */
    deals: count,
    /** Points from floor to stretch, evenly spaced. */
    points: z.array(WinCurvePointSchema),
    /** The point with the highest expected margin. */
    best: WinCurvePointSchema,
    /** The model at the band itself: floor, target and stretch (the target is rarely one of `points`). */
    atBand: z.strictObject({ floor: WinCurvePointSchema, target: WinCurvePointSchema, stretch: WinCurvePointSchema }),
    /** The `costRatio` the expected margins are net of (0: they are expected revenue). */
    costRatio: z.number(),
    /** Set when the fit contradicts the usual price response (winning more at higher prices): treat the curve with suspicion. */
    warning: z.optional(z.string()),
  }),
  z.strictObject({ available: z.literal(false), reason: z.string() }),
]);
export type WinCurve = z.infer<typeof WinCurveSchema>;

/** The guidance for one deal: the band, where it comes from, and the quote's standing. */
export const PriceGuidanceSchema = z.strictObject({
  /** The cell whose won deals gave the band. */
  cell: GuidanceCellSchema,
  /** Won deals in that cell (the band is their percentiles). */
  wonDeals: count,
  /** Lost deals in that cell (used only by the win curve). */
  lostDeals: count,
  /** The `minDeals` used. */
  minDeals: count,
  /** False when no cell had `minDeals` won deals, so the band comes from all deals and is thin. */
  sufficient: z.boolean(),
  /** Every cell looked at, most specific first, ending with the one used. */
  backoff: z.array(CellCountSchema).check(z.minLength(1, 'names at least the cell used')),
  /** 25th percentile of net ÷ list over the cell's won deals. */
  floor: ratio,
  /** 50th percentile (median). */
  target: ratio,
  /** 75th percentile. */
  stretch: ratio,
  /** How the percentiles are computed. */
  method: z.literal('linear interpolation between closest ranks (Hyndman-Fan type 7)'),
  /** The band as net amounts for the quote's list (list × ratio at the list's decimals, at least 2), when a quote was given. */
  prices: z.optional(z.strictObject({ floor: AmountSchema, target: AmountSchema, stretch: AmountSchema })),
  /** The quote's score, when a quote was given. */
  quote: z.optional(QuoteScoreSchema),
  /** The win curve, when `winCurve: true` was asked for. */
  winCurve: z.optional(WinCurveSchema),
});
export type PriceGuidance = z.infer<typeof PriceGuidanceSchema>;

/** Price guidance (e.g. a server's answer) that is not what `priceGuidance` gives; `problems` say where. */
export class PriceGuidanceError extends ValidationError {
  constructor(problems: readonly Problem[]) {
    super('The price guidance', problems);
    this.name = 'PriceGuidanceError';
  }
}

/**
 * Checks price guidance read back from elsewhere (JSON text, read strictly, or a parsed
 * value), e.g. a server's answer to `POST /guidance`, and returns it typed; throws a
 * {@link PriceGuidanceError} naming the path of every problem.
 */
export function readPriceGuidance(input: unknown, limits: JsonLimits = {}): PriceGuidance {
  let value = input;
  if (typeof input === 'string') {
    const document = parseJson(input, limits);
    if (!document.ok) throw new PriceGuidanceError(document.problems);
    value = document.value;
  }
  const parsed = z.safeParse(PriceGuidanceSchema, value);
  if (!parsed.success) throw new PriceGuidanceError(problemsFromIssues(parsed.error.issues, value, Object.keys(PriceGuidanceSchema.shape)));
  return parsed.data;
}
