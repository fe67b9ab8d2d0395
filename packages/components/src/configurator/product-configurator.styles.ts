import { css } from 'lit';

/**
 * `<product-configurator>` styles. The layout follows the element's own width
 * (container queries), not the window's: it may sit in a narrow column of a wide page.
 * Touch targets are at least 44 px high.
 */
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }

  ul {
    padding: 0;
    list-style: none;
  }
  fieldset {
    border: 0;
    padding: 0;
    min-width: 0;
  }

  .empty,
  .loading,
  .error {
    padding: var(--_cpq-space-l);
    border: 1px solid var(--_cpq-border);
    border-radius: var(--_cpq-radius);
    background: var(--_cpq-surface);
    color: var(--_cpq-text-muted);
  }
  .error {
    color: var(--_cpq-danger);
  }
  /* The detail of an error: the engine's or the network's English, folded away. */
  .error-details {
    margin-block-start: var(--_cpq-space-s);
    color: var(--_cpq-text-muted);
    font-size: var(--_cpq-font-size-small);
  }
  .error-details ul {
    margin: var(--_cpq-space-xs) 0 0;
    overflow-wrap: anywhere;
  }

  .configurator {
    /* Its own surface: in the dark theme the texts would otherwise sit on the page's light background. */
    background: var(--_cpq-surface);
    display: grid;
    gap: var(--_cpq-space-l);
    align-items: start;
  }
  @container (min-width: 48rem) {
    .configurator {
      grid-template-columns: minmax(0, 1fr) var(--cpq-configurator-summary-width, 20rem);
    }
    /*
     * Never taller than the screen, so that the total and the quote request stay in sight:
     * the recommendations give way first (they scroll in their box), then the summary
     * scrolls as a whole on a very short screen.
     */
    .configurator .summary {
      position: sticky;
      top: var(--cpq-configurator-sticky-top, 0);
      display: flex;
      flex-direction: column;
      max-height: calc(100dvh - var(--cpq-configurator-sticky-top, 0px));
      overflow-y: auto;
    }
    .configurator .summary > * {
      flex-shrink: 0;
    }
    .configurator .summary > .recommendations {
      flex-shrink: 1;
      min-height: 6rem;
      overflow-y: auto;
    }
  }

  .main {
    display: grid;
    gap: var(--_cpq-space-l);
  }
  .header {
    display: grid;
    gap: var(--_cpq-space-s);
  }
  .image {
    max-width: 100%;
    max-height: 12rem;
    object-fit: contain;
    justify-self: start;
  }
  .name {
    font-size: 1.5em;
    line-height: 1.25;
    font-weight: 650;
  }
  .description,
  .attribute-hint,
  .option-description,
  .option-reason,
  .status {
    color: var(--_cpq-text-muted);
  }
  /*
   * Catalog texts: a word longer than the line (a URL, a part number, a German
   * compound) breaks rather than spilling out of its option card (four to a row on a
   * desktop) or widening the configurator past a phone's screen.
   */
  .name,
  .description,
  .section-name,
  .attribute-name,
  .attribute-hint,
  .option-name,
  .option-description,
  .option-reason,
  .reason {
    overflow-wrap: anywhere;
  }

  .section {
    display: grid;
    gap: var(--_cpq-space-m);
    padding-top: var(--_cpq-space-m);
    border-top: 1px solid var(--_cpq-border);
  }
  /* A long product's rows in blocks (AttributeWindow): spaced as the section's own rows. */
  .block {
    display: grid;
    gap: var(--_cpq-space-m);
  }
  .section-name,
  .summary-name {
    font-size: 1.15em;
    font-weight: 650;
  }
  .attribute {
    display: grid;
    gap: var(--_cpq-space-s);
    /* Products with hundreds of attributes: the browser lays out and paints only those in view. */
    content-visibility: auto;
    contain-intrinsic-size: auto 6rem;
  }
  .attribute-name {
    font-weight: 600;
    padding: 0;
  }
  .attribute-hint {
    font-size: var(--_cpq-font-size-small);
  }

  /*
   * Cards wide enough that a description reads in a few lines (three to a row beside the
   * summary on a laptop), and an attribute with fewer options than fit in a row shares
   * the row among them instead of leaving empty columns (auto-fit).
   */
  .options {
    display: grid;
    gap: var(--_cpq-space-s);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--cpq-configurator-option-width, 15rem)), 1fr));
  }
  /* Four options: two rows of two where three would fit, not three and a lonely one. */
  .options:has(> :nth-child(4):last-child) {
    grid-template-columns: repeat(
      auto-fit,
      minmax(min(100%, max(var(--cpq-configurator-option-width, 15rem), calc(50% - var(--_cpq-space-s)))), 1fr)
    );
  }
  .option {
    display: flex;
    gap: var(--_cpq-space-s);
    align-items: flex-start;
    min-height: 2.75rem;
    padding: var(--_cpq-space-s) var(--_cpq-space-m);
    border: 1px solid var(--_cpq-border);
    border-radius: var(--_cpq-radius);
    background: var(--_cpq-surface);
    cursor: pointer;
  }
  .option:has(input:checked) {
    border-color: var(--_cpq-accent);
    box-shadow: inset 0 0 0 1px var(--_cpq-accent);
  }
  .option:has(input:focus-visible) {
    outline: var(--_cpq-focus-ring-width) solid var(--_cpq-focus-ring);
    outline-offset: var(--_cpq-focus-ring-offset);
  }
  .option input {
    margin: 0.2em 0 0;
    width: 1.25rem;
    height: 1.25rem;
    flex: none;
    accent-color: var(--_cpq-accent);
  }
  .option input:focus-visible {
    outline: none;
  }
  .option-image {
    width: 3rem;
    height: 3rem;
    object-fit: contain;
    flex: none;
  }
  .option-body {
    display: grid;
    gap: 0.125rem;
  }
  .option-name {
    font-weight: 550;
  }
  .option-description,
  .option-reason {
    font-size: var(--_cpq-font-size-small);
  }
  /* Unavailable: struck through and muted, and said in words by the badge, not by colour alone. */
  .unavailable .option-name,
  .switch.unavailable .attribute-name {
    color: var(--_cpq-text-muted);
  }
  .option.unavailable {
    border-style: dashed;
    background: var(--_cpq-surface-subtle);
  }

  .badge {
    justify-self: start;
    font-size: var(--_cpq-font-size-small);
    padding: 0 var(--_cpq-space-xs);
    border: 1px solid currentColor;
    border-radius: var(--_cpq-radius-small);
    color: var(--_cpq-text-muted);
  }
  .delta {
    font-size: var(--_cpq-font-size-small);
    font-variant-numeric: tabular-nums;
  }

  .select,
  .stepper input {
    min-height: 2.75rem;
    padding: 0 var(--_cpq-space-s);
    font: inherit;
    color: inherit;
    background: var(--_cpq-surface);
    border: 1px solid var(--_cpq-border);
    border-radius: var(--_cpq-radius-small);
  }
  .select {
    max-width: 100%;
  }
  .stepper {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_cpq-space-s);
  }
  .stepper input {
    width: 6rem;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }

  .switch {
    display: flex;
    align-items: center;
    gap: var(--_cpq-space-s);
    min-height: 2.75rem;
    cursor: pointer;
    font-weight: 600;
    flex-wrap: wrap;
  }
  .switch input {
    position: absolute;
    opacity: 0;
    width: 2.75rem;
    height: 1.5rem;
    margin: 0;
  }
  .switch-track {
    position: relative;
    width: 2.75rem;
    height: 1.5rem;
    flex: none;
    border-radius: 0.75rem;
    background: var(--_cpq-border);
    transition: background 0.15s;
  }
  .switch-track::after {
    content: '';
    position: absolute;
    top: 0.1875rem;
    left: 0.1875rem;
    width: 1.125rem;
    height: 1.125rem;
    border-radius: 50%;
    background: var(--_cpq-surface);
    transition: transform 0.15s;
  }
  .switch input:checked + .switch-track {
    background: var(--_cpq-accent);
  }
  .switch input:checked + .switch-track::after {
    transform: translateX(1.25rem);
  }
  .switch input:focus-visible + .switch-track {
    outline: var(--_cpq-focus-ring-width) solid var(--_cpq-focus-ring);
    outline-offset: var(--_cpq-focus-ring-offset);
  }
  @media (prefers-reduced-motion: reduce) {
    .switch-track,
    .switch-track::after {
      transition: none;
    }
  }

  .conflict,
  .notice,
  .repaired {
    display: grid;
    gap: var(--_cpq-space-s);
    padding: var(--_cpq-space-m);
    border-radius: var(--_cpq-radius);
    border: 1px solid var(--_cpq-border);
    border-inline-start: 4px solid var(--_cpq-danger);
    background: var(--_cpq-surface-subtle);
  }
  .repaired,
  .notice {
    border-inline-start-color: var(--_cpq-accent);
  }
  .repaired {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
  }
  .conflict-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cpq-space-s);
  }

  .button.step {
    min-width: 2.75rem;
    padding: 0;
    font-size: 1.25em;
  }

  .summary {
    display: grid;
    gap: var(--_cpq-space-m);
    padding: var(--_cpq-space-l);
    border: 1px solid var(--_cpq-border);
    border-radius: var(--_cpq-radius);
    background: var(--_cpq-surface);
  }
  .totals {
    display: grid;
    gap: var(--_cpq-space-xs);
  }
  .totals div {
    display: flex;
    justify-content: space-between;
    gap: var(--_cpq-space-m);
  }
  .totals dd {
    font-variant-numeric: tabular-nums;
  }
  .total {
    font-size: 1.25em;
    font-weight: 700;
    padding-top: var(--_cpq-space-xs);
    border-top: 1px solid var(--_cpq-border);
  }
  .recommendations ul {
    display: grid;
    gap: var(--_cpq-space-s);
  }
  .recommendations li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_cpq-space-s);
  }
  .recommendations-title {
    font-weight: 600;
  }
  .actions {
    display: grid;
    gap: var(--_cpq-space-s);
  }
  /* The open choices, and beside them the action that completes them. */
  .status-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0 var(--_cpq-space-s);
  }
  /* Complete: nothing to complete, so not shown, unless the buyer is on it (focus stays where Enter left it). */
  .status-row [data-action='complete'][aria-disabled='true']:not(:focus) {
    display: none;
  }
  .edit-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_cpq-space-m);
  }
  /* Text buttons: lighter than the outlined ones, still 44 px targets. */
  .button.quiet {
    min-width: 2.75rem;
    padding-inline: 0;
    border-color: transparent;
    background: transparent;
    color: var(--_cpq-accent);
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .button.quiet[aria-disabled='true'] {
    color: var(--_cpq-text-muted);
    text-decoration: none;
  }
  .price-problem {
    color: var(--_cpq-danger);
    font-size: var(--_cpq-font-size-small);
  }

  /* Narrow (a phone, or a narrow column): one column, and the total always in sight. */
  .price-bar {
    display: none;
  }
  @container (max-width: 30rem) {
    .price-bar {
      display: flex;
      justify-content: space-between;
      position: sticky;
      bottom: 0;
      padding: var(--_cpq-space-s) var(--_cpq-space-m);
      background: var(--_cpq-surface);
      border-top: 1px solid var(--_cpq-border);
      box-shadow: 0 -2px 8px rgb(0 0 0 / 0.08);
    }
    /* The summary's own total is on screen: the bar would only repeat it (see PriceBar). */
    .price-bar[data-summary-shown] {
      visibility: hidden;
    }
    .summary {
      padding: var(--_cpq-space-m);
    }
  }
`;
