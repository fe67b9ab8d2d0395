import type { ComparedItem } from '@cpq-kit/engine';

/** What `cpq-select` carries: the item the buyer chose, with its complete configuration. */
export interface CpqSelectDetail {
  readonly item: ComparedItem;
}

/**
 * Fired when the buyer chooses an item (a comparison column's "Choose" button), e.g.
 * to open the configurator on `detail.item.configuration`. Fired on user action
 * only; bubbles and crosses shadow roots.
 */
export class CpqSelectEvent extends Event {
  readonly detail: CpqSelectDetail;

  constructor(detail: CpqSelectDetail) {
    super('cpq-select', { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cpq-select': CpqSelectEvent;
  }
}
