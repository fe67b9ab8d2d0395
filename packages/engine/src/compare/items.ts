/**
 * Turns the items to compare into complete configurations: a configuration is taken
 * as it is; a product or package is completed the way a configurator completes it.
 */
import type { Catalog, Configuration, LocalText, Product, SelectionValue } from '../catalog/schema.js';
import { checkConfiguration } from '../catalog/check-configuration.js';
import { CompileError, CompilerNotLoadedError, type CompiledProduct, type CompileOptions } from '../configure/compile-core.js';
import { conditionHolds, violatedRules } from '../configure/evaluate.js';
import { SessionCore, SelectionError } from '../configure/session-core.js';
import { didYouMean, formatPath, type Problem } from '../internal/problems.js';
import type { ConfigurationItem, ProductItem } from './schema.js';
import type { ItemKind } from './types.js';

/** An item with its product and complete configuration. */
export interface ResolvedItem {
  /** Its position in the items given, for problems' paths. */
  readonly index: number;
  readonly id: string;
  readonly kind: ItemKind;
  readonly name: LocalText;
  readonly product: Product;
  readonly owned: boolean;
  readonly configuration: Configuration;
  readonly context: ProductItem['context'];
}

/** Compiled products and completed defaults, per catalog: a comparison is recomputed on every term or baseline change. */
const caches = new WeakMap<Catalog, { compiled: Map<string, CompiledProduct>; completed: Map<string, Configuration> }>();
const MAX_COMPLETED = 256;

/** How products are compiled: `compile` (with every compiler), or with what is loaded (`compileLoaded`, for pages). */
export type Compiler = (catalog: Catalog, options: CompileOptions) => CompiledProduct;

/**
 * Resolves every item, adding a problem with its path for each one that cannot be used.
 * A {@link CompilerNotLoadedError} from `compiler` is thrown, not a problem: the caller loads the compiler and asks again.
 */
export function resolveItems(catalog: Catalog, items: readonly (ProductItem | ConfigurationItem)[], problems: Problem[], compiler: Compiler): ResolvedItem[] {
  const resolved: ResolvedItem[] = [];
  const ids = new Map<string, number>();
  // Explicit ids first, so that a generated id never takes one an item asked for.
  items.forEach((item, index) => {
    if (item.id === undefined) return;
    const first = ids.get(item.id);
    if (first !== undefined) problems.push({ path: formatPath(['items', index, 'id']), message: `duplicate item id "${item.id}" (also items[${first}])` });
    else ids.set(item.id, index);
  });
  items.forEach((item, index) => {
    const at = (...path: PropertyKey[]): string => formatPath(['items', index, ...path]);
    const configurationOf = 'configuration' in item ? item.configuration : undefined;
    const productId = configurationOf ? configurationOf.product : (item as ProductItem).product;
    const product = catalog.products.find((p) => p.id === productId);
    if (!product) {
      const path = configurationOf ? at('configuration', 'product') : at('product');
      problems.push({ path, message: `unknown product "${productId}"${didYouMean(productId, catalog.products.map((p) => p.id))}` });
      return;
    }
    if (item.context?.termMonths !== undefined) {
      problems.push({ path: at('context', 'termMonths'), message: 'the term is the same for every item: set termMonths in the comparison options' });
      return;
    }
    let configuration: Configuration | undefined;
    let kind: ItemKind;
    if (configurationOf) {
      kind = 'configuration';
      const found = checked(catalog, configurationOf);
      for (const p of found) problems.push({ path: under(at('configuration'), p.path), message: p.message });
      if (found.length === 0) configuration = configurationOf;
    } else {
      const selections = (item as ProductItem).selections;
      kind = selections === undefined ? 'product' : 'package';
      configuration = completed(catalog, product, selections ?? {}, at, problems, compiler);
    }
    if (!configuration) return;
    let id = item.id;
    if (id === undefined) {
      id = product.id;
      for (let n = 2; ids.has(id); n++) id = `${product.id}-${n}`;
      ids.set(id, index);
    }
    resolved.push({ index, id, kind, name: item.name ?? product.name, product, owned: item.owned === true, configuration, context: item.context });
  });
  return resolved;
}

/** Frozen configurations (as `loadConfiguration` returns them) already found to fit a catalog. */
const fits = new WeakMap<Configuration, WeakSet<Catalog>>();

/** `checkConfiguration`, remembered for a frozen configuration: a comparison is recomputed on every term or baseline change. */
function checked(catalog: Catalog, configuration: Configuration): readonly Problem[] {
  if (fits.get(configuration)?.has(catalog)) return [];
  const problems = checkConfiguration(catalog, configuration);
  if (problems.length === 0 && Object.isFrozen(configuration) && Object.isFrozen(configuration.selections)) {
    let catalogs = fits.get(configuration);
    if (!catalogs) fits.set(configuration, (catalogs = new WeakSet()));
    catalogs.add(catalog);
  }
  return problems;
}

/** A product with some selections, completed to a valid configuration; remembered per catalog. */
function completed(catalog: Catalog, product: Product, selections: Configuration['selections'], at: (...path: PropertyKey[]) => string, problems: Problem[], compiler: Compiler): Configuration | undefined {
  const found = checkConfiguration(catalog, { product: product.id, selections });
  if (found.length > 0) {
    for (const p of found) problems.push({ path: under(at(), p.path), message: p.message });
    return undefined;
  }
  let cache = caches.get(catalog);
  if (!cache) caches.set(catalog, (cache = { compiled: new Map(), completed: new Map() }));
  const key = `${product.id}\u0000${JSON.stringify(selections)}`;
  const remembered = cache.completed.get(key);
  if (remembered) return remembered;
  // Defaults that already form a valid configuration need no compiled space.
  const direct = byDefaults(product, selections);
  if (direct) {
    const configuration = frozen({ catalog: { id: catalog.id, version: catalog.version }, product: product.id, selections: direct });
    remember(cache.completed, key, configuration);
    return configuration;
  }
  try {
    let compiled = cache.compiled.get(product.id);
    if (!compiled) cache.compiled.set(product.id, (compiled = compiler(catalog, { product: product.id })));
    const configuration = frozen(new SessionCore(compiled, selections).complete().toConfiguration());
    remember(cache.completed, key, configuration);
    return configuration;
  } catch (error) {
    if (error instanceof SelectionError) {
      problems.push({ path: at('selections'), message: `no valid configuration of "${product.id}" has these selections: ${error.message}` });
    } else if (error instanceof CompileError && !(error instanceof CompilerNotLoadedError)) {
      problems.push({ path: at('product'), message: error.message });
    } else {
      throw error;
    }
    return undefined;
  }
}

/** A problem's path inside the item at `prefix`: `items[1]` + `selections.seats`. */
export function under(prefix: string, path: string): string {
  return path === '' ? prefix : path.startsWith('[') ? prefix + path : `${prefix}.${path}`;
}

function remember(cache: Map<string, Configuration>, key: string, configuration: Configuration): void {
  if (cache.size >= MAX_COMPLETED) cache.clear();
  cache.set(key, configuration);
}

/**
 * The completion `ConfigurationSession.complete()` makes, when it can be found
 * without the compiled space: every undecided attribute, in catalog order, takes the
 * value a `default` rule that applies gives it, else its own default, else the first
 * value (off, the smallest quantity, the first option). When the result breaks no
 * rule, each value taken was possible at its turn, so the session would have taken
 * the same ones; otherwise `undefined`, and the caller asks the session.
 */
export function byDefaults(product: Product, initial: Configuration['selections']): Configuration['selections'] | undefined {
  const selections: Record<string, SelectionValue> = { ...initial };
  for (const attribute of product.attributes) {
    const fromRules: (string | number | boolean)[] = [];
    for (const rule of product.rules ?? []) {
      if (rule.kind !== 'default') continue;
      const [id, option] = rule.select.split(':');
      if (id !== attribute.id || (rule.if !== undefined && !conditionHolds(product, selections, rule.if))) continue;
      fromRules.push(option ?? rule.quantity ?? true);
    }
    if (attribute.kind === 'multiple') {
      const chosen = Object.hasOwn(selections, attribute.id) ? (selections[attribute.id] as string[]) : [];
      const wanted = new Set<unknown>([...(attribute.default ?? []), ...fromRules]);
      const all = [...chosen, ...attribute.options.filter((o) => !chosen.includes(o.id) && wanted.has(o.id)).map((o) => o.id)];
      if (all.length > 0) selections[attribute.id] = all;
      continue;
    }
    if (Object.hasOwn(selections, attribute.id)) continue;
    const preferred = [...fromRules, ...(attribute.default === undefined ? [] : [attribute.default])];
    const first = attribute.kind === 'single' ? attribute.options[0]!.id : attribute.kind === 'boolean' ? false : (attribute.min ?? 0);
    const fits = (v: unknown): v is SelectionValue =>
      attribute.kind === 'single' ? typeof v === 'string' : attribute.kind === 'boolean' ? typeof v === 'boolean' : typeof v === 'number';
    selections[attribute.id] = preferred.find(fits) ?? first;
  }
  return violatedRules(product, selections).length === 0 ? selections : undefined;
}

/** Completed configurations are remembered and handed to every comparison: frozen, like loaded ones. */
function frozen(configuration: Configuration): Configuration {
  for (const value of Object.values(configuration.selections)) if (Array.isArray(value)) Object.freeze(value);
  Object.freeze(configuration.selections);
  if (configuration.catalog) Object.freeze(configuration.catalog);
  return Object.freeze(configuration);
}
