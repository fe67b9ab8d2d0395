// A module of its own so that bundlers split explanations (the rules built again as
// diagrams of their own, the search for a minimal set of them) into a chunk that loads on
// the buyer's first conflict (see product-configurator.component.ts, #choose), with the
// panel that shows them.
export { explainDecision, makeDecisionAvailable } from '@cpq-kit/engine';
export { conflictPanel, conflictSentence, repairedNote } from './conflict-panel.js';
