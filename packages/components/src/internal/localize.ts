import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { localize as localizeText, type LocalText, type MoneyJSON } from '@cpq-kit/engine';

/**
 * The interface texts of the elements in one language. Catalog texts (product and
 * option names...) come from the catalog itself; these are the words around them.
 * Plurals and sentences with values are functions, so each language can order
 * and inflect them its own way.
 *
 * To add a language, write a `Translation` and pass it to {@link registerTranslation}.
 * German and French are built in but loaded on first use (see {@link loadTranslation}),
 * so a page in English does not download them.
 */
export interface Translation {
  /** The BCP 47 tag this translation is for, e.g. `de` or `fr-CH`. */
  $code: string;
  /** The language's name in itself, e.g. `Deutsch`. */
  $name: string;

  /** Shown when an element has no catalog. */
  noCatalog: string;
  /** Shown when the catalog has no product with the requested id. */
  unknownProduct: (id: string) => string;
  /** The heading of the specifications table. */
  specifications: string;
  /** The name of the picker of a product picture's views (front, from above...). */
  pictureView: string;
  /** The heading of the attributes that are in no section, when the product has sections. */
  general: string;
  /** The heading of the attributes when the product has no sections. */
  options: string;

  /** A single choice that must be made. */
  chooseOne: string;
  /** A single choice that may be left empty. */
  chooseOneOptional: string;
  /** A multiple choice between `min` and `max` options (`min` may be 0, `max` may equal `min`). */
  chooseMany: (min: number, max: number) => string;
  /** An option that is either added or not. */
  addOn: string;
  /** A whole number of units from `min` to `max` (formatted numbers), in steps of `step` unless that is `null` (steps of 1). */
  quantity: (min: string, max: string, step: string | null) => string;

  /** Marks an option that is chosen unless the buyer changes it. */
  default: string;
  /** An add-on that is included unless the buyer removes it. */
  includedByDefault: string;
  /** The quantity chosen unless the buyer changes it. */
  defaultQuantity: (quantity: string) => string;
  /** Introduces the specs an add-on brings. */
  withAddOn: string;
  /** Introduces the specs that count once per unit of a quantity; `unit` is the catalog's unit name, if any. */
  perUnit: (unit: string) => string;

  /** A boolean spec that holds. */
  yes: string;
  /** A boolean spec that does not hold. */
  no: string;

  // <product-comparison>
  /** The comparison table's caption; `catalog` is the catalog's name. */
  comparisonCaption: (catalog: string) => string;
  /** The heading of the price rows (net amounts: the comparison shows no tax). */
  prices: string;
  /** One-time charges (the heading of their lines). */
  oneTime: string;
  /** The total of the one-time charges, net: what is due when the order is placed. */
  dueNow: string;
  /** Recurring charges per month, per year. */
  perMonth: string;
  perYear: string;
  /** The recurring charges over the term; `months` is e.g. "36 months". */
  recurringOver: (months: string) => string;
  /** One year of the term in the comparison's total cost: "Year 2 (+5%)"; `months` when it is not a whole year. */
  termYear: (year: string, months: string | null, uplift: string | null) => string;
  /** Recurring charges whose terms differ, over their terms. */
  recurringOverTerms: string;
  /** The total cost of ownership row (one-time plus recurring over the term). */
  totalCost: string;
  /** The term selector's label. */
  term: string;
  /** A number of months; `formatted` is `count` in the reader's format. */
  months: (count: number, formatted: string) => string;
  /** The toggle that hides the rows where every item has the same value. */
  differencesOnly: string;
  /** Announced when rows are hidden or shown again. */
  rowsShown: (shown: number, total: number) => string;
  /** The badge of the promoted column. */
  recommended: string;
  /** The badge of the baseline column ("what you have today"). */
  baseline: string;
  /** The action on a column; the item's name follows for assistive technology. */
  choose: string;
  /** The button that removes an item from the comparison. */
  removeItem: (name: string) => string;
  /** The label of the list of products to add, and its button. */
  addItem: string;
  add: string;
  /** The label of the selector of the n-th column shown on a narrow screen. */
  column: (n: number) => string;
  /** Read with a best value (next to its mark). */
  bestValue: string;
  /** An attribute the item's product does not have; a spec it does not state. */
  notAvailable: string;
  notStated: string;
  /** A choice with no option chosen. */
  none: string;
  /** An add-on that is / is not part of the item. */
  included: string;
  notIncluded: string;
  /** The one-time price of something already bought. */
  alreadyPaid: string;
  /** Against the baseline: a feature the item adds / no longer has. */
  deltaNew: string;
  deltaDropped: string;
  /** Against the baseline, when the catalog says which way is better. */
  better: string;
  worse: string;
  /** Introduces an item's differences from the baseline; `name` is the baseline's name. */
  comparedWith: (name: string) => string;
  /** Features gained or lost against the baseline, e.g. "+3 features"; `count` is positive. */
  featuresGained: (count: number) => string;
  featuresLost: (count: number) => string;
  /** An amount per month / per year / due now (one-time); an amount over a term such as "36 months". */
  amountPerMonth: (amount: string) => string;
  amountPerYear: (amount: string) => string;
  amountOneTime: (amount: string) => string;
  amountOver: (amount: string, months: string) => string;
  /** Shown when there is nothing to compare yet. */
  noItems: string;
  /** Shown above the reasons when the items cannot be compared. */
  cannotCompare: string;

  // <product-configurator>
  /** While the catalog or the precompiled space loads. */
  loading: string;
  /**
   * Why the product cannot be shown (the configurator's error state, in place of the
   * product, above the engine's or the network's detail in English): the catalog could
   * not be fetched; it is not valid; its precompiled space does not fit it; the
   * configuration given does not fit it; any other reason. A product the catalog lacks
   * says `unknownProduct`.
   */
  loadFailedUnreachable: string;
  loadFailedInvalid: string;
  loadFailedSpace: string;
  loadFailedConfiguration: string;
  loadFailedOther: string;
  /** The disclosure of that detail. */
  technicalDetails: string;
  /** The heading of the price summary. */
  yourConfiguration: string;
  /** The grand total's label when there are one-time charges only. */
  total: string;
  /** The grand total's label when it holds recurring charges over their term ("36 months"): one-time plus recurring over the term, with tax. */
  totalOver: (months: string) => string;
  /** The same, when the recurring charges have terms of different lengths. */
  totalOverTerms: string;
  /** Announced politely after a change: the new total; `total` is its label ("Total over 36 months"). */
  totalIsNow: (total: string, amount: string) => string;
  /** When the configuration cannot be priced (a missing price, no price book for the date). */
  priceOnRequest: string;
  /** A value the current selections exclude (the badge; the reason follows on activation). */
  unavailable: string;
  /** How many decisions are still open; 0 means the configuration is complete. */
  openChoices: (count: number) => string;
  /** A single choice left empty on purpose. */
  noneOfThese: string;
  /** The prompt of a single choice shown as a drop-down. */
  chooseOption: string;
  /** Buttons of a quantity stepper; `name` is the attribute's name. */
  decrease: (name: string) => string;
  increase: (name: string) => string;
  /** Why a value is unavailable: `value` is its name, `because` the decisions in the way ("Display: 98-inch"). */
  unavailableBecause: (value: string, because: string) => string;
  /** A value no configuration of the product allows. */
  neverAvailable: (value: string) => string;
  /** Said of an unavailable value before it is tried (its description): `because` lists the decisions in the way. */
  unavailableWith: (because: string) => string;
  /** Said of a value no configuration of the product allows, before it is tried. */
  unavailableAlways: string;
  /** The repair button: choose the value and give up `changes` (a list of decisions). */
  makeAvailable: (changes: string) => string;
  /** Closes the explanation without changing anything. */
  keepSelections: string;
  /** After a repair: what was given up, with an undo button next to it. */
  gaveUp: (changes: string) => string;
  /** Joins list items: "A, B and C" comes from Intl.ListFormat; this is one decision, "Display: 98-inch". */
  decision: (attribute: string, value: string) => string;
  /** A decision to leave an option of a multiple choice out. */
  declined: (option: string) => string;
  /** Buttons. */
  undo: string;
  startOver: string;
  completeWithDefaults: string;
  requestQuote: string;
  copyShareLink: string;
  linkCopied: string;
  talkToExpert: string;
  buyAtReseller: string;
  /** Above the recommended add-ons. */
  recommendedForYou: string;
  /** The message of an incomplete configurator inside a form. */
  incompleteConfiguration: string;
  /** When a shared configuration no longer fits the catalog: what was left out. */
  droppedOnLoad: string;
  /**
   * Why one selection was left out: `what` names it ("Camera: PTZ camera", or the ids when
   * the catalog no longer has them); `because` lists the decisions it clashes with.
   */
  droppedGone: (what: string) => string;
  droppedNotAllowed: (what: string) => string;
  droppedConflict: (what: string, because: string) => string;
  /** Dismisses a notice. */
  dismiss: string;
  /**
   * Why the configuration cannot be priced, by the engine's problem code (docs/pricing.md);
   * a code without a text here shows the engine's English message. Dates and lists come
   * formatted; `item` names the choice ("Display size: 98-inch 4K display") and `book` the
   * price book in the reader's language where the catalog has its name.
   */
  priceProblemDateNoBook: (date: string) => string;
  priceProblemBookNotValid: (book: string, date: string) => string;
  priceProblemDateInvalid: (date: string) => string;
  priceProblemCurrencyUnknown: (currency: string) => string;
  priceProblemCurrencyNoBook: (currency: string, currencies: string) => string;
  priceProblemBookCurrency: (book: string, bookCurrency: string, currency: string) => string;
  priceProblemSegmentNoBookInCurrency: (segment: string, currency: string) => string;
  priceProblemBookUnknown: (book: string) => string;
  priceProblemSegmentUnknown: (segment: string) => string;
  priceProblemPartnerUnknown: (partner: string) => string;
  priceProblemPriceMissing: (item: string, book: string) => string;
  priceProblemPriceNegative: (item: string, book: string) => string;
  priceProblemTierMissing: (item: string, quantity: string, book: string) => string;
  /** A discount in another currency than the price book's (`discount-currency`). */
  priceProblemDiscountCurrency: (currency: string, book: string, bookCurrency: string) => string;

  // <quote-summary>
  /** The heading of a live price breakdown. */
  priceSummary: string;
  /** The heading of a stored quote; `number` is its quote number. */
  quoteHeading: (number: string) => string;
  /** Labels of a quote's details. */
  quoteVersion: string;
  quoteIssued: string;
  validUntil: string;
  /** The day prices apply. */
  pricesAsOf: string;
  priceBook: string;
  partnerLabel: string;
  customerLabel: string;
  signatureLabel: string;
  /** A quote's signature: its algorithm and key id (`kid` may be empty). */
  signatureValue: (alg: string, kid: string) => string;
  notSigned: string;
  /** Column headers of the price lines. */
  itemColumn: string;
  quantityColumn: string;
  listPrice: string;
  netPrice: string;
  overTheTerm: string;
  /** The heading of the recurring charges (the one-time charges use `oneTime`). */
  recurringCharges: string;
  /** An item of a quote: its product's name and how many (formatted). */
  quoteItem: (name: string, quantity: string) => string;
  /** Read after a line's name on the button that shows its waterfall. */
  whyThisPrice: string;
  /** The label of a line's waterfall; `name` is the line's name. */
  priceStepsOf: (name: string) => string;
  /**
   * The steps of a price waterfall, one per engine step code (see docs/pricing.md).
   * Amounts, percentages, quantities and dates come formatted; `to` is null for "and more";
   * `below` says whether a derived price book is below its base.
   */
  stepList: string;
  stepListUnits: (quantity: string, unitPrice: string) => string;
  stepListConverted: (quantity: string, unitPrice: string, from: string, rate: string, date: string) => string;
  /** "List price 5 × 450.00 per block of 10". */
  stepListBlocks: (blocks: string, blockPrice: string, size: string) => string;
  stepBookPrice: (book: string) => string;
  stepBookPercent: (book: string, percent: string, below: boolean, base: string) => string;
  stepBookAmount: (book: string, amount: string, below: boolean, base: string) => string;
  stepTierRange: (from: string, to: string | null) => string;
  stepTierSlab: (slabs: string) => string;
  stepTierBlock: (from: string, to: string | null) => string;
  stepUplift: (percent: string) => string;
  stepSchedule: (percent: string, from: string, to: string | null) => string;
  stepContractPrice: (unitPrice: string, contract: string) => string;
  stepContractPercent: (percent: string, contract: string) => string;
  stepManualPercent: (percent: string) => string;
  stepManualAmount: (amount: string) => string;
  stepOrderPercent: (percent: string) => string;
  stepOrderAmount: (amount: string) => string;
  stepPartner: (percent: string) => string;
  stepRounding: string;
  stepNet: string;
  /** A recurring line over its term ("36 months"); `prorated`: the last period is paid in part. */
  stepTerm: (months: string, prorated: boolean) => string;
  /** The heading of the totals, and their rows. */
  totalsHeading: string;
  /** The price from the buyer's price book before discounts, when it differs from list. */
  yourPrice: string;
  discounts: string;
  netTotal: string;
  /** A tax rate the catalog gives no name; `percent` is formatted. */
  taxRate: (percent: string) => string;
  /** Tax contained in prices that include it; `name` is the rate's name. */
  taxIncludedIn: (name: string) => string;
  savingsAgainstList: string;
  /** The heading of a revision's changes; `number` and `version` are the earlier quote's. */
  changesSince: (number: string, version: string) => string;
  /** A ramp deal's segments ("Price by period"), each a period with its dates, uplift and amounts. */
  rampHeading: string;
  rampCaption: (start: string, end: string) => string;
  rampPeriod: string;
  rampDates: string;
  rampUplift: string;
  rampOverPeriod: string;
  /** A segment without a name: "Months 13–24". */
  rampMonths: (from: string, to: string) => string;
  rampWholeTerm: (months: string) => string;
  /** A revision of a running subscription: what the change costs from its day to the end of the term. */
  amendmentHeading: (date: string) => string;
  amendmentDaysLeft: (remaining: string, of: string) => string;
  amendmentMonthsLeft: (remaining: string, of: string) => string;
  amendmentInFull: string;
  amendmentTotal: string;
  changeColumn: string;
  priceImpact: string;
  changeAdded: string;
  changeRemoved: string;
  changeChanged: string;
  noPriceChanges: string;
  /** A recurring line's price impact over its term; `amount` is signed. */
  amountOverTerm: (amount: string) => string;
  taxTotal: string;
  /** Actions. */
  acceptQuote: string;
  downloadJson: string;
  printAction: string;
  /** The heading of the sales-only information (`rep-mode`). */
  salesInformation: string;
  /**
   * Where a step's rule is, in `rep-mode`, when the catalog gives it no name: a volume
   * tier by its number (formatted), a discount schedule, a contract; a discount set in the
   * request for this quote; the catalog's own pricing rules (rounding, approval floor).
   */
  ruleTier: (n: string) => string;
  ruleSchedule: string;
  ruleContract: string;
  ruleRequest: string;
  ruleCatalog: string;
  /** Above the reasons a quote needs approval before it is sent. */
  needsApproval: string;
  /** Approval reasons: a line below its floor price per unit; manual discounts above what is allowed (formatted percentages). */
  approvalFloorPrice: (floor: string) => string;
  approvalFloorPercent: (percent: string, allowed: string) => string;
  /** Shown when there is no price to show yet. */
  noPrice: string;

  // <package-finder>
  /** The form's heading when the questionnaire has no name. */
  finderHeading: string;
  /** Marks a question that must be answered. */
  requiredAnswer: string;
  /** Errors under a question. `min`/`max` come formatted. */
  answerMissing: string;
  answerNotANumber: string;
  answerNotWhole: string;
  answerBelowMin: (min: string) => string;
  answerAboveMax: (max: string) => string;
  /** The one-question-per-step navigation on narrow screens. */
  stepOf: (step: number, steps: number) => string;
  stepBack: string;
  stepNext: string;
  /** Submits the answers. */
  showPackages: string;
  /** The heading of the ranked packages. */
  recommendedPackages: string;
  /** Badges: the package meets every need, or misses some. */
  meetsEveryNeed: string;
  missesSomeNeeds: string;
  /** A package's price: its net amount over the ranking's term; `months` is e.g. "12 months". */
  netOver: (months: string) => string;
  /** The engine's reasons (see docs/recommend.md), by code. */
  reasonCheapestMeetingAll: (count: number) => string;
  reasonMeetsAll: (count: number) => string;
  reasonMisses: (missed: number, count: number) => string;
  reasonCheapest: string;
  reasonMoreExpensive: string;
  /** Introduces what a package misses. */
  whatItMisses: string;
  /** A miss: a number spec out of range (`spec` is its name, values formatted); a spec not as needed; what an answer asked for that the package cannot have. */
  missSpecBelow: (spec: string, value: string, needed: string) => string;
  missSpecAbove: (spec: string, value: string, needed: string) => string;
  missSpecNot: (spec: string) => string;
  missNotAvailable: (what: string) => string;
  /** A package's action ("Talk to an expert" reuses `talkToExpert`). */
  chooseThis: string;
  /** The triage result: its heading and the line above the reasons. */
  triageHeading: string;
  triageIntro: string;
  /** Announced when a result is shown; `best` is the first package's name. */
  packagesAnnounced: (count: number, best: string) => string;
  triageAnnounced: string;
  /** Shown when the answers cannot be used; the engine's message follows. */
  cannotRecommend: string;
  /** The heading of the differences between the top packages. */
  differencesHeading: string;
  /** The differences table's caption; `names` lists the packages compared ("Starter, Business and Enterprise"). */
  differencesCaption: (names: string) => string;
  /** The header of the column that names what differs. */
  differencesFeature: string;
  /** Shown when the top packages have the same value in every row. */
  noDifferences: string;

  // <price-guidance>
  /** The heading, and what shows when there is no guidance. */
  guidanceHeading: string;
  noGuidance: string;
  /** Shown when the property is not price guidance. */
  guidanceInvalid: string;
  /** The three points of the band. */
  guidanceFloor: string;
  guidanceTarget: string;
  guidanceStretch: string;
  /** Where a point of the band comes from: the `percentile`-th percentile (25, 50, 75) of the won deals' prices. */
  guidancePercentile: (percentile: number) => string;
  /** A price as a share of list; `percent` comes formatted ("85.2%"). */
  ofList: (percent: string) => string;
  /** The quote's row. */
  thisQuote: string;
  /** The quote's percent rank: the share of comparable won deals priced lower (formatted). */
  quotePercentile: (percent: string) => string;
  /** Which part of the band the quote is in. */
  positionBelowFloor: string;
  positionFloorToTarget: string;
  positionTargetToStretch: string;
  positionAboveStretch: string;
  /** Shown when the quote is below the floor. */
  guidanceApproval: string;
  /** The cell the band comes from (`cell` is e.g. "smb · emea · collaboration") and its `count` won deals (`formatted` in the reader's format). */
  guidanceCell: (cell: string, count: number, formatted: string) => string;
  /** The cell made of every deal. */
  allDeals: string;
  /** A field of a cell the page gives no name for, by its id: "segment smb", "region emea", "product family av-rooms". */
  guidanceSegment: (id: string) => string;
  guidanceRegion: (id: string) => string;
  guidanceFamily: (id: string) => string;
  /** The back-off: the cells with too few won deals (each with its count of won deals in brackets), and the `minDeals` (formatted). */
  guidanceBackoff: (cells: string, min: string) => string;
  /** When no cell had enough won deals, so all deals were used. */
  guidanceThin: string;
  /** The optional win curve: its heading, what it is, its columns, and when it cannot be shown. */
  winCurveHeading: string;
  winCurveNote: string;
  pricePoint: string;
  winChance: string;
  expectedRevenue: string;
  expectedMargin: string;
  winCurveWarning: string;
  winCurveUnavailable: string;
}

/** A key of a `Translation` that is a text or a text function (not a `$` field). */
export type TranslationKey = Exclude<keyof Translation, `$${string}`>;

/** The arguments a translation key takes: none for a string, the function's for a function. */
export type TranslationArgs<K extends TranslationKey> = Translation[K] extends (...args: infer A) => string ? A : [];

/**
 * The registered translations by lower-case tag. English is not among them unless a page
 * registers its own: each element brings the English texts it uses (its controller's
 * `english`), the fallback for a language without a translation and for a key one lacks.
 */
const translations = new Map<string, Translation>();

/**
 * The built-in translations besides English, each a separate module (chunk) that is
 * fetched when an element first needs it. A rejected load is remembered (as `null`),
 * so an unreachable chunk means English rather than a retry on every update.
 */
const builtIn: Record<string, () => Promise<Translation>> = {
  de: () => import('../translations/de.js').then((m) => m.de),
  fr: () => import('../translations/fr.js').then((m) => m.fr),
};
const loading = new Map<string, Promise<void> | null>();

/** The connected hosts, to update when a language or a translation changes. */
const hosts = new Set<ReactiveControllerHost & HTMLElement>();
let observer: MutationObserver | undefined;

/**
 * Adds translations, or replaces those with the same `$code`; connected elements
 * update at once. English is built in; German and French are built in and loaded
 * on first use.
 */
export function registerTranslation(...list: Translation[]): void {
  for (const translation of list) translations.set(translation.$code.toLowerCase(), translation);
  for (const host of hosts) host.requestUpdate();
}

/** The registered translation for a tag: the exact tag, then its language (`de-AT` -> `de`); none for English unless one was registered. */
export function registeredTranslation(lang: string): Translation | undefined {
  const tag = lang.toLowerCase();
  return translations.get(tag) ?? translations.get(tag.split('-')[0] ?? tag);
}

/**
 * Loads the built-in translation for a tag's language if it is not there yet.
 * Returns a promise while it loads (it never rejects: English stays the fallback),
 * `undefined` when there is nothing to wait for. Every element waits for it before
 * it renders, so a German page never flashes English.
 */
export function loadTranslation(lang: string): Promise<void> | undefined {
  const tag = lang.toLowerCase();
  const language = tag.split('-')[0] ?? tag;
  const load = builtIn[language];
  if (!load || translations.has(tag) || translations.has(language)) return undefined;
  if (!loading.has(language)) {
    const promise = load().then(
      (translation) => {
        // A translation registered meanwhile (from JavaScript) wins over the built-in one.
        if (!translations.has(language)) translations.set(language, translation);
        loading.delete(language);
      },
      () => void loading.set(language, null),
    );
    loading.set(language, promise);
  }
  return loading.get(language) ?? undefined;
}

/**
 * An element's language: its own `lang`, else the closest ancestor's (across shadow roots), else `en`.
 * On the server (Lit SSR) an element has no ancestors to read: its own `lang`, else `en`.
 */
export function languageOf(element: HTMLElement): string {
  return element.lang || (isServer ? '' : inheritedLang(element)) || 'en';
}

/** The languages a server render has warned about (once each). */
const warnedOnServer = new Set<string>();

/**
 * On the server a render cannot wait for a built-in translation to load (the browser's
 * first update does), so an element would be rendered in English and hydrated in, say,
 * German, keeping the English text. Say so once per language, and start the load so
 * that later renders have it.
 */
function warnIfNotLoaded(lang: string, host: HTMLElement): void {
  const tag = lang.toLowerCase();
  if (warnedOnServer.has(tag) || !loadTranslation(tag)) return;
  warnedOnServer.add(tag);
  console.warn(
    `cpq-kit: <${host.localName}> was rendered on the server in English because the '${lang}' texts were not loaded yet: ` +
      `await loadTranslation('${lang}') (from @cpq-kit/components) before rendering.`,
  );
}

/**
 * Resolves an element's language and gives it its interface texts, number
 * formats and catalog texts, like Shoelace's `LocalizeController`.
 *
 * The language is the element's `lang`, else the closest ancestor's `lang` (also
 * across shadow roots), else the document's, else `en`. One shared
 * MutationObserver updates the elements when a `lang` changes in the document.
 * Changes to a `lang` inside another component's shadow root are not observed:
 * set `lang` on the element itself there.
 */
export class LocalizeController<E extends Partial<Translation> = Translation> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #english: E;
  readonly #numberFormats = new Map<string, Intl.NumberFormat>();
  readonly #dateFormats = new Map<string, Intl.DateTimeFormat>();

  /**
   * @param english The English texts the element uses (e.g. `en`, or a part of it): the
   * fallback, and the keys that {@link LocalizeController.term} accepts.
   */
  constructor(host: ReactiveControllerHost & HTMLElement, english: E) {
    this.#host = host;
    this.#english = english;
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.#host);
    startObserving();
    // A moved element may now be under another `lang`.
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
    if (hosts.size === 0) stopObserving();
  }

  /** The element's language as a BCP 47 tag, e.g. `de-CH`. */
  lang(): string {
    if (this.#rendering !== undefined) return this.#rendering;
    const lang = languageOf(this.#host);
    // Lit SSR renders without the controller hooks (no hostUpdate), so this is where a server render asks.
    if (isServer) warnIfNotLoaded(lang, this.#host);
    return lang;
  }

  /** The language, found once per update: a render asks for it per text, and finding it walks up the DOM. */
  #rendering: string | undefined;

  hostUpdate(): void {
    this.#rendering = undefined;
    this.#rendering = this.lang();
  }

  hostUpdated(): void {
    this.#rendering = undefined;
  }

  /**
   * An interface text in the element's language; English when the translation
   * lacks it (a translation registered from JavaScript for an older version).
   */
  term<K extends keyof E & TranslationKey>(key: K, ...args: TranslationArgs<K>): string {
    const value = (registeredTranslation(this.lang())?.[key] ?? this.#english[key]) as string | ((...a: TranslationArgs<K>) => string);
    return typeof value === 'function' ? value(...args) : value;
  }

  /** Whether the reader's language has a text for `key` (a translation registered for an older version may not). */
  has(key: keyof E & TranslationKey): boolean {
    return (registeredTranslation(this.lang()) ?? this.#english)[key] !== undefined;
  }

  /** A number in the element's language, e.g. `1,234.5` or `1.234,5`. */
  number(value: number, options?: Intl.NumberFormatOptions): string {
    const lang = this.lang();
    // Formats are remembered per language and options: making one costs far more than using it, and a table formats thousands.
    const key = options ? `${lang}\u0000${JSON.stringify(options)}` : lang;
    let format = this.#numberFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(lang, options);
      this.#numberFormats.set(key, format);
    }
    // One minus sign in every language: Intl writes U+2212 in German and French but a
    // hyphen in English, beside texts that say "−4 features".
    return format.format(value).replace('-', '\u2212');
  }

  /**
   * An amount of money in the element's language with its currency: "€1,850.00",
   * "1.850,00 €". The engine's decimal string goes to `Intl.NumberFormat` as it is
   * (exact, never a float on the way). `signed`: "+€30.00", "−€14.00", "€0.00".
   */
  money(money: MoneyJSON, signed = false): string {
    const options: Intl.NumberFormatOptions = { style: 'currency', currency: money.currency };
    if (signed) options.signDisplay = 'exceptZero';
    return this.number(money.amount as unknown as number, options);
  }

  /**
   * A day as the engine writes it ("2026-12-20"), or an instant's day (UTC), in the
   * element's language: "20 December 2026", "20. Dezember 2026". Anything else is shown
   * as it is.
   */
  day(value: string): string {
    const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(date.getTime())) return value;
    const lang = this.lang();
    let format = this.#dateFormats.get(lang);
    if (!format) this.#dateFormats.set(lang, (format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' })));
    return format.format(date);
  }

  /**
   * A catalog text in the element's language, falling back to the catalog's
   * default locale (the engine's `localize`). Plain text: render it as text.
   */
  text(text: LocalText | undefined, fallbackLocale?: string): string {
    return localizeText(text, this.lang(), fallbackLocale);
  }
}

/** The `lang` of the closest ancestor that has one, crossing shadow roots; '' if none. */
function inheritedLang(element: Element): string {
  let node: Node | null = parentOf(element);
  while (node) {
    if (node instanceof Element) {
      const found = node.closest('[lang]:not([lang=""])');
      if (found) return found.getAttribute('lang') ?? '';
      node = parentOf(node.getRootNode() as Node);
    } else {
      node = parentOf(node);
    }
  }
  return '';
}

/** The parent of a node, or the host of a shadow root. */
function parentOf(node: Node): Node | null {
  return node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
}

function isAncestor(ancestor: Node, node: Node): boolean {
  for (let current = parentOf(node); current; current = parentOf(current)) {
    if (current === ancestor) return true;
  }
  return false;
}

function startObserving(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver((records) => {
    for (const host of hosts) {
      // A host's own `lang` is a reactive property: it has updated already.
      if (records.some((record) => isAncestor(record.target, host))) host.requestUpdate();
    }
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

function stopObserving(): void {
  observer?.disconnect();
  observer = undefined;
}
