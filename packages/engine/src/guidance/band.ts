/**
 * The band's percentiles, apart from the guidance code: `<price-guidance>` labels its
 * points with them without loading how guidance is worked out.
 *
 * @module
 */

/** The percentiles of net ÷ list that make the band: floor, target, stretch. */
export const BAND_PERCENTILES = { floor: 25, target: 50, stretch: 75 } as const;
