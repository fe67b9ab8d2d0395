/**
 * What the importers share: turning model names into catalog ids, and assembling
 * the one-product catalog that everything downstream (configuration, the elements)
 * works on.
 */
import { loadCatalog } from '../catalog/load.js';
import { RESERVED_KEYS, type Attribute, type Catalog, type Product, type Rule, type Section, type SpecDefinition } from '../catalog/schema.js';

/** A public variability model as a catalog with one product. */
export interface ImportedModel {
  /** The validated, frozen catalog; its only product is {@link ImportedModel.product}. */
  readonly catalog: Catalog;
  /** The product: one boolean attribute per feature or variable, and the model's rules. */
  readonly product: Product;
  /** Attribute id to the original feature or variable name (ids differ where a name is not a valid id). */
  readonly names: ReadonlyMap<string, string>;
}

const ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const MAX_ID_LENGTH = 128;
// A slug leaves room for a "_<n>" suffix that makes it unique.
const MAX_SLUG_LENGTH = MAX_ID_LENGTH - 8;

/** Whether a name can be used as a catalog id as it is. */
export function isCatalogId(name: string): boolean {
  return name.length <= MAX_ID_LENGTH && ID_PATTERN.test(name) && !RESERVED_KEYS.includes(name);
}

/**
 * A readable id for a name that is not one: accents dropped, every run of other
 * characters one `_` (`Training Wheels` -> `Training_Wheels`), `fallback` when nothing is left.
 */
export function slug(name: string, fallback: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.-]+/g, ' ')
    .trim();
  let id = words.replace(/ +/g, '_').replace(/^[.-]+/, '').slice(0, MAX_SLUG_LENGTH);
  if (id === '') id = fallback;
  return RESERVED_KEYS.includes(id) ? `${id}_` : id;
}

/**
 * One unique id per name, in order. Names that are valid ids keep them (they are
 * claimed first, so a slug never takes a name another item uses as it is); the rest
 * get a slug, with `_2`, `_3`... when it is taken.
 */
export function assignIds(names: readonly string[], fallback: string): string[] {
  const ids: (string | undefined)[] = names.map(() => undefined);
  const taken = new Set<string>();
  names.forEach((name, i) => {
    if (isCatalogId(name) && !taken.has(name)) {
      ids[i] = name;
      taken.add(name);
    }
  });
  const nextSuffix = new Map<string, number>();
  return names.map((name, i) => {
    const own = ids[i];
    if (own !== undefined) return own;
    const base = slug(name, fallback);
    let id = base;
    for (let n = nextSuffix.get(base) ?? 2; taken.has(id); n++) {
      id = `${base}_${n}`;
      nextSuffix.set(base, n + 1);
    }
    taken.add(id);
    return id;
  });
}

/** The parts of an imported model, before they become a validated catalog. */
export interface ModelParts {
  /** The catalog's name: the caller's name for the model, else the root feature's. */
  readonly name: string;
  readonly productName: string;
  readonly attributes: Attribute[];
  readonly rules: Rule[];
  readonly sections?: Section[] | undefined;
  readonly specs?: Record<string, SpecDefinition> | undefined;
  readonly names: ReadonlyMap<string, string>;
}

/**
 * Assembles and validates the catalog. The importers only build what the schema
 * accepts, so a `CatalogError` here is an importer bug, not a problem of the input.
 */
export function finishModel(parts: ModelParts, maxDepth: number): ImportedModel {
  const id = slug(parts.name, 'model');
  const catalog = loadCatalog(
    {
      id,
      version: '1',
      name: parts.name,
      defaultCurrency: 'EUR',
      defaultLocale: 'en',
      ...(parts.specs && Object.keys(parts.specs).length > 0 ? { specs: parts.specs } : {}),
      products: [
        {
          id,
          name: parts.productName,
          ...(parts.sections && parts.sections.length > 0 ? { sections: parts.sections } : {}),
          attributes: parts.attributes,
          rules: parts.rules,
        },
      ],
    },
    { maxDepth },
  );
  return { catalog, product: catalog.products[0]!, names: parts.names };
}
