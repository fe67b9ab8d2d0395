// The reseller's glue for the comparison page: load the catalog, hand it to the
// element, follow the "current plan" and language pickers, and react to "Choose".
import { loadCatalog, localize } from '/packages/components/dist/cdn/engine.js';
import { followLanguage, t } from '../reseller/page-text.js';

const $ = (selector) => document.querySelector(selector);
const comparison = $('#plans');
const status = $('#status');

// The demo price books start on 2026-11-01: price on a fixed day so the demo shows prices whatever today is.
comparison.context = { date: '2026-11-20' };

async function main() {
  status.textContent = t('loading');
  try {
    const response = await fetch('/examples/catalogs/collab-suite.json');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const catalog = loadCatalog(await response.text());
    comparison.catalog = catalog;
    status.textContent = '';

    $('#current').addEventListener('change', (event) => {
      comparison.baseline = event.target.value;
    });
    // The buyer removed or added a plan: keep the "current plan" picker honest.
    comparison.addEventListener('change', () => {
      $('#current').value = comparison.baseline;
    });
    comparison.addEventListener('cpq-select', (event) => {
      const { item } = event.detail;
      const name = localize(item.name, document.documentElement.lang, catalog.defaultLocale);
      const users = item.configuration.selections.seats;
      status.textContent = t('compare.chosen', name, users);
    });
  } catch (error) {
    status.textContent = t('loadFailed', error.message);
  }
}

// The language picker sets the page's language: its own texts (../reseller/page-text.js), the element's, the catalog's.
followLanguage($('#lang'));
main();
