import { html, nothing, type TemplateResult } from 'lit';
import type { Attribute, Explanation } from '@cpq-kit/engine';
import { text, type ConfiguratorView } from './view.js';
import { decisionName, list } from './words.js';

// Rendered only once the buyer met a conflict: this module comes with the explanations
// (explanations.ts), on the first conflict; why a value is unavailable before it is tried
// is unavailable.ts.

/**
 * The conflict panel under an attribute: why the value the buyer chose is unavailable
 * (the decisions in the way and the rules' messages from the catalog), with the one-step
 * repair and "Keep my selections"; after a repair, what it gave up, with Undo.
 */
export function conflictPanel(view: ConfiguratorView, attribute: Attribute): TemplateResult | typeof nothing {
  const conflict = view.conflict;
  if (!conflict || conflict.wanted.attribute !== attribute.id) return nothing;
  const t = view.t;
  const rules = view.model.compiled.product.rules ?? [];
  const messages = conflict.rules.map((id) => text(view, rules.find((r) => r.id === id)?.message)).filter(Boolean);
  const repair = (conflict.repair ?? []).filter((d) => d.attribute !== attribute.id || d.declined !== conflict.wanted.declined);
  return html`
    <div part="conflict" class="conflict">
      <p>${conflictSentence(view, conflict)}</p>
      ${messages.map((m) => html`<p class="reason">${m}</p>`)}
      <div class="conflict-actions">
        ${conflict.repair !== undefined
          ? html`<button part="button repair-button" class="button primary" @click=${() => view.repair()}>
              ${t.term('makeAvailable', list(view, repair.length > 0 ? repair : conflict.repair))}
            </button>`
          : nothing}
        <button part="button" class="button" @click=${() => view.keepSelections()}>${t.term('keepSelections')}</button>
      </div>
    </div>
  `;
}

/** After a repair in this attribute: what it gave up, with Undo. */
export function repairedNote(view: ConfiguratorView, attribute: Attribute): TemplateResult | typeof nothing {
  const repaired = view.repaired;
  if (!repaired || repaired.wanted.attribute !== attribute.id || !repaired.repair?.length) return nothing;
  const given = repaired.repair.filter((d) => d.attribute !== attribute.id);
  if (given.length === 0) return nothing;
  return html`
    <p part="repaired" class="repaired" role="status">
      ${view.t.term('gaveUp', list(view, given))}
      <button part="button" class="button" @click=${() => view.undoRepair()}>${view.t.term('undo')}</button>
    </p>
  `;
}

/** "Wall mount is not available with Display size: 98-inch 4K display." (also announced). */
export function conflictSentence(view: Pick<ConfiguratorView, 't' | 'model'>, conflict: Explanation): string {
  const t = view.t;
  const value = decisionName(view, conflict.wanted);
  const others = conflict.conflicting.filter((d) => d.attribute !== conflict.wanted.attribute);
  if (conflict.repair === undefined || others.length === 0) {
    return conflict.repair === undefined ? t.term('neverAvailable', value) : t.term('unavailableBecause', value, list(view, conflict.conflicting));
  }
  return t.term('unavailableBecause', value, list(view, others));
}
