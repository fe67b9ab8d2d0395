/**
 * Compiling for pages: the BDD here, the decision-DNNF compiler (clauses, search,
 * elimination order) loaded on first use. Not in `compile.ts`, which imports that
 * compiler for `compile`.
 */
import type { Catalog } from '../catalog/schema.js';
import { isTask, startCompile, type CompiledProduct, type CompileOptions } from './compile-core.js';

/**
 * Compiles as `compile` does, loading the decision-DNNF compiler only when the product
 * needs it (a feature model, a product too large for a BDD, or `form: 'ddnnf'`): a page
 * that compiles small products never loads it.
 */
export async function compileOnDemand(catalog: Catalog, options: CompileOptions = {}): Promise<CompiledProduct> {
  const done = startCompile(catalog, options);
  if (!isTask(done)) return done;
  const { finishDdnnf } = await import('./compile-ddnnf.js');
  return finishDdnnf(done);
}
