import type { Configuration, PriceBreakdown } from '@cpq-kit/engine';

/** What `cpq-load` carries. */
export interface CpqLoadDetail {
  /** The id of the product shown. */
  readonly product: string;
  /** The configuration it starts from (what no longer fitted is left out). */
  readonly configuration: Configuration;
  /** Its price, when the catalog has prices and it can be priced. */
  readonly price: PriceBreakdown | undefined;
  /** Whether nothing is left to decide. */
  readonly complete: boolean;
  /** Whether it can be ordered as it is: complete, and priced without problems (or the catalog has no prices). */
  readonly valid: boolean;
}

/**
 * Fired once each time a configurator has loaded its product and rendered it: the first
 * time, and after each reload its catalog, `src`, `product`, space or `configuration`
 * cause. Not for the buyer's actions (those fire `cpq-configuration-change`).
 * Bubbles and crosses shadow roots.
 */
export class CpqLoadEvent extends Event {
  readonly detail: CpqLoadDetail;

  constructor(detail: CpqLoadDetail) {
    super('cpq-load', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cpq-load': CpqLoadEvent;
  }
}
