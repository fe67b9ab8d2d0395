/** What `cpq-load-error` carries. */
export interface CpqLoadErrorDetail {
  /** Why the product cannot be shown: the engine's or the network's message (English), as the element shows it. */
  readonly message: string;
}

/**
 * Fired once when a configurator cannot load its product: the catalog cannot be fetched
 * or is not valid, the product is unknown, the space does not fit. Loads that a newer one
 * replaced fire nothing. Bubbles and crosses shadow roots.
 */
export class CpqLoadErrorEvent extends Event {
  readonly detail: CpqLoadErrorDetail;

  constructor(detail: CpqLoadErrorDetail) {
    super('cpq-load-error', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cpq-load-error': CpqLoadErrorEvent;
  }
}
