/**
 * JSX types for the elements in React 19 (types only: nothing to bundle). Load them once
 * in the app, `import type {} from '@cpq-kit/components/react';`, and
 * `<product-configurator catalog={catalog} oncpq-configuration-change={(e) => e.detail.price}>`
 * type-checks: the element's properties with their types, `ref` to the element class, and
 * an `on<event>` listener per event the element fires, given the event's class.
 *
 * React 19 sets a prop as a property when the element has one (register the elements
 * before rendering: import `@cpq-kit/components/define/<element>.js`), and adds
 * `on<event>` props as listeners of the event named after `on`, case kept:
 * `oncpq-configuration-change`, not `onCpqConfigurationChange`.
 *
 * @module
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CpqElementEventMap, CpqElementProperties, CpqTag } from './internal/element-types.js';

export type { CpqElementEventMap, CpqElementProperties, CpqTag } from './internal/element-types.js';

/**
 * The JSX props of the element with the default tag `Tag`. For a tag of your own
 * (`ProductConfigurator.define('acme-configurator')`), declare it with the same props:
 * `'acme-configurator': CpqReactProps<'product-configurator'>`.
 */
export type CpqReactProps<Tag extends CpqTag> = DetailedHTMLProps<HTMLAttributes<HTMLElementTagNameMap[Tag]>, HTMLElementTagNameMap[Tag]> &
  CpqElementProperties<HTMLElementTagNameMap[Tag]> & {
    [Name in keyof CpqElementEventMap[Tag] as `on${Name & string}`]?: (event: CpqElementEventMap[Tag][Name]) => void;
  };

type CpqIntrinsicElements = { [Tag in CpqTag]: CpqReactProps<Tag> };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CpqIntrinsicElements {}
  }
}
