import { html, type TemplateResult } from 'lit';
import type { ChosenValue, Row } from '@cpq-kit/engine';
import type { LocalizeController, Translation } from './localize.js';
import { specValue, yesNoMark } from './spec-value.js';

/** What these helpers say: any element's controller that has these texts. */
type Says = LocalizeController<Pick<Translation, 'yes' | 'no' | 'none' | 'included' | 'notIncluded' | 'notAvailable' | 'notStated'>>;

/**
 * One item's value in a row of the engine's `compare()`, for reading: a spec as
 * `specValue` writes it, a choice by its option names, an add-on as included or not,
 * a quantity as a number; a value the item lacks as a dash with words for assistive
 * technology. Catalog text stays text.
 */
export function rowValue(localize: Says, row: Row, index: number, fallbackLocale: string | undefined): TemplateResult | string {
  if (row.kind === 'spec') {
    const value = row.values[index];
    return value === undefined ? missing(localize, 'notStated') : specValue(localize, value, row.unit, fallbackLocale);
  }
  return chosenValue(localize, row.values[index], fallbackLocale);
}

function chosenValue(localize: Says, value: ChosenValue | undefined, fallbackLocale: string | undefined): TemplateResult | string {
  if (value === undefined) return missing(localize, 'notAvailable');
  switch (value.kind) {
    case 'single':
      return value.option ? localize.text(value.option.name, fallbackLocale) : localize.term('none');
    case 'multiple':
      return value.options.length === 0
        ? localize.term('none')
        : new Intl.ListFormat(localize.lang(), { type: 'unit' }).format(value.options.map((o) => localize.text(o.name, fallbackLocale)));
    case 'boolean':
      return yesNoMark(value.on, localize.term(value.on ? 'included' : 'notIncluded'));
    case 'quantity':
      return localize.number(value.quantity);
  }
}

function missing(localize: Says, words: 'notAvailable' | 'notStated'): TemplateResult {
  return html`<span class="missing" aria-hidden="true">—</span><span class="visually-hidden">${localize.term(words)}</span>`;
}
