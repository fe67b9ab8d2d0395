/**
 * The decision-DNNF route of compiling: the product's clauses, the search that compiles
 * them, and for a product without configurations the rules that conflict. A module of
 * its own (with `cnf.ts`, `ddnnf.ts` and `elimination.ts`), so that a page loads it
 * only when a product needs it (`compileOnDemand`).
 */
import type { Encoding } from './encode.js';
import { onlyClauses, toCnf, type Cnf } from './cnf.js';
import { CompileError, limitError, noConfiguration, provideDdnnf, type CompiledProduct, type DdnnfTask } from './compile-core.js';
import { compileDdnnf, hasModel } from './ddnnf.js';
import { provideClauseChecks } from './explain.js';
import { clauseChecks } from './explain-clauses.js';

/** Compiles a product's decision-DNNF, where {@link startCompile} left off. @internal */
export function finishDdnnf(task: DdnnfTask): CompiledProduct {
  const { catalog, product, encoding, levelOf, deadline, options } = task;
  // Explanations of a decision-DNNF product search its clauses: the same search.
  provideClauseChecks(clauseChecks);
  provideDdnnf(finishDdnnf);
  try {
    const cnf = toCnf(encoding, levelOf, options.nodeLimit);
    const space = compileDdnnf(cnf, { deadline, ...(options.nodeLimit === undefined ? {} : { sizeLimit: options.nodeLimit }) });
    if (space.root === 0) {
      const conflict = minimalConflictOfClauses(cnf, encoding);
      throw new CompileError(noConfiguration(product.id, conflict), conflict);
    }
    return { catalog, product, encoding, space };
  } catch (error) {
    return limitError(product.id, options, error);
  }
}

/**
 * For a product without configurations, compiled as clauses: a minimal set of rules
 * whose clauses (with the attributes' structure) have no model, by deletion, each
 * check a search that stops at the first model.
 */
function minimalConflictOfClauses(cnf: Cnf, encoding: Encoding): string[] {
  const ruleOf = (clause: number) => encoding.constraints[cnf.source[clause]!]!.rule;
  const satisfiable = (rules: ReadonlySet<string>) => {
    const keep = (clause: number) => {
      const rule = ruleOf(clause);
      return rule === undefined || rules.has(rule);
    };
    return hasModel(onlyClauses(cnf, keep));
  };
  let kept = new Set(encoding.constraints.flatMap((c) => (c.rule === undefined ? [] : [c.rule])));
  if (satisfiable(new Set())) {
    for (const candidate of [...kept]) {
      const without = new Set([...kept].filter((r) => r !== candidate));
      if (!satisfiable(without)) kept = without;
    }
    return [...kept];
  }
  return [];
}

