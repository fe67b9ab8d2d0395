import { css } from 'lit';

/**
 * `<product-comparison>` styles. Component properties (`--cpq-product-comparison-*`)
 * fall back to the global tokens.
 */
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_line: var(--cpq-product-comparison-border, 1px solid var(--_cpq-border));
    --_head: var(--cpq-product-comparison-header-background, var(--_cpq-surface-subtle));
    --_promoted: var(--cpq-product-comparison-promoted-color, var(--_cpq-accent));
    --_best: var(--cpq-product-comparison-best-color, var(--_cpq-success));
    --_sticky-top: var(--cpq-product-comparison-sticky-top, 0px);
  }

  .comparison {
    display: grid;
    /* One column, never wider than the element, whatever the toolbar's selectors hold. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_cpq-space-s);
    padding: var(--_cpq-space-s);
    border-radius: var(--_cpq-radius);
    background: var(--cpq-product-comparison-background, var(--_cpq-surface));
  }
  pre {
    margin: 0;
  }
  ul {
    list-style: none;
    padding: 0;
  }
  button,
  select,
  input {
    font: inherit;
    color: inherit;
  }
  button,
  select {
    min-height: 2.25rem;
    padding: var(--_cpq-space-xs) var(--_cpq-space-s);
    border: 1px solid var(--_cpq-border);
    border-radius: var(--_cpq-radius-small);
    background: var(--_cpq-surface);
    cursor: pointer;
  }

  .toolbar,
  .column-picker {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cpq-space-s) var(--_cpq-space-l);
    align-items: center;
  }
  .toggle,
  .add,
  .column-picker label {
    display: inline-flex;
    gap: var(--_cpq-space-s);
    align-items: center;
  }
  /*
   * On a narrow screen a selector with long item names (German, French) gets narrower
   * (and its label wraps) rather than widening the page: a selector is otherwise as
   * wide as its longest option.
   */
  .add,
  .column-picker label {
    max-width: 100%;
  }
  .add select,
  .column-picker select {
    min-width: 0;
  }
  .toggle input {
    width: 1.25rem;
    height: 1.25rem;
    accent-color: var(--_cpq-accent);
  }
  .status {
    font-size: var(--_cpq-font-size-small);
    color: var(--_cpq-text-muted);
  }

  .empty,
  .error {
    padding: var(--_cpq-space-l);
    border: var(--_line);
    border-radius: var(--_cpq-radius);
    background: var(--cpq-product-comparison-background, var(--_cpq-surface));
    color: var(--_cpq-text-muted);
  }
  .error {
    color: var(--_cpq-danger);
  }
  .error pre {
    white-space: pre-wrap;
    font: inherit;
    margin-block-start: var(--_cpq-space-s);
  }

  /*
   * The box around the table. Usually the table scrolls with the page, its names stuck
   * to the top of the viewport: the box clips (to its rounded corners) but does not
   * scroll, which would make it the box the names stick in.
   */
  .scroller {
    /* A grid item: as wide as the element, however wide the table. */
    min-width: 0;
    overflow: clip;
    border: var(--_line);
    border-radius: var(--_cpq-radius);
    background: var(--cpq-product-comparison-background, var(--_cpq-surface));
  }
  /* A table wider than the element, or a large one: scrolls both ways in the box, under its names and row headers. */
  .scroller.contained {
    overflow: auto;
    /* The spacers of a large table change height as it scrolls: the browser must not "anchor" the scroll position to them. */
    overflow-anchor: none;
    max-height: var(--cpq-product-comparison-max-height, 80vh);
    /* The containing block of what is positioned inside (the visually hidden words): else they would stretch the page. */
    position: relative;
    --_sticky-top: 0px;
  }
  table {
    border-collapse: separate;
    border-spacing: 0;
    width: 100%;
    min-width: calc(var(--cpq-product-comparison-row-header-width, 14rem) + var(--columns) * var(--cpq-product-comparison-column-width, 11rem));
    table-layout: fixed;
  }
  /* A narrow screen shows two items: the table fits the screen, never wider. */
  table.narrow {
    min-width: 0;
  }
  table.narrow .corner,
  table.narrow th[scope='row'] {
    width: 40%;
  }
  caption {
    text-align: start;
    font-weight: 650;
    font-size: 1.125em;
    padding: var(--_cpq-space-s) var(--_cpq-space-m);
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: var(--_cpq-space-s) var(--_cpq-space-m);
    border-block-end: var(--_line);
    overflow-wrap: anywhere;
  }
  col,
  .corner,
  th[scope='row'] {
    width: var(--cpq-product-comparison-row-header-width, 14rem);
  }

  /* The names stay in view while the table scrolls (the prices and actions below them scroll on). */
  thead tr:first-child > * {
    position: sticky;
    top: var(--_sticky-top);
    z-index: 2;
  }
  thead tr:first-child > .corner {
    z-index: 3;
  }
  thead th,
  thead td {
    background: var(--_head);
  }
  thead th {
    font-weight: 650;
    vertical-align: bottom;
    border-block-end: 0;
  }
  .corner {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
  }
  th[scope='row'] {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    background: var(--_head);
    font-weight: 600;
  }
  .row-description {
    display: block;
    font-weight: normal;
    font-size: var(--_cpq-font-size-small);
    color: var(--_cpq-text-muted);
  }

  .item-name {
    display: block;
    font-size: 1.05em;
  }
  .item-image {
    display: block;
    max-width: 100%;
    max-height: 3rem;
    object-fit: contain;
    margin-block-end: var(--_cpq-space-xs);
  }
  .badge {
    display: inline-block;
    margin-block-end: var(--_cpq-space-xs);
    padding: 0 var(--_cpq-space-s);
    border: 1px solid var(--_promoted);
    border-radius: 999px;
    color: var(--_promoted);
    font-size: var(--_cpq-font-size-small);
    line-height: 1.5;
  }
  .badge.baseline {
    border-color: var(--_cpq-text-muted);
    color: var(--_cpq-text-muted);
  }
  th.promoted {
    border-block-start: 3px solid var(--_promoted);
  }
  .summary {
    font-size: var(--_cpq-font-size-small);
  }
  .item-prices li:first-child {
    font-size: 1.15em;
    font-weight: 650;
  }
  .delta-summary {
    margin-block-start: var(--_cpq-space-xs);
    color: var(--_cpq-text-muted);
  }
  .actions {
    display: flex;
    gap: var(--_cpq-space-xs);
    margin-block-start: var(--_cpq-space-s);
  }
  .choose {
    flex: 1;
    background: var(--_cpq-accent);
    border-color: var(--_cpq-accent);
    color: var(--_cpq-surface);
    font-weight: 600;
  }
  .remove {
    min-width: 2.25rem;
  }

  .group-header th {
    padding: 0;
    background: var(--_cpq-surface);
  }
  .group-toggle {
    position: sticky;
    inset-inline-start: 0;
    display: flex;
    gap: var(--_cpq-space-s);
    align-items: center;
    width: auto;
    max-width: 100%;
    min-height: 2.75rem;
    padding: var(--_cpq-space-s) var(--_cpq-space-m);
    border: 0;
    border-radius: 0;
    background: none;
    font-weight: 650;
    font-size: 1.05em;
    text-align: start;
  }

  td.cell-promoted,
  td.summary.promoted {
    background: color-mix(in srgb, var(--_promoted) 7%, var(--cpq-product-comparison-background, var(--_cpq-surface)));
  }
  td.cell-best {
    font-weight: 650;
  }
  .best-mark {
    color: var(--_best);
    margin-inline-end: var(--_cpq-space-xs);
  }
  .missing {
    color: var(--_cpq-text-muted);
  }
  .delta {
    display: block;
    font-size: var(--_cpq-font-size-small);
    font-weight: normal;
    color: var(--_cpq-text-muted);
  }
  .delta-better {
    color: var(--_cpq-success);
  }
  .delta-worse {
    color: var(--_cpq-danger);
  }
  .term-select {
    display: block;
    margin-block-start: var(--_cpq-space-xs);
    font-weight: normal;
  }
  .price-tco {
    font-weight: 650;
  }
  .price-tco > * {
    border-block-start: 2px solid var(--_cpq-border);
  }

  /* Large tables render what is in view; these stand for the rest. */
  .spacer td,
  .column-spacer {
    padding: 0;
    border: 0;
  }

  /*
   * A phone: each row's name on a line of its own, the two values side by side below
   * it. Still a table to assistive technology (the elements are the table's); each
   * row is a grid of the columns shown. The header's first row sticks as a whole.
   */
  table.stacked {
    display: block;
  }
  table.stacked caption,
  table.stacked tbody {
    display: block;
  }
  /* Its rows become the table's own boxes: the names row then sticks all the way down the table. */
  table.stacked thead {
    display: contents;
  }
  table.stacked tr {
    display: grid;
    grid-template-columns: repeat(var(--columns), minmax(0, 1fr));
  }
  table.stacked th:not([scope='rowgroup']),
  table.stacked td {
    padding-inline: var(--_cpq-space-s);
  }
  table.stacked .group-toggle {
    padding-inline: var(--_cpq-space-s);
  }
  table.stacked .corner,
  table.stacked th[scope='row'],
  table.stacked th[scope='rowgroup'],
  table.stacked .spacer td {
    grid-column: 1 / -1;
  }
  table.stacked .corner {
    position: static;
    padding: 0;
    border: 0;
  }
  table.stacked thead tr:first-child {
    position: sticky;
    top: var(--_sticky-top);
    z-index: 2;
    background: var(--_head);
  }
  table.stacked thead tr:first-child > * {
    position: static;
  }
  table.stacked th[scope='row'] {
    position: static;
    width: auto;
    padding-block-end: var(--_cpq-space-xs);
    border-block-end: 0;
  }
  table.stacked .price-tco > td {
    border-block-start: 0;
  }
`;
