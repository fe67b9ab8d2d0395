import {
  conditionHolds,
  loadPrecompiled,
  loadSpace,
  Pricer,
  PricingError,
  SessionCore,
  type Attribute,
  type Catalog,
  type CompiledProduct,
  type Configuration,
  type Decision,
  type DroppedSelection,
  type PriceBreakdown,
  type PriceContext,
  type PriceDelta,
  type Problem,
  type ValidDomain,
} from '@cpq-kit/engine';
import { checkedCatalog } from '../internal/check-catalog.js';
import { LoadError } from './load-failure.js';
import { loadSharing, sharing } from './sharing.js';

/** Where a configurator's product comes from. */
export interface ModelSource {
  catalog: Catalog | undefined;
  src: string;
  product: string;
  space: unknown;
  spaceSrc: string;
  signal: AbortSignal;
  /** The page's address, to start from the share link in it (`sync-url`) instead of `initial`. */
  address?: string | undefined;
}

/**
 * Everything the configurator element asks of the engine, in one place: the loaded
 * and compiled product, the session, prices and price differences. The element holds
 * UI state only; it never decides what is possible or what something costs.
 */
export class ConfiguratorModel {
  /** The session, without explanations: they load on the first conflict (see the element's #choose). */
  readonly session: SessionCore;
  /** Selections that a shared or given configuration held but that no longer fit. */
  readonly dropped: readonly DroppedSelection[];
  #price: { breakdown: PriceBreakdown | undefined; problems: readonly Problem[] } | undefined;
  #deltas = new Map<string, PriceDelta | undefined>();
  #alternatives = new Map<string, ValidDomain>();
  #implied: Set<string> | undefined;
  /** Why values are unavailable (the decisions in the way; `null`: no change helps), by value, until the next change. */
  #reasons = new Map<string, readonly Decision[] | null>();
  /** Reasons being worked out in short tasks (large products), by value. */
  #finding = new Map<string, Promise<boolean>>();
  #selections: Configuration['selections'] | undefined;
  readonly #attributes: ReadonlyMap<string, Attribute>;
  /** Whether the configuration came from a link in the page's address (sync-url) that was for this product. */
  readonly openedLink: boolean = false;
  /** The share text read from the page's address (`ModelSource.address`), if it had one. */
  linkInAddress: string | undefined;

  private constructor(
    readonly compiled: CompiledProduct,
    initial: Configuration | string | undefined,
    public context: PriceContext,
    fromAddress: boolean,
  ) {
    let dropped: readonly DroppedSelection[] = [];
    let selections: Configuration['selections'] = {};
    // A starting configuration for another product of this catalog (the page switched
    // products) does not apply; one for another catalog is an error (decoding says so),
    // unless it came from the page's address, which may hold another configurator's link.
    // Loaded by `load` whenever there is a starting point.
    const links = sharing()!;
    let recorded: ReturnType<typeof links.parseShareText> | Configuration | undefined;
    try {
      recorded = typeof initial === 'string' ? links.parseShareText(initial) : initial;
    } catch (error) {
      // The page's address may hold a link that is not ours, or one cut short: start
      // empty, as for another catalog's. A link given as `configuration` is an error.
      if (!fromAddress) throw error;
      initial = undefined;
    }
    const otherCatalog = (recorded?.catalog?.id ?? compiled.catalog.id) !== compiled.catalog.id;
    const otherProduct = recorded !== undefined && recorded.product !== compiled.product.id && !otherCatalog;
    if (initial !== undefined && !otherProduct && !(fromAddress && otherCatalog)) {
      this.openedLink = fromAddress;
      const fitted =
        typeof initial === 'string'
          ? links.decodeConfiguration(initial, compiled.catalog, { compiled })
          : links.fitConfiguration(compiled.catalog, { product: compiled.product.id, selections: initial.selections }, { compiled });
      dropped = fitted.dropped;
      selections = fitted.configuration.selections;
    }
    this.session = new SessionCore(compiled, selections);
    this.dropped = dropped;
    this.#attributes = new Map(compiled.product.attributes.map((a) => [a.id, a]));
  }

  /**
   * Loads the product. A catalog from `src` with a precompiled space is opened by the
   * space's content hash, without the catalog checks (`cpq compile` ran them); any other
   * catalog that is not checked yet is checked here, with the checks loaded on demand.
   * Then the space is loaded, or the product compiled (off the main thread when large).
   */
  static async load(source: ModelSource, initial: Configuration | string | undefined, context: PriceContext, fromAddress = false): Promise<ConfiguratorModel> {
    // Both files are fetched at once. (When the space fails first, the catalog's fetch may
    // fail too, unawaited: marked as handled so that it is no stray unhandled rejection.)
    const text = source.catalog === undefined && source.src ? fetchText(source.src, source.signal) : undefined;
    text?.catch(() => undefined);
    // Share links' code, when the start needs it, loads beside the files.
    const links = initial !== undefined || source.address !== undefined ? loadSharing() : undefined;
    links?.catch(() => undefined); // awaited below, unless loading fails first
    const space = await (source.space ?? (source.spaceSrc ? fetchText(source.spaceSrc, source.signal) : undefined));
    let compiled: CompiledProduct;
    // A large product's space (from a file, or from the worker) loads in several short tasks, not one long one.
    const steps = (loaded: unknown) => (typeof loaded !== 'string' || loaded.length > LARGE_SPACE_TEXT ? { pause: nextTask } : {});
    if (text && space !== undefined) compiled = await loadPrecompiled(await text, space, steps(space));
    else if (text && (await text).length > LARGE_CATALOG_TEXT) {
      // Checking a large catalog is itself a long task (BusyBox: 30-110 ms): the worker
      // checks and compiles, and the page opens the catalog by the space's hash.
      const catalogText = await text;
      const worked = await compileOffThread(catalogText, source.product);
      compiled = worked ? await loadPrecompiled(catalogText, worked, steps(worked)) : await compileHere(await checkedCatalog(catalogText), source.product);
    } else {
      const given = source.catalog ?? (await text);
      if (given === undefined) throw new Error('no catalog');
      const catalog = await checkedCatalog(given);
      if (space !== undefined) compiled = await loadSpace(catalog, space, steps(space));
      else if (largeProduct(catalog, source.product)) {
        const worked = await compileOffThread(catalog, source.product);
        compiled = worked ? await loadSpace(catalog, worked, steps(worked)) : await compileHere(catalog, source.product);
      } else compiled = await compileHere(catalog, source.product);
    }
    if (source.product && compiled.product.id !== source.product) {
      throw new LoadError('space', `the precompiled space is for product "${compiled.product.id}", not "${source.product}"`);
    }
    // Let the page breathe between loading the space, starting the session and the first
    // render: for a large product each is tens of milliseconds, together one long task.
    const large = compiled.space.size > LARGE_SPACE;
    if (large) await nextTask();
    // (Awaited only while loading, as compiling's code.)
    const inAddress = source.address === undefined ? undefined : (sharing() ?? (await links!)).shareCodeOf(source.address);
    if (inAddress !== undefined) [initial, fromAddress] = [inAddress, true];
    if (initial !== undefined && !sharing()) await links;
    const model = new ConfiguratorModel(compiled, initial, context, fromAddress);
    model.linkInAddress = inAddress;
    if (large) await nextTask();
    return model;
  }

  /** Whether the product's diagram is large enough that its steps should be spread over tasks. */
  get large(): boolean {
    return this.compiled.space.size > LARGE_SPACE;
  }

  get catalog(): Catalog {
    return this.compiled.catalog;
  }

  get configuration(): Configuration {
    return this.session.toConfiguration();
  }

  /** The session's selections, read once per change (a render asks for them per attribute). */
  get selections(): Configuration['selections'] {
    return (this.#selections ??= this.session.selections);
  }

  attribute(id: string): Attribute | undefined {
    return this.#attributes.get(id);
  }

  /** Call after every change of the session or the price context: answers are worked out again on demand. */
  changed(): void {
    this.#selections = undefined;
    this.#price = undefined;
    this.#deltas.clear();
    this.#alternatives.clear();
    this.#implied = undefined;
    this.#reasons = new Map();
    this.#finding = new Map();
  }

  get priced(): boolean {
    return this.catalog.pricing !== undefined;
  }

  /** The price of the configuration as it stands, or the problems that keep it from being priced. */
  get price(): { breakdown: PriceBreakdown | undefined; problems: readonly Problem[] } {
    if (!this.#price) {
      if (!this.priced) this.#price = { breakdown: undefined, problems: [] };
      else {
        try {
          this.#price = { breakdown: Pricer.for(this.catalog).price(this.configuration, this.context), problems: [] };
        } catch (error) {
          if (!(error instanceof PricingError)) throw error;
          this.#price = { breakdown: undefined, problems: error.problems };
        }
      }
    }
    return this.#price;
  }

  /** What choosing a value would change in the price; undefined without prices or when it cannot be priced. */
  delta(decision: Decision): PriceDelta | undefined {
    if (!this.priced || !this.price.breakdown) return undefined;
    const key = keyOf(decision);
    if (!this.#deltas.has(key)) {
      let delta: PriceDelta | undefined;
      try {
        const attribute = this.attribute(decision.attribute)!;
        const change = attribute.kind === 'multiple' ? `${decision.attribute}:${String(decision.value)}` : { [decision.attribute]: decision.value };
        delta = Pricer.for(this.catalog).delta(this.configuration, change, this.context);
      } catch (error) {
        if (!(error instanceof PricingError)) throw error;
      }
      this.#deltas.set(key, delta);
    }
    return this.#deltas.get(key);
  }

  /**
   * Whether one click can choose a value: in its valid domain, or for an attribute
   * already decided, among the values it can switch to with every other decision kept.
   */
  canChoose(decision: Decision): boolean {
    const { attribute, value } = decision;
    const decided = Object.hasOwn(this.selections, attribute);
    const kind = this.attribute(attribute)?.kind;
    if (!decided || kind === 'multiple') return this.session.domains()[attribute]!.includes(value);
    let alternatives = this.#alternatives.get(attribute);
    if (!alternatives) this.#alternatives.set(attribute, (alternatives = this.session.alternatives(attribute)));
    return alternatives.includes(value);
  }

  /**
   * Why a value cannot be chosen with one click: the decisions in the way (the engine's
   * `conflicting`, without rules or repair), or `null` when no change of decisions makes
   * it available. A small product works it out here, for each unavailable value shown (a
   * few consistency checks each); a large one (a check can take milliseconds there, one
   * per decision) only when {@link findReason} is asked, so `undefined` until then.
   */
  reason(decision: Decision): readonly Decision[] | null | undefined {
    const key = keyOf(decision);
    if (!this.#reasons.has(key) && !this.large) this.#reasons.set(key, this.session.conflicting(decision) ?? null);
    return this.#reasons.get(key);
  }

  /**
   * Works out a value's {@link reason} in short tasks (one consistency check each), for a
   * large product; true once it is known, false when the configuration changed meanwhile.
   */
  findReason(decision: Decision): Promise<boolean> {
    const key = keyOf(decision);
    if (this.#reasons.has(key)) return Promise.resolve(true);
    let finding = this.#finding.get(key);
    if (!finding) {
      const reasons = this.#reasons;
      finding = this.session.conflicting(decision, { pause: nextTask }).then((found) => {
        // A change since started a new map: this answer is about selections that are gone.
        if (reasons !== this.#reasons) return false;
        reasons.set(key, found ?? null);
        return true;
      });
      this.#finding.set(key, finding);
    }
    return finding;
  }

  /** Whether a value is in every valid completion although nobody chose it. */
  isImplied(attribute: string, value: string | number | boolean): boolean {
    this.#implied ??= new Set(this.session.implied().map((d) => `${d.attribute}\u0000${String(d.value)}`));
    return this.#implied.has(`${attribute}\u0000${String(value)}`);
  }

  /** Attributes still open: not decided and more than one value possible. */
  get openChoices(): number {
    const domains = this.session.domains();
    return this.compiled.product.attributes.filter((a) => {
      if (a.kind === 'multiple') return false; // an unticked box is a fine answer
      return !Object.hasOwn(this.selections, a.id) && domains[a.id]!.length + (a.kind === 'single' && a.required === false ? 1 : 0) > 1;
    }).length;
  }

  /** The catalog's recommendations that apply now and can be chosen with one click. */
  get recommendations(): Decision[] {
    const out: Decision[] = [];
    const { product } = this.compiled;
    const selections = this.selections;
    for (const rule of product.rules ?? []) {
      if (rule.kind !== 'recommends' || (rule.if !== undefined && !conditionHolds(product, selections, rule.if))) continue;
      for (const reference of rule.then) {
        const [attribute = '', option] = reference.split(':');
        const decision: Decision = { attribute, value: option ?? true };
        const chosen = selections[attribute];
        const taken = Array.isArray(chosen) ? chosen.includes(String(decision.value)) : chosen === decision.value;
        if (!taken && this.canChoose(decision) && !out.some((d) => d.attribute === attribute && d.value === decision.value)) out.push(decision);
      }
    }
    return out;
  }

  /** The configuration as a share text, once share links are loaded ({@link loadSharing}). */
  get shareCode(): string {
    return sharing()!.encodeConfiguration(this.configuration, this.catalog);
  }
}

/** A value as a map key: its attribute and value, and whether it is declined. */
const keyOf = (decision: Decision): string => `${decision.attribute}\u0000${String(decision.value)}${decision.declined ? '\u0000-' : ''}`;

/** Diagrams this large (nodes) take long enough to load that the steps after it wait for the next task. */
const LARGE_SPACE = 5_000;

/** Resolves in a new task (not a microtask), so the browser can paint and handle input in between. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}

/**
 * Whether compiling may take long enough to block the page (measured: BusyBox, 631
 * features and 1,312 rules, 60-100 ms): then it goes to a worker. Small catalogs
 * compile in well under a millisecond, where a worker's start-up would cost more.
 */
function largeProduct(catalog: Catalog, productId: string): boolean {
  const product = productId ? catalog.products.find((p) => p.id === productId) : catalog.products[0];
  if (!product) return false;
  let size = product.rules?.length ?? 0;
  for (const attribute of product.attributes) {
    size += 'options' in attribute ? attribute.options.length : attribute.kind === 'quantity' ? (attribute.max - (attribute.min ?? 0)) / (attribute.step ?? 1) : 1;
  }
  return size > 1000;
}

/** A space file this long (BusyBox's is 67 KB; the demo products' 1-3 KB) loads in several tasks. */
const LARGE_SPACE_TEXT = 20_000;

/** A catalog text this long is checked and compiled in a worker (BusyBox's is 300 KB; the demo catalogs' 20-40 KB). */
const LARGE_CATALOG_TEXT = 200_000;

/**
 * Compiles in the page: a BDD here; the decision-DNNF compiler loads on first use (a
 * product too large for a worker-less page's BDD). The compiler itself loads on first
 * use too: a page with a precompiled space never needs it.
 */
async function compileHere(catalog: Catalog, product: string): Promise<CompiledProduct> {
  if (product && !catalog.products.some((p) => p.id === product)) {
    const ids = catalog.products.map((p) => p.id).join(', ');
    throw new LoadError('product', `unknown product "${product}"; the catalog has ${ids}`);
  }
  // Awaited only the first time: a load that awaits more than it did takes its turn later.
  compiler ??= await import('./compile-in-page.js');
  return compiler.compileOnDemand(catalog, product ? { product } : {});
}

/** Compiling's code, once loaded. */
let compiler: typeof import('./compile-in-page.js') | undefined;

/**
 * Compiles in a Web Worker and answers with the precompiled space; given a catalog's
 * text, the worker checks it first (a `CatalogError` comes back as an error). Where
 * no worker can start (no Worker, a content security policy, the worker file missing)
 * it answers `undefined` and the page does the work itself: slower to show, never broken.
 */
async function compileOffThread(catalog: Catalog | string, product: string): Promise<unknown> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./compile-worker.js', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
  try {
    const answer = await new Promise<{ space?: unknown; error?: string; name?: string } | undefined>((resolve) => {
      worker.onmessage = (event: MessageEvent<{ space?: unknown; error?: string; name?: string }>) => resolve(event.data);
      worker.onerror = () => resolve(undefined);
      worker.postMessage({ catalog, product });
    });
    if (answer?.error !== undefined) {
      // Its class's name comes along (a CatalogError, a CompileError): it says why.
      const error = new Error(answer.error);
      if (answer.name) error.name = answer.name;
      throw error;
    }
    return answer?.space;
  } finally {
    worker.terminate();
  }
}

async function fetchText(url: string, signal: AbortSignal): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    // Aborted: a newer load took over, and nothing is shown of this one.
    if (signal.aborted) throw error;
    throw new LoadError('unreachable', `${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new LoadError('unreachable', `${url}: ${response.status} ${response.statusText}`.trim());
  return response.text();
}
