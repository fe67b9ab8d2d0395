// "Request a quote / Copy share link": a configuration turned into a price estimate in the
// browser, a signed quote from the vendor's service (/api/quotes, mounted by
// examples/serve.mjs), and a share link that reopens it, on this page or another.
// Until the page has a configurator, the configurations are the demo catalogs' examples.
// Catalog text is always set as text, never as markup.
import {
  decodeConfiguration,
  encodeConfiguration,
  loadCatalog,
  loadConfiguration,
  localize,
  parseShareText,
  price,
  shareCodeOf,
  shareLink,
} from '/packages/engine/dist/index.js';

const $ = (selector) => document.querySelector(selector);
const lang = () => document.documentElement.lang || 'en';

/** The configurations on offer: the demo catalogs' example configurations. */
const SOURCES = [
  { catalog: '/examples/catalogs/av-rooms.json', configuration: '/examples/catalogs/av-rooms.config.json' },
  { catalog: '/examples/catalogs/collab-suite.json', configuration: '/examples/catalogs/collab-suite.config.json' },
];

const state = { entries: [], current: undefined, quote: undefined };

async function text(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

function money({ amount, currency }) {
  // Intl formats the decimal string itself: no float on the way.
  return new Intl.NumberFormat(lang(), { style: 'currency', currency }).format(amount);
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

function setStatus(message) {
  $('#quote-status').textContent = message;
}

/** The selections as a list a buyer can read: "Display: 86-inch 4K display". */
function describe(catalog, configuration) {
  const product = catalog.products.find((p) => p.id === configuration.product);
  const items = [];
  for (const [id, value] of Object.entries(configuration.selections)) {
    const attribute = product.attributes.find((a) => a.id === id);
    const name = localize(attribute.name, lang(), catalog.defaultLocale);
    const option = (v) => localize(attribute.options?.find((o) => o.id === v)?.name ?? v, lang(), catalog.defaultLocale);
    const shown = typeof value === 'boolean' ? (value ? '✓' : '–') : Array.isArray(value) ? value.map(option).join(', ') : typeof value === 'number' ? String(value) : option(value);
    const li = document.createElement('li');
    li.textContent = `${name}: ${shown}`;
    items.push(li);
  }
  return { name: localize(product.name, lang(), catalog.defaultLocale), items };
}

function quantity() {
  const n = Number($('#quote-quantity').value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** Shows the chosen configuration and the price the engine computes for it here, in the browser. */
function render() {
  const { catalog, configuration } = state.current;
  const { name, items } = describe(catalog, configuration);
  $('#quote-product').textContent = name;
  $('#quote-selections').replaceChildren(...items);
  try {
    const breakdown = price(catalog, configuration, { date: today(), quantity: quantity() });
    $('#quote-estimate').textContent = `Estimate, worked out in your browser: ${money(breakdown.totals.grandTotal)} including tax (${money(breakdown.totals.oneTime.net)} one-time, then ${money(breakdown.totals.term.net)} over the term, before tax).`;
  } catch (error) {
    $('#quote-estimate').textContent = `No estimate: ${error.message}`;
  }
}

function fillChoices() {
  const select = $('#quote-config');
  const chosen = select.value;
  select.replaceChildren(
    ...state.entries.map((entry, i) => new Option(`${localize(entry.catalog.name, lang(), entry.catalog.defaultLocale)}: ${describe(entry.catalog, entry.configuration).name}`, String(i))),
  );
  select.value = chosen || String(state.entries.indexOf(state.current));
}

async function requestQuote(event) {
  event.preventDefault();
  const { catalog, configuration } = state.current;
  const button = $('#quote-request');
  button.disabled = true;
  setStatus('Asking for a signed quote…');
  try {
    const response = await fetch('/api/quotes', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ catalog: catalog.id, items: [{ configuration, quantity: quantity() }] }),
    });
    const body = await response.json();
    if (!response.ok) {
      const problems = (body.issues ?? []).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
      setStatus(`The quote could not be made (${body.error}). ${problems.join(' ')}`);
      return;
    }
    state.quote = body;
    showQuote(body);
    setStatus('');
  } catch (error) {
    setStatus(`The quote service did not answer: ${error.message}`);
  } finally {
    button.disabled = false;
  }
}

function showQuote(quote) {
  const t = quote.totals;
  const rows = [
    ['Quote', `${quote.number}, version ${quote.version}`],
    ['Valid until', new Intl.DateTimeFormat(lang(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${quote.validUntil}T00:00:00Z`))],
    ['One-time, net', money(t.oneTime.net)],
    ...(t.recurring.month ? [['Per month, net', money(t.recurring.month.net)]] : []),
    ...(t.recurring.year ? [['Per year, net', money(t.recurring.year.net)]] : []),
    // Tax per rate, as an invoice shows it.
    ...t.tax.map((tax) => [tax.name === undefined ? `Tax ${tax.percent}%` : localize(tax.name, lang()), money(tax.amount)]),
    ['Total over the term', money(t.grandTotal)],
    ['Signed', `${quote.signature.alg}${quote.signature.kid ? `, key ${quote.signature.kid}` : ''}`],
  ];
  const list = $('#quote-details');
  list.replaceChildren(
    ...rows.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      return [dt, dd];
    }),
  );
  const result = $('#quote-result');
  result.hidden = false;
  $('#quote-result-title').focus();
  $('#quote-verified').textContent = '';
}

async function checkQuote() {
  const response = await fetch('/api/quotes/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(state.quote) });
  const body = await response.json();
  $('#quote-verified').textContent = body.valid ? 'The vendor confirms this quote: signature, validity and every amount check out.' : `Not confirmed: ${(body.reasons ?? body.issues ?? []).map((r) => r.message).join(' ')}`;
}

async function copyLink() {
  const { catalog, configuration } = state.current;
  const link = shareLink(encodeConfiguration(configuration, catalog), location.href);
  history.replaceState(null, '', link);
  const output = $('#quote-link');
  output.value = link;
  output.hidden = false;
  try {
    await navigator.clipboard.writeText(link);
    setStatus('The share link is copied. Anyone who opens it sees this configuration.');
  } catch {
    output.select();
    setStatus('Copy the share link from the field below.');
  }
}

/** A share link in the address: open its configuration, and say what no longer fits the catalog. */
function openSharedLink() {
  const code = shareCodeOf(location.href);
  if (code === undefined) return;
  try {
    const recorded = parseShareText(code);
    const entry = state.entries.find((e) => e.catalog.id === recorded.catalog.id);
    if (!entry) throw new Error(`this page has no catalog "${recorded.catalog.id}"`);
    const decoded = decodeConfiguration(code, entry.catalog);
    const opened = { catalog: entry.catalog, configuration: decoded.configuration };
    state.entries.push(opened);
    state.current = opened;
    const notes = decoded.dropped.map((d) => d.message);
    setStatus(notes.length === 0 ? 'Opened the configuration from the share link.' : `Opened the shared configuration; the catalog changed since, and these no longer fit: ${notes.join('; ')}.`);
  } catch (error) {
    setStatus(`The share link could not be opened: ${error.message}`);
  }
}

async function main() {
  try {
    for (const source of SOURCES) {
      const catalog = loadCatalog(await text(source.catalog));
      state.entries.push({ catalog, configuration: loadConfiguration(await text(source.configuration), catalog) });
    }
    state.current = state.entries[0];
    openSharedLink();
    fillChoices();
    render();
    $('#quote-config').addEventListener('change', (event) => {
      state.current = state.entries[Number(event.target.value)];
      render();
    });
    $('#quote-quantity').addEventListener('input', render);
    $('#quote-form').addEventListener('submit', requestQuote);
    $('#quote-share').addEventListener('click', copyLink);
    $('#quote-check').addEventListener('click', checkQuote);
    $('#lang').addEventListener('change', () => {
      fillChoices();
      render();
      if (state.quote) showQuote(state.quote);
    });
  } catch (error) {
    setStatus(`Quotes are not available: ${error.message}`);
  }
}

main();
