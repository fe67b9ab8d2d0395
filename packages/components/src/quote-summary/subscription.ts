/**
 * The quote summary's regions for subscriptions over time: a ramp item's segments (what
 * each period costs, with its uplift, and the whole term), and a revision's amendment
 * (what the change costs from its day to the end of the term). Both show the engine's
 * figures as they are in the quote: nothing is added up here.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalText, Quote } from '@cpq-kit/engine';
import { heading } from '../internal/heading.js';

type QuoteItem = Quote['items'][number];
import type { LocalizeController } from '../internal/localize.js';
import type { quoteSummary } from '../translations/en/quote-summary.js';

/** What the regions need from the element. */
export interface RegionContext {
  readonly t: LocalizeController<typeof quoteSummary>;
  readonly text: (value: LocalText) => string;
  readonly percent: (value: string) => string;
  /** A quote item's product, as the element names it elsewhere. */
  readonly productName: (item: QuoteItem) => string;
  readonly headingLevel: number;
  readonly id: string;
}


/** Every ramp item's segments, or nothing when the quote has none. */
export function rampRegion(quote: Quote | undefined, c: RegionContext): TemplateResult | typeof nothing {
  const ramps = (quote?.items ?? []).filter((item) => item.segments && item.segments.length > 0 && item.rampTotals);
  if (ramps.length === 0) return nothing;
  const { t } = c;
  const id = `${c.id}-ramp`;
  return html`
    <div part="ramp" class="ramp">
      ${heading(c.headingLevel, 1, 'section-heading', t.term('rampHeading'), id)}
      ${ramps.map((item) => rampTable(item, ramps.length > 1 || (quote?.items.length ?? 0) > 1, c))}
    </div>
  `;
}

function rampTable(item: QuoteItem, named: boolean, c: RegionContext): TemplateResult {
  const { t } = c;
  const segments = item.segments!;
  const month = segments.some((s) => s.price.totals.recurring.month);
  const year = segments.some((s) => s.price.totals.recurring.year);
  const currency = item.price.currency;
  const zero = { amount: '0', currency };
  let from = 1;
  const rows = segments.map((segment) => {
    const first = from;
    from += segment.months;
    const name = segment.name === undefined ? t.term('rampMonths', t.number(first), t.number(from - 1)) : c.text(segment.name);
    const totals = segment.price.totals;
    return html`<tr part="ramp-segment">
      <th scope="row">${name}</th>
      <td>${t.day(segment.start)} – ${t.day(segment.end)}</td>
      <td class="num">${segment.uplift ? `+${c.percent(segment.uplift.percent)}` : '—'}</td>
      ${month ? html`<td class="num">${t.money(totals.recurring.month?.net ?? zero)}</td>` : nothing}
      ${year ? html`<td class="num">${t.money(totals.recurring.year?.net ?? zero)}</td>` : nothing}
      <td class="num">${t.money(totals.term.net)}</td>
    </tr>`;
  });
  const months = segments.reduce((n, s) => n + s.months, 0);
  const last = segments[segments.length - 1]!;
  const caption = named ? c.productName(item) : t.term('rampCaption', t.day(segments[0]!.start), t.day(last.end));
  return html`
    <div class="table-box">
      <table part="ramp-table" class="lines ramp-table">
        <caption>${caption}</caption>
        <thead>
          <tr>
            <th scope="col">${t.term('rampPeriod')}</th>
            <th scope="col">${t.term('rampDates')}</th>
            <th scope="col" class="num">${t.term('rampUplift')}</th>
            ${month ? html`<th scope="col" class="num">${t.term('perMonth')}</th>` : nothing}
            ${year ? html`<th scope="col" class="num">${t.term('perYear')}</th>` : nothing}
            <th scope="col" class="num">${t.term('rampOverPeriod')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
        <tfoot>
          <tr part="ramp-total">
            <th scope="row" colspan=${3 + (month ? 1 : 0) + (year ? 1 : 0)}>${t.term('rampWholeTerm', t.number(months))}</th>
            <td class="num">${t.money(item.rampTotals!.term.net)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  `;
}

/** A revision's amendment: each changed line and what it costs to the end of the term. */
export function amendmentRegion(quote: Quote | undefined, c: RegionContext): TemplateResult | typeof nothing {
  const amendment = quote?.amendment;
  if (!amendment) return nothing;
  const { t } = c;
  const id = `${c.id}-amendment`;
  const kind = { added: 'changeAdded', removed: 'changeRemoved', changed: 'changeChanged' } as const;
  return html`
    <div part="amendment" class="amendment">
      ${heading(c.headingLevel, 1, 'section-heading', t.term('amendmentHeading', t.day(amendment.date)), id)}
      <div class="table-box">
        <table part="amendment-lines" class="lines" aria-labelledby=${id}>
          <thead>
            <tr>
              <th scope="col">${t.term('itemColumn')}</th>
              <th scope="col">${t.term('changeColumn')}</th>
              <th scope="col" class="num">${t.term('quantityColumn')}</th>
              <th scope="col" class="num">${t.term('priceImpact')}</th>
            </tr>
          </thead>
          <tbody>
            ${amendment.lines.map(
              (line) => html`<tr part="amendment-line">
                <th scope="row">
                  ${c.text(line.name)}
                  <span part="amendment-charged" class="hint">${line.term ? t.term(amendment.proration === 'day' ? 'amendmentDaysLeft' : 'amendmentMonthsLeft', t.number(line.term.remaining), t.number(line.term.of)) : t.term('amendmentInFull')}</span>
                </th>
                <td>${t.term(kind[line.change])}</td>
                <td class="num">${t.number(line.before?.quantity ?? 0)} → ${t.number(line.after?.quantity ?? 0)}</td>
                <td class="num">${t.money(line.amount, true)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <dl part="totals" class="totals">
        <div><dt>${t.term('netTotal')}</dt><dd>${t.money(amendment.totals.excludingTax, true)}</dd></div>
        ${amendment.totals.tax.map((tax) => html`<div><dt>${tax.name === undefined ? t.term('taxRate', c.percent(tax.percent)) : c.text(tax.name)}</dt><dd>${t.money(tax.amount, true)}</dd></div>`)}
        <div part="total" class="total"><dt>${t.term('amendmentTotal')}</dt><dd>${t.money(amendment.totals.includingTax, true)}</dd></div>
      </dl>
    </div>
  `;
}
