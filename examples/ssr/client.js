// The browser side of examples/ssr/server.mjs, bundled (see bundleClient there).
// First Lit's hydration support: it must run before lit-element is defined, so that an
// element with a server-rendered shadow root adopts it instead of rendering into it again.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { loadCatalog } from '@cpq-kit/engine';
import '@cpq-kit/components/define/product-sheet.js';
import '@cpq-kit/components/define/quote-summary.js';
import '@cpq-kit/components/define/product-configurator.js';

// The elements the server rendered with `defer-hydration` wait for the inputs the server
// rendered them with: the same catalog and quote. Given other inputs, hydration would keep
// the server's text while the element believed it showed its own.
const waiting = [...document.querySelectorAll('product-sheet[defer-hydration], quote-summary[defer-hydration]')];
if (waiting.length > 0) {
  const catalog = loadCatalog(await (await fetch(document.body.dataset.catalog)).text());
  const quote = JSON.parse(document.getElementById('cpq-quote')?.textContent ?? 'null');
  for (const element of waiting) {
    element.catalog = catalog;
    if (element.localName === 'quote-summary') element.quote = quote;
    // Hydrates now: the element takes over the server's DOM (no second render) and its buttons work.
    element.removeAttribute('defer-hydration');
  }
}
