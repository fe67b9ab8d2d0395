/**
 * Template types for the elements in Vue 3 (types only: nothing to bundle). Load them
 * once in the app, `import type {} from '@cpq-kit/components/vue';`, and Vue's language
 * tools (vue-tsc, the editor) check `<product-configurator :catalog="catalog"
 * @cpq-configuration-change="changed">`: the element's properties with their types, and
 * each event it fires with its class. This is the form Vue's guide gives for elements
 * not made with Vue (`GlobalComponents`).
 *
 * Tell Vue's compiler the tags are elements (`compilerOptions.isCustomElement`). Vue sets
 * a binding as a property when the element has one (register the elements before
 * mounting, or bind with `.prop`).
 *
 * @module
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { CpqElementEventMap, CpqElementProperties, CpqTag } from './internal/element-types.js';

export type { CpqElementEventMap, CpqElementProperties, CpqTag } from './internal/element-types.js';

/**
 * The template type of the element with the default tag `Tag`. For a tag of your own
 * (`ProductConfigurator.define('acme-configurator')`), declare it the same way:
 * `'acme-configurator': CpqVueElement<'product-configurator'>` in `GlobalComponents`.
 */
export type CpqVueElement<Tag extends CpqTag> = new () => HTMLElementTagNameMap[Tag] & {
  /** @deprecated For template type checking only: the element has no `$props`. */
  $props: HTMLAttributes & CpqElementProperties<HTMLElementTagNameMap[Tag]> & PublicProps;
  /** @deprecated For template type checking only: the element has no `$emit`. */
  $emit: EmitFn<{ [Name in keyof CpqElementEventMap[Tag]]: (event: CpqElementEventMap[Tag][Name]) => void }>;
};

type CpqGlobalComponents = { [Tag in CpqTag]: CpqVueElement<Tag> };

declare module 'vue' {
  interface GlobalComponents extends CpqGlobalComponents {}
}
