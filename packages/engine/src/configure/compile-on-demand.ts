/**
 * Compiling for pages: the BDD here, the decision-DNNF compiler (clauses, search,
 * elimination order) loaded on first use. Not in `compile.ts`, which imports that
 * compiler for `compile`.
 */
import type { Catalog } from '../catalog/schema.js';
import { isTask, provideDdnnf, startCompile, type CompiledProduct, type CompileOptions, type DdnnfRoute } from './compile-core.js';

/**
 * Compiles as `compile` does, loading the decision-DNNF compiler only when the product
 * needs it (a feature model, a product too large for a BDD, or `form: 'ddnnf'`): a page
 * that compiles small products never loads it.
 */
export async function compileOnDemand(catalog: Catalog, options: CompileOptions = {}): Promise<CompiledProduct> {
  const done = startCompile(catalog, options);
  if (!isTask(done)) return done;
  await loadDdnnfCompiler();
  return loadedDdnnf!(done);
}

let loadedDdnnf: DdnnfRoute | undefined;

/**
 * Loads the decision-DNNF compiler (on first use; a page that never needs it never
 * loads it), so that what compiles with what is loaded has it from now on: a
 * `compareTyped` or `recommendTyped` that threw a {@link CompilerNotLoadedError}
 * succeeds when asked again.
 */
export async function loadDdnnfCompiler(): Promise<void> {
  if (loadedDdnnf) return;
  ({ finishDdnnf: loadedDdnnf } = await import('./compile-ddnnf.js'));
  provideDdnnf(loadedDdnnf);
}
