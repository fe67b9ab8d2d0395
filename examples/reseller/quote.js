// What the reseller does with the configurator's actions. The configurator only says
// what the buyer wants (typed events); the page decides: a signed quote from the
// vendor's service (/api/quotes, mounted by examples/serve.mjs), the share link shown
// in a field, a hand-off to an engineer. Text from the service is set as text.
// The page's words are in page-text.js, in each language of the page.
import { onLanguageChange, t } from './page-text.js';

const $ = (selector) => document.querySelector(selector);
const lang = () => document.documentElement.lang || 'en';
let lastQuote;
// The messages shown, as [key, ...args] of page-text.js, to write them again in another language.
let status = [];
let verified = [];

function money({ amount, currency }) {
  // Intl formats the decimal string itself: no float on the way.
  return new Intl.NumberFormat(lang(), { style: 'currency', currency }).format(amount);
}

/** Shows the message `key` of page-text.js (with `args`) under the quote panel; no key, no message. */
function setStatus(key, ...args) {
  status = key ? [key, ...args] : [];
  $('#quote-status').textContent = key ? t(key, ...args) : '';
}

function setVerified(key, ...args) {
  verified = key ? [key, ...args] : [];
  $('#quote-verified').textContent = key ? t(key, ...args) : '';
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
  setStatus('quote.asking');
  try {
    const response = await fetch('/api/quotes', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ catalog: configuration.catalog.id, context: { ...context, date: undefined }, items: [{ configuration, quantity: count }] }),
    });
    const body = await response.json();
    if (!response.ok) {
      const problems = (body.issues ?? []).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
      setStatus('quote.failed', body.error, problems.join(' '));
      return;
    }
    lastQuote = body;
    showQuote(body);
    setStatus();
  } catch (error) {
    setStatus('quote.noAnswer', error.message);
  }
}

/** Writes the quote's details, in the page's language. */
function writeQuote(quote) {
  const totals = quote.totals;
  const rows = [
    [t('quote.number'), t('quote.numberValue', quote.number, quote.version)],
    [t('quote.validUntil'), new Intl.DateTimeFormat(lang(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${quote.validUntil}T00:00:00Z`))],
    ...(quote.catalog.id === 'av-rooms' ? [[t('quote.rooms'), String(quote.items[0]?.quantity ?? 1)]] : []),
    [t('quote.oneTime'), money(totals.oneTime.net)],
    ...(totals.recurring.month ? [[t('quote.perMonth'), money(totals.recurring.month.net)]] : []),
    ...(totals.recurring.year ? [[t('quote.perYear'), money(totals.recurring.year.net)]] : []),
    ...totals.tax.map((tax) => [t('quote.tax', tax.percent), money(tax.amount)]),
    [t('quote.total'), money(totals.grandTotal)],
    [t('quote.signed'), `${quote.signature.alg}${quote.signature.kid ? `, ${t('quote.key', quote.signature.kid)}` : ''}`],
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
}

function showQuote(quote) {
  writeQuote(quote);
  $('#quote-result').hidden = false;
  $('#quote-result-title').focus();
  setVerified();
}

async function checkQuote() {
  const response = await fetch('/api/quotes/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(lastQuote) });
  const body = await response.json();
  if (body.valid) setVerified('quote.confirmed');
  else setVerified('quote.notConfirmed', (body.reasons ?? body.issues ?? []).map((r) => r.message).join(' '));
}

function showLink(event) {
  // The configurator copies the link itself; the page also shows it, for copying by hand.
  $('#quote-link').value = event.detail.link;
}

function handOff(event) {
  const { to, payload } = event.detail;
  const expert = event.currentTarget.id === 'software-configurator' ? 'handoff.specialist' : 'handoff.engineer';
  const who = to === 'expert' ? expert : 'handoff.sales';
  // The key of `who`, not its text: written again in another language, the whole message follows.
  setStatus('handoff.message', who, payload.answers.length, payload.complete, payload.conflicts.length, payload.share.link ?? payload.share.code);
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
// Another language: the messages and the quote's details in it.
onLanguageChange(() => {
  setStatus(...status);
  setVerified(...verified);
  if (lastQuote) writeQuote(lastQuote);
});
