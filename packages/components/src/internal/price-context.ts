import type { PriceContext } from '@cpq-kit/engine';

/** The price attributes elements share: `price-book`, `segment`, `currency`, `partner`, `price-date`. */
export interface PriceSettings {
  readonly priceBook: string;
  readonly segment: string;
  readonly currency: string;
  readonly partner?: string;
  readonly priceDate: string;
}

/** The day, in the reader's time zone, as the engine writes dates. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The price request an element's attributes make: a price book wins over a segment; the date defaults to today. */
export function priceContext(settings: PriceSettings): PriceContext {
  const context: { -readonly [K in keyof PriceContext]: PriceContext[K] } = { date: settings.priceDate || today() };
  if (settings.priceBook) context.book = settings.priceBook;
  else if (settings.segment) context.segment = settings.segment;
  if (settings.currency) context.currency = settings.currency;
  if (settings.partner) context.partner = settings.partner;
  return context;
}
