import { html, nothing, type TemplateResult } from 'lit';
import { chargeTotals, grandTotalLabel } from '../internal/charge-totals.js';
import { heading } from '../internal/heading.js';
import { delta } from './attribute-rows.js';
import { text, type ConfiguratorView } from './view.js';
import { decisionName, priceProblemText } from './words.js';

/**
 * The summary beside the options (below them on narrow screens): the open choices, the
 * totals, the catalog's recommendations that apply, and the actions bar; then the sticky
 * price bar of narrow screens (kept out of the way by PriceBar).
 */
export function summary(view: ConfiguratorView): TemplateResult {
  const { t, model } = view;
  const open = model.openChoices;
  const { breakdown, problems } = model.price;
  const totals = breakdown?.totals;
  const headingId = `${view.id}-summary`;
  const recommendations = model.recommendations;
  const total = totals ? t.money(totals.grandTotal) : model.priced ? t.term('priceOnRequest') : '';
  // What each total covers, in the words and figures of <quote-summary> and the comparison.
  const label = grandTotalLabel(t, breakdown?.lines ?? []);
  return html`
    <aside part="summary" class="summary" aria-labelledby=${headingId}>
      ${heading(view.headingLevel, 1, 'summary-name', t.term('yourConfiguration'), headingId)}
      <div class="status-row">
        <p class="status">${t.term('openChoices', open)}</p>
        ${action(t.term('completeWithDefaults'), open > 0, () => view.completeWithDefaults(), 'complete', 'quiet')}
      </div>
      ${model.priced
        ? html`
            <dl part="totals" class="totals">
              ${totals ? chargeTotals(t, totals, breakdown!.lines).map((row) => html`<div data-charge=${row.charge}><dt>${row.label}</dt><dd>${t.money(row.amount)}</dd></div>`) : nothing}
              ${(totals?.tax ?? []).map((tax) => {
                // Net lines above (as the options' price differences are), tax apart, then what is paid.
                const name = tax.name === undefined ? t.term('taxRate', t.number(Number(tax.percent))) : text(view, tax.name);
                return html`<div><dt>${breakdown!.taxIncluded ? t.term('taxIncludedIn', name) : name}</dt><dd>${t.money(tax.amount)}</dd></div>`;
              })}
              <div part="total" class="total"><dt>${label}</dt><dd>${total}</dd></div>
            </dl>
            ${problems.length > 0 ? html`<p class="price-problem">${priceProblemText(view, problems[0]!)}</p>` : nothing}
          `
        : nothing}
      ${recommendations.length > 0
        ? html`
            <div part="recommendations" class="recommendations">
              <p class="recommendations-title">${t.term('recommendedForYou')}</p>
              <ul role="list">
                ${recommendations.map(
                  (d) => html`<li>
                    <span>${decisionName(view, d)}</span> ${delta(view, d)}
                    <button part="button" class="button" aria-label=${`${t.term('add')}: ${decisionName(view, d)}`} @click=${() => view.choose(d)}>${t.term('add')}</button>
                  </li>`,
                )}
              </ul>
            </div>
          `
        : nothing}
      ${view.incompleteNotice && open > 0 ? html`<p part="incomplete" class="price-problem">${t.term('incompleteConfiguration')}</p>` : nothing}
      ${actions(view)}
      ${view.shared ? html`<p class="shared">${t.term('linkCopied')}</p>` : nothing}
    </aside>
    ${model.priced ? html`<div part="price-bar" class="price-bar" aria-hidden="true"><span>${label}</span><strong>${total}</strong></div>` : nothing}
  `;
}

/**
 * The actions, in three weights: the quote request; the hand-offs to a person and the
 * share link; then undo and start over as text buttons in a row. ("Complete with defaults"
 * stands beside the open choices it completes.) Then the page's own.
 */
function actions(view: ConfiguratorView): TemplateResult {
  const { t, model } = view;
  return html`
    <div part="actions" class="actions">
      <button part="button primary-button" class="button primary" @click=${() => view.requestQuote()}>${t.term('requestQuote')}</button>
      <button part="button" class="button" @click=${() => view.handoff('expert')}>${t.term('talkToExpert')}</button>
      <button part="button" class="button" @click=${() => view.handoff('reseller')}>${t.term('buyAtReseller')}</button>
      <button part="button" class="button" @click=${() => view.share()}>${t.term('copyShareLink')}</button>
      <div part="edit-actions" class="edit-actions">
        ${action(t.term('undo'), model.session.canUndo, () => view.undo(), undefined, 'quiet')}
        ${action(t.term('startOver'), model.session.canUndo, () => view.startOver(), undefined, 'quiet')}
      </div>
      <slot name="actions"></slot>
    </div>
  `;
}

/**
 * An action that may have nothing to do: then `aria-disabled`, not `disabled`, so that it
 * keeps the focus (Enter on "Complete with defaults" completes and disables it; a
 * disabled button would drop the focus to the page) and stays in the Tab order.
 */
function action(label: string, enabled: boolean, run: () => void, name?: string, kind = ''): TemplateResult {
  return html`<button part="button" class=${`button ${kind}`} data-action=${name ?? nothing} aria-disabled=${enabled ? nothing : 'true'} @click=${() => enabled && run()}>${label}</button>`;
}
