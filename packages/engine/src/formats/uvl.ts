/**
 * UVL (Universal Variability Language) to a catalog product, with the standard
 * feature-model semantics (those of FeatureIDE's DIMACS export, so solution counts
 * agree): the root is selected, a child requires its parent, a mandatory child is
 * required by its parent, an alternative group needs exactly one child of a selected
 * parent, an `or` group at least one, a `[n..m]` group between n and m.
 *
 * Every construct the catalog cannot express exactly is reported with its position;
 * a model is either imported faithfully or not at all.
 */
import type { Attribute, Condition, Rule, Section, SpecDefinition, SpecValue } from '../catalog/schema.js';
import { didYouMean } from '../internal/problems.js';
import { ProblemList, type Position } from './errors.js';
import { assignIds, finishModel, type ImportedModel, type ModelParts } from './model.js';
import { parseUvl, type AttributeValue, type CompareOp, type Expr, type FeatureNode, type GroupNode, type Reference, type UvlModel } from './uvl-parser.js';

/**
 * How deep a translated constraint's conditions may nest. It bounds the recursion
 * here and in validation; real models nest a few levels.
 */
const MAX_CONDITION_DEPTH = 256;
// products[0].rules[i].condition, then 2 levels of the document per condition.
const CATALOG_DEPTH = 8 + 2 * MAX_CONDITION_DEPTH;

/**
 * Imports a UVL model as a product: one boolean attribute per feature (abstract ones
 * too), `requires` rules for the feature tree, `constraint` rules for the
 * cross-tree constraints, and `resource` rules for `sum(attribute) <op> number`.
 * Numeric feature attributes become number specs, so that resource rules can sum
 * them. Throws a {@link FormatError} listing every problem with its line and column,
 * including every construct the catalog cannot express (typed features, feature
 * cardinalities, other arithmetic).
 *
 * @example
 * ```ts
 * const { catalog, product, names } = importUvl(await readFile('model.uvl', 'utf8'));
 * ```
 */
export function importUvl(text: string, options: { name?: string } = {}): ImportedModel {
  const problems = new ProblemList();
  const model = parseUvl(text, problems);
  const parts = model ? translate(model, text, problems, options.name) : undefined;
  problems.throwIfAny('UVL');
  return finishModel(parts!, CATALOG_DEPTH);
}

/** A feature in tree order, with its top-level feature (itself for a child of the root; none for the root). */
interface Placed {
  readonly node: FeatureNode;
  readonly top: FeatureNode | undefined;
}

/** A feature attribute that became a spec: its id, type, and value per feature. */
interface Spec {
  readonly id: string;
  readonly type: SpecDefinition['type'];
  readonly values: Map<FeatureNode, AttributeValue>;
}

/** What translating constraints needs to know. */
interface Context {
  readonly source: string;
  readonly problems: ProblemList;
  readonly ids: ReadonlyMap<string, string>;
  readonly specs: ReadonlyMap<string, Spec>;
  /** Condition nodes still allowed, over all constraints (see MAX_CONDITION_NODES). */
  readonly budget: { nodes: number };
}

function translate(model: UvlModel, source: string, problems: ProblemList, modelName: string | undefined): ModelParts {
  const features = placeFeatures(model.root);
  checkUniqueNames(features, problems);
  const ids = assignIds(
    features.map((f) => f.node.name),
    'feature',
  );
  const idOf = new Map(features.map((f, i) => [f.node, ids[i]!]));
  const rootId = ids[0]!;
  const specs = collectSpecs(features, problems);
  const context: Context = {
    source,
    problems,
    ids: new Map(features.map((f, i) => [f.node.name, ids[i]!])),
    specs,
    budget: { nodes: MAX_CONDITION_NODES },
  };
  const sections = sectionsOf(model.root, idOf);
  const attributes = features.map((f): Attribute => {
    const values = specValues(f.node, specs);
    const section = sections && sectionOf(f, rootId, idOf);
    return {
      id: idOf.get(f.node)!,
      kind: 'boolean',
      name: f.node.name,
      ...(section === undefined ? {} : { section }),
      ...(values === undefined ? {} : { specs: values }),
    };
  });
  const rules: Rule[] = [
    { id: 'root', kind: 'constraint', condition: rootId },
    ...treeRules(features, idOf, problems),
    ...model.constraints.flatMap((expr, i) => constraintRule(expr, `constraint-${i + 1}`, context) ?? []),
  ];
  return {
    name: modelName ?? model.root.name,
    productName: model.root.name,
    attributes,
    rules,
    sections,
    specs: Object.fromEntries([...specs].map(([key, spec]) => [spec.id, { name: key, type: spec.type }])),
    names: new Map(features.map((f, i) => [ids[i]!, f.node.name])),
  };
}

/** The features in depth-first order, as a configurator lists them. */
function placeFeatures(root: FeatureNode): Placed[] {
  const placed: Placed[] = [];
  const visit = (node: FeatureNode, top: FeatureNode | undefined): void => {
    placed.push({ node, top });
    for (const group of node.groups) for (const child of group.features) visit(child, top ?? child);
  };
  visit(root, undefined);
  return placed;
}

function checkUniqueNames(features: readonly Placed[], problems: ProblemList): void {
  const first = new Map<string, Position>();
  for (const { node } of features) {
    const earlier = first.get(node.name);
    if (earlier) problems.add(node.at, `duplicate feature "${node.name}" (first on line ${earlier.line}, column ${earlier.column})`);
    else first.set(node.name, node.at);
  }
}

// ---------------------------------------------------------------------------
// Feature attributes as specs

/**
 * Every attribute key but `abstract` becomes a spec: a number spec when all its values
 * are numbers (so resource rules can sum it), boolean when all are booleans, else text.
 */
function collectSpecs(features: readonly Placed[], problems: ProblemList): Map<string, Spec> {
  const byKey = new Map<string, Map<FeatureNode, AttributeValue>>();
  for (const { node } of features) {
    const seen = new Set<string>();
    for (const attribute of node.attributes) {
      if (attribute.key === 'abstract' || attribute.value === undefined) continue;
      if (seen.has(attribute.key)) {
        problems.add(attribute.at, `the attribute "${attribute.key}" is given twice`);
        continue;
      }
      seen.add(attribute.key);
      const values = byKey.get(attribute.key) ?? new Map<FeatureNode, AttributeValue>();
      byKey.set(attribute.key, values.set(node, attribute.value));
    }
  }
  const keys = [...byKey.keys()];
  const ids = assignIds(keys, 'spec');
  return new Map(
    keys.map((key, i) => {
      const values = byKey.get(key)!;
      return [key, { id: ids[i]!, type: specType([...values.values()]), values }];
    }),
  );
}

function specType(values: readonly AttributeValue[]): SpecDefinition['type'] {
  if (values.every((v) => typeof v === 'number')) return 'number';
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'text';
}

function specValues(node: FeatureNode, specs: ReadonlyMap<string, Spec>): Record<string, SpecValue> | undefined {
  let values: Record<string, SpecValue> | undefined;
  for (const attribute of node.attributes) {
    const spec = specs.get(attribute.key);
    const value = spec?.values.get(node);
    if (!spec || value === undefined) continue;
    values ??= {};
    values[spec.id] = spec.type === 'text' ? String(value) : value;
  }
  return values;
}

// ---------------------------------------------------------------------------
// Sections

/**
 * One section per top-level feature that has features under it, and one for the root
 * with the top-level features that have none; no sections when the tree is flat.
 */
function sectionsOf(root: FeatureNode, idOf: ReadonlyMap<FeatureNode, string>): Section[] | undefined {
  const heads = root.groups.flatMap((g) => g.features).filter((f) => f.groups.length > 0);
  if (heads.length === 0) return undefined;
  return [root, ...heads].map((f) => ({ id: idOf.get(f)!, name: f.name }));
}

/** A feature's section: its top-level feature's, or the root's. */
function sectionOf({ top }: Placed, rootId: string, idOf: ReadonlyMap<FeatureNode, string>): string {
  return top !== undefined && top.groups.length > 0 ? idOf.get(top)! : rootId;
}

// ---------------------------------------------------------------------------
// The feature tree as rules

function treeRules(features: readonly Placed[], idOf: ReadonlyMap<FeatureNode, string>, problems: ProblemList): Rule[] {
  const rules: Rule[] = [];
  const counters = new Map<string, number>();
  const nextId = (kind: string): string => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return `${kind}-${n}`;
  };
  for (const { node } of features) {
    const parent = idOf.get(node)!;
    for (const group of node.groups) {
      const children = group.features.map((child) => idOf.get(child)!);
      for (const child of children) rules.push({ id: nextId('parent'), kind: 'requires', if: child, then: parent });
      if (group.kind === 'mandatory') {
        for (const child of children) rules.push({ id: nextId('mandatory'), kind: 'requires', if: parent, then: child });
        continue;
      }
      const then = groupCondition(group, children, problems);
      if (then !== undefined) rules.push({ id: nextId(group.kind === 'cardinality' ? 'group' : group.kind), kind: 'requires', if: parent, then });
    }
  }
  return rules;
}

/** What a selected parent needs of its group's children; undefined when nothing. */
function groupCondition(group: GroupNode, children: string[], problems: ProblemList): Condition | undefined {
  switch (group.kind) {
    case 'alternative':
      return { count: children, atLeast: 1, atMost: 1 };
    case 'or':
      return children.length === 1 ? children[0]! : { any: children };
    case 'cardinality':
      return cardinalityCondition(group, children, problems);
    default:
      return undefined;
  }
}

function cardinalityCondition(group: GroupNode, children: string[], problems: ProblemList): Condition | undefined {
  const { min, max, text } = group;
  if (max !== undefined && min > max) {
    problems.add(group.at, `the group cardinality ${text} has its lower bound above its upper bound`);
    return undefined;
  }
  if (min > children.length) {
    problems.add(group.at, `the group cardinality ${text} needs at least ${min} features, but the group has ${children.length}`);
    return undefined;
  }
  // `*` means all the children; bounds that every selection meets need no rule.
  const atLeast = min > 0 ? min : undefined;
  const atMost = max !== undefined && max < children.length ? max : undefined;
  if (atLeast === undefined && atMost === undefined) return undefined;
  return { count: children, ...(atLeast === undefined ? {} : { atLeast }), ...(atMost === undefined ? {} : { atMost }) };
}

// ---------------------------------------------------------------------------
// Cross-tree constraints

type Compare = Extract<Expr, { kind: 'compare' }>;

/** `sum(attribute) <op> number` (or mirrored), the one arithmetic a resource rule expresses. */
interface SumBound {
  readonly key: string;
  readonly keyAt: Position;
  readonly op: CompareOp;
  readonly bound: number;
}

const MIRRORED: Record<CompareOp, CompareOp> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

// `<=>` repeats its operands, so nested equivalences grow exponentially once
// translated; this bounds the work a hostile model can cause (real models are far below).
const MAX_CONDITION_NODES = 2_000_000;

/** Thrown to abandon a constraint that nests too deeply; reported once, at its start. */
const TOO_DEEP = Symbol('too deep');

function constraintRule(expr: Expr, id: string, context: Context): Rule | undefined {
  if (expr.kind === 'compare') return resourceRule(expr, id, context);
  let condition: Condition | undefined;
  try {
    condition = toCondition(expr, context, 0);
  } catch (error) {
    if (error !== TOO_DEEP) throw error;
    context.problems.add(expr.at, `the constraint nests deeper than ${MAX_CONDITION_DEPTH} levels once translated`);
    return undefined;
  }
  if (condition === undefined) return undefined;
  context.budget.nodes -= conditionSize(condition, context.budget.nodes);
  if (context.budget.nodes < 0) {
    context.problems.add(expr.at, `the constraint is too large once translated (each "<=>" repeats its operands)`);
    return undefined;
  }
  return { id, kind: 'constraint', condition };
}

/**
 * The condition of a constraint, or undefined after reporting why there is none.
 * `depth` is how deep the result will be nested, at most (each operator adds the
 * levels of its translation), which also bounds this recursion.
 */
function toCondition(expr: Expr, context: Context, depth: number): Condition | undefined {
  if (depth > MAX_CONDITION_DEPTH) throw TOO_DEEP;
  switch (expr.kind) {
    case 'ref':
      return featureReference(expr.parts, expr.at, context);
    case 'not': {
      const operand = toCondition(expr.operand, context, depth + 1);
      return operand === undefined ? undefined : negate(operand);
    }
    case 'and':
    case 'or': {
      const operands: (Condition | undefined)[] = [];
      for (const operand of expr.operands) operands.push(toCondition(operand, context, depth + 1));
      return allDefined(operands) ? joined(expr.kind === 'and' ? 'all' : 'any', operands) : undefined;
    }
    case 'implies': {
      const a = toCondition(expr.left, context, depth + 2);
      const b = toCondition(expr.right, context, depth + 1);
      return a === undefined || b === undefined ? undefined : joined('any', [negate(a), b]);
    }
    case 'iff': {
      const a = toCondition(expr.left, context, depth + 3);
      const b = toCondition(expr.right, context, depth + 3);
      return a === undefined || b === undefined ? undefined : { all: [joined('any', [negate(a), b]), joined('any', [a, negate(b)])] };
    }
    case 'compare':
      reportComparison(expr, context, true);
      return undefined;
    default:
      context.problems.add(expr.at, `${quote(expr, context.source)} is a value, not a constraint`);
      return undefined;
  }
}

function featureReference(parts: readonly string[], at: Position, context: Context): Condition | undefined {
  if (parts.length > 1) {
    context.problems.add(at, `attribute reference ${referenceText(parts)} is not supported`);
    return undefined;
  }
  const name = parts[0]!;
  const id = context.ids.get(name);
  if (id === undefined) context.problems.add(at, `unknown feature "${name}"${didYouMean(name, context.ids.keys())}`);
  return id;
}

function resourceRule(expr: Compare, id: string, context: Context): Rule | undefined {
  const sum = sumBound(expr);
  if (!sum) {
    reportComparison(expr, context, false);
    return undefined;
  }
  const spec = context.specs.get(sum.key);
  if (!spec) {
    context.problems.add(sum.keyAt, `unknown attribute "${sum.key}"${didYouMean(sum.key, context.specs.keys())}`);
    return undefined;
  }
  if (spec.type !== 'number') {
    context.problems.add(sum.keyAt, `the attribute "${sum.key}" is not a number on every feature, so it cannot be summed`);
    return undefined;
  }
  const bounds = resourceBounds(expr, sum, spec, context);
  return bounds && { id, kind: 'resource', sum: spec.id, ...bounds };
}

/** The catalog's inclusive bounds for a comparison; strict ones only over whole numbers. */
function resourceBounds(expr: Compare, { key, op, bound }: SumBound, spec: Spec, context: Context): { atMost?: number; atLeast?: number } | undefined {
  switch (op) {
    case '<=':
      return { atMost: bound };
    case '>=':
      return { atLeast: bound };
    case '==':
      return { atLeast: bound, atMost: bound };
    case '!=':
      context.problems.add(expr.at, `the comparison ${quote(expr, context.source)} is not supported: "!=" is not a bound`);
      return undefined;
    case '<':
    case '>': {
      const fraction = [...spec.values].find(([, value]) => !Number.isInteger(value));
      if (fraction) {
        const [feature, value] = fraction;
        context.problems.add(
          expr.at,
          `strict comparison ${quote(expr, context.source)} needs whole-number values of "${key}" ("${feature.name}" has ${String(value)}): the catalog's bounds are inclusive, so write "${op}="`,
        );
        return undefined;
      }
      return op === '<' ? { atMost: Math.ceil(bound) - 1 } : { atLeast: Math.floor(bound) + 1 };
    }
  }
}

function sumBound(expr: Compare): SumBound | undefined {
  const sumOf = (e: Expr): Reference | undefined =>
    e.kind === 'aggregate' && e.fn === 'sum' && e.args.length === 1 && e.args[0]!.parts.length === 1 ? e.args[0] : undefined;
  const left = sumOf(expr.left);
  if (left && expr.right.kind === 'number') return { key: left.parts[0]!, keyAt: left.at, op: expr.op, bound: expr.right.value };
  const right = sumOf(expr.right);
  if (right && expr.left.kind === 'number') return { key: right.parts[0]!, keyAt: right.at, op: MIRRORED[expr.op], bound: expr.left.value };
  return undefined;
}

/** Reports why a comparison cannot be imported, naming the most specific construct. */
function reportComparison(expr: Compare, context: Context, nested: boolean): void {
  const part = unsupportedPart(expr, expr, context.source);
  if (part) context.problems.add(part.at, part.message);
  else if (nested && sumBound(expr)) context.problems.add(expr.at, `${quote(expr, context.source)} is supported only as a constraint of its own, not inside a formula`);
  else context.problems.add(expr.at, `arithmetic constraint ${quote(expr, context.source)} is not supported (only sum(attribute) compared with a number)`);
}

/** The first construct in a comparison that has no catalog equivalent at all, in source order. */
function unsupportedPart(expr: Expr, comparison: Compare, source: string): { at: Position; message: string } | undefined {
  switch (expr.kind) {
    case 'aggregate': {
      if (expr.fn !== 'sum') return { at: expr.at, message: `aggregate function "${expr.fn}" is not supported` };
      const arg = expr.args[0]!;
      if (expr.args.length > 1) return { at: expr.at, message: `${quote(expr, source)} is not supported (only sum(attribute))` };
      return arg.parts.length > 1 ? { at: arg.at, message: `attribute reference ${referenceText(arg.parts)} is not supported` } : undefined;
    }
    case 'text':
      return { at: comparison.at, message: `string comparison ${quote(comparison, source)} is not supported` };
    case 'ref':
      return expr.parts.length > 1 ? { at: expr.at, message: `attribute reference ${referenceText(expr.parts)} is not supported` } : undefined;
    case 'compare':
    case 'arithmetic':
      return unsupportedPart(expr.left, comparison, source) ?? unsupportedPart(expr.right, comparison, source);
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------
// Conditions

function negate(condition: Condition): Condition {
  return typeof condition === 'object' && 'not' in condition ? condition.not : { not: condition };
}

/** `all` or `any` of the parts, splicing in parts of the same kind to keep nesting shallow. */
function joined(kind: 'all' | 'any', parts: readonly Condition[]): Condition {
  const flat: Condition[] = [];
  for (const part of parts) {
    const same = typeof part !== 'object' ? undefined : kind === 'all' ? ('all' in part ? part.all : undefined) : 'any' in part ? part.any : undefined;
    if (same) for (const p of same) flat.push(p); // no spread: a UVL group may be huge
    else flat.push(part);
  }
  if (flat.length === 1) return flat[0]!;
  return kind === 'all' ? { all: flat } : { any: flat };
}

function allDefined<T>(items: readonly (T | undefined)[]): items is T[] {
  return !items.includes(undefined);
}

/**
 * The number of conditions in a condition tree, where shared subtrees (from `<=>`)
 * count each time; stops counting past `limit`, so that a huge tree costs no more.
 */
function conditionSize(condition: Condition, limit: number): number {
  if (typeof condition === 'string') return 1;
  const children =
    'all' in condition ? condition.all : 'any' in condition ? condition.any : 'not' in condition ? [condition.not] : 'count' in condition ? condition.count : [];
  let size = 1;
  for (const child of children) {
    if (size > limit) break;
    size += conditionSize(child, limit - size);
  }
  return size;
}

/** A construct as written, for a message: `"Inch > 22"`. */
function quote(expr: Expr, source: string): string {
  const text = source.slice(expr.start, expr.end).replace(/\s+/g, ' ');
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}

/** `"Training Wheels".Manufacturer`: the feature quoted, then the attribute. */
function referenceText(parts: readonly string[]): string {
  return `"${parts[0]}".${parts.slice(1).join('.')}`;
}
