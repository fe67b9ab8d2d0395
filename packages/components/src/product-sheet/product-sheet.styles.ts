import { css } from 'lit';

/**
 * `<product-sheet>` styles. Component properties (`--cpq-product-sheet-*`) are
 * read with a fallback to the global tokens, so they work wherever they are set.
 */
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }

  .sheet,
  .empty,
  .error {
    background: var(--cpq-product-sheet-background, var(--_cpq-surface));
    border: var(--cpq-product-sheet-border, 1px solid var(--_cpq-border));
    border-radius: var(--cpq-product-sheet-radius, var(--_cpq-radius));
    padding: var(--cpq-product-sheet-padding, var(--_cpq-space-l));
  }

  .empty,
  .error {
    margin: 0;
    color: var(--_cpq-text-muted);
  }
  .error {
    color: var(--_cpq-danger);
  }

  .header {
    display: grid;
    gap: var(--_cpq-space-s);
  }
  .header .image {
    max-width: 100%;
    max-height: var(--cpq-product-sheet-image-height, 16rem);
    object-fit: contain;
    justify-self: start;
    border-radius: var(--_cpq-radius-small);
  }
  .name {
    font-size: 1.5em;
    line-height: 1.25;
    font-weight: 650;
  }
  .description,
  .section-description,
  .attribute-description,
  .option-description,
  .spec-description {
    color: var(--_cpq-text-muted);
  }
  /*
   * Catalog texts: a word longer than the line (a URL, a part number, a German
   * compound) breaks rather than widening the sheet past a phone's screen.
   */
  .name,
  .description,
  .section-name,
  .section-description,
  .attribute-name,
  .attribute-description {
    overflow-wrap: anywhere;
  }

  /* Product specifications */
  .product-specs {
    margin-block-start: var(--_cpq-space-l);
    border-collapse: collapse;
    width: 100%;
  }
  .product-specs caption {
    text-align: start;
    font-weight: 650;
    font-size: 1.125em;
    padding-block-end: var(--_cpq-space-s);
  }
  .product-specs th,
  .product-specs td {
    text-align: start;
    vertical-align: top;
    padding: var(--_cpq-space-xs) var(--_cpq-space-s);
    border-block-start: 1px solid var(--_cpq-border);
  }
  .product-specs tr:last-child > * {
    border-block-end: 1px solid var(--_cpq-border);
  }
  .product-specs th {
    font-weight: 600;
    width: 40%;
  }
  .spec-description {
    display: block;
    font-weight: normal;
    font-size: var(--_cpq-font-size-small);
  }

  /* Sections and attributes */
  .section {
    margin-block-start: var(--_cpq-space-xl);
  }
  .section-name {
    font-size: 1.25em;
    line-height: 1.3;
    font-weight: 650;
    padding-block-end: var(--_cpq-space-xs);
    border-block-end: 1px solid var(--_cpq-border);
  }
  .section-description {
    margin-block-start: var(--_cpq-space-s);
  }
  .attribute {
    margin-block-start: var(--_cpq-space-l);
  }
  .attribute-name {
    font-size: 1em;
    font-weight: 650;
  }
  .attribute-kind {
    font-size: var(--_cpq-font-size-small);
    color: var(--_cpq-text-muted);
  }
  .attribute-description {
    margin-block-start: var(--_cpq-space-xs);
  }
  .attribute-image,
  .option-image {
    width: var(--cpq-product-sheet-thumbnail-size, 4rem);
    height: var(--cpq-product-sheet-thumbnail-size, 4rem);
    object-fit: contain;
    border-radius: var(--_cpq-radius-small);
  }
  .attribute-image {
    float: inline-end;
    margin-inline-start: var(--_cpq-space-m);
  }
  .attribute::after {
    content: '';
    display: table;
    clear: both;
  }
  .attribute-facts {
    margin-block-start: var(--_cpq-space-s);
    font-size: var(--_cpq-font-size-small);
  }

  /* Options */
  .options {
    list-style: none;
    padding: 0;
    margin-block-start: var(--_cpq-space-s);
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--cpq-product-sheet-option-width, 16rem)), 1fr));
    gap: var(--_cpq-space-s);
  }
  .option {
    display: flex;
    gap: var(--_cpq-space-m);
    align-items: flex-start;
    /* A grid item: never wider than its column, whatever its content (#17 defect 6). */
    min-width: 0;
    padding: var(--_cpq-space-s) var(--_cpq-space-m);
    border: 1px solid var(--_cpq-border);
    border-radius: var(--_cpq-radius-small);
    background: var(--_cpq-surface-subtle);
  }
  .option-body {
    flex: 1;
    min-width: 0;
    /* A word longer than the card (a URL, a German compound) breaks rather than spills. */
    overflow-wrap: break-word;
  }
  .option-name {
    font-weight: 600;
  }
  .default-badge {
    display: inline-block;
    margin-inline-start: var(--_cpq-space-s);
    padding: 0 var(--_cpq-space-s);
    border: 1px solid var(--cpq-product-sheet-badge-color, var(--_cpq-accent));
    border-radius: 999px;
    color: var(--cpq-product-sheet-badge-color, var(--_cpq-accent));
    font-size: var(--_cpq-font-size-small);
    font-weight: 600;
    vertical-align: 0.1em;
    line-height: 1.4;
  }

  /* Specs of options, add-ons and units */
  /*
   * Names beside values. A name takes the width it needs but no more than leaves
   * the value its own (min-content; values such as "1 h" do not break): in a
   * narrow card a long name wraps, and the value stays inside the card.
   */
  .specs {
    display: grid;
    grid-template-columns: minmax(min-content, max-content) minmax(min-content, 1fr);
    gap: 0 var(--_cpq-space-m);
    margin-block-start: var(--_cpq-space-xs);
    font-size: var(--_cpq-font-size-small);
  }
  .specs-caption {
    margin-block-start: var(--_cpq-space-s);
    font-size: var(--_cpq-font-size-small);
    font-weight: 600;
  }
  .spec {
    display: contents;
  }
  .spec-name {
    color: var(--_cpq-text-muted);
  }
  .spec-value {
    margin: 0;
  }

  @container (max-width: 30rem) {
    .option {
      flex-direction: column;
    }
    .product-specs th {
      width: auto;
    }
  }
`;
