/**
 * Subscriptions over time, as `zod/mini` schemas: a ramp deal's segments, and a change
 * to a running subscription (an amendment). Types are inferred.
 *
 * @module
 */
import * as z from 'zod/mini';
import { IdSchema, LocalTextSchema } from '../catalog/primitives.js';
import { SelectionValueSchema } from '../catalog/schema.js';
import { count, DateSchema, PercentSchema } from '../price/values.js';

/** One segment of a ramp: its months, what changes from it on, and its uplift. */
export const RampSegmentSchema = z.strictObject({
  /** What the buyer calls it, e.g. "Year 1"; default "Months 1–12". */
  name: z.optional(LocalTextSchema),
  months: count,
  /** Selections that change from this segment on (usually quantities), over the previous segment's: {"seats": 200}. */
  selections: z.optional(z.record(IdSchema, SelectionValueSchema)),
  /** This segment's price increase on recurring charges over the previous segment's, in percent; default the ramp's `upliftPercent`. */
  upliftPercent: z.optional(PercentSchema),
});

/**
 * A ramp deal: a term split into segments (year 1, 2, 3) with their own quantities and
 * prices. "120 seats in year 1, 200 from year 2, +5 % a year" is three segments of 12
 * months, `{"seats": 200}` in the second, and `"upliftPercent": "5"`.
 */
export const RampSchema = z.strictObject({
  segments: z.array(RampSegmentSchema).check(z.minLength(1, 'give at least one segment')),
  /** Every segment after the first costs this percent more than the one before (recurring charges, compounded); default none. */
  upliftPercent: z.optional(PercentSchema),
});

/** How a change inside a term is prorated: by the days left of the term, or by its months left (a started month counts whole). */
export const ProrationSchema = z.enum(['day', 'month']);

export type RampSegment = z.infer<typeof RampSegmentSchema>;
export type Ramp = z.input<typeof RampSchema>;
export type Proration = z.infer<typeof ProrationSchema>;
