import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localize as localizeText, type LocalText } from '@cpq-kit/engine';
import { en } from '../translations/en.js';
import { de } from '../translations/de.js';
import { fr } from '../translations/fr.js';

/**
 * The interface texts of the elements in one language. Catalog texts (product and
 * option names...) come from the catalog itself; these are the words around them.
 * Plurals and sentences with values are functions, so each language can order
 * and inflect them its own way.
 *
 * To add a language, write a `Translation` and pass it to {@link registerTranslation}.
 */
export interface Translation {
  /** The BCP 47 tag this translation is for, e.g. `de` or `fr-CH`. */
  $code: string;
  /** The language's name in itself, e.g. `Deutsch`. */
  $name: string;

  /** Shown when an element has no catalog. */
  noCatalog: string;
  /** Shown when the catalog has no product with the requested id. */
  unknownProduct: (id: string) => string;
  /** The heading of the specifications table. */
  specifications: string;
  /** The heading of the attributes that are in no section, when the product has sections. */
  general: string;
  /** The heading of the attributes when the product has no sections. */
  options: string;

  /** A single choice that must be made. */
  chooseOne: string;
  /** A single choice that may be left empty. */
  chooseOneOptional: string;
  /** A multiple choice between `min` and `max` options (`min` may be 0, `max` may equal `min`). */
  chooseMany: (min: number, max: number) => string;
  /** An option that is either added or not. */
  addOn: string;
  /** A whole number of units from `min` to `max` (formatted numbers), in steps of `step` unless that is `null` (steps of 1). */
  quantity: (min: string, max: string, step: string | null) => string;

  /** Marks an option that is chosen unless the buyer changes it. */
  default: string;
  /** An add-on that is included unless the buyer removes it. */
  includedByDefault: string;
  /** The quantity chosen unless the buyer changes it. */
  defaultQuantity: (quantity: string) => string;
  /** Introduces the specs an add-on brings. */
  withAddOn: string;
  /** Introduces the specs that count once per unit of a quantity; `unit` is the catalog's unit name, if any. */
  perUnit: (unit: string) => string;

  /** A boolean spec that holds. */
  yes: string;
  /** A boolean spec that does not hold. */
  no: string;
}

/** A key of a `Translation` that is a text or a text function (not a `$` field). */
export type TranslationKey = Exclude<keyof Translation, `$${string}`>;

/** The arguments a translation key takes: none for a string, the function's for a function. */
export type TranslationArgs<K extends TranslationKey> = Translation[K] extends (...args: infer A) => string ? A : [];

/** The registered translations by lower-case tag. English is always there: it is the last fallback. */
const translations = new Map<string, Translation>([en, de, fr].map((t) => [t.$code.toLowerCase(), t]));

/** The connected hosts, to update when a language or a translation changes. */
const hosts = new Set<ReactiveControllerHost & HTMLElement>();
let observer: MutationObserver | undefined;

/**
 * Adds translations, or replaces those with the same `$code`; connected elements
 * update at once. English, German and French are built in.
 */
export function registerTranslation(...list: Translation[]): void {
  for (const translation of list) translations.set(translation.$code.toLowerCase(), translation);
  for (const host of hosts) host.requestUpdate();
}

/** The translation for a tag: the exact tag, then its language (`de-AT` -> `de`), then English. */
export function translationFor(lang: string): Translation {
  const tag = lang.toLowerCase();
  return translations.get(tag) ?? translations.get(tag.split('-')[0] ?? tag) ?? en;
}

/**
 * Resolves an element's language and gives it its interface texts, number
 * formats and catalog texts, like Shoelace's `LocalizeController`.
 *
 * The language is the element's `lang`, else the closest ancestor's `lang` (also
 * across shadow roots), else the document's, else `en`. One shared
 * MutationObserver updates the elements when a `lang` changes in the document.
 * Changes to a `lang` inside another component's shadow root are not observed:
 * set `lang` on the element itself there.
 */
export class LocalizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #numberFormats = new Map<string, Intl.NumberFormat>();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.#host);
    startObserving();
    // A moved element may now be under another `lang`.
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
    if (hosts.size === 0) stopObserving();
  }

  /** The element's language as a BCP 47 tag, e.g. `de-CH`. */
  lang(): string {
    return this.#host.lang || inheritedLang(this.#host) || 'en';
  }

  /**
   * An interface text in the element's language; English when the translation
   * lacks it (a translation registered from JavaScript for an older version).
   */
  term<K extends TranslationKey>(key: K, ...args: TranslationArgs<K>): string {
    const value: string | ((...a: never[]) => string) = translationFor(this.lang())[key] ?? en[key];
    return typeof value === 'function' ? (value as (...a: TranslationArgs<K>) => string)(...args) : value;
  }

  /** A number in the element's language, e.g. `1,234.5` or `1.234,5`. */
  number(value: number, options?: Intl.NumberFormatOptions): string {
    const lang = this.lang();
    if (options) return new Intl.NumberFormat(lang, options).format(value);
    let format = this.#numberFormats.get(lang);
    if (!format) {
      format = new Intl.NumberFormat(lang);
      this.#numberFormats.set(lang, format);
    }
    return format.format(value);
  }

  /**
   * A catalog text in the element's language, falling back to the catalog's
   * default locale (the engine's `localize`). Plain text: render it as text.
   */
  text(text: LocalText | undefined, fallbackLocale?: string): string {
    return localizeText(text, this.lang(), fallbackLocale);
  }
}

/** The `lang` of the closest ancestor that has one, crossing shadow roots; '' if none. */
function inheritedLang(element: Element): string {
  let node: Node | null = parentOf(element);
  while (node) {
    if (node instanceof Element) {
      const found = node.closest('[lang]:not([lang=""])');
      if (found) return found.getAttribute('lang') ?? '';
      node = parentOf(node.getRootNode() as Node);
    } else {
      node = parentOf(node);
    }
  }
  return '';
}

/** The parent of a node, or the host of a shadow root. */
function parentOf(node: Node): Node | null {
  return node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
}

function isAncestor(ancestor: Node, node: Node): boolean {
  for (let current = parentOf(node); current; current = parentOf(current)) {
    if (current === ancestor) return true;
  }
  return false;
}

function startObserving(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver((records) => {
    for (const host of hosts) {
      // A host's own `lang` is a reactive property: it has updated already.
      if (records.some((record) => isAncestor(record.target, host))) host.requestUpdate();
    }
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

function stopObserving(): void {
  observer?.disconnect();
  observer = undefined;
}
