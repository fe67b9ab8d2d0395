/**
 * Explanations on a decision-DNNF product: each check is a search over the clauses of
 * the structure and some rules, with the buyer's literals as unit clauses, that stops at
 * the first model. Loaded with the decision-DNNF (it is the compiler's search), so a
 * page with a BDD product never loads it.
 */
import { negative, onlyClauses, positive, toCnf, withUnits, type Cnf } from './cnf.js';
import { hasModel } from './ddnnf.js';
import { eliminationRank } from './elimination.js';
import type { ClauseChecks } from './explain.js';

/** Whether the literals, the structure and these rules (indexes into `ruleIds`) cannot all hold. @internal */
export const clauseChecks: ClauseChecks = (compiled, levelOf, ruleIds) => {
  const { encoding } = compiled;
  let clauses: Cnf | undefined;
  /** The decision order of all the clauses, for every check over a part of them. */
  let rank: Int32Array | undefined;
  return (literals, rules) => {
    const all = (clauses ??= toCnf(encoding, levelOf));
    const wanted = new Set(rules.map((r) => ruleIds[r]!));
    const kept = onlyClauses(all, (c) => {
      const rule = encoding.constraints[all.source[c]!]!.rule;
      return rule === undefined || wanted.has(rule);
    });
    // One decision order for every check: the rank of all the clauses (each check keeps a part).
    rank ??= eliminationRank(all.variables, all.literals, all.start);
    return !hasModel(withUnits(kept, literals.map((l) => (l.value === 1 ? positive(l.variable) : negative(l.variable)))), { rank });
  };
};
