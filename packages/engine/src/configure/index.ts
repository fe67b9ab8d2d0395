export { compile, CompileError, AUTO_BDD_BUDGET, AUTO_DDNNF_FEATURES, type CompileOptions, type CompiledProduct, type SpaceForm } from './compile.js';
export { compileOnDemand, loadDdnnfCompiler } from './compile-on-demand.js';
export { CompilerNotLoadedError } from './compile-core.js';
export {
  ConfigurationSession,
  SessionCore,
  explainDecision,
  makeDecisionAvailable,
  SelectionError,
  domainsOf,
  type ValidDomain,
  type Decision,
  type Explanation,
  type ResolvedConflict,
} from './session.js';
export { violatedRules, conditionHolds } from './evaluate.js';
export type { Encoding, VariableInfo, Formula, Constraint } from './encode.js';
export { BddSpace, CAN_BE_FALSE, CAN_BE_TRUE, type Assignment, type SolutionSpace } from './space.js';
export { DdnnfSpace, GraphError } from './ddnnf-space.js';
export {
  saveSpace,
  loadSpace,
  loadPrecompiled,
  compileOrLoad,
  SpaceError,
  SPACE_FORMAT_VERSION,
  type LoadSpaceOptions,
} from './precompiled.js';
export { PrecompiledSpaceSchema, type PrecompiledSpace } from './space-schema.js';
