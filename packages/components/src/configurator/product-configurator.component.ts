import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  handoffPayload,
  shareLink,
  shareCodeOf,
  type Attribute,
  type Catalog,
  type Configuration,
  type Decision,
  type DroppedSelection,
  type Explanation,
  type LocalText,
  type MoneyJSON,
  type PriceContext,
  type Problem,
} from '@cpq-kit/engine';
import { groupBySection, type Group } from '../internal/catalog.js';
import { CpqElement } from '../internal/define.js';
import { heading } from '../internal/heading.js';
import { priceContext } from '../internal/price-context.js';
import { LocalizeController, type TranslationArgs, type TranslationKey } from '../internal/localize.js';
import { productConfigurator } from '../translations/en/product-configurator.js';
import { isZero } from '../internal/money.js';
import { base, buttons, tokens } from '../internal/tokens.js';
import { CpqConfigurationChangeEvent, type CpqConfigurationChangeDetail } from '../events/cpq-configuration-change.js';
import { CpqHandoffRequestEvent } from '../events/cpq-handoff-request.js';
import { CpqLoadEvent } from '../events/cpq-load.js';
import { CpqLoadErrorEvent } from '../events/cpq-load-error.js';
import { CpqQuoteRequestEvent } from '../events/cpq-quote-request.js';
import { CpqShareEvent } from '../events/cpq-share.js';
import { AttributeWindow, BLOCK } from './attribute-window.js';
import { PriceBar } from './price-bar.js';
import { ConfiguratorModel, nextTask } from './configurator-model.js';
import { styles } from './product-configurator.styles.js';

/** Single choices with more options than this are a drop-down rather than cards. */
const MAX_CARDS = 6;

/** Attributes rendered per frame the first time (measured: 631 switches at once were a 100-130 ms task). */
const RENDER_SLICE = 120;

/**
 * From this many attributes only the blocks near the viewport render (see
 * AttributeWindow): with all 631 of BusyBox's rows a click took 26-59 ms to the next
 * frame, and that time grows with the rows.
 */
const WINDOWED_FROM = 1000;

let instances = 0;

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
 * @csspart name - The product name (a heading).
 * @csspart section - A group of attributes (a catalog section).
 * @csspart section-name - A section's heading.
 * @csspart attribute - One attribute (a fieldset, or a row for an on/off add-on).
 * @csspart attribute-name - Its name (the legend).
 * @csspart attribute-hint - What may be chosen, e.g. "Choose one".
 * @csspart options - The option cards of a choice.
 * @csspart option - One option card (a label around its radio button or checkbox).
 * @csspart option-unavailable - Added to an option the current selections exclude.
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
 * @csspart button - Every button.
 * @csspart primary-button - The quote request button.
 * @csspart price-bar - The sticky price bar on narrow screens.
 * @csspart notice - A notice: selections of a shared configuration left out.
 * @csspart incomplete - Shown when a quote is asked for while choices are open.
 * @csspart loading - The loading message.
 * @csspart error - The message when the product cannot be shown.
 *
 * @cssproperty --cpq-configurator-summary-width - The width of the price summary beside the options. Default: `20rem`.
 * @cssproperty --cpq-configurator-option-width - The narrowest an option card gets. Default: `12rem`.
 * @cssproperty --cpq-configurator-sticky-top - Where the summary sticks when scrolling (below a page's own sticky header). Default: `0`.
 */
export class ProductConfigurator extends CpqElement {
  static override defaultTag = 'product-configurator';

  /** @internal */
  static override styles = [tokens, base, buttons, styles];

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

  @state() private accessor model: ConfiguratorModel | undefined;
  @state() private accessor status: 'empty' | 'loading' | 'ready' | 'error' = 'empty';
  @state() private accessor error = '';
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
  readonly #window = new AttributeWindow(this);
  /** Keeps the narrow screens' price bar off the focused control and out of the summary's way. */
  readonly #priceBar = new PriceBar(this);
  #loading: AbortController | undefined;
  /** What the form reset goes back to: the configuration the element started from. */
  #initial: Configuration | string | undefined;
  /** Whether `#initial` is the page's address (`sync-url`): a link there for another catalog belongs to another configurator. */
  #fromAddress = false;
  #started = false;

  constructor() {
    super();
    this.#internals = this.attachInternals();
  }

  /** The session behind the element (read it; change it through the element's methods so events fire). */
  get session() {
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    const source: PropertyKey[] = ['catalog', 'src', 'product', 'space', 'spaceSrc', 'configuration'];
    if (source.some((key) => changed.has(key as keyof ProductConfigurator))) {
      // The starting point: the page's link (sync-url) the first time, else the configuration given.
      const fromUrl = !this.#started && this.syncUrl && typeof location !== 'undefined' ? shareCodeOf(location.href) : undefined;
      if (fromUrl !== undefined || changed.has('configuration' as keyof ProductConfigurator) || !this.#started) {
        this.#initial = fromUrl ?? this.configuration;
        this.#fromAddress = fromUrl !== undefined;
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
      const source = { catalog: this.catalog, src: this.src, product: this.product, space: this.space, spaceSrc: this.spaceSrc, signal: loading.signal };
      const model = await ConfiguratorModel.load(source, initial, this.#context(), this.#fromAddress && initial === this.#initial);
      // The first render in a task of its own, apart from the session's first domains.
      if (model.large) await nextTask();
      if (loading.signal.aborted) return;
      this.model = model;
      this.#groups = groupBySection(model.compiled.product);
      this.#firstBlock = [];
      this.#groups.reduce((n, group) => (this.#firstBlock.push(n), n + Math.ceil(group.attributes.length / BLOCK)), 0);
      this.#window.reset();
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
      this.error = error instanceof Error ? error.message : String(error);
      this.#updateForm();
      if (cause === 'input') this.dispatchEvent(new CpqLoadErrorEvent({ message: this.error }));
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
    this.conflict = session.explain(decision);
    this.announcement = this.#conflictSentence(this.conflict);
    this.requestUpdate(); // puts the control back to the value that holds
  }

  #deselect(attribute: string, option?: string): void {
    this.conflict = this.repaired = undefined;
    this.model!.session.deselect(attribute, option);
    this.#afterUserChange();
  }

  #repair(): void {
    const wanted = this.conflict?.wanted;
    if (!wanted) return;
    this.repaired = this.model!.session.makeAvailable(wanted);
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
    model.changed();
    this.#updateForm();
    if (this.syncUrl && typeof history !== 'undefined') history.replaceState(history.state, '', shareLink(model.shareCode, location.href));
    const outcome = this.#outcome(model);
    if (outcome.price) this.announcement = this.#localize.term('totalNow', this.#localize.money(outcome.price.totals.grandTotal));
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    this.dispatchEvent(new CpqConfigurationChangeEvent({ ...outcome }));
    this.requestUpdate();
  }

  #updateForm(): void {
    const model = this.model;
    if (!model) {
      // Nothing to submit; a product that cannot be shown cannot be ordered either.
      this.#internals.setFormValue(null);
      if (this.status === 'error') this.#internals.setValidity({ customError: true }, this.#localize.term('loadFailed', this.error));
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

  #requestQuote(): void {
    const model = this.model!;
    // A quote is for a complete configuration: say what is missing, and offer the way there.
    if (model.openChoices > 0) {
      this.incompleteNotice = true;
      this.announcement = this.#localize.term('incompleteConfiguration');
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('[data-action="complete"]')?.focus());
      return;
    }
    this.dispatchEvent(
      new CpqQuoteRequestEvent({ configuration: model.configuration, price: model.price.breakdown, context: { ...model.context }, share: model.shareCode }),
    );
  }

  async #share(): Promise<void> {
    const code = this.model!.shareCode;
    const event = new CpqShareEvent({ code, link: shareLink(code, location.href) });
    if (!this.dispatchEvent(event)) return;
    try {
      await navigator.clipboard.writeText(event.detail.link);
      this.shared = true;
      this.announcement = this.#localize.term('linkCopied');
    } catch {
      // No clipboard (insecure page, or permission refused): the event carried the link.
    }
  }

  #handoff(to: 'expert' | 'reseller'): void {
    const model = this.model!;
    const payload = handoffPayload(model.session, { context: model.context, linkBase: location.href });
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
        return html`<p part="error" class="error" role="alert">${t.term('loadFailed', this.error)}</p>`;
      case 'ready':
        return this.#configurator(this.model!);
    }
  }

  #configurator(model: ConfiguratorModel): TemplateResult {
    const product = model.compiled.product;
    const name = this.#text(product.name);
    const description = this.#text(product.description);
    return html`
      <div part="base" class="configurator">
        <div class="main">
          <div part="header" class="header">
            ${product.image ? html`<img part="image" class="image" src=${product.image} alt="" />` : nothing}
            ${this.#heading(0, 'name', name)}
            ${description ? html`<p class="description">${description}</p>` : nothing}
          </div>
          ${this.#notice(model)}
          ${this.#sections()}
        </div>
        ${this.#summary(model)}
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
          ${model.dropped.map((d) => html`<li>${this.#droppedText(d)}</li>`)}
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
      out.push(this.#section(group, i, group.attributes.slice(0, left).map((attribute) => this.#attribute(attribute))));
      left -= group.attributes.length;
    });
    if (left < 0) requestAnimationFrame(() => (this.rendered += RENDER_SLICE));
    return out;
  }

  /** Whether the product is long enough to render only the blocks near the viewport (see AttributeWindow). */
  get #windowed(): boolean {
    return (this.model?.compiled.product.attributes.length ?? 0) >= WINDOWED_FROM;
  }

  /** A section's attributes in blocks: the rows of those near the viewport, an empty box for the others. */
  #blocks(group: Group, index: number): TemplateResult[] {
    const first = this.#firstBlock[index]!;
    const out: TemplateResult[] = [];
    for (let at = 0, n = first; at < group.attributes.length; at += BLOCK, n++) {
      const rows = group.attributes.slice(at, at + BLOCK);
      out.push(html`<div class="block" data-block=${n} data-rows=${rows.length}>${this.#window.near(n) ? rows.map((a) => this.#attribute(a)) : nothing}</div>`);
    }
    return out;
  }

  /** A left-out selection in the reader's language, from the engine's reason code (its own message is English). */
  #droppedText(dropped: DroppedSelection): string {
    const t = this.#localize;
    const values = Array.isArray(dropped.value) ? dropped.value : [dropped.value];
    const attribute = this.model!.attribute(dropped.attribute);
    // Names where the catalog still has them, ids where it does not.
    const what = attribute
      ? this.#list(values.map((value) => ({ attribute: dropped.attribute, value })))
      : `${dropped.attribute}: ${values.map(String).join(', ')}`;
    switch (dropped.reason) {
      case 'unknown-attribute':
      case 'unknown-option':
        return t.term('droppedGone', what);
      case 'not-allowed':
        return t.term('droppedNotAllowed', what);
      case 'conflict':
        return dropped.conflictsWith?.length ? t.term('droppedConflict', what, this.#list(dropped.conflictsWith)) : t.term('droppedNotAllowed', what);
    }
  }

  #section(group: Group, index: number, rows: readonly TemplateResult[]): TemplateResult {
    const t = this.#localize;
    const count = this.#groups.length;
    const name = group.section ? this.#text(group.section.name) : count === 1 ? t.term('options') : t.term('general');
    const id = `${this.#id}-section-${index}`;
    return html`
      <section part="section" class="section" aria-labelledby=${id}>
        ${this.#heading(1, 'section-name', name, id)}
        ${rows}
      </section>
    `;
  }

  #attribute(attribute: Attribute): TemplateResult {
    const name = this.#text(attribute.name);
    const hint = this.#hint(attribute);
    const after = html`${this.#conflictBox(attribute)}${this.#repairedNote(attribute)}`;
    if (attribute.kind === 'boolean') {
      return html`<div part="attribute" class="attribute attribute-boolean">${this.#switch(attribute, name)}${after}</div>`;
    }
    return html`
      <fieldset part="attribute" class="attribute">
        <legend part="attribute-name" class="attribute-name">${name}</legend>
        <p part="attribute-hint" class="attribute-hint">${hint}</p>
        ${attribute.kind === 'quantity'
          ? this.#stepper(attribute, name)
          : attribute.kind === 'single' && attribute.options.length > MAX_CARDS
            ? this.#select(attribute, name)
            : this.#cards(attribute)}
        ${after}
      </fieldset>
    `;
  }

  #hint(attribute: Attribute): string {
    const t = this.#localize;
    switch (attribute.kind) {
      case 'single':
        return attribute.required === false ? t.term('chooseOneOptional') : t.term('chooseOne');
      case 'multiple': {
        const max = Math.min(attribute.max ?? attribute.options.length, attribute.options.length);
        return t.term('chooseMany', Math.min(attribute.min ?? 0, max), max);
      }
      case 'boolean':
        return t.term('addOn');
      case 'quantity':
        return t.term('quantity', t.number(attribute.min ?? 0), t.number(attribute.max), (attribute.step ?? 1) > 1 ? t.number(attribute.step!) : null);
    }
  }

  /** Option cards: radio buttons (single choice) or checkboxes (multiple), native so arrow keys and forms work. */
  #cards(attribute: Extract<Attribute, { kind: 'single' | 'multiple' }>): TemplateResult {
    const model = this.model!;
    const selected = model.selections[attribute.id];
    const group = `${this.#id}-${attribute.id}`;
    const single = attribute.kind === 'single';
    const noneChecked = selected === undefined && !attribute.options.some((o) => model.isImplied(attribute.id, o.id));
    const stop = attribute.kind === 'single' ? this.#tabStop(attribute, selected as string | undefined, noneChecked) : undefined;
    // Checkboxes are a Tab stop each; a radio group is one (roving tabindex, see #tabStop).
    const tabindex = (value: string | null) => (single ? (value === stop ? 0 : -1) : nothing);
    return html`
      <div part="options" class="options">
        ${attribute.options.map((option) => {
          const decision: Decision = { attribute: attribute.id, value: option.id };
          const chosen = Array.isArray(selected) ? selected.includes(option.id) : selected === option.id;
          const implied = !chosen && model.isImplied(attribute.id, option.id);
          const available = chosen || model.canChoose(decision);
          const name = this.#text(option.name);
          const parts = ['option', chosen || implied ? 'option-selected' : '', available ? '' : 'option-unavailable'].filter(Boolean).join(' ');
          const onChange = (event: Event) => {
            const checked = (event.target as HTMLInputElement).checked;
            if (single || checked) this.#choose(decision);
            else if (chosen) this.#deselect(attribute.id, option.id);
            else this.#choose({ ...decision, declined: true }); // unticking what the rules include
          };
          return html`
            <label part=${parts} class="option ${available ? '' : 'unavailable'}">
              <input
                type=${single ? 'radio' : 'checkbox'}
                name=${group}
                tabindex=${tabindex(option.id)}
                .checked=${live(chosen || implied)}
                aria-disabled=${available ? nothing : 'true'}
                @change=${onChange}
              />
              ${option.image ? html`<img part="option-image" class="option-image" src=${option.image} alt="" loading="lazy" />` : nothing}
              <span class="option-body">
                <span part="option-name" class="option-name">${name}</span>
                ${option.description ? html`<span class="option-description">${this.#text(option.description)}</span>` : nothing}
                ${this.#badges(available, implied)} ${chosen || !available ? nothing : this.#delta(decision)}
              </span>
            </label>
          `;
        })}
        ${single && attribute.required === false
          ? html`<label part="option" class="option">
              <input
                type="radio"
                name=${group}
                tabindex=${tabindex(null)}
                .checked=${live(noneChecked)}
                @change=${() => this.#deselect(attribute.id)}
              />
              <span class="option-body"><span part="option-name" class="option-name">${this.#localize.term('noneOfThese')}</span></span>
            </label>`
          : nothing}
      </div>
    `;
  }

  /**
   * The one radio button of a single choice that Tab stops at (`null`: "None"): the one
   * whose conflict is shown (focus is there, and it is unchecked again), else the checked
   * one, else the first. Without it Chromium stops at every radio of a group in which
   * none is checked, the buyer's own included: one stop too many after a conflict.
   * Arrow keys still reach every option, unavailable ones too.
   */
  #tabStop(attribute: Extract<Attribute, { kind: 'single' }>, selected: string | undefined, noneChecked: boolean): string | null {
    const wanted = this.conflict?.wanted;
    if (wanted?.attribute === attribute.id && attribute.options.some((o) => o.id === wanted.value)) return String(wanted.value);
    const model = this.model!;
    const checked = selected ?? attribute.options.find((o) => model.isImplied(attribute.id, o.id))?.id;
    if (checked !== undefined) return checked;
    return noneChecked && attribute.required === false ? null : (attribute.options[0]?.id ?? null);
  }

  #select(attribute: Extract<Attribute, { kind: 'single' }>, name: string): TemplateResult {
    const model = this.model!;
    const selected = model.selections[attribute.id] as string | undefined;
    const implied = attribute.options.find((o) => model.isImplied(attribute.id, o.id))?.id;
    const t = this.#localize;
    return html`
      <select
        part="select"
        class="select"
        aria-label=${name}
        .value=${live(selected ?? implied ?? '')}
        @change=${(event: Event) => {
          const value = (event.target as HTMLSelectElement).value;
          if (value === '') this.#deselect(attribute.id);
          else this.#choose({ attribute: attribute.id, value });
        }}
      >
        <option value="">${attribute.required === false ? t.term('noneOfThese') : t.term('chooseOption')}</option>
        ${attribute.options.map((option) => {
          const available = option.id === selected || model.canChoose({ attribute: attribute.id, value: option.id });
          const label = this.#text(option.name);
          return html`<option value=${option.id}>${available ? label : `${label} (${t.term('unavailable')})`}</option>`;
        })}
      </select>
    `;
  }

  #switch(attribute: Extract<Attribute, { kind: 'boolean' }>, name: string): TemplateResult {
    const model = this.model!;
    const selected = model.selections[attribute.id];
    const on = selected === true || (selected === undefined && model.isImplied(attribute.id, true));
    // "Included" only for an add-on the rules switch on; one they keep off is unavailable, not included.
    const implied = selected === undefined && on;
    const available = model.canChoose({ attribute: attribute.id, value: !on });
    const id = `${this.#id}-${attribute.id}`;
    return html`
      <label part="switch" class="switch ${available ? '' : 'unavailable'}" for=${id}>
        <input
          id=${id}
          type="checkbox"
          role="switch"
          .checked=${live(on)}
          aria-disabled=${available ? nothing : 'true'}
          aria-describedby=${`${id}-hint`}
          @change=${(event: Event) => this.#choose({ attribute: attribute.id, value: (event.target as HTMLInputElement).checked })}
        />
        <span class="switch-track" aria-hidden="true"></span>
        <span part="attribute-name" class="attribute-name">${name}</span>
        ${this.#badges(available || on, implied)} ${on || !available ? nothing : this.#delta({ attribute: attribute.id, value: true })}
      </label>
      <p part="attribute-hint" class="attribute-hint" id=${`${id}-hint`}>
        ${this.#text(attribute.description) || this.#localize.term('addOn')}${available ? '' : ` (${this.#localize.term(on ? 'included' : 'unavailable')})`}
      </p>
    `;
  }

  #stepper(attribute: Extract<Attribute, { kind: 'quantity' }>, name: string): TemplateResult {
    const model = this.model!;
    const t = this.#localize;
    const selected = model.selections[attribute.id] as number | undefined;
    const implied = selected === undefined ? (model.session.domains()[attribute.id]!.length === 1 ? (model.session.domains()[attribute.id]![0] as number) : undefined) : undefined;
    const current = selected ?? implied;
    const min = attribute.min ?? 0;
    const step = attribute.step ?? 1;
    const to = (value: number) => Math.min(attribute.max, Math.max(min, value));
    const go = (value: number) => this.#choose({ attribute: attribute.id, value: to(value) });
    // Undecided, the field shows the default as its placeholder: the buttons step from there.
    const shown = current ?? attribute.default ?? min;
    return html`
      <div part="stepper" class="stepper">
        <button part="button" class="button step" aria-label=${t.term('decrease', name)} ?disabled=${shown <= min} @click=${() => go(shown - step)}>−</button>
        <input
          type="number"
          inputmode="numeric"
          aria-label=${name}
          min=${min}
          max=${attribute.max}
          step=${step}
          placeholder=${String(attribute.default ?? min)}
          .value=${live(current === undefined ? '' : String(current))}
          @change=${(event: Event) => {
            const text = (event.target as HTMLInputElement).value;
            if (text === '') this.#deselect(attribute.id);
            else go(Math.round((Number(text) - min) / step) * step + min);
          }}
        />
        <button part="button" class="button step" aria-label=${t.term('increase', name)} ?disabled=${shown >= attribute.max} @click=${() => go(shown + step)}>+</button>
        ${current === undefined ? nothing : this.#unitPrice(attribute, current)}
      </div>
    `;
  }

  /** A quantity's next step, priced: "+€120.00" for one more unit. */
  #unitPrice(attribute: Extract<Attribute, { kind: 'quantity' }>, current: number): TemplateResult | typeof nothing {
    const next = current + (attribute.step ?? 1);
    if (next > attribute.max || !this.model!.canChoose({ attribute: attribute.id, value: next })) return nothing;
    return this.#delta({ attribute: attribute.id, value: next });
  }

  #badges(available: boolean, implied: boolean): TemplateResult | typeof nothing {
    const t = this.#localize;
    if (!available) return html`<span part="badge" class="badge badge-unavailable">${t.term('unavailable')}</span>`;
    if (implied) return html`<span part="badge" class="badge">${t.term('included')}</span>`;
    return nothing;
  }

  /** The price difference of choosing a value, one-time and per period. */
  #delta(decision: Decision): TemplateResult | typeof nothing {
    const delta = this.model!.delta(decision);
    if (!delta) return nothing;
    const t = this.#localize;
    const parts: string[] = [];
    if (!isZero(delta.oneTime)) parts.push(t.money(delta.oneTime, true));
    if (!isZero(delta.recurring.month)) parts.push(t.term('amountPerMonth', t.money(delta.recurring.month, true)));
    else if (!isZero(delta.recurring.year)) parts.push(t.term('amountPerYear', t.money(delta.recurring.year, true)));
    if (parts.length === 0) return nothing;
    return html`<span part="delta" class="delta">${parts.join(' · ')}</span>`;
  }

  #conflictBox(attribute: Attribute): TemplateResult | typeof nothing {
    const conflict = this.conflict;
    if (!conflict || conflict.wanted.attribute !== attribute.id) return nothing;
    const t = this.#localize;
    const rules = this.model!.compiled.product.rules ?? [];
    const messages = conflict.rules.map((id) => this.#text(rules.find((r) => r.id === id)?.message)).filter(Boolean);
    const repair = (conflict.repair ?? []).filter((d) => d.attribute !== attribute.id || d.declined !== conflict.wanted.declined);
    return html`
      <div part="conflict" class="conflict">
        <p>${this.#conflictSentence(conflict)}</p>
        ${messages.map((m) => html`<p class="reason">${m}</p>`)}
        <div class="conflict-actions">
          ${conflict.repair !== undefined
            ? html`<button part="button repair-button" class="button primary" @click=${() => this.#repair()}>
                ${t.term('makeAvailable', this.#list(repair.length > 0 ? repair : conflict.repair))}
              </button>`
            : nothing}
          <button part="button" class="button" @click=${() => (this.conflict = undefined)}>${t.term('keepSelections')}</button>
        </div>
      </div>
    `;
  }

  #repairedNote(attribute: Attribute): TemplateResult | typeof nothing {
    const repaired = this.repaired;
    if (!repaired || repaired.wanted.attribute !== attribute.id || !repaired.repair?.length) return nothing;
    const given = repaired.repair.filter((d) => d.attribute !== attribute.id);
    if (given.length === 0) return nothing;
    return html`
      <p part="repaired" class="repaired" role="status">
        ${this.#localize.term('gaveUp', this.#list(given))}
        <button part="button" class="button" @click=${() => this.#undoRepair()}>${this.#localize.term('undo')}</button>
      </p>
    `;
  }

  #conflictSentence(conflict: Explanation): string {
    const t = this.#localize;
    const value = this.#decisionName(conflict.wanted);
    const others = conflict.conflicting.filter((d) => d.attribute !== conflict.wanted.attribute);
    if (conflict.repair === undefined || others.length === 0) {
      return conflict.repair === undefined ? t.term('neverAvailable', value) : t.term('unavailableBecause', value, this.#list(conflict.conflicting));
    }
    return t.term('unavailableBecause', value, this.#list(others));
  }

  /** "Display: 98-inch and Mounting: Mobile cart", with the language's list words. */
  #list(decisions: readonly Decision[]): string {
    return this.#join(decisions.map((d) => this.#decisionName(d)));
  }

  /** "A, B and C" in the reader's language. */
  #join(items: readonly string[]): string {
    return new Intl.ListFormat(this.#localize.lang(), { type: 'conjunction' }).format(items);
  }

  /**
   * Why the configuration cannot be priced, in the reader's language, from the engine's
   * problem code and params (docs/pricing.md); the engine's English message for a code
   * (or params) this version has no text for, or that the reader's translation lacks (one
   * registered for an older version).
   */
  #priceProblemText(problem: Problem): string {
    const t = this.#localize;
    const say = <K extends keyof typeof productConfigurator & TranslationKey>(key: K, ...args: TranslationArgs<K>): string | undefined =>
      t.has(key) ? t.term(key, ...args) : undefined;
    const p = problem.params ?? {};
    const has = (...keys: string[]) => keys.every((key) => p[key] !== undefined);
    const id = (key: string) => String(p[key]);
    const day = (key: string) => this.#localize.day(id(key));
    const book = () => this.#bookName(id('book'));
    let text: string | undefined;
    switch (problem.code) {
      case 'date-no-book':
        if (has('date')) text = say('priceProblemDateNoBook', day('date'));
        break;
      case 'book-not-valid':
        if (has('book', 'date')) text = say('priceProblemBookNotValid', book(), day('date'));
        break;
      case 'date-invalid':
        if (has('date')) text = say('priceProblemDateInvalid', id('date'));
        break;
      case 'currency-unknown':
        if (has('currency')) text = say('priceProblemCurrencyUnknown', id('currency'));
        break;
      case 'currency-no-book':
        if (has('currency', 'currencies')) text = say('priceProblemCurrencyNoBook', id('currency'), this.#join(id('currencies').split(',')));
        break;
      case 'book-currency':
        if (has('book', 'bookCurrency', 'currency')) text = say('priceProblemBookCurrency', book(), id('bookCurrency'), id('currency'));
        break;
      case 'segment-no-book-in-currency':
        if (has('segment', 'currency')) text = say('priceProblemSegmentNoBookInCurrency', id('segment'), id('currency'));
        break;
      case 'book-unknown':
        if (has('book')) text = say('priceProblemBookUnknown', id('book'));
        break;
      case 'segment-unknown':
        if (has('segment')) text = say('priceProblemSegmentUnknown', id('segment'));
        break;
      case 'partner-unknown':
        if (has('partner')) text = say('priceProblemPartnerUnknown', id('partner'));
        break;
      case 'price-missing':
        if (has('book')) text = say('priceProblemPriceMissing', this.#itemName(p), book());
        break;
      case 'price-negative':
        if (has('book')) text = say('priceProblemPriceNegative', this.#itemName(p), book());
        break;
      case 'tier-missing':
        if (has('book', 'quantity')) text = say('priceProblemTierMissing', this.#itemName(p), t.number(Number(p['quantity'])), book());
        break;
    }
    return text ?? problem.message;
  }

  /** A priced item of a problem in words: "Display size: 98-inch 4K display", an add-on's or the product's name. */
  #itemName(p: Readonly<Record<string, string | number>>): string {
    const attribute = p['attribute'] === undefined ? undefined : this.model!.attribute(String(p['attribute']));
    if (attribute && p['option'] !== undefined) return this.#decisionName({ attribute: attribute.id, value: String(p['option']) });
    if (attribute) return this.#text(attribute.name);
    return this.#text(this.model!.compiled.product.name);
  }

  /** A price book's name in the reader's language, or its id where the catalog gives it none. */
  #bookName(id: string): string {
    const name = this.model?.catalog.pricing?.books.find((b) => b.id === id)?.name;
    return name === undefined ? id : this.#text(name);
  }

  /** One decision in words: "Display: 98-inch", "Control panel", "without Pen". */
  #decisionName(decision: Decision): string {
    const attribute = this.model!.attribute(decision.attribute);
    if (!attribute || attribute.kind === 'boolean' || decision.declined) return this.#valueName(decision);
    return this.#localize.term('decision', this.#text(attribute.name), this.#valueName(decision));
  }

  /** A value in words: an option's name, a quantity, an add-on's name, or "without …" for something left out. */
  #valueName(decision: Decision): string {
    const t = this.#localize;
    const attribute = this.model!.attribute(decision.attribute);
    if (!attribute) return String(decision.value);
    if (attribute.kind === 'boolean') return decision.value ? this.#text(attribute.name) : t.term('declined', this.#text(attribute.name));
    if (attribute.kind === 'quantity') return t.number(Number(decision.value));
    const option = this.#text(attribute.options.find((o) => o.id === decision.value)?.name) || String(decision.value);
    return decision.declined ? t.term('declined', option) : option;
  }

  #summary(model: ConfiguratorModel): TemplateResult {
    const t = this.#localize;
    const open = model.openChoices;
    const { breakdown, problems } = model.price;
    const totals = breakdown?.totals;
    const headingId = `${this.#id}-summary`;
    const recommendations = model.recommendations;
    const total = totals ? t.money(totals.grandTotal) : model.priced ? t.term('priceOnRequest') : '';
    return html`
      <aside part="summary" class="summary" aria-labelledby=${headingId}>
        ${this.#heading(1, 'summary-name', t.term('yourConfiguration'), headingId)}
        <p class="status">${t.term('openChoices', open)}</p>
        ${model.priced
          ? html`
              <dl part="totals" class="totals">
                ${totals && !isZero(totals.oneTime.net)
                  ? html`<div><dt>${t.term('oneTime')}</dt><dd>${t.money(totals.oneTime.net)}</dd></div>`
                  : nothing}
                ${totals?.recurring.month
                  ? html`<div><dt>${t.term('perMonth')}</dt><dd>${t.money(totals.recurring.month.net)}</dd></div>`
                  : nothing}
                ${totals?.recurring.year
                  ? html`<div><dt>${t.term('perYear')}</dt><dd>${t.money(totals.recurring.year.net)}</dd></div>`
                  : nothing}
                ${(totals?.tax ?? []).map((tax) => {
                  // Net lines above (as the options' price differences are), tax apart, then what is paid.
                  const name = tax.name === undefined ? t.term('taxRate', t.number(Number(tax.percent))) : this.#text(tax.name);
                  return html`<div><dt>${breakdown!.taxIncluded ? t.term('taxIncludedIn', name) : name}</dt><dd>${t.money(tax.amount)}</dd></div>`;
                })}
                <div part="total" class="total"><dt>${t.term('total')}</dt><dd>${total}</dd></div>
              </dl>
              ${problems.length > 0 ? html`<p class="price-problem">${this.#priceProblemText(problems[0]!)}</p>` : nothing}
            `
          : nothing}
        ${recommendations.length > 0
          ? html`
              <div part="recommendations" class="recommendations">
                <p class="recommendations-title">${t.term('recommendedForYou')}</p>
                <ul role="list">
                  ${recommendations.map(
                    (d) => html`<li>
                      <span>${this.#decisionName(d)}</span> ${this.#delta(d)}
                      <button part="button" class="button" aria-label=${`${t.term('add')}: ${this.#decisionName(d)}`} @click=${() => this.#choose(d)}>${t.term('add')}</button>
                    </li>`,
                  )}
                </ul>
              </div>
            `
          : nothing}
        ${this.incompleteNotice && open > 0 ? html`<p part="incomplete" class="price-problem">${t.term('incompleteConfiguration')}</p>` : nothing}
        <div part="actions" class="actions">
          <button part="button primary-button" class="button primary" @click=${() => this.#requestQuote()}>${t.term('requestQuote')}</button>
          <button part="button" class="button" @click=${() => void this.#share()}>${t.term('copyShareLink')}</button>
          <button part="button" class="button" @click=${() => this.#handoff('expert')}>${t.term('talkToExpert')}</button>
          <button part="button" class="button" @click=${() => this.#handoff('reseller')}>${t.term('buyAtReseller')}</button>
          ${this.#action(t.term('completeWithDefaults'), open > 0, () => this.completeWithDefaults(), 'complete')}
          ${this.#action(t.term('undo'), model.session.canUndo, () => this.undo())}
          ${this.#action(t.term('startOver'), model.session.canUndo, () => this.startOver())}
          <slot name="actions"></slot>
        </div>
        ${this.shared ? html`<p class="shared">${t.term('linkCopied')}</p>` : nothing}
      </aside>
      ${model.priced ? html`<div part="price-bar" class="price-bar" aria-hidden="true"><span>${t.term('total')}</span><strong>${total}</strong></div>` : nothing}
    `;
  }

  /**
   * An action that may have nothing to do: then `aria-disabled`, not `disabled`, so that it
   * keeps the focus (Enter on "Complete with defaults" completes and disables it; a
   * disabled button would drop the focus to the page) and stays in the Tab order.
   */
  #action(label: string, enabled: boolean, run: () => void, action?: string): TemplateResult {
    return html`<button part="button" class="button" data-action=${action ?? nothing} aria-disabled=${enabled ? nothing : 'true'} @click=${() => enabled && run()}>${label}</button>`;
  }

  #text(text: LocalText | undefined): string {
    return this.#localize.text(text, this.model?.catalog.defaultLocale ?? this.catalog?.defaultLocale);
  }

  #heading(offset: number, part: string, content: string, id?: string): TemplateResult {
    return heading(this.headingLevel, offset, part, content, id);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'product-configurator': ProductConfigurator;
  }
}
