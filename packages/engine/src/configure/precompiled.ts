/**
 * Precompiled solution spaces: compile once (`cpq compile`, a build step), ship the
 * diagram as JSON, and load it in the page instead of compiling there. The file names
 * the catalog it was compiled from by content hash, so a space never silently answers
 * for a different catalog, and carries a format version, so an engine never misreads
 * a format it does not know.
 *
 * The diagram is stored as base64 of unsigned LEB128 varints: per node its level and
 * the distance down to each child (children always have smaller ids, usually close
 * ones), which makes the file about a third of plain 32-bit arrays.
 */
import type { Catalog } from '../catalog/schema.js';
import { catalogHash, CatalogError, isChecked, markChecked } from '../catalog/checked.js';
import type { JsonLimits } from '../internal/json.js';
import { DEFAULT_LIMITS, readJson } from '../internal/read-json.js';
import { ValidationError, type Problem } from '../internal/problems.js';
import type { CompiledProduct } from './compile-core.js';
import { compileOnDemand } from './compile-on-demand.js';
import { encode } from './encode.js';
import { DdnnfSpace, KIND_DECISION, KIND_LITERAL } from './ddnnf-space.js';
import { BddSpace } from './space.js';
import type { PrecompiledSpace } from './space-schema.js';

declare function atob(text: string): string;
declare function btoa(binary: string): string;

/** The format this engine writes and reads. A change in encoding or layout is a new version. */
export const SPACE_FORMAT_VERSION = 2;

/**
 * The shape of every space this engine writes, for {@link isSpaceShaped}. Typed as the
 * schema's type, so TypeScript refuses it when a field is added, dropped or retyped.
 */
const SHAPE: PrecompiledSpace = {
  format: 'cpq-space',
  version: 0,
  catalog: { id: '', version: '', hash: '' },
  product: '',
  variables: 0,
  form: 'bdd',
  auxiliary: 0,
  nodes: 0,
  root: 0,
  order: '',
  diagram: '',
};

/**
 * Whether `value` is a space document: exactly the fields of {@link SHAPE}, each of its
 * kind, in the format "cpq-space". The fast path that spares a page the schema library:
 * it accepts nothing that {@link PrecompiledSpaceSchema} refuses (a property test holds
 * it to that), and what it refuses is read by the schema, which says what is wrong where.
 *
 * @internal
 */
export function isSpaceShaped(value: unknown): value is PrecompiledSpace {
  const form = (value as PrecompiledSpace).form;
  return sameKinds(value, SHAPE) && (value as PrecompiledSpace).format === SHAPE.format && (form === 'bdd' || form === 'ddnnf');
}

function sameKinds(value: unknown, shape: object): boolean {
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  if (Object.keys(value).length !== Object.keys(shape).length) return false;
  return Object.entries(shape).every(([key, expected]) => {
    if (!Object.hasOwn(value, key)) return false;
    const actual = (value as Record<string, unknown>)[key];
    if (typeof expected === 'object') return sameKinds(actual, expected as object);
    return typeof actual === typeof expected && (typeof actual !== 'number' || Number.isFinite(actual));
  });
}

/** Why a precompiled space cannot be used: a wrong file, another catalog, another format version. */
export class SpaceError extends ValidationError {
  constructor(problems: readonly Problem[]) {
    super('The precompiled space', problems);
    this.name = 'SpaceError';
  }
}

/** How to read a precompiled space: the JSON limits, and how to pause between steps. */
export interface LoadSpaceOptions extends JsonLimits {
  /**
   * Awaited between the steps of loading (reading, hashing, building the diagram): a
   * page passes a function that resolves in a new task, so that loading a large space
   * is several short tasks instead of one long one. None by default.
   */
  pause?: () => Promise<void>;
}

/** Serialises a compiled product's space, stamped with its catalog's content hash. */
export async function saveSpace(compiled: CompiledProduct): Promise<PrecompiledSpace> {
  const { catalog, product, space, encoding } = compiled;
  const common = {
    format: 'cpq-space',
    version: SPACE_FORMAT_VERSION,
    catalog: { id: catalog.id, version: catalog.version, hash: await catalogHash(catalog) },
    product: product.id,
    variables: encoding.variables.length,
  } as const;
  if (space instanceof BddSpace) {
    const diagram: number[] = [];
    for (let id = 2; id < space.size; id++) diagram.push(space.level[id]!, id - space.low[id]!, id - space.high[id]!);
    const order = toBase64(writeVarints(space.levelOf));
    return { ...common, form: 'bdd', auxiliary: 0, nodes: space.size, root: space.root, order, diagram: toBase64(writeVarints(diagram)) };
  }
  if (!(space instanceof DdnnfSpace)) throw new TypeError('saveSpace saves the spaces that compile makes');
  return { ...common, form: 'ddnnf', auxiliary: space.totalVariables - space.variableCount, nodes: space.kind.length, root: space.root, order: '', diagram: toBase64(writeVarints(ddnnfNumbers(space))) };
}

/**
 * A decision-DNNF as numbers, node after node from id 2: its kind, then a literal's
 * 2·variable + value; a decision's variable and the distances down to its branches; an
 * AND's part count and per part 2·distance (a node) or 2·variable + 1 (a free variable).
 */
function ddnnfNumbers(space: DdnnfSpace): number[] {
  const { kind, variable, first, second, parts } = space;
  const out: number[] = [];
  for (let id = 2; id < kind.length; id++) {
    out.push(kind[id]!);
    if (kind[id] === KIND_LITERAL) out.push(2 * variable[id]! + first[id]!);
    else if (kind[id] === KIND_DECISION) out.push(variable[id]!, id - first[id]!, id - second[id]!);
    else {
      out.push(second[id]! - first[id]!);
      for (let q = first[id]!; q < second[id]!; q++) out.push(parts[q]! >= 0 ? 2 * (id - parts[q]!) : 2 * ~parts[q]! + 1);
    }
  }
  return out;
}

/**
 * Loads a precompiled space for a catalog: a JSON text (read strictly) or a parsed
 * document. Checks the format version, that the catalog's content hash is the one the
 * space was compiled from, and that the diagram is well formed (an edited file must
 * not give wrong answers); throws a {@link SpaceError} naming what does not match.
 */
export async function loadSpace(catalog: Catalog, input: unknown, options: LoadSpaceOptions = {}): Promise<CompiledProduct> {
  const { pause, ...limits } = options;
  let value = input;
  if (typeof input === 'string') {
    const document = await readJson(input, { maxLength: 100_000_000, ...limits });
    if (!document.ok) throw new SpaceError(document.problems);
    value = document.value;
    await pause?.();
  }
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== 'cpq-space') throw new SpaceError([{ path: 'format', message: `this is not a precompiled space (format is ${JSON.stringify(format)}, not "cpq-space"); write one with cpq compile` }]);
  if (!isSpaceShaped(value)) {
    const { spaceProblems } = await import('./space-schema.js');
    const problems = spaceProblems(value);
    if (problems.length > 0) throw new SpaceError(problems);
  }
  const space = value as PrecompiledSpace;
  if (space.version !== SPACE_FORMAT_VERSION) {
    const which = space.version > SPACE_FORMAT_VERSION ? 'newer than this engine reads' : 'older than this engine reads';
    throw new SpaceError([{ path: 'version', message: `format version ${space.version} is ${which} (${SPACE_FORMAT_VERSION}); compile the space again with this engine's cpq compile` }]);
  }
  await pause?.();
  const hash = await catalogHash(catalog, pause);
  await pause?.();
  if (space.catalog.hash !== hash) {
    const was = `${space.catalog.id} ${space.catalog.version} (${space.catalog.hash})`;
    const now = `${catalog.id} ${catalog.version} (${hash})`;
    throw new SpaceError([{ path: 'catalog.hash', message: `the space was compiled from catalog ${was}, not from this catalog ${now}; compile it again` }]);
  }
  const product = catalog.products.find((p) => p.id === space.product);
  if (!product) throw new SpaceError([{ path: 'product', message: `the catalog has no product "${space.product}"` }]);
  // The space was compiled from this very catalog (same hash), so the product is within the encoding's limits.
  const encoding = encode(catalog, product);
  if (encoding.variables.length !== space.variables) {
    throw new SpaceError([{ path: 'variables', message: `the space has ${space.variables} variables, this engine encodes the product with ${encoding.variables.length}; compile it again` }]);
  }
  await pause?.();
  return { catalog, product, encoding, space: space.form === 'ddnnf' ? await (await import('./ddnnf-load.js')).readDdnnf(space, pause) : readDiagram(space) };
}

/**
 * Loads a published catalog with a precompiled space of one of its products, without
 * checking the catalog again: `cpq compile` checked it, and the space names it by
 * content hash, so a catalog with the same hash is the one that passed the checks.
 * Returns the compiled product; its `catalog` is frozen and marked as checked, ready
 * for pricing. This is how a page avoids loading the catalog checks (and zod) at all.
 *
 * The space vouches for the catalog, so take both from the same place: your own
 * publish step (`cpq compile`, which loads the catalog with `loadCatalog`). A hash is
 * no signature; for catalogs from elsewhere, use `loadCatalog` and `loadSpace`.
 *
 * Throws a {@link SpaceError} when the space was made from another catalog (or is not
 * a space), a {@link CatalogError} when the catalog text is not a JSON object.
 */
export async function loadPrecompiled(catalog: unknown, space: unknown, options: LoadSpaceOptions = {}): Promise<CompiledProduct> {
  const { pause, ...limits } = options;
  let value = catalog;
  if (typeof catalog === 'string') {
    // The hash below proves the content, so the text needs no key-by-key strict reading
    // (duplicate keys cannot make a matching catalog): the platform's parser, 3-5 times
    // faster on a large catalog (and its cold first run is what a page pays); when the
    // text is not JSON, the strict reader says where.
    value = await readFast(catalog, limits);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new CatalogError([{ path: '', message: 'a catalog is a JSON object' }]);
  // A frozen object cannot take the mark of a checked catalog: open a copy of it.
  if (Object.isFrozen(value) && !isChecked(value as Catalog)) value = JSON.parse(JSON.stringify(value));
  // No walk for prototype keys first: JSON.parse keeps them as plain keys, and a catalog
  // with one cannot hash like a checked catalog (loadCatalog refuses them).
  let compiled: CompiledProduct;
  try {
    compiled = await loadSpace(value as Catalog, space, options);
  } catch (error) {
    if (error instanceof RangeError) throw new CatalogError([{ path: '', message: 'is nested too deeply to be a catalog' }]);
    throw error;
  }
  await pause?.();
  markChecked(compiled.catalog);
  return compiled;
}

async function readFast(text: string, limits: JsonLimits): Promise<unknown> {
  try {
    if (text.length <= (limits.maxLength ?? DEFAULT_LIMITS.maxLength)) return JSON.parse(text);
  } catch {
    // Not JSON: the strict reader finds the line and column.
  }
  const document = (await import('../internal/json.js')).parseJson(text, limits);
  if (!document.ok) throw new CatalogError(document.problems);
  return document.value;
}

/**
 * Compiles in place when there is no precompiled space, else loads it: the one call a
 * page needs for "use the shipped space if there is one".
 */
export async function compileOrLoad(catalog: Catalog, options: { product?: string; space?: unknown } = {}): Promise<CompiledProduct> {
  if (options.space !== undefined) return loadSpace(catalog, options.space);
  return compileOnDemand(catalog, options.product === undefined ? {} : { product: options.product });
}

function readDiagram(space: PrecompiledSpace): BddSpace {
  const fail = (path: string, message: string): never => {
    throw new SpaceError([{ path, message }]);
  };
  const n = space.variables;
  const orderReader = new Varints(fromBase64(space.order, 'order'), 'order');
  const order = orderReader.take(n);
  orderReader.end();
  const levelOf = Int32Array.from(order);
  const seen = new Uint8Array(n);
  levelOf.forEach((l, v) => {
    if (l >= n || seen[l]) fail('order', `variable ${v} has level ${l}, but levels must be a permutation of 0..${n - 1}`);
    seen[l] = 1;
  });
  const size = space.nodes;
  if (!Number.isInteger(size) || size < 2) fail('nodes', 'a diagram has at least the two terminals');
  const reader = new Varints(fromBase64(space.diagram, 'diagram'), 'diagram');
  const values = reader.take((size - 2) * 3);
  reader.end();
  const level = new Int32Array(size);
  const low = new Int32Array(size);
  const high = new Int32Array(size);
  level[0] = level[1] = n;
  for (let id = 2, i = 0; id < size; id++, i += 3) {
    const l = values[i]!;
    const lo = id - values[i + 1]!;
    const hi = id - values[i + 2]!;
    if (l >= n) fail('diagram', `node ${id} is on level ${l}, beyond the ${n} variables`);
    if (lo < 0 || hi < 0 || lo >= id || hi >= id) fail('diagram', `node ${id} has a child that is not below it`);
    if (level[lo]! <= l || level[hi]! <= l) fail('diagram', `node ${id} on level ${l} has a child on a level above or beside it`);
    if (lo === hi) fail('diagram', `node ${id} has two equal children (the diagram is not reduced)`);
    level[id] = l;
    low[id] = lo;
    high[id] = hi;
  }
  if (!Number.isInteger(space.root) || space.root < 0 || space.root >= size) fail('root', `root ${space.root} is not a node of the diagram`);
  if (space.root === 0) fail('root', 'the diagram is empty (no valid configuration)');
  return new BddSpace(levelOf, level, low, high, space.root);
}


/** Reads unsigned LEB128 varints one by one, with the path to blame when they run out or overflow. @internal */
export class Varints {
  private at = 0;
  private read = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly path: string,
  ) {}

  next(): number {
    let v = 0;
    let shift = 0;
    for (;;) {
      if (this.at >= this.bytes.length) throw new SpaceError([{ path: this.path, message: `ends after ${this.read} numbers` }]);
      const byte = this.bytes[this.at++]!;
      v |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
      shift += 7;
      if (shift > 21) throw new SpaceError([{ path: this.path, message: `number ${this.read} is too large` }]);
    }
    this.read++;
    return v;
  }

  take(count: number): Int32Array {
    if (count > this.bytes.length - this.at) throw new SpaceError([{ path: this.path, message: `has ${this.bytes.length} bytes, too few for ${count} numbers` }]);
    const values = new Int32Array(count);
    for (let i = 0; i < count; i++) values[i] = this.next();
    return values;
  }

  end(): void {
    if (this.at !== this.bytes.length) throw new SpaceError([{ path: this.path, message: `has ${this.bytes.length - this.at} bytes after its ${this.read} numbers` }]);
  }
}

function writeVarints(values: ArrayLike<number>): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < values.length; i++) {
    let v = values[i]!;
    while (v >= 0x80) {
      bytes.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    bytes.push(v);
  }
  return Uint8Array.from(bytes);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** @internal */
export function fromBase64(text: string, path: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new SpaceError([{ path, message: 'is not base64' }]);
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

