/**
 * Checks of a configuration against its catalog: the product, attributes and options
 * exist and each value has the right kind and range. Apart from the catalog checks,
 * because pricing, sharing and quoting need these on every call and the catalog
 * checks only where a catalog is loaded.
 */
import type { Attribute, Catalog, Configuration } from './schema.js';
import { didYouMean, ProblemList, type Problem } from '../internal/problems.js';

type Path = PropertyKey[];

/**
 * Returns every problem of a configuration against a catalog: unknown product,
 * attributes and options, values of the wrong kind, and quantities or counts out of
 * range. A configuration may be partial; whether it is complete and valid under the
 * rules is the configuration engine's question.
 */
export function checkConfiguration(catalog: Catalog, configuration: Configuration): Problem[] {
  const out = new ProblemList();
  if (configuration.catalog && configuration.catalog.id !== catalog.id) {
    out.add(['catalog', 'id'], `was made for catalog "${configuration.catalog.id}", not "${catalog.id}"`);
  }
  const product = catalog.products.find((p) => p.id === configuration.product);
  if (!product) {
    out.add(['product'], `unknown product "${configuration.product}"${didYouMean(configuration.product, catalog.products.map((p) => p.id))}`);
    return out.problems;
  }
  const attributes = new Map(product.attributes.map((a) => [a.id, a]));
  for (const [id, value] of Object.entries(configuration.selections)) {
    const path = ['selections', id];
    const attribute = attributes.get(id);
    if (!attribute) {
      out.add(path, `unknown attribute "${id}" of product "${product.id}"${didYouMean(id, attributes.keys())}`);
      continue;
    }
    checkSelection(attribute, value, path, out);
  }
  return out.problems;
}

function checkSelection(attribute: Attribute, value: unknown, path: Path, out: ProblemList): void {
  switch (attribute.kind) {
    case 'single':
      if (typeof value !== 'string') out.add(path, `"${attribute.id}" is a single choice: give one option id`);
      else checkOptionId(attribute, value, path, out);
      return;
    case 'multiple': {
      if (!Array.isArray(value)) {
        out.add(path, `"${attribute.id}" is a multiple choice: give a list of option ids`);
        return;
      }
      value.forEach((id, i) => checkOptionId(attribute, String(id), [...path, i], out));
      if (new Set(value).size !== value.length) out.add(path, 'names an option twice');
      const max = attribute.max ?? attribute.options.length;
      if (value.length > max) out.add(path, `chooses ${value.length} options; at most ${max} are allowed`);
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') out.add(path, `"${attribute.id}" is on or off: give true or false`);
      return;
    case 'quantity': {
      if (typeof value !== 'number') {
        out.add(path, `"${attribute.id}" is a quantity: give a whole number`);
        return;
      }
      const problem = quantityProblem(attribute, value);
      if (problem) out.add(path, problem);
      return;
    }
  }
}

/** Adds a problem when `id` is not an option of the attribute. */
export function checkOptionId(attribute: Attribute & { options: { id: string }[] }, id: string, path: Path, out: ProblemList): void {
  const ids = attribute.options.map((o) => o.id);
  if (!ids.includes(id)) out.add(path, `unknown option "${id}" of "${attribute.id}"${didYouMean(id, ids)}`);
}

/** Why a quantity is not allowed for an attribute, or undefined when it is. */
export function quantityProblem(attribute: Extract<Attribute, { kind: 'quantity' }>, value: number): string | undefined {
  const min = attribute.min ?? 0;
  const step = attribute.step ?? 1;
  if (!Number.isInteger(value)) return `quantity ${value} is not a whole number`;
  if (value < min || value > attribute.max) return `quantity ${value} is outside ${min}..${attribute.max}`;
  if ((value - min) % step !== 0) return `quantity ${value} is not ${min} plus a multiple of the step ${step}`;
  return undefined;
}
