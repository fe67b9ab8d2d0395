import { createApp } from 'vue';
// Registered before the app mounts, so that Vue sets `catalog` and the other bindings as
// properties (Vue does when the element has the property).
import '@cpq-kit/components/define/product-comparison.js';
import '@cpq-kit/components/define/product-configurator.js';
// The elements' template types (properties and events), for vue-tsc and the editor.
import type {} from '@cpq-kit/components/vue';
import App from './App.vue';

createApp(App).mount('#app');
