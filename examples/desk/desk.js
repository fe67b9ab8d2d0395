// The sales desk: a rep takes over a buyer's request (a hand-off from the reseller's
// configurator) where the buyer stopped, sees the price against past deals, and sends a
// signed quote back; an approver releases the quotes whose discount goes below the floor.
// Every call carries the person's API key; what each role may do is the desk's to decide
// (@cpq-kit/server under /api/). Text from the desk and the catalogs is set as text.
import { loadCatalog, localize, price as priceOf } from '/packages/components/dist/cdn/engine.js';
import { followLanguage, onLanguageChange, t } from '../reseller/page-text.js';

const $ = (selector) => document.querySelector(selector);
const lang = () => document.documentElement.lang || 'en';
const KEY_STORE = 'cpq-kit-desk-key';

// The demo server hands its own rep and approver keys to this page (see examples/serve.mjs):
// a demo convenience that a real site never has; there, a person pastes their own key.
let demoKeys;
try {
  ({ demoKeys } = await import('./demo-keys.js'));
} catch {
  demoKeys = undefined;
}

let key = sessionStorage.getItem(KEY_STORE) ?? demoKeys?.rep ?? '';
/** The key's id and actor (`rep:k_…`) as the desk records them (GET /api/me): whose claims are mine. */
let keyId;
let keyActor;
/** The desk's catalogs by id, and the deal cells of its policy (region, family per catalog). */
const catalogs = new Map();
let policy = { region: 'default', families: {} };
/** What is shown, kept to write it again in another language. */
let requests = [];
let approvals = [];
/** The request opened: `{ id, detail, catalog, answered? }`. */
let current;
/** Comments typed for each quote waiting for approval (kept when the list is written again). */
const comments = new Map();
const messages = new Map();

// ---------------------------------------------------------------- helpers

/** Shows the message `key` of page-text.js (with `args`) in `selector`; no key, no message. */
function say(selector, textKey, ...args) {
  if (textKey) messages.set(selector, [textKey, ...args]);
  else messages.delete(selector);
  $(selector).textContent = textKey ? t(textKey, ...args) : '';
}

const money = ({ amount, currency }) => new Intl.NumberFormat(lang(), { style: 'currency', currency }).format(amount);
const moment = (instant) => new Intl.DateTimeFormat(lang(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
/** The desk's reasons (`{ error, reasons: [{ path, message }] }`) as sentences, each once. */
const reasonsOf = (body) =>
  [...new Set((Array.isArray(body?.reasons) ? body.reasons : []).map((r) => String(r.message)))].map((m) => (/[.!?]$/.test(m) ? m : `${m}.`)).join(' ');

/** A call to the desk with this page's key: status and JSON body. */
async function desk(path, { method = 'GET', body } = {}) {
  const response = await fetch(`/api${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, ok: response.ok, body: await response.json().catch(() => ({})) };
}

/** An element with text (never HTML) and attributes. */
function el(tag, text, attributes = {}) {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

const catalogText = (catalog, text) => localize(text, lang(), catalog?.defaultLocale);

function productName(catalogId, productId) {
  const catalog = catalogs.get(catalogId);
  const product = catalog?.products.find((p) => p.id === productId);
  return product ? catalogText(catalog, product.name) : productId;
}

/** A decision of the buyer ("Display: 86-inch", "Ceiling speakers: 4", or an option they declined) in the page's language. */
function decisionText(catalog, productId, decision, names = {}) {
  const product = catalog?.products.find((p) => p.id === productId);
  const attribute = product?.attributes.find((a) => a.id === decision.attribute);
  const name = names.name ?? attribute?.name;
  const option = attribute && 'options' in attribute ? attribute.options.find((o) => o.id === decision.value) : undefined;
  const valueName = names.valueName ?? option?.name;
  let value;
  if (valueName !== undefined) value = catalogText(catalog, valueName);
  else if (typeof decision.value === 'boolean') value = t(decision.value ? 'desk.yes' : 'desk.no');
  else value = typeof decision.value === 'number' ? new Intl.NumberFormat(lang()).format(decision.value) : String(decision.value);
  if (decision.declined) value = t('desk.not', value);
  return t('desk.answer', name === undefined ? decision.attribute : catalogText(catalog, name), value);
}

// ---------------------------------------------------------------- the key

/** Who the key is, as the desk records it (`rep:k_…`): whose claims are mine. */
async function actorOf(secret) {
  if (!secret) return undefined;
  const { ok, body } = await desk('/me');
  return ok ? body : undefined;
}

async function useKey(secret) {
  key = secret.trim();
  $('#desk-key').value = key;
  if (key) sessionStorage.setItem(KEY_STORE, key);
  else sessionStorage.removeItem(KEY_STORE);
  const me = await actorOf(key);
  keyId = me?.id;
  keyActor = me?.actor;
  closeRequest();
  if (!key) {
    say('#key-status', 'desk.keyNone');
    requests = [];
    approvals = [];
    writeRequests();
    writeApprovals();
    return;
  }
  say('#key-status', keyId ? 'desk.keyUsed' : undefined, keyId);
  await Promise.all([loadRequests(), loadApprovals()]);
}

// ---------------------------------------------------------------- requests (hand-offs)

async function loadRequests() {
  say('#requests-status', 'desk.loadingList');
  try {
    const [open, claimed] = await Promise.all([desk('/handoffs?status=open'), desk('/handoffs?status=claimed')]);
    const refused = [open, claimed].find((answer) => !answer.ok);
    if (refused) {
      requests = [];
      writeRequests();
      if (refused.status === 401 || refused.status === 403) say('#key-status', 'desk.keyRefused', reasonsOf(refused.body));
      say('#requests-status', 'desk.failed', refused.body.error ?? String(refused.status), reasonsOf(refused.body));
      return;
    }
    // Open requests, and those this key claimed (another rep's are theirs to answer).
    requests = [...claimed.body.filter(mine), ...open.body];
    writeRequests();
    say('#requests-status', requests.length === 0 ? 'desk.noRequests' : undefined);
  } catch (error) {
    say('#requests-status', 'desk.noAnswer', error.message);
  }
}

const mine = (handoff) => keyActor !== undefined && handoff.claimedBy === keyActor;

function writeRequests() {
  $('#request-list').replaceChildren(
    ...requests.map((handoff) => {
      const item = el('li', undefined, { class: 'card' });
      const headingId = `request-${handoff.id}`;
      const name = handoff.contact?.name || t('desk.noName');
      item.append(el('h3', name, { id: headingId }));
      if (handoff.contact?.email) {
        const line = el('p', undefined, { class: 'meta' });
        line.append(el('a', handoff.contact.email, { href: `mailto:${handoff.contact.email}` }));
        item.append(line);
      }
      item.append(el('p', `${productName(handoff.catalog, handoff.product)} · ${t(handoff.to === 'reseller' ? 'desk.forSales' : 'desk.forExpert')}`));
      item.append(el('p', t('desk.counts', handoff.answers, handoff.complete, handoff.conflicts)));
      item.append(el('p', handoff.grandTotal ? t('desk.deskPrice', money(handoff.grandTotal)) : t('desk.noPrice')));
      item.append(el('p', `${t(handoff.status === 'open' ? 'desk.statusOpen' : 'desk.statusMine')} · ${moment(handoff.createdAt)}`, { class: 'meta' }));
      const button = el('button', t(handoff.status === 'open' ? 'desk.claim' : 'desk.open'), { type: 'button', 'aria-describedby': headingId });
      button.addEventListener('click', () => (handoff.status === 'open' ? claim(handoff.id) : openRequest(handoff.id)));
      item.append(button);
      return item;
    }),
  );
}

async function claim(id) {
  try {
    const { ok, status, body } = await desk(`/handoffs/${id}/claim`, { method: 'POST' });
    if (!ok) {
      await loadRequests();
      // 409: another rep was first, or it was answered meanwhile.
      if (status === 409) say('#requests-status', 'desk.claimTaken', reasonsOf(body));
      else say('#requests-status', 'desk.failed', body.error ?? String(status), reasonsOf(body));
      return;
    }
    await loadRequests();
    await openRequest(id);
  } catch (error) {
    say('#requests-status', 'desk.noAnswer', error.message);
  }
}

function closeRequest() {
  current = undefined;
  $('#request').hidden = true;
}

async function openRequest(id) {
  try {
    const { ok, status, body } = await desk(`/handoffs/${id}`);
    if (!ok) return say('#requests-status', 'desk.failed', body.error ?? String(status), reasonsOf(body));
    const catalog = catalogs.get(body.catalog) ?? (await catalogOf(body.catalog));
    current = { id, detail: body, catalog, answered: body.quote ?? undefined };
    say('#quote-status', current.answered ? 'desk.answered' : undefined, current.answered);
    $('#quote-send').disabled = Boolean(current.answered);
    $('#quote-discount').value = '0';
    $('#quote-quantity').value = '1';
    writeRequest();
    $('#request').hidden = false;
    // The buyer's configuration, exactly as they left it, in the same configurator they used.
    const configurator = $('#desk-configurator');
    configurator.catalog = catalog;
    configurator.product = body.payload.configuration.product;
    configurator.configuration = body.payload.configuration;
    $('#desk-guidance').guidance = undefined;
    $('#request-title').focus();
  } catch (error) {
    say('#requests-status', 'desk.noAnswer', error.message);
  }
}

/** The opened request's contact, answers and conflicts, in the page's language. */
function writeRequest() {
  if (!current) return;
  const { detail, catalog } = current;
  const contact = detail.contact ?? {};
  $('#request-title').textContent = t('desk.request', contact.name || t('desk.noName'));
  const facts = [
    ['desk.email', contact.email],
    ['desk.phone', contact.phone],
    ['desk.company', contact.company],
    ['desk.message', contact.message],
    ['desk.product', productName(detail.catalog, detail.payload.configuration.product)],
    ['desk.price', detail.price ? money(detail.price.totals.grandTotal) : t('desk.noPrice')],
    ['desk.status', current.answered ? t('desk.answered', current.answered) : t(detail.status === 'open' ? 'desk.statusOpen' : 'desk.statusMine')],
  ].filter(([, value]) => value);
  $('#request-facts').replaceChildren(...facts.flatMap(([term, value]) => [el('dt', t(term)), el('dd', value)]));
  const product = detail.payload.configuration.product;
  const answers = detail.payload.answers;
  $('#request-answers').replaceChildren(
    ...(answers.length === 0 ? [el('li', t('desk.noAnswers'))] : answers.map((answer) => el('li', decisionText(catalog, product, answer, { name: answer.name, valueName: answer.valueName })))),
  );
  const conflicts = detail.payload.conflicts;
  $('#request-conflicts').replaceChildren(
    ...(conflicts.length === 0
      ? [el('li', t('desk.noConflicts'))]
      : conflicts.map((conflict) => {
          const item = el('li', t('desk.conflict', decisionText(catalog, product, conflict.wanted), conflict.gaveUp.map((d) => decisionText(catalog, product, d)).join(', ')));
          for (const message of conflict.messages ?? []) item.append(el('span', catalogText(catalog, message), { class: 'rule' }));
          return item;
        })),
  );
}

async function catalogOf(id) {
  const response = await fetch(`/examples/catalogs/${encodeURIComponent(id)}.json`);
  if (!response.ok) throw new Error(`${id}: HTTP ${response.status}`);
  const catalog = loadCatalog(await response.text());
  catalogs.set(catalog.id, catalog);
  return catalog;
}

// ---------------------------------------------------------------- price guidance

/** The discount typed, as the desk reads a percentage ("12.5"); undefined when it is not one. */
function discount() {
  const text = $('#quote-discount').value.trim() || '0';
  return /^\d{1,3}(\.\d{1,12})?$/.test(text) && Number(text) <= 100 ? text : undefined;
}

/** The deal cell of the opened request: the segment of its price (the demo's buyers are "smb"), the policy's region and family. */
function cellOf(price) {
  return { segment: price?.segment ?? 'smb', region: policy.region, family: policy.families[current.catalog.id] ?? current.catalog.id };
}

/** What this vendor calls the deals' cells (its CRM's names): the guidance itself has only ids. */
const cellNames = {
  segment: { smb: { en: 'Small business', de: 'Kleinunternehmen', fr: 'Petites entreprises' }, enterprise: { en: 'Enterprise', de: 'Großunternehmen', fr: 'Grandes entreprises' } },
  region: { emea: { en: 'Europe, Middle East and Africa', de: 'Europa, Naher Osten und Afrika', fr: 'Europe, Moyen-Orient et Afrique' } },
  family: {
    'av-rooms': { en: 'Meeting room AV systems', de: 'AV-Systeme für Besprechungsräume', fr: 'Systèmes audiovisuels pour salles de réunion' },
    collaboration: { en: 'Collaboration software', de: 'Kollaborationssoftware', fr: 'Logiciels collaboratifs' },
  },
};

let asked = 0;
/** Asks the desk where the price, with the quantity and discount typed, stands against past won deals. */
async function showGuidance() {
  const price = $('#desk-configurator').price;
  const band = $('#desk-guidance');
  if (!current || !price) return void (band.guidance = undefined);
  const ask = ++asked;
  const percent = discount();
  const count = Number($('#quote-quantity').value);
  const quantity = Number.isInteger(count) && count >= 1 ? count : 1;
  try {
    // The engine prices the quantity typed and the order discount, as the desk will quote them: exact, in the page.
    const configurator = $('#desk-configurator');
    const context = { date: price.date, book: price.book.id, currency: price.currency, quantity, ...(percent && Number(percent) > 0 ? { orderDiscount: { percent } } : {}) };
    const { list, net } = priceOf(configurator.catalog, configurator.value, context).totals;
    const quote = { list: list.amount, net: net.amount };
    const { ok, body } = await desk('/guidance', { method: 'POST', body: { ...cellOf(price), quote } });
    // A slower answer to an earlier price must not replace a newer one.
    if (ask !== asked) return;
    band.currency = price.currency;
    band.cellNames = cellNames;
    band.guidance = ok ? body : undefined;
  } catch {
    if (ask === asked) band.guidance = undefined;
  }
}

let typing;
/** The quantity or the discount typed: the band follows once typing pauses. */
function discountChanged() {
  clearTimeout(typing);
  typing = setTimeout(() => void showGuidance(), 250);
}

// ---------------------------------------------------------------- the quote

async function sendQuote(event) {
  event.preventDefault();
  if (!current) return;
  const percent = discount();
  if (percent === undefined) {
    say('#quote-status', 'desk.badDiscount');
    return $('#quote-discount').focus();
  }
  const quantity = Number($('#quote-quantity').value);
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 99) {
    say('#quote-status', 'desk.badQuantity');
    return $('#quote-quantity').focus();
  }
  const configurator = $('#desk-configurator');
  const configuration = configurator.value ?? current.detail.payload.configuration;
  const send = $('#quote-send');
  send.disabled = true;
  say('#quote-status', 'desk.sending');
  let answered = false;
  try {
    const { status, body } = await desk('/quotes', {
      method: 'POST',
      body: {
        catalog: current.catalog.id,
        items: [{ configuration, quantity }],
        // The segment of the deal cell, so that the deal this quote becomes counts in it.
        context: { segment: cellOf(configurator.price).segment, ...(Number(percent) > 0 ? { orderDiscount: { percent } } : {}) },
        handoff: current.id,
      },
    });
    if (status === 201) {
      answered = true;
      current.answered = body.number;
      say('#quote-status', 'desk.sent', body.number, money(body.totals.grandTotal));
    } else if (status === 202) {
      say('#quote-status', 'desk.pending', body.number, reasonsOf(body));
      void loadApprovals();
    } else {
      say('#quote-status', 'desk.failed', body.error ?? String(status), reasonsOf(body));
    }
  } catch (error) {
    say('#quote-status', 'desk.noAnswer', error.message);
  } finally {
    send.disabled = answered || Boolean(current?.answered);
  }
  if (answered) {
    writeRequest();
    void loadRequests();
  }
}

// ---------------------------------------------------------------- approvals

async function loadApprovals() {
  say('#approvals-status', 'desk.loadingList');
  try {
    const { ok, status, body } = await desk('/quotes?status=pending-approval');
    if (!ok) {
      approvals = [];
      writeApprovals();
      return say('#approvals-status', 'desk.failed', body.error ?? String(status), reasonsOf(body));
    }
    // Why each one waits: the engine's approvals of its lines, in the quote document.
    approvals = await Promise.all(
      body.map(async (quote) => {
        const detail = await desk(`/quotes/${encodeURIComponent(quote.number)}`).catch(() => undefined);
        const document = detail?.ok ? detail.body.quote : undefined;
        const reasons = [...new Set((document?.items ?? []).flatMap((item) => item.price.approvals.map((a) => a.reason)))];
        return { ...quote, reasons, discount: document?.context?.orderDiscount?.percent };
      }),
    );
    writeApprovals();
    say('#approvals-status', approvals.length === 0 ? 'desk.noApprovals' : undefined);
  } catch (error) {
    say('#approvals-status', 'desk.noAnswer', error.message);
  }
}

function writeApprovals() {
  $('#approval-list').replaceChildren(
    ...approvals.map((quote) => {
      const item = el('li', undefined, { class: 'card' });
      const headingId = `approval-${quote.number}`;
      item.append(el('h3', quote.number, { id: headingId }));
      const catalog = catalogs.get(quote.catalog);
      item.append(el('p', `${catalog ? catalogText(catalog, catalog.name) : quote.catalog} · ${t('desk.total', money(quote.grandTotal))}`));
      item.append(el('p', `${t('desk.by', quote.createdBy)} · ${moment(quote.updatedAt)}`, { class: 'meta' }));
      if (quote.reasons.length > 0) {
        const list = el('ul', undefined, { class: 'reasons' });
        for (const reason of quote.reasons.slice(0, 3)) list.append(el('li', reason));
        if (quote.reasons.length > 3) list.append(el('li', t('desk.more', quote.reasons.length - 3)));
        item.append(list);
      }
      const fieldId = `comment-${quote.number}`;
      item.append(el('label', t('desk.comment'), { for: fieldId }));
      const comment = el('textarea', undefined, { id: fieldId, rows: '2', maxlength: '2000' });
      comment.value = comments.get(quote.number) ?? '';
      comment.addEventListener('input', () => comments.set(quote.number, comment.value));
      item.append(comment);
      const row = el('div', undefined, { class: 'row' });
      const approve = el('button', t('desk.approve'), { type: 'button', class: 'primary', 'aria-describedby': headingId });
      approve.addEventListener('click', () => decide(quote.number, 'approve', comment));
      const reject = el('button', t('desk.reject'), { type: 'button', 'aria-describedby': headingId });
      reject.addEventListener('click', () => decide(quote.number, 'reject', comment));
      row.append(approve, reject);
      item.append(row);
      return item;
    }),
  );
}

async function decide(number, decision, field) {
  const comment = field.value.trim();
  if (decision === 'reject' && !comment) {
    say('#approvals-status', 'desk.needComment');
    field.setAttribute('aria-invalid', 'true');
    return field.focus();
  }
  field.removeAttribute('aria-invalid');
  try {
    const { ok, status, body } = await desk(`/quotes/${encodeURIComponent(number)}/${decision}`, { method: 'POST', body: comment ? { comment } : {} });
    if (!ok) return say('#approvals-status', 'desk.failed', body.error ?? String(status), reasonsOf(body));
    comments.delete(number);
    await loadApprovals();
    say('#approvals-status', decision === 'approve' ? 'desk.approved' : 'desk.rejected', number);
    $('#approvals-title').scrollIntoView({ block: 'nearest' });
  } catch (error) {
    say('#approvals-status', 'desk.noAnswer', error.message);
  }
}

// ---------------------------------------------------------------- wiring

const configurator = $('#desk-configurator');
configurator.addEventListener('cpq-load', () => void showGuidance());
configurator.addEventListener('cpq-configuration-change', () => void showGuidance());
// The configurator's and the summary's own actions are a buyer's; here the rep sends the quote with the form below.
for (const element of [configurator, $('#desk-summary')]) {
  for (const type of ['cpq-quote-request', 'cpq-handoff-request']) {
    element.addEventListener(type, (event) => {
      event.stopPropagation();
      say('#quote-status', 'desk.useForm');
      $('#quote-discount').focus();
    });
  }
}
$('#quote-discount').addEventListener('input', discountChanged);
$('#quote-quantity').addEventListener('input', discountChanged);
$('#quote-form').addEventListener('submit', sendQuote);
$('#key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void useKey($('#desk-key').value);
});
$('#requests-refresh').addEventListener('click', () => void loadRequests());
$('#approvals-refresh').addEventListener('click', () => void loadApprovals());
if (demoKeys) {
  $('#demo-keys').hidden = false;
  $('#demo-rep').addEventListener('click', () => void useKey(demoKeys.rep));
  $('#demo-approver').addEventListener('click', () => void useKey(demoKeys.approver));
}

onLanguageChange(() => {
  for (const [selector, [textKey, ...args]] of messages) $(selector).textContent = t(textKey, ...args);
  writeRequests();
  writeApprovals();
  writeRequest();
});

followLanguage($('#lang'));

async function main() {
  try {
    // The desk's catalogs (what it quotes from) and its policy's deal cells.
    const health = await fetch('/api/health').then((r) => r.json());
    const [loadedPolicy] = await Promise.all([fetch('/examples/desk/policy.json').then((r) => (r.ok ? r.json() : {})), ...health.catalogs.map((c) => catalogOf(c.id))]);
    policy = { region: loadedPolicy.region ?? 'default', families: loadedPolicy.families ?? {} };
  } catch (error) {
    say('#requests-status', 'desk.noAnswer', error.message);
  }
  await useKey(key);
}

void main();
