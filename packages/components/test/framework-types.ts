// The React and Vue template types (src/react.ts, src/vue.ts), checked by the type-checker
// only (`npm run typecheck`; nothing here runs): the elements' properties with their
// types, read-only getters and methods left out, each event with its class. The React
// example checks them in real TSX (examples/react); Vue templates need vue-tsc, so the
// Vue side is checked here, on the types Vue's tools read.
import type { JSX } from 'react';
import type { GlobalComponents } from 'vue';
import type { Catalog, Configuration } from '@cpq-kit/engine';
import type { CpqConfigurationChangeEvent, CpqSelectEvent, ProductConfigurator, Theme } from '../src/index.js';
import type {} from '../src/react.js';
import type {} from '../src/vue.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(_: Equal<A, B>): void => undefined;
type Listener<F> = NonNullable<F> extends (event: infer E) => void ? E : never;

// React: JSX props.
type Configurator = JSX.IntrinsicElements['product-configurator'];
same<Configurator['catalog'], Catalog | undefined>(true);
same<Configurator['configuration'], Configuration | string | undefined>(true);
same<Configurator['theme'], Theme | undefined>(true);
same<Listener<Configurator['oncpq-configuration-change']>, CpqConfigurationChangeEvent>(true);
same<Listener<JSX.IntrinsicElements['product-comparison']['oncpq-select']>, CpqSelectEvent>(true);
same<Configurator['ref'], import('react').Ref<ProductConfigurator> | undefined>(true);
same<'value' extends keyof Configurator ? true : false, false>(true); // a getter
same<'undo' extends keyof Configurator ? true : false, false>(true); // a method
same<'renderRoot' extends keyof Configurator ? true : false, false>(true); // Lit's
same<'oncpq-select' extends keyof Configurator ? true : false, false>(true); // the comparison's event

// Vue: what `GlobalComponents` gives vue-tsc for templates.
type VueConfigurator = InstanceType<GlobalComponents['product-configurator']>;
same<VueConfigurator['$props']['catalog'], Catalog | undefined>(true);
same<'value' extends keyof VueConfigurator['$props'] ? true : false, false>(true);
export const emits = (element: VueConfigurator, event: CpqConfigurationChangeEvent): void => {
  element.$emit('cpq-configuration-change', event);
  // @ts-expect-error the event of another element
  element.$emit('cpq-select', event);
};
