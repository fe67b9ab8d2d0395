import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  compareTyped,
  loadMissingCode,
  type Catalog,
  type ComparedItem,
  type CompareItem,
  type Comparison,
  type FeatureDelta,
  type LocalText,
  type MoneyJSON,
  type PriceContext,
  type PriceRow,
  type Row,
  type RowGroup,
} from '@cpq-kit/engine';
import { CpqSelectEvent } from '../events/cpq-select.js';
import { CpqElement } from '../internal/define.js';
import { LocalizeController } from '../internal/localize.js';
import { productComparison } from '../translations/en/product-comparison.js';
import { isZero } from '../internal/money.js';
import { today } from '../internal/price-context.js';
import { rowValue } from '../internal/row-value.js';
import { markStyles, numberWithUnit } from '../internal/spec-value.js';
import { base, tokens } from '../internal/tokens.js';
import { styles } from './product-comparison.styles.js';
import { styleProperties } from '../internal/style-properties.js';

/** Widths (CSS pixels) below which a narrow screen shows two items (with selectors when there are more), and, on a phone, each row's name above its values. */
const TWO_COLUMNS_BELOW = 768;
const STACKED_BELOW = 480;
/** Tables larger than this many cells render what their scrolling box shows (plus a margin), not every cell. */
const WINDOW_ABOVE_CELLS = 1500;
/** The margin: rows rendered above and below what is in view, columns before and after. */
const OVERSCAN_ROWS = 8;
const OVERSCAN_COLUMNS = 1;

/** The first and past the last of `count` lines `size` pixels long that a view from `start` over `length` pixels shows, with `margin` lines more on each side. */
function inView(start: number, length: number, size: number, margin: number, count: number): [number, number] {
  return [Math.max(0, Math.floor(start / size) - margin), Math.min(count, Math.ceil((start + length) / size) + margin)];
}

/** A line of the table body: a group's heading, or a row of values or prices. */
type Line =
  | { readonly kind: 'group'; readonly id: string; readonly name: string; readonly collapsed: boolean }
  | { readonly kind: 'row'; readonly row: Row; readonly group: string }
  | { readonly kind: 'price'; readonly row: PriceRow; readonly group: string };

/** The lines and columns to render, from first to last (exclusive). */
interface Window {
  rows: [number, number];
  columns: [number, number];
  rowsWindowed: boolean;
  columnsWindowed: boolean;
}

/** What every part of one render needs to know about the columns. */
interface Layout {
  readonly comparison: Comparison;
  /** The indexes of the items rendered. */
  readonly columns: readonly number[];
  readonly rowsWindowed: boolean;
  /** An item's `aria-colindex`, when columns are windowed. */
  readonly colIndex: (item: number) => number | undefined;
  /** The widths of the columns not rendered before and after. */
  readonly before: number;
  readonly after: number;
  /** The number of cells in a row, spacers included. */
  readonly span: number;
}


/**
 * Items side by side: columns are products, packages or configurations, rows their
 * specs and options grouped as in the catalog, then prices and the total cost of
 * ownership over a term the buyer picks. Asks the engine's `compare()` for
 * everything; holds only what the buyer is looking at. Catalog text is rendered as
 * text, never as HTML.
 *
 * @summary Compares products, packages or configurations side by side, with prices and total cost of ownership.
 * @tagname product-comparison
 *
 * @fires cpq-select - The buyer chose an item ("Choose" on its column); `detail.item` is the compared item with its complete configuration.
 * @fires change - The buyer added or removed an item, picked another term, or switched "show differences only"; read `items`, `term` and `differencesOnly`.
 *
 * @slot empty - Shown instead of the default message when there is no catalog or nothing to compare.
 *
 * @csspart base - Everything: toolbar and table.
 * @csspart toolbar - The controls above the table.
 * @csspart differences-toggle - The "show differences only" checkbox and its label.
 * @csspart add - The product picker and button that add an item.
 * @csspart column-picker - On narrow screens: the selectors of the two items shown.
 * @csspart status - The line that says how many rows are shown.
 * @csspart scroller - The box around the table. The table scrolls with the page; only a table wider than the element, or a large one that renders what is in view, scrolls in this box (then focusable, so the keyboard can scroll it).
 * @csspart table - The table.
 * @csspart caption - The table's caption.
 * @csspart head - The table's header: names, badges, prices, actions. Its first row (the names) sticks to the top of the viewport, or of the box, while the table scrolls.
 * @csspart column-header - An item's heading cell.
 * @csspart column-header-promoted - The promoted item's heading cell.
 * @csspart column-header-baseline - The baseline item's heading cell.
 * @csspart badge - The "Recommended" or "Current" badge.
 * @csspart item-name - An item's name.
 * @csspart item-image - An item's image.
 * @csspart summary - The cell under an item's heading with its prices, differences and actions.
 * @csspart item-prices - The prices in the summary.
 * @csspart delta-summary - An item's differences from the baseline, in the summary.
 * @csspart choose-button - The "Choose" button of an item.
 * @csspart remove-button - The button that removes an item.
 * @csspart group - A group of rows (a `tbody`).
 * @csspart group-header - A group's heading row.
 * @csspart group-toggle - The button that collapses or expands a group.
 * @csspart row - A row of values.
 * @csspart row-header - A row's heading cell (a `th`).
 * @csspart row-description - The description under a row's name.
 * @csspart cell - A value.
 * @csspart cell-best - A best value.
 * @csspart cell-promoted - A value in the promoted column.
 * @csspart best-mark - The mark next to a best value.
 * @csspart delta - A value's difference from the baseline.
 * @csspart term-select - The term selector in the total cost row.
 * @csspart mark - The mark of a yes/no value (its words are read to assistive technology).
 * @csspart mark-yes - The mark of a yes.
 * @csspart mark-no - The mark of a no.
 * @csspart empty - The box shown when there is nothing to compare.
 * @csspart error - The message shown when the items cannot be compared.
 *
 * @cssproperty --cpq-product-comparison-background - The table's background. Default: `--cpq-color-surface`.
 * @cssproperty --cpq-product-comparison-header-background - The sticky header's and row headers' background. Default: `--cpq-color-surface-subtle`.
 * @cssproperty --cpq-product-comparison-border - The lines between rows. Default: `1px solid` `--cpq-color-border`.
 * @cssproperty --cpq-product-comparison-max-height - The tallest the box of a table that scrolls in a box of its own gets (a table wider than the element, or a large one). Default: `80vh`.
 * @cssproperty --cpq-product-comparison-sticky-top - How far below the top of the viewport the names stick, e.g. the height of the page's own sticky header. Default: `0px`.
 * @cssproperty --cpq-product-comparison-column-width - The narrowest an item's column gets. Default: `11rem`.
 * @cssproperty --cpq-product-comparison-row-header-width - The width of the row headers. Default: `14rem`.
 * @cssproperty --cpq-product-comparison-promoted-color - The promoted column's accent. Default: `--cpq-color-accent`.
 * @cssproperty --cpq-product-comparison-best-color - The colour of best values (which also carry a mark and words). Default: `--cpq-color-success`.
 */
export class ProductComparison extends CpqElement {
  static override defaultTag = 'product-comparison';

  /** @internal */
  static override styles = [tokens, base, markStyles, styles];

  /** The catalog, as returned by the engine's `loadCatalog()`. A property only; compared by identity. */
  @property({ attribute: false })
  accessor catalog: Catalog | undefined;

  /**
   * The items to compare, as the engine's `compare()` takes them: `{ product: "business" }`,
   * a package `{ product, selections, name }`, or `{ configuration, owned: true }`. A
   * property only. When empty, `products` is used.
   */
  @property({ attribute: false })
  accessor items: CompareItem[] = [];

  /** Product ids to compare, separated by spaces, for pages without script: `products="starter business enterprise"`. Used while `items` is empty. */
  @property()
  accessor products = '';

  /** The id of the item the others are measured against ("what you have today"). Empty: none. */
  @property()
  accessor baseline = '';

  /** The id of the item to recommend: its column is highlighted and badged. */
  @property()
  accessor promoted = '';

  /** The term of the total cost of ownership, in months. The buyer can change it with the term selector. */
  @property({ type: Number })
  accessor term = 36;

  /**
   * Recurring prices rise by this percent every 12 months of the term, compounded (a
   * renewal uplift, an agreed ramp): the total cost counts each year at its price and
   * shows a row per year. Empty: prices stay as they are.
   */
  @property({ attribute: 'uplift-percent' })
  accessor upliftPercent = '';

  /** The terms the selector offers, in months. The current `term` is always offered. */
  @property({ attribute: false })
  accessor terms: number[] = [12, 24, 36, 48, 60];

  /**
   * The price request: date, segment, currency, partner... Default, when the catalog
   * has prices: today's prices for the catalog's first price book. The term is `term`.
   */
  @property({ attribute: false })
  accessor context: PriceContext | undefined;

  /** Hides the rows where every item has the same value. The buyer can switch it. */
  @property({ type: Boolean, reflect: true, attribute: 'differences-only' })
  accessor differencesOnly = false;

  /** The buyer cannot add or remove items. */
  @property({ type: Boolean, reflect: true })
  accessor fixed = false;

  /** The table's caption. Default: "Comparison: <catalog name>". */
  @property()
  accessor caption = '';

  readonly #localize = new LocalizeController(this, productComparison);
  #comparison: Comparison | undefined;
  #error: string | undefined;
  /** Loading code the comparison needs (see #compute). */
  #compiling = false;
  /** Per item, its differences from the baseline by row id. */
  #deltas: Map<string, FeatureDelta>[] = [];
  /** The rows by id, for the deltas' names. */
  #rows = new Map<string, Row>();

  /** @internal Groups the buyer collapsed, by id. */
  @state() private accessor collapsed: ReadonlySet<string> = new Set();
  /** @internal How many items fit: 2 on a narrow screen, else all. */
  @state() private accessor fit = Infinity;
  /** @internal On a phone: each row's name on a line of its own, above the values. */
  @state() private accessor stacked = false;
  /** @internal The table needs more width than the element has: it scrolls sideways, in a box of its own. */
  @state() private accessor wide = false;
  /** The element's width as last observed; until then, whether the table is wide is not known. */
  #width: number | undefined;
  /** @internal On a narrow screen, the ids of the items the buyer picked to see. */
  @state() private accessor picked: readonly string[] = [];

  /**
   * @internal What the scrolling box shows, for large tables. Until it is measured
   * (after the first render), the most it could show: the viewport.
   */
  @state() private accessor view = { top: 0, left: 0, height: globalThis.innerHeight || 900, width: globalThis.innerWidth || 1400 };
  /** Measured sizes of a row and a column, for the spacers of large tables. */
  #rowHeight = 48;
  /** Whether the last render was of part of a large table. */
  #windowed = false;
  #columnWidth = 176;
  #frame = 0;

  #resize: ResizeObserver | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver === 'undefined') return;
    this.#resize = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width ?? Infinity;
      // In the next frame: changing the layout inside a ResizeObserver callback makes a loop.
      requestAnimationFrame(() => {
        this.#width = width;
        const fit = width < TWO_COLUMNS_BELOW ? 2 : Infinity;
        if (fit !== this.fit) this.fit = fit;
        const stacked = width < STACKED_BELOW;
        if (stacked !== this.stacked) this.stacked = stacked;
        this.#measureView();
      });
    });
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#resize?.disconnect();
    this.#resize = undefined;
  }

  /** The items compared: `items`, else one per id in `products`. */
  get #effectiveItems(): CompareItem[] {
    if (this.items.length > 0) return this.items;
    return this.products.split(/\s+/).filter(Boolean).map((product) => ({ product }));
  }

  /** The comparison as last computed (read-only), e.g. for a summary beside the element. */
  get comparison(): Comparison | undefined {
    return this.#comparison;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const inputs = ['catalog', 'items', 'products', 'baseline', 'term', 'context'] as const;
    if (inputs.some((name) => changed.has(name))) this.#compute();
  }

  #compute(): void {
    this.#comparison = undefined;
    this.#error = undefined;
    this.#deltas = [];
    this.#rows = new Map();
    this.#compiling = false;
    const catalog = this.catalog;
    if (!catalog) return;
    // Prices only where the catalog has them.
    const context = catalog.pricing ? (this.context ?? { date: today() }) : undefined;
    try {
      // Typed: the items and context are the page's properties, so their shape is TypeScript's
      // to check, and the page loads no schema library (their values are checked all the same).
      this.#comparison = compareTyped(this.#effectiveItems, {
        catalog,
        ...(context ? { context } : {}),
        termMonths: Math.max(1, Math.trunc(this.term) || 36),
        ...(this.baseline ? { baseline: this.baseline } : {}),
        ...(this.upliftPercent ? { upliftPercent: this.upliftPercent } : {}),
      });
    } catch (error) {
      // Code only some comparisons need loads on first use, then the comparison is made
      // again: the compiler of a product a BDD does not hold (a feature model, a very large
      // product), the pricing of a ramp of yearly segments (`uplift-percent`).
      const loading = loadMissingCode(error);
      if (loading) {
        this.#compiling = true;
        void loading.then(() => {
          if (!this.#compiling) return; // the inputs changed meanwhile, and were compared again
          this.#compute();
          this.requestUpdate();
        });
        return;
      }
      this.#error = error instanceof Error ? error.message : String(error);
      return;
    }
    this.#deltas = this.#comparison.items.map((item) => new Map((item.delta?.features ?? []).map((f) => [f.row, f])));
    this.#rows = new Map(this.#comparison.groups.flatMap((group) => group.rows.map((row) => [row.id, row])));
  }

  #text(text: LocalText | undefined): string {
    return this.#localize.text(text, this.catalog?.defaultLocale);
  }

  #months(count: number): string {
    return this.#localize.term('months', count, this.#localize.number(count));
  }

  /** Indexes of the items shown: all, or on a narrow screen the two picked. */
  #shown(items: readonly ComparedItem[]): number[] {
    const all = items.map((_, i) => i);
    if (items.length <= this.fit) return all;
    const ids = items.map((i) => i.id);
    const defaults = [this.baseline, this.promoted, ...ids].filter((id) => ids.includes(id));
    const picked = [...this.picked.filter((id) => ids.includes(id)), ...defaults];
    return [...new Set(picked)].slice(0, this.fit).map((id) => ids.indexOf(id));
  }

  protected override render(): TemplateResult {
    const t = this.#localize;
    const comparison = this.#comparison;
    if (!this.catalog || (comparison && comparison.items.length === 0 && this.#error === undefined)) {
      return html`<div part="base" class="comparison">
        ${this.catalog ? this.#toolbar(undefined) : nothing}
        <div part="empty" class="empty"><slot name="empty">${this.catalog ? t.term('noItems') : t.term('noCatalog')}</slot></div>
      </div>`;
    }
    if (this.#compiling) return html`<div part="base" class="comparison" aria-busy="true"></div>`;
    if (!comparison) {
      return html`<div part="base" class="comparison">
        <div part="error" class="error" role="alert"><p>${t.term('cannotCompare')}</p><pre>${this.#error}</pre></div>
      </div>`;
    }
    const shown = this.#shown(comparison.items);
    const lines = this.#lines(comparison);
    const all = this.#lines(comparison, false);
    const rowsIn = (list: readonly Line[]) => list.filter((l) => l.kind !== 'group').length;
    const caption = this.caption || t.term('comparisonCaption', this.#text(this.catalog.name));
    const view = this.#window(lines.length, shown.length);
    const columns = shown.slice(view.columns[0], view.columns[1]);
    const layout: Layout = {
      comparison,
      columns,
      rowsWindowed: view.rowsWindowed,
      colIndex: (i) => (view.columnsWindowed ? shown.indexOf(i) + 2 : undefined),
      before: view.columns[0] * this.#columnWidth,
      after: (shown.length - view.columns[1]) * this.#columnWidth,
      span: columns.length + 1 + (view.columns[0] > 0 ? 1 : 0) + (view.columns[1] < shown.length ? 1 : 0),
    };
    const [first, last] = view.rows;
    this.#windowed = view.rowsWindowed || view.columnsWindowed;
    // The table scrolls with the page. A large one renders what its box shows, and one
    // wider than the element scrolls sideways: those scroll in a box of their own, no
    // taller than the viewport (so that its horizontal scrollbar is in reach).
    const contained = this.#windowed || this.wide;
    const narrow = this.fit !== Infinity;
    return html`
      <div part="base" class="comparison">
        ${this.#toolbar(comparison)}
        ${shown.length < comparison.items.length ? this.#columnPicker(comparison.items, shown) : nothing}
        <p part="status" class="status" role="status">${t.term('rowsShown', rowsIn(lines), rowsIn(all))}</p>
        <div
          part="scroller"
          class=${contained ? 'scroller contained' : 'scroller'}
          tabindex=${contained ? 0 : nothing}
          role=${contained ? 'region' : nothing}
          aria-labelledby=${contained ? 'caption' : nothing}
          @scroll=${this.#onScroll}
        >
          <table
            part="table"
            class=${[narrow ? 'narrow' : '', narrow && this.stacked ? 'stacked' : ''].join(' ').trim()}
            ${styleProperties({ '--columns': String(shown.length) })}
            aria-rowcount=${view.rowsWindowed ? lines.length + 2 : nothing}
            aria-colcount=${view.columnsWindowed ? shown.length + 1 : nothing}
          >
            <caption part="caption" id="caption">${caption}</caption>
            ${this.#head(layout)}
            ${first > 0 ? this.#spacer(layout, first * this.#rowHeight) : nothing}
            ${this.#segments(lines, first, last).map((segment) => this.#segment(layout, segment, view.rowsWindowed))}
            ${last < lines.length ? this.#spacer(layout, (lines.length - last) * this.#rowHeight) : nothing}
          </table>
        </div>
      </div>
    `;
  }

  /**
   * The body as displayed: each group's heading and, unless it is collapsed, its rows;
   * with "differences only", the rows that differ (and the total cost), and no group left empty.
   */
  #lines(comparison: Comparison, filtered = this.differencesOnly): Line[] {
    const t = this.#localize;
    const lines: Line[] = [];
    const add = (id: string, name: string, rows: readonly Line[]) => {
      if (rows.length === 0) return;
      const collapsed = this.collapsed.has(id);
      lines.push({ kind: 'group', id, name, collapsed });
      if (!collapsed) lines.push(...rows);
    };
    for (const group of comparison.groups) {
      const name = group.name ? this.#text(group.name) : group.kind === 'specs' ? t.term('specifications') : comparison.groups.length === 1 ? t.term('options') : t.term('general');
      add(group.id, name, group.rows.filter((row) => !filtered || row.differs).map((row) => ({ kind: 'row', row, group: group.id })));
    }
    if (comparison.prices) {
      const rows = comparison.prices.rows.filter((row) => !filtered || row.differs || row.id === 'tco');
      add('prices', t.term('prices'), rows.map((row) => ({ kind: 'price', row, group: 'prices' })));
    }
    return lines;
  }

  /**
   * The rows and columns to render. A large table (thousands of cells) renders what
   * its scrolling box shows and a margin around it, with spacers for the rest and
   * `aria-rowcount`/`aria-colindex` for assistive technology; a usual one renders whole.
   */
  #window(rows: number, columns: number): Window {
    const whole: Window = { rows: [0, rows], columns: [0, columns], rowsWindowed: false, columnsWindowed: false };
    if (rows * columns <= WINDOW_ABOVE_CELLS) return whole;
    const { top, left, height, width } = this.view;
    const result = { ...whole };
    if (rows > 40) {
      result.rows = inView(top, height, this.#rowHeight, OVERSCAN_ROWS, rows);
      result.rowsWindowed = true;
    }
    if (columns > 8) {
      result.columns = inView(left, width, this.#columnWidth, OVERSCAN_COLUMNS, columns);
      result.columnsWindowed = true;
    }
    return result;
  }

  /** The lines from `first` to `last`, cut where a group starts (each group is a `tbody`). */
  #segments(lines: readonly Line[], first: number, last: number): { index: number; lines: Line[] }[] {
    const segments: { index: number; lines: Line[] }[] = [];
    for (let i = first; i < last; i++) {
      const line = lines[i]!;
      if (line.kind === 'group' || segments.length === 0) segments.push({ index: i, lines: [] });
      segments[segments.length - 1]!.lines.push(line);
    }
    return segments;
  }

  #spacer(layout: Layout, height: number): TemplateResult {
    return html`<tbody class="spacer" aria-hidden="true"><tr><td colspan=${layout.span} ${styleProperties({ height: `${height}px` })}></td></tr></tbody>`;
  }

  /** Empty cells standing for the columns not rendered, so that the table keeps its width. */
  #columnSpacer(width: number): TemplateResult | typeof nothing {
    return width > 0 ? html`<td class="column-spacer" aria-hidden="true" ${styleProperties({ width: `${width}px` })}></td>` : nothing;
  }

  #toolbar(comparison: Comparison | undefined): TemplateResult {
    const t = this.#localize;
    const present = new Set(comparison?.items.filter((i) => i.kind === 'product').map((i) => i.product) ?? []);
    const addable = this.fixed ? [] : (this.catalog?.products ?? []).filter((p) => !present.has(p.id));
    return html`
      <div part="toolbar" class="toolbar">
        ${comparison && comparison.items.length > 0
          ? html`<label part="differences-toggle" class="toggle">
              <input type="checkbox" .checked=${this.differencesOnly} @change=${this.#onDifferences} />
              ${t.term('differencesOnly')}
            </label>`
          : nothing}
        ${addable.length > 0
          ? html`<div part="add" class="add">
              <label for="add">${t.term('addItem')}</label>
              <select id="add">
                ${addable.map((p) => html`<option value=${p.id}>${this.#text(p.name)}</option>`)}
              </select>
              <button type="button" @click=${this.#onAdd}>${t.term('add')}</button>
            </div>`
          : nothing}
      </div>
    `;
  }

  #columnPicker(items: readonly ComparedItem[], shown: readonly number[]): TemplateResult {
    const t = this.#localize;
    return html`
      <div part="column-picker" class="column-picker">
        ${shown.map(
          (index, slot) => html`
            <label>
              <span>${t.term('column', slot + 1)}</span>
              <select @change=${(event: Event) => this.#onPick(slot, (event.target as HTMLSelectElement).value, shown)}>
                ${items.map((item, i) => html`<option value=${item.id} ?selected=${i === index}>${this.#text(item.name)}</option>`)}
              </select>
            </label>
          `,
        )}
      </div>
    `;
  }

  #head(layout: Layout): TemplateResult {
    const t = this.#localize;
    const { comparison, columns } = layout;
    const baseline = comparison.baseline === undefined ? undefined : comparison.items[comparison.baseline];
    return html`
      <thead part="head">
        <tr aria-rowindex=${layout.rowsWindowed ? 1 : nothing}>
          <td class="corner"></td>
          ${this.#columnSpacer(layout.before)}
          ${columns.map((i) => {
            const item = comparison.items[i]!;
            const promoted = item.id === this.promoted;
            const isBaseline = i === comparison.baseline;
            const part = `column-header${promoted ? ' column-header-promoted' : ''}${isBaseline ? ' column-header-baseline' : ''}`;
            return html`
              <th scope="col" part=${part} class=${promoted ? 'promoted' : ''} aria-colindex=${layout.colIndex(i) ?? nothing}>
                ${promoted ? html`<span part="badge" class="badge">${t.term('recommended')}</span>` : nothing}
                ${isBaseline ? html`<span part="badge" class="badge baseline">${t.term('baseline')}</span>` : nothing}
                ${item.image ? html`<img part="item-image" class="item-image" src=${item.image} alt="" loading="lazy" decoding="async" />` : nothing}
                <span part="item-name" class="item-name">${this.#text(item.name)}</span>
              </th>
            `;
          })}
          ${this.#columnSpacer(layout.after)}
        </tr>
        <tr class="summary-row" aria-rowindex=${layout.rowsWindowed ? 2 : nothing}>
          <td class="corner"></td>
          ${this.#columnSpacer(layout.before)}
          ${columns.map((i) => {
            const item = comparison.items[i]!;
            const name = this.#text(item.name);
            return html`
              <td part="summary" class=${item.id === this.promoted ? 'summary promoted' : 'summary'} aria-colindex=${layout.colIndex(i) ?? nothing}>
                ${item.price ? this.#itemPrices(item) : nothing}
                ${baseline && item.delta ? this.#deltaSummary(comparison, item, baseline) : nothing}
                <div class="actions">
                  <button type="button" part="choose-button" class="choose" @click=${() => this.#onChoose(item)}>
                    ${t.term('choose')}<span class="visually-hidden"> ${name}</span>
                  </button>
                  ${this.fixed
                    ? nothing
                    : html`<button type="button" part="remove-button" class="remove" aria-label=${t.term('removeItem', name)} title=${t.term('removeItem', name)} @click=${() => this.#onRemove(i)}>
                        <span aria-hidden="true">✕</span>
                      </button>`}
                </div>
              </td>
            `;
          })}
          ${this.#columnSpacer(layout.after)}
        </tr>
      </thead>
    `;
  }

  #itemPrices(item: ComparedItem): TemplateResult {
    const t = this.#localize;
    const p = item.price!;
    const lines: string[] = [];
    if (p.hasMonth) lines.push(t.term('amountPerMonth', this.#localize.money(p.month)));
    if (p.hasYear) lines.push(t.term('amountPerYear', this.#localize.money(p.year)));
    if (!item.owned && !isZero(p.oneTime)) lines.push(t.term('amountOneTime', this.#localize.money(p.oneTime)));
    return html`<ul part="item-prices" class="item-prices" role="list">${lines.map((line) => html`<li>${line}</li>`)}</ul>`;
  }

  /** "+2 Table microphones, +3 features; +€30.00 per month, +€26,500.00 over 36 months". */
  #deltaSummary(comparison: Comparison, item: ComparedItem, baseline: ComparedItem): TemplateResult {
    const t = this.#localize;
    const delta = item.delta!;
    const lines: string[] = [];
    const quantities = delta.features.filter((f) => f.row.startsWith('attribute:') && f.difference !== undefined).slice(0, 2);
    for (const f of quantities) lines.push(`${this.#localize.number(f.difference!, { signDisplay: 'exceptZero' })} ${this.#text(this.#rows.get(f.row)?.name)}`);
    const gained = delta.features.filter((f) => f.change === 'gained' || f.change === 'added').length;
    const lost = delta.features.filter((f) => f.change === 'lost' || f.change === 'removed').length;
    if (gained > 0) lines.push(t.term('featuresGained', gained));
    if (lost > 0) lines.push(t.term('featuresLost', lost));
    const money = delta.money;
    if (money) {
      if (!isZero(money.month)) lines.push(t.term('amountPerMonth', this.#localize.money(money.month, true)));
      if (!isZero(money.year)) lines.push(t.term('amountPerYear', this.#localize.money(money.year, true)));
      lines.push(t.term('amountOver', this.#localize.money(money.tco, true), this.#months(comparison.prices!.termMonths)));
    }
    return html`
      <div part="delta-summary" class="delta-summary">
        <span class="delta-summary-label">${t.term('comparedWith', this.#text(baseline.name))}</span>
        <ul role="list">${lines.map((line) => html`<li>${line}</li>`)}</ul>
      </div>
    `;
  }

  /** Consecutive lines in one `tbody`: a group's heading and rows, or the rest of a group cut by the window. */
  #segment(layout: Layout, segment: { index: number; lines: Line[] }, windowed: boolean): TemplateResult {
    const head = segment.lines[0]!;
    const group = head.kind === 'group' ? head.id : head.group;
    return html`
      <tbody part="group" class="group" data-group=${group}>
        ${segment.lines.map((line, k) => {
          const rowIndex = windowed ? segment.index + k + 3 : undefined;
          return line.kind === 'group' ? this.#groupHeader(layout, line, rowIndex) : this.#line(layout, line, rowIndex);
        })}
      </tbody>
    `;
  }

  #groupHeader(layout: Layout, line: Extract<Line, { kind: 'group' }>, rowIndex: number | undefined): TemplateResult {
    return html`
      <tr part="group-header" class="group-header" aria-rowindex=${rowIndex ?? nothing}>
        <th scope="rowgroup" colspan=${layout.span}>
          <button type="button" part="group-toggle" class="group-toggle" aria-expanded=${line.collapsed ? 'false' : 'true'} @click=${() => this.#onToggleGroup(line.id)}>
            <span class="chevron" aria-hidden="true">${line.collapsed ? '▸' : '▾'}</span>
            ${line.name}
          </button>
        </th>
      </tr>
    `;
  }

  #line(layout: Layout, line: Extract<Line, { kind: 'row' | 'price' }>, rowIndex: number | undefined): TemplateResult {
    const { comparison, columns } = layout;
    const description = line.kind === 'row' ? this.#text(line.row.description) : '';
    const header = line.kind === 'row' ? this.#text(line.row.name) : this.#priceLabel(comparison, line.row);
    return html`
      <tr part="row" class=${line.kind === 'price' ? `row price-${line.row.id}` : 'row'} aria-rowindex=${rowIndex ?? nothing}>
        <th scope="row" part="row-header">
          ${header}
          ${description ? html`<span part="row-description" class="row-description">${description}</span>` : nothing}
        </th>
        ${this.#columnSpacer(layout.before)}
        ${columns.map((i) => (line.kind === 'row' ? this.#cell(comparison, line.row, i, layout) : this.#priceCell(comparison, line.row, i, layout)))}
        ${this.#columnSpacer(layout.after)}
      </tr>
    `;
  }

  #cell(comparison: Comparison, row: Row, i: number, layout: Layout): TemplateResult {
    const best = row.best.includes(i);
    const promoted = comparison.items[i]!.id === this.promoted;
    const part = `cell${best ? ' cell-best' : ''}${promoted ? ' cell-promoted' : ''}`;
    const value = rowValue(this.#localize, row, i, this.catalog?.defaultLocale);
    const delta = this.#deltas[i]?.get(row.id);
    return html`<td part=${part} class=${part} aria-colindex=${layout.colIndex(i) ?? nothing}>
      ${best ? this.#bestMark() : nothing}${value}${delta ? this.#delta(row, delta) : nothing}
    </td>`;
  }

  #bestMark(): TemplateResult {
    return html`<span part="best-mark" class="best-mark" aria-hidden="true">★</span><span class="visually-hidden">${this.#localize.term('bestValue')}: </span>`;
  }

  /** A value's difference from the baseline: "+21 in ↑ (better)", "New", "Dropped". */
  #delta(row: Row, delta: FeatureDelta): TemplateResult | typeof nothing {
    const t = this.#localize;
    let text: string;
    if (delta.difference !== undefined) {
      text = numberWithUnit(t, delta.difference, row.kind === 'spec' ? this.#text(row.unit) : '', { signDisplay: 'exceptZero' });
    } else if (delta.change === 'gained' || delta.change === 'added') {
      text = t.term('deltaNew');
    } else if (delta.change === 'lost' || delta.change === 'removed') {
      text = t.term('deltaDropped');
    } else {
      return nothing;
    }
    const judged = delta.better === undefined ? '' : delta.better ? ' delta-better' : ' delta-worse';
    return html`<span part="delta" class=${`delta${judged}`}
      >${text}${delta.better === undefined
        ? nothing
        : html`<span aria-hidden="true"> ${delta.better ? '↑' : '↓'}</span><span class="visually-hidden"> (${t.term(delta.better ? 'better' : 'worse')})</span>`}</span
    >`;
  }

  #priceLabel(comparison: Comparison, row: PriceRow): TemplateResult | string {
    const t = this.#localize;
    const months = comparison.prices!.termMonths;
    switch (row.id) {
      case 'one-time':
        return t.term('dueNow');
      case 'month':
        return t.term('perMonth');
      case 'year':
        return t.term('perYear');
      case 'recurring':
        return t.term('recurringOver', this.#months(months));
      case 'term-year': {
        const year = row.termYear!;
        const uplift = year.uplift === undefined ? null : this.#localize.number(`${year.uplift}e-2` as unknown as number, { style: 'percent', maximumFractionDigits: 4 });
        return t.term('termYear', t.number(year.year), year.months === 12 ? null : this.#months(year.months), uplift);
      }
      case 'tco':
        return html`${t.term('totalCost')} ${this.#termSelect(months)}`;
    }
  }

  #priceCell(comparison: Comparison, row: PriceRow, i: number, layout: Layout): TemplateResult {
    const item = comparison.items[i]!;
    const best = row.best.includes(i);
    const promoted = item.id === this.promoted;
    const part = `cell${best ? ' cell-best' : ''}${promoted ? ' cell-promoted' : ''}`;
    const value = row.values[i]!;
    const money = item.delta?.money;
    const delta = !money ? undefined : row.id === 'one-time' ? money.oneTime : row.id === 'month' ? money.month : row.id === 'year' ? money.year : row.id === 'recurring' ? money.recurring : money.tco;
    const content = row.id === 'one-time' && item.owned ? this.#localize.term('alreadyPaid') : this.#localize.money(value);
    return html`<td part=${part} class=${part} aria-colindex=${layout.colIndex(i) ?? nothing}>
      ${best ? this.#bestMark() : nothing}${content}${delta && !isZero(delta) ? html`<span part="delta" class="delta">${this.#localize.money(delta, true)}</span>` : nothing}
    </td>`;
  }

  #termSelect(months: number): TemplateResult {
    const t = this.#localize;
    const terms = [...new Set([...this.terms, months])].filter((m) => Number.isInteger(m) && m > 0).sort((a, b) => a - b);
    return html`<select part="term-select" class="term-select" aria-label=${t.term('term')} @change=${this.#onTerm}>
      ${terms.map((m) => html`<option value=${m} ?selected=${m === months}>${this.#months(m)}</option>`)}
    </select>`;
  }

  // ---- user actions ---------------------------------------------------------

  #changed(): void {
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  #onScroll(): void {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#measureView();
    });
  }

  /**
   * Reads the box around the table: whether the table is wider than it (then it
   * scrolls in it), and, for a large table, what it shows; a large table re-renders
   * only when what it shows moves by a few rows or a column.
   */
  #measureView(): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (!scroller) return;
    const table = scroller.querySelector('table');
    if (this.#width !== undefined && table) {
      // The width the table needs (its min-width: the row headers and a column per item) against the box's.
      const box = getComputedStyle(scroller);
      const available = scroller.getBoundingClientRect().width - parseFloat(box.borderLeftWidth) - parseFloat(box.borderRightWidth);
      const wide = this.fit === Infinity && parseFloat(getComputedStyle(table).minWidth) > available + 0.5;
      if (wide !== this.wide) this.wide = wide;
    }
    // Only a large table renders what is in view: a usual one does not re-render as the page scrolls.
    if (!this.#windowed) return;
    const names = scroller.querySelector('thead tr')?.getBoundingClientRect().height ?? 0;
    const header = scroller.querySelector('th[scope="row"]')?.getBoundingClientRect().width ?? 0;
    // Where the body starts in the box's content (below the caption and the header), unmoved by scrolling.
    const content = scroller.getBoundingClientRect().top + scroller.clientTop - scroller.scrollTop;
    const body = (scroller.querySelector('tbody')?.getBoundingClientRect().top ?? content) - content;
    // The stuck names and the first column cover part of the box: the rows in view (in
    // the body's own coordinates) are those below the names, down to the box's bottom;
    // the columns those right of the first.
    const top = Math.max(0, scroller.scrollTop + names - body);
    const next = {
      top,
      left: scroller.scrollLeft,
      height: Math.max(0, scroller.scrollTop + scroller.clientHeight - body - top),
      width: Math.max(0, scroller.clientWidth - header),
    };
    const { view } = this;
    const moved = Math.abs(next.top - view.top) >= this.#rowHeight * 3 || Math.abs(next.left - view.left) >= this.#columnWidth / 2;
    if (moved || next.height !== view.height || next.width !== view.width) this.view = next;
  }

  protected override updated(): void {
    // In the next frame: whether the table as rendered is wider than the element, what its box shows.
    this.#onScroll();
    if (!this.#windowed) return;
    // Sizes for the spacers of a large table: the rows and columns as rendered.
    const rows = [...this.renderRoot.querySelectorAll<HTMLElement>('tbody.group tr.row')].slice(0, 24);
    if (rows.length > 0) this.#rowHeight = Math.max(24, rows.reduce((sum, r) => sum + r.getBoundingClientRect().height, 0) / rows.length);
    const column = this.renderRoot.querySelector<HTMLElement>('th[scope="col"]');
    if (column) this.#columnWidth = Math.max(64, column.getBoundingClientRect().width);
  }

  #onDifferences(event: Event): void {
    this.differencesOnly = (event.target as HTMLInputElement).checked;
    this.#changed();
  }

  #onTerm(event: Event): void {
    this.term = Number((event.target as HTMLSelectElement).value);
    this.#changed();
  }

  #onToggleGroup(id: string): void {
    const next = new Set(this.collapsed);
    if (!next.delete(id)) next.add(id);
    this.collapsed = next;
  }

  /** The buyer picked what a column shows; an item the other column showed swaps places with it. */
  #onPick(slot: number, id: string, shown: readonly number[]): void {
    const ids = shown.map((i) => this.#comparison!.items[i]!.id);
    const other = ids.indexOf(id);
    if (other !== -1 && other !== slot) ids[other] = ids[slot]!;
    ids[slot] = id;
    this.picked = ids;
  }

  #onAdd(): void {
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#add');
    if (!select?.value) return;
    this.items = [...this.#effectiveItems, { product: select.value }];
    this.#changed();
  }

  #onRemove(index: number): void {
    const removed = this.#comparison?.items[index];
    this.items = this.#effectiveItems.filter((_, i) => i !== index);
    if (removed && removed.id === this.baseline) this.baseline = '';
    if (removed && removed.id === this.promoted) this.promoted = '';
    this.#changed();
    // Keep the keyboard where it was: on the next column's remove button, else the add control.
    void this.updateComplete.then(() => {
      const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.remove')];
      (buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('#add'))?.focus();
    });
  }

  #onChoose(item: ComparedItem): void {
    this.dispatchEvent(new CpqSelectEvent({ item }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'product-comparison': ProductComparison;
  }
}
