/**
 * The one-line embed that loads only what a page uses (`dist/cdn/autoload.js`): each
 * element's code is fetched from `elements/` beside this script when its tag first
 * appears in the document, at load or later. A page with only a configurator loads the
 * configurator, the engine parts it needs and lit, not the other elements.
 *
 * Tags inside other components' shadow roots are not seen: import those elements
 * (`elements/<tag>.js`) directly. Pages that also call the engine without a build step
 * use the all-in-one `cpq-kit.js`, which exports it.
 *
 * @module
 */

/** Every element's default tag, each built as `elements/<tag>.js`. */
export const AUTOLOADED = ['product-configurator', 'product-comparison', 'quote-summary', 'package-finder', 'price-guidance', 'product-sheet'] as const;

const requested = new Set<string>();

function discover(root: ParentNode): void {
  for (const tag of AUTOLOADED) {
    if (requested.has(tag) || customElements.get(tag)) continue;
    if ((root instanceof Element && root.localName === tag) || root.querySelector(tag)) {
      requested.add(tag);
      import(new URL(`./elements/${tag}.js`, import.meta.url).href).catch((error: unknown) => {
        requested.delete(tag);
        console.error(`cpq-kit: could not load <${tag}>:`, error);
      });
    }
  }
}

if (typeof document !== 'undefined' && typeof customElements !== 'undefined') {
  discover(document);
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) discover(node);
    if (AUTOLOADED.every((tag) => requested.has(tag))) observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
