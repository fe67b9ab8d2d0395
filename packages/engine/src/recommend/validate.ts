/**
 * Checks of a catalog's questionnaire that need the whole catalog: question, option,
 * spec, attribute and product references that must exist, numbers only where a
 * number is answered, and package selections that must fit their product.
 */
import type { Attribute, Catalog, Product } from '../catalog/schema.js';
import { checkConfiguration } from '../catalog/check-configuration.js';
import { didYouMean, formatPath, type Problem } from '../internal/problems.js';
import type { Need, Question, Questionnaire, SelectNeed, SpecNeed } from './schema.js';

type Path = PropertyKey[];
type Add = (path: Path, message: string) => void;

/** The products a questionnaire recommends from: its packages' products, else every product. */
export function productsOf(catalog: Catalog, questionnaire: Questionnaire): Product[] {
  if (!questionnaire.packages) return catalog.products;
  const ids = new Set(questionnaire.packages.map((p) => p.product));
  return catalog.products.filter((p) => ids.has(p.id));
}

/** Every problem of the catalog's questionnaire, each with its path; none without one. */
export function checkQuestionnaire(catalog: Catalog): Problem[] {
  const questionnaire = catalog.questionnaire;
  if (!questionnaire) return [];
  const problems: Problem[] = [];
  const add: Add = (path, message) => problems.push({ path: formatPath(['questionnaire', ...path]), message });
  const unique = (items: readonly { id: string }[], path: Path, what: string): void => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, i);
      else add([...path, i, 'id'], `duplicate ${what} id "${item.id}" (also ${formatPath(['questionnaire', ...path, first])})`);
    });
  };
  unique(questionnaire.questions, ['questions'], 'question');
  unique(questionnaire.triage ?? [], ['triage'], 'triage rule');
  unique(questionnaire.packages ?? [], ['packages'], 'package');

  const productIds = catalog.products.map((p) => p.id);
  (questionnaire.packages ?? []).forEach((pkg, i) => {
    if (!productIds.includes(pkg.product)) {
      add(['packages', i, 'product'], `unknown product "${pkg.product}"${didYouMean(pkg.product, productIds)}`);
      return;
    }
    const at = formatPath(['questionnaire', 'packages', i]);
    for (const p of checkConfiguration(catalog, { product: pkg.product, selections: pkg.selections ?? {} })) {
      // Not compare's under(): the catalog loader must not pull in the configuration engine.
      problems.push({ path: p.path === '' ? at : `${at}.${p.path}`, message: p.message });
    }
  });

  const products = productsOf(catalog, questionnaire);
  questionnaire.questions.forEach((question, q) => {
    const at: Path = ['questions', q];
    if (question.kind === 'number') {
      if (question.min !== undefined && question.max !== undefined && question.min > question.max) {
        add([...at, 'min'], `min ${question.min} is greater than max ${question.max}`);
      }
      (question.requires ?? []).forEach((need, n) => checkNeed(catalog, products, need, true, [...at, 'requires', n], add));
    } else {
      unique(question.options, [...at, 'options'], 'answer');
      question.options.forEach((option, o) =>
        (option.requires ?? []).forEach((need, n) => checkNeed(catalog, products, need, false, [...at, 'options', o, 'requires', n], add)),
      );
    }
  });

  const questions = new Map(questionnaire.questions.map((q) => [q.id, q]));
  (questionnaire.triage ?? []).forEach((rule, r) =>
    rule.when.forEach((condition, c) => {
      const at: Path = ['triage', r, 'when', c];
      const question = questions.get(condition.question);
      if (!question) {
        add([...at, 'question'], `unknown question "${condition.question}"${didYouMean(condition.question, questions.keys())}`);
        return;
      }
      const range = condition.atLeast !== undefined || condition.atMost !== undefined;
      if (question.kind === 'number') {
        if (condition.is !== undefined) add([...at, 'is'], `"${question.id}" is answered with a number: use "atLeast" and/or "atMost"`);
        else if (!range) add(at, 'needs "atLeast", "atMost" or both');
      } else {
        if (range) add(at, `"${question.id}" is a choice: use "is" with one of its answers`);
        else if (condition.is === undefined) add(at, `needs "is" with one of the answers of "${question.id}"`);
        else checkAnswerId(question, condition.is, [...at, 'is'], add);
      }
    }),
  );
  return problems;
}

function checkAnswerId(question: Question & { options: { id: string }[] }, id: string, path: Path, add: Add): void {
  const ids = question.options.map((o) => o.id);
  if (!ids.includes(id)) add(path, `unknown answer "${id}" of question "${question.id}"${didYouMean(id, ids)}`);
}

function checkNeed(catalog: Catalog, products: readonly Product[], need: Need, numberQuestion: boolean, path: Path, add: Add): void {
  if ('any' in need) {
    need.any.forEach((alternative, i) => checkNeed(catalog, products, alternative, numberQuestion, [...path, 'any', i], add));
    return;
  }
  const answer = (key: string, value: unknown): void => {
    if (value === 'answer' && !numberQuestion) add([...path, key], '"answer" stands for a number answered, and this is not a number question');
  };
  if ('spec' in need) {
    checkSpecNeed(catalog, need, path, add);
    answer('atLeast', need.atLeast);
    answer('atMost', need.atMost);
  } else {
    checkSelectNeed(products, need, path, add);
    answer('quantity', need.quantity);
    answer('atLeast', need.atLeast);
  }
}

function checkSpecNeed(catalog: Catalog, need: SpecNeed, path: Path, add: Add): void {
  const definitions = catalog.specs ?? {};
  const definition = Object.hasOwn(definitions, need.spec) ? definitions[need.spec] : undefined;
  if (!definition) {
    add([...path, 'spec'], `unknown spec "${need.spec}"${didYouMean(need.spec, Object.keys(definitions))}; declare it in the catalog's "specs"`);
    return;
  }
  const given = (['atLeast', 'atMost', 'equals', 'includes'] as const).filter((key) => need[key] !== undefined);
  if (given.length === 0) add(path, 'needs "atLeast", "atMost", "equals" or "includes"');
  if ((need.atLeast !== undefined || need.atMost !== undefined) && definition.type !== 'number') {
    add([...path, need.atLeast !== undefined ? 'atLeast' : 'atMost'], `spec "${need.spec}" is ${definition.type}; only a number spec has a range`);
  }
  if (need.includes !== undefined && definition.type !== 'text') {
    add([...path, 'includes'], `spec "${need.spec}" is ${definition.type}; only a text spec lists values`);
  }
  if (need.equals !== undefined) {
    const type = typeof need.equals === 'string' ? 'text' : typeof need.equals;
    if (type !== definition.type) add([...path, 'equals'], `spec "${need.spec}" is ${definition.type} but ${JSON.stringify(need.equals)} is ${type}`);
  }
}

function checkSelectNeed(products: readonly Product[], need: SelectNeed, path: Path, add: Add): void {
  const [attributeId = '', optionId] = need.select.split(':');
  const found = products.flatMap((p) => p.attributes.filter((a) => a.id === attributeId));
  if (found.length === 0) {
    const all = new Set(products.flatMap((p) => p.attributes.map((a) => a.id)));
    add([...path, 'select'], `no product recommended from has an attribute "${attributeId}"${didYouMean(attributeId, all)}`);
    return;
  }
  const kinds = new Set(found.map((a) => a.kind));
  const quantity = need.quantity !== undefined || need.atLeast !== undefined;
  if (need.quantity !== undefined && need.atLeast !== undefined) add(path, 'give "quantity" or "atLeast", not both');
  if (quantity && !kinds.has('quantity')) add([...path, 'select'], `"${attributeId}" is not a quantity, so it takes no "quantity" or "atLeast"`);
  if (!quantity && kinds.has('quantity')) add(path, `"${attributeId}" is a quantity: give "quantity" or "atLeast"`);
  if (optionId === undefined) {
    if (kinds.has('single') || kinds.has('multiple')) {
      const first = (found.find((a) => a.kind === 'single' || a.kind === 'multiple') as Extract<Attribute, { options: unknown }>).options[0]!.id;
      add([...path, 'select'], `name the option to select, e.g. "${attributeId}:${first}"`);
    }
    return;
  }
  const options = new Set(found.flatMap((a) => (a.kind === 'single' || a.kind === 'multiple' ? a.options.map((o) => o.id) : [])));
  if (options.size === 0) add([...path, 'select'], `"${attributeId}" has no options; write "${attributeId}"`);
  else if (!options.has(optionId)) {
    add([...path, 'select'], `unknown option "${need.select}"${didYouMean(need.select, [...options].map((o) => `${attributeId}:${o}`))}`);
  }
}
