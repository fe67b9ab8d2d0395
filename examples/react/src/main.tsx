import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
// Registered before React renders them, so that React sets `catalog` and the other
// props as properties (React 19 does when the element has the property).
import '@cpq-kit/components/define/product-comparison.js';
import '@cpq-kit/components/define/product-configurator.js';
import { App } from './App';

const catalog = import('./catalog').then((module) => module.catalog);

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <Suspense fallback={<p>Loading the catalog…</p>}>
      <App catalog={catalog} />
    </Suspense>
  </StrictMode>,
);
