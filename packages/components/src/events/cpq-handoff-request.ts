import type { HandoffPayload } from '@cpq-kit/engine';

/** What `cpq-handoff-request` carries: who should take over, and everything they need. */
export interface CpqHandoffRequestDetail {
  /** `expert`: "talk to an expert"; `reseller`: "buy at a reseller". */
  readonly to: 'expert' | 'reseller';
  readonly payload: HandoffPayload;
}

/** Fired when the buyer asks a person to take over. Bubbles and crosses shadow roots. */
export class CpqHandoffRequestEvent extends Event {
  readonly detail: CpqHandoffRequestDetail;

  constructor(detail: CpqHandoffRequestDetail) {
    super('cpq-handoff-request', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cpq-handoff-request': CpqHandoffRequestEvent;
  }
}
