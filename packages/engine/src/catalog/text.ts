import type { LocalText } from './schema.js';

/**
 * Picks the text for a locale: the exact tag, then its language (`de-AT` -> `de`),
 * then the fallback locale (the catalog's default), then the first text given.
 * The result is plain text; render it as text, never as HTML.
 */
export function localize(text: LocalText | undefined, locale: string, fallback?: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const lookup = (tag: string): string | undefined => (Object.hasOwn(text, tag) ? text[tag] : undefined);
  const language = locale.split('-')[0] ?? locale;
  return (
    lookup(locale) ??
    lookup(language) ??
    (fallback === undefined ? undefined : lookup(fallback)) ??
    Object.values(text)[0] ??
    ''
  );
}
