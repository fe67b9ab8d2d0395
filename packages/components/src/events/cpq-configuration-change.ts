import type { Configuration, PriceBreakdown } from '@cpq-kit/engine';

/** What `cpq-configuration-change` carries. */
export interface CpqConfigurationChangeDetail {
  /** The buyer's selections, as a configuration document. */
  readonly configuration: Configuration;
  /** The price of the configuration as it stands, when the catalog has prices and it can be priced. */
  readonly price: PriceBreakdown | undefined;
  /** Whether nothing is left to decide (exactly one valid configuration). */
  readonly complete: boolean;
  /**
   * Whether it can be ordered as it is: complete, and priced without problems (or the
   * catalog has no prices). A configurator never holds selections that break a rule.
   */
  readonly valid: boolean;
}

/**
 * Fired after every change the buyer makes (a choice, a repair, undo, completion, reset),
 * never when code sets a property. Bubbles and crosses shadow roots.
 */
export class CpqConfigurationChangeEvent extends Event {
  readonly detail: CpqConfigurationChangeDetail;

  constructor(detail: CpqConfigurationChangeDetail) {
    super('cpq-configuration-change', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cpq-configuration-change': CpqConfigurationChangeEvent;
  }
}
