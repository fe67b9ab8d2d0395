import type { Configuration, PriceBreakdown } from '@cpq-kit/engine';

/** What `cpq-quote-request` carries: what a quote needs (the host creates and signs it, e.g. on its server). */
export interface CpqQuoteRequestDetail {
  readonly configuration: Configuration;
  /** The price shown to the buyer, for display; a server re-prices from the configuration. */
  readonly price: PriceBreakdown | undefined;
  /** The price request the configurator used: date, book or segment, currency, partner. */
  readonly context: Readonly<Record<string, unknown>>;
  /** The configuration as a share text. */
  readonly share: string;
}

/** Fired when the buyer asks for a quote. Bubbles and crosses shadow roots. */
export class CpqQuoteRequestEvent extends Event {
  readonly detail: CpqQuoteRequestDetail;

  constructor(detail: CpqQuoteRequestDetail) {
    super('cpq-quote-request', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cpq-quote-request': CpqQuoteRequestEvent;
  }
}
