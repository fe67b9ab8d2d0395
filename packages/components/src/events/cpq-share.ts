/** What `cpq-share` carries. */
export interface CpqShareDetail {
  /** The configuration as a compact, versioned share text. */
  readonly code: string;
  /** The current page with the code in its `#config=` fragment. */
  readonly link: string;
}

/**
 * Fired when the buyer asks for a share link. Cancelable: unless the host calls
 * `preventDefault()`, the configurator copies the link to the clipboard and says so.
 * Bubbles and crosses shadow roots.
 */
export class CpqShareEvent extends Event {
  readonly detail: CpqShareDetail;

  constructor(detail: CpqShareDetail) {
    super('cpq-share', { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cpq-share': CpqShareEvent;
  }
}
