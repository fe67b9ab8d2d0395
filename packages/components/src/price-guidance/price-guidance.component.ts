import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import {
  BAND_PERCENTILES,
  formatProblem,
  type GuidanceCell,
  type LocalText,
  type PriceGuidance,
  type Problem,
  type QuoteScore,
  type WinCurvePoint,
} from '@cpq-kit/engine';
import { CpqElement } from '../internal/define.js';
import { heading } from '../internal/heading.js';
import { LocalizeController } from '../internal/localize.js';
import { styleProperties } from '../internal/style-properties.js';
import { priceGuidance } from '../translations/en/price-guidance.js';
import { plainTable } from '../internal/table-styles.js';
import { base, tokens } from '../internal/tokens.js';
import { styles } from './price-guidance.styles.js';

/**
 * Readable names for the ids a cell of past deals is made of: the deals carry ids
 * (segment `smb`, region `emea`, family `av-rooms`), a rep reads names ("Small
 * business", "Europe, Middle East and Africa", "Meeting room AV systems"). Each name is
 * one text, or one per language as in a catalog (`{ en: "...", de: "..." }`).
 */
export interface GuidanceCellNames {
  readonly segment?: Readonly<Record<string, LocalText>>;
  readonly region?: Readonly<Record<string, LocalText>>;
  readonly family?: Readonly<Record<string, LocalText>>;
}

type Point = 'floor' | 'target' | 'stretch';
const CELL_FIELDS = [
  ['segment', 'guidanceSegment'],
  ['region', 'guidanceRegion'],
  ['family', 'guidanceFamily'],
] as const;
const POINTS: readonly Point[] = ['floor', 'target', 'stretch'];
const POINT_TERMS = { floor: 'guidanceFloor', target: 'guidanceTarget', stretch: 'guidanceStretch' } as const;
const POSITION_TERMS = {
  'below-floor': 'positionBelowFloor',
  'floor-to-target': 'positionFloorToTarget',
  'target-to-stretch': 'positionTargetToStretch',
  'above-stretch': 'positionAboveStretch',
} as const satisfies Record<QuoteScore['position'], string>;


type Reader = typeof import('./read-guidance.js');
/** A guidance as checked, or what is wrong with it; `checking` while the check's code loads. */
type Checked = { guidance: PriceGuidance } | { problems: readonly Problem[] } | 'checking';
let reader: Reader | undefined;
let loadingReader: Promise<Reader> | undefined;
/** The schema check's code (once), when the first guidance is given. */
function loadReader(): Promise<Reader> {
  loadingReader ??= import('./read-guidance.js').then((module) => (reader = module));
  return loadingReader;
}

function check(read: Reader, guidance: PriceGuidance): Exclude<Checked, 'checking'> {
  try {
    return { guidance: read.readPriceGuidance(guidance) };
  } catch (error) {
    if (!(error instanceof read.PriceGuidanceError)) throw error;
    return { problems: error.problems };
  }
}

/**
 * A price band for sales reps: the floor, target and stretch that comparable won
 * deals closed at (the engine's `priceGuidance()`), the quote's place in it, where
 * the band comes from (the segment cell and its deals, and any back-off to a broader
 * one), whether the quote needs approval, and the optional win curve at the band.
 * Meant for `<quote-summary rep-mode>`'s `rep` slot. Every value is written out as
 * text; the band's graphic only repeats them and is hidden from assistive
 * technology. The cell is named by `cellNames` where the page gives names, else by its
 * ids with what each is ("segment smb"); texts from the deals are rendered as text.
 *
 * @summary Where a quote's price stands against past won deals: floor, target, stretch.
 * @tagname price-guidance
 *
 * @csspart base - Everything.
 * @csspart heading - The heading.
 * @csspart graphic - The band drawn on a scale (decorative: the values are in the text).
 * @csspart graphic-band - The range from floor to stretch.
 * @csspart graphic-label - The scale under the band: floor, target and stretch as a share of list (also `graphic-label-floor`, `-target`, `-stretch`).
 * @csspart graphic-tick - The floor, target and stretch on the scale.
 * @csspart marker - The quote's position on the scale.
 * @csspart quote - The quote's share of list, position and percentile.
 * @csspart position - Which part of the band the quote is in.
 * @csspart percentile - The quote's percent rank among the won deals.
 * @csspart approval - "Needs approval", when the quote is below the floor.
 * @csspart band - The list of floor, target and stretch.
 * @csspart point - One of them (also `point-floor`, `point-target`, `point-stretch`).
 * @csspart point-name - Its name.
 * @csspart share - A price as a share of list.
 * @csspart amount - A price as an amount of money (with `currency` and the quote's amounts).
 * @csspart point-note - Which percentile of won deals a point is.
 * @csspart cell - The group of deals the band comes from, and how many won deals it has.
 * @csspart backoff - The groups with too few deals that were passed over.
 * @csspart thin - Shown when no group had enough deals.
 * @csspart win-curve - The optional win curve's table at floor, target and stretch.
 * @csspart win-curve-note - What the win curve is, and any warning about it.
 * @csspart empty - Shown when there is no guidance.
 * @csspart error - Shown when the property is not price guidance.
 * @csspart problems - What is wrong with it, each with its path (the engine's English).
 *
 * @cssproperty --cpq-price-guidance-background - The background. Default: `--cpq-color-surface`.
 * @cssproperty --cpq-price-guidance-band-color - The band on the scale. Default: `--cpq-color-accent` at 25%.
 * @cssproperty --cpq-price-guidance-marker-color - The quote's marker. Default: `--cpq-color-text`.
 */
export class PriceGuidanceBand extends CpqElement {
  static override defaultTag = 'price-guidance';

  /** @internal */
  static override styles = [tokens, base, plainTable, styles];

  /**
   * The engine's `priceGuidance()` result, e.g. as a server's JSON answer (the past
   * deals stay on the server). A property only.
   */
  @property({ attribute: false })
  accessor guidance: PriceGuidance | undefined;

  /** The currency of the quote's amounts, e.g. `EUR`: with it, the band is also shown as money. */
  @property()
  accessor currency = '';

  /** The level of the heading, 1 to 4 (default 2). */
  @property({ attribute: 'heading-level', type: Number })
  accessor headingLevel = 2;

  /**
   * Names for the segments, regions and product families of the deals, by id (the
   * guidance result has only ids): `{ segment: { smb: 'Small business' }, region: { emea:
   * { en: 'Europe', de: 'Europa' } } }`. An id without a name reads "segment smb". A
   * property only.
   */
  @property({ attribute: false })
  accessor cellNames: GuidanceCellNames | undefined;

  readonly #localize = new LocalizeController(this, priceGuidance);
  /** The guidance as checked by the engine's schema, or what is wrong with it (a server's answer could be anything). */
  #checked: Checked | undefined;
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('guidance')) return;
    const guidance = this.guidance;
    this.#checked = guidance === undefined ? undefined : reader ? check(reader, guidance) : 'checking';
    if (this.#checked === 'checking') {
      this.whileLoading(
        loadReader().then((loaded) => {
          if (this.guidance !== guidance) return;
          this.#checked = check(loaded, guidance!);
          this.requestUpdate();
        }),
      );
    }
  }

  protected override render(): TemplateResult {
    const t = this.#localize;
    const checked = this.#checked;
    if (checked === 'checking') return html`<div part="base" class="guidance" aria-busy="true"></div>`;
    if (checked === undefined) return html`<div part="base" class="guidance"><p part="empty" class="empty">${t.term('noGuidance')}</p></div>`;
    if ('problems' in checked) {
      // What is wrong, with its path, for the page's developer; the engine's words (English).
      return html`<div part="base" class="guidance" role="alert">
        <p part="error" class="error">${t.term('guidanceInvalid')}</p>
        <ul part="problems" class="source">
          ${checked.problems.map((p) => html`<li>${formatProblem(p)}</li>`)}
        </ul>
      </div>`;
    }
    const guidance = checked.guidance;
    return html`<section part="base" class="guidance" aria-labelledby="guidance-heading">
      ${heading(this.headingLevel, 0, 'heading', t.term('guidanceHeading'), 'guidance-heading')} ${this.#graphic(guidance)}
      ${guidance.quote ? this.#quote(guidance.quote) : nothing}
      <dl part="band" class="band">
        ${POINTS.map((point) => this.#point(guidance, point))}
      </dl>
      ${this.#source(guidance)} ${this.#winCurve(guidance)}
    </section>`;
  }

  /** The band and the quote on a scale: a picture of the values written below it, so hidden from assistive technology. */
  #graphic(g: PriceGuidance): TemplateResult {
    const ratio = g.quote?.ratio;
    const lo = Math.min(g.floor, ratio ?? g.floor);
    const hi = Math.max(g.stretch, ratio ?? g.stretch);
    const span = hi - lo || 0.1;
    const start = lo - span * 0.15;
    const at = (value: number) => `${(((value - start) / (span * 1.3)) * 100).toFixed(2)}%`;
    const position = g.quote?.position ?? '';
    // Positions through the CSSOM (styleProperties), which a strict style-src allows.
    return html`<div part="graphic" class="graphic" aria-hidden="true">
      <div part="graphic-band" class="range" ${styleProperties({ 'inset-inline-start': at(g.floor), 'inline-size': `calc(${at(g.stretch)} - ${at(g.floor)})` })}></div>
      ${POINTS.map((point) => html`<div part=${`graphic-tick graphic-tick-${point}`} class=${`tick ${point}`} ${styleProperties({ 'inset-inline-start': at(g[point]) })}></div>`)}
      ${ratio === undefined ? nothing : html`<div part="marker" class=${`marker ${position}`} ${styleProperties({ 'inset-inline-start': at(ratio) })}></div>`}
      ${POINTS.map((point) => html`<span part=${`graphic-label graphic-label-${point}`} class="label" ${styleProperties({ 'inset-inline-start': at(g[point]) })}>${this.#share(g[point])}</span>`)}
    </div>`;
  }

  #quote(quote: QuoteScore): TemplateResult {
    const t = this.#localize;
    return html`<div part="quote" class=${`quote ${quote.position}`}>
      <p>
        <strong>${t.term('thisQuote')}</strong> ${t.term('ofList', this.#share(quote.ratio))} –
        <span part="position" class="position">${t.term(POSITION_TERMS[quote.position])}</span>
      </p>
      <p part="percentile">${t.term('quotePercentile', t.number(quote.percentile, { style: 'unit', unit: 'percent', maximumFractionDigits: 1 }))}</p>
      ${quote.approvalRequired
        ? html`<p part="approval" class="approval"><span aria-hidden="true">⚠ </span>${t.term('guidanceApproval')}</p>`
        : nothing}
    </div>`;
  }

  #point(g: PriceGuidance, point: Point): TemplateResult {
    const t = this.#localize;
    const amount = g.prices?.[point];
    return html`<div part=${`point point-${point}`} class=${`point ${point}`}>
      <dt part="point-name">${t.term(POINT_TERMS[point])}</dt>
      <dd>
        <span part="share">${t.term('ofList', this.#share(g[point]))}</span>${amount !== undefined && this.currency
          ? html` <span part="amount" class="amount">${t.money({ amount, currency: this.currency })}</span>`
          : nothing}
        <span part="point-note" class="note">${t.term('guidancePercentile', BAND_PERCENTILES[point])}</span>
      </dd>
    </div>`;
  }

  /** Where the band comes from: the cell used and its won deals, the cells passed over, and a thin band. */
  #source(g: PriceGuidance): TemplateResult {
    const t = this.#localize;
    const passed = g.backoff.slice(0, -1);
    const list = new Intl.ListFormat(t.lang(), { type: 'conjunction' });
    return html`<p part="cell" class="source">${t.term('guidanceCell', this.#cell(g.cell), g.wonDeals, t.number(g.wonDeals))}</p>
      ${passed.length > 0
        ? html`<p part="backoff" class="source">
            ${t.term('guidanceBackoff', list.format(passed.map((b) => `${this.#cell(b.cell)} (${t.number(b.wonDeals)})`)), t.number(g.minDeals))}
          </p>`
        : nothing}
      ${g.sufficient ? nothing : html`<p part="thin" class="source">${t.term('guidanceThin')}</p>`}`;
  }

  /** The optional win curve at floor, target and stretch; older results without those points show nothing. */
  #winCurve(g: PriceGuidance): TemplateResult | typeof nothing {
    const curve = g.winCurve;
    if (!curve) return nothing;
    const t = this.#localize;
    if (!curve.available) return html`<p part="win-curve-note" class="source">${t.term('winCurveUnavailable')}</p>`;
    const expected = t.term(curve.costRatio > 0 ? 'expectedMargin' : 'expectedRevenue');
    const row = (point: Point, at: WinCurvePoint) => html`<tr>
      <th scope="row">
        ${t.term(POINT_TERMS[point])}: ${t.term('ofList', this.#share(at.ratio))}${at.net !== undefined && this.currency
          ? html` <span class="amount">${t.money({ amount: at.net, currency: this.currency })}</span>`
          : nothing}
      </th>
      <td>${t.number(at.winProbability, { style: 'percent', maximumFractionDigits: 0 })}</td>
      <td>${t.term('ofList', this.#share(at.expectedMargin))}</td>
    </tr>`;
    return html`<table part="win-curve" class="plain-table win-curve">
        <caption>${t.term('winCurveHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">${t.term('pricePoint')}</th>
            <th scope="col">${t.term('winChance')}</th>
            <th scope="col">${expected}</th>
          </tr>
        </thead>
        <tbody>
          ${POINTS.map((point) => row(point, curve.atBand[point]))}
        </tbody>
      </table>
      <p part="win-curve-note" class="source">${t.term('winCurveNote')}${curve.warning ? html` ${t.term('winCurveWarning')}` : nothing}</p>`;
  }

  /** A ratio of list as a percentage with one decimal: "85.2%", "85,2 %". */
  #share(ratio: number): string {
    return this.#localize.number(ratio, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }

  /**
   * A cell by the fields that define it, each by its name from `cellNames`, else by its id
   * and what it is: "Small business · EMEA · product family av-rooms"; the cell of every deal by name.
   */
  #cell(cell: GuidanceCell): string {
    const t = this.#localize;
    const names = CELL_FIELDS.flatMap(([field, term]) => {
      const id = cell[field];
      if (id === undefined) return [];
      const name = this.cellNames?.[field]?.[id];
      return [name === undefined ? t.term(term, id) : t.text(name) || t.term(term, id)];
    });
    return names.length === 0 ? t.term('allDeals') : names.join(' · ');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'price-guidance': PriceGuidanceBand;
  }
}
