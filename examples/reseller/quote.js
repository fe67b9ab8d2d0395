// What the reseller does with the configurator's actions. The configurator only says
// what the buyer wants (typed events); the page decides: a signed quote from the
// vendor's quote desk (/api/, mounted by examples/serve.mjs), the share link shown in a
// field, a request to a person (a hand-off) that a rep answers with a quote on the
// sales desk. The buyer reopens a quote or a request from its link, and accepts the
// quote here. Text from the desk and the catalogs is set as text, never as HTML.
// The page's words are in page-text.js, in each language of the page.
import { siteKey } from '../site-key.js';
import { onLanguageChange, t } from './page-text.js';

const $ = (selector) => document.querySelector(selector);
const lang = () => document.documentElement.lang || 'en';
/** How often a request's page asks the desk whether a rep answered it, while the page is visible. */
const POLL_MS = 5000;

// The site key is a buyer key: public by nature (every visitor's browser has it), like a
// payment provider's publishable key. What a buyer may do is the desk's policy, not the page's.
const buyer = { authorization: `Bearer ${siteKey}` };
const json = { 'content-type': 'application/json' };

/** The quote shown: its document, and the buyer's access to it (the token of its link) and its status. */
let shown;
/** The hand-off asked for and not sent yet: `{ to, payload, who }`. */
let asking;
/** The request sent (or opened from its link): `{ id, access, who?, timer, done }`. */
let request;
// The messages shown, as [key, ...args] of page-text.js, to write them again in another language.
const messages = new Map();

function money({ amount, currency }) {
  // Intl formats the decimal string itself: no float on the way.
  return new Intl.NumberFormat(lang(), { style: 'currency', currency }).format(amount);
}

const day = (date) => new Intl.DateTimeFormat(lang(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
const moment = (instant) => new Intl.DateTimeFormat(lang(), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(instant));

/** Shows the message `key` of page-text.js (with `args`) in the element `selector`; no key, no message. */
function say(selector, key, ...args) {
  if (key) messages.set(selector, [key, ...args]);
  else messages.delete(selector);
  $(selector).textContent = key ? t(key, ...args) : '';
}
const setStatus = (key, ...args) => say('#quote-status', key, ...args);
const setVerified = (key, ...args) => say('#quote-verified', key, ...args);

/** The desk's reasons (`{ error, reasons: [{ path, message }] }`) as sentences, each once. */
const reasonsOf = (body) =>
  [...new Set((Array.isArray(body?.reasons) ? body.reasons : []).map((r) => String(r.message)))].map((m) => (/[.!?]$/.test(m) ? m : `${m}.`)).join(' ');

/** A request to the desk: status and JSON body (an empty object when there is none). */
async function desk(path, { method = 'GET', headers = {}, body } = {}) {
  const response = await fetch(`/api${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : json) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = await response.json().catch(() => ({}));
  return { response, status: response.status, ok: response.ok, body: answer };
}

/** A link to this page that opens `what` (`quote=...` or `handoff=...`). */
const linkTo = (what) => `${location.origin}${location.pathname}#${what}`;

function quantity() {
  const n = Number($('#quote-quantity').value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

// ---------------------------------------------------------------- the signed quote

async function requestQuote(event) {
  const { configuration, context } = event.detail;
  // "Rooms of this kind" multiplies a room system; a software package is quoted once.
  const count = event.currentTarget.id === 'software-configurator' ? 1 : quantity();
  $('#quote').scrollIntoView({ block: 'start' });
  setStatus('quote.asking');
  try {
    // The desk prices with today's prices: the page sends no date.
    const { date: _date, ...asked } = context ?? {};
    const { ok, body, response } = await desk('/quotes', {
      method: 'POST',
      headers: buyer,
      body: { catalog: configuration.catalog.id, context: asked, items: [{ configuration, quantity: count }] },
    });
    if (!ok) return setStatus('quote.failed', body.error ?? String(response.status), reasonsOf(body));
    // The buyer's access token for this quote: with its number, the link that opens it again.
    showQuote({ quote: body, status: 'sent', access: response.headers.get('cpq-access') ?? undefined });
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
    [t('quote.validUntil'), day(quote.validUntil)],
    ...(quote.catalog.id === 'av-rooms' ? [[t('quote.rooms'), String(quote.items[0]?.quantity ?? 1)]] : []),
    [t('quote.oneTime'), money(totals.oneTime.net)],
    ...(totals.recurring.month ? [[t('quote.perMonth'), money(totals.recurring.month.net)]] : []),
    ...(totals.recurring.year ? [[t('quote.perYear'), money(totals.recurring.year.net)]] : []),
    ...totals.tax.map((tax) => [t('quote.tax', tax.percent), money(tax.amount)]),
    [t('quote.total'), money(totals.grandTotal)],
    ...(quote.signature ? [[t('quote.signed'), `${quote.signature.alg}${quote.signature.kid ? `, ${t('quote.key', quote.signature.kid)}` : ''}`]] : []),
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

/** Where the quote stands, its link and whether it can be accepted. */
function writeState() {
  const { quote, status, access, acceptedAt } = shown;
  if (status === 'accepted') say('#quote-state', acceptedAt ? 'quote.acceptedOn' : 'quote.state.accepted', acceptedAt ? moment(acceptedAt) : undefined);
  else if (status === 'sent') say('#quote-state', 'quote.state.sent', day(quote.validUntil));
  else if (status === 'declined' || status === 'expired') say('#quote-state', `quote.state.${status}`);
  else say('#quote-state');
  const reopen = $('#quote-reopen');
  reopen.hidden = !access;
  if (access) {
    const link = $('#quote-reopen-link');
    link.href = linkTo(`quote=${encodeURIComponent(quote.number)}.${access}`);
    link.textContent = t('quote.reopenLink', quote.number);
  }
  $('#quote-accept').hidden = status !== 'sent';
}

/** Shows a quote: `{ quote, status, access? }`. */
function showQuote(next, { focus = true } = {}) {
  shown = next;
  writeQuote(shown.quote);
  writeState();
  $('#quote-result').hidden = false;
  if (focus) $('#quote-result-title').focus();
  setVerified();
}

async function checkQuote() {
  try {
    const { body } = await desk('/quotes/verify', { method: 'POST', body: shown.quote });
    if (!body.valid) return setVerified('quote.notConfirmed', reasonsOf(body) || body.error || '');
    // Genuine; the desk also says whether it still stands (a newer version replaces it).
    setVerified(body.current === false ? 'quote.replaced' : 'quote.confirmed');
  } catch (error) {
    setVerified('quote.noAnswer', error.message);
  }
}

/** Accepts the quote shown: the buyer sends back the signed quote; accepting twice changes nothing. */
async function acceptQuote() {
  const button = $('#quote-accept');
  button.disabled = true;
  say('#quote-state', 'quote.accepting');
  try {
    const { ok, status, body } = await desk(`/quotes/${encodeURIComponent(shown.quote.number)}/accept`, { method: 'POST', headers: buyer, body: shown.quote });
    if (!ok) {
      say('#quote-state', 'quote.acceptFailed', body.error ?? String(status), reasonsOf(body));
      return;
    }
    shown = { ...shown, status: body.status, acceptedAt: body.acceptedAt };
    writeState();
  } catch (error) {
    say('#quote-state', 'quote.noAnswer', error.message);
  } finally {
    button.disabled = false;
  }
}

/** Opens a quote from its link (`#quote=<number>.<token>`). */
async function openQuote(number, access) {
  $('#quote').scrollIntoView({ block: 'start' });
  setStatus('quote.opening');
  try {
    const { ok, body } = await desk(`/quotes/${encodeURIComponent(number)}`, { headers: { 'cpq-access': access } });
    if (!ok) return setStatus('quote.notFound');
    if (!body.quote) return setStatus('quote.state.inPreparation');
    setStatus();
    showQuote({ quote: body.quote, status: body.status, access });
  } catch (error) {
    setStatus('quote.noAnswer', error.message);
  }
}

// ---------------------------------------------------------------- a request to a person

function showLink(event) {
  // The configurator copies the link itself; the page also shows it, for copying by hand.
  $('#quote-link').value = event.detail.link;
}

/** "Talk to an expert" / "Buy at a reseller": asks the buyer how to reach them. */
function handOff(event) {
  const { to, payload } = event.detail;
  const expert = event.currentTarget.id === 'software-configurator' ? 'handoff.specialist' : 'handoff.engineer';
  // The key of `who`, not its text: written again in another language, the whole message follows.
  asking = { to, payload, who: to === 'expert' ? expert : 'handoff.sales' };
  say('#handoff-intro', 'handoff.message', asking.who, payload.answers.length, payload.complete, payload.conflicts.length);
  say('#handoff-error');
  setStatus();
  const form = $('#handoff-form');
  form.hidden = false;
  $('#quote').scrollIntoView({ block: 'start' });
  $('#handoff-name').focus();
}

/** The first field the buyer must still fill, with the message that says so; or nothing. */
function missingField() {
  const name = $('#handoff-name');
  const email = $('#handoff-email');
  if (!name.value.trim()) return [name, 'handoff.needName'];
  if (!email.value.trim() || !email.validity.valid) return [email, 'handoff.needEmail'];
  return undefined;
}

async function sendHandoff(event) {
  event.preventDefault();
  if (!asking) return;
  for (const field of [$('#handoff-name'), $('#handoff-email')]) field.removeAttribute('aria-invalid');
  const missing = missingField();
  if (missing) {
    const [field, key] = missing;
    field.setAttribute('aria-invalid', 'true');
    say('#handoff-error', key);
    field.focus();
    return;
  }
  say('#handoff-error');
  const contact = {
    name: $('#handoff-name').value.trim(),
    email: $('#handoff-email').value.trim(),
    ...($('#handoff-message').value.trim() ? { message: $('#handoff-message').value.trim() } : {}),
  };
  const send = $('#handoff-send');
  send.disabled = true;
  setStatus('handoff.sending');
  try {
    // `to` as the configurator says: an expert, or a reseller (on this page, this reseller's sales team).
    const { ok, status, body } = await desk('/handoffs', { method: 'POST', headers: buyer, body: { payload: asking.payload, to: asking.to, contact } });
    if (!ok) return setStatus('handoff.failed', body.error ?? String(status), reasonsOf(body));
    setStatus();
    $('#handoff-form').hidden = true;
    $('#handoff-form').reset();
    followRequest({ id: body.id, access: body.access, who: asking.who });
    asking = undefined;
    $('#handoff-result-title').focus();
  } catch (error) {
    setStatus('handoff.noAnswer', error.message);
  } finally {
    send.disabled = false;
  }
}

function cancelHandoff() {
  asking = undefined;
  $('#handoff-form').hidden = true;
  say('#handoff-error');
  $('#quote-title').focus();
}

/** Shows a request's link and where it stands, and asks the desk again until a quote answers it. */
function followRequest(next) {
  if (request) clearTimeout(request.timer);
  request = { ...next, done: false, timer: undefined };
  $('#handoff-result').hidden = false;
  if (request.who) say('#handoff-sent', 'handoff.sent', request.who);
  else say('#handoff-sent');
  const link = $('#handoff-link');
  link.href = linkTo(`handoff=${request.id}.${request.access}`);
  link.textContent = t('handoff.linkText');
  say('#handoff-state', 'handoff.checking');
  void pollRequest();
}

async function pollRequest() {
  const current = request;
  if (!current || current.done) return;
  clearTimeout(current.timer);
  current.timer = undefined;
  // A hidden page asks nothing; it asks again as soon as it is shown (see visibilitychange).
  if (document.visibilityState !== 'visible') return;
  try {
    const { ok, status, body } = await desk(`/handoffs/${encodeURIComponent(current.id)}`, { headers: { 'cpq-access': current.access } });
    if (current !== request) return;
    if (!ok) {
      if (status === 401 || status === 403 || status === 404) {
        current.done = true;
        return say('#handoff-state', 'handoff.notFound');
      }
      say('#handoff-state', 'handoff.noAnswer', body.error ?? String(status));
    } else if (body.status === 'answered' && body.quote) {
      current.done = true;
      say('#handoff-state', 'handoff.answered');
      // Not focused: the buyer may be busy elsewhere on the page; the state above says it.
      showQuote({ quote: body.quote.quote, status: body.quote.status, access: body.quote.access }, { focus: false });
      return;
    } else {
      say('#handoff-state', body.status === 'open' ? 'handoff.open' : 'handoff.claimed');
    }
  } catch (error) {
    if (current !== request) return;
    say('#handoff-state', 'handoff.noAnswer', error.message);
  }
  if (!current.done && document.visibilityState === 'visible') current.timer = setTimeout(pollRequest, POLL_MS);
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && request && !request.done && request.timer === undefined) void pollRequest();
});

// ---------------------------------------------------------------- wiring

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
$('#quote-accept').addEventListener('click', acceptQuote);
$('#handoff-form').addEventListener('submit', sendHandoff);
$('#handoff-cancel').addEventListener('click', cancelHandoff);

// A link to a quote (#quote=<number>.<token>) or to a request (#handoff=<id>.<token>) opens it.
const opened = /^#(quote|handoff)=([^.&]+)\.([^&]+)/.exec(location.hash);
if (opened?.[1] === 'quote') void openQuote(decodeURIComponent(opened[2]), opened[3]);
else if (opened?.[1] === 'handoff') {
  followRequest({ id: decodeURIComponent(opened[2]), access: opened[3] });
  $('#quote').scrollIntoView({ block: 'start' });
}

// Another language: the messages, the quote's details and its state in it.
onLanguageChange(() => {
  for (const [selector, [key, ...args]] of messages) $(selector).textContent = t(key, ...args);
  if (shown) {
    writeQuote(shown.quote);
    writeState();
  }
  if (request) $('#handoff-link').textContent = t('handoff.linkText');
});
