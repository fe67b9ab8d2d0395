/**
 * `@cpq-kit/engine`: the catalog model, and (in later modules) configuration,
 * pricing and quotes. Pure TypeScript with no DOM and no globals at import, so the
 * same code gives the same answers in browsers, Node, workers and edge runtimes.
 *
 * @packageDocumentation
 */
export * from './catalog/schema.js';
export { loadCatalog, loadConfiguration, type LoadOptions } from './catalog/load.js';
export { catalogHash, CatalogError, ConfigurationError } from './catalog/checked.js';
export { canonicalJson, contentHash } from './internal/digest.js';
export { catalogWarnings, checkCatalog } from './catalog/validate.js';
export { checkConfiguration } from './catalog/check-configuration.js';
export { isChecked } from './catalog/checked.js';
export { localize } from './catalog/text.js';
export { pictureLayers, pictureViews, type ChosenLayer, type ShownView } from './catalog/picture.js';
export { catalogJsonSchema, configurationJsonSchema } from './catalog/json-schema.js';
export { ValidationError, formatProblem, formatPath, type Problem } from './internal/problems.js';
export type { JsonLimits } from './internal/json.js';
export { parseJson, type JsonResult } from './internal/json.js';
export * from './price/index.js';
export { importDimacs, importUvl, FormatError, type ImportedModel } from './formats/index.js';
export * from './configure/index.js';
export * from './quote/index.js';
export * from './subscription/index.js';
export * from './compare/index.js';
export * from './guidance/index.js';
export * from './recommend/index.js';
