import type { Answers, Recommendation } from '@cpq-kit/engine';

/**
 * What `cpq-finder-handoff` carries: every answer the buyer gave, and the
 * recommendation shown (a triage result says why a person takes over), so nobody
 * has to ask again. `result` is absent when the buyer asks before any was shown.
 */
export interface CpqFinderHandoffDetail {
  readonly answers: Answers;
  readonly result?: Recommendation;
}

/**
 * Fired when the buyer asks to talk to an expert from the package finder. Not
 * `cpq-handoff-request`: that one carries a configuration session's payload, and
 * the finder has answers, not a configuration. Fired on user action only; bubbles
 * and crosses shadow roots.
 */
export class CpqFinderHandoffEvent extends Event {
  readonly detail: CpqFinderHandoffDetail;

  constructor(detail: CpqFinderHandoffDetail) {
    super('cpq-finder-handoff', { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cpq-finder-handoff': CpqFinderHandoffEvent;
  }
}
