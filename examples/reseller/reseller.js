// The reseller's own glue: load the vendor's catalogs, hand them to the elements,
// and keep the language in sync. Everything else is the elements' job.
import { loadCatalog, localize } from '/packages/components/dist/cdn/cpq-kit.js';

const $ = (selector) => document.querySelector(selector);

async function load(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  // loadCatalog validates: a broken file gives a clear message, not a broken widget.
  return loadCatalog(await response.text());
}

function fillProducts(select, element, catalog) {
  const lang = document.documentElement.lang;
  const chosen = select.value || element.product;
  select.replaceChildren(
    ...catalog.products.map((product) => new Option(localize(product.name, lang, catalog.defaultLocale), product.id)),
  );
  select.value = chosen || catalog.products.at(-1).id;
  element.product = select.value;
}

async function main() {
  const status = $('#rooms-status');
  try {
    const [rooms, software] = await Promise.all([
      load('/examples/catalogs/av-rooms.json'),
      load('/examples/catalogs/collab-suite.json'),
    ]);
    const configurator = $('#room-configurator');
    // A shared link names its product: open that one.
    const shared = /#config=1~[^~]+~[^~]+~([^~&]+)/.exec(location.hash);
    if (shared) configurator.product = shared[1];
    const pairs = [
      [$('#room-product'), configurator, rooms],
      [$('#software-product'), $('#software-sheet'), software],
    ];
    for (const [select, element, catalog] of pairs) {
      fillProducts(select, element, catalog);
      element.catalog = catalog;
      select.addEventListener('change', () => (element.product = select.value));
    }
    // The package finder recommends from the software catalog; choosing shows that package.
    const finder = $('#software-finder');
    finder.catalog = software;
    finder.addEventListener('cpq-package-choose', (event) => {
      $('#software-product').value = event.detail.configuration.product;
      $('#software-sheet').product = event.detail.configuration.product;
      $('#software-sheet').scrollIntoView({ block: 'start' });
    });
    $('#lang').addEventListener('change', (event) => {
      document.documentElement.lang = event.target.value;
      for (const [select, element, catalog] of pairs) fillProducts(select, element, catalog);
    });
    status.textContent = '';
  } catch (error) {
    status.textContent = `The catalog could not be loaded: ${error.message}`;
  }
}

main();
