import { css, html, type TemplateResult } from 'lit';
import type { LocalText, SpecValue } from '@cpq-kit/engine';
import type { LocalizeController, Translation } from './localize.js';

/** What these helpers say: any element's controller that has these texts. */
type Says = LocalizeController<Pick<Translation, 'yes' | 'no'>>;

/** Units written right after the number, without a space: 120°, 4×. */
const ATTACHED_UNITS = new Set(['°', '×', '′', '″']);

/**
 * A number in the reader's format with its unit (already localised): `1,250.5 W`,
 * `99,9 %`, `120°`; with `signDisplay`, a difference such as `+21 in`.
 */
export function numberWithUnit(localize: Says, value: number, unit: string, options: { signDisplay?: 'exceptZero' } = {}): string {
  // Percent spacing differs by language (99.9% but 99,9 %): Intl knows it.
  if (unit === '%') return localize.number(value, { style: 'unit', unit: 'percent', maximumFractionDigits: 20, ...options });
  const number = options.signDisplay ? localize.number(value, { maximumFractionDigits: 20, ...options }) : localize.number(value);
  if (!unit) return number;
  return ATTACHED_UNITS.has(unit) ? `${number}${unit}` : `${number}\u00a0${unit}`;
}

/** The styles of {@link yesNoMark}'s marks, for an element's `static styles`. */
export const markStyles = css`
  .mark {
    font-weight: 700;
  }
  .mark-yes {
    color: var(--_cpq-success);
  }
  .mark-no {
    color: var(--_cpq-text-muted);
  }
`;

/** A yes/no as a mark, with the words for assistive technology (the mark itself is hidden from it). */
export function yesNoMark(value: boolean, words: string): TemplateResult {
  const mark = value ? 'mark mark-yes' : 'mark mark-no';
  return html`<span part=${mark} class=${mark} aria-hidden="true">${value ? '✓' : '✕'}</span><span class="visually-hidden">${words}</span>`;
}

/**
 * A spec value for reading: a number in the reader's format with its unit, a text
 * in the reader's language, a yes/no as a mark plus words for assistive technology.
 * Catalog text stays text.
 */
export function specValue(localize: Says, value: SpecValue, unit: LocalText | undefined, fallbackLocale: string | undefined): TemplateResult | string {
  if (typeof value === 'boolean') return yesNoMark(value, localize.term(value ? 'yes' : 'no'));
  if (typeof value !== 'number') return localize.text(value, fallbackLocale);
  return numberWithUnit(localize, value, localize.text(unit, fallbackLocale));
}
