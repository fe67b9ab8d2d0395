/**
 * The catalog's questionnaire: a short needs form whose answers turn into
 * requirements on the products (specs to meet, selections that must be possible)
 * and triage rules that hand a buyer over to a person. Shape only; the references
 * are checked against the whole catalog in `validate.ts`.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ID_SOURCE, IdSchema, LocalTextSchema } from '../catalog/primitives.js';

/** A number in a requirement: a constant, or `"answer"` for the number the buyer answered. */
export const NeedNumberSchema = z.union([z.number(), z.literal('answer')]);

/**
 * A requirement on a product spec: the package's value (its product's specs plus
 * what its selections bring, as comparisons combine them) is at least, at most or
 * exactly a value, or, for a text listing values ("EU, CH, US"), includes one.
 */
export const SpecNeedSchema = z.strictObject({
  spec: IdSchema,
  atLeast: z.optional(NeedNumberSchema),
  atMost: z.optional(NeedNumberSchema),
  equals: z.optional(z.union([z.number(), z.boolean(), z.string()])),
  /** For a text spec: one of its comma-separated values, e.g. "CH" in "EU, CH, US". */
  includes: z.optional(z.string()),
});

/**
 * A selection the package must allow, which it then takes: `"webinar"` (a boolean
 * on), `"billing:annual"` (an option), or a quantity, exact (`quantity`) or the
 * smallest allowed one from a number up (`atLeast`, e.g. 40 users on a product
 * sold from 50). Whether it is allowed is decided by the valid domains.
 */
export const SelectNeedSchema = z.strictObject({
  select: z.string().check(z.regex(new RegExp(`^${ID_SOURCE}(:${ID_SOURCE})?$`), 'must be a reference such as "webinar" or "billing:annual"')),
  quantity: z.optional(NeedNumberSchema),
  atLeast: z.optional(NeedNumberSchema),
});

/** Either of some requirements: the first one the package meets counts. */
export const AnyNeedSchema = z.strictObject({
  any: z.array(z.union([SpecNeedSchema, SelectNeedSchema])).check(z.minLength(2, 'needs at least two alternatives')),
});

/** What an answer asks of a package. */
export const NeedSchema = z.union([SpecNeedSchema, SelectNeedSchema, AnyNeedSchema]);

const needs = z.optional(z.array(NeedSchema));

/** One answer a choice question offers, and what choosing it asks of a package. */
export const AnswerOptionSchema = z.strictObject({
  id: IdSchema,
  name: LocalTextSchema,
  description: z.optional(LocalTextSchema),
  requires: needs,
});

const questionBase = {
  id: IdSchema,
  /** The question as the buyer reads it. */
  name: LocalTextSchema,
  /** Help under the question. */
  description: z.optional(LocalTextSchema),
  /** Whether an answer must be given. Default false: an unanswered question asks nothing of a package. */
  required: z.optional(z.boolean()),
};

/** One answer from a list. */
export const SingleQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('single'),
  options: z.array(AnswerOptionSchema).check(z.minLength(2, 'a choice question needs at least two answers')),
});

/** Any number of answers from a list. */
export const MultipleQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('multiple'),
  options: z.array(AnswerOptionSchema).check(z.minLength(1, 'a choice question needs at least one answer')),
});

/** A number, e.g. how many users; its requirements use it as `"answer"`. */
export const NumberQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('number'),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  /** Whether only whole numbers are accepted. Default false. */
  integer: z.optional(z.boolean()),
  unit: z.optional(LocalTextSchema),
  requires: needs,
});

/** A question of the questionnaire. */
export const QuestionSchema = z.discriminatedUnion('kind', [SingleQuestionSchema, MultipleQuestionSchema, NumberQuestionSchema], {
  error: 'a question\'s kind is "single", "multiple" or "number"',
});

/** When a triage rule fires: a number answer in a range, or a choice answer that is (or includes) an option. */
export const AnswerConditionSchema = z.strictObject({
  question: IdSchema,
  atLeast: z.optional(z.number()),
  atMost: z.optional(z.number()),
  is: z.optional(IdSchema),
});

/** Hands the buyer over to a person when any of its conditions holds, saying why. */
export const TriageRuleSchema = z.strictObject({
  id: IdSchema,
  when: z.array(AnswerConditionSchema).check(z.minLength(1, 'needs at least one condition')),
  /** Why a person takes over, shown to the buyer and passed on to sales. */
  message: LocalTextSchema,
});

/** A package the questionnaire recommends from: a product, optionally with preset selections. */
export const QuestionnairePackageSchema = z.strictObject({
  id: IdSchema,
  product: IdSchema,
  name: z.optional(LocalTextSchema),
  selections: z.optional(z.record(IdSchema, z.union([IdSchema, z.array(IdSchema), z.boolean(), z.int().check(z.minimum(0))]))),
});

/** The catalog's needs form: 3 to 7 short questions are typical. */
export const QuestionnaireSchema = z.strictObject({
  name: z.optional(LocalTextSchema),
  questions: z.array(QuestionSchema).check(z.minLength(1, 'a questionnaire needs at least one question')),
  triage: z.optional(z.array(TriageRuleSchema)),
  /** The packages to recommend from. Default: every product, as its defaults complete it. */
  packages: z.optional(z.array(QuestionnairePackageSchema).check(z.minLength(1, 'list at least one package, or leave "packages" out'))),
});

/** A number in a requirement, or `"answer"`. */
export type NeedNumber = z.infer<typeof NeedNumberSchema>;
/** A requirement on a product spec. */
export type SpecNeed = z.infer<typeof SpecNeedSchema>;
/** A selection a package must allow, and then takes. */
export type SelectNeed = z.infer<typeof SelectNeedSchema>;
/** Alternatives: the first one met counts. */
export type AnyNeed = z.infer<typeof AnyNeedSchema>;
/** What an answer asks of a package. */
export type Need = z.infer<typeof NeedSchema>;
/** One answer of a choice question. */
export type AnswerOption = z.infer<typeof AnswerOptionSchema>;
/** A question of the questionnaire. */
export type Question = z.infer<typeof QuestionSchema>;
/** When a triage rule fires. */
export type AnswerCondition = z.infer<typeof AnswerConditionSchema>;
/** A rule that hands the buyer over to a person. */
export type TriageRule = z.infer<typeof TriageRuleSchema>;
/** A package to recommend from. */
export type QuestionnairePackage = z.infer<typeof QuestionnairePackageSchema>;
/** The catalog's needs form. */
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;
