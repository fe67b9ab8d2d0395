// <quote-summary> for subscriptions over time, in Chromium: a ramp quote shows each period
// (dates, uplift, per month, over the period) and the whole term with the engine's
// amounts; the uplift step is translated; a revision of a running subscription shows what
// the change costs to the end of the term. In English and German, axe-clean.
import { expect, fixture, html } from '@open-wc/testing';
import { createQuote, loadCatalog, loadConfiguration, reviseQuote, type Quote } from '@cpq-kit/engine';
import collabSuiteJson from '../../../examples/catalogs/collab-suite.json' with { type: 'json' };
import collabSuiteConfigJson from '../../../examples/catalogs/collab-suite.config.json' with { type: 'json' };
import '../src/define/quote-summary.js';
import type { QuoteSummary } from '../src/index.js';
import { money, part, parts, text } from './helpers.js';

const suite = loadCatalog(collabSuiteJson);
const software = loadConfiguration(collabSuiteConfigJson, suite);
const ramp = { segments: [{ months: 12, name: { en: 'Year 1', de: 'Jahr 1' } }, { months: 12, selections: { seats: 60 } }, { months: 12 }], upliftPercent: '5' };

function rampQuote(): Promise<Quote> {
  return createQuote({ catalog: suite, items: [{ id: 'suite', configuration: software, ramp }], context: { date: '2026-11-20' }, validUntil: '2026-12-20', now: '2026-11-20T10:00:00Z' });
}

async function summaryOf(quote: Quote, lang = 'en'): Promise<QuoteSummary> {
  const el = await fixture<QuoteSummary>(html`<quote-summary lang=${lang} .quote=${quote}></quote-summary>`);
  await el.updateComplete;
  return el;
}

/** A row's cells as read, with Intl's no-break spaces as plain ones. */
const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((cell) => text(cell).replace(/[\u00a0\u202f]/g, ' '));

describe('<quote-summary> with a ramp deal', () => {
  it('shows every period with its dates, uplift and amounts, and the whole term', async () => {
    const quote = await rampQuote();
    const el = await summaryOf(quote);
    const segments = quote.items[0]!.segments!;
    const rows = parts(el, 'ramp-segment').map(cells);
    expect(rows).to.deep.equal([
      ['Year 1', 'November 20, 2026 – November 19, 2027', '—', money(segments[0]!.price.totals.recurring.month!.net), money(segments[0]!.price.totals.term.net)],
      ['Months 13–24', 'November 20, 2027 – November 19, 2028', '+5%', money(segments[1]!.price.totals.recurring.month!.net), money(segments[1]!.price.totals.term.net)],
      ['Months 25–36', 'November 20, 2028 – November 19, 2029', '+10.25%', money(segments[2]!.price.totals.recurring.month!.net), money(segments[2]!.price.totals.term.net)],
    ]);
    expect(cells(part(el, 'ramp-total'))).to.deep.equal(['Whole term (36 months)', money(quote.totals.term.net)]);
    // The grand total is the quote's: every segment, one-time charges once, named for the whole term.
    expect(text(part(el, 'total'))).to.equal(`Total over 36 months${money(quote.totals.grandTotal)}`);
    await expect(el).to.be.accessible();
  });

  it('names the product of each ramp in a quote of several items', async () => {
    const quote = await createQuote({
      catalog: suite,
      items: [{ id: 'suite', configuration: software, ramp }, { id: 'more', configuration: software }],
      context: { date: '2026-11-20' },
      validUntil: '2026-12-20',
      now: '2026-11-20T10:00:00Z',
    });
    // The product has no price line of its own: its name comes from the catalog.
    const el = await fixture<QuoteSummary>(html`<quote-summary .quote=${quote} .catalog=${suite}></quote-summary>`);
    expect(text(part(el, 'ramp-table').querySelector('caption'))).to.equal('Business');
    expect(cells(part(el, 'ramp-total'))).to.deep.equal(['Whole term (36 months)', money(quote.items[0]!.rampTotals!.term.net)]);
  });

  it('says it in German, with the uplift step of a later period translated', async () => {
    const quote = await rampQuote();
    // The second segment's waterfall, as a quote made of it alone would show it.
    const second: Quote = { ...quote, items: [{ ...quote.items[0]!, price: quote.items[0]!.segments![1]!.price, segments: undefined as never }] };
    delete (second.items[0] as { segments?: unknown }).segments;
    const el = await summaryOf(second, 'de');
    const steps = [...el.shadowRoot!.querySelectorAll('[part~="step"]')].map((s) => text(s));
    expect(steps.some((s) => /^Preiserhöhung \+5\s%/u.test(s))).to.equal(true, steps.join(' | '));
    const de = await summaryOf(quote, 'de');
    expect(cells(parts(de, 'ramp-segment')[2]!).slice(0, 3)).to.deep.equal(['Monate 25–36', '20. November 2028 – 19. November 2029', '+10,25 %']);
    expect(cells(part(de, 'ramp-total'))[0]).to.equal('Gesamte Laufzeit (36 Monate)');
    await expect(de).to.be.accessible();
  });
});

describe('<quote-summary> with an amendment', () => {
  it('shows what the change costs from its day to the end of the term', async () => {
    const accepted = await createQuote({ catalog: suite, items: [{ id: 'suite', configuration: software }], context: { date: '2026-11-20' }, validUntil: '2026-12-20', now: '2026-11-20T10:00:00Z' });
    const revision = await reviseQuote(accepted, { items: [{ item: 'suite', select: { seats: 60 } }], amend: { date: '2027-05-20' } }, { catalog: suite, now: '2026-11-21T10:00:00Z' });
    const el = await summaryOf(revision);
    const a = revision.amendment!;
    expect(text(part(el, 'amendment').querySelector('[part~="section-heading"]'))).to.equal('Change from May 20, 2027');
    const rows = parts(el, 'amendment-line').map(cells);
    expect(rows).to.deep.equal(
      a.lines.map((line) => [`${line.item === 'business/seats' ? 'Users' : 'Advanced security'} ${line.term!.remaining} of 365 days left in the term`, 'Changed', '40 → 60', money(line.amount, 'en', true)]),
    );
    expect(rows.length).to.equal(2);
    expect(text(part(el, 'amendment').querySelector('[part~="total"]'))).to.contain(money(a.totals.includingTax, 'en', true));
    await expect(el).to.be.accessible();
  });
});
