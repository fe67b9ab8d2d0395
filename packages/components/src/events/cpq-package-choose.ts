import type { Configuration, RecommendedPackage } from '@cpq-kit/engine';

/** What `cpq-package-choose` carries: the recommended package and its complete, valid configuration. */
export interface CpqPackageChooseDetail {
  readonly package: RecommendedPackage;
  readonly configuration: Configuration;
}

/**
 * Fired when the buyer chooses a recommended package ("Choose this"), e.g. to open
 * the configurator on `detail.configuration`. Fired on user action only; bubbles and
 * crosses shadow roots.
 */
export class CpqPackageChooseEvent extends Event {
  readonly detail: CpqPackageChooseDetail;

  constructor(detail: CpqPackageChooseDetail) {
    super('cpq-package-choose', { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cpq-package-choose': CpqPackageChooseEvent;
  }
}
