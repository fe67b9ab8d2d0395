import type { Decision, Explanation, LocalText } from '@cpq-kit/engine';
import type { LocalizeController } from '../internal/localize.js';
import type { productConfigurator } from '../translations/en/product-configurator.js';
import type { ConfiguratorModel } from './configurator-model.js';

/**
 * What the render helpers of the configurator's regions (the attribute rows, the
 * conflict panel, the summary with its actions) get from the element: its model and
 * UI state to read, and its actions to call. The element makes one and keeps it; the
 * helpers hold no state of their own, so a region renders the same as when it was a
 * method of the element.
 */
export interface ConfiguratorView {
  readonly t: LocalizeController<typeof productConfigurator>;
  /** The loaded product (the regions render only when there is one). */
  readonly model: ConfiguratorModel;
  /** The element's id prefix, unique in the page: ids of headings, radio groups, descriptions. */
  readonly id: string;
  /** The level of the product name's heading (`heading-level`). */
  readonly headingLevel: number;
  /** Explanations' code and the conflict panel, once loaded (on the first conflict). */
  readonly explanations: typeof import('./explanations.js') | undefined;
  /** The explanation shown after the buyer chose an unavailable value. */
  readonly conflict: Explanation | undefined;
  /** The repair just made, whose note offers Undo. */
  readonly repaired: Explanation | undefined;
  /** Whether the share link was copied. */
  readonly shared: boolean;
  /** Whether a quote was asked for while choices were open. */
  readonly incompleteNotice: boolean;

  /** A choice by the buyer: taken when possible, else explained. */
  choose(decision: Decision): void;
  deselect(attribute: string, option?: string): void;
  /**
   * Works out why an unavailable value is unavailable, for a large product whose reasons
   * are not worked out as they are shown (see ConfiguratorModel.reason): when focus reaches
   * it. `describedBy`: the id of the text that will say it.
   */
  describe(decision: Decision, describedBy: string): void;
  /** Applies the repair of the conflict shown. */
  repair(): void;
  /** Closes the conflict shown without changing anything. */
  keepSelections(): void;
  /** Undoes the repair whose note is shown. */
  undoRepair(): void;
  requestQuote(): void;
  share(): void;
  handoff(to: 'expert' | 'reseller'): void;
  completeWithDefaults(): void;
  undo(): void;
  startOver(): void;
}

/** A catalog text in the reader's language, falling back to the catalog's default locale. */
export function text(view: Pick<ConfiguratorView, 't' | 'model'>, value: LocalText | undefined): string {
  return view.t.text(value, view.model.catalog.defaultLocale);
}
