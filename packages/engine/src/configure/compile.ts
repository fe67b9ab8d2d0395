/**
 * Compiles a catalog product into its solution space: every valid configuration, as
 * one graph, a BDD or a decision-DNNF. Done once per product (or ahead of time);
 * afterwards every click is a linear pass over arrays.
 *
 * `compile` has both forms' compilers; `compileOnDemand` (`compile-on-demand.ts`, for
 * pages) loads the decision-DNNF's on first use.
 */
import type { Catalog } from '../catalog/schema.js';
import { provideDdnnf, startCompile, type CompiledProduct, type CompileOptions } from './compile-core.js';
import { finishDdnnf } from './compile-ddnnf.js';

export { CompileError, AUTO_BDD_BUDGET, AUTO_DDNNF_FEATURES, type CompileOptions, type CompiledProduct, type SpaceForm } from './compile-core.js';

// Whoever loads `compile` has the decision-DNNF route: code that compiles with what is loaded (share links) uses it too.
provideDdnnf(finishDdnnf);

export function compile(catalog: Catalog, options: CompileOptions = {}): CompiledProduct {
  return startCompile(catalog, options, finishDdnnf) as CompiledProduct;
}
