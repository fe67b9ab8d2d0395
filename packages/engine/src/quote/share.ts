/**
 * A share text read against a catalog (the text's format is in `share-text.ts`): what
 * of the recorded configuration fits the catalog now, and what no longer does (which
 * selection, and why), never silently dropped. Fitting runs a configuration session
 * with explanations, which a page that only writes links does not load.
 */
import type { Catalog, Configuration, SelectionValue } from '../catalog/schema.js';
import { checkConfiguration } from '../catalog/check-configuration.js';
import { compileLoaded, type CompiledProduct } from '../configure/compile-core.js';
import { ConfigurationSession, SelectionError, type Decision } from '../configure/session.js';
import { parseShareText, ShareLinkError, type RecordedConfiguration } from './share-text.js';

/** A selection that a catalog no longer accepts, and why. */
export interface DroppedSelection {
  readonly attribute: string;
  /** The value dropped; for a multiple choice, the options dropped. */
  readonly value: SelectionValue;
  /**
   * `unknown-attribute`: the product no longer has the attribute; `unknown-option`: the
   * option is gone; `not-allowed`: the value no longer fits the attribute (another kind,
   * out of range, too many options); `conflict`: the rules no longer allow it with the
   * selections kept before it.
   */
  readonly reason: 'unknown-attribute' | 'unknown-option' | 'not-allowed' | 'conflict';
  /** The same in a sentence. */
  readonly message: string;
  /** For a conflict: the rules that exclude it. */
  readonly rules?: readonly string[];
  /** For a conflict: the kept decisions it clashes with. */
  readonly conflictsWith?: readonly Decision[];
}

/** What {@link decodeConfiguration} read, and what of it fits the catalog. */
export interface DecodedConfiguration {
  /** The configuration as it fits the catalog now, stamped with the catalog's id and version. */
  readonly configuration: Configuration;
  /** The catalog and selections as the text recorded them. */
  readonly recorded: RecordedConfiguration;
  /** Whether the text was made with another version of the catalog. */
  readonly catalogChanged: boolean;
  /** The selections that no longer fit, in the order they were recorded. Empty: the configuration is exactly the one shared. */
  readonly dropped: readonly DroppedSelection[];
}

/** Options of {@link decodeConfiguration} and {@link fitConfiguration}. */
export interface FitOptions {
  /** The product compiled already (a configurator has it); default compiled here, once per frozen catalog. */
  readonly compiled?: CompiledProduct;
}

/**
 * Reads a share text against a catalog. When the catalog changed since the text was
 * made, selections that no longer fit are dropped and reported one by one with the
 * reason: an attribute or option that is gone, a value out of range, or a conflict with
 * the rules (with the rules and the selections it clashes with). Nothing is changed
 * without a report. Throws {@link ShareLinkError} for a text that cannot be read, one
 * made for another catalog, or a product the catalog no longer has.
 *
 * @example
 * ```ts
 * const { configuration, dropped } = decodeConfiguration(shareCodeOf(location.href)!, catalog);
 * for (const d of dropped) console.log(d.message); // "camera = "ptz": the option is no longer offered"
 * ```
 */
export function decodeConfiguration(text: string, catalog: Catalog, options: FitOptions = {}): DecodedConfiguration {
  const recorded = parseShareText(text);
  if (recorded.catalog.id !== catalog.id) {
    throw new ShareLinkError([{ path: 'catalog', message: `the link is for catalog "${recorded.catalog.id}", not "${catalog.id}"` }]);
  }
  const { configuration, dropped } = fitConfiguration(catalog, { product: recorded.product, selections: recorded.selections }, options);
  return { configuration, recorded, catalogChanged: recorded.catalog.version !== catalog.version, dropped };
}

const compiledProducts = new WeakMap<Catalog, Map<string, CompiledProduct>>();

function compiledOf(catalog: Catalog, product: string): CompiledProduct {
  if (!Object.isFrozen(catalog)) return compileLoaded(catalog, { product });
  let byProduct = compiledProducts.get(catalog);
  if (!byProduct) compiledProducts.set(catalog, (byProduct = new Map()));
  let compiled = byProduct.get(product);
  if (!compiled) byProduct.set(product, (compiled = compileLoaded(catalog, { product })));
  return compiled;
}

/**
 * Keeps of a configuration what fits a catalog: first each selection on its own
 * (`checkConfiguration`: the attribute and options exist, the value has the right kind
 * and range), then all of them together, in their order, through a configuration session
 * (a selection that the rules exclude with those kept before it is dropped, with the
 * session's explanation). Throws {@link ShareLinkError} when the product is gone.
 */
export function fitConfiguration(
  catalog: Catalog,
  configuration: { readonly product: string; readonly selections: Readonly<Record<string, SelectionValue>> },
  options: FitOptions = {},
): { configuration: Configuration; dropped: DroppedSelection[] } {
  const product = catalog.products.find((p) => p.id === configuration.product);
  if (!product) {
    const problems = checkConfiguration(catalog, { product: configuration.product, selections: {} });
    throw new ShareLinkError(problems.map((p) => ({ ...p, message: `${p.message}: the catalog no longer has it` })));
  }
  const dropped: DroppedSelection[] = [];
  const drop = (attribute: string, value: SelectionValue, reason: DroppedSelection['reason'], why: string, extra: Partial<DroppedSelection> = {}): void => {
    dropped.push({ attribute, value, reason, message: `${attribute} = ${JSON.stringify(value)}: ${why}`, ...extra });
  };
  const kept: [string, SelectionValue][] = [];
  for (const [attribute, value] of Object.entries(configuration.selections)) {
    const definition = product.attributes.find((a) => a.id === attribute);
    if (!definition) {
      drop(attribute, value, 'unknown-attribute', `product "${product.id}" no longer has "${attribute}"`);
      continue;
    }
    const problems = checkConfiguration(catalog, { product: product.id, selections: { [attribute]: value } });
    if (problems.length === 0) {
      kept.push([attribute, value]);
      continue;
    }
    if (definition.kind !== 'multiple' || !Array.isArray(value)) {
      const unknownOption = definition.kind === 'single' && typeof value === 'string';
      drop(attribute, value, unknownOption ? 'unknown-option' : 'not-allowed', problems.map((p) => p.message).join('; '));
      continue;
    }
    // A multiple choice keeps the options that still exist, once each, up to its maximum.
    const options: string[] = [];
    value.forEach((option) => {
      if (options.includes(option)) drop(attribute, [option], 'not-allowed', 'is named twice');
      else if (!definition.options.some((o) => o.id === option)) drop(attribute, [option], 'unknown-option', `"${attribute}" no longer offers "${option}"`);
      else options.push(option);
    });
    const max = definition.max ?? definition.options.length;
    if (options.length > max) drop(attribute, options.splice(max), 'not-allowed', `at most ${max} options of "${attribute}" may be chosen now`);
    kept.push([attribute, options]);
  }

  const session = new ConfigurationSession(options.compiled ?? compiledOf(catalog, product.id));
  const choose = (attribute: string, value: string | number | boolean, dropped: SelectionValue): void => {
    try {
      session.select(attribute, value);
    } catch (error) {
      if (!(error instanceof SelectionError)) throw error;
      const why = session.explain({ attribute, value });
      const others = why.conflicting.map((d) => `${d.attribute} = ${JSON.stringify(d.value)}`);
      const text = others.length > 0 ? `not possible together with ${others.join(', ')}` : 'no longer possible in any configuration';
      drop(attribute, dropped, 'conflict', `${text}${why.rules.length > 0 ? ` (rules ${why.rules.join(', ')})` : ''}`, { rules: why.rules, conflictsWith: why.conflicting });
    }
  };
  for (const [attribute, value] of kept) {
    if (Array.isArray(value)) for (const option of value) choose(attribute, option, [option]);
    else choose(attribute, value, value);
  }
  const fitted = session.toConfiguration();
  // A multiple choice the buyer decided to leave empty stays so.
  for (const [attribute, value] of kept) if (Array.isArray(value) && value.length === 0 && !Object.hasOwn(fitted.selections, attribute)) fitted.selections[attribute] = [];
  return { configuration: fitted, dropped };
}
