import type { Decision, DroppedSelection, Problem } from '@cpq-kit/engine';
import type { TranslationArgs, TranslationKey } from '../internal/localize.js';
import type { productConfigurator } from '../translations/en/product-configurator.js';
import { text, type ConfiguratorView } from './view.js';

/**
 * The configurator's sentences about its product in the reader's language: decisions by
 * name ("Display size: 98-inch 4K display"), lists of them, why a selection of a shared
 * link was left out, why the configuration cannot be priced. Names come from the catalog;
 * where it no longer has them, ids.
 */
type Reader = Pick<ConfiguratorView, 't' | 'model'>;

/** "A, B and C" in the reader's language. */
export function join(view: Reader, items: readonly string[]): string {
  return new Intl.ListFormat(view.t.lang(), { type: 'conjunction' }).format(items);
}

/** "Display: 98-inch and Mounting: Mobile cart", with the language's list words. */
export function list(view: Reader, decisions: readonly Decision[]): string {
  return join(view, decisions.map((d) => decisionName(view, d)));
}

/** One decision in words: "Display: 98-inch", "Control panel", "without Pen". */
export function decisionName(view: Reader, decision: Decision): string {
  const attribute = view.model.attribute(decision.attribute);
  if (!attribute || attribute.kind === 'boolean' || decision.declined) return valueName(view, decision);
  return view.t.term('decision', text(view, attribute.name), valueName(view, decision));
}

/** A value in words: an option's name, a quantity, an add-on's name, or "without …" for something left out. */
export function valueName(view: Reader, decision: Decision): string {
  const t = view.t;
  const attribute = view.model.attribute(decision.attribute);
  if (!attribute) return String(decision.value);
  if (attribute.kind === 'boolean') return decision.value ? text(view, attribute.name) : t.term('declined', text(view, attribute.name));
  if (attribute.kind === 'quantity') return t.number(Number(decision.value));
  const option = text(view, attribute.options.find((o) => o.id === decision.value)?.name) || String(decision.value);
  return decision.declined ? t.term('declined', option) : option;
}

/** A left-out selection in the reader's language, from the engine's reason code (its own message is English). */
export function droppedText(view: Reader, dropped: DroppedSelection): string {
  const t = view.t;
  const values = Array.isArray(dropped.value) ? dropped.value : [dropped.value];
  const attribute = view.model.attribute(dropped.attribute);
  // Names where the catalog still has them, ids where it does not.
  const what = attribute
    ? list(view, values.map((value) => ({ attribute: dropped.attribute, value })))
    : `${dropped.attribute}: ${values.map(String).join(', ')}`;
  switch (dropped.reason) {
    case 'unknown-attribute':
    case 'unknown-option':
      return t.term('droppedGone', what);
    case 'not-allowed':
      return t.term('droppedNotAllowed', what);
    case 'conflict':
      return dropped.conflictsWith?.length ? t.term('droppedConflict', what, list(view, dropped.conflictsWith)) : t.term('droppedNotAllowed', what);
  }
}

/**
 * Why the configuration cannot be priced, in the reader's language, from the engine's
 * problem code and params (docs/pricing.md); the engine's English message for a code
 * (or params) this version has no text for, or that the reader's translation lacks (one
 * registered for an older version).
 */
export function priceProblemText(view: Reader, problem: Problem): string {
  const t = view.t;
  const say = <K extends keyof typeof productConfigurator & TranslationKey>(key: K, ...args: TranslationArgs<K>): string | undefined =>
    t.has(key) ? t.term(key, ...args) : undefined;
  const p = problem.params ?? {};
  const has = (...keys: string[]) => keys.every((key) => p[key] !== undefined);
  const id = (key: string) => String(p[key]);
  const day = (key: string) => t.day(id(key));
  const book = () => bookName(view, id('book'));
  let said: string | undefined;
  switch (problem.code) {
    case 'date-no-book':
      if (has('date')) said = say('priceProblemDateNoBook', day('date'));
      break;
    case 'book-not-valid':
      if (has('book', 'date')) said = say('priceProblemBookNotValid', book(), day('date'));
      break;
    case 'date-invalid':
      if (has('date')) said = say('priceProblemDateInvalid', id('date'));
      break;
    case 'currency-unknown':
      if (has('currency')) said = say('priceProblemCurrencyUnknown', id('currency'));
      break;
    case 'currency-no-book':
      if (has('currency', 'currencies')) said = say('priceProblemCurrencyNoBook', id('currency'), join(view, id('currencies').split(',')));
      break;
    case 'book-currency':
      if (has('book', 'bookCurrency', 'currency')) said = say('priceProblemBookCurrency', book(), id('bookCurrency'), id('currency'));
      break;
    case 'segment-no-book-in-currency':
      if (has('segment', 'currency')) said = say('priceProblemSegmentNoBookInCurrency', id('segment'), id('currency'));
      break;
    case 'book-unknown':
      if (has('book')) said = say('priceProblemBookUnknown', id('book'));
      break;
    case 'segment-unknown':
      if (has('segment')) said = say('priceProblemSegmentUnknown', id('segment'));
      break;
    case 'partner-unknown':
      if (has('partner')) said = say('priceProblemPartnerUnknown', id('partner'));
      break;
    case 'price-missing':
      if (has('book')) said = say('priceProblemPriceMissing', itemName(view, p), book());
      break;
    case 'price-negative':
      if (has('book')) said = say('priceProblemPriceNegative', itemName(view, p), book());
      break;
    case 'tier-missing':
      if (has('book', 'quantity')) said = say('priceProblemTierMissing', itemName(view, p), t.number(Number(p['quantity'])), book());
      break;
    case 'discount-currency':
      if (has('currency', 'book', 'bookCurrency')) said = say('priceProblemDiscountCurrency', id('currency'), book(), id('bookCurrency'));
      break;
  }
  return said ?? problem.message;
}

/** A priced item of a problem in words: "Display size: 98-inch 4K display", an add-on's or the product's name. */
function itemName(view: Reader, p: Readonly<Record<string, string | number>>): string {
  const attribute = p['attribute'] === undefined ? undefined : view.model.attribute(String(p['attribute']));
  if (attribute && p['option'] !== undefined) return decisionName(view, { attribute: attribute.id, value: String(p['option']) });
  if (attribute) return text(view, attribute.name);
  return text(view, view.model.compiled.product.name);
}

/** A price book's name in the reader's language, or its id where the catalog gives it none. */
function bookName(view: Reader, id: string): string {
  const name = view.model.catalog.pricing?.books.find((b) => b.id === id)?.name;
  return name === undefined ? id : text(view, name);
}
