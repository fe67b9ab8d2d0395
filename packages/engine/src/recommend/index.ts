/**
 * Recommendations: the package finder (`recommend`: questionnaire answers to ranked,
 * priced packages, or a hand-off to a person) and cross-sell (`suggest`: add-ons from
 * the catalog's rules and past deals, only what the valid domains allow).
 *
 * @module
 */
export {
  recommend,
  recommendTyped,
  checkAnswers,
  RecommendError,
  AnswersSchema,
  DEFAULT_RANK_TERM_MONTHS,
  type Answers,
  type Miss,
  type Reason,
  type ReasonValues,
  type RecommendedPackage,
  type PackagePrice,
  type TriggeredRule,
  type PackagesResult,
  type TriageResult,
  type Recommendation,
  type RecommendContext,
} from './recommend.js';
export { suggest, associations, itemsOf, SuggestOptionsSchema, SUGGEST_DEFAULTS, type Suggestion, type Association, type SuggestOptions } from './suggest.js';
export * from './schema.js';
