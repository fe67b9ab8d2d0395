import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  compareTyped,
  CompareError,
  loadMissingCode,
  recommendTyped,
  type Answers,
  type Catalog,
  type Comparison,
  type LocalText,
  type Miss,
  type Question,
  type Reason,
  type Recommendation,
  type RecommendedPackage,
  type Row,
} from '@cpq-kit/engine';
import { CpqFinderHandoffEvent } from '../events/cpq-finder-handoff.js';
import { CpqPackageChooseEvent } from '../events/cpq-package-choose.js';
import { CpqElement } from '../internal/define.js';
import { heading } from '../internal/heading.js';
import { LocalizeController } from '../internal/localize.js';
import { packageFinder } from '../translations/en/package-finder.js';
import { priceContext } from '../internal/price-context.js';
import { rowValue } from '../internal/row-value.js';
import { markStyles } from '../internal/spec-value.js';
import { plainTable } from '../internal/table-styles.js';
import { base, buttons, tokens } from '../internal/tokens.js';
import { styles } from './package-finder.styles.js';

/** What the form holds per question: the raw text of a number field, an answer id, or answer ids. */
type Draft = Record<string, string | readonly string[]>;

/** How many of the best packages the differences compare. */
const COMPARED_PACKAGES = 3;

/**
 * A short needs form from the catalog's questionnaire, then the packages the
 * engine's `recommend()` ranks for the answers, priced for the buyer's segment,
 * with what each misses and why it ranks where it does; or, when a triage rule
 * fires, why a person should take over. Below the packages, the rows where the top
 * two or three differ, from the engine's `compare()`. All questions on one screen;
 * below 30rem of width one question per step, and the differences package by
 * package instead of a table. Catalog text is rendered as text, never as HTML.
 *
 * @summary A needs form that recommends a package, or hands the buyer to a person.
 * @tagname package-finder
 *
 * @fires cpq-package-choose - The buyer chose a package ("Choose this"); `detail.package` and its complete `detail.configuration`.
 * @fires cpq-finder-handoff - The buyer asked to talk to an expert; `detail.answers` (every answer) and `detail.result` (the recommendation shown, if any).
 *
 * @csspart base - Everything.
 * @csspart heading - The questionnaire's name.
 * @csspart form - The form.
 * @csspart question - A question's fieldset.
 * @csspart legend - A question's legend.
 * @csspart description - The help under a question.
 * @csspart field-error - A question's error message.
 * @csspart step-nav - On narrow screens: Back, Next and the step count.
 * @csspart submit - The "Show packages" button.
 * @csspart results - The recommendation.
 * @csspart package - A ranked package.
 * @csspart package-name - A package's name.
 * @csspart badge - "Meets every need" or "Misses some needs".
 * @csspart price - A package's price.
 * @csspart reason - Why a package ranks where it does.
 * @csspart misses - The list of what a package misses.
 * @csspart choose-button - A package's "Choose this" button.
 * @csspart differences - The differences between the top packages.
 * @csspart differences-heading - Their heading.
 * @csspart differences-table - The table of the rows where the top packages differ (wide screens).
 * @csspart differences-list - The same rows, package by package (narrow screens).
 * @csspart difference-row - A row that differs.
 * @csspart difference-name - What differs: a spec's or an option group's name.
 * @csspart difference-value - A package's value in a row (also `difference-value-best`).
 * @csspart best-mark - "★ Best value" next to a row's best values.
 * @csspart triage - The hand-off result.
 * @csspart handoff-button - The "Talk to an expert" button.
 * @csspart error - The message shown when the answers cannot be used.
 * @csspart empty - Shown when there is no catalog or it has no questionnaire.
 *
 * @cssproperty --cpq-package-finder-background - The element's background. Default: `--cpq-color-surface`.
 */
export class PackageFinder extends CpqElement {
  static override defaultTag = 'package-finder';

  /** @internal */
  static override styles = [tokens, base, buttons, markStyles, plainTable, styles];

  /** The catalog, as returned by the engine's `loadCatalog()`; it needs a `questionnaire`. A property only. */
  @property({ attribute: false })
  accessor catalog: Catalog | undefined;

  /** Answers to start from, by question id; when they can be used, the recommendation shows at once. A property only. */
  @property({ attribute: false })
  accessor answers: Answers | undefined;

  /** The price book to price with; else `segment`, else the catalog's first. */
  @property({ attribute: 'price-book' })
  accessor priceBook = '';

  /** The buyer's segment (e.g. `smb`, `enterprise`), to choose the price book. */
  @property()
  accessor segment = '';

  /** The currency to show; default: the price book's. */
  @property()
  accessor currency = '';

  /** The day prices apply, `2026-11-20`; default: today. */
  @property({ attribute: 'price-date' })
  accessor priceDate = '';

  /** The level of the form's heading, 1 to 4 (default 2); packages use the next. */
  @property({ attribute: 'heading-level', type: Number })
  accessor headingLevel = 2;

  readonly #localize = new LocalizeController(this, packageFinder);

  /** @internal */
  @state() private accessor draft: Draft = {};
  /** @internal Error keys by question id, shown after a submit or Next. */
  @state() private accessor errors: Readonly<Record<string, string>> = {};
  /** @internal The question shown on a narrow screen. */
  @state() private accessor step = 0;
  /** @internal */
  @state() private accessor result: Recommendation | undefined;
  /** @internal The engine's comparison of the top packages, when there are two or more. */
  @state() private accessor differences: Comparison | undefined;
  /** @internal The engine's message when the answers cannot be used. */
  @state() private accessor failure = '';
  /** @internal Read politely when a result is shown. */
  @state() private accessor announcement = '';

  /** The recommendation shown (read-only). */
  get recommendation(): Recommendation | undefined {
    return this.result;
  }

  /** The engine's `compare()` of the top packages shown under the recommendation (read-only). */
  get comparison(): Comparison | undefined {
    return this.differences;
  }

  get #questions(): readonly Question[] {
    return this.catalog?.questionnaire?.questions ?? [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('catalog') || changed.has('answers')) {
      this.draft = draftOf(this.answers ?? {});
      this.errors = {};
      this.step = 0;
      this.result = undefined;
      this.differences = undefined;
      this.failure = '';
      if (this.answers && this.catalog?.questionnaire) this.#recommend(false);
    } else if (this.result && (['priceBook', 'segment', 'currency', 'priceDate'] as const).some((name) => changed.has(name))) {
      this.#recommend(false);
    }
  }

  /** The answers as the engine takes them; unanswered questions left out. */
  #answers(): Answers {
    const answers: Answers = {};
    for (const question of this.#questions) {
      const value = this.draft[question.id];
      if (question.kind === 'number') {
        if (typeof value === 'string' && value.trim() !== '') answers[question.id] = Number(value);
      } else if (question.kind === 'single') {
        if (typeof value === 'string' && value) answers[question.id] = value;
      } else if (Array.isArray(value) && value.length > 0) {
        answers[question.id] = [...value];
      }
    }
    return answers;
  }

  /** The error of a question's current answer, as a ready text; '' when it is fine. */
  #errorOf(question: Question): string {
    const t = this.#localize;
    const value = this.draft[question.id];
    const empty = value === undefined || (typeof value === 'string' ? value.trim() === '' : value.length === 0);
    if (empty) return question.required ? t.term('answerMissing') : '';
    if (question.kind !== 'number') return '';
    const n = Number(value);
    if (!Number.isFinite(n)) return t.term('answerNotANumber');
    if (question.integer && !Number.isInteger(n)) return t.term('answerNotWhole');
    if (question.min !== undefined && n < question.min) return t.term('answerBelowMin', t.number(question.min));
    if (question.max !== undefined && n > question.max) return t.term('answerAboveMax', t.number(question.max));
    return '';
  }

  #recommend(announce: boolean): void {
    const catalog = this.catalog;
    if (!catalog?.questionnaire) return;
    try {
      // Typed: the answers come from the element's own form and the context from its
      // attributes, so the page loads no schema library (their values are checked all the same).
      this.result = recommendTyped(catalog, this.#answers(), priceContext(this));
      this.failure = '';
    } catch (error) {
      // A package's product that a BDD does not hold: its compiler loads on first use.
      const loading = loadMissingCode(error);
      if (loading) {
        void loading.then(() => this.#recommend(announce));
        return;
      }
      this.result = undefined;
      this.failure = error instanceof Error ? error.message : String(error);
    }
    this.differences = this.result?.kind === 'packages' ? differencesOf(catalog, this.result.packages.slice(0, COMPARED_PACKAGES)) : undefined;
    if (!announce) return;
    const t = this.#localize;
    const result = this.result;
    this.announcement = !result
      ? t.term('cannotRecommend')
      : result.kind === 'triage'
        ? t.term('triageAnnounced')
        : t.term('packagesAnnounced', result.packages.length, this.#text(result.packages[0]?.name));
  }

  #text(text: LocalText | undefined): string {
    return this.#localize.text(text, this.catalog?.defaultLocale);
  }

  protected override render(): TemplateResult {
    const t = this.#localize;
    const questionnaire = this.catalog?.questionnaire;
    if (!questionnaire) {
      return html`<div part="base" class="finder"><p part="empty" class="empty">${t.term('noCatalog')}</p></div>`;
    }
    const name = questionnaire.name ? this.#text(questionnaire.name) : t.term('finderHeading');
    return html`<div part="base" class="finder">
      ${heading(this.headingLevel, 0, 'heading', name, 'finder-heading')} ${this.#form()} ${this.#results()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  #form(): TemplateResult {
    const t = this.#localize;
    const questions = this.#questions;
    const step = Math.min(this.step, questions.length - 1);
    const last = step === questions.length - 1;
    return html`<form part="form" class=${last ? 'last-step' : ''} aria-labelledby="finder-heading" novalidate @submit=${this.#onSubmit}>
      ${questions.map((q, i) => this.#question(q, i === step))}
      <div part="step-nav" class="step-nav">
        <span class="step-count">${t.term('stepOf', step + 1, questions.length)}</span>
        <button type="button" class="button back" ?hidden=${step === 0} @click=${() => this.#go(step - 1)}>${t.term('stepBack')}</button>
        <button type="button" class="button primary next" ?hidden=${last} @click=${() => this.#onNext(step)}>${t.term('stepNext')}</button>
      </div>
      <div class="actions">
        <button part="submit" type="submit" class="button primary submit">${t.term('showPackages')}</button>
      </div>
    </form>`;
  }

  #question(question: Question, current: boolean): TemplateResult {
    const t = this.#localize;
    const id = `q-${question.id}`;
    const error = this.errors[question.id] ?? '';
    const describedBy = [question.description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    const value = this.draft[question.id];
    let control: TemplateResult;
    if (question.kind === 'number') {
      const unit = question.unit ? this.#text(question.unit) : '';
      control = html`<div class="number">
        <input
          id=${id}
          name=${question.id}
          type="number"
          inputmode=${question.integer ? 'numeric' : 'decimal'}
          min=${question.min ?? nothing}
          max=${question.max ?? nothing}
          step=${question.integer ? '1' : 'any'}
          .value=${typeof value === 'string' ? value : ''}
          aria-labelledby=${`${id}-legend`}
          aria-describedby=${describedBy}
          aria-invalid=${error ? 'true' : 'false'}
          ?required=${question.required === true}
          @input=${(e: Event) => this.#set(question.id, (e.target as HTMLInputElement).value)}
        />${unit ? html`<span>${unit}</span>` : nothing}
      </div>`;
    } else {
      const multiple = question.kind === 'multiple';
      const chosen = new Set(typeof value === 'string' ? [value] : (value ?? []));
      control = html`${question.options.map(
        (option) => html`<label class="choice">
          <input
            type=${multiple ? 'checkbox' : 'radio'}
            name=${question.id}
            value=${option.id}
            .checked=${chosen.has(option.id)}
            aria-describedby=${describedBy}
            aria-invalid=${error ? 'true' : 'false'}
            @change=${(e: Event) => this.#onChoice(question.id, option.id, multiple, (e.target as HTMLInputElement).checked)}
          /><span>${this.#text(option.name)}</span>
        </label>`,
      )}`;
    }
    return html`<fieldset part="question" class=${`question${current ? ' current' : ''}`} data-question=${question.id}>
      <legend part="legend" id=${`${id}-legend`}>
        ${this.#text(question.name)}${question.required ? html` <span class="required">(${t.term('requiredAnswer')})</span>` : nothing}
      </legend>
      ${question.description ? html`<p part="description" class="description" id=${`${id}-description`}>${this.#text(question.description)}</p>` : nothing}
      ${control}
      ${error ? html`<p part="field-error" class="field-error" id=${`${id}-error`}>${error}</p>` : nothing}
    </fieldset>`;
  }

  #results(): TemplateResult | typeof nothing {
    const t = this.#localize;
    if (this.failure) {
      return html`<div part="error" class="error" role="alert"><p>${t.term('cannotRecommend')}</p><p>${this.failure}</p></div>`;
    }
    const result = this.result;
    if (!result) return nothing;
    if (result.kind === 'triage') {
      return html`<section part="results triage" class="results triage" aria-labelledby="results-heading">
        ${heading(this.headingLevel, 1, 'results-heading', t.term('triageHeading'), 'results-heading')}
        <p>${t.term('triageIntro')}</p>
        <ul class="misses">
          ${result.triggered.map((rule) => html`<li data-rule=${rule.rule}>${this.#text(rule.message)}</li>`)}
        </ul>
        <div class="actions">${this.#handoffButton(true)}</div>
      </section>`;
    }
    return html`<section part="results" class="results" aria-labelledby="results-heading">
      ${heading(this.headingLevel, 1, 'results-heading', t.term('recommendedPackages'), 'results-heading')}
      <ol>
        ${result.packages.map((pkg, rank) => this.#package(pkg, rank))}
      </ol>
      ${this.#differences()}
      <div class="actions">${this.#handoffButton(false)}</div>
    </section>`;
  }

  /**
   * The rows where the top packages differ, as the engine's comparison says: a table,
   * and the same rows package by package for narrow screens (CSS shows one of them).
   */
  #differences(): TemplateResult | typeof nothing {
    const comparison = this.differences;
    if (!comparison) return nothing;
    const t = this.#localize;
    const rows = comparison.groups.flatMap((group) => group.rows.filter((row) => row.differs));
    const names = comparison.items.map((item) => this.#text(item.name));
    const value = (row: Row, i: number) => {
      const best = row.best.includes(i);
      return html`${rowValue(t, row, i, this.catalog?.defaultLocale)}${best
        ? html` <span part="best-mark" class="best-mark"><span aria-hidden="true">★ </span>${t.term('bestValue')}</span>`
        : nothing}`;
    };
    const valuePart = (row: Row, i: number) => (row.best.includes(i) ? 'difference-value difference-value-best' : 'difference-value');
    return html`<section part="differences" class="differences" aria-labelledby="differences-heading">
      ${heading(this.headingLevel, 2, 'differences-heading', t.term('differencesHeading'), 'differences-heading')}
      ${rows.length === 0
        ? html`<p>${t.term('noDifferences')}</p>`
        : html`<table part="differences-table" class="plain-table differences-table">
              <caption class="visually-hidden">${t.term('differencesCaption', new Intl.ListFormat(t.lang(), { type: 'conjunction' }).format(names))}</caption>
              <thead>
                <tr>
                  <th scope="col">${t.term('differencesFeature')}</th>
                  ${names.map((name) => html`<th scope="col">${name}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (row) => html`<tr part="difference-row" data-row=${row.id}>
                    <th scope="row" part="difference-name">${this.#text(row.name)}</th>
                    ${names.map((_, i) => html`<td part=${valuePart(row, i)}>${value(row, i)}</td>`)}
                  </tr>`,
                )}
              </tbody>
            </table>
            <ul part="differences-list" class="differences-list">
              ${rows.map(
                (row) => html`<li part="difference-row" data-row=${row.id}>
                  <span part="difference-name" class="difference-name">${this.#text(row.name)}</span>
                  <dl>
                    ${names.map((name, i) => html`<div><dt>${name}</dt><dd part=${valuePart(row, i)}>${value(row, i)}</dd></div>`)}
                  </dl>
                </li>`,
              )}
            </ul>`}
    </section>`;
  }

  #package(pkg: RecommendedPackage, rank: number): TemplateResult {
    const t = this.#localize;
    const name = this.#text(pkg.name);
    const nameId = `package-${pkg.id}`;
    return html`<li part="package" class=${`package${rank === 0 ? ' best' : ''}`} data-package=${pkg.id} aria-labelledby=${nameId}>
      ${heading(this.headingLevel, 2, 'package-name', name, nameId)}
      <span part="badge" class=${`badge${pkg.meetsAll ? ' meets' : ''}`}>${t.term(pkg.meetsAll ? 'meetsEveryNeed' : 'missesSomeNeeds')}</span>
      <p part="price" class="price">
        <strong>${t.money(pkg.price.net)}</strong> ${t.term('netOver', t.term('months', pkg.price.termMonths, t.number(pkg.price.termMonths)))}
      </p>
      <p part="reason" class="reason">${this.#reason(pkg.reason)}</p>
      ${pkg.misses.length > 0
        ? html`<p>${t.term('whatItMisses')}</p>
            <ul part="misses" class="misses">
              ${pkg.misses.map((miss) => html`<li>${this.#miss(miss)}</li>`)}
            </ul>`
        : nothing}
      <div class="actions">
        <button part="choose-button" type="button" class="button primary choose" @click=${() => this.#onChoose(pkg)}>
          ${t.term('chooseThis')}<span class="visually-hidden">: ${name}</span>
        </button>
      </div>
    </li>`;
  }

  /** The engine's reason in the element's language; its English text for a code this version does not know. */
  #reason(reason: Reason): string {
    const t = this.#localize;
    const count = Number(reason.params['count']);
    switch (reason.code) {
      case 'cheapest-meeting-all':
        return t.term('reasonCheapestMeetingAll', count);
      case 'meets-all':
        return t.term('reasonMeetsAll', count);
      case 'misses':
        return t.term('reasonMisses', Number(reason.params['missed']), count);
      case 'cheapest':
        return t.term('reasonCheapest');
      case 'more-expensive':
        return t.term('reasonMoreExpensive');
      default:
        return reason.text;
    }
  }

  /** A miss in the element's language, named by the catalog's texts; the engine's English text for an unknown code. */
  #miss(miss: Miss): string {
    const t = this.#localize;
    const spec = typeof miss.params['spec'] === 'string' ? miss.params['spec'] : '';
    const specName = spec ? this.#text(this.catalog?.specs?.[spec]?.name) || spec : '';
    const value = (v: unknown) => (typeof v === 'number' ? t.number(v) : String(v));
    switch (miss.code) {
      case 'spec-below':
        return t.term('missSpecBelow', specName, value(miss.params['value']), value(miss.params['needed']));
      case 'spec-above':
        return t.term('missSpecAbove', specName, value(miss.params['value']), value(miss.params['needed']));
      case 'spec-differs':
      case 'spec-lacks':
      case 'spec-missing':
        return t.term('missSpecNot', specName);
      case 'no-attribute':
      case 'not-available':
      case 'none-met':
        return t.term('missNotAvailable', this.#askedFor(miss));
      default:
        return miss.text;
    }
  }

  /** What a miss's question asked: the answer chosen, or for a number the question itself. */
  #askedFor(miss: Miss): string {
    const question = this.#questions.find((q) => q.id === miss.question);
    if (!question) return miss.question;
    if (question.kind !== 'number' && miss.answer !== undefined) {
      const option = question.options.find((o) => o.id === miss.answer);
      if (option) return this.#text(option.name);
    }
    return this.#text(question.name);
  }

  #handoffButton(primary: boolean): TemplateResult {
    return html`<button part="handoff-button" type="button" class=${`button handoff${primary ? ' primary' : ''}`} @click=${this.#onHandoff}>
      ${this.#localize.term('talkToExpert')}
    </button>`;
  }

  // ---- user actions ---------------------------------------------------------

  #set(id: string, value: string | readonly string[]): void {
    this.draft = { ...this.draft, [id]: value };
    if (this.errors[id]) {
      const { [id]: _, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  #onChoice(id: string, option: string, multiple: boolean, checked: boolean): void {
    if (!multiple) return this.#set(id, option);
    const current = this.draft[id];
    const list = Array.isArray(current) ? current : [];
    this.#set(id, checked ? [...list.filter((o) => o !== option), option] : list.filter((o) => o !== option));
  }

  /** Checks the questions given; shows their errors and focuses the first one in error. Returns whether all are fine. */
  #check(questions: readonly Question[]): boolean {
    const errors: Record<string, string> = { ...this.errors };
    let first: Question | undefined;
    for (const question of questions) {
      const error = this.#errorOf(question);
      if (error) {
        errors[question.id] = error;
        first ??= question;
      } else {
        delete errors[question.id];
      }
    }
    this.errors = errors;
    if (first) {
      const index = this.#questions.indexOf(first);
      this.step = index;
      void this.updateComplete.then(() => this.#focusQuestion(index));
    }
    return first === undefined;
  }

  #focusQuestion(index: number): void {
    const fieldset = this.renderRoot.querySelectorAll<HTMLFieldSetElement>('fieldset.question')[index];
    const input = fieldset?.querySelector<HTMLInputElement>('input:checked') ?? fieldset?.querySelector<HTMLInputElement>('input');
    input?.focus();
  }

  /**
   * Back and Next (narrow screens, one question per step): the focus moves into the new
   * question, whose legend a screen reader reads with it, and "Question 2 of 5" is said
   * politely after it, as the visible step count is not where the focus is.
   */
  #go(index: number): void {
    this.step = Math.max(0, Math.min(index, this.#questions.length - 1));
    this.announcement = this.#localize.term('stepOf', this.step + 1, this.#questions.length);
    void this.updateComplete.then(() => this.#focusQuestion(this.step));
  }

  #onNext(step: number): void {
    const question = this.#questions[step];
    if (question && this.#check([question])) this.#go(step + 1);
  }

  #onSubmit(event: Event): void {
    event.preventDefault();
    if (!this.#check(this.#questions)) return;
    this.#recommend(true);
  }

  #onChoose(pkg: RecommendedPackage): void {
    this.dispatchEvent(new CpqPackageChooseEvent({ package: pkg, configuration: pkg.configuration }));
  }

  #onHandoff(): void {
    const answers = this.result?.answers ?? this.#answers();
    this.dispatchEvent(new CpqFinderHandoffEvent({ answers, ...(this.result ? { result: this.result } : {}) }));
  }
}

/**
 * The engine's comparison of the top packages' configurations, features only (their
 * prices are on the packages above); none for a single package, or when the engine
 * cannot compare them (then the packages still show).
 */
function differencesOf(catalog: Catalog, packages: readonly RecommendedPackage[]): Comparison | undefined {
  if (packages.length < 2) return undefined;
  try {
    return compareTyped(
      packages.map((pkg) => ({ id: pkg.id, name: pkg.name, configuration: pkg.configuration })),
      { catalog },
    );
  } catch (error) {
    // The ranking stands without its differences; a catalog the comparison cannot read is
    // the page's to fix, so it is said, and anything else is a bug that must surface.
    if (!(error instanceof CompareError)) throw error;
    console.warn(`cpq-kit: <package-finder> cannot show how the top packages differ: ${error.message}`);
    return undefined;
  }
}

/** The form's state from answers given as a property. */
function draftOf(answers: Answers): Draft {
  const draft: Draft = {};
  for (const [id, value] of Object.entries(answers)) draft[id] = typeof value === 'number' ? String(value) : value;
  return draft;
}

declare global {
  interface HTMLElementTagNameMap {
    'package-finder': PackageFinder;
  }
}
