import { LitElement, type CSSResultGroup } from 'lit';
import { property } from 'lit/decorators.js';
import { languageOf, loadTranslation } from './localize.js';

/** The colour themes every element understands; see `tokens.ts`. */
export type Theme = 'light' | 'dark' | 'auto';

/**
 * The classes behind the anonymous subclasses made by `define()`, so that
 * `ProductSheet.define('acme-sheet')` twice is recognised as the same element.
 */
const origins = new WeakMap<CustomElementConstructor, CustomElementConstructor>();

/** Classes registered by `define()`, for browsers without `customElements.getName()` (before 2023). */
const registered = new WeakSet<CustomElementConstructor>();

function isRegistered(element: CustomElementConstructor): boolean {
  return typeof customElements.getName === 'function' ? customElements.getName(element) !== null : registered.has(element);
}

function aliasOf(element: CustomElementConstructor): CustomElementConstructor {
  const alias = class extends (element as typeof HTMLElement) {};
  origins.set(alias, element);
  return alias;
}

/** `lang` reflects so that assistive technology and `:lang()` see it, but never as `lang=""`. */
const langConverter = {
  fromAttribute: (value: string | null): string => value ?? '',
  toAttribute: (value: string): string | null => value || null,
};

/**
 * The base of every cpq-kit element: safe registration under any tag name, and
 * the `lang` and `theme` attributes that all elements share.
 *
 * Nothing here touches the DOM at import time, so the classes can be imported in
 * Node (server rendering, tests) without a browser.
 */
export class CpqElement extends LitElement {
  /** The tag name `define()` uses when it is given none. Every element sets its own. */
  static defaultTag = '';

  /** @internal Each element sets its own styles (Lit's `static styles`). */
  declare static styles: CSSResultGroup;

  /**
   * Registers this element under `tagName` (default: its `defaultTag`) and returns
   * the constructor registered under that name.
   *
   * - When the tag is already taken (another copy or version of cpq-kit, or another
   *   vendor's element on the same page) it warns and keeps the existing element,
   *   instead of throwing and breaking the rest of the page.
   * - Any valid custom element name works, and the same class can be registered
   *   under several names (`ProductSheet.define('acme-sheet')`).
   * - Where there is no `customElements` (Node), it does nothing and returns `undefined`.
   */
  static define(tagName: string = this.defaultTag): CustomElementConstructor | undefined {
    if (typeof customElements === 'undefined') return undefined;
    const existing = customElements.get(tagName);
    if (existing) {
      if ((origins.get(existing) ?? existing) !== this) {
        console.warn(
          `cpq-kit: <${tagName}> is already defined by another script (perhaps another copy of cpq-kit), ` +
            `so this copy was not registered under that name. Register it under another name with .define('your-${tagName}').`,
        );
      }
      return existing;
    }
    // A constructor can be registered only once: a second name gets a subclass.
    // An invalid name is a programming error, and throws.
    const element = isRegistered(this) ? aliasOf(this) : this;
    customElements.define(tagName, element);
    registered.add(element);
    return element;
  }

  /**
   * The language of the element's own text (`en`, `de`, `fr-CH`...). When empty,
   * the closest ancestor's `lang` or the document's applies, else English.
   */
  @property({ reflect: true, converter: langConverter })
  override accessor lang = '';

  /**
   * The colour theme: `light` (the default), `dark`, or `auto` to follow the
   * reader's system setting (`prefers-color-scheme`).
   */
  @property({ reflect: true })
  accessor theme: Theme | undefined;

  /**
   * Renders only once the element's language is loaded (German and French load on
   * first use), so the first paint is already in the reader's language. `updateComplete`
   * waits for it too.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = loadTranslation(languageOf(this));
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** Work that `updateComplete` waits for besides rendering (see {@link whileLoading}). */
  #pending = new Set<Promise<unknown>>();

  /**
   * Has `updateComplete` wait for `work` too: code that loads on first use (an explanation,
   * a schema) and the update it then requests, so a page or test that awaits
   * `updateComplete` sees the element as it will stay.
   */
  protected whileLoading(work: Promise<unknown>): void {
    this.#pending.add(work);
    const done = () => void this.#pending.delete(work);
    work.then(done, done);
  }

  /** @internal */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.#pending.size > 0) {
      await Promise.allSettled(this.#pending);
      done = await super.getUpdateComplete();
    }
    return done;
  }
}
