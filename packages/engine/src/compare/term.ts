/**
 * The term a comparison counts the total cost of ownership over, apart from the schemas
 * so that `compareTyped` checks it without loading them.
 *
 * @module
 */

/** The term of the total cost of ownership when none is given: three years, a common planning horizon for equipment and subscriptions. */
export const DEFAULT_TERM_MONTHS = 36;

/** The longest term a comparison takes: a hundred years. */
export const MAX_TERM_MONTHS = 1200;
