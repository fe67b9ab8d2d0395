import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Attribute, Decision } from '@cpq-kit/engine';
import { isZero } from '../internal/money.js';
import { reasonId, unavailableReason } from './unavailable.js';
import { text, type ConfiguratorView } from './view.js';

/** Single choices with more options than this are a drop-down rather than cards. */
const MAX_CARDS = 6;

type Single = Extract<Attribute, { kind: 'single' }>;

/**
 * One attribute's row: a fieldset with its legend, hint and control (option cards, a
 * drop-down or a stepper), or the row of an on/off add-on (a switch); under it, the
 * conflict panel or the repair note when they are about this attribute.
 */
export function attributeRow(view: ConfiguratorView, attribute: Attribute): TemplateResult {
  const name = text(view, attribute.name);
  // A conflict or a repair is shown only once explanations have loaded, with their panel.
  const panels = view.explanations;
  const after = panels ? html`${panels.conflictPanel(view, attribute)}${panels.repairedNote(view, attribute)}` : nothing;
  if (attribute.kind === 'boolean') {
    return html`<div part="attribute" class="attribute attribute-boolean">${addOnSwitch(view, attribute, name)}${after}</div>`;
  }
  return html`
    <fieldset part="attribute" class="attribute">
      <legend part="attribute-name" class="attribute-name">${name}</legend>
      <p part="attribute-hint" class="attribute-hint">${hint(view, attribute)}</p>
      ${attribute.kind === 'quantity'
        ? stepper(view, attribute, name)
        : attribute.kind === 'single' && attribute.options.length > MAX_CARDS
          ? dropDown(view, attribute, name)
          : cards(view, attribute)}
      ${after}
    </fieldset>
  `;
}

/** What may be chosen: "Choose one", "Choose up to 3 options", "Quantity 1 to 8". */
function hint(view: ConfiguratorView, attribute: Attribute): string {
  const t = view.t;
  switch (attribute.kind) {
    case 'single':
      return attribute.required === false ? t.term('chooseOneOptional') : t.term('chooseOne');
    case 'multiple': {
      const max = Math.min(attribute.max ?? attribute.options.length, attribute.options.length);
      return t.term('chooseMany', Math.min(attribute.min ?? 0, max), max);
    }
    case 'boolean':
      return t.term('addOn');
    case 'quantity':
      return t.term('quantity', t.number(attribute.min ?? 0), t.number(attribute.max), (attribute.step ?? 1) > 1 ? t.number(attribute.step!) : null);
  }
}

/** Option cards: radio buttons (single choice) or checkboxes (multiple), native so arrow keys and forms work. */
function cards(view: ConfiguratorView, attribute: Extract<Attribute, { kind: 'single' | 'multiple' }>): TemplateResult {
  const model = view.model;
  const selected = model.selections[attribute.id];
  const group = `${view.id}-${attribute.id}`;
  const single = attribute.kind === 'single';
  const noneChecked = selected === undefined && !attribute.options.some((o) => model.isImplied(attribute.id, o.id));
  const stop = attribute.kind === 'single' ? tabStop(view, attribute, selected as string | undefined, noneChecked) : undefined;
  // Checkboxes are a Tab stop each; a radio group is one (roving tabindex, see tabStop).
  const tabindex = (value: string | null) => (single ? (value === stop ? 0 : -1) : nothing);
  return html`
    <div part="options" class="options">
      ${attribute.options.map((option) => {
        const decision: Decision = { attribute: attribute.id, value: option.id };
        const chosen = Array.isArray(selected) ? selected.includes(option.id) : selected === option.id;
        const implied = !chosen && model.isImplied(attribute.id, option.id);
        const available = chosen || model.canChoose(decision);
        const name = text(view, option.name);
        const parts = ['option', chosen || implied ? 'option-selected' : '', available ? '' : 'option-unavailable'].filter(Boolean).join(' ');
        // Why it is unavailable, said before it is tried: shown in the card, and its input's description.
        const why = available ? undefined : unavailableReason(view, decision);
        const whyId = reasonId(view, decision);
        const onChange = (event: Event) => {
          const checked = (event.target as HTMLInputElement).checked;
          if (single || checked) view.choose(decision);
          else if (chosen) view.deselect(attribute.id, option.id);
          else view.choose({ ...decision, declined: true }); // unticking what the rules include
        };
        return html`
          <label part=${parts} class="option ${available ? '' : 'unavailable'}">
            <input
              type=${single ? 'radio' : 'checkbox'}
              name=${group}
              tabindex=${tabindex(option.id)}
              .checked=${live(chosen || implied)}
              aria-disabled=${available ? nothing : 'true'}
              aria-describedby=${why ? whyId : nothing}
              @focus=${available || why ? nothing : () => view.describe(decision, whyId)}
              @change=${onChange}
            />
            ${option.image ? html`<img part="option-image" class="option-image" src=${option.image} alt="" loading="lazy" />` : nothing}
            <span class="option-body">
              <span part="option-name" class="option-name">${name}</span>
              ${option.description ? html`<span class="option-description">${text(view, option.description)}</span>` : nothing}
              ${badges(view, available, implied)} ${chosen || !available ? nothing : delta(view, decision)}
              ${why ? html`<span part="option-reason" class="option-reason" id=${whyId} aria-hidden="true">${why}</span>` : nothing}
            </span>
          </label>
        `;
      })}
      ${single && attribute.required === false
        ? html`<label part="option" class="option">
            <input type="radio" name=${group} tabindex=${tabindex(null)} .checked=${live(noneChecked)} @change=${() => view.deselect(attribute.id)} />
            <span class="option-body"><span part="option-name" class="option-name">${view.t.term('noneOfThese')}</span></span>
          </label>`
        : nothing}
    </div>
  `;
}

/**
 * The one radio button of a single choice that Tab stops at (`null`: "None"): the one
 * whose conflict is shown (focus is there, and it is unchecked again), else the checked
 * one, else the first. Without it Chromium stops at every radio of a group in which
 * none is checked, the buyer's own included: one stop too many after a conflict.
 * Arrow keys still reach every option, unavailable ones too.
 */
function tabStop(view: ConfiguratorView, attribute: Single, selected: string | undefined, noneChecked: boolean): string | null {
  const wanted = view.conflict?.wanted;
  if (wanted?.attribute === attribute.id && attribute.options.some((o) => o.id === wanted.value)) return String(wanted.value);
  const model = view.model;
  const checked = selected ?? attribute.options.find((o) => model.isImplied(attribute.id, o.id))?.id;
  if (checked !== undefined) return checked;
  return noneChecked && attribute.required === false ? null : (attribute.options[0]?.id ?? null);
}

/** A single choice with many options: a native drop-down, unavailable options marked in their text. */
function dropDown(view: ConfiguratorView, attribute: Single, name: string): TemplateResult {
  const model = view.model;
  const selected = model.selections[attribute.id] as string | undefined;
  const implied = attribute.options.find((o) => model.isImplied(attribute.id, o.id))?.id;
  const t = view.t;
  return html`
    <select
      part="select"
      class="select"
      aria-label=${name}
      .value=${live(selected ?? implied ?? '')}
      @change=${(event: Event) => {
        const value = (event.target as HTMLSelectElement).value;
        if (value === '') view.deselect(attribute.id);
        else view.choose({ attribute: attribute.id, value });
      }}
    >
      <option value="">${attribute.required === false ? t.term('noneOfThese') : t.term('chooseOption')}</option>
      ${attribute.options.map((option) => {
        const decision: Decision = { attribute: attribute.id, value: option.id };
        const available = option.id === selected || model.canChoose(decision);
        const label = text(view, option.name);
        return html`<option value=${option.id}>${available ? label : `${label} (${unavailableReason(view, decision) ?? t.term('unavailable')})`}</option>`;
      })}
    </select>
  `;
}

/** An on/off add-on: a switch, with its description (or "Optional add-on") as its description. */
function addOnSwitch(view: ConfiguratorView, attribute: Extract<Attribute, { kind: 'boolean' }>, name: string): TemplateResult {
  const model = view.model;
  const selected = model.selections[attribute.id];
  const on = selected === true || (selected === undefined && model.isImplied(attribute.id, true));
  // "Included" only for an add-on the rules switch on; one they keep off is unavailable, not included.
  const implied = selected === undefined && on;
  const wanted: Decision = { attribute: attribute.id, value: !on };
  const available = model.canChoose(wanted);
  const id = `${view.id}-${attribute.id}`;
  // Off and unavailable: why, in its description (included ones say so).
  const why = available || on ? undefined : unavailableReason(view, wanted);
  return html`
    <label part="switch" class="switch ${available ? '' : 'unavailable'}" for=${id}>
      <input
        id=${id}
        type="checkbox"
        role="switch"
        .checked=${live(on)}
        aria-disabled=${available ? nothing : 'true'}
        aria-describedby=${`${id}-hint`}
        @focus=${available || on || why ? nothing : () => view.describe(wanted, `${id}-hint`)}
        @change=${(event: Event) => view.choose({ attribute: attribute.id, value: (event.target as HTMLInputElement).checked })}
      />
      <span class="switch-track" aria-hidden="true"></span>
      <span part="attribute-name" class="attribute-name">${name}</span>
      ${badges(view, available || on, implied)} ${on || !available ? nothing : delta(view, { attribute: attribute.id, value: true })}
    </label>
    <p part="attribute-hint" class="attribute-hint" id=${`${id}-hint`}>
      ${text(view, attribute.description) || view.t.term('addOn')}${available ? '' : ` (${on ? view.t.term('included') : (why ?? view.t.term('unavailable'))})`}
    </p>
  `;
}

/** A quantity: − and + buttons around a number field, and the price of one more step. */
function stepper(view: ConfiguratorView, attribute: Extract<Attribute, { kind: 'quantity' }>, name: string): TemplateResult {
  const model = view.model;
  const t = view.t;
  const selected = model.selections[attribute.id] as number | undefined;
  const implied = selected === undefined ? (model.session.domains()[attribute.id]!.length === 1 ? (model.session.domains()[attribute.id]![0] as number) : undefined) : undefined;
  const current = selected ?? implied;
  const min = attribute.min ?? 0;
  const step = attribute.step ?? 1;
  const to = (value: number) => Math.min(attribute.max, Math.max(min, value));
  const go = (value: number) => view.choose({ attribute: attribute.id, value: to(value) });
  // Undecided, the field shows the default as its placeholder: the buttons step from there.
  const shown = current ?? attribute.default ?? min;
  return html`
    <div part="stepper" class="stepper">
      <button part="button" class="button step" aria-label=${t.term('decrease', name)} ?disabled=${shown <= min} @click=${() => go(shown - step)}>−</button>
      <input
        type="number"
        inputmode="numeric"
        aria-label=${name}
        min=${min}
        max=${attribute.max}
        step=${step}
        placeholder=${String(attribute.default ?? min)}
        .value=${live(current === undefined ? '' : String(current))}
        @change=${(event: Event) => {
          const value = (event.target as HTMLInputElement).value;
          if (value === '') view.deselect(attribute.id);
          else go(Math.round((Number(value) - min) / step) * step + min);
        }}
      />
      <button part="button" class="button step" aria-label=${t.term('increase', name)} ?disabled=${shown >= attribute.max} @click=${() => go(shown + step)}>+</button>
      ${current === undefined ? nothing : unitPrice(view, attribute, current)}
    </div>
  `;
}

/** A quantity's next step, priced: "+€120.00" for one more unit. */
function unitPrice(view: ConfiguratorView, attribute: Extract<Attribute, { kind: 'quantity' }>, current: number): TemplateResult | typeof nothing {
  const next = current + (attribute.step ?? 1);
  if (next > attribute.max || !view.model.canChoose({ attribute: attribute.id, value: next })) return nothing;
  return delta(view, { attribute: attribute.id, value: next });
}

function badges(view: ConfiguratorView, available: boolean, implied: boolean): TemplateResult | typeof nothing {
  const t = view.t;
  if (!available) return html`<span part="badge" class="badge badge-unavailable">${t.term('unavailable')}</span>`;
  if (implied) return html`<span part="badge" class="badge">${t.term('included')}</span>`;
  return nothing;
}

/** The price difference of choosing a value, one-time and per period. */
export function delta(view: ConfiguratorView, decision: Decision): TemplateResult | typeof nothing {
  const change = view.model.delta(decision);
  if (!change) return nothing;
  const t = view.t;
  const parts: string[] = [];
  if (!isZero(change.oneTime)) parts.push(t.money(change.oneTime, true));
  if (!isZero(change.recurring.month)) parts.push(t.term('amountPerMonth', t.money(change.recurring.month, true)));
  else if (!isZero(change.recurring.year)) parts.push(t.term('amountPerYear', t.money(change.recurring.year, true)));
  if (parts.length === 0) return nothing;
  return html`<span part="delta" class="delta">${parts.join(' · ')}</span>`;
}
