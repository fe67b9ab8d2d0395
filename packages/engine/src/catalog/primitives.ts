/**
 * The building blocks every schema shares: ids, locales, currencies and localised
 * text. In a module of their own so that the catalog schema and the pricing schema
 * (which the catalog schema includes) can both use them without an import cycle.
 *
 * @module
 */
import * as z from 'zod/mini';
import { RESERVED_KEYS } from '../internal/read-json.js';

/** The pattern of an id, for building patterns of references made of ids. */
export const ID_SOURCE = '[A-Za-z0-9_][A-Za-z0-9_.-]*';
const ID_PATTERN = new RegExp(`^${ID_SOURCE}$`);

/**
 * An identifier for a product, attribute, option, section, rule or spec:
 * letters, digits, `_`, `-` and `.`; no `:` (it separates attribute and option in
 * references such as `"display:d65"`).
 */
export const IdSchema = z.string().check(
  z.minLength(1, 'must not be empty'),
  z.maxLength(128, 'must be at most 128 characters'),
  z.regex(ID_PATTERN, 'must use only letters, digits, "_", "-" and ".", and start with a letter, digit or "_"'),
  z.refine((id) => !RESERVED_KEYS.includes(id), 'is a reserved word and cannot be an id'),
  z.describe('An id: letters, digits, "_", "-" and "."; unique within its list.'),
);

/** A BCP 47 language tag such as `en`, `de` or `fr-CH`. */
export const LocaleSchema = z.string().check(
  z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en", "de" or "fr-CH"'),
  z.describe('A BCP 47 language tag such as "en", "de" or "fr-CH".'),
);

/** An ISO 4217 currency code such as `EUR`; checked against `Intl` when loading. */
export const CurrencySchema = z.string().check(
  z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as "EUR" or "USD"'),
  z.describe('An ISO 4217 currency code such as "EUR".'),
);

/**
 * Text a person reads: either one string, or one string per locale
 * (`{ "en": "Display", "de": "Bildschirm" }`, which must include the catalog's
 * default locale). Always data, never markup.
 */
export const LocalTextSchema = z.union([
  z.string(),
  z.record(LocaleSchema, z.string()),
]).check(z.describe('Text: a string, or an object with one string per locale, e.g. {"en": "Display", "de": "Bildschirm"}.'));
