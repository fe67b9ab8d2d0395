/**
 * From a catalog product to boolean variables and constraints.
 *
 * Every choosable value gets one variable: an option of a single or multiple choice,
 * a boolean attribute, and each allowed value of a quantity (one-hot). So "which
 * values are still possible" is, for every attribute, "which of its variables can
 * still be true", which the compiled diagram answers for all variables in one pass.
 * No auxiliary variables are introduced, so counting variable assignments counts
 * configurations exactly.
 */
import type { Attribute, Condition, Product, Rule, Catalog } from '../catalog/schema.js';
import { quantityValueCount } from '../catalog/sizes.js';

/** What one boolean variable stands for. */
export interface VariableInfo {
  /** Index of the attribute in `product.attributes`. */
  readonly attribute: number;
  /** The option id (choices), `true` (a boolean attribute) or the quantity value. */
  readonly value: string | true | number;
}

/** A constraint over variables, kept symbolic until the variable order is known. */
export type Formula =
  | { readonly t: 'const'; readonly value: boolean }
  | { readonly t: 'var'; readonly v: number }
  | { readonly t: 'not'; readonly f: Formula }
  | { readonly t: 'and'; readonly fs: readonly Formula[] }
  | { readonly t: 'or'; readonly fs: readonly Formula[] }
  /** Between `min` and `max` of `fs` hold. */
  | { readonly t: 'count'; readonly fs: readonly Formula[]; readonly min: number; readonly max: number }
  /** Σ weight·var is at most `max` (integer weights; negative allowed). */
  | { readonly t: 'linear'; readonly terms: readonly { v: number; w: number }[]; readonly max: number };

/** A constraint and where it came from: an attribute's own structure or a rule. */
export interface Constraint {
  readonly formula: Formula;
  /** The rule id, or undefined for an attribute's structure (exactly one, min..max). */
  readonly rule: string | undefined;
}

export interface Encoding {
  readonly product: Product;
  readonly variables: readonly VariableInfo[];
  /** For each attribute, its variables in value order. */
  readonly attributeVariables: readonly (readonly number[])[];
  readonly constraints: readonly Constraint[];
}

const TRUE_F: Formula = { t: 'const', value: true };
const FALSE_F: Formula = { t: 'const', value: false };
const v = (index: number): Formula => ({ t: 'var', v: index });
const not = (f: Formula): Formula => (f.t === 'const' ? { t: 'const', value: !f.value } : { t: 'not', f });
const or = (fs: Formula[]): Formula => (fs.length === 0 ? FALSE_F : fs.length === 1 ? fs[0]! : { t: 'or', fs });
const and = (fs: Formula[]): Formula => (fs.length === 0 ? TRUE_F : fs.length === 1 ? fs[0]! : { t: 'and', fs });

/**
 * Encodes a product that is within the encoding limits (`ENCODING_LIMITS`): compiling checks that
 * first (`compile-core.ts`, with `encodingProblems`); a precompiled space of this very
 * catalog is known to be, and a page that loads spaces need not load the checks.
 */
export function encode(catalog: Catalog, product: Product): Encoding {
  const variables: VariableInfo[] = [];
  const attributeVariables: number[][] = [];
  const constraints: Constraint[] = [];
  const index = new Map<string, number>();

  product.attributes.forEach((attribute, a) => {
    index.set(attribute.id, a);
    const ids = valuesOf(attribute).map((value) => {
      variables.push({ attribute: a, value });
      return variables.length - 1;
    });
    attributeVariables.push(ids);
    const structure = structureOf(attribute, ids);
    if (structure) constraints.push({ formula: structure, rule: undefined });
  });

  const at = (id: string): number => index.get(id)!; // references were checked by loadCatalog
  const valuesOfAttribute = (id: string) => ({ attribute: product.attributes[at(id)]!, vars: attributeVariables[at(id)]! });

  /** The variables (with their quantity) that make up a count or value of an attribute. */
  const amountTerms = (id: string): { v: number; amount: number }[] => {
    const { attribute, vars } = valuesOfAttribute(id);
    return vars.map((variable, i) => ({
      v: variable,
      amount: attribute.kind === 'quantity' ? (variables[vars[i]!]!.value as number) : 1,
    }));
  };

  const condition = (c: Condition): Formula => {
    if (typeof c === 'string') {
      const [attributeId = '', optionId] = c.split(':');
      const { attribute, vars } = valuesOfAttribute(attributeId);
      if (optionId !== undefined) {
        const i = (attribute as Extract<Attribute, { options: unknown }>).options.findIndex((o) => o.id === optionId);
        return v(vars[i]!);
      }
      // "attr": on, at least one, or any option chosen.
      return or(amountTerms(attributeId).filter((t) => t.amount >= 1).map((t) => v(t.v)));
    }
    if ('all' in c) return and(c.all.map(condition));
    if ('any' in c) return or(c.any.map(condition));
    if ('not' in c) return not(condition(c.not));
    const min = c.atLeast ?? 0;
    if ('count' in c) return { t: 'count', fs: c.count.map(condition), min, max: c.atMost ?? c.count.length };
    const attribute = valuesOfAttribute(c.attribute).attribute;
    const max = c.atMost ?? Number.MAX_SAFE_INTEGER;
    if (attribute.kind === 'quantity') {
      return or(amountTerms(c.attribute).filter((t) => t.amount >= min && t.amount <= max).map((t) => v(t.v)));
    }
    // For choices and booleans: how many of its variables are true.
    const vars = attributeVariables[at(c.attribute)]!;
    return { t: 'count', fs: vars.map(v), min, max: Math.min(max, vars.length) };
  };

  /** Σ spec over the selection, as integer-weighted terms (scaled by `scale`). */
  const specTerms = (spec: string, sign: 1 | -1, scale: number): { v: number; w: number }[] => {
    const terms: { v: number; w: number }[] = [];
    variables.forEach((info, variable) => {
      const attribute = product.attributes[info.attribute]!;
      const specs = attribute.kind === 'single' || attribute.kind === 'multiple'
        ? attribute.options.find((o) => o.id === info.value)?.specs
        : attribute.specs;
      const value = specs && Object.hasOwn(specs, spec) ? specs[spec] : undefined;
      if (typeof value !== 'number' || value === 0) return;
      const amount = attribute.kind === 'quantity' ? (info.value as number) : 1;
      if (amount !== 0) terms.push({ v: variable, w: sign * Math.round(value * amount * scale) });
    });
    return terms;
  };

  for (const rule of product.rules ?? []) {
    const formula = ruleFormula(rule);
    if (formula) constraints.push({ formula, rule: rule.id });
  }

  function ruleFormula(rule: Rule): Formula | undefined {
    switch (rule.kind) {
      case 'requires':
        return or([not(condition(rule.if)), condition(rule.then)]);
      case 'excludes':
        return not(and([condition(rule.if), condition(rule.then)]));
      case 'constraint':
        return condition(rule.condition);
      case 'compatibility':
        return or(
          rule.allowed.map((row) =>
            and(
              row.map((cell, i) => {
                const id = rule.attributes[i]!;
                if (cell === '*') return TRUE_F;
                if (cell === true) return condition(id);
                if (cell === false || cell === null) return not(condition(id));
                return condition(`${id}:${cell}`);
              }),
            ),
          ),
        );
      case 'resource': {
        const scale = decimalScale(catalog, rule);
        const bound = (b: number | { sum: string }, sign: 1 | -1) =>
          typeof b === 'number' ? { terms: [], constant: sign * Math.round(b * scale) } : { terms: specTerms(b.sum, sign, scale), constant: 0 };
        const parts: Formula[] = [];
        if (rule.atMost !== undefined) {
          // Σ spec − bound ≤ 0
          const right = bound(rule.atMost, -1);
          parts.push({ t: 'linear', terms: [...specTerms(rule.sum, 1, scale), ...right.terms], max: -right.constant });
        }
        if (rule.atLeast !== undefined) {
          // bound − Σ spec ≤ 0
          const left = bound(rule.atLeast, 1);
          parts.push({ t: 'linear', terms: [...specTerms(rule.sum, -1, scale), ...left.terms], max: -left.constant });
        }
        return and(parts);
      }
      case 'default':
      case 'recommends':
        return undefined; // preferences, not constraints: used by completion and suggestions
    }
  }

  return { product, variables, attributeVariables, constraints };
}

/** The values an attribute can take, one variable each. */
function valuesOf(attribute: Attribute): (string | true | number)[] {
  switch (attribute.kind) {
    case 'single':
    case 'multiple':
      return attribute.options.map((o) => o.id);
    case 'boolean':
      return [true];
    case 'quantity': {
      // At most ENCODING_LIMITS.quantityValues: compiling checked the product first.
      const min = attribute.min ?? 0;
      const step = attribute.step ?? 1;
      return Array.from({ length: quantityValueCount(min, attribute.max, step) }, (_, i) => min + i * step);
    }
  }
}

/** The constraint an attribute's kind imposes on its own variables. */
function structureOf(attribute: Attribute, vars: number[]): Formula | undefined {
  switch (attribute.kind) {
    case 'single':
      return { t: 'count', fs: vars.map(v), min: attribute.required === false ? 0 : 1, max: 1 };
    case 'multiple':
      return { t: 'count', fs: vars.map(v), min: attribute.min ?? 0, max: attribute.max ?? vars.length };
    case 'quantity':
      return { t: 'count', fs: vars.map(v), min: 1, max: 1 };
    case 'boolean':
      return undefined;
  }
}

/** A power of ten that makes every spec value a resource rule sums an integer. */
function decimalScale(catalog: Catalog, rule: Extract<Rule, { kind: 'resource' }>): number {
  const specs = [rule.sum, ...[rule.atMost, rule.atLeast].flatMap((b) => (b !== undefined && typeof b === 'object' ? [b.sum] : []))];
  let decimals = 0;
  const visit = (value: unknown, key: string) => {
    if (specs.includes(key) && typeof value === 'number') decimals = Math.max(decimals, (String(value).split('.')[1] ?? '').length);
  };
  for (const product of catalog.products) {
    for (const attribute of product.attributes) {
      const specMaps = 'options' in attribute ? attribute.options.map((o) => o.specs ?? {}) : [attribute.specs ?? {}];
      for (const map of specMaps) for (const [key, value] of Object.entries(map)) visit(value, key);
    }
  }
  for (const bound of [rule.atMost, rule.atLeast]) if (typeof bound === 'number') decimals = Math.max(decimals, (String(bound).split('.')[1] ?? '').length);
  return 10 ** Math.min(decimals, 6);
}

/** The parts of a conjunction (nested ones too), or the formula itself. */
export function conjuncts(formula: Formula): Formula[] {
  return formula.t === 'and' ? formula.fs.flatMap(conjuncts) : [formula];
}
