// What the reseller does with the configurator's actions. The configurator only says
// what the buyer wants (typed events); the page decides: a signed quote from the
// vendor's service (/api/quotes, mounted by examples/serve.mjs), the share link shown
// in a field, a hand-off to an engineer. Text from the service is set as text.
const $ = (selector) => document.querySelector(selector);
const lang = () => document.documentElement.lang || 'en';
let lastQuote;

function money({ amount, currency }) {
  // Intl formats the decimal string itself: no float on the way.
  return new Intl.NumberFormat(lang(), { style: 'currency', currency }).format(amount);
}

function setStatus(message) {
  $('#quote-status').textContent = message;
}

function quantity() {
  const n = Number($('#quote-quantity').value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

async function requestQuote(event) {
  const { configuration, context } = event.detail;
  // "Rooms of this kind" multiplies a room system; a software package is quoted once.
  const count = event.currentTarget.id === 'software-configurator' ? 1 : quantity();
  $('#quote').scrollIntoView({ block: 'start' });
  setStatus('Asking the vendor for a signed quote…');
  try {
    const response = await fetch('/api/quotes', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ catalog: configuration.catalog.id, context: { ...context, date: undefined }, items: [{ configuration, quantity: count }] }),
    });
    const body = await response.json();
    if (!response.ok) {
      const problems = (body.issues ?? []).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
      setStatus(`The quote could not be made (${body.error}). ${problems.join(' ')}`);
      return;
    }
    lastQuote = body;
    showQuote(body);
    setStatus('');
  } catch (error) {
    setStatus(`The quote service did not answer: ${error.message}`);
  }
}

function showQuote(quote) {
  const t = quote.totals;
  const rows = [
    ['Quote', `${quote.number}, version ${quote.version}`],
    ['Valid until', new Intl.DateTimeFormat(lang(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${quote.validUntil}T00:00:00Z`))],
    ...(quote.catalog.id === 'av-rooms' ? [['Rooms', String(quote.items[0]?.quantity ?? 1)]] : []),
    ['One-time, net', money(t.oneTime.net)],
    ...(t.recurring.month ? [['Per month, net', money(t.recurring.month.net)]] : []),
    ...(t.recurring.year ? [['Per year, net', money(t.recurring.year.net)]] : []),
    ...t.tax.map((tax) => [`Tax ${tax.percent} %`, money(tax.amount)]),
    ['Total over the term', money(t.grandTotal)],
    ['Signed', `${quote.signature.alg}${quote.signature.kid ? `, key ${quote.signature.kid}` : ''}`],
  ];
  $('#quote-details').replaceChildren(
    ...rows.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      return [dt, dd];
    }),
  );
  $('#quote-result').hidden = false;
  $('#quote-result-title').focus();
  $('#quote-verified').textContent = '';
}

async function checkQuote() {
  const response = await fetch('/api/quotes/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(lastQuote) });
  const body = await response.json();
  $('#quote-verified').textContent = body.valid
    ? 'The vendor confirms this quote: signature, validity and every amount check out.'
    : `Not confirmed: ${(body.reasons ?? body.issues ?? []).map((r) => r.message).join(' ')}`;
}

function showLink(event) {
  // The configurator copies the link itself; the page also shows it, for copying by hand.
  $('#quote-link').value = event.detail.link;
}

function handOff(event) {
  const { to, payload } = event.detail;
  const expert = event.currentTarget.id === 'software-configurator' ? 'One of our software specialists' : 'One of our AV engineers';
  const who = to === 'expert' ? expert : 'Our sales team';
  const conflicts = payload.conflicts.length === 0 ? '' : ` They will see the ${payload.conflicts.length} conflict(s) you resolved.`;
  setStatus(`${who} will call you about this configuration (${payload.answers.length} choices, ${payload.complete ? 'complete' : 'not complete yet'}).${conflicts} Nothing to repeat: they get the link ${payload.share.link ?? payload.share.code}.`);
  $('#quote').scrollIntoView({ block: 'start' });
}

// Both configurators (the room system, and the software package chosen in the finder).
for (const configurator of [$('#room-configurator'), $('#software-configurator')]) {
  configurator.addEventListener('cpq-quote-request', requestQuote);
  configurator.addEventListener('cpq-share', showLink);
  configurator.addEventListener('cpq-handoff-request', handOff);
}
// The quote summary beside it asks for quotes and share links with the same events.
$('#room-summary').addEventListener('cpq-quote-request', requestQuote);
$('#room-summary').addEventListener('cpq-share', showLink);
$('#quote-check').addEventListener('click', checkQuote);
