// The sales view: with it on, the quote summary shows its sales-only information
// (rep-mode), with a band that says where the configuration's price stands against
// past won deals. The deals stay on the server (POST /api/guidance); the page sends
// only the deal's cell and its list and net amounts.
const $ = (selector) => document.querySelector(selector);
const configurator = $('#room-configurator');
const summary = $('#room-summary');
const band = $('#room-guidance');
const toggle = $('#rep-view');

/** The cell of past deals this page's buyers belong to; a real site knows its customer. */
const cell = { segment: 'smb', region: 'emea', family: 'av-rooms' };
let asked = 0;

async function showGuidance(price) {
  if (!toggle.checked || !price) return;
  const ask = ++asked;
  try {
    const response = await fetch('/api/guidance', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...cell, quote: { list: price.totals.list.amount, net: price.totals.net.amount } }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const guidance = await response.json();
    // A slower answer to an earlier price must not replace a newer one.
    if (ask !== asked) return;
    band.currency = price.currency;
    band.guidance = guidance;
  } catch {
    if (ask === asked) band.guidance = undefined;
  }
}

toggle.addEventListener('change', () => {
  summary.repMode = toggle.checked;
  void showGuidance(configurator.price);
});
configurator.addEventListener('cpq-configuration-change', (event) => void showGuidance(event.detail.price));
configurator.addEventListener('cpq-load', (event) => void showGuidance(event.detail.price));
