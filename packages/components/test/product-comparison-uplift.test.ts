// <product-comparison> with an uplift (`uplift-percent`): the total cost counts each year of
// the term at its price, and a row per year says what each costs, in the engine's amounts
// and the reader's words; axe-clean.
import { expect, fixture, html } from '@open-wc/testing';
import { compare, loadCatalog, type CompareItem } from '@cpq-kit/engine';
import collabSuiteJson from '../../../examples/catalogs/collab-suite.json' with { type: 'json' };
import '../src/define/product-comparison.js';
import type { ProductComparison } from '../src/index.js';
import { money, text } from './helpers.js';

const collab = loadCatalog(collabSuiteJson);
const context = { date: '2026-11-20' };
const items: CompareItem[] = [{ product: 'business' }, { product: 'enterprise' }];

async function comparison(lang = 'en', uplift = '5'): Promise<ProductComparison> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1100px">
    <product-comparison .catalog=${collab} .items=${items} .context=${context} term="30" uplift-percent=${uplift} lang=${lang}></product-comparison>
  </div>`);
  const el = wrapper.querySelector('product-comparison')!;
  await el.updateComplete;
  return el;
}

/** The price rows as the reader sees them: the row's name and its cells, no-break spaces as spaces. */
const rows = (el: ProductComparison) =>
  [...el.shadowRoot!.querySelectorAll('tr[part~="row"][class*="price-"]')].map((tr) =>
    [text(tr.querySelector('th')), ...[...tr.querySelectorAll('td[part~="cell"]')].map((td) => text(td).replace('★Best value: ', ''))].map((s) => s.replace(/[\u00a0\u202f]/g, ' ')),
  );

describe('<product-comparison> with an uplift', () => {
  it('shows each year of the term and its price, and a total cost that counts them', async () => {
    const el = await comparison();
    const engine = compare(items, { catalog: collab, context, termMonths: 30, upliftPercent: '5' });
    const years = engine.prices!.rows.filter((r) => r.id === 'term-year');
    const shown = rows(el);
    expect(shown.filter((r) => r[0]!.startsWith('Year'))).to.deep.equal([
      ['Year 1', ...years[0]!.values.map((v) => money(v))],
      ['Year 2, +5%', ...years[1]!.values.map((v) => money(v))],
      ['Year 3 (6 months), +10.25%', ...years[2]!.values.map((v) => money(v))],
    ]);
    const tco = shown.find((r) => r[0]!.startsWith('Total cost'))!;
    expect(tco.slice(1)).to.deep.equal(engine.items.map((item) => money(item.price!.tco.net)));
    await expect(el).to.be.accessible();
  });

  it('says it in German, and shows no year rows without an uplift', async () => {
    const de = await comparison('de');
    expect(rows(de).filter((r) => r[0]!.startsWith('Jahr')).map((r) => r[0])).to.deep.equal(['Jahr 1', 'Jahr 2, +5 %', 'Jahr 3 (6 Monate), +10,25 %']);
    const none = await comparison('en', '');
    expect(rows(none).some((r) => r[0]!.startsWith('Year'))).to.equal(false);
  });
});
