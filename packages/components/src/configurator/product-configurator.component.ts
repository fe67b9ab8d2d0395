import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Catalog, Configuration, ConfigurationSession, Decision, Explanation, PriceContext, SessionCore } from '@cpq-kit/engine';
import { groupBySection, type Group } from '../internal/catalog.js';
import { grandTotalLabel } from '../internal/charge-totals.js';
import { CpqElement } from '../internal/define.js';
import { heading } from '../internal/heading.js';
import { pictureStyles, viewPicker } from '../internal/picture.js';
import { priceContext } from '../internal/price-context.js';
import { LocalizeController } from '../internal/localize.js';
import { productConfigurator } from '../translations/en/product-configurator.js';
import { base, buttons, tokens } from '../internal/tokens.js';
import { CpqConfigurationChangeEvent, type CpqConfigurationChangeDetail } from '../events/cpq-configuration-change.js';
import { CpqHandoffRequestEvent } from '../events/cpq-handoff-request.js';
import { CpqLoadEvent } from '../events/cpq-load.js';
import { CpqLoadErrorEvent } from '../events/cpq-load-error.js';
import { CpqQuoteRequestEvent } from '../events/cpq-quote-request.js';
import { CpqShareEvent } from '../events/cpq-share.js';
import type { AttributeWindow } from './attribute-window.js';
import { attributeRow } from './attribute-rows.js';
import { unavailableReason } from './unavailable.js';
import { PriceBar } from './price-bar.js';
import { ConfiguratorModel, nextTask } from './configurator-model.js';
import { failureState, failureSummary, loadFailure, type LoadFailure } from './load-failure.js';
import { summary } from './summary.js';
import { configuredPicture } from './picture.js';
import { text, type ConfiguratorView } from './view.js';
import { droppedText } from './words.js';
import { styles } from './product-configurator.styles.js';
import { loadSharing, sharing } from './sharing.js';

/** Attributes rendered per frame the first time (measured: 631 switches at once were a 100-130 ms task). */
const RENDER_SLICE = 120;

/**
 * From this many attributes only the blocks near the viewport render (see
 * AttributeWindow): with all 631 of BusyBox's rows a click took 26-59 ms to the next
 * frame, and that time grows with the rows.
 */
const WINDOWED_FROM = 1000;

let instances = 0;

type Explanations = typeof import('./explanations.js');
let loadedExplanations: Explanations | undefined;
let loadingExplanations: Promise<Explanations> | undefined;
/** Explanations' code (once): the rule diagrams, on the first conflict in the page. */
function loadExplanations(): Promise<Explanations> {
  loadingExplanations ??= import('./explanations.js').then((module) => (loadedExplanations = module));
  return loadingExplanations;
}

/** Whether a product is long enough to render only the blocks near the viewport (see AttributeWindow). */
const windowed = (model: ConfiguratorModel): boolean => model.compiled.product.attributes.length >= WINDOWED_FROM;

/**
 * The drop-in configurator: any product of any valid catalog (or an imported UVL or
 * DIMACS model), with the valid choices after every change, the reason and a one-step
 * repair for every unavailable one, live prices and price differences, recommended
 * add-ons, and the actions that hand the configuration on (quote, share link, a person).
 * It asks the engine for everything; catalog text is rendered as text, never HTML.
 *
 * Inside a `<form>` it submits its configuration (JSON) under its `name`, and is
 * invalid while choices are open.
 *
 * @summary Configure a product with live prices; never a dead end.
 * @tagname product-configurator
 *
 * @fires change - After every change the buyer makes (never when code sets a property).
 * @fires cpq-configuration-change - The same, with `{ configuration, price, complete, valid }`.
 * @fires cpq-quote-request - The buyer asks for a quote: `{ configuration, price, context, share }`.
 * @fires cpq-share - The buyer asks for a share link: `{ code, link }`. Unless prevented, the link is copied.
 * @fires cpq-handoff-request - The buyer asks a person to take over: `{ to, payload }`.
 * @fires cpq-load - The product is loaded and shown (once per load, also after a change of catalog, `src`, `product`, space or `configuration`): `{ product, configuration, price, complete, valid }`.
 * @fires cpq-load-error - The product cannot be shown (once per failed load): `{ message }`.
 *
 * @slot empty - Shown when there is no catalog.
 * @slot actions - Extra buttons after the built-in actions.
 *
 * @csspart base - The whole configurator.
 * @csspart header - The product's image, name and description.
 * @csspart image - The product's image, when it has no picture.
 * @csspart picture - The product's picture that follows the configuration (the catalog's `picture`): its box.
 * @csspart picture-base - The picture's base image, whose alternative text names the product and the options drawn.
 * @csspart picture-layer - A chosen option's layer over it.
 * @csspart picture-views - The picker of the picture's views (when the catalog lists several): a group of radios.
 * @csspart picture-view - One view's choice in it.
 * @csspart name - The product name (a heading).
 * @csspart section - A group of attributes (a catalog section).
 * @csspart section-name - A section's heading.
 * @csspart attribute - One attribute (a fieldset, or a row for an on/off add-on).
 * @csspart attribute-name - Its name (the legend).
 * @csspart attribute-hint - What may be chosen, e.g. "Choose one".
 * @csspart options - The option cards of a choice.
 * @csspart option - One option card (a label around its radio button or checkbox).
 * @csspart option-unavailable - Added to an option the current selections exclude.
 * @csspart option-reason - Why an unavailable option is unavailable ("Not available with …"), said before it is tried.
 * @csspart option-selected - Added to the chosen options.
 * @csspart option-name - An option's name.
 * @csspart option-image - An option's image.
 * @csspart badge - A badge: "Unavailable", "Included".
 * @csspart delta - A price difference next to a value: "+€1,850.00".
 * @csspart select - The drop-down of a single choice with many options.
 * @csspart switch - The switch of an on/off add-on.
 * @csspart stepper - A quantity stepper (buttons and number field).
 * @csspart conflict - Why a value is unavailable, with the repair.
 * @csspart repair-button - "Choose it instead of …".
 * @csspart repaired - What a repair gave up, with undo.
 * @csspart summary - The price summary and actions.
 * @csspart totals - The totals (a description list).
 * @csspart total - The grand total.
 * @csspart recommendations - The recommended add-ons.
 * @csspart actions - The action buttons.
 * @csspart edit-actions - Undo and Start over, text buttons in a row under the others.
 * @csspart button - Every button.
 * @csspart primary-button - The quote request button.
 * @csspart price-bar - The sticky price bar on narrow screens.
 * @csspart notice - A notice: selections of a shared configuration left out.
 * @csspart incomplete - Shown when a quote is asked for while choices are open.
 * @csspart loading - The loading message.
 * @csspart error - Why the product cannot be shown, in the reader's language.
 * @csspart error-details - Under it, folded away, the engine's or the network's detail (English, with paths).
 *
 * @cssproperty --cpq-configurator-summary-width - The width of the price summary beside the options. Default: `20rem`.
 * @cssproperty --cpq-configurator-option-width - The narrowest an option card gets; fewer options than fit in a row share it. Default: `15rem`.
 * @cssproperty --cpq-picture-width - The widest the picture gets. Default: `30rem`.
 * @cssproperty --cpq-configurator-sticky-top - Where the summary sticks when scrolling (below a page's own sticky header). Default: `0`.
 */
export class ProductConfigurator extends CpqElement {
  static override defaultTag = 'product-configurator';

  /** @internal */
  static override styles = [tokens, base, buttons, styles, pictureStyles];

  /** @internal A form control: submits its configuration with the form. */
  static formAssociated = true;

  /** The catalog, as returned by the engine's `loadCatalog()`. Property only; takes precedence over `src`. */
  @property({ attribute: false })
  accessor catalog: Catalog | undefined;

  /** The URL of a catalog JSON document to load (and validate) when no `catalog` is set. */
  @property()
  accessor src = '';

  /** The product to configure; empty: the catalog's first. */
  @property()
  accessor product = '';

  /**
   * A precompiled solution space (`cpq compile`): the document or its JSON text. Loading
   * it checks it was made from this very catalog. Property only.
   */
  @property({ attribute: false })
  accessor space: unknown;

  /** The URL of a precompiled space to load instead of compiling in the page. */
  @property({ attribute: 'space-src' })
  accessor spaceSrc = '';

  /**
   * The configuration to start from: a share text (attribute or property) or a
   * configuration document (property). What no longer fits the catalog is left out and
   * listed in a notice. Setting it later starts over from it, without events.
   */
  @property()
  accessor configuration: Configuration | string | undefined;

  /** Read the configuration from the page's `#config=` link on load, and keep the link up to date. */
  @property({ attribute: 'sync-url', type: Boolean })
  accessor syncUrl = false;

  /** The price book to price with; else `segment`, else the catalog's first. */
  @property({ attribute: 'price-book' })
  accessor priceBook = '';

  /** The buyer's segment (e.g. `smb`, `enterprise`), to choose the price book. */
  @property()
  accessor segment = '';

  /** The currency to show; default: the price book's. */
  @property()
  accessor currency = '';

  /** A reseller (a catalog partner): their price book and discount. */
  @property()
  accessor partner = '';

  /** The day prices apply, `2026-11-20`; default: today. */
  @property({ attribute: 'price-date' })
  accessor priceDate = '';

  /** The name the configuration is submitted under inside a form. */
  @property({ reflect: true })
  accessor name = '';

  /** The level of the product name's heading, 1 to 4 (default 2); sections use the next. */
  @property({ attribute: 'heading-level', type: Number })
  accessor headingLevel = 2;

  /**
   * The id of the view the product's picture shows, of the catalog's picture `views`
   * (e.g. `"plan"`); the buyer turns it with the picker. Empty, or not a view: the first.
   */
  @property({ attribute: 'picture-view' })
  accessor pictureView = '';

  @state() private accessor model: ConfiguratorModel | undefined;
  @state() private accessor status: 'empty' | 'loading' | 'ready' | 'error' = 'empty';
  @state() private accessor failure: LoadFailure | undefined;
  @state() private accessor conflict: Explanation | undefined;
  @state() private accessor repaired: Explanation | undefined;
  @state() private accessor announcement = '';
  @state() private accessor shared = false;
  @state() private accessor noticeDismissed = false;
  @state() private accessor incompleteNotice = false;
  /** How many attributes are rendered yet (see #sections). */
  @state() private accessor rendered = RENDER_SLICE;

  readonly #localize = new LocalizeController(this, productConfigurator);
  readonly #internals: ElementInternals;
  readonly #id = `cpq-configurator-${++instances}`;
  #groups: Group[] = [];
  /** Per group, the number of its first block (blocks are numbered across the sections). */
  #firstBlock: number[] = [];
  /** For a product of {@link WINDOWED_FROM} attributes or more: which blocks of rows render (loaded with the first such product). */
  #window: AttributeWindow | undefined;
  /** Keeps the narrow screens' price bar off the focused control and out of the summary's way. */
  readonly #priceBar = new PriceBar(this);
  #loading: AbortController | undefined;
  /** What the form reset goes back to: the configuration the element started from. */
  #initial: Configuration | string | undefined;
  /** Whether `#initial` is the page's address (`sync-url`): a link there for another catalog belongs to another configurator. */
  #fromAddress = false;
  /** With `sync-url`, the page's address until a load has read the link in it (which then becomes `#initial`). */
  #address: string | undefined;
  #started = false;
  /** Set by focus(): where to, once the product (or why it cannot be shown) is rendered. */
  #focusWanted: FocusOptions | undefined;
  /** What the regions' render helpers read and call (attribute rows, conflict panel, summary: see view.ts). */
  readonly #view: ConfiguratorView;

  constructor() {
    super();
    this.#internals = this.attachInternals();
    const element = this;
    this.#view = {
      t: this.#localize,
      id: this.#id,
      get model() {
        return element.model!;
      },
      get headingLevel() {
        return element.headingLevel;
      },
      get explanations() {
        return loadedExplanations;
      },
      get conflict() {
        return element.conflict;
      },
      get repaired() {
        return element.repaired;
      },
      get shared() {
        return element.shared;
      },
      get incompleteNotice() {
        return element.incompleteNotice;
      },
      choose: (decision) => this.#choose(decision),
      deselect: (attribute, option) => this.#deselect(attribute, option),
      describe: (decision, describedBy) => void this.#describe(decision, describedBy),
      repair: () => this.#repair(),
      keepSelections: () => (this.conflict = undefined),
      undoRepair: () => this.#undoRepair(),
      requestQuote: () => void this.#requestQuote(),
      share: () => void this.#share(),
      handoff: (to) => void this.#handoff(to),
      completeWithDefaults: () => this.completeWithDefaults(),
      undo: () => this.undo(),
      startOver: () => this.startOver(),
    };
  }

  /**
   * The session behind the element (read it; change it through the element's methods so
   * events fire). A `SessionCore`: explanations load on the buyer's first conflict; the
   * engine's `explainDecision(session, wanted)` explains for a page's own script.
   */
  get session(): SessionCore | undefined {
    return this.model?.session;
  }

  /** The current configuration, or undefined before the product is loaded. */
  get value(): Configuration | undefined {
    return this.model?.configuration;
  }

  /** The current price, when the catalog has prices and the configuration can be priced. */
  get price() {
    return this.model?.price.breakdown;
  }

  /** The form the element is in. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  get validity(): ValidityState {
    return this.#internals.validity;
  }

  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  /** Extends the selections with defaults to a complete configuration (one undo step). */
  completeWithDefaults(): void {
    // An open explanation or repair note would refer to selections before this step.
    this.conflict = this.repaired = undefined;
    this.model?.session.complete();
    this.#afterUserChange();
  }

  /** Takes back the last change. */
  undo(): void {
    if (!this.model?.session.undo()) return;
    this.conflict = this.repaired = undefined;
    this.#afterUserChange();
  }

  /** Starts over from the configuration the element started with (its share link, with `sync-url`). */
  startOver(): void {
    void this.#load(this.#initial, 'user');
  }

  /**
   * Takes the buyer here from elsewhere on the page (a package chosen in a
   * `<package-finder>`, a "configure it" link): scrolls the configurator to the top of the
   * screen and moves the focus to the product's name (its heading), so that a screen
   * reader says where they are and Tab goes on to the options. When the product is loading
   * (the page has just set `configuration` or `product`), both happen once it is shown;
   * when it cannot be shown, the focus goes to the message that says why.
   * `preventScroll`: the page scrolls itself.
   */
  override focus(options?: FocusOptions): void {
    this.#focusWanted = options ?? {};
    this.requestUpdate();
  }

  protected override updated(): void {
    const wanted = this.#focusWanted;
    if (!wanted || this.status === 'loading') return;
    this.#focusWanted = undefined;
    const target = this.renderRoot.querySelector<HTMLElement>(this.status === 'ready' ? '[part~="name"]' : '[part~="error"]');
    if (!target) return;
    // Its top at the top of the screen (as a shared link opens it; scroll-margin-top keeps it below a sticky header).
    if (!wanted.preventScroll) this.scrollIntoView({ block: 'start' });
    // Focusable from script only: not a Tab stop.
    target.tabIndex = -1;
    target.focus({ preventScroll: true });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const source: PropertyKey[] = ['catalog', 'src', 'product', 'space', 'spaceSrc', 'configuration'];
    if (source.some((key) => changed.has(key as keyof ProductConfigurator))) {
      // The starting point: the page's link (sync-url) the first time, else the configuration
      // given. The load reads the link (with the share-link code, which it loads then).
      const fromUrl = !this.#started && this.syncUrl && typeof location !== 'undefined';
      if (fromUrl || changed.has('configuration' as keyof ProductConfigurator) || !this.#started) {
        this.#initial = this.configuration;
        this.#fromAddress = false;
        this.#address = fromUrl ? location.href : undefined;
      }
      this.#started = true;
      void this.#load(this.#initial, 'input');
    } else if (this.model && ['priceBook', 'segment', 'currency', 'partner', 'priceDate'].some((k) => changed.has(k as keyof ProductConfigurator))) {
      this.model.context = this.#context();
      this.model.changed();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page while loading: the disconnection aborted the load, so start it again.
    if (this.status === 'loading' && this.#loading?.signal.aborted) void this.#load(this.#initial, 'input');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#loading?.abort();
  }

  /** @internal Form reset: back to the starting configuration (no events, as native controls). */
  formResetCallback(): void {
    void this.#load(this.#initial, 'form');
  }

  /** @internal Back/forward cache and autofill: the configuration saved with the form. */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      void this.#load(JSON.parse(state) as Configuration, 'form');
    } catch {
      // Not ours: keep what is shown.
    }
  }

  #context(): PriceContext {
    return priceContext(this);
  }

  /**
   * Loads and compiles (or loads the precompiled space), then starts a session at `initial`.
   * `cause`: the element's inputs changed (`cpq-load` or `cpq-load-error` follows), the buyer
   * started over (change events follow), or the form was reset or restored (no events, as
   * native controls).
   */
  async #load(initial: Configuration | string | undefined, cause: 'input' | 'user' | 'form'): Promise<void> {
    this.#loading?.abort();
    if (!this.catalog && !this.src) {
      this.model = undefined;
      this.status = 'empty';
      this.#updateForm();
      return;
    }
    const loading = (this.#loading = new AbortController());
    this.status = 'loading';
    try {
      const address = initial === this.#initial ? this.#address : undefined;
      const source = { catalog: this.catalog, src: this.src, product: this.product, space: this.space, spaceSrc: this.spaceSrc, signal: loading.signal, address };
      const model = await ConfiguratorModel.load(source, initial, this.#context(), this.#fromAddress && initial === this.#initial);
      if (address !== undefined && !loading.signal.aborted) {
        // The link in the address is where the element started: starting over goes back to it.
        this.#address = undefined;
        if (model.linkInAddress !== undefined) [this.#initial, this.#fromAddress] = [model.linkInAddress, true];
      }
      // The first render in a task of its own, apart from the session's first domains.
      if (model.large) await nextTask();
      // Rendering only the rows near the viewport is for long products: its code comes with the first.
      if (windowed(model) && !this.#window) {
        const { AttributeWindow } = await import('./attribute-window.js');
        this.#window ??= new AttributeWindow(this);
      }
      if (loading.signal.aborted) return;
      this.model = model;
      this.#groups = groupBySection(model.compiled.product);
      this.#firstBlock = [];
      const size = this.#window?.size ?? 1;
      this.#groups.reduce((n, group) => (this.#firstBlock.push(n), n + Math.ceil(group.attributes.length / size)), 0);
      this.#window?.reset();
      this.rendered = RENDER_SLICE;
      this.status = 'ready';
      this.conflict = this.repaired = undefined;
      this.noticeDismissed = false;
      this.#updateForm();
      if (cause === 'user') this.#afterUserChange();
      else if (cause === 'input') void this.#loaded(model, loading.signal);
    } catch (error) {
      if (loading.signal.aborted) return;
      this.model = undefined;
      this.status = 'error';
      this.failure = loadFailure(error, this.product);
      this.#updateForm();
      if (cause === 'input') this.dispatchEvent(new CpqLoadErrorEvent({ message: this.failure.message }));
    }
  }

  /** Fires `cpq-load` once the loaded product is rendered, unless another load has begun since. */
  async #loaded(model: ConfiguratorModel, signal: AbortSignal): Promise<void> {
    await this.updateComplete;
    if (signal.aborted || this.model !== model) return;
    // A buyer who followed a link to their configuration sees it, not the top of the page.
    if (model.openedLink) this.scrollIntoView({ block: 'start' });
    this.dispatchEvent(new CpqLoadEvent({ product: model.compiled.product.id, ...this.#outcome(model) }));
  }

  /** The configuration as it stands, for the events: its price, whether it is complete and can be ordered. */
  #outcome(model: ConfiguratorModel): CpqConfigurationChangeDetail {
    const { breakdown, problems } = model.price;
    const complete = model.session.isComplete;
    return { configuration: model.configuration, price: breakdown, complete, valid: complete && problems.length === 0 };
  }

  /** A choice by the buyer: taken when possible, else the explanation and repair are shown. */
  #choose(decision: Decision): void {
    const model = this.model!;
    const { session } = model;
    this.repaired = undefined;
    if (decision.declined ? false : model.canChoose(decision)) {
      this.conflict = undefined;
      session.select(decision.attribute, decision.value);
      this.#afterUserChange();
      return;
    }
    this.requestUpdate(); // puts the control back to the value that holds
    // Explanations load on the first conflict; until then `updateComplete` waits for them.
    const changes = this.#changes;
    const explain = (explanations: Explanations) => {
      if (this.model !== model || this.#changes !== changes) return; // about selections that are gone
      this.conflict = explanations.explainDecision(session, decision);
      this.announcement = explanations.conflictSentence(this.#view, this.conflict);
    };
    if (loadedExplanations) explain(loadedExplanations);
    // (Should the code not load, the control is put back all the same, unexplained.)
    else this.whileLoading(loadExplanations().then(explain, () => undefined));
  }

  /** Counts the buyer's changes, so that an explanation that arrives late is not of selections gone. */
  #changes = 0;

  /**
   * A large product works out why a value is unavailable only when focus reaches it, in
   * short tasks (see ConfiguratorModel.reason); the text then describes the control, and
   * is said once, since it came after the focus.
   */
  async #describe(decision: Decision, describedBy: string): Promise<void> {
    const model = this.model;
    if (!model || !(await model.findReason(decision)) || this.model !== model) return;
    this.requestUpdate();
    await this.updateComplete;
    const why = unavailableReason(this.#view, decision);
    const focused = (this.renderRoot as ShadowRoot).activeElement;
    if (why && focused?.getAttribute('aria-describedby')?.split(' ').includes(describedBy)) this.announcement = why;
  }

  #deselect(attribute: string, option?: string): void {
    this.conflict = this.repaired = undefined;
    this.model!.session.deselect(attribute, option);
    this.#afterUserChange();
  }

  #repair(): void {
    const wanted = this.conflict?.wanted;
    if (!wanted) return;
    // A conflict is shown, so explanations are loaded.
    this.repaired = loadedExplanations!.makeDecisionAvailable(this.model!.session, wanted);
    this.conflict = undefined;
    this.#afterUserChange();
    // Focus stays in the attribute: the undo button of the repair note.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('[part~="repaired"] button')?.focus());
  }

  #undoRepair(): void {
    // The undo button goes away with the note: focus stays in the attribute, on its control.
    const attribute = this.renderRoot.querySelector('[part~="repaired"]')?.closest('[part~="attribute"]');
    this.repaired = undefined;
    this.undo();
    void this.updateComplete.then(() => (attribute?.querySelector<HTMLElement>('input:checked') ?? attribute?.querySelector<HTMLElement>('input, select'))?.focus());
  }

  /** After any change by the buyer: prices, form value, link, events, announcement. */
  #afterUserChange(): void {
    const model = this.model;
    if (!model) return;
    this.#changes++;
    model.changed();
    this.#updateForm();
    if (this.syncUrl && typeof history !== 'undefined') this.#syncAddress(model);
    const outcome = this.#outcome(model);
    if (outcome.price) {
      const t = this.#localize;
      this.announcement = t.term('totalIsNow', grandTotalLabel(t, outcome.price.lines), t.money(outcome.price.totals.grandTotal));
    }
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    this.dispatchEvent(new CpqConfigurationChangeEvent({ ...outcome }));
    this.requestUpdate();
  }

  /** Puts the configuration's link in the page's address (`sync-url`): loaded with the product, or now. */
  #syncAddress(model: ConfiguratorModel): void {
    const links = sharing();
    if (!links) {
      void loadSharing().then(() => this.model === model && this.#syncAddress(model));
      return;
    }
    history.replaceState(history.state, '', links.shareLink(model.shareCode, location.href));
  }

  #updateForm(): void {
    const model = this.model;
    if (!model) {
      // Nothing to submit; a product that cannot be shown cannot be ordered either.
      this.#internals.setFormValue(null);
      if (this.status === 'error' && this.failure) this.#internals.setValidity({ customError: true }, failureSummary(this.#localize, this.failure));
      else this.#internals.setValidity({});
      return;
    }
    const value = JSON.stringify(model.configuration);
    this.#internals.setFormValue(value, value);
    if (model.openChoices > 0) {
      const anchor = this.renderRoot?.querySelector<HTMLElement>('input, select, button') ?? undefined;
      this.#internals.setValidity({ valueMissing: true }, this.#localize.term('incompleteConfiguration'), anchor);
    } else this.#internals.setValidity({});
  }

  async #requestQuote(): Promise<void> {
    const model = this.model!;
    // A quote is for a complete configuration: say what is missing, and offer the way there.
    if (model.openChoices > 0) {
      this.incompleteNotice = true;
      this.announcement = this.#localize.term('incompleteConfiguration');
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('[data-action="complete"]')?.focus());
      return;
    }
    // The share text comes with share links' code, loaded on the first action that needs it.
    if (!sharing()) await loadSharing();
    if (this.model !== model) return;
    this.dispatchEvent(
      new CpqQuoteRequestEvent({ configuration: model.configuration, price: model.price.breakdown, context: { ...model.context }, share: model.shareCode }),
    );
  }

  async #share(): Promise<void> {
    const model = this.model!;
    const links = sharing() ?? (await loadSharing());
    if (this.model !== model) return;
    const code = model.shareCode;
    const event = new CpqShareEvent({ code, link: links.shareLink(code, location.href) });
    if (!this.dispatchEvent(event)) return;
    try {
      await navigator.clipboard.writeText(event.detail.link);
      this.shared = true;
      this.announcement = this.#localize.term('linkCopied');
    } catch {
      // No clipboard (insecure page, or permission refused): the event carried the link.
    }
  }

  async #handoff(to: 'expert' | 'reseller'): Promise<void> {
    const model = this.model!;
    const links = sharing() ?? (await loadSharing());
    if (this.model !== model) return;
    // The payload reads the session (its decisions and resolved conflicts); it explains nothing.
    const payload = links.handoffPayload(model.session as ConfigurationSession, { context: model.context, linkBase: location.href });
    this.dispatchEvent(new CpqHandoffRequestEvent({ to, payload }));
  }

  protected override render(): TemplateResult {
    const t = this.#localize;
    switch (this.status) {
      case 'empty':
        return html`<div part="empty" class="empty"><slot name="empty">${t.term('noCatalog')}</slot></div>`;
      case 'loading':
        return html`<p part="loading" class="loading" role="status">${t.term('loading')}</p>`;
      case 'error':
        return failureState(t, this.failure!);
      case 'ready':
        return this.#configurator(this.model!);
    }
  }

  #configurator(model: ConfiguratorModel): TemplateResult {
    const product = model.compiled.product;
    const name = text(this.#view, product.name);
    const description = text(this.#view, product.description);
    return html`
      <div part="base" class="configurator">
        <div class="main">
          <div part="header" class="header">
            ${product.picture
              ? configuredPicture(this.#view, viewPicker(this, this.#localize.term('pictureView')))
              : product.image ? html`<img part="image" class="image" src=${product.image} alt="" />` : nothing}
            ${heading(this.headingLevel, 0, 'name', name)}
            ${description ? html`<p class="description">${description}</p>` : nothing}
          </div>
          ${this.#notice(model)}
          ${this.#sections()}
        </div>
        ${summary(this.#view)}
        <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
      </div>
    `;
  }

  #notice(model: ConfiguratorModel): TemplateResult | typeof nothing {
    if (model.dropped.length === 0 || this.noticeDismissed) return nothing;
    return html`
      <div part="notice" class="notice" role="status">
        <p>${this.#localize.term('droppedOnLoad')}</p>
        <ul>
          ${model.dropped.map((d) => html`<li>${droppedText(this.#view, d)}</li>`)}
        </ul>
        <button part="button" class="button" @click=${() => (this.noticeDismissed = true)}>${this.#localize.term('dismiss')}</button>
      </div>
    `;
  }

  /**
   * The sections, rendered in slices of {@link RENDER_SLICE} attributes per frame the
   * first time: a product with hundreds of attributes shows its first ones at once and
   * never blocks the page for one long task.
   */
  #sections(): TemplateResult[] {
    if (this.#windowed) return this.#groups.map((group, i) => this.#section(group, i, this.#blocks(group, i)));
    let left = this.rendered;
    const out: TemplateResult[] = [];
    this.#groups.forEach((group, i) => {
      if (left <= 0) return;
      out.push(this.#section(group, i, group.attributes.slice(0, left).map((attribute) => attributeRow(this.#view, attribute))));
      left -= group.attributes.length;
    });
    if (left < 0) requestAnimationFrame(() => (this.rendered += RENDER_SLICE));
    return out;
  }

  /** Whether the product is long enough to render only the blocks near the viewport (see AttributeWindow). */
  get #windowed(): boolean {
    return this.model !== undefined && windowed(this.model);
  }

  /** A section's attributes in blocks: the rows of those near the viewport, an empty box for the others. */
  #blocks(group: Group, index: number): TemplateResult[] {
    const first = this.#firstBlock[index]!;
    const window = this.#window!;
    const out: TemplateResult[] = [];
    for (let at = 0, n = first; at < group.attributes.length; at += window.size, n++) {
      const rows = group.attributes.slice(at, at + window.size);
      out.push(html`<div class="block" data-block=${n} data-rows=${rows.length}>${window.near(n) ? rows.map((a) => attributeRow(this.#view, a)) : nothing}</div>`);
    }
    return out;
  }

  #section(group: Group, index: number, rows: readonly TemplateResult[]): TemplateResult {
    const t = this.#localize;
    const count = this.#groups.length;
    const name = group.section ? text(this.#view, group.section.name) : count === 1 ? t.term('options') : t.term('general');
    const id = `${this.#id}-section-${index}`;
    return html`
      <section part="section" class="section" aria-labelledby=${id}>
        ${heading(this.headingLevel, 1, 'section-name', name, id)}
        ${rows}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'product-configurator': ProductConfigurator;
  }
}
