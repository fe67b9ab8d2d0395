import { css } from 'lit';

/** A small data table that takes its box's width and wraps long values rather than scroll: `class="plain-table"`. */
export const plainTable = css`
  .plain-table {
    width: 100%;
    border-collapse: collapse;
    overflow-wrap: anywhere;
  }
  .plain-table th,
  .plain-table td {
    text-align: start;
    vertical-align: top;
    padding: var(--_cpq-space-xs) var(--_cpq-space-s);
    border-bottom: 1px solid var(--_cpq-border);
  }
  .plain-table thead th {
    border-bottom-width: 2px;
  }
  .plain-table tbody th {
    font-weight: normal;
  }
`;
