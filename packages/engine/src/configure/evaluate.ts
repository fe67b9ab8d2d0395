/**
 * Direct evaluation of a product's rules on one complete configuration, without
 * compiling anything: what a server uses to check a configuration it receives, and
 * what the tests use as an independent oracle for the compiled space.
 */
import type { Attribute, Condition, Configuration, Product, Rule } from '../catalog/schema.js';

/** Whether a condition holds for (possibly partial) selections; unselected means nothing chosen. */
export function conditionHolds(product: Product, selections: Configuration['selections'], condition: Condition): boolean {
  return readers(product, selections).holds(condition);
}

/** Reads selections the way rules see them: how much of an attribute, which options, which conditions. */
function readers(product: Product, selections: Configuration['selections']) {
  const byId = new Map(product.attributes.map((a) => [a.id, a]));
  const amount = (id: string): number => {
    const attribute = byId.get(id)!;
    const value = Object.hasOwn(selections, id) ? selections[id] : undefined;
    if (value === undefined) return 0;
    if (attribute.kind === 'multiple') return (value as string[]).length;
    if (attribute.kind === 'quantity') return value as number;
    if (attribute.kind === 'boolean') return value ? 1 : 0;
    return 1;
  };
  const chosen = (id: string, option: string): boolean => {
    const value = Object.hasOwn(selections, id) ? selections[id] : undefined;
    return Array.isArray(value) ? value.includes(option) : value === option;
  };
  const holds = (c: Condition): boolean => {
    if (typeof c === 'string') {
      const [id = '', option] = c.split(':');
      return option === undefined ? amount(id) >= 1 : chosen(id, option);
    }
    if ('all' in c) return c.all.every(holds);
    if ('any' in c) return c.any.some(holds);
    if ('not' in c) return !holds(c.not);
    const n = 'count' in c ? c.count.filter(holds).length : amount(c.attribute);
    return n >= (c.atLeast ?? 0) && n <= (c.atMost ?? Infinity);
  };
  return { amount, chosen, holds };
}

/**
 * The ids of the rules (and `structure:<attribute>` for an attribute's own limits:
 * exactly one option, min..max, a quantity in range) that `selections` violates.
 * Unselected attributes count as nothing chosen (off, zero options, no quantity).
 */
export function violatedRules(product: Product, selections: Configuration['selections']): string[] {
  const { amount, chosen, holds } = readers(product, selections);
  const specSum = (spec: string): number => {
    let total = 0;
    for (const attribute of product.attributes) {
      const n = amount(attribute.id);
      if (n === 0) continue;
      if (attribute.kind === 'single' || attribute.kind === 'multiple') {
        for (const option of attribute.options) if (chosen(attribute.id, option.id)) total += numeric(option.specs?.[spec]);
      } else {
        total += numeric(attribute.specs?.[spec]) * n;
      }
    }
    return total;
  };
  const ruleHolds = (rule: Rule): boolean => {
    switch (rule.kind) {
      case 'requires':
        return !holds(rule.if) || holds(rule.then);
      case 'excludes':
        return !(holds(rule.if) && holds(rule.then));
      case 'constraint':
        return holds(rule.condition);
      case 'compatibility':
        return rule.allowed.some((row) =>
          row.every((cell, i) => {
            const id = rule.attributes[i]!;
            if (cell === '*') return true;
            if (cell === true) return amount(id) >= 1;
            if (cell === false || cell === null) return amount(id) === 0;
            return chosen(id, cell);
          }),
        );
      case 'resource': {
        const total = specSum(rule.sum);
        const bound = (b: number | { sum: string }) => (typeof b === 'number' ? b : specSum(b.sum));
        // Compare in integers at the rule's precision, as the compiled space does.
        const eps = 1e-9;
        return (rule.atMost === undefined || total <= bound(rule.atMost) + eps) && (rule.atLeast === undefined || total >= bound(rule.atLeast) - eps);
      }
      case 'default':
      case 'recommends':
        return true;
    }
  };
  const violated = product.attributes.filter((a) => !structureHolds(a, selections[a.id])).map((a) => `structure:${a.id}`);
  for (const rule of product.rules ?? []) if (!ruleHolds(rule)) violated.push(rule.id);
  return violated;
}

function structureHolds(attribute: Attribute, value: unknown): boolean {
  switch (attribute.kind) {
    case 'single':
      return value === undefined ? attribute.required === false : attribute.options.some((o) => o.id === value);
    case 'multiple': {
      const n = Array.isArray(value) ? value.length : 0;
      return n >= (attribute.min ?? 0) && n <= (attribute.max ?? attribute.options.length);
    }
    case 'boolean':
      return true;
    case 'quantity': {
      const q = typeof value === 'number' ? value : undefined;
      const min = attribute.min ?? 0;
      return q !== undefined && q >= min && q <= attribute.max && (q - min) % (attribute.step ?? 1) === 0;
    }
  }
}

function numeric(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}
