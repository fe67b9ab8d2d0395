/**
 * A configuration session with explanations: {@link SessionCore} (`session-core.ts`) and
 * why a value is unavailable, which rules stand in the way and the fewest decisions to
 * take back ({@link ConfigurationSession.explain}, {@link ConfigurationSession.makeAvailable}).
 * The rules are built again as diagrams of their own for that (`explain.ts`), code a page
 * loads on a buyer's first conflict: {@link explainDecision} and
 * {@link makeDecisionAvailable} explain for a `SessionCore`.
 */
import type { SelectionValue } from '../catalog/schema.js';
import { ruleDiagrams } from './explain.js';
import { run, SelectionError, SessionCore, type Decision, type Explanation } from './session-core.js';

// The functions below are the session's own methods that moved out of the class so that
// its explanations can load apart; they use its private parts as its methods did
// (TypeScript allows `session['member']` for that), which stay out of the API.

export * from './session-core.js';

/**
 * A configuration session: the buyer's selections over a compiled product, and after
 * every change the valid domain of every attribute; with explanations of what is not
 * available and the repair that makes it so (see {@link SessionCore} for a page that
 * loads those on first use).
 */
export class ConfigurationSession extends SessionCore {
  /**
   * Why a value is not available (or that it is): the current decisions and the rules
   * that exclude it, and the fewest decisions to take back to make it available.
   */
  explain(wanted: Decision): Explanation {
    return explainDecision(this, wanted);
  }

  /**
   * Makes a value available and chooses it, in one step: takes back the decisions of
   * {@link explain}'s repair, then selects (or declines) the value. One undo step
   * restores everything. Throws a {@link SelectionError} when no change of decisions
   * can make it available. Returns the explanation that was applied.
   */
  makeAvailable(wanted: Decision): Explanation {
    return makeDecisionAvailable(this, wanted);
  }
}

/**
 * Why a value is not available (or that it is): the current decisions and the rules
 * that exclude it, and the fewest decisions to take back to make it available.
 * {@link ConfigurationSession.explain} for a {@link SessionCore}.
 */
export function explainDecision(session: SessionCore, wanted: Decision): Explanation {
  const found = run(session['inTheWay'](wanted));
  if (found.available) return { wanted, available: true, conflicting: [], rules: [], repair: [] };
  const diagrams = ruleDiagrams(session.compiled);
  const { target, opposite, others, conflicting } = found;
  if (!conflicting) {
    return { wanted, available: false, conflicting: [], rules: diagrams.minimalRules([target]), repair: undefined };
  }
  // Repair: one shortest-path pass. Each decision weighs more than all tie-breaks
  // together, so fewer decisions always win; among equals, older decisions weigh more.
  const weight = new Float64Array(session.compiled.encoding.variables.length);
  const unit = others.length * others.length + 1;
  others.forEach((d, age) => (weight[d.variable] = unit + (others.length - age)));
  weight[target.variable] = Infinity;
  const given = session.compiled.space.cheapestRelaxation(session['literalAssignment']([target, ...others]), weight)!;
  const repair = [...opposite, ...others.filter((d) => given.includes(d.variable))].map((d) => d.decision);
  return {
    wanted,
    available: false,
    conflicting: conflicting.map((d) => d.decision),
    rules: diagrams.minimalRules([target, ...conflicting]),
    repair,
  };
}

/**
 * Makes a value available and chooses it, in one step: takes back the decisions of
 * {@link explainDecision}'s repair, then selects (or declines) the value. One undo step
 * restores everything. Throws a {@link SelectionError} when no change of decisions
 * can make it available. Returns the explanation that was applied.
 * {@link ConfigurationSession.makeAvailable} for a {@link SessionCore}.
 */
export function makeDecisionAvailable(session: SessionCore, wanted: Decision): Explanation {
  const explanation = explainDecision(session, wanted);
  if (explanation.repair === undefined) {
    const because = explanation.rules.length > 0 ? ` (rules ${explanation.rules.join(', ')})` : '';
    throw new SelectionError(`${wanted.attribute} = ${JSON.stringify(wanted.value)} is excluded in every configuration${because}`, wanted.attribute, wanted.value as SelectionValue);
  }
  const edit = session['edit']();
  for (const decision of explanation.repair) edit.remove(decision);
  edit.add(wanted);
  const resolved = explanation.available ? session.resolved : [...session.resolved, { wanted, gaveUp: explanation.repair, rules: explanation.rules }];
  session['apply'](edit, wanted.attribute, wanted.value as SelectionValue, resolved);
  return explanation;
}
