import { css } from 'lit';

/**
 * The printed quote: black on white, no actions, no sales information, every column,
 * rows kept whole, small enough for one page. Nested rules, applied to the host both
 * in print and with `print-preview`, so that the preview is what prints.
 */
const printed = css`
  color-scheme: light;
  color: #000;
  font-size: 10pt;
  .summary {
    gap: 0.75rem;
    padding: 0;
    border: 0;
    background: none;
  }
  .actions,
  .status,
  .rep,
  .chevron,
  .rule {
    display: none !important;
  }
  .disclosure {
    min-height: 0;
    padding: 0;
  }
  .disclosure .line-name {
    text-decoration: none;
  }
  .wide {
    display: table-cell;
  }
  .narrow-quantity {
    display: none;
  }
  .steps {
    background: none;
    padding: 0 0 0 1rem;
  }
  tr,
  .totals div,
  .totals-box {
    break-inside: avoid;
  }
`;

/**
 * `<quote-summary>` styles. The layout follows the element's own width (container
 * queries): in a narrow column the list price and term columns give way (both are in
 * each line's waterfall), so the table never gets wider than the element. Touch targets
 * are at least 44 px high. In print: black on white, no actions, no sales information,
 * rows kept whole, small enough for one page.
 */
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }

  .summary,
  .empty {
    display: grid;
    /* Tracks no wider than the element: a wide table scrolls in its box instead of widening the summary. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_cpq-space-l);
    padding: var(--_cpq-space-l);
    border: var(--cpq-quote-summary-border, 1px solid var(--_cpq-border));
    border-radius: var(--_cpq-radius);
    /* Its own surface: in the dark theme the texts would otherwise sit on the page's light background. */
    background: var(--cpq-quote-summary-background, var(--_cpq-surface));
  }
  .empty {
    color: var(--_cpq-text-muted);
  }

  .header {
    display: grid;
    gap: var(--_cpq-space-s);
  }
  .heading {
    font-size: 1.375em;
    line-height: 1.25;
  }
  .section-heading {
    font-size: 1.125em;
    margin-bottom: var(--_cpq-space-s);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cpq-space-xs) var(--_cpq-space-l);
    font-size: var(--_cpq-font-size-small);
  }
  .meta dt {
    color: var(--_cpq-text-muted);
  }

  /* The configured products' pictures: smaller than on the sheet, beside each other when there is room. */
  .pictures {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cpq-space-m);
  }
  .item-picture {
    display: grid;
    gap: var(--_cpq-space-xs);
    width: min(100%, var(--cpq-picture-width, 18rem));
    margin: 0;
  }
  .item-picture .picture {
    max-width: none;
  }
  .item-picture figcaption {
    font-size: var(--_cpq-font-size-small);
    color: var(--_cpq-text-muted);
  }

  /* Price lines and changes. */
  .table-box {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: var(--_cpq-space-xs) var(--_cpq-space-s);
    text-align: start;
    vertical-align: baseline;
    font-weight: normal;
  }
  thead th {
    font-size: var(--_cpq-font-size-small);
    color: var(--_cpq-text-muted);
    border-bottom: var(--cpq-quote-summary-border, 1px solid var(--_cpq-border));
  }
  .num {
    text-align: end;
    white-space: nowrap;
  }
  tbody tr.line > * {
    border-bottom: var(--cpq-quote-summary-border, 1px solid var(--_cpq-border));
  }
  .item-header th {
    font-weight: 600;
    padding-top: var(--_cpq-space-m);
  }
  tfoot th,
  tfoot td {
    font-weight: 600;
  }
  tfoot tr:last-child > * {
    border-top: var(--cpq-quote-summary-border, 1px solid var(--_cpq-border));
  }

  .disclosure {
    display: inline-flex;
    gap: var(--_cpq-space-xs);
    align-items: baseline;
    min-height: 2.75rem;
    padding: var(--_cpq-space-xs) 0;
    font: inherit;
    color: inherit;
    text-align: start;
    background: none;
    border: 0;
    cursor: pointer;
  }
  .disclosure .line-name {
    text-decoration: underline dotted;
    text-underline-offset: 0.2em;
  }
  /* The quantity before the name where the quantity column gives way. */
  .narrow-quantity {
    display: none;
  }
  .chevron {
    display: inline-block;
    width: 1em;
    color: var(--_cpq-text-muted);
  }

  .steps-row > td {
    padding: 0 var(--_cpq-space-s) var(--_cpq-space-s) calc(1em + var(--_cpq-space-s) + var(--_cpq-space-xs));
    border-bottom: var(--cpq-quote-summary-border, 1px solid var(--_cpq-border));
  }
  .steps {
    display: grid;
    gap: var(--_cpq-space-xs);
    padding: var(--_cpq-space-s) var(--_cpq-space-m);
    list-style: none;
    font-size: var(--_cpq-font-size-small);
    background: var(--_cpq-surface-subtle);
    border-radius: var(--_cpq-radius-small);
  }
  .step {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 var(--_cpq-space-m);
  }
  .step .amount {
    margin-inline-start: auto;
    white-space: nowrap;
  }
  .total-step {
    font-weight: 600;
  }
  .rule {
    flex-basis: 100%;
    color: var(--_cpq-text-muted);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  .change-status {
    white-space: nowrap;
  }

  /* A ramp's periods and an amendment's change (subscription.ts). */
  .ramp-table caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: var(--_cpq-space-xs);
  }
  .ramp-table tfoot th,
  .ramp-table tfoot td {
    font-weight: 700;
    border-top: var(--cpq-quote-summary-border, 1px solid var(--_cpq-border));
  }
  .amendment .totals {
    margin-top: var(--_cpq-space-s);
  }
  /* Under the item's name: what part of the term the change is charged for. */
  .amendment .hint {
    display: block;
    font-weight: 400;
    font-size: 0.9em;
    color: var(--_cpq-text-muted);
  }

  /* Totals. */
  .totals {
    display: grid;
    gap: var(--_cpq-space-xs);
    font-variant-numeric: tabular-nums;
  }
  .totals + .totals {
    margin-top: var(--_cpq-space-m);
    padding-top: var(--_cpq-space-s);
    border-top: var(--cpq-quote-summary-border, 1px solid var(--_cpq-border));
  }
  .totals div {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 var(--_cpq-space-m);
  }
  .totals dd {
    margin-inline-start: auto;
    white-space: nowrap;
  }
  .total {
    font-size: 1.25em;
    font-weight: 700;
    padding-top: var(--_cpq-space-xs);
    border-top: var(--cpq-quote-summary-border, 1px solid var(--_cpq-border));
  }
  .savings {
    font-weight: 600;
  }

  .rep {
    display: grid;
    gap: var(--_cpq-space-s);
    padding: var(--_cpq-space-m);
    border: 1px dashed var(--_cpq-border);
    border-radius: var(--_cpq-radius-small);
    background: var(--_cpq-surface-subtle);
  }
  .approvals {
    margin: 0;
    padding-inline-start: var(--_cpq-space-l);
  }
  .error {
    color: var(--_cpq-danger);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cpq-space-s);
  }
  /* Out of the layout while empty, but never display: none, so that what it says later is announced. */
  .status:empty {
    position: absolute;
  }

  /* Narrow: list price and term are in each line's waterfall. */
  @container (max-width: 34rem) {
    .summary {
      padding: var(--_cpq-space-m);
    }
    .wide {
      display: none;
    }
    .narrow-quantity {
      display: inline;
    }
    th,
    td {
      padding-inline: var(--_cpq-space-xs);
    }
    /* "€59.90 per month" may wrap between words; an amount itself does not (no spaces, or no-break ones). */
    .num {
      white-space: normal;
    }
    .actions .button {
      flex: 1 1 auto;
    }
  }

  @media print {
    :host,
    :host([theme]) {
      ${printed}
    }
  }
  /* The same on screen, for a page that shows a print preview. */
  :host([print-preview]) {
    ${printed}
  }
`;
