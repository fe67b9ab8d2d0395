/**
 * The values prices are made of (amounts, percentages, dates, item references), on
 * their own so that checking a price request does not load the price-book schema.
 */
import * as z from 'zod/mini';
import { ID_SOURCE as ID } from '../catalog/primitives.js';

/** An amount of money, written as text so it stays exact: "129.00", "0.0035". */
export const AmountSchema = z.string().check(
  z.regex(/^\d+(\.\d{1,12})?$/, 'must be an amount written as text with at most 12 decimals, e.g. "129.00"'),
  z.describe('An amount written as text so that it stays exact, e.g. "129.00".'),
);

/** A signed number written as text, for adjustments: "-8" (8 below), "+5" or "5" (5 above). */
export const SignedDecimalSchema = z.string().check(
  z.regex(/^[+-]?\d+(\.\d{1,12})?$/, 'must be a number written as text with at most 12 decimals, e.g. "-8" or "2.5"'),
  z.describe('A signed number written as text, e.g. "-8" (lower) or "5" (higher).'),
);

/** A percentage written as text: "8", "12.5". */
export const PercentSchema = z.string().check(
  z.regex(/^\d+(\.\d{1,12})?$/, 'must be a percentage written as text with at most 12 decimals, e.g. "8" or "12.5"'),
  z.describe('A percentage written as text, e.g. "8" or "12.5".'),
);

/** A calendar day, "2026-11-20". */
export const DateSchema = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as "2026-11-20"'),
  z.describe('A calendar day: "YYYY-MM-DD".'),
);

/**
 * What a price is for: a product (`"meeting-room"`), a boolean or quantity attribute
 * of it (`"meeting-room/table-mics"`) or an option (`"meeting-room/display:d86"`).
 */
export const ItemSchema = z.string().check(
  z.regex(new RegExp(`^${ID}(/${ID}(:${ID})?)?$`), 'must name a product, "product/attribute" or "product/attribute:option"'),
  z.describe('A priced item: "product", "product/attribute" or "product/attribute:option".'),
);

/** A buyer segment a price book is for: "smb", "enterprise", "partner:northwind". */
export const AudienceSchema = z.string().check(
  z.regex(new RegExp(`^${ID}(:${ID})?$`), 'must be a segment such as "smb", "enterprise" or "partner:northwind"'),
  z.describe('A segment: "smb", "enterprise", "partner:<id>".'),
);

/** A whole number of at least 1: quantities, months. */
export const count = z.int().check(z.minimum(1));

/**
 * Where tax is worked out: `document` (the default) on the sum of each tax rate's lines of
 * each kind of charge, rounded once per rate; `line` on each line, rounded per line, then
 * added up (as some tax authorities and ERPs do: three lines of 0.99 at 19% are 0.57 of
 * tax per line, 0.56 on the sum).
 */
export const TaxCalculationSchema = z.enum(['document', 'line']);
