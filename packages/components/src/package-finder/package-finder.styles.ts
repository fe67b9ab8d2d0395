import { css } from 'lit';

/**
 * `<package-finder>` styles. The layout follows the element's own width (container
 * queries): below 30rem one question shows at a time, with Back and Next.
 */
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .finder {
    display: grid;
    gap: var(--_cpq-space-m);
    padding: var(--_cpq-space-m);
    border-radius: var(--_cpq-radius);
    /* Its own surface: in the dark theme the texts would otherwise sit on the page's light background. */
    background: var(--cpq-package-finder-background, var(--_cpq-surface));
  }
  form,
  .results {
    display: grid;
    gap: var(--_cpq-space-m);
  }
  fieldset {
    border: 1px solid var(--_cpq-border);
    border-radius: var(--_cpq-radius-small);
    padding: var(--_cpq-space-s) var(--_cpq-space-m) var(--_cpq-space-m);
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 var(--_cpq-space-xs);
  }
  .description {
    color: var(--_cpq-text-muted);
    margin-block-end: var(--_cpq-space-xs);
  }
  .required {
    color: var(--_cpq-text-muted);
    font-weight: normal;
  }
  .choice {
    display: flex;
    gap: var(--_cpq-space-s);
    align-items: center;
    min-height: 2.75rem;
  }
  .choice input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_cpq-accent);
  }
  .number {
    display: flex;
    gap: var(--_cpq-space-s);
    align-items: center;
  }
  .number input {
    font: inherit;
    color: inherit;
    background: var(--_cpq-surface);
    min-height: 2.75rem;
    width: 8rem;
    padding: 0 var(--_cpq-space-s);
    border: 1px solid var(--_cpq-border);
    border-radius: var(--_cpq-radius-small);
  }
  .field-error {
    color: var(--_cpq-danger);
    margin-block-start: var(--_cpq-space-xs);
  }
  .actions,
  .step-nav {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cpq-space-s);
    align-items: center;
  }
  .step-nav,
  .step-count {
    display: none;
  }
  ol {
    list-style: none;
    padding: 0;
    display: grid;
    gap: var(--_cpq-space-m);
  }
  .package {
    display: grid;
    gap: var(--_cpq-space-xs);
    padding: var(--_cpq-space-m);
    border: 1px solid var(--_cpq-border);
    border-radius: var(--_cpq-radius);
  }
  .package.best {
    border: 2px solid var(--_cpq-accent);
  }
  .badge {
    justify-self: start;
    font-size: 0.875em;
    font-weight: 600;
    padding: 0 var(--_cpq-space-xs);
    border: 1px solid currentColor;
    border-radius: var(--_cpq-radius-small);
  }
  .badge.meets {
    color: var(--_cpq-success);
  }
  .price strong {
    font-size: 1.25em;
  }
  .misses {
    display: block;
    padding-inline-start: var(--_cpq-space-m);
    list-style: disc;
  }
  .triage,
  .error {
    padding: var(--_cpq-space-m);
    border: 1px solid var(--_cpq-border);
    border-radius: var(--_cpq-radius);
  }
  .error {
    color: var(--_cpq-danger);
  }
  .empty {
    color: var(--_cpq-text-muted);
  }

  /* The differences: a plain table whose columns share the width equally and wrap long values, so it never scrolls. */
  .differences {
    display: grid;
    gap: var(--_cpq-space-s);
  }
  .differences-table {
    table-layout: fixed;
  }
  .best-mark {
    display: inline-block;
    font-size: var(--_cpq-font-size-small);
    font-weight: 600;
    color: var(--_cpq-success);
  }
  .differences-list {
    display: none;
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .differences-list > li {
    padding: var(--_cpq-space-s) 0;
    border-bottom: 1px solid var(--_cpq-border);
  }
  .difference-name {
    font-weight: 600;
  }
  .differences-list dl {
    display: grid;
    gap: var(--_cpq-space-xs);
    margin: var(--_cpq-space-xs) 0 0;
  }
  .differences-list dl > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_cpq-space-s);
    overflow-wrap: anywhere;
  }
  .differences-list dt {
    color: var(--_cpq-text-muted);
  }
  .differences-list dt::after {
    content: ':';
  }
  .differences-list dd {
    margin: 0;
  }

  /* Narrow: one question per step. */
  @container (width < 30rem) {
    .finder {
      padding: var(--_cpq-space-s);
    }
    .question:not(.current) {
      display: none;
    }
    .step-nav,
    .step-count {
      display: flex;
    }
    form:not(.last-step) .submit {
      display: none;
    }
    /* The differences package by package: no column is ever out of reach. */
    .differences-table {
      display: none;
    }
    .differences-list {
      display: block;
    }
  }
`;
