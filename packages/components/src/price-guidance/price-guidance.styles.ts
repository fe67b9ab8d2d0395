import { css } from 'lit';

/** `<price-guidance>` styles: the scale on top, then the values as text. */
export const styles = css`
  :host {
    display: block;
  }
  .guidance {
    display: grid;
    gap: var(--_cpq-space-s);
    padding: var(--_cpq-space-m);
    border-radius: var(--_cpq-radius);
    /* Its own surface: in the dark theme the texts would otherwise sit on the page's light background. */
    background: var(--cpq-price-guidance-background, var(--_cpq-surface));
  }
  .heading {
    margin: 0;
    font-size: 1.125em;
  }
  p {
    margin: 0;
  }

  /* The scale: a line, the band from floor to stretch, ticks, and the quote's marker (a triangle over a line). */
  .graphic {
    position: relative;
    block-size: 2.5rem;
    margin-block: var(--_cpq-space-xs) calc(var(--_cpq-space-xs) + 1.4em);
    border-block-end: 1px solid var(--_cpq-border);
  }
  /* The scale: each point's share of list, centred under its tick. */
  .label {
    position: absolute;
    inset-block-start: calc(100% + 0.2em);
    translate: -50% 0;
    font-size: 0.8em;
    color: var(--_cpq-text-muted, inherit);
    white-space: nowrap;
  }
  :host(:dir(rtl)) .label {
    translate: 50% 0;
  }
  .range {
    position: absolute;
    inset-block: 0.75rem 0;
    background: var(--cpq-price-guidance-band-color, color-mix(in srgb, var(--_cpq-accent) 25%, transparent));
  }
  .tick {
    position: absolute;
    inset-block: 0.5rem 0;
    inline-size: 2px;
    margin-inline-start: -1px;
    background: var(--_cpq-accent);
  }
  .tick.target {
    inline-size: 3px;
  }
  .marker {
    position: absolute;
    inset-block: 0 0;
    inline-size: 2px;
    margin-inline-start: -1px;
    background: var(--cpq-price-guidance-marker-color, var(--_cpq-text));
  }
  .marker::before {
    content: '';
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: -0.4rem;
    border: 0.4rem solid transparent;
    border-block-start: 0.6rem solid var(--cpq-price-guidance-marker-color, var(--_cpq-text));
  }

  .position {
    font-weight: 600;
  }
  .approval {
    font-weight: 600;
    color: var(--_cpq-danger);
  }
  .band {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: var(--_cpq-space-s);
    margin: 0;
  }
  .point {
    padding: var(--_cpq-space-xs) var(--_cpq-space-s);
    border: 1px solid var(--_cpq-border);
    border-radius: var(--_cpq-radius-small);
  }
  .point.target {
    border-width: 2px;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_cpq-space-s);
  }
  .amount {
    font-variant-numeric: tabular-nums;
  }
  .note,
  .source {
    color: var(--_cpq-text-muted);
    font-size: var(--_cpq-font-size-small);
  }
  .note {
    flex-basis: 100%;
  }
  .win-curve caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: var(--_cpq-space-xs);
  }
  .empty {
    color: var(--_cpq-text-muted);
  }
  .error {
    color: var(--_cpq-danger);
  }
`;
