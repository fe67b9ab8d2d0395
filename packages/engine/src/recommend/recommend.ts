/**
 * The package finder: answers to the catalog's questionnaire become requirements
 * on its packages; each package is configured to meet them where its valid domains
 * allow, checked against its specs, priced for the buyer's segment and ranked. Or,
 * when a triage rule fires, the buyer is handed over to a person with the reason.
 */
import * as z from 'zod/mini';
import type { Attribute, Catalog, Configuration, LocalText, Product, SelectionValue, SpecValue } from '../catalog/schema.js';
import { quantityProblem } from '../catalog/check-configuration.js';
import { byDefaults, under, type Compiler } from '../compare/items.js';
import { localize } from '../catalog/text.js';
import { specValues } from '../compare/rows.js';
import { compile, type CompiledProduct } from '../configure/compile.js';
import { compileLoaded } from '../configure/compile-core.js';
import { dateShapeProblem } from '../internal/dates.js';
import { SessionCore, SelectionError } from '../configure/session-core.js';
import { didYouMean, formatPath, ValidationError, type Problem } from '../internal/problems.js';
import { problemsFromIssues } from '../internal/zod-problems.js';
import { format } from '../price/fixed.js';
import type { MoneyJSON } from '../price/money.js';
import { pipelineFor, type Totals } from '../price/pipeline.js';
import { PricingError } from '../price/problems.js';
import { PriceContextSchema, type PriceContext } from '../price/schema.js';
import type { AnswerCondition, Need, NeedNumber, Question, Questionnaire, QuestionnairePackage, SelectNeed, SpecNeed } from './schema.js';

/** Parameters of a reason or miss, for an interface to build its own sentence from the code. */
export type ReasonValues = Readonly<Record<string, string | number | boolean>>;

/** A coded, localisable statement with its English sentence. */
export interface Reason {
  readonly code: string;
  readonly params: ReasonValues;
  /** The sentence in English; interfaces translate `code` with `params` themselves. */
  readonly text: string;
}

/** The buyer's answers by question id: an answer id, answer ids (multiple choice) or a number. */
export const AnswersSchema = z.record(z.string(), z.union([z.string(), z.array(z.string()), z.number()]));

/** The buyer's answers by question id. */
export type Answers = z.infer<typeof AnswersSchema>;

/** A requirement a package does not meet: which question and answer asked for it, what it is and why it is missed. */
export interface Miss extends Reason {
  readonly question: string;
  /** The answer (option id) that asked for it; none for a number question. */
  readonly answer?: string;
  readonly need: Need;
}

/** A package as recommended: its configuration meeting what it can, its misses, its price and why it ranks where it does. */
export interface RecommendedPackage {
  readonly id: string;
  readonly product: string;
  readonly name: LocalText;
  /** Complete and valid: the package's presets, the selections the answers ask for that it allows, then completed with its defaults. */
  readonly configuration: Configuration;
  /** Whether it meets every requirement of the answers. */
  readonly meetsAll: boolean;
  /** The requirements it misses, in question order. */
  readonly misses: readonly Miss[];
  /** Its price for the buyer's context: the same amounts as `price()` gives for its configuration, over the ranking's term. */
  readonly price: PackagePrice;
  readonly reason: Reason;
}

/** A package's price, net (tax apart) except `total`; per month and per year only when it has such charges. */
export interface PackagePrice {
  readonly currency: string;
  /** The term the recurring charges are counted over: the context's `termMonths`, else 12. */
  readonly termMonths: number;
  readonly oneTime: MoneyJSON;
  readonly month?: MoneyJSON;
  readonly year?: MoneyJSON;
  /** One-time plus recurring over the term: what the ranking compares. */
  readonly net: MoneyJSON;
  /** `net` plus tax (or `net`, when prices include tax). */
  readonly total: MoneyJSON;
}

/** -1, 0 or 1, as `Money.compare` (the packages are priced in one context, so in one currency). */
const compareUnits = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

function packagePrice(totals: Totals, termMonths: number): PackagePrice {
  const money = (value: bigint): MoneyJSON => ({ amount: format(value, totals.places), currency: totals.currency });
  return {
    currency: totals.currency,
    termMonths,
    oneTime: money(totals.oneTime.net),
    ...(totals.month ? { month: money(totals.month.net) } : {}),
    ...(totals.year ? { year: money(totals.year.net) } : {}),
    net: money(totals.net),
    total: money(totals.grandTotal),
  };
}

/** A triage rule that fired: why a person should take over, and the answer that made it fire. */
export interface TriggeredRule {
  readonly rule: string;
  readonly message: LocalText;
  readonly question: string;
  readonly answer: string | readonly string[] | number;
}

/** Ranked packages for the answers. */
export interface PackagesResult {
  readonly kind: 'packages';
  /** How many requirements the answers make. */
  readonly needs: number;
  /** Best first: see {@link recommend}. */
  readonly packages: readonly RecommendedPackage[];
  readonly answers: Answers;
}

/** A person should take over: every rule that fired, and every answer, so nobody asks again. */
export interface TriageResult {
  readonly kind: 'triage';
  readonly triggered: readonly TriggeredRule[];
  readonly answers: Answers;
}

/** What {@link recommend} returns. */
export type Recommendation = PackagesResult | TriageResult;

/** The buyer's price context (date, segment, currency...) and the term ranking compares over. */
export type RecommendContext = PriceContext;

/** The term in months `recommend` ranks over when the context gives none: a first year. */
export const DEFAULT_RANK_TERM_MONTHS = 12;

/** Answers, a context or a questionnaire that cannot be used; `problems` lists every problem with its path (`answers.seats`). */
export class RecommendError extends ValidationError {
  constructor(problems: readonly Problem[]) {
    super('The recommendation request', problems);
    this.name = 'RecommendError';
  }
}

const compiledCache = new WeakMap<Catalog, Map<string, CompiledProduct>>();

/** The compiled product, once per catalog (compiling is the expensive part); `compiler`: `compile`, or with what is loaded. */
export function compiledOf(catalog: Catalog, product: string, compiler: Compiler): CompiledProduct {
  let cache = compiledCache.get(catalog);
  if (!cache) compiledCache.set(catalog, (cache = new Map()));
  let compiled = cache.get(product);
  if (!compiled) cache.set(product, (compiled = compiler(catalog, { product })));
  return compiled;
}

/**
 * Checks answers against the questionnaire: unknown questions and answers (with a
 * suggestion), answers of the wrong kind, numbers out of range, required questions
 * unanswered. Returns every problem, with paths such as `answers.seats`.
 */
export function checkAnswers(questionnaire: Questionnaire, answers: unknown): Problem[] {
  const parsed = z.safeParse(AnswersSchema, answers);
  if (!parsed.success) return problemsFromIssues(parsed.error.issues, answers, []).map((p) => ({ ...p, path: under('answers', p.path) }));
  return answerProblems(questionnaire, parsed.data);
}

/** {@link checkAnswers} for answers whose shape is known to be right (`recommendTyped`). */
function answerProblems(questionnaire: Questionnaire, answers: Answers): Problem[] {
  const problems: Problem[] = [];
  const add = (path: PropertyKey[], message: string) => problems.push({ path: formatPath(['answers', ...path]), message });
  const questions = new Map(questionnaire.questions.map((q) => [q.id, q]));
  for (const [id, value] of Object.entries(answers)) {
    const question = questions.get(id);
    if (!question) {
      add([id], `unknown question "${id}"${didYouMean(id, questions.keys())}`);
      continue;
    }
    if (question.kind === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value)) add([id], `"${id}" is answered with a number`);
      else if (question.integer && !Number.isInteger(value)) add([id], `${value} is not a whole number`);
      else if ((question.min !== undefined && value < question.min) || (question.max !== undefined && value > question.max)) {
        add([id], `${value} is outside ${question.min ?? '-∞'}..${question.max ?? '∞'}`);
      }
      continue;
    }
    const ids = question.options.map((o) => o.id);
    const known = (answer: string, path: PropertyKey[]) => {
      if (!ids.includes(answer)) add(path, `unknown answer "${answer}" of question "${id}"${didYouMean(answer, ids)}`);
    };
    if (question.kind === 'single') {
      if (typeof value !== 'string') add([id], `"${id}" is answered with one answer id`);
      else known(value, [id]);
    } else if (!Array.isArray(value)) add([id], `"${id}" is answered with a list of answer ids`);
    else {
      value.forEach((answer, i) => known(answer, [id, i]));
      if (new Set(value).size !== value.length) add([id], 'names an answer twice');
    }
  }
  for (const question of questionnaire.questions) {
    if (question.required && !Object.hasOwn(answers, question.id)) add([question.id], 'is required');
  }
  return problems;
}

function holds(condition: AnswerCondition, answer: Answers[string] | undefined): boolean {
  if (answer === undefined) return false;
  if (typeof answer === 'number') return (condition.atLeast === undefined || answer >= condition.atLeast) && (condition.atMost === undefined || answer <= condition.atMost);
  if (condition.is === undefined) return false;
  return typeof answer === 'string' ? answer === condition.is : answer.includes(condition.is);
}

/** One requirement to meet, with the question and answer it comes from. */
export interface Asked {
  readonly question: string;
  readonly answer?: string;
  readonly need: Need;
  readonly value?: number;
}

export function needsOf(questions: readonly Question[], answers: Answers): Asked[] {
  const asked: Asked[] = [];
  for (const question of questions) {
    if (!Object.hasOwn(answers, question.id)) continue;
    const answer = answers[question.id]!;
    if (question.kind === 'number') {
      for (const need of question.requires ?? []) asked.push({ question: question.id, need, value: answer as number });
    } else {
      const chosen = typeof answer === 'string' ? [answer] : (answer as string[]);
      // In the question's order, whatever order the answers list them in.
      for (const option of question.options) {
        if (!chosen.includes(option.id)) continue;
        for (const need of option.requires ?? []) asked.push({ question: question.id, answer: option.id, need });
      }
    }
  }
  return asked;
}

const resolve = (n: NeedNumber | undefined, value: number | undefined): number | undefined => (n === 'answer' ? value : n);

/** Why a spec value misses the requirement, or undefined when it meets it. */
function specMiss(catalog: Catalog, need: SpecNeed, value: SpecValue | undefined, answer: number | undefined): Reason | undefined {
  const definition = catalog.specs?.[need.spec];
  const name = localize(definition?.name, catalog.defaultLocale, catalog.defaultLocale) || need.spec;
  if (value === undefined) return { code: 'spec-missing', params: { spec: need.spec }, text: `${name} is not stated` };
  const atLeast = resolve(need.atLeast, answer);
  const atMost = resolve(need.atMost, answer);
  if (typeof value === 'number') {
    if (atLeast !== undefined && value < atLeast) return { code: 'spec-below', params: { spec: need.spec, value, needed: atLeast }, text: `${name} is ${value}; at least ${atLeast} needed` };
    if (atMost !== undefined && value > atMost) return { code: 'spec-above', params: { spec: need.spec, value, needed: atMost }, text: `${name} is ${value}; at most ${atMost} needed` };
  }
  const text = typeof value === 'object' ? localize(value, catalog.defaultLocale, catalog.defaultLocale) : value;
  if (need.equals !== undefined && text !== need.equals) {
    return { code: 'spec-differs', params: { spec: need.spec, value: text, needed: need.equals }, text: `${name} is ${JSON.stringify(text)}; ${JSON.stringify(need.equals)} needed` };
  }
  if (need.includes !== undefined && !String(text).split(',').map((s) => s.trim()).includes(need.includes)) {
    return { code: 'spec-lacks', params: { spec: need.spec, value: String(text), needed: need.includes }, text: `${name} is ${JSON.stringify(text)}; ${JSON.stringify(need.includes)} needed` };
  }
  return undefined;
}

/**
 * Where a package's selections are made. The optimistic chooser works on plain
 * selections and the attributes' ranges; its result stands only if the completed
 * configuration breaks no rule (then every value was in its valid domain at its turn,
 * and the session would have chosen the same). Otherwise, or when it cannot tell, the
 * session decides with the valid domains.
 */
interface Chooser {
  readonly selections: Configuration['selections'];
  /** The values the attribute can take now; `undefined` when the optimistic chooser cannot tell. */
  domain(attribute: Attribute): readonly (string | number | boolean)[] | undefined;
  select(attribute: Attribute, value: string | number | boolean): void;
  complete(): Configuration | undefined;
}

/** A reason the optimistic chooser cannot decide: evaluate again with the session. */
class Unsure extends Error {}

class Optimistic implements Chooser {
  readonly selections: Record<string, SelectionValue>;
  constructor(
    readonly catalog: Catalog,
    readonly product: Product,
    presets: Configuration['selections'],
  ) {
    this.selections = { ...presets };
  }
  domain(attribute: Attribute): readonly (string | number | boolean)[] | undefined {
    switch (attribute.kind) {
      case 'boolean':
        return [true, false];
      case 'single':
      case 'multiple':
        return attribute.options.map((o) => o.id);
      case 'quantity':
        return undefined;
    }
  }
  select(attribute: Attribute, value: string | number | boolean): void {
    const current = this.selections[attribute.id];
    if (attribute.kind === 'multiple') this.selections[attribute.id] = [...((current as string[] | undefined) ?? []).filter((o) => o !== value), value as string];
    else this.selections[attribute.id] = value as SelectionValue;
  }
  complete(): Configuration | undefined {
    const selections = byDefaults(this.product, this.selections);
    return selections && { catalog: { id: this.catalog.id, version: this.catalog.version }, product: this.product.id, selections };
  }
}

class WithSession implements Chooser {
  constructor(readonly session: SessionCore) {}
  get selections(): Configuration['selections'] {
    return this.session.selections;
  }
  domain(attribute: Attribute): readonly (string | number | boolean)[] {
    return this.session.domains()[attribute.id] ?? [];
  }
  select(attribute: Attribute, value: string | number | boolean): void {
    this.session.select(attribute.id, value);
  }
  complete(): Configuration {
    return this.session.complete().toConfiguration();
  }
}

/** The smallest quantity from `from` up (or exactly `exact`) that the attribute's range allows. */
function inRange(attribute: Extract<Attribute, { kind: 'quantity' }>, exact: number | undefined, from: number | undefined): number | undefined {
  const min = attribute.min ?? 0;
  const step = attribute.step ?? 1;
  if (exact !== undefined) return quantityProblem(attribute, exact) === undefined ? exact : undefined;
  const start = Math.max(min, from ?? min);
  const q = min + Math.ceil((start - min) / step) * step;
  return q <= attribute.max ? q : undefined;
}

/** Makes the selection a need asks for if the package allows it; the reason it cannot, otherwise. */
function trySelect(chooser: Chooser, product: Product, need: SelectNeed, answer: number | undefined, taken: Map<string, unknown>): Reason | undefined {
  const [id = '', option] = need.select.split(':');
  const attribute = product.attributes.find((a) => a.id === id);
  if (!attribute) return { code: 'no-attribute', params: { attribute: id }, text: `${product.id} has no "${id}"` };
  let value: string | number | boolean;
  let domain = chooser.domain(attribute);
  if (attribute.kind === 'quantity') {
    const exact = resolve(need.quantity, answer);
    const from = resolve(need.atLeast, answer);
    const candidates = domain
      ? (domain as number[]).filter((q) => (exact !== undefined ? q === exact : from === undefined || q >= from))
      : [inRange(attribute, exact, from)].filter((q): q is number => q !== undefined);
    if (candidates.length === 0) {
      const wanted = exact ?? from ?? 0;
      return { code: 'not-available', params: { select: id, value: wanted }, text: `${product.id} cannot have ${id} ${exact === undefined ? 'of at least ' : ''}${wanted}` };
    }
    value = candidates.reduce((a, b) => Math.min(a, b)); // no spread: a quantity may have 100,000 values
    domain ??= [value];
  } else {
    value = option ?? true;
  }
  const before = taken.get(id);
  if (attribute.kind !== 'multiple' && before !== undefined && before !== value) {
    if (chooser instanceof Optimistic) throw new Unsure();
    domain = [];
  }
  if (!(domain ?? []).includes(value)) {
    return { code: 'not-available', params: { select: need.select, value: typeof value === 'number' ? value : String(value) }, text: `${product.id} cannot have ${need.select} with the other needs` };
  }
  const current = chooser.selections[id];
  if (!(attribute.kind === 'multiple' ? Array.isArray(current) && current.includes(value as string) : current === value)) chooser.select(attribute, value);
  taken.set(id, value);
  return undefined;
}

export interface Evaluated {
  readonly configuration: Configuration;
  readonly misses: Miss[];
}

/**
 * Configures one package for the needs: optimistically, else (or with `exact`, for
 * the tests that check both agree) with a configuration session.
 */
export function evaluate(catalog: Catalog, product: Product, presets: Configuration['selections'], asked: readonly Asked[], path: string, exact = false): Evaluated {
  return evaluateWithCompiler(catalog, product, presets, asked, path, compile, exact);
}

function evaluateWithCompiler(catalog: Catalog, product: Product, presets: Configuration['selections'], asked: readonly Asked[], path: string, compiler: Compiler, exact = false): Evaluated {
  if (!exact) {
    try {
      const fast = evaluateWith(new Optimistic(catalog, product, presets), catalog, product, asked);
      if (fast) return fast;
    } catch (error) {
      if (!(error instanceof Unsure)) throw error;
    }
  }
  let session: SessionCore;
  try {
    session = new SessionCore(compiledOf(catalog, product.id, compiler), presets);
  } catch (error) {
    if (error instanceof SelectionError) throw new RecommendError([{ path: `${path}.selections`, message: `no valid configuration of "${product.id}" has these selections` }]);
    throw error;
  }
  return evaluateWith(new WithSession(session), catalog, product, asked)!;
}

/** Selections first (in question order, plain ones before alternatives), then the spec checks on the completed configuration. */
function evaluateWith(chooser: Chooser, catalog: Catalog, product: Product, asked: readonly Asked[]): Evaluated | undefined {
  const taken = new Map<string, unknown>();
  const results: (Reason | undefined | 'later')[] = asked.map(() => 'later');
  const miss = (i: number, reason: Reason | undefined) => (results[i] = reason);
  // Plain selections first, so that an "any" sees what they bring.
  asked.forEach(({ need, value }, i) => {
    if ('select' in need) miss(i, trySelect(chooser, product, need, value, taken));
  });
  asked.forEach(({ need, value }, i) => {
    if (!('any' in need)) return;
    const now = specValues(catalog, product, chooser.selections);
    if (need.any.some((alt) => 'spec' in alt && !specMiss(catalog, alt, now.get(alt.spec), value))) return miss(i, undefined);
    for (const alt of need.any) {
      if ('select' in alt && !trySelect(chooser, product, alt, value, taken)) return miss(i, undefined);
    }
    // No selection helps; a spec may still hold once the package is completed.
  });
  const configuration = chooser.complete();
  if (!configuration) return undefined;
  const values = specValues(catalog, product, configuration.selections);
  asked.forEach(({ need, value }, i) => {
    if (results[i] !== 'later') return;
    if ('spec' in need) return miss(i, specMiss(catalog, need, values.get(need.spec), value));
    if (!('any' in need)) return;
    const reasons = need.any.map((alt) => ('spec' in alt ? specMiss(catalog, alt, values.get(alt.spec), value) : { code: 'not-available', params: { select: alt.select }, text: '' }));
    if (reasons.some((r) => r === undefined)) return miss(i, undefined);
    const first = reasons.find((r) => r && r.text !== '') ?? reasons[0]!;
    miss(i, { code: 'none-met', params: { alternatives: need.any.length }, text: `none of ${need.any.length} alternatives is met: ${first.text}` });
  });
  const misses: Miss[] = [];
  results.forEach((reason, i) => {
    if (reason === undefined || reason === 'later') return;
    const { question, answer, need } = asked[i]!;
    misses.push({ question, ...(answer === undefined ? {} : { answer }), need, ...reason });
  });
  return { configuration, misses };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The reason for each package's place, given the ranked list. */
function reasonOf(pkg: { meetsAll: boolean; misses: readonly Miss[] }, rank: number, needs: number, firstMeetingAll: boolean): Reason {
  if (needs === 0) return rank === 0 ? { code: 'cheapest', params: {}, text: 'The cheapest package' } : { code: 'more-expensive', params: {}, text: 'Costs more than the packages above' };
  if (pkg.meetsAll) {
    return firstMeetingAll
      ? { code: 'cheapest-meeting-all', params: { count: needs }, text: `The cheapest package that meets all ${plural(needs, 'need')}` }
      : { code: 'meets-all', params: { count: needs }, text: `Also meets all ${plural(needs, 'need')}, at a higher price` };
  }
  const missed = pkg.misses.length;
  return { code: 'misses', params: { missed, count: needs }, text: `Misses ${missed} of ${plural(needs, 'need')}` };
}

/**
 * Recommends packages for a buyer's answers to the catalog's questionnaire.
 *
 * The answers are checked first (unknown questions or answers, wrong kinds, numbers
 * out of range: a {@link RecommendError} with every problem and its path). If any
 * triage rule fires, the result is a {@link TriageResult}: a person takes over, with
 * the rules that fired and every answer. Otherwise each package (the
 * questionnaire's `packages`, else every product) is configured to meet the
 * requirements where its valid domains allow, completed, checked against its specs
 * and priced for the context as `price()` prices it (over `termMonths`, default 12).
 *
 * Ranking: packages that meet every requirement first, then by fewer misses; within
 * each, cheaper first by net over the term (one-time plus recurring); equal prices
 * keep the questionnaire's order. The first package meeting everything is
 * `cheapest-meeting-all`.
 *
 * @example
 * ```ts
 * const result = recommend(catalog, { seats: 40, sso: 'yes' }, { date: '2026-11-20', segment: 'smb' });
 * if (result.kind === 'packages') result.packages[0].reason.text; // "The cheapest package that meets all 2 needs"
 * ```
 */
export function recommend(catalog: Catalog, answers: Answers, context: RecommendContext): Recommendation {
  const questionnaire = questionnaireOf(catalog);
  const problems = checkAnswers(questionnaire, answers);
  const parsedContext = z.safeParse(PriceContextSchema, context);
  if (!parsedContext.success) {
    problems.push(...problemsFromIssues(parsedContext.error.issues, context, Object.keys(PriceContextSchema.shape)).map((p) => ({ ...p, path: under('context', p.path) })));
  }
  if (problems.length > 0) throw new RecommendError(problems);
  return recommendChecked(catalog, questionnaire, answers, context, compile);
}

/**
 * {@link recommend} for typed callers (the package finder, whose answers come from its
 * own form): the same recommendation and the same checks of the answers' values
 * (unknown questions and answers, numbers out of range, required questions), but the
 * answers' and the context's shape is left to TypeScript, so a page need not load the
 * schema library, as `Pricer` does for `price()`; the pricer checks the context's
 * values. Answers read from JSON go through {@link recommend}.
 *
 * It compiles with what is loaded: a package whose product needs the decision-DNNF
 * compiler throws a {@link CompilerNotLoadedError} until `loadDdnnfCompiler()` has loaded it.
 */
export function recommendTyped(catalog: Catalog, answers: Answers, context: RecommendContext): Recommendation {
  const questionnaire = questionnaireOf(catalog);
  const problems = answerProblems(questionnaire, answers);
  const date = dateShapeProblem(context?.date, 'context.date');
  if (date) problems.push(date);
  if (problems.length > 0) throw new RecommendError(problems);
  return recommendChecked(catalog, questionnaire, answers, context, compileLoaded);
}

function questionnaireOf(catalog: Catalog): Questionnaire {
  const questionnaire = catalog.questionnaire;
  if (!questionnaire) throw new RecommendError([{ path: 'catalog.questionnaire', message: `catalog "${catalog.id}" has no questionnaire` }]);
  return questionnaire;
}

/** The recommendation for answers and a context that were checked. */
function recommendChecked(catalog: Catalog, questionnaire: Questionnaire, answers: Answers, context: RecommendContext, compiler: Compiler): Recommendation {
  const triggered: TriggeredRule[] = [];
  for (const rule of questionnaire.triage ?? []) {
    for (const condition of rule.when) {
      const answer = answers[condition.question];
      if (answer !== undefined && holds(condition, answer)) triggered.push({ rule: rule.id, message: rule.message, question: condition.question, answer });
    }
  }
  if (triggered.length > 0) return { kind: 'triage', triggered, answers };

  const asked = needsOf(questionnaire.questions, answers);
  const packages: readonly QuestionnairePackage[] = questionnaire.packages ?? catalog.products.map((p) => ({ id: p.id, product: p.id }));
  const priceContext: PriceContext = { ...context, termMonths: context.termMonths ?? DEFAULT_RANK_TERM_MONTHS };
  // The pricer's totals: the amounts of price() without building every line's waterfall texts.
  const pricer = pipelineFor(catalog);
  const evaluated = packages.map((pkg, i) => {
    const product = catalog.products.find((p) => p.id === pkg.product)!;
    const path = formatPath(['catalog', 'questionnaire', 'packages', i]);
    const { configuration, misses } = evaluateWithCompiler(catalog, product, pkg.selections ?? {}, asked, path, compiler);
    let totals: Totals;
    try {
      totals = pricer.totals(configuration, priceContext);
    } catch (error) {
      if (error instanceof PricingError) throw new RecommendError(error.problems.map((p) => ({ path: under(path, p.path), message: `package "${pkg.id}": ${p.message}` })));
      throw error;
    }
    const name = pkg.name ?? product.name;
    const packaged = packagePrice(totals, priceContext.termMonths!);
    return { order: i, id: pkg.id, product: product.id, name, configuration, misses, meetsAll: misses.length === 0, price: packaged, amount: totals.net };
  });
  evaluated.sort((a, b) => Number(b.meetsAll) - Number(a.meetsAll) || a.misses.length - b.misses.length || compareUnits(a.amount, b.amount) || a.order - b.order);
  let seenMeetingAll = false;
  const ranked = evaluated.map(({ order: _order, amount: _amount, ...pkg }, rank): RecommendedPackage => {
    const first = pkg.meetsAll && !seenMeetingAll;
    if (pkg.meetsAll) seenMeetingAll = true;
    return { ...pkg, reason: reasonOf(pkg, rank, asked.length, first) };
  });
  return { kind: 'packages', needs: asked.length, packages: ranked, answers };
}
