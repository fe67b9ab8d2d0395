/**
 * The engine's check of a guidance result (its zod schema), loaded when the element is
 * first given one: the schema library is most of what the check weighs.
 *
 * @module
 */
export { readPriceGuidance, PriceGuidanceError } from '@cpq-kit/engine';
