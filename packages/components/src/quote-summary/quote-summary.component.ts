import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  diffQuotes,
  encodeConfiguration,
  shareLink,
  type Approval,
  type Catalog,
  type Configuration,
  type ItemDiff,
  type LineDiff,
  type LocalText,
  type MoneyChange,
  type MoneyJSON,
  type PriceBreakdown,
  type PriceLine,
  type PriceStep,
  type PriceTotals,
  type Quote,
  type QuoteDiff,
  type ReasonParams,
  type TaxAmount,
} from '@cpq-kit/engine';
import { CpqQuoteAcceptEvent } from '../events/cpq-quote-accept.js';
import { CpqQuoteRequestEvent } from '../events/cpq-quote-request.js';
import { CpqShareEvent } from '../events/cpq-share.js';
import type { CpqConfigurationChangeEvent } from '../events/cpq-configuration-change.js';
import { CpqElement } from '../internal/define.js';
import { chargeTotals, grandTotalLabel, recurringLabel, sharedTerm } from '../internal/charge-totals.js';
import { heading } from '../internal/heading.js';
import { picture, pictureStyles } from '../internal/picture.js';
import { LocalizeController } from '../internal/localize.js';
import { quoteSummary } from '../translations/en/quote-summary.js';
import { isZero, negated } from '../internal/money.js';
import { base, buttons, tokens } from '../internal/tokens.js';
import { styles } from './quote-summary.styles.js';
import { amendmentRegion, rampRegion, type RegionContext } from './subscription.js';

/** What a `for` target offers: a configurator's public getters (any element with them will do). */
interface PricedElement extends Element {
  readonly price?: PriceBreakdown | undefined;
  readonly value?: Configuration | undefined;
  readonly catalog?: Catalog | undefined;
  readonly session?: { readonly compiled: { readonly catalog: Catalog } } | undefined;
  readonly updateComplete?: Promise<unknown>;
}

/** The price as last read from the bound configurator. */
interface Bound {
  readonly price: PriceBreakdown | undefined;
  readonly configuration: Configuration | undefined;
  readonly catalog: Catalog | undefined;
}

/** One configured product shown: the only one of a live price, or an item of a quote. */
interface ShownItem {
  /** The quote's item id ("1" for a live price): keeps a line's expanded state across updates. */
  readonly id: string;
  readonly product: string;
  readonly quantity: number;
  readonly price: PriceBreakdown;
  /** Its selections, when known: what its product's picture shows. */
  readonly selections?: Configuration['selections'] | undefined;
}

/** Everything one render shows, from a quote, a breakdown or the bound configurator. */
interface View {
  readonly quote: Quote | undefined;
  readonly items: readonly ShownItem[];
  readonly totals: PriceTotals;
  /** The first item's price: date, book, partner, customer, currency. */
  readonly first: PriceBreakdown;
  /** The one configuration shown, when known: for the share link and the quote request. */
  readonly configuration: Configuration | undefined;
  readonly catalog: Catalog | undefined;
}

/**
 * The keys of a path as the engine writes it (`pricing.books[0].prices["meeting-room"].tiers[1]`):
 * names, indexes and quoted keys; undefined for anything else.
 */
function pathKeys(path: string): (string | number)[] | undefined {
  const keys: (string | number)[] = [];
  const key = /\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  while (key.lastIndex < path.length) {
    const match = key.exec(path);
    if (!match) return undefined;
    try {
      keys.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : (JSON.parse(match[3]!) as string)));
    } catch {
      return undefined;
    }
  }
  return keys;
}

/**
 * A quote's lines as the totals name their term: a ramp item's recurring lines run over
 * the whole ramp (its totals add up every segment), not its first segment's months.
 */
function termLines(quote: Quote): PriceLine[] {
  return quote.items.flatMap((item) => {
    const months = item.segments?.reduce((n, s) => n + s.months, 0);
    return item.price.lines.map((line) => (months === undefined || !line.term ? line : { ...line, term: { ...line.term, months } })) as PriceLine[];
  });
}

/** Safe in a file name: what a quote number or product id holds anyway, and nothing else. */
const fileSafe = (text: string): string => text.replace(/[^A-Za-z0-9_.-]+/g, '-');

/**
 * A price summary or quote: every line grouped into one-time and recurring charges,
 * each expandable to its waterfall ("why this price": list, price book, tier, discounts,
 * partner...) with the engine's reasons in the reader's language, then tax per rate,
 * totals, the total cost over the term and the savings against list. A stored quote
 * adds its number, version, validity and signature; with `previous`, what the revision
 * changed and what each change costs.
 *
 * It shows one of, in this order: `quote`, `breakdown`, or the live price of the
 * configurator named by `for`. It asks the engine for every amount and difference;
 * catalog text is rendered as text, never HTML.
 *
 * @summary A price breakdown or quote with its waterfalls, totals, revisions and actions.
 * @tagname quote-summary
 *
 * @fires cpq-quote-request - The buyer asks for a quote of a live price whose configuration is known (`for`, or `configuration`): `{ configuration, price, context, share }`, as the configurator sends it.
 * @fires cpq-quote-accept - The buyer accepts a stored quote: `{ quote }`.
 * @fires cpq-share - The buyer asks for a share link: `{ code, link }`. Unless prevented, the link is copied.
 *
 * @slot empty - Shown when there is no price to show (no quote, no breakdown, a configurator without a price yet).
 * @slot rep - Sales-only information, shown with `rep-mode` only (and never printed): deal notes, a `<price-guidance>` band.
 *
 * @csspart base - The whole summary.
 * @csspart header - The heading and the details of the quote.
 * @csspart pictures - The pictures of the configured products, when the catalog has them (`catalog`, or the bound configurator's).
 * @csspart item-picture - One product's picture (a figure, named when the quote has several items).
 * @csspart picture - A product's picture (the catalog's `picture`) with the layers of the item's choices.
 * @csspart picture-base - The picture's base image, whose alternative text names the product and the options drawn.
 * @csspart picture-layer - A chosen option's layer over it.
 * @csspart heading - The summary's heading.
 * @csspart meta - The details: version, dates, price book, signature (a description list).
 * @csspart changes - A revision's changes against the previous version.
 * @csspart changes-table - The table of changes.
 * @csspart change-status - A change's status in words: added, removed, changed.
 * @csspart impact - A change's price impact.
 * @csspart charges - The one-time or the recurring charges.
 * @csspart section-heading - The heading of the changes, the charges, the totals and the sales information.
 * @csspart lines - A table of price lines.
 * @csspart item-header - The heading row of one item of a quote with several.
 * @csspart line - A price line.
 * @csspart disclosure - The button that shows or hides a line's waterfall.
 * @csspart steps-row - The row under a line that holds its waterfall.
 * @csspart steps - A line's waterfall (an ordered list).
 * @csspart step - One step of a waterfall.
 * @csspart rule - In `rep-mode`: where a step's price or discount comes from, in words ("List prices (EUR) · Meeting room"); its catalog path in `data-rule` and `title`.
 * @csspart totals - The totals (description lists).
 * @csspart total - The grand total (the total cost over the term).
 * @csspart savings - The savings against list.
 * @csspart rep - The sales information (`rep-mode`).
 * @csspart actions - The action buttons.
 * @csspart button - Every action button.
 * @csspart primary-button - The quote request or accept button.
 * @csspart status - The message after an action ("Link copied").
 * @csspart empty - The box shown when there is no price.
 * @csspart error - Why a revision cannot be compared with its previous version.
 *
 * @cssproperty --cpq-quote-summary-background - The summary's background. Default: `--cpq-color-surface`.
 * @cssproperty --cpq-quote-summary-border - The lines between rows. Default: `1px solid` `--cpq-color-border`.
 * @cssproperty --cpq-picture-width - The widest a product's picture gets. Default: `18rem`.
 */
export class QuoteSummary extends CpqElement {
  static override defaultTag = 'quote-summary';

  /** @internal */
  static override styles = [tokens, base, buttons, pictureStyles, styles];

  /** A stored quote (a `cpq-kit/quote@1` document, signed or not) to show. Property only; takes precedence over `breakdown` and `for`. */
  @property({ attribute: false })
  accessor quote: Quote | undefined;

  /** With `quote`: the version it revises. The summary shows what changed and what each change costs (the engine's `diffQuotes`). Property only. */
  @property({ attribute: false })
  accessor previous: Quote | undefined;

  /** A price breakdown (what the engine's `price()` returns) to show. Property only; takes precedence over `for`. */
  @property({ attribute: false })
  accessor breakdown: PriceBreakdown | undefined;

  /** With `breakdown`: the configuration it prices, so the buyer can request a quote and share a link. Property only. */
  @property({ attribute: false })
  accessor configuration: Configuration | undefined;

  /**
   * The catalog, for the names of price books, contracts and partners in the reader's
   * language (the engine's reasons carry the catalog's default-language names). Bound to
   * a configurator, its catalog is used. Property only.
   */
  @property({ attribute: false })
  accessor catalog: Catalog | undefined;

  /**
   * The id of a configurator (in the same document or shadow root) whose live price to
   * show: read when bound, then after each `cpq-configuration-change` it fires and each
   * time it renders another price (e.g. the page changed its segment).
   */
  @property({ attribute: 'for' })
  accessor for = '';

  /** Shows the `rep` slot and the sales-only details (approvals, the rule behind each step). Never printed. */
  @property({ attribute: 'rep-mode', type: Boolean, reflect: true })
  accessor repMode = false;

  /** The level of the summary's heading, 1 to 4 (default 2); its sections use the next. */
  @property({ attribute: 'heading-level', type: Number })
  accessor headingLevel = 2;

  /** The page a share link opens (default: the current page); the configuration goes in its `#config=` fragment. */
  @property({ attribute: 'share-base' })
  accessor shareBase = '';

  /**
   * Set while the summary's own Print button prints, so a page's print stylesheet can
   * print the quote alone: `body:has(quote-summary[printing]) ...`. Set by the element.
   */
  @property({ type: Boolean, reflect: true })
  accessor printing = false;

  /**
   * Shows on screen what prints, for a page with a print preview: the print layout
   * (black on white, no actions, no sales information, every column), whatever the theme.
   */
  @property({ attribute: 'print-preview', type: Boolean, reflect: true })
  accessor printPreview = false;

  /** @internal The bound configurator's price. */
  @state() private accessor bound: Bound | undefined;
  /** @internal The lines whose waterfall is shown, by item id and line item. */
  @state() private accessor open: ReadonlySet<string> = new Set();
  /** @internal The message after an action. */
  @state() private accessor announcement = '';

  readonly #localize = new LocalizeController(this, quoteSummary);
  /**
   * The prefix of the ids in the shadow root. The same for every instance (each has a shadow
   * root of its own): a counter would give a server render other ids than the browser's
   * first render, which hydration keeps, and every server response other ids than the last.
   */
  readonly #id = 'cpq-quote-summary';
  #diff: QuoteDiff | undefined;
  #diffError = '';
  #target: PricedElement | null = null;
  #observer: MutationObserver | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('cpq-configuration-change', this.#onConfigurationChange);
    this.#bind();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('cpq-configuration-change', this.#onConfigurationChange);
    this.#unbind();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('for') && this.isConnected) this.#bind();
    if (changed.has('quote') || changed.has('previous')) {
      this.#diff = undefined;
      this.#diffError = '';
      if (this.quote && this.previous) {
        try {
          this.#diff = diffQuotes(this.previous, this.quote);
        } catch (error) {
          this.#diffError = error instanceof Error ? error.message : String(error);
        }
      }
    }
  }

  // ---- binding to a configurator ---------------------------------------------

  /** The element named by `for`, in the summary's own document or shadow root. */
  #resolve(): PricedElement | null {
    if (!this.for) return null;
    const root = this.getRootNode() as Document | ShadowRoot;
    return typeof root.getElementById === 'function' ? root.getElementById(this.for) : null;
  }

  #bind(): void {
    this.#unbind();
    const target = (this.#target = this.#resolve());
    if (!target) {
      this.bound = undefined;
      // Not in the page yet: watch for it until it comes.
      const root = this.getRootNode();
      if (this.for && (root instanceof Document || root instanceof ShadowRoot)) {
        this.#observer = new MutationObserver(() => {
          if (this.#resolve()) this.#bind();
        });
        this.#observer.observe(root, { childList: true, subtree: true });
      }
      return;
    }
    this.#read(target);
    // A configurator renders another price without an event when code changes it (its
    // segment, date, catalog) and when it finishes loading: follow its renders.
    const observe = () => {
      if (this.#target !== target || !target.shadowRoot) return;
      this.#observer?.disconnect();
      this.#observer = new MutationObserver(() => this.#read(target));
      this.#observer.observe(target.shadowRoot, { childList: true, subtree: true, characterData: true });
      this.#read(target);
    };
    if (target.shadowRoot) observe();
    else if (target.localName.includes('-')) {
      void customElements.whenDefined(target.localName).then(async () => {
        await target.updateComplete;
        observe();
      });
    }
  }

  #unbind(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#target = null;
  }

  #read(target: PricedElement): void {
    const price = target.price;
    if (this.bound && this.bound.price === price) return;
    this.bound = { price, configuration: target.value, catalog: target.session?.compiled.catalog ?? target.catalog };
  }

  readonly #onConfigurationChange = (event: CpqConfigurationChangeEvent): void => {
    // The target may have been replaced since.
    if (this.#target && !this.#target.isConnected) this.#bind();
    const target = this.#target;
    if (!target || !event.composedPath().includes(target)) return;
    const { price, configuration } = event.detail;
    this.bound = { price, configuration, catalog: target.session?.compiled.catalog ?? target.catalog };
  };

  // ---- what is shown -----------------------------------------------------------

  #view(): View | undefined {
    const quote = this.quote;
    if (quote) {
      // The quote schema's types and the engine's readonly result types describe the same JSON.
      const items = quote.items.map((item) => ({
        id: item.id,
        product: item.configuration.product,
        quantity: item.quantity,
        price: item.price as unknown as PriceBreakdown,
        selections: item.configuration.selections,
      }));
      const only = quote.items.length === 1 ? quote.items[0]!.configuration : undefined;
      return {
        quote,
        items,
        totals: quote.totals as unknown as PriceTotals,
        first: items[0]!.price,
        configuration: only ? { ...only, catalog: only.catalog ?? { id: quote.catalog.id, version: quote.catalog.version } } : undefined,
        catalog: this.catalog,
      };
    }
    const live = this.breakdown
      ? { price: this.breakdown, configuration: this.configuration, catalog: this.catalog }
      : this.bound?.price
        ? { price: this.bound.price, configuration: this.bound.configuration, catalog: this.catalog ?? this.bound.catalog }
        : undefined;
    if (!live) return undefined;
    const { price } = live;
    return {
      quote: undefined,
      items: [{ id: '1', product: price.product, quantity: price.quantity, price, selections: live.configuration?.product === price.product ? live.configuration.selections : undefined }],
      totals: price.totals,
      first: price,
      configuration: live.configuration,
      catalog: live.catalog,
    };
  }

  /** The price shown, as a configuration's share text; undefined when no one configuration is known. */
  #shareCode(view: View): string | undefined {
    if (!view.configuration) return undefined;
    try {
      return encodeConfiguration(view.configuration, view.quote?.catalog ?? view.first.catalog);
    } catch {
      return undefined;
    }
  }

  protected override render(): TemplateResult {
    const t = this.#localize;
    const view = this.#view();
    if (!view) {
      return html`<div part="base empty" class="empty"><slot name="empty">${t.term('noPrice')}</slot></div>`;
    }
    const code = this.#shareCode(view);
    return html`
      <article part="base" class="summary" aria-labelledby=${`${this.#id}-heading`}>
        ${this.#header(view)} ${this.#pictures(view)} ${this.repMode ? this.#rep(view) : nothing} ${this.quote && this.previous ? this.#changes(view) : nothing}
        ${amendmentRegion(view.quote, this.#regions(view))} ${this.#charges(view, 'one-time')} ${this.#charges(view, 'recurring')}
        ${rampRegion(view.quote, this.#regions(view))} ${this.#totals(view)}
        <div part="actions" class="actions">
          ${view.quote
            ? html`<button type="button" part="button primary-button" class="button primary" @click=${() => this.#accept(view.quote!)}>${t.term('acceptQuote')}</button>`
            : view.configuration
              ? html`<button type="button" part="button primary-button" class="button primary" @click=${() => this.#requestQuote(view, code ?? '')}>${t.term('requestQuote')}</button>`
              : nothing}
          ${code ? html`<button type="button" part="button" class="button" @click=${() => void this.#share(code)}>${t.term('copyShareLink')}</button>` : nothing}
          <button type="button" part="button" class="button" @click=${() => this.#download(view)}>${t.term('downloadJson')}</button>
          <button type="button" part="button" class="button" @click=${() => void this.#print()}>${t.term('printAction')}</button>
        </div>
        <p part="status" class="status" role="status">${this.announcement}</p>
      </article>
    `;
  }

  /** What the subscription regions (`subscription.ts`) need from the element. */
  #regions(view: View): RegionContext {
    const productName = (item: Quote['items'][number]): string => {
      const shown = view.items.find((i) => i.id === item.id);
      return shown ? this.#productName(view, shown) : item.configuration.product;
    };
    return { t: this.#localize, text: (value) => this.#text(value), percent: (value) => this.#percent(value), productName, headingLevel: this.headingLevel, id: this.#id };
  }

  #header(view: View): TemplateResult {
    const t = this.#localize;
    const { quote, first } = view;
    const rows: [string, string][] = [];
    if (quote) {
      rows.push([t.term('quoteVersion'), t.number(quote.version)]);
      rows.push([t.term('quoteIssued'), this.#localize.day(quote.created)]);
      rows.push([t.term('validUntil'), this.#localize.day(quote.validUntil)]);
    }
    rows.push([t.term('pricesAsOf'), this.#localize.day(first.date)]);
    rows.push([t.term('priceBook'), this.#bookName(view, first.book.id, first.book.name === undefined ? first.book.id : this.#text(first.book.name))]);
    if (first.partner) rows.push([t.term('partnerLabel'), this.#partnerName(view, first.partner)]);
    if (first.customer) rows.push([t.term('customerLabel'), first.customer]);
    if (quote) {
      const signature = quote.signature;
      rows.push([t.term('signatureLabel'), signature ? t.term('signatureValue', signature.alg, signature.kid ?? '') : t.term('notSigned')]);
    }
    const title = quote ? t.term('quoteHeading', quote.number) : t.term('priceSummary');
    return html`
      <header part="header" class="header">
        ${heading(this.headingLevel, 0, 'heading', title, `${this.#id}-heading`)}
        <dl part="meta" class="meta">
          ${rows.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}
        </dl>
      </header>
    `;
  }

  /**
   * The pictures of the configured products (the catalog's `picture` with the layers of
   * what each item chose), named under each when the quote has several items.
   */
  #pictures(view: View): TemplateResult | typeof nothing {
    const shown = view.items.flatMap((item) => {
      const product = item.selections && view.catalog?.products.find((p) => p.id === item.product);
      return product && product.picture ? [{ item, product, selections: item.selections! }] : [];
    });
    if (shown.length === 0) return nothing;
    const named = view.items.length > 1;
    return html`
      <div part="pictures" class="pictures">
        ${shown.map(
          ({ item, product, selections }) => html`
            <figure part="item-picture" class="item-picture">
              ${picture(product, selections, (value) => this.#text(value))}
              ${named ? html`<figcaption>${this.#productName(view, item)}</figcaption>` : nothing}
            </figure>
          `,
        )}
      </div>
    `;
  }

  // ---- price lines ---------------------------------------------------------------

  #charges(view: View, charge: 'one-time' | 'recurring'): TemplateResult | typeof nothing {
    const t = this.#localize;
    const groups = view.items
      .map((item, index) => ({ item, index, lines: item.price.lines.filter((line) => line.charge === charge) }))
      .filter((group) => group.lines.length > 0);
    if (groups.length === 0) return nothing;
    const recurring = charge === 'recurring';
    const id = `${this.#id}-${charge}`;
    const columns = recurring ? 6 : 4;
    // Item headings when a quote has several items, or one of several units.
    const itemHeaders = view.items.length > 1 || view.items.some((item) => item.quantity > 1);
    return html`
      <div part="charges" class=${`charges ${charge}`}>
        ${heading(this.headingLevel, 1, 'section-heading', t.term(recurring ? 'recurringCharges' : 'oneTime'), id)}
        <div class="table-box">
          <table part="lines" class="lines" aria-labelledby=${id}>
            <thead>
              <tr>
                <th scope="col">${t.term('itemColumn')}</th>
                <th scope="col" class="num wide">${t.term('quantityColumn')}</th>
                <th scope="col" class="num wide">${t.term('listPrice')}</th>
                <th scope="col" class="num">${t.term('netPrice')}</th>
                ${recurring ? html`<th scope="col" class="num wide">${t.term('term')}</th><th scope="col" class="num">${t.term('overTheTerm')}</th>` : nothing}
              </tr>
            </thead>
            ${groups.map(
              (group) => html`
                <tbody>
                  ${itemHeaders
                    ? html`<tr part="item-header" class="item-header">
                        <th scope="rowgroup" colspan=${columns}>${t.term('quoteItem', this.#productName(view, group.item), t.number(group.item.quantity))}</th>
                      </tr>`
                    : nothing}
                  ${group.lines.map((line, i) => this.#line(view, group.item, line, `${id}-${group.index}-${i}`, columns))}
                </tbody>
              `,
            )}
          </table>
        </div>
      </div>
    `;
  }

  #line(view: View, item: ShownItem, line: PriceLine, id: string, columns: number): TemplateResult {
    const t = this.#localize;
    const key = `${item.id}\u0000${line.item}`;
    const open = this.open.has(key);
    const name = this.#text(line.name);
    const recurring = line.charge === 'recurring';
    return html`
      <tr part="line" class="line">
        <th scope="row">
          <button type="button" part="disclosure" class="disclosure" aria-expanded=${open ? 'true' : 'false'} aria-controls=${id} @click=${() => this.#toggle(key)}>
            <span class="chevron" aria-hidden="true">${open ? '▾' : '▸'}</span>
            <span
              >${line.quantity === 1 ? nothing : html`<span class="narrow-quantity">${t.number(line.quantity)} × </span>`}<span class="line-name">${name}</span
              ><span class="visually-hidden">, ${t.term('whyThisPrice')}</span></span
            >
          </button>
        </th>
        <td class="num wide">${t.number(line.quantity)}</td>
        <td class="num wide">${this.#perPeriod(t.money(line.list), line)}</td>
        <td class="num">${this.#perPeriod(t.money(line.net), line)}</td>
        ${recurring
          ? html`<td class="num wide">${line.term ? this.#months(line.term.months) : '—'}</td>
              <td class="num">${t.money(line.term?.net ?? line.net)}</td>`
          : nothing}
      </tr>
      <tr part="steps-row" class="steps-row" id=${id} ?hidden=${!open}>
        <td colspan=${columns}>
          <ol part="steps" class="steps" aria-label=${t.term('priceStepsOf', name)}>
            ${line.steps.map((step) => this.#step(view, line, step))}
            ${recurring && line.term
              ? html`<li part="step step-term" class="step total-step">
                  <span class="reason">${t.term('stepTerm', this.#months(line.term.months), line.term.prorated)}</span>
                  <span class="amount">${t.money(line.term.net)}</span>
                </li>`
              : nothing}
          </ol>
        </td>
      </tr>
    `;
  }

  #step(view: View, line: PriceLine, step: PriceStep): TemplateResult {
    const t = this.#localize;
    const change = step.stage !== 'list' && step.stage !== 'net';
    return html`
      <li part=${`step step-${step.stage}`} class=${`step ${change ? 'change-step' : step.stage === 'net' ? 'total-step' : ''}`}>
        <span class="reason">${this.#reason(view, step.code, step.params, step.amount.currency) ?? step.reason}</span>
        <span class="amount">${this.#perPeriod(t.money(step.amount, change), line)}</span>
        ${this.repMode && step.rule
          ? // Where the price comes from, in words; the catalog path stays for support staff (title, data-rule).
            html`<span part="rule" class="rule" data-rule=${step.rule} title=${step.rule}>${this.#ruleText(view, line, step.rule)}</span>`
          : nothing}
      </li>
    `;
  }

  /**
   * A step's reason in the reader's language, from its code and params; undefined for a
   * code this version does not know (or params it lacks), which then shows the engine's
   * English reason.
   */
  #reason(view: View, code: string, p: ReasonParams, currency: string): string | undefined {
    const t = this.#localize;
    const has = (...keys: string[]) => keys.every((key) => p[key] !== undefined);
    const money = (key: string) => t.money({ amount: String(p[key]), currency });
    // Unit prices may be exact past the currency's minor unit (a converted price book: $64.9915).
    const unit = (key: string) => t.number(String(p[key]) as unknown as number, { style: 'currency', currency, maximumFractionDigits: 12 });
    const count = (key: string) => t.number(Number(p[key]));
    const percent = (key: string) => this.#percent(String(p[key]));
    const to = () => (p['to'] === undefined ? null : count('to'));
    const below = (key: string) => String(p[key]).startsWith('-');
    const magnitude = (key: string) => String(p[key]).replace(/^[+-]/, '');
    switch (code) {
      case 'list':
        return !has('unitPrice', 'quantity') || p['quantity'] === 1 ? t.term('stepList') : t.term('stepListUnits', count('quantity'), unit('unitPrice'));
      case 'list-converted':
        return has('quantity', 'unitPrice', 'from', 'rate', 'rateDate')
          ? t.term('stepListConverted', count('quantity'), unit('unitPrice'), String(p['from']), this.#decimal(String(p['rate'])), this.#localize.day(String(p['rateDate'])))
          : undefined;
      case 'list-blocks':
        // A converted block price keeps the engine's words for the conversion: said in English rather than half.
        return has('blocks', 'blockPrice', 'size') && !has('from') ? t.term('stepListBlocks', count('blocks'), unit('blockPrice'), count('size')) : undefined;
      case 'book-price':
        return has('book') ? t.term('stepBookPrice', this.#bookName(view, String(p['book']), String(p['bookName'] ?? p['book']))) : undefined;
      case 'book-percent':
      case 'book-amount': {
        const field = code === 'book-percent' ? 'percent' : 'amount';
        if (!has('book', 'base', field)) return undefined;
        const book = this.#bookName(view, String(p['book']), String(p['bookName'] ?? p['book']));
        const baseBook = this.#bookName(view, String(p['base']), String(p['baseName'] ?? p['base']));
        return code === 'book-percent'
          ? t.term('stepBookPercent', book, this.#percent(magnitude(field)), below(field), baseBook)
          : t.term('stepBookAmount', book, t.money({ amount: magnitude(field), currency }), below(field), baseBook);
      }
      case 'tier-range':
        return has('from') ? t.term('stepTierRange', count('from'), to()) : undefined;
      case 'tier-block':
        return has('from') ? t.term('stepTierBlock', count('from'), to()) : undefined;
      case 'tier-slab':
        return has('slabs') ? t.term('stepTierSlab', this.#slabs(String(p['slabs']), currency)) : undefined;
      case 'uplift':
        return has('percent') ? t.term('stepUplift', percent('percent')) : undefined;
      case 'schedule':
        return has('percent', 'from') ? t.term('stepSchedule', percent('percent'), count('from'), to()) : undefined;
      case 'contract-price':
        return has('unitPrice', 'contract') ? t.term('stepContractPrice', unit('unitPrice'), this.#contractName(view, String(p['contract']))) : undefined;
      case 'contract-percent':
        return has('percent', 'contract') ? t.term('stepContractPercent', percent('percent'), this.#contractName(view, String(p['contract']))) : undefined;
      case 'manual-percent':
        return has('percent') ? t.term('stepManualPercent', percent('percent')) : undefined;
      case 'manual-amount':
        return has('amount') ? t.term('stepManualAmount', money('amount')) : undefined;
      case 'order-percent':
        return has('percent') ? t.term('stepOrderPercent', percent('percent')) : undefined;
      case 'order-amount':
        return has('amount') ? t.term('stepOrderAmount', money('amount')) : undefined;
      case 'partner':
        return has('percent') ? t.term('stepPartner', percent('percent')) : undefined;
      case 'rounding':
        return t.term('stepRounding');
      case 'net':
        return t.term('stepNet');
      case 'floor-price':
        return has('floor') ? t.term('approvalFloorPrice', money('floor')) : undefined;
      case 'floor-percent':
        return has('percent', 'allowed') ? t.term('approvalFloorPercent', percent('percent'), percent('allowed')) : undefined;
      default:
        return undefined;
    }
  }

  /**
   * Where a step's rule is, in words: the price book, schedule, contract or partner by
   * its name in the catalog, then the item ("List prices (EUR) · Meeting room", "… · tier
   * 2"); a discount given in the request is "Set for this quote". The engine's path
   * (`pricing.books[0].prices["meeting-room"]`) when it is none of these.
   */
  #ruleText(view: View, line: PriceLine, rule: string): string {
    const t = this.#localize;
    const keys = pathKeys(rule);
    if (!keys) return rule;
    const [root, collection, index, ...rest] = keys;
    const pricing = view.catalog?.pricing;
    const item = (key: string | number | undefined) =>
      key === undefined ? [] : [key === line.item ? this.#text(line.name) : this.#itemName(view, String(key))];
    const tier = (at: number) => (rest[at] === 'tiers' && typeof rest[at + 1] === 'number' ? [t.term('ruleTier', t.number(Number(rest[at + 1]) + 1))] : []);
    const named = (entry: { id: string; name?: LocalText | undefined } | undefined, generic: string) =>
      entry ? (entry.name === undefined ? entry.id : this.#text(entry.name)) : generic;
    let words: string[] | undefined;
    if (root === 'context') words = [t.term('ruleRequest'), ...(collection === 'lineDiscounts' ? item(index) : [])];
    else if (root === 'pricing' && typeof index === 'number') {
      const prices = rest[0] === 'prices' ? [...item(rest[1]), ...tier(2)] : [];
      if (collection === 'books') words = [named(pricing?.books[index], `${t.term('priceBook')} ${t.number(index + 1)}`), ...prices];
      else if (collection === 'contracts') words = [named(pricing?.contracts?.[index], t.term('ruleContract')), ...prices];
      else if (collection === 'schedules') words = [named(pricing?.schedules?.[index], t.term('ruleSchedule')), ...tier(0)];
      else if (collection === 'partners') words = [named(pricing?.partners?.[index], t.term('partnerLabel'))];
    } else if (root === 'pricing' && (collection === 'rounding' || collection === 'floorPercent')) words = [t.term('ruleCatalog')];
    return words?.join(' · ') ?? rule;
  }

  /** A priced item's name from the lines shown ("meeting-room/display:d86" is "86-inch 4K display"), else its id. */
  #itemName(view: View, id: string): string {
    const line = view.items.flatMap((i) => i.price.lines).find((l) => l.item === id);
    return line ? this.#text(line.name) : id;
  }

  /** "4 × 129.00 + 3 × 119.00" (as the engine writes it) in the reader's numbers and currency. */
  #slabs(slabs: string, currency: string): string {
    const t = this.#localize;
    const parts = slabs.split(' + ').map((part) => /^(\d+) × (-?\d+(?:\.\d+)?)$/.exec(part));
    if (parts.some((match) => !match)) return slabs;
    return parts.map((match) => `${t.number(Number(match![1]))} × ${t.money({ amount: match![2]!, currency })}`).join(' + ');
  }

  // ---- totals --------------------------------------------------------------------

  #totals(view: View): TemplateResult {
    const t = this.#localize;
    const { totals } = view;
    const lines = view.quote ? termLines(view.quote) : view.items.flatMap((item) => item.price.lines);
    const recurring = lines.some((line) => line.charge === 'recurring');
    const id = `${this.#id}-totals`;
    // What each total covers, net, in the words and figures of the configurator's summary:
    // due now, per month or year, recurring over the term; the tax apart; then the grand total.
    const byCharge: [string, string][] = recurring ? chargeTotals(t, totals, lines).map((row) => [row.label, t.money(row.amount)]) : [];
    const included = view.first.taxIncluded;
    const whole: [string, string][] = [[t.term('listPrice'), t.money(totals.list)]];
    if (totals.gross.amount !== totals.list.amount) whole.push([t.term('yourPrice'), t.money(totals.gross)]);
    if (!isZero(totals.discount)) whole.push([t.term('discounts'), t.money(negated(totals.discount))]);
    // "Net" is the amount without tax, also where the book's prices include it (a quote@1 has no excludingTax: its net).
    whole.push([t.term('netTotal'), t.money(totals.excludingTax ?? totals.net)]);
    for (const tax of totals.tax) whole.push([included ? t.term('taxIncludedIn', this.#taxName(tax)) : this.#taxName(tax), t.money(tax.amount)]);
    const totalLabel = grandTotalLabel(t, lines);
    const row = ([term, value]: [string, string]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
    return html`
      <div class="totals-box">
        ${heading(this.headingLevel, 1, 'section-heading', t.term('totalsHeading'), id)}
        ${byCharge.length > 0 ? html`<dl part="totals" class="totals by-charge">${byCharge.map(row)}</dl>` : nothing}
        <dl part="totals" class="totals">
          ${whole.map(row)}
          <div part="total" class="total"><dt>${totalLabel}</dt><dd>${t.money(totals.grandTotal)}</dd></div>
          ${isZero(totals.savings.amount)
            ? nothing
            : html`<div part="savings" class="savings">
                <dt>${t.term('savingsAgainstList')}</dt>
                <dd>${t.money(totals.savings.amount)} (${this.#percent(totals.savings.percent)})</dd>
              </div>`}
        </dl>
      </div>
    `;
  }

  #taxName(tax: TaxAmount): string {
    return tax.name === undefined ? this.#localize.term('taxRate', this.#percent(tax.percent)) : this.#text(tax.name);
  }

  // ---- a revision's changes --------------------------------------------------------

  #changes(view: View): TemplateResult {
    const t = this.#localize;
    const previous = this.previous!;
    const id = `${this.#id}-changes`;
    const title = t.term('changesSince', previous.number, t.number(previous.version));
    const diff = this.#diff;
    if (!diff) {
      return html`<div part="changes" class="changes">
        ${heading(this.headingLevel, 1, 'section-heading', title, id)}
        <div part="error" class="error" role="alert"><p>${t.term('cannotCompare')}</p><p>${this.#diffError}</p></div>
      </div>`;
    }
    const items = diff.items.filter((item) => item.status !== 'unchanged');
    const itemHeaders = diff.items.length > 1;
    const totals = diff.totals;
    // The changes of the totals, named as the totals are (both versions' lines say which terms).
    const lines = [...view.items, ...previous.items.map((item) => ({ price: item.price as unknown as PriceBreakdown }))].flatMap((item) => item.price.lines);
    const totalRows: [string, MoneyChange][] = [[t.term('dueNow'), totals.oneTime]];
    if (totals.month) totalRows.push([t.term('perMonth'), totals.month]);
    if (totals.year) totalRows.push([t.term('perYear'), totals.year]);
    if (lines.some((line) => line.charge === 'recurring')) totalRows.push([recurringLabel(t, sharedTerm(lines)), totals.term]);
    totalRows.push([t.term('taxTotal'), totals.tax], [grandTotalLabel(t, lines), totals.grandTotal]);
    return html`
      <div part="changes" class="changes">
        ${heading(this.headingLevel, 1, 'section-heading', title, id)}
        ${!diff.changed
          ? html`<p>${t.term('noPriceChanges')}</p>`
          : html`<div class="table-box">
              <table part="changes-table" class="lines changes-table" aria-labelledby=${id}>
                <thead>
                  <tr>
                    <th scope="col">${t.term('itemColumn')}</th>
                    <th scope="col">${t.term('changeColumn')}</th>
                    <th scope="col" class="num">${t.term('quantityColumn')}</th>
                    <th scope="col" class="num">${t.term('priceImpact')}</th>
                  </tr>
                </thead>
                ${items.map(
                  (item) => html`<tbody>
                    ${itemHeaders
                      ? html`<tr part="item-header" class="item-header">
                          <th scope="rowgroup" colspan="4">${this.#itemDiffName(view, item)} (${this.#status(item.status)})</th>
                        </tr>`
                      : nothing}
                    ${item.lines.map((line) => this.#lineChange(line))}
                  </tbody>`,
                )}
                <tfoot>
                  ${totalRows.map(
                    ([label, change]) => html`<tr>
                      <th scope="row" colspan="3">${label}</th>
                      <td part="impact" class="num">${t.money(change.change, true)}</td>
                    </tr>`,
                  )}
                </tfoot>
              </table>
            </div>`}
      </div>
    `;
  }

  #lineChange(line: LineDiff): TemplateResult {
    const t = this.#localize;
    const { from, to } = line.quantity;
    const quantity = from !== undefined && to !== undefined && from !== to ? `${t.number(from)} → ${t.number(to)}` : t.number((to ?? from)!);
    const impact = t.money(line.cost, true);
    return html`<tr part="line" class="line">
      <th scope="row">${this.#text(line.name)}</th>
      <td part="change-status" class="change-status">${this.#status(line.status)}</td>
      <td class="num">${quantity}</td>
      <td part="impact" class="num">${line.charge === 'recurring' ? t.term('amountOverTerm', impact) : impact}</td>
    </tr>`;
  }

  #status(status: ItemDiff['status']): string {
    const t = this.#localize;
    return status === 'added' ? t.term('changeAdded') : status === 'removed' ? t.term('changeRemoved') : t.term('changeChanged');
  }

  /** A changed item's product name, from either version's price lines. */
  #itemDiffName(view: View, item: ItemDiff): string {
    const found = [...(this.quote?.items ?? []), ...(this.previous?.items ?? [])].find((i) => i.id === item.id);
    const shown = found ? { id: found.id, product: found.configuration.product, quantity: found.quantity, price: found.price as unknown as PriceBreakdown } : undefined;
    return shown ? this.#productName(view, shown) : item.product;
  }

  // ---- sales information -------------------------------------------------------------

  #rep(view: View): TemplateResult {
    const t = this.#localize;
    const approvals: { item: ShownItem; approval: Approval }[] = view.items.flatMap((item) => item.price.approvals.map((approval) => ({ item, approval })));
    return html`
      <div part="rep" class="rep">
        ${heading(this.headingLevel, 1, 'section-heading', t.term('salesInformation'), `${this.#id}-rep`)}
        ${approvals.length > 0
          ? html`<p>${t.term('needsApproval')}</p>
              <ul class="approvals">
                ${approvals.map(({ item, approval }) => {
                  const line = item.price.lines.find((l) => l.item === approval.item);
                  const reason = this.#reason(view, approval.code, approval.params, view.first.currency) ?? approval.reason;
                  return html`<li>${line ? `${this.#text(line.name)}: ` : ''}${reason}</li>`;
                })}
              </ul>`
          : nothing}
        <slot name="rep"></slot>
      </div>
    `;
  }

  // ---- names and formats --------------------------------------------------------------

  #text(text: LocalText | undefined): string {
    return this.#localize.text(text, this.catalog?.defaultLocale ?? this.bound?.catalog?.defaultLocale);
  }

  /** A product's name: its own price line's, else the catalog's, else its id. */
  #productName(view: View, item: ShownItem): string {
    const line = item.price.lines.find((l) => l.item === item.product);
    if (line) return this.#text(line.name);
    const product = view.catalog?.products.find((p) => p.id === item.product);
    return product ? this.#text(product.name) : item.product;
  }

  #bookName(view: View, id: string, fallback: string): string {
    const book = view.catalog?.pricing?.books.find((b) => b.id === id);
    if (book?.name !== undefined) return this.#text(book.name);
    if (id === view.first.book.id && view.first.book.name !== undefined) return this.#text(view.first.book.name);
    return fallback;
  }

  #contractName(view: View, id: string): string {
    const name = view.catalog?.pricing?.contracts?.find((c) => c.id === id)?.name;
    return name === undefined ? id : this.#text(name);
  }

  #partnerName(view: View, id: string): string {
    const name = view.catalog?.pricing?.partners?.find((p) => p.id === id)?.name;
    return name === undefined ? id : this.#text(name);
  }

  /** A percentage the engine writes as "8" or "12.5", in the reader's format: "8%", "12,5 %". Exact: the decimal text goes to Intl as it is. */
  #percent(value: string): string {
    return this.#localize.number(`${value}e-2` as unknown as number, { style: 'percent', maximumFractionDigits: 10 });
  }

  /** A decimal as written, with its decimals ("1.0850"), in the reader's format. */
  #decimal(value: string): string {
    const places = value.includes('.') ? value.length - value.indexOf('.') - 1 : 0;
    return this.#localize.number(value as unknown as number, { minimumFractionDigits: places, maximumFractionDigits: places });
  }

  #months(count: number): string {
    return this.#localize.term('months', count, this.#localize.number(count));
  }

  /** An amount of a recurring line, per its period. */
  #perPeriod(amount: string, line: PriceLine): string {
    if (line.charge !== 'recurring') return amount;
    return line.period === 'year' ? this.#localize.term('amountPerYear', amount) : this.#localize.term('amountPerMonth', amount);
  }

  // ---- user actions ----------------------------------------------------------------

  #toggle(key: string): void {
    const next = new Set(this.open);
    if (!next.delete(key)) next.add(key);
    this.open = next;
  }

  #requestQuote(view: View, share: string): void {
    const b = view.first;
    // The request that gives this price again: the book it came from rather than the segment that chose it.
    const context: Record<string, unknown> = { date: b.date, book: b.book.id, currency: b.currency };
    if (b.partner !== undefined) context['partner'] = b.partner;
    if (b.customer !== undefined) context['customer'] = b.customer;
    if (b.taxRegion !== undefined) context['taxRegion'] = b.taxRegion;
    this.dispatchEvent(new CpqQuoteRequestEvent({ configuration: view.configuration!, price: b, context, share }));
  }

  #accept(quote: Quote): void {
    this.dispatchEvent(new CpqQuoteAcceptEvent({ quote }));
  }

  async #share(code: string): Promise<void> {
    const event = new CpqShareEvent({ code, link: shareLink(code, this.shareBase || location.href) });
    if (!this.dispatchEvent(event)) return;
    try {
      await navigator.clipboard.writeText(event.detail.link);
      this.announcement = this.#localize.term('linkCopied');
    } catch {
      // No clipboard (insecure page, or permission refused): the event carried the link.
    }
  }

  /**
   * Saves what is shown as JSON: the quote document as it is, or a live price with its
   * configuration (`{ configuration, price }`, what the engine's `diffQuotes` and `reorder`
   * take), or the breakdown alone.
   */
  #download(view: View): void {
    const { quote, first, configuration } = view;
    const data: unknown = quote ?? (configuration ? { configuration, price: first } : first);
    const name = quote ? `${fileSafe(quote.number)}-v${quote.version}.json` : `${fileSafe(first.product)}-${first.date}.json`;
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    this.renderRoot.append(link);
    link.click();
    link.remove();
    // Later: revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  async #print(): Promise<void> {
    this.printing = true;
    await this.updateComplete;
    try {
      window.print();
    } finally {
      this.printing = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quote-summary': QuoteSummary;
  }
}
