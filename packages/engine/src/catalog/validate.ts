/**
 * Checks that need the whole catalog: ids that must be unique or must exist, ranges
 * that must fit, specs that must be declared, texts in the default locale. Runs after
 * the schema accepted the shape; every problem is collected, none stops the others.
 */
import type {
  Attribute,
  Catalog,
  CompatibilityCell,
  Condition,
  Option,
  Product,
  ResourceBound,
  Rule,
  SpecValue,
} from './schema.js';
import { didYouMean, formatPath, ProblemList, type Problem } from '../internal/problems.js';
import { checkPricing, pricingWarnings } from '../price/validate.js';
import { checkQuestionnaire } from '../recommend/validate.js';
import { checkOptionId, quantityProblem } from './check-configuration.js';
import { encodingProblems } from './limits.js';

type Path = PropertyKey[];

/** Returns every problem of a catalog whose shape the schema has accepted. */
export function checkCatalog(catalog: Catalog): Problem[] {
  const out = new ProblemList();
  checkLocales(catalog, out);
  checkCurrency(catalog, out);
  checkTexts(catalog, [], catalog.defaultLocale, out);
  checkSpecDefinitions(catalog, out);
  checkUnique(catalog.products, ['products'], 'product', out);
  catalog.products.forEach((product, i) => checkProduct(catalog, product, ['products', i], out));
  return [...out.problems, ...checkPricing(catalog), ...checkQuestionnaire(catalog)];
}

/**
 * What a valid catalog still says in a deprecated way, each with its path and how to say
 * it now (`pricing.books[1].floorPercent: "floorPercent" is deprecated: ... write
 * "maxDiscountPercent": "20" instead`). The engine reads such a catalog as before;
 * `cpq validate` and `cpq price` print these as warnings.
 */
export function catalogWarnings(catalog: Catalog): Problem[] {
  return pricingWarnings(catalog);
}

function checkLocales(catalog: Catalog, out: ProblemList): void {
  const tags = [catalog.defaultLocale, ...(catalog.locales ?? [])];
  tags.forEach((tag, i) => {
    try {
      Intl.getCanonicalLocales(tag);
    } catch {
      out.add(i === 0 ? ['defaultLocale'] : ['locales', i - 1], `"${tag}" is not a valid language tag`);
    }
  });
  if (catalog.locales && !catalog.locales.includes(catalog.defaultLocale)) {
    out.add(['locales'], `must include the default locale "${catalog.defaultLocale}"`);
  }
}

function checkCurrency(catalog: Catalog, out: ProblemList): void {
  // Intl knows the ISO 4217 list; no hand-written table to fall out of date.
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : undefined;
  if (known && !known.includes(catalog.defaultCurrency)) {
    out.add(['defaultCurrency'], `"${catalog.defaultCurrency}" is not an ISO 4217 currency code`);
  }
}

const TEXT_FIELDS = new Set(['name', 'description', 'message', 'unit']);

/** Every localised text must have a text in the default locale, so nobody sees a blank. */
function checkTexts(node: unknown, path: Path, defaultLocale: string, out: ProblemList): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => checkTexts(item, [...path, i], defaultLocale, out));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'pricing' && path.length === 0) continue;
    if (TEXT_FIELDS.has(key) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      if (!hasDefaultText(value as Record<string, string>, defaultLocale)) {
        out.add([...path, key], `has no text in the default locale "${defaultLocale}"`);
      }
    } else {
      checkTexts(value, [...path, key], defaultLocale, out);
    }
  }
}

function hasDefaultText(text: Record<string, string>, defaultLocale: string): boolean {
  return Object.hasOwn(text, defaultLocale) || Object.hasOwn(text, defaultLocale.split('-')[0]!);
}

function checkSpecDefinitions(catalog: Catalog, out: ProblemList): void {
  for (const [id, spec] of Object.entries(catalog.specs ?? {})) {
    if (spec.better !== undefined && spec.type !== 'number') {
      out.add(['specs', id, 'better'], `only a number spec can be better higher or lower; "${id}" is a ${spec.type} spec`);
    }
    if (spec.preferred !== undefined) {
      const type = typeof spec.preferred === 'string' ? 'text' : typeof spec.preferred;
      if (spec.better !== undefined) {
        out.add(['specs', id, 'preferred'], `a spec has either a preferred value or a better direction, not both; "${id}" is better ${spec.better}`);
      } else if (type !== spec.type) {
        out.add(['specs', id, 'preferred'], `spec "${id}" is declared as ${spec.type} but its preferred value ${JSON.stringify(spec.preferred)} is ${type}`);
      }
    }
  }
}

function checkUnique(items: readonly { id: string }[], path: Path, what: string, out: ProblemList): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else out.add([...path, i, 'id'], `duplicate ${what} id "${item.id}" (also ${formatPath([...path, first])})`);
  });
}

function checkSpecValues(catalog: Catalog, specs: Record<string, SpecValue> | undefined, path: Path, out: ProblemList): void {
  const definitions = catalog.specs ?? {};
  for (const [id, value] of Object.entries(specs ?? {})) {
    const definition = Object.hasOwn(definitions, id) ? definitions[id] : undefined;
    if (!definition) {
      out.add([...path, id], `unknown spec "${id}"${didYouMean(id, Object.keys(definitions))}; declare it in the catalog's "specs"`);
      continue;
    }
    const actual = typeof value === 'number' || typeof value === 'boolean' ? typeof value : 'text';
    if (actual !== definition.type) {
      out.add([...path, id], `spec "${id}" is declared as ${definition.type} but the value ${JSON.stringify(value)} is ${actual}`);
    } else if (typeof value === 'object') {
      if (!hasDefaultText(value, catalog.defaultLocale)) out.add([...path, id], `has no text in the default locale "${catalog.defaultLocale}"`);
    }
  }
}

function checkProduct(catalog: Catalog, product: Product, path: Path, out: ProblemList): void {
  checkSpecValues(catalog, product.specs, [...path, 'specs'], out);
  const sections = product.sections ?? [];
  checkUnique(sections, [...path, 'sections'], 'section', out);
  checkUnique(product.attributes, [...path, 'attributes'], 'attribute', out);
  const sectionIds = sections.map((s) => s.id);
  product.attributes.forEach((attribute, i) => {
    const at = [...path, 'attributes', i];
    if (attribute.section !== undefined && !sectionIds.includes(attribute.section)) {
      out.add([...at, 'section'], `unknown section "${attribute.section}"${didYouMean(attribute.section, sectionIds)}`);
    }
    checkAttribute(catalog, attribute, at, out);
  });
  checkPicture(product, path, out);
  const rules = product.rules ?? [];
  checkUnique(rules, [...path, 'rules'], 'rule', out);
  const scope = new Scope(catalog, product);
  rules.forEach((rule, i) => checkRule(scope, rule, [...path, 'rules', i], out));
  // What the configuration engine can encode: what loads here must compile (or stop at a node or time limit).
  for (const problem of encodingProblems(product)) out.add([...path, ...problem.path], problem.message);
}

/** A picture has one base image or views, and every layer's view is one of them. */
function checkPicture(product: Product, path: Path, out: ProblemList): void {
  const { picture } = product;
  const views = picture?.views ?? [];
  if (picture) {
    const at = [...path, 'picture'];
    if (picture.image === undefined && picture.views === undefined) out.add(at, 'give the base "image", or "views" each with its base image');
    if (picture.image !== undefined && picture.views !== undefined) out.add([...at, 'views'], 'give "image" or "views", not both: the first view is the one shown first');
    checkUnique(views, [...at, 'views'], 'view', out);
  }
  const ids = views.map((v) => v.id);
  const checkLayers = (layers: Option['layers'], at: Path): void =>
    layers?.forEach(({ view }, i) => {
      if (view === undefined || ids.includes(view)) return;
      const where = [...at, 'layers', i, 'view'];
      if (ids.length === 0) out.add(where, `the product's picture has no views; list "${view}" in its "views", or leave "view" out to draw the layer in the one picture`);
      else out.add(where, `unknown view "${view}"${didYouMean(view, ids)}; the picture's views are ${[...new Set(ids)].map((id) => `"${id}"`).join(', ')}`);
    });
  product.attributes.forEach((attribute, i) => {
    const at = [...path, 'attributes', i];
    if (attribute.kind === 'single' || attribute.kind === 'multiple') attribute.options.forEach((o, j) => checkLayers(o.layers, [...at, 'options', j]));
    else checkLayers(attribute.layers, at);
  });
}

function checkAttribute(catalog: Catalog, attribute: Attribute, path: Path, out: ProblemList): void {
  switch (attribute.kind) {
    case 'single': {
      checkUnique(attribute.options, [...path, 'options'], 'option', out);
      attribute.options.forEach((o, i) => checkSpecValues(catalog, o.specs, [...path, 'options', i, 'specs'], out));
      if (attribute.default !== undefined) checkOptionId(attribute, attribute.default, [...path, 'default'], out);
      return;
    }
    case 'multiple': {
      checkUnique(attribute.options, [...path, 'options'], 'option', out);
      attribute.options.forEach((o, i) => checkSpecValues(catalog, o.specs, [...path, 'options', i, 'specs'], out));
      const min = attribute.min ?? 0;
      const max = attribute.max ?? attribute.options.length;
      if (min > max) out.add([...path, 'min'], `min ${min} is greater than max ${max}`);
      if (max > attribute.options.length) {
        out.add([...path, 'max'], `max ${max} is more than the ${attribute.options.length} options there are`);
      }
      if (min > attribute.options.length) {
        out.add([...path, 'min'], `min ${min} is more than the ${attribute.options.length} options there are`);
      }
      const chosen = attribute.default ?? [];
      chosen.forEach((id, i) => checkOptionId(attribute, id, [...path, 'default', i], out));
      if (new Set(chosen).size !== chosen.length) out.add([...path, 'default'], 'names an option twice');
      if (attribute.default !== undefined && (chosen.length < min || chosen.length > max)) {
        out.add([...path, 'default'], `chooses ${chosen.length} options, but between ${min} and ${max} are allowed`);
      }
      return;
    }
    case 'boolean':
      checkSpecValues(catalog, attribute.specs, [...path, 'specs'], out);
      return;
    case 'quantity': {
      checkSpecValues(catalog, attribute.specs, [...path, 'specs'], out);
      const min = attribute.min ?? 0;
      if (min > attribute.max) out.add([...path, 'min'], `min ${min} is greater than max ${attribute.max}`);
      if (attribute.default !== undefined) {
        const problem = quantityProblem(attribute, attribute.default);
        if (problem) out.add([...path, 'default'], problem);
      }
      return;
    }
  }
}


/** Resolves references within one product, with suggestions for near misses. */
class Scope {
  readonly attributes: Map<string, Attribute>;
  constructor(
    readonly catalog: Catalog,
    readonly product: Product,
  ) {
    this.attributes = new Map(product.attributes.map((a) => [a.id, a]));
  }

  attribute(id: string, path: Path, out: ProblemList): Attribute | undefined {
    const attribute = this.attributes.get(id);
    if (!attribute) {
      out.add(path, `unknown attribute "${id}" of product "${this.product.id}"${didYouMean(id, this.attributes.keys())}`);
    }
    return attribute;
  }

  /** Checks `"attribute"` or `"attribute:option"`; returns the attribute when it resolves. */
  reference(reference: string, path: Path, out: ProblemList): Attribute | undefined {
    const [attributeId = '', optionId] = reference.split(':');
    const attribute = this.attribute(attributeId, path, out);
    if (!attribute || optionId === undefined) return attribute;
    if (attribute.kind === 'boolean' || attribute.kind === 'quantity') {
      out.add(path, `"${attributeId}" is a ${attribute.kind} and has no options; write "${attributeId}"`);
      return undefined;
    }
    const ids = attribute.options.map((o) => o.id);
    if (!ids.includes(optionId)) {
      // Suggest the full reference, which is what the author will copy.
      const suggestion = didYouMean(`${attributeId}:${optionId}`, ids.map((id) => `${attributeId}:${id}`));
      out.add(path, `unknown option "${reference}"${suggestion}`);
      return undefined;
    }
    return attribute;
  }

  condition(condition: Condition, path: Path, out: ProblemList): void {
    if (typeof condition === 'string') {
      this.reference(condition, path, out);
    } else if ('all' in condition) {
      condition.all.forEach((c, i) => this.condition(c, [...path, 'all', i], out));
    } else if ('any' in condition) {
      condition.any.forEach((c, i) => this.condition(c, [...path, 'any', i], out));
    } else if ('not' in condition) {
      this.condition(condition.not, [...path, 'not'], out);
    } else {
      if ('count' in condition) {
        condition.count.forEach((c, i) => this.condition(c, [...path, 'count', i], out));
        if (condition.atLeast !== undefined && condition.atLeast > condition.count.length) {
          out.add([...path, 'atLeast'], `atLeast ${condition.atLeast} is more than the ${condition.count.length} conditions counted, so it never holds`);
        }
      } else {
        this.attribute(condition.attribute, [...path, 'attribute'], out);
      }
      if (condition.atLeast === undefined && condition.atMost === undefined) {
        out.add(path, 'needs "atLeast", "atMost" or both');
      } else if (condition.atLeast !== undefined && condition.atMost !== undefined && condition.atLeast > condition.atMost) {
        out.add(path, `atLeast ${condition.atLeast} is greater than atMost ${condition.atMost}, so it never holds`);
      }
    }
  }

  numericSpec(id: string, path: Path, out: ProblemList): void {
    const definitions = this.catalog.specs ?? {};
    const definition = Object.hasOwn(definitions, id) ? definitions[id] : undefined;
    if (!definition) out.add(path, `unknown spec "${id}"${didYouMean(id, Object.keys(definitions))}`);
    else if (definition.type !== 'number') out.add(path, `spec "${id}" is ${definition.type}, but a resource sums numbers`);
  }
}

/** The selections a condition mentions, as references (`"a"`, `"a:x"`). */
function referencesOf(condition: Condition): string[] {
  if (typeof condition === 'string') return [condition];
  if ('all' in condition) return condition.all.flatMap(referencesOf);
  if ('any' in condition) return condition.any.flatMap(referencesOf);
  if ('not' in condition) return referencesOf(condition.not);
  if ('count' in condition) return condition.count.flatMap(referencesOf);
  return [condition.attribute];
}

function checkRule(scope: Scope, rule: Rule, path: Path, out: ProblemList): void {
  switch (rule.kind) {
    case 'requires':
    case 'excludes': {
      scope.condition(rule.if, [...path, 'if'], out);
      scope.condition(rule.then, [...path, 'then'], out);
      const own = new Set(referencesOf(rule.if));
      const both = referencesOf(rule.then).filter((r) => own.has(r));
      if (both.length > 0) {
        out.add([...path, 'then'], `the rule refers to itself: "${both[0]}" is both its condition and what it ${rule.kind === 'requires' ? 'requires' : 'excludes'}`);
      }
      return;
    }
    case 'constraint':
      scope.condition(rule.condition, [...path, 'condition'], out);
      return;
    case 'compatibility':
      checkCompatibility(scope, rule, path, out);
      return;
    case 'resource': {
      scope.numericSpec(rule.sum, [...path, 'sum'], out);
      if (rule.atMost === undefined && rule.atLeast === undefined) out.add(path, 'needs "atMost", "atLeast" or both');
      const bound = (b: ResourceBound | undefined, key: string): void => {
        if (b !== undefined && typeof b === 'object') {
          scope.numericSpec(b.sum, [...path, key, 'sum'], out);
          if (b.sum === rule.sum) out.add([...path, key, 'sum'], `the rule refers to itself: it compares the sum of "${rule.sum}" with itself`);
        }
      };
      bound(rule.atMost, 'atMost');
      bound(rule.atLeast, 'atLeast');
      return;
    }
    case 'default': {
      if (rule.if !== undefined) scope.condition(rule.if, [...path, 'if'], out);
      const attribute = scope.reference(rule.select, [...path, 'select'], out);
      if (attribute?.kind === 'quantity') {
        if (rule.quantity === undefined) out.add([...path, 'quantity'], `is required to set the quantity "${attribute.id}"`);
        else {
          const problem = quantityProblem(attribute, rule.quantity);
          if (problem) out.add([...path, 'quantity'], problem);
        }
      } else if (attribute && rule.quantity !== undefined) {
        out.add([...path, 'quantity'], `only a quantity attribute takes a quantity; "${attribute.id}" is a ${attribute.kind}`);
      } else if (attribute?.kind === 'single' && !rule.select.includes(':')) {
        out.add([...path, 'select'], `name the option to select, e.g. "${attribute.id}:${attribute.options[0]!.id}"`);
      }
      if (rule.if !== undefined && referencesOf(rule.if).includes(rule.select)) {
        out.add([...path, 'select'], `the rule refers to itself: "${rule.select}" is both its condition and its default`);
      }
      return;
    }
    case 'recommends':
      if (rule.if !== undefined) scope.condition(rule.if, [...path, 'if'], out);
      rule.then.forEach((reference, i) => scope.reference(reference, [...path, 'then', i], out));
      return;
  }
}

function checkCompatibility(scope: Scope, rule: Extract<Rule, { kind: 'compatibility' }>, path: Path, out: ProblemList): void {
  const columns = rule.attributes.map((id, i) => {
    const attribute = scope.attribute(id, [...path, 'attributes', i], out);
    if (attribute && attribute.kind !== 'single' && attribute.kind !== 'boolean') {
      out.add([...path, 'attributes', i], `"${id}" is a ${attribute.kind}; a compatibility table relates single choices and booleans`);
      return undefined;
    }
    if (rule.attributes.indexOf(id) !== i) out.add([...path, 'attributes', i], `"${id}" is listed twice`);
    return attribute;
  });
  rule.allowed.forEach((row, r) => {
    if (row.length !== columns.length) {
      out.add([...path, 'allowed', r], `has ${row.length} values but the table has ${columns.length} attributes`);
      return;
    }
    row.forEach((cell, c) => {
      const problem = cellProblem(columns[c], cell);
      if (problem) out.add([...path, 'allowed', r, c], problem);
    });
  });
}

function cellProblem(attribute: Attribute | undefined, cell: CompatibilityCell): string | undefined {
  if (attribute === undefined || cell === '*') return undefined;
  if (attribute.kind === 'boolean') {
    return typeof cell === 'boolean' ? undefined : `"${attribute.id}" is a boolean: use true, false or "*"`;
  }
  if (attribute.kind !== 'single') return undefined;
  if (cell === null) {
    return attribute.required === false ? undefined : `"${attribute.id}" is required, so "nothing chosen" (null) never occurs`;
  }
  if (typeof cell !== 'string') return `"${attribute.id}" is a single choice: use an option id, "*" or null`;
  const ids = attribute.options.map((o) => o.id);
  return ids.includes(cell) ? undefined : `unknown option "${cell}" of "${attribute.id}"${didYouMean(cell, ids)}`;
}
