/**
 * Subscriptions over time: ramp deals (a term in segments with their own quantities and
 * uplift), amendments (a change inside the term, prorated to its end) and renewals (the
 * next term with the book's renewal uplift). Built on `price()`: every segment, state and
 * renewal is an ordinary price request with its waterfall.
 *
 * @module
 */
export { priceRamp, checkRamp, type RampBreakdown, type RampSegmentPrice } from './ramp.js';
export { priceAmendment, AmendmentRequestSchema, type Amendment, type AmendmentLine, type AmendmentRequest } from './amend.js';
export { renewal, renewalUplift, nextTermStart, type RenewalOptions } from './renew.js';
export { RampSchema, RampSegmentSchema, ProrationSchema, type Ramp, type RampSegment, type Proration } from './schema.js';
export { addMonths, daysBetween, monthsElapsed } from './dates.js';
