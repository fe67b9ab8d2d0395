// The reseller's own glue: load the vendor's catalogs, hand them to the elements,
// and keep the language in sync. Everything else is the elements' job.
import { loadCatalog, localize } from '/packages/components/dist/cdn/engine.js';
import { followLanguage, onLanguageChange, t } from './page-text.js';

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

/** Shows a software package's sheet and opens it in the software configurator at `start` (a configuration or a share code). */
function openPackage(catalog, { product }, start) {
  $('#software-product').value = product;
  $('#software-sheet').product = product;
  const setup = $('#software-configurator');
  setup.catalog = catalog;
  setup.product = product;
  setup.configuration = start;
  $('#software-setup').hidden = false;
}

async function main() {
  const status = $('#rooms-status');
  status.textContent = t('loading');
  try {
    const [rooms, software] = await Promise.all([
      load('/examples/catalogs/av-rooms.json'),
      load('/examples/catalogs/collab-suite.json'),
    ]);
    const configurator = $('#room-configurator');
    // A shared link names its catalog and product: a room system opens in the room
    // configurator (which keeps the address in sync), a software package in its own.
    const shared = /#config=(1~([^~]+)~[^~]+~([^~&]+)[^&]*)/.exec(location.hash);
    if (shared?.[2] === rooms.id) configurator.product = shared[3];
    else if (shared?.[2] === software.id) {
      configurator.syncUrl = false;
      openPackage(software, { product: shared[3] }, decodeURIComponent(shared[1]));
    }
    const pairs = [
      [$('#room-product'), configurator, rooms],
      [$('#software-product'), $('#software-sheet'), software],
    ];
    for (const [select, element, catalog] of pairs) {
      fillProducts(select, element, catalog);
      element.catalog = catalog;
      select.addEventListener('change', () => (element.product = select.value));
    }
    // The package finder recommends from the software catalog; choosing a package shows
    // its sheet and opens it in a configurator, configured as recommended, to adjust.
    const finder = $('#software-finder');
    finder.catalog = software;
    finder.addEventListener('cpq-package-choose', (event) => {
      openPackage(software, event.detail.configuration, event.detail.configuration);
      // The configurator scrolls to itself and takes the focus (its product's name) once it shows the package.
      $('#software-configurator').focus();
    });
    onLanguageChange(() => {
      for (const [select, element, catalog] of pairs) fillProducts(select, element, catalog);
    });
    status.textContent = '';
  } catch (error) {
    status.textContent = t('loadFailed', error.message);
  }
}

// The language picker sets the page's language: its own texts (page-text.js), the elements', the catalogs'.
followLanguage($('#lang'));
main();
