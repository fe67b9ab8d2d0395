import { css, unsafeCSS } from 'lit';

/**
 * The global design tokens, shared by every element.
 *
 * A page themes all cpq-kit elements at once by setting `--cpq-*` custom
 * properties anywhere above them (`:root`, a wrapper, the element itself):
 *
 * ```css
 * :root { --cpq-color-accent: #b00020; --cpq-font-family: inherit; }
 * ```
 *
 * Themes: `light` is the default; `theme="dark"` switches to the dark palette;
 * `theme="auto"` follows the reader's system setting (`prefers-color-scheme`).
 * Colour tokens are resolved with `light-dark()`, so one value can serve both
 * themes: `--cpq-color-accent: light-dark(#b00020, #ff8a80)`. A plain colour
 * applies to both themes.
 *
 * Inside the shadow roots the elements read private copies (`--_cpq-*`) that
 * fall back to the defaults below, so a page's token set on `:root` is never
 * overridden by a `:host` rule.
 */

/** Colour tokens, `--cpq-color-<name>`: [light, dark]. Text pairs meet WCAG AA (4.5:1) on both surfaces. */
const colors = {
  text: ['#1f2328', '#e6edf3'],
  'text-muted': ['#59636e', '#9198a1'],
  surface: ['#ffffff', '#0d1117'],
  'surface-subtle': ['#f6f8fa', '#151b23'],
  border: ['#d1d9e0', '#3d444d'],
  accent: ['#0969da', '#4493f8'],
  success: ['#1a7f37', '#3fb950'],
  danger: ['#cf222e', '#f85149'],
  'focus-ring': ['#0969da', '#4493f8'],
} as const satisfies Record<string, readonly [string, string]>;

/** Other tokens, `--cpq-<name>`, with their defaults. */
const others = {
  'font-family': `system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif`,
  'font-size': '1rem',
  'font-size-small': '0.875em',
  'line-height': '1.5',
  'radius': '0.5rem',
  'radius-small': '0.25rem',
  'space-xs': '0.25rem',
  'space-s': '0.5rem',
  'space-m': '1rem',
  'space-l': '1.5rem',
  'space-xl': '2rem',
  'focus-ring-width': '2px',
  'focus-ring-offset': '2px',
} as const;

type Pick = (pair: readonly [string, string]) => string;

/** The private copies of the colour tokens, each falling back to the default from `pick`. */
const colorDeclarations = (pick: Pick): string =>
  Object.entries(colors)
    .map(([name, pair]) => `--_cpq-${name}: var(--cpq-color-${name}, ${pick(pair)});`)
    .join('\n');

const otherDeclarations = Object.entries(others)
  .map(([name, value]) => `--_cpq-${name}: var(--cpq-${name}, ${value});`)
  .join('\n');

const light: Pick = ([value]) => value;
const dark: Pick = ([, value]) => value;

/** The tokens for `static styles`; every element includes them first. (Built from constants only.) */
export const tokens = css`
  :host {
    ${unsafeCSS(colorDeclarations(([l, d]) => `light-dark(${l}, ${d})`))}
    ${unsafeCSS(otherDeclarations)}
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  /* Browsers before light-dark() (Safari < 17.5): the same palettes by attribute and media query. */
  @supports not (color: light-dark(#000, #fff)) {
    :host {
      ${unsafeCSS(colorDeclarations(light))}
    }
    :host([theme='dark']) {
      ${unsafeCSS(colorDeclarations(dark))}
    }
    @media (prefers-color-scheme: dark) {
      :host([theme='auto']) {
        ${unsafeCSS(colorDeclarations(dark))}
      }
    }
  }
`;

/**
 * What every element needs whatever the page around it does: inherited text
 * properties reset (a foreign page's `text-align: center` or `letter-spacing`
 * must not leak in), `hidden` honoured, and a visually hidden helper for text
 * that only assistive technology should read.
 */
export const base = css`
  :host {
    box-sizing: border-box;
    color: var(--_cpq-text);
    font-family: var(--_cpq-font-family);
    font-size: var(--_cpq-font-size);
    font-style: normal;
    font-weight: normal;
    letter-spacing: normal;
    line-height: var(--_cpq-line-height);
    text-align: start;
    text-indent: 0;
    text-transform: none;
    white-space: normal;
    word-spacing: normal;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_cpq-focus-ring-width) solid var(--_cpq-focus-ring);
    outline-offset: var(--_cpq-focus-ring-offset);
  }
  /* Elements own their spacing: no user-agent margins on text blocks. */
  h1,
  h2,
  h3,
  h4,
  h5,
  h6,
  p,
  ul,
  ol,
  dl,
  dd,
  figure,
  table,
  fieldset {
    margin: 0;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
`;

/** The elements' own buttons: plain, primary, disabled; at least 44 px high (touch). */
export const buttons = css`
  .button {
    min-height: 2.75rem;
    padding: 0 var(--_cpq-space-m);
    font: inherit;
    color: var(--_cpq-text);
    background: var(--_cpq-surface);
    border: 1px solid var(--_cpq-border);
    border-radius: var(--_cpq-radius-small);
    cursor: pointer;
  }
  .button.primary {
    color: var(--_cpq-surface);
    background: var(--_cpq-accent);
    border-color: var(--_cpq-accent);
    font-weight: 600;
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
`;
