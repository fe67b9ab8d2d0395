/**
 * What a framework's template may give each element and which events it fires: the
 * shared ground of the React and Vue declarations (`react.ts`, `vue.ts`). Properties are
 * derived from the element classes, so a property added to an element is typed in both
 * at once; the events are listed here, as the elements' `@fires` tags list them.
 */
import type { LitElement } from 'lit';
import type {
  CpqConfigurationChangeEvent,
  CpqFinderHandoffEvent,
  CpqHandoffRequestEvent,
  CpqLoadErrorEvent,
  CpqLoadEvent,
  CpqPackageChooseEvent,
  CpqQuoteAcceptEvent,
  CpqQuoteRequestEvent,
  CpqSelectEvent,
  CpqShareEvent,
} from '../index.js';

/** The events each element fires, by tag (the default tags) and event name. */
export interface CpqElementEventMap {
  'product-configurator': {
    change: Event;
    'cpq-configuration-change': CpqConfigurationChangeEvent;
    'cpq-quote-request': CpqQuoteRequestEvent;
    'cpq-share': CpqShareEvent;
    'cpq-handoff-request': CpqHandoffRequestEvent;
    'cpq-load': CpqLoadEvent;
    'cpq-load-error': CpqLoadErrorEvent;
  };
  'product-comparison': { change: Event; 'cpq-select': CpqSelectEvent };
  'product-sheet': {};
  'quote-summary': { 'cpq-quote-request': CpqQuoteRequestEvent; 'cpq-quote-accept': CpqQuoteAcceptEvent; 'cpq-share': CpqShareEvent };
  'package-finder': { 'cpq-package-choose': CpqPackageChooseEvent; 'cpq-finder-handoff': CpqFinderHandoffEvent };
  'price-guidance': {};
}

/** The default tag names of the elements. */
export type CpqTag = keyof CpqElementEventMap;

/** Whether `T[K]` is read-only (a getter without a setter, or `readonly`). */
type IsReadonly<T, K extends keyof T> =
  (<U>() => U extends { [Q in K]: T[K] } ? 1 : 2) extends <U>() => U extends { -readonly [Q in K]: T[K] } ? 1 : 2 ? false : true;

/** The element's own settable properties: not Lit's or HTMLElement's, not read-only, not methods. */
type SettableKeys<E> = {
  [K in Exclude<keyof E, keyof LitElement>]-?: E[K] extends (...args: never[]) => unknown ? never : IsReadonly<E, K> extends true ? never : K;
}[Exclude<keyof E, keyof LitElement>];

/**
 * The properties a template may set on an element (`catalog`, `product`, `theme`...),
 * all optional, with the element's own types. `lang` and the other HTML attributes come
 * from the framework's own HTML types.
 */
export type CpqElementProperties<E> = { [K in SettableKeys<E>]?: E[K] };
