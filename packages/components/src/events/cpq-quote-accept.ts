import type { Quote } from '@cpq-kit/engine';

/** What `cpq-quote-accept` carries: the quote document the buyer wants to go ahead with. */
export interface CpqQuoteAcceptDetail {
  /** The quote as shown, signature included; a server verifies it (`verifyQuote`) before it becomes an order. */
  readonly quote: Quote;
}

/**
 * Fired when the buyer accepts a stored quote (`<quote-summary>` showing a `quote`).
 * Fired on user action only; bubbles and crosses shadow roots.
 */
export class CpqQuoteAcceptEvent extends Event {
  readonly detail: CpqQuoteAcceptDetail;

  constructor(detail: CpqQuoteAcceptDetail) {
    super('cpq-quote-accept', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cpq-quote-accept': CpqQuoteAcceptEvent;
  }
}
