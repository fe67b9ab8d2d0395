// <price-guidance> in Chromium: the engine's priceGuidance() over a small hand-worked deal set,
// shown as text (shares of list, money, percentile, position), the quote's marker on the
// scale, the back-off and a thin band, the approval flag, the optional win curve, German and
// French, inside <quote-summary rep-mode>'s rep slot, texts from deals as text, and axe.
import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { loadCatalog, loadConfiguration, price, priceGuidance, readDeals, type Deal, type DealContext, type GuidanceOptions, type PriceGuidance } from '@cpq-kit/engine';
import collabSuiteJson from '../../../examples/catalogs/collab-suite.json' with { type: 'json' };
import collabSuiteConfigJson from '../../../examples/catalogs/collab-suite.config.json' with { type: 'json' };
import '../src/define/price-guidance.js';
import '../src/define/quote-summary.js';
import type { GuidanceCellNames, PriceGuidanceBand, QuoteSummary } from '../src/index.js';
import { XSS } from './fixtures.js';
import { money, part, parts, text, texts } from './helpers.js';

/** A deal with list 100 and net `net`: its share of list is net / 100. */
function deal(segment: string, region: string, family: string, net: string, outcome: 'won' | 'lost' = 'won'): Deal {
  return { date: '2026-03-01', segment, region, family, quantity: 1, list: '100', net, outcome };
}

// By hand: smb/emea/collab won at 0.6, 0.7, 0.8, 0.9 of list (and lost once at 0.95);
// smb/apac/collab won once at 0.5.
const deals = readDeals([
  deal('smb', 'emea', 'collab', '60'),
  deal('smb', 'emea', 'collab', '70'),
  deal('smb', 'emea', 'collab', '80'),
  deal('smb', 'emea', 'collab', '90'),
  deal('smb', 'emea', 'collab', '95', 'lost'),
  deal('smb', 'apac', 'collab', '50'),
]);
const emea: DealContext = { segment: 'smb', region: 'emea', family: 'collab', quote: { list: '1000.00', net: '700.00' } };
const apac: DealContext = { segment: 'smb', region: 'apac', family: 'collab', quote: { list: '1000.00', net: '500.00' } };

/** The engine's answer as a server sends it: JSON. */
const guidanceOf = (context: DealContext, options: GuidanceOptions = { minDeals: 4 }): PriceGuidance =>
  JSON.parse(JSON.stringify(priceGuidance(deals, context, options))) as PriceGuidance;

/** A share of list as a reader of `lang` expects it, formatted here with Intl, not by the element. */
const share = (ratio: number, lang = 'en') => new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio);
const eur = (amount: string, lang = 'en') => money({ amount, currency: 'EUR' }, lang);

async function band(guidance: PriceGuidance | undefined, options: { lang?: string; theme?: string; currency?: string; cellNames?: GuidanceCellNames } = {}): Promise<PriceGuidanceBand> {
  const el = await fixture<PriceGuidanceBand>(html`<price-guidance
    .guidance=${guidance}
    .cellNames=${options.cellNames}
    currency=${options.currency ?? 'EUR'}
    lang=${ifDefined(options.lang)}
    theme=${ifDefined(options.theme)}
  ></price-guidance>`);
  await el.updateComplete;
  return el;
}

const points = (el: PriceGuidanceBand) => parts(el, 'point').map((p) => [text(p.querySelector('dt')), text(p.querySelector('[part=share]')), text(p.querySelector('[part=amount]'))]);

describe('<price-guidance>', () => {
  it('shows the engine’s floor, target and stretch as shares of list and as money', async () => {
    const g = guidanceOf(emea);
    const el = await band(g);
    // By hand (type 7 percentiles of 0.6, 0.7, 0.8, 0.9): 0.675, 0.75, 0.825; for a list of 1,000.00: 675.00, 750.00, 825.00.
    [0.675, 0.75, 0.825].forEach((v, i) => expect([g.floor, g.target, g.stretch][i]).to.be.closeTo(v, 1e-12));
    expect(g.prices).to.deep.equal({ floor: '675.00', target: '750.00', stretch: '825.00' });
    expect(points(el)).to.deep.equal([
      ['Floor', `${share(g.floor)} of list`, eur(g.prices!.floor)],
      ['Target', `${share(g.target)} of list`, eur(g.prices!.target)],
      ['Stretch', `${share(g.stretch)} of list`, eur(g.prices!.stretch)],
    ]);
    expect(points(el)[0]).to.deep.equal(['Floor', '67.5% of list', '€675.00']);
    expect(texts(el, 'point-note')).to.deep.equal(['25th percentile of won deals', '50th percentile of won deals', '75th percentile of won deals']);
    // The quote: 0.7 of list, between floor and target; higher than 1.5 of 4 won deals (37.5%).
    expect(g.quote).to.deep.equal({ ratio: 0.7, percentile: 37.5, approvalRequired: false, position: 'floor-to-target' });
    expect(text(part(el, 'quote').querySelector('p'))).to.equal('This quote: 70.0% of list – Between floor and target');
    expect(text(part(el, 'percentile'))).to.equal('Priced higher than 37.5% of comparable won deals');
    expect(parts(el, 'approval')).to.have.length(0);
    // The cell used, and no back-off.
    expect(text(part(el, 'cell'))).to.equal('Based on 4 won deals in segment smb · region emea · product family collab.');
    expect(parts(el, 'backoff')).to.have.length(0);
    expect(parts(el, 'thin')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('without a currency, shows shares of list only', async () => {
    const el = await band(guidanceOf(emea), { currency: '' });
    expect(parts(el, 'amount')).to.have.length(0);
    expect(points(el)[1]).to.deep.equal(['Target', '75.0% of list', '']);
  });

  it('places the quote’s marker on the scale where its share of list is', async () => {
    const x = (el: PriceGuidanceBand, name: string) => {
      const r = part(el, name).getBoundingClientRect();
      return r.left + r.width / 2;
    };
    const inside = await band(guidanceOf(emea));
    expect(part(inside, 'graphic').getAttribute('aria-hidden')).to.equal('true');
    expect(x(inside, 'graphic-tick-floor')).to.be.below(x(inside, 'marker'));
    expect(x(inside, 'marker')).to.be.below(x(inside, 'graphic-tick-target'));
    // Linear: 0.7 is a third of the way from 0.675 to 0.75.
    const third = x(inside, 'graphic-tick-floor') + (x(inside, 'graphic-tick-target') - x(inside, 'graphic-tick-floor')) / 3;
    expect(Math.abs(x(inside, 'marker') - third)).to.be.below(1.5);
    const below = await band(guidanceOf(apac));
    expect(x(below, 'marker')).to.be.below(x(below, 'graphic-tick-floor'));
    const bandBox = part(below, 'graphic-band').getBoundingClientRect();
    expect(Math.abs(bandBox.left - x(below, 'graphic-tick-floor'))).to.be.below(1.5);
    expect(Math.abs(bandBox.right - x(below, 'graphic-tick-stretch'))).to.be.below(1.5);
    // A scale: each tick's share of list under it, inside the element, not overlapping.
    const g = guidanceOf(emea);
    expect(['floor', 'target', 'stretch'].map((p) => text(part(inside, `graphic-label-${p}`)))).to.deep.equal([share(g.floor), share(g.target), share(g.stretch)]);
    const labels = ['floor', 'target', 'stretch'].map((p) => part(inside, `graphic-label-${p}`).getBoundingClientRect());
    for (const [i, p] of ['floor', 'target', 'stretch'].entries()) expect(Math.abs(labels[i]!.left + labels[i]!.width / 2 - x(inside, `graphic-tick-${p}`))).to.be.below(1.5);
    expect(labels[0]!.right).to.be.below(labels[1]!.left);
    expect(labels[1]!.right).to.be.below(labels[2]!.left);
    const box = inside.getBoundingClientRect();
    expect(labels[0]!.left).to.be.at.least(box.left);
    expect(labels[2]!.right).to.be.at.most(box.right);
    expect(labels[0]!.top).to.be.at.least(part(inside, 'graphic').getBoundingClientRect().bottom);
    // Without a quote there is no marker, and no quote text.
    const { quote: _, prices: __, ...noQuote } = guidanceOf(emea);
    const plain = await band(noQuote);
    expect(parts(plain, 'marker')).to.have.length(0);
    expect(parts(plain, 'quote')).to.have.length(0);
  });

  it('says when it backed off to a broader group, and flags a quote below the floor for approval', async () => {
    const g = guidanceOf(apac);
    // By hand: smb/apac/collab has 1 won deal (< 4), so smb × collab is used: 0.5 … 0.9, floor 0.6.
    expect(g.cell).to.deep.equal({ level: 'segment-family', segment: 'smb', family: 'collab' });
    expect(g.backoff.map((b) => b.wonDeals)).to.deep.equal([1, 5]);
    expect(g.quote).to.deep.equal({ ratio: 0.5, percentile: 10, approvalRequired: true, position: 'below-floor' });
    const el = await band(g);
    expect(text(part(el, 'cell'))).to.equal('Based on 5 won deals in segment smb · product family collab.');
    expect(text(part(el, 'backoff'))).to.equal('Fewer than 4 won deals in segment smb · region apac · product family collab (1), so a broader group is used.');
    expect(text(part(el, 'approval'))).to.equal('⚠ Needs approval: the price is below the floor.');
    expect(text(part(el, 'position'))).to.equal('Below the floor');
    expect(text(part(el, 'percentile'))).to.equal('Priced higher than 10% of comparable won deals');
    expect(points(el)[0]).to.deep.equal(['Floor', '60.0% of list', '€600.00']);
    await expect(el).to.be.accessible();
  });

  it('names the group of deals by the page’s names for segments, regions and families, in the reader’s language; by what each id is without them (#17 defect 9)', async () => {
    const cellNames: GuidanceCellNames = {
      segment: { smb: { en: 'Small business', de: 'Kleinunternehmen', fr: 'Petites entreprises' } },
      region: { emea: 'EMEA', apac: 'Asia-Pacific' },
      family: { collab: { en: 'Collaboration software', de: 'Kollaborationssoftware', fr: 'Logiciels collaboratifs' } },
    };
    const el = await band(guidanceOf(emea), { cellNames });
    expect(text(part(el, 'cell'))).to.equal('Based on 4 won deals in Small business · EMEA · Collaboration software.');
    const backedOff = await band(guidanceOf(apac), { cellNames, lang: 'de' });
    expect(text(part(backedOff, 'cell'))).to.equal('Beruht auf 5 gewonnenen Abschlüssen in Kleinunternehmen · Kollaborationssoftware.');
    expect(text(part(backedOff, 'backoff'))).to.equal('Weniger als 4 gewonnene Abschlüsse in Kleinunternehmen · Asia-Pacific · Kollaborationssoftware (1), daher gilt eine breitere Gruppe.');
    // An id the page has no name for says what it is, never the bare ids joined.
    const partly = await band(guidanceOf(emea), { cellNames: { region: { emea: 'EMEA' } }, lang: 'fr' });
    expect(text(part(partly, 'cell'))).to.equal('D’après 4 affaires gagnées dans segment smb · EMEA · famille de produits collab.');
    await expect(backedOff).to.be.accessible();
  });

  it('says so when no group has enough won deals', async () => {
    const g = guidanceOf(emea, { minDeals: 100 });
    expect(g.sufficient).to.equal(false);
    const el = await band(g);
    expect(text(part(el, 'cell'))).to.equal('Based on 5 won deals in all deals.');
    expect(text(part(el, 'backoff'))).to.equal(
      'Fewer than 100 won deals in segment smb · region emea · product family collab (4), segment smb · product family collab (5), and segment smb (5), so a broader group is used.',
    );
    expect(text(part(el, 'thin'))).to.contain('treat the band as rough');
  });

  it('shows the optional win curve at floor, target and stretch, as the engine computed it', async () => {
    const g = guidanceOf(emea, { minDeals: 4, winCurve: true, costRatio: 0.25 });
    const curve = g.winCurve;
    if (curve?.available !== true) throw new Error('the win curve should be available');
    const el = await band(g);
    const table = part(el, 'win-curve') as HTMLTableElement;
    expect(text(table.caption)).to.equal('Chance to win by price (a model)');
    expect([...table.querySelectorAll('thead th')].map(text)).to.deep.equal(['Price', 'Chance to win', 'Expected margin']);
    const pct = (v: number) => new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 }).format(v);
    const rows = [...table.querySelectorAll('tbody tr')].map((r) => [text(r.querySelector('th')), ...[...r.querySelectorAll('td')].map(text)]);
    expect(rows).to.deep.equal(
      (['floor', 'target', 'stretch'] as const).map((p, i) => [
        `${['Floor', 'Target', 'Stretch'][i]}: ${share(curve.atBand[p].ratio)} of list ${eur(curve.atBand[p].net!)}`,
        pct(curve.atBand[p].winProbability),
        `${share(curve.atBand[p].expectedMargin)} of list`,
      ]),
    );
    // Without a cost ratio the model's expectation is revenue.
    expect([...part(await band(guidanceOf(emea, { minDeals: 4, winCurve: true })), 'win-curve').querySelectorAll('thead th')].map(text)[2]).to.equal('Expected revenue');
    await expect(el).to.be.accessible();
    // A cell with no lost deals has no curve: said in words.
    const none = await band(guidanceOf(apac, { minDeals: 1, winCurve: true }));
    expect(parts(none, 'win-curve')).to.have.length(0);
    expect(text(part(none, 'win-curve-note'))).to.equal('Too few won and lost deals for a win curve.');
  });

  it('speaks German and French: words, percentages and money', async () => {
    const g = guidanceOf(apac);
    const de = await band(g, { lang: 'de' });
    expect(text(part(de, 'heading'))).to.equal('Preisorientierung');
    expect(points(de)[0]).to.deep.equal(['Untergrenze', `${share(g.floor, 'de')} des Listenpreises`, eur('600.00', 'de')]);
    expect(text(part(de, 'approval'))).to.equal('⚠ Freigabe nötig: Der Preis liegt unter der Untergrenze.');
    expect(text(part(de, 'cell'))).to.equal('Beruht auf 5 gewonnenen Abschlüssen in Segment smb · Produktfamilie collab.');
    await expect(de).to.be.accessible();
    const fr = await band(g, { lang: 'fr' });
    expect(text(part(fr, 'heading'))).to.equal('Repères de prix');
    expect(points(fr)[2]).to.deep.equal(['Ambitieux', `${share(g.stretch, 'fr')} du prix catalogue`, eur('800.00', 'fr')]);
    expect(text(part(fr, 'position'))).to.equal('Sous le plancher');
    expect(texts(fr, 'point-note')[0]).to.equal('25e centile des affaires gagnées');
    await expect(fr).to.be.accessible();
  });

  it('is accessible in the dark theme', async () => {
    const el = await band(guidanceOf(apac, { minDeals: 4, winCurve: true }), { theme: 'dark' });
    await expect(el).to.be.accessible();
  });

  it('shows texts from the deals as text, never as HTML', async () => {
    const tricky = readDeals([1, 2, 3].map((n) => deal(XSS.img, XSS.script, XSS.svg, String(60 + n))));
    const el = await band(priceGuidance(tricky, { segment: XSS.img, region: XSS.script, family: XSS.svg }, { minDeals: 3 }));
    expect(text(part(el, 'cell'))).to.equal(`Based on 3 won deals in segment ${XSS.img} · region ${XSS.script} · product family ${XSS.svg}.`);
    expect(el.shadowRoot!.querySelectorAll('img, script, svg')).to.have.length(0);
    expect((window as { __cpqXss?: boolean }).__cpqXss).to.equal(undefined);
  });

  it('says so when there is no guidance, or the property is not guidance', async () => {
    const empty = await band(undefined);
    expect(text(part(empty, 'empty'))).to.equal('No price guidance yet.');
    await expect(empty).to.be.accessible();
    const right = priceGuidance(readDeals([1, 2, 3].map((n) => deal('smb', 'emea', 'collab', String(60 + n)))), { segment: 'smb', region: 'emea', family: 'collab' }, { minDeals: 3 });
    const wrong = await band({ ...right, floor: 'low', backoff: [] } as unknown as PriceGuidance);
    expect(part(wrong, 'base').getAttribute('role')).to.equal('alert');
    expect(text(part(wrong, 'error'))).to.equal('This is not price guidance.');
    // Each problem with its path, from the engine's schema, for the page's developer.
    expect([...part(wrong, 'problems').querySelectorAll('li')].map(text).sort()).to.deep.equal(['backoff: names at least the cell used', 'floor: expected a number, found the text "low"']);
    await expect(wrong).to.be.accessible();
  });

  it('sits in <quote-summary rep-mode>’s rep slot', async () => {
    const catalog = loadCatalog(collabSuiteJson);
    const breakdown = price(catalog, loadConfiguration(collabSuiteConfigJson, catalog), { date: '2026-11-20' });
    const summary = await fixture<QuoteSummary>(html`<quote-summary .breakdown=${breakdown} .catalog=${catalog} rep-mode>
      <price-guidance slot="rep" heading-level="4" currency="EUR" .guidance=${guidanceOf(apac)}></price-guidance>
    </quote-summary>`);
    await summary.updateComplete;
    const guidance = summary.querySelector('price-guidance')!;
    await guidance.updateComplete;
    const slot = part(summary, 'rep').querySelector<HTMLSlotElement>('slot[name=rep]')!;
    expect(slot.assignedElements()).to.deep.equal([guidance]);
    expect(guidance.getClientRects().length).to.be.greaterThan(0);
    expect(part(guidance, 'heading').localName).to.equal('h4');
    await expect(summary).to.be.accessible();
  });
});
