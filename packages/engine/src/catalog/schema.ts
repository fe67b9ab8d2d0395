/**
 * The catalog model: what a vendor sells, as one JSON document.
 *
 * The zod schemas here are the single source of truth: the TypeScript types are
 * inferred from them and the shipped JSON Schema is generated from them. They use
 * `zod/mini` so that the same validation can run in a browser (a configurator
 * loading a catalog by URL) for about 5 KB instead of the 23 KB of full zod.
 *
 * The schemas check shape only. Everything that needs the whole document (ids that
 * must exist, ranges that must fit, texts in the default locale) is checked by
 * `validate.ts`, which reports every problem with its path.
 *
 * @module
 */
import * as z from 'zod/mini';
import { PricingSectionSchema } from '../price/schema.js';
import { QuestionnaireSchema } from '../recommend/schema.js';

export { IdSchema, LocaleSchema, CurrencySchema, LocalTextSchema } from './primitives.js';
export { RESERVED_KEYS } from '../internal/read-json.js';
import { IdSchema, LocaleSchema, CurrencySchema, LocalTextSchema } from './primitives.js';
// What a product may hold to be configurable; checked with the rest of the catalog (validate.ts).
export { ENCODING_LIMITS, EncodingLimitError, type EncodingLimit } from './limits.js';

/** An image: an http(s) URL, a path relative to the page, or a data: image. */
export const ImageUrlSchema = z.string().check(
  z.refine(
    (url) => !/^\s*[a-z][a-z0-9+.-]*:/i.test(url) || /^\s*(https?:|data:image\/)/i.test(url),
    'must be an http(s) URL, a relative path or a data:image URL',
  ),
  z.describe('An image URL: http(s), relative, or data:image.'),
);

/**
 * A picture layer: an image drawn over the product's picture while its option is
 * chosen (a boolean on, a quantity of at least one), stacked by `z` (higher on top).
 * Layers of one picture share its size; draw them on a transparent background.
 */
export const PictureLayerSchema = z.strictObject({
  image: ImageUrlSchema,
  /** The stacking order: higher layers are drawn on top. */
  z: z.int(),
  /** The id of the picture's view this layer is drawn in, e.g. "plan"; none: every view. */
  view: z.optional(IdSchema),
});

const layers = z.optional(z.array(PictureLayerSchema));

/** One view of a product's picture, e.g. from the front or from above: its base image and what a buyer picks it by. */
export const PictureViewSchema = z.strictObject({
  id: IdSchema,
  /** What the view picker says, e.g. `{ "en": "From above", "de": "Von oben" }`. */
  name: LocalTextSchema,
  image: ImageUrlSchema,
});

/**
 * A product's picture: the base image the chosen options' layers are drawn over, or
 * several `views` each with its own base image (the first is shown first; layers with a
 * `view` are drawn in that view only); and the size in pixels that every image of the
 * picture has (the box is sized before anything loads). `image` or `views`, not both.
 */
export const PictureSchema = z.strictObject({
  image: z.optional(ImageUrlSchema),
  views: z.optional(z.array(PictureViewSchema).check(z.minLength(1, 'list at least one view, or give "image" instead'))),
  width: z.int().check(z.minimum(1)),
  height: z.int().check(z.minimum(1)),
});

/**
 * The value of a spec on a product or option: `watts: 45`, `sso: true`, or text
 * (`"24/7"`, or localised: `{ "en": "Phone and chat", "de": "Telefon und Chat" }`).
 */
export const SpecValueSchema = z.union([z.number(), z.boolean(), LocalTextSchema]);

/** Spec values by spec id; every id must be declared in the catalog's `specs`. */
export const SpecValuesSchema = z.record(IdSchema, SpecValueSchema).check(
  z.describe('Spec values by spec id, e.g. {"watts": 45}. Each id is declared in the catalog\'s "specs".'),
);

/** Declares a spec: what it is called, its type and unit, and which way is better. */
export const SpecDefinitionSchema = z.strictObject({
  name: LocalTextSchema,
  description: z.optional(LocalTextSchema),
  type: z.enum(['number', 'boolean', 'text']),
  /** The unit after a number, e.g. "W", "GB" or `{ "en": "in", "de": "Zoll" }`. */
  unit: z.optional(LocalTextSchema),
  /** For a number spec: which way is better, e.g. `"higher"` for storage, `"lower"` for power draw. Comparisons highlight the best value. */
  better: z.optional(z.enum(['higher', 'lower'])),
  /**
   * The one best value, when there is no "more is better": `true` for a feature a
   * buyer wants, a text such as `"24/7"`, or a number. Comparisons highlight the
   * products that have it. Not together with `better`.
   */
  preferred: z.optional(z.union([z.number(), z.boolean(), z.string()])),
});

/** One choosable value of a single- or multiple-choice attribute. */
export const OptionSchema = z.strictObject({
  id: IdSchema,
  name: LocalTextSchema,
  description: z.optional(LocalTextSchema),
  image: z.optional(ImageUrlSchema),
  /** Drawn over the product's picture while this option is chosen. */
  layers,
  specs: z.optional(SpecValuesSchema),
});

const attributeBase = {
  id: IdSchema,
  name: LocalTextSchema,
  description: z.optional(LocalTextSchema),
  /** The product section this attribute is shown in. */
  section: z.optional(IdSchema),
  image: z.optional(ImageUrlSchema),
};

const nonNegativeInt = z.int().check(z.minimum(0));
const options = z.array(OptionSchema).check(z.minLength(1, 'a choice needs at least one option'));

/** Exactly one option (or none, when `required` is false). */
export const SingleChoiceSchema = z.strictObject({
  ...attributeBase,
  kind: z.literal('single'),
  /** Whether a complete configuration must choose an option. Default true. */
  required: z.optional(z.boolean()),
  options,
  default: z.optional(IdSchema),
});

/** Any number of options between `min` (default 0) and `max` (default all). */
export const MultipleChoiceSchema = z.strictObject({
  ...attributeBase,
  kind: z.literal('multiple'),
  min: z.optional(nonNegativeInt),
  max: z.optional(nonNegativeInt),
  options,
  default: z.optional(z.array(IdSchema)),
});

/** On or off, e.g. a control panel. Its specs count when it is on. */
export const BooleanOptionSchema = z.strictObject({
  ...attributeBase,
  kind: z.literal('boolean'),
  default: z.optional(z.boolean()),
  specs: z.optional(SpecValuesSchema),
  /** Drawn over the product's picture while it is on. */
  layers,
});

/** A whole number of units between `min` and `max` in steps of `step`. Its specs count per unit. */
export const QuantitySchema = z.strictObject({
  ...attributeBase,
  kind: z.literal('quantity'),
  min: z.optional(nonNegativeInt),
  max: nonNegativeInt,
  step: z.optional(z.int().check(z.minimum(1))),
  default: z.optional(nonNegativeInt),
  /** What one unit is called, e.g. "seat" or "microphone". */
  unit: z.optional(LocalTextSchema),
  specs: z.optional(SpecValuesSchema),
  /** Drawn over the product's picture while the quantity is at least one. */
  layers,
});

/** An option group of a product. */
export const AttributeSchema = z.discriminatedUnion(
  'kind',
  [SingleChoiceSchema, MultipleChoiceSchema, BooleanOptionSchema, QuantitySchema],
  { error: 'an attribute\'s kind is "single", "multiple", "boolean" or "quantity"' },
);

/**
 * A reference to a selection: `"attribute"` (a boolean that is on, a quantity of at
 * least one, or any option chosen) or `"attribute:option"` (that option chosen).
 */
export const ReferenceSchema = z.string().check(
  z.regex(
    /^[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?$/,
    'must be a reference such as "control-panel" or "display:d65"',
  ),
  z.describe('A selection: "attribute" or "attribute:option".'),
);

/** A condition over selections; `all`, `any` and `not` nest. */
export type Condition =
  | string
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { count: Condition[]; atLeast?: number | undefined; atMost?: number | undefined }
  | { attribute: string; atLeast?: number | undefined; atMost?: number | undefined };

/**
 * A condition over selections: a reference, `{ "all": [...] }`, `{ "any": [...] }`,
 * `{ "not": ... }`, `{ "count": [...], "atLeast": 1, "atMost": 1 }` (how many of the
 * conditions hold, e.g. exactly one of a group), or
 * `{ "attribute": "mics", "atLeast": 2, "atMost": 6 }` (for a quantity its value; for a
 * multiple choice the number of chosen options).
 */
export const ConditionSchema: z.ZodMiniType<Condition> = z.lazy(() =>
  z.union([
    ReferenceSchema,
    z.strictObject({ all: z.array(ConditionSchema).check(z.minLength(1, 'needs at least one condition')) }),
    z.strictObject({ any: z.array(ConditionSchema).check(z.minLength(1, 'needs at least one condition')) }),
    z.strictObject({ not: ConditionSchema }),
    z.strictObject({
      count: z.array(ConditionSchema).check(z.minLength(1, 'needs at least one condition')),
      atLeast: z.optional(nonNegativeInt),
      atMost: z.optional(nonNegativeInt),
    }),
    z.strictObject({ attribute: IdSchema, atLeast: z.optional(nonNegativeInt), atMost: z.optional(nonNegativeInt) }),
  ]),
);

const ruleBase = {
  id: IdSchema,
  /** Shown to the buyer when this rule makes something unavailable. */
  message: z.optional(LocalTextSchema),
};

/** When `if` holds, `then` must hold too. */
export const RequiresRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('requires'),
  if: ConditionSchema,
  then: ConditionSchema,
});

/** `if` and `then` cannot both hold. */
export const ExcludesRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('excludes'),
  if: ConditionSchema,
  then: ConditionSchema,
});

/** A condition that every configuration must satisfy (e.g. an imported cross-tree constraint). */
export const ConstraintRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('constraint'),
  condition: ConditionSchema,
});

/** A cell of a compatibility table: an option id, `true`/`false` for a boolean, `"*"` for any, `null` for nothing chosen. */
export const CompatibilityCellSchema = z.union([IdSchema, z.literal('*'), z.boolean(), z.null()]);

/**
 * The allowed combinations of some single-choice or boolean attributes; any
 * combination not listed is not allowed.
 */
export const CompatibilityRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('compatibility'),
  attributes: z.array(IdSchema).check(z.minLength(2, 'a compatibility table relates at least 2 attributes')),
  allowed: z.array(z.array(CompatibilityCellSchema)).check(z.minLength(1, 'a compatibility table needs at least one allowed combination')),
});

/** A bound on a resource: a number, or the sum of another spec over the selection. */
export const ResourceBoundSchema = z.union([z.number(), z.strictObject({ sum: IdSchema })]);

/**
 * The sum of a numeric spec over the selection (options chosen, booleans on,
 * quantities times their per-unit value) stays at most and/or at least a bound,
 * e.g. audio inputs used at most audio inputs available.
 */
export const ResourceRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('resource'),
  sum: IdSchema,
  atMost: z.optional(ResourceBoundSchema),
  atLeast: z.optional(ResourceBoundSchema),
});

/** Preselects an option (or sets a quantity) when `if` holds, or always. */
export const DefaultRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('default'),
  if: z.optional(ConditionSchema),
  select: ReferenceSchema,
  /** For a quantity attribute: the quantity to set. */
  quantity: z.optional(nonNegativeInt),
});

/** Suggests add-ons (options, booleans, quantities) when `if` holds, or always. */
export const RecommendsRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('recommends'),
  if: z.optional(ConditionSchema),
  then: z.array(ReferenceSchema).check(z.minLength(1, 'needs at least one recommendation')),
});

/** A rule of a product. The configuration engine gives each kind its meaning. */
export const RuleSchema = z.discriminatedUnion(
  'kind',
  [
    RequiresRuleSchema,
    ExcludesRuleSchema,
    ConstraintRuleSchema,
    CompatibilityRuleSchema,
    ResourceRuleSchema,
    DefaultRuleSchema,
    RecommendsRuleSchema,
  ],
  { error: 'a rule\'s kind is "requires", "excludes", "constraint", "compatibility", "resource", "default" or "recommends"' },
);

/** A heading under which attributes are shown. */
export const SectionSchema = z.strictObject({
  id: IdSchema,
  name: LocalTextSchema,
  description: z.optional(LocalTextSchema),
});

/** Something the vendor sells, with its options and the rules between them. */
export const ProductSchema = z.strictObject({
  id: IdSchema,
  name: LocalTextSchema,
  description: z.optional(LocalTextSchema),
  image: z.optional(ImageUrlSchema),
  /** A picture that follows the configuration: the base image (or one per view), over which the chosen options' `layers` are drawn. */
  picture: z.optional(PictureSchema),
  /** A product family, e.g. for grouping in comparisons and past-deal statistics. */
  family: z.optional(IdSchema),
  /** Facts about the product itself, e.g. storage included. */
  specs: z.optional(SpecValuesSchema),
  sections: z.optional(z.array(SectionSchema)),
  attributes: z.array(AttributeSchema),
  rules: z.optional(z.array(RuleSchema)),
});

/** Price books, charges, tiers, discounts and tax: see `price/schema.ts`. */
export { PricingSectionSchema };

/** A vendor's catalog: products, their options and rules, and pricing. */
export const CatalogSchema = z.strictObject({
  $schema: z.optional(z.string()),
  id: IdSchema,
  /** The catalog's own version, e.g. "2026.11.0"; quotes and share links record it. */
  version: z.string().check(z.minLength(1, 'must not be empty')),
  name: LocalTextSchema,
  description: z.optional(LocalTextSchema),
  vendor: z.optional(z.strictObject({ name: z.string(), url: z.optional(z.string()) })),
  defaultCurrency: CurrencySchema,
  defaultLocale: LocaleSchema,
  /** The locales the catalog's texts are written in; the default locale first. */
  locales: z.optional(z.array(LocaleSchema).check(z.minLength(1, 'must list at least the default locale'))),
  specs: z.optional(z.record(IdSchema, SpecDefinitionSchema)),
  products: z.array(ProductSchema).check(z.minLength(1, 'a catalog needs at least one product')),
  pricing: z.optional(PricingSectionSchema),
  /** A short needs form whose answers recommend a package or hand over to a person: see `recommend/schema.ts`. */
  questionnaire: z.optional(QuestionnaireSchema),
});

/** A value chosen for one attribute: an option id, option ids, on/off, or a quantity. */
export const SelectionValueSchema = z.union([
  IdSchema,
  z.array(IdSchema),
  z.boolean(),
  nonNegativeInt,
]);

/**
 * A configuration: which product, and what was chosen for which attribute.
 * It may be partial; the configuration engine says whether it is complete.
 */
export const ConfigurationSchema = z.strictObject({
  $schema: z.optional(z.string()),
  /** The catalog this configuration was made with. */
  catalog: z.optional(z.strictObject({ id: IdSchema, version: z.optional(z.string()) })),
  product: IdSchema,
  selections: z.record(IdSchema, SelectionValueSchema),
});

export type LocalText = z.infer<typeof LocalTextSchema>;
export type SpecValue = z.infer<typeof SpecValueSchema>;
export type PictureLayer = z.infer<typeof PictureLayerSchema>;
export type Picture = z.infer<typeof PictureSchema>;
export type PictureView = z.infer<typeof PictureViewSchema>;
export type SpecDefinition = z.infer<typeof SpecDefinitionSchema>;
export type Option = z.infer<typeof OptionSchema>;
export type SingleChoice = z.infer<typeof SingleChoiceSchema>;
export type MultipleChoice = z.infer<typeof MultipleChoiceSchema>;
export type BooleanOption = z.infer<typeof BooleanOptionSchema>;
export type Quantity = z.infer<typeof QuantitySchema>;
export type Attribute = z.infer<typeof AttributeSchema>;
export type AttributeKind = Attribute['kind'];
export type Rule = z.infer<typeof RuleSchema>;
export type RuleKind = Rule['kind'];
export type CompatibilityCell = z.infer<typeof CompatibilityCellSchema>;
export type ResourceBound = z.infer<typeof ResourceBoundSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type Product = z.infer<typeof ProductSchema>;
export type Catalog = z.infer<typeof CatalogSchema>;
export type SelectionValue = z.infer<typeof SelectionValueSchema>;
export type Configuration = z.infer<typeof ConfigurationSchema>;
