// <package-finder> in Chromium: the questionnaire as a form, the engine's ranking and prices,
// localised reasons and misses, triage, the cpq-package-choose and cpq-finder-handoff events,
// validation, the keyboard, one question per step on narrow screens, catalog text as text,
// and axe in every state.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { compare, loadCatalog, localize, recommend, type Answers, type Catalog, type Comparison, type PackagesResult } from '@cpq-kit/engine';
import collabSuiteJson from '../../../examples/catalogs/collab-suite.json' with { type: 'json' };
import '../src/define/package-finder.js';
import '../src/define/product-configurator.js';
import { CpqFinderHandoffEvent, CpqPackageChooseEvent, PackageFinder, type ProductConfigurator } from '../src/index.js';
import { XSS } from './fixtures.js';
import { loaded, money, part, parts, text, texts } from './helpers.js';

const collab = loadCatalog(collabSuiteJson);
const date = '2026-11-20';
const team: Answers = { seats: 40, sso: 'yes', webinars: 'yes', compliance: ['audit-log'], integrations: 'api' };

interface Options {
  catalog?: Catalog | undefined;
  answers?: Answers;
  segment?: string;
  lang?: string;
  width?: string;
}

async function finder(options: Options = {}): Promise<PackageFinder> {
  const wrapper = await fixture<HTMLDivElement>(html`
    <div style=${`width: ${options.width ?? '900px'}`}>
      <package-finder
        .catalog=${'catalog' in options ? options.catalog : collab}
        .answers=${options.answers}
        segment=${options.segment ?? 'smb'}
        price-date=${date}
        lang=${ifDefined(options.lang)}
      ></package-finder>
    </div>
  `);
  const element = wrapper.querySelector('package-finder')!;
  await element.updateComplete;
  return element;
}

function input(element: PackageFinder, selector: string): HTMLInputElement {
  const found = element.shadowRoot!.querySelector<HTMLInputElement>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

function shown(element: HTMLElement): boolean {
  return element.getClientRects().length > 0;
}

/** Money as the element's language formats an engine amount. */
const amount = (value: string, currency: string, lang = 'en') => money({ amount: value, currency }, lang);

async function submit(element: PackageFinder): Promise<void> {
  part(element, 'submit').click();
  await element.updateComplete;
}

describe('<package-finder>', () => {
  it('renders every question as a fieldset with its legend and native inputs', async () => {
    const el = await finder();
    const questions = collab.questionnaire!.questions;
    expect(texts(el, 'legend').map((t) => t.replace(' (required)', ''))).to.deep.equal(questions.map((q) => (typeof q.name === 'string' ? q.name : q.name['en'])));
    expect(text(part(el, 'heading'))).to.equal('Find your package');
    expect(input(el, '#q-seats').type).to.equal('number');
    expect(input(el, '#q-seats').getAttribute('aria-describedby')).to.equal('q-seats-description');
    expect(el.shadowRoot!.querySelectorAll('input[type=radio][name=sso]').length).to.equal(2);
    expect(el.shadowRoot!.querySelectorAll('input[type=checkbox][name=compliance]').length).to.equal(3);
    // Every choice has a label: its option's name.
    const labels = [...el.shadowRoot!.querySelectorAll('input[name=integrations]')].map((i) => text(i.closest('label')));
    expect(labels).to.deep.equal(['Not at all, for now', 'Our IT connects it through the API', 'We need a custom integration built']);
    // On a wide screen every question shows, and the step navigation does not.
    expect(parts(el, 'question').every(shown)).to.equal(true);
    expect(shown(part(el, 'step-nav'))).to.equal(false);
    expect(el.recommendation).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('answering the form shows the engine’s ranking, prices and reasons', async () => {
    const el = await finder();
    const seats = input(el, '#q-seats');
    seats.value = '40';
    seats.dispatchEvent(new Event('input'));
    input(el, 'input[name=sso][value=yes]').click();
    input(el, 'input[name=webinars][value=yes]').click();
    input(el, 'input[name=compliance][value=audit-log]').click();
    input(el, 'input[name=integrations][value=api]').click();
    await submit(el);
    const expected = recommend(collab, team, { date, segment: 'smb' }) as PackagesResult;
    expect(el.recommendation).to.deep.equal(expected);
    expect(parts(el, 'package').map((p) => p.dataset['package'])).to.deep.equal(['business', 'enterprise', 'starter']);
    expect(texts(el, 'package-name')).to.deep.equal(['Business', 'Enterprise', 'Starter']);
    // Prices are the engine's, for the smb price book (checked by hand: Business for 40 users, a year, 8,508.00).
    expect(expected.packages[0]!.price.net.amount).to.equal('8508.00');
    expect(texts(el, 'price')).to.deep.equal(expected.packages.map((p) => `${amount(p.price.net.amount, 'EUR')} net over 12 months`));
    expect(texts(el, 'badge')).to.deep.equal(['Meets every need', 'Meets every need', 'Misses some needs']);
    expect(texts(el, 'reason')).to.deep.equal(['The cheapest package that meets all 5 needs', 'Also meets all 5 needs, at a higher price', 'Misses 5 of 5 needs']);
    // Starter's misses, named by the catalog's texts.
    const misses = [...part(el, 'misses').querySelectorAll('li')].map(text);
    expect(misses).to.have.length(5);
    expect(misses[0]).to.equal('How many people will sign in?: not available');
    expect(misses[1]).to.equal('Single sign-on (SAML, OpenID Connect): not as needed');
    expect(misses[2]).to.equal('Yes: not available');
    // Announced politely.
    const status = el.shadowRoot!.querySelector('[role=status]')!;
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(text(status)).to.equal('3 packages ranked. Best match: Business.');
    await expect(el).to.be.accessible();
  });

  it('prices follow the segment: the enterprise price book', async () => {
    const answers: Answers = { seats: 300 };
    const el = await finder({ answers, segment: 'enterprise' });
    const expected = recommend(collab, answers, { date, segment: 'enterprise' }) as PackagesResult;
    expect(parts(el, 'package').map((p) => p.dataset['package'])).to.deep.equal(expected.packages.map((p) => p.id));
    const business = () => parts(el, 'package').find((p) => p.dataset['package'] === 'business')!;
    // By hand: 300 users at the enterprise book's 10.50 a month (its tier from 250), for 12 months.
    expect(text(business().querySelector('[part=price]'))).to.equal(`${amount('37800.00', 'EUR')} net over 12 months`);
    // Changing the segment prices again with the smb book.
    el.segment = 'smb';
    await el.updateComplete;
    const smb = (recommend(collab, answers, { date, segment: 'smb' }) as PackagesResult).packages.find((p) => p.id === 'business')!;
    expect(smb.price.net.amount).not.to.equal('37800.00');
    expect(text(business().querySelector('[part=price]'))).to.equal(`${amount(smb.price.net.amount, 'EUR')} net over 12 months`);
  });

  it('shows a triage result with every reason, and hands every answer over', async () => {
    const answers: Answers = { seats: 800, integrations: 'custom' };
    const el = await finder({ answers });
    expect(parts(el, 'package')).to.have.length(0);
    const triage = part(el, 'triage');
    expect(text(triage.querySelector('h3'))).to.equal('Let a person take it from here');
    expect([...triage.querySelectorAll('li')].map(text)).to.deep.equal([
      'For more than 500 users, an account executive puts together volume prices and a rollout plan with you.',
      'A custom integration needs a scoping call with our solutions team.',
    ]);
    const fired = oneEvent(el, 'cpq-finder-handoff');
    part(el, 'handoff-button').click();
    const event = await fired;
    expect(event).to.be.instanceOf(CpqFinderHandoffEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.answers).to.deep.equal(answers);
    expect(event.detail.result).to.deep.equal(recommend(collab, answers, { date, segment: 'smb' }));
    await expect(el).to.be.accessible();
  });

  it('"Choose this" fires cpq-package-choose with the package’s configuration, on user action only', async () => {
    let count = 0;
    const wrapper = await fixture<HTMLDivElement>(html`<div @cpq-package-choose=${() => count++}></div>`);
    const el = document.createElement('package-finder');
    el.catalog = collab;
    el.segment = 'smb';
    el.priceDate = date;
    el.answers = team;
    wrapper.append(el);
    await el.updateComplete;
    expect(count, 'no event from answers set by script').to.equal(0);
    const fired = oneEvent(el, 'cpq-package-choose');
    parts(el, 'choose-button')[1]!.click();
    const event = await fired;
    expect(event).to.be.instanceOf(CpqPackageChooseEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    const expected = (recommend(collab, team, { date, segment: 'smb' }) as PackagesResult).packages[1]!;
    expect(event.detail.package.id).to.equal('enterprise');
    expect(event.detail.configuration).to.deep.equal(expected.configuration);
    expect(count).to.equal(1);
    // Each button names its package for assistive technology.
    expect(texts(el, 'choose-button')).to.deep.equal(['Choose this: Business', 'Choose this: Enterprise', 'Choose this: Starter']);
  });

  it('"Talk to an expert" next to packages carries the answers and the ranking', async () => {
    const el = await finder({ answers: team });
    const fired = oneEvent(el, 'cpq-finder-handoff');
    part(el, 'handoff-button').click();
    const event = await fired;
    expect(event.detail.answers).to.deep.equal(team);
    expect(event.detail.result?.kind).to.equal('packages');
  });

  it('shows errors under the question, linked by aria-describedby, and focuses the first', async () => {
    const el = await finder();
    await submit(el);
    expect(el.recommendation).to.equal(undefined);
    const seats = input(el, '#q-seats');
    expect(seats.getAttribute('aria-invalid')).to.equal('true');
    expect(seats.getAttribute('aria-describedby')).to.equal('q-seats-description q-seats-error');
    expect(text(el.shadowRoot!.getElementById('q-seats-error'))).to.equal('Please answer this question.');
    expect(el.shadowRoot!.activeElement).to.equal(seats);
    await expect(el).to.be.accessible();
    for (const [value, message] of [
      ['0', 'Enter 1 or more.'],
      ['2.5', 'Enter a whole number.'],
    ] as const) {
      seats.value = value;
      seats.dispatchEvent(new Event('input'));
      await submit(el);
      expect(text(el.shadowRoot!.getElementById('q-seats-error'))).to.equal(message);
    }
    seats.value = '12';
    seats.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(el.shadowRoot!.getElementById('q-seats-error'), 'typing clears the error').to.equal(null);
    await submit(el);
    expect(el.recommendation?.kind).to.equal('packages');
  });

  it('works with the keyboard alone', async () => {
    const el = await finder();
    input(el, '#q-seats').focus();
    await sendKeys({ type: '25' });
    await sendKeys({ press: 'Tab' }); // into the SSO radio group
    await sendKeys({ press: 'Space' }); // "Yes"
    await sendKeys({ press: 'Tab' }); // webinars
    await sendKeys({ press: 'ArrowDown' }); // "No"
    await sendKeys({ press: 'Tab' }); // compliance: the first checkbox
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Enter' }); // submits the form
    await el.updateComplete;
    const answers = { seats: 25, sso: 'yes', webinars: 'no', compliance: ['audit-log'] };
    expect(el.recommendation).to.deep.equal(recommend(collab, answers, { date, segment: 'smb' }));
    // The package actions are buttons: reachable and activated by Enter.
    parts(el, 'choose-button')[0]!.focus();
    const fired = oneEvent(el, 'cpq-package-choose');
    await sendKeys({ press: 'Enter' });
    expect((await fired).detail.package.id).to.equal(el.recommendation?.kind === 'packages' ? el.recommendation.packages[0]!.id : '');
  });

  it('on a narrow container, shows one question per step with Back and Next', async () => {
    const el = await finder({ width: '320px' });
    const questions = () => parts(el, 'question').filter(shown).map((q) => q.dataset['question']);
    expect(questions()).to.deep.equal(['seats']);
    expect(shown(part(el, 'step-nav'))).to.equal(true);
    expect(shown(part(el, 'submit'))).to.equal(false);
    expect(text(el.shadowRoot!.querySelector('.step-count'))).to.equal('Question 1 of 5');
    const next = el.shadowRoot!.querySelector<HTMLButtonElement>('.next')!;
    const back = el.shadowRoot!.querySelector<HTMLButtonElement>('.back')!;
    expect(shown(back)).to.equal(false);
    // A required question must be answered before the next step.
    next.click();
    await el.updateComplete;
    expect(questions()).to.deep.equal(['seats']);
    expect(input(el, '#q-seats').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    const seats = input(el, '#q-seats');
    seats.value = '10';
    seats.dispatchEvent(new Event('input'));
    next.click();
    await el.updateComplete;
    expect(questions()).to.deep.equal(['sso']);
    expect(el.shadowRoot!.activeElement, 'focus moves to the new question').to.equal(input(el, 'input[name=sso]'));
    back.click();
    await el.updateComplete;
    expect(questions()).to.deep.equal(['seats']);
    for (let i = 0; i < 4; i++) {
      next.click();
      await el.updateComplete;
    }
    expect(questions()).to.deep.equal(['integrations']);
    expect(shown(next)).to.equal(false);
    expect(shown(part(el, 'submit'))).to.equal(true);
    await submit(el);
    expect(el.recommendation).to.deep.equal(recommend(collab, { seats: 10 }, { date, segment: 'smb' }));
    await expect(el).to.be.accessible();
  });

  it('on a narrow container, says which step Back and Next moved to (#17 defect 3)', async () => {
    const el = await finder({ width: '320px', lang: 'de' });
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    expect(text(live)).to.equal('');
    const seats = input(el, '#q-seats');
    seats.value = '10';
    seats.dispatchEvent(new Event('input'));
    el.shadowRoot!.querySelector<HTMLButtonElement>('.next')!.click();
    await el.updateComplete;
    // The focus is in the new question (its legend is read with it); its place in the form is said after it.
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'input[name=sso]'));
    expect(text(live)).to.equal('Frage 2 von 5');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.back')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(input(el, '#q-seats'));
    expect(text(live)).to.equal('Frage 1 von 5');
    await expect(el).to.be.accessible();
  });

  it('Choose this: a page that opens the package in a configurator far below moves the focus there with it (#17 defect 3)', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div style="width: 900px">
        <package-finder .catalog=${collab} .answers=${team} segment="smb" price-date=${date}></package-finder>
        <div style="height: 3000px"></div>
        <product-configurator id="setup" price-date=${date} heading-level="3"></product-configurator>
      </div>
    `);
    const el = wrapper.querySelector('package-finder')!;
    const configurator = wrapper.querySelector<ProductConfigurator>('#setup')!;
    await el.updateComplete;
    // What the reseller demo does (examples/reseller/reseller.js): open the package in the
    // configurator, which scrolls there and takes the focus once it shows it.
    el.addEventListener('cpq-package-choose', (event) => {
      configurator.catalog = collab;
      configurator.product = event.detail.configuration.product;
      configurator.configuration = event.detail.configuration;
      configurator.focus();
    });
    const choose = parts(el, 'choose-button')[0]!;
    choose.focus();
    await sendKeys({ press: 'Enter' });
    await loaded(configurator);
    await configurator.updateComplete;
    const best = (el.recommendation as PackagesResult).packages[0]!;
    // (Ids and tags compared: an element with a catalog property takes chai forever to print.)
    expect(document.activeElement?.id, 'the focus left the button').to.equal('setup');
    const focused = configurator.shadowRoot!.activeElement as HTMLElement;
    expect([focused.localName, text(focused)]).to.deep.equal(['h3', text(part(configurator, 'name'))]);
    expect(text(focused)).to.equal(localize(collab.products.find((p) => p.id === best.configuration.product)!.name, 'en', collab.defaultLocale));
    // On screen: the configurator at the top of it; the name not a Tab stop of its own.
    expect(Math.round(configurator.getBoundingClientRect().top)).to.equal(0);
    expect(focused.getBoundingClientRect().top).to.be.within(0, window.innerHeight);
    expect(focused.tabIndex).to.equal(-1);
    expect(configurator.value!.selections).to.deep.equal(best.configuration.selections);
    window.scrollTo(0, 0);
  });

  it('speaks German: interface, catalog texts, reasons and money', async () => {
    const el = await finder({ lang: 'de', answers: team });
    expect(text(part(el, 'heading'))).to.equal('Finden Sie Ihr Paket');
    expect(texts(el, 'legend')[0]).to.equal('Wie viele Personen melden sich an? (Pflichtangabe)');
    expect(texts(el, 'reason')[0]).to.equal('Das günstigste Paket, das alle 5 Anforderungen erfüllt');
    const expected = recommend(collab, team, { date, segment: 'smb' }) as PackagesResult;
    expect(texts(el, 'price')[0]).to.equal(`${amount(expected.packages[0]!.price.net.amount, 'EUR', 'de')} netto über 12 Monate`);
    expect(text(part(el, 'submit'))).to.equal('Pakete anzeigen');
    await expect(el).to.be.accessible();
  });

  it('shows catalog text as text, never as HTML', async () => {
    const catalog = loadCatalog({
      id: 'xss',
      version: '1',
      name: XSS.img,
      defaultCurrency: 'EUR',
      defaultLocale: 'en',
      products: [{ id: 'a', name: XSS.img, attributes: [{ id: 'extra', kind: 'boolean', name: XSS.svg }] }],
      pricing: { books: [{ id: 'b', name: XSS.img, currency: 'EUR', validFrom: '2026-01-01', prices: { a: { amount: '10.00' }, 'a/extra': { amount: '5.00' } } }] },
      questionnaire: {
        name: XSS.script,
        questions: [
          {
            id: 'q',
            kind: 'single',
            name: XSS.img,
            description: XSS.svg,
            options: [
              { id: 'x', name: XSS.script, requires: [{ select: 'extra' }] },
              { id: 'y', name: XSS.svg },
            ],
          },
        ],
        triage: [{ id: 't', when: [{ question: 'q', is: 'y' }], message: XSS.img }],
      },
    });
    const el = await finder({ catalog, answers: { q: 'x' }, segment: '' });
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('img, script, svg')).to.have.length(0);
    expect(text(part(el, 'heading'))).to.equal(XSS.script);
    expect(texts(el, 'legend')[0]).to.equal(XSS.img);
    expect(text(input(el, 'input[value=x]').closest('label'))).to.equal(XSS.script);
    expect(texts(el, 'package-name')).to.deep.equal([XSS.img]);
    expect(texts(el, 'price')).to.deep.equal([`${amount('15.00', 'EUR')} net over 12 months`]);
    el.answers = { q: 'y' };
    await el.updateComplete;
    expect(text(part(el, 'triage').querySelector('li'))).to.equal(XSS.img);
    expect(root.querySelectorAll('img, script, svg')).to.have.length(0);
    expect((window as { __cpqXss?: boolean }).__cpqXss).to.equal(undefined);
  });

  it('says so, with the engine’s message, when the answers cannot be priced', async () => {
    const el = await finder({ answers: team, segment: 'nobody' });
    const error = part(el, 'error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.contain('No recommendation for these answers.');
    expect(parts(el, 'package')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('says so when there is no catalog or no questionnaire', async () => {
    const el = await finder({ catalog: undefined });
    expect(text(part(el, 'empty'))).to.equal('No product information to show.');
    expect(parts(el, 'form')).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});

describe('<package-finder>: how the top packages differ', () => {
  /** The engine's comparison of the first three ranked packages, computed here as a page or server would. */
  function expectedComparison(answers: Answers): { comparison: Comparison; rows: string[] } {
    const result = recommend(collab, answers, { date, segment: 'smb' }) as PackagesResult;
    const comparison = compare(
      result.packages.slice(0, 3).map((p) => ({ id: p.id, name: p.name, configuration: p.configuration })),
      { catalog: collab },
    );
    return { comparison, rows: comparison.groups.flatMap((g) => g.rows.filter((r) => r.differs).map((r) => r.id)) };
  }

  const tableRows = (el: PackageFinder) => [...part(el, 'differences-table').querySelectorAll<HTMLElement>('tbody tr')];
  const cells = (row: HTMLElement | undefined) => [...(row?.querySelectorAll('td') ?? [])].map(text);

  it('lists exactly the rows where compare() says the top packages differ, best values in words', async () => {
    const el = await finder({ answers: team });
    const { comparison, rows } = expectedComparison(team);
    expect(el.comparison).to.deep.equal(comparison);
    expect(tableRows(el).map((r) => r.dataset['row'])).to.deep.equal(rows);
    // Rows where every package is alike are left out (some exist, so the filter is tested).
    const alike = comparison.groups.flatMap((g) => g.rows.filter((r) => !r.differs).map((r) => r.id));
    expect(alike.length).to.be.greaterThan(0);
    // By hand from examples/catalogs/collab-suite.json: Business states maxSeats 300, Enterprise 5000,
    // Starter 25 ("better": "higher"), so the row differs and Enterprise's value is the best; no
    // product has customer-managed keys (customerManagedKeys: false in all three), so that row is alike.
    const maxSeats = tableRows(el).find((r) => r.dataset['row'] === 'spec:maxSeats');
    expect(text(maxSeats?.querySelector('th[scope=row]'))).to.equal('Maximum users');
    expect(cells(maxSeats)).to.deep.equal(['300', '5,000 ★ Best value', '25']);
    expect(rows).not.to.include('spec:customerManagedKeys');
    // The table: a caption naming the packages, column and row headers.
    const table = part(el, 'differences-table') as HTMLTableElement;
    expect(text(table.caption)).to.equal('Where Business, Enterprise, and Starter differ');
    expect([...table.querySelectorAll('thead th[scope=col]')].map(text)).to.deep.equal(['Feature', 'Business', 'Enterprise', 'Starter']);
    expect(table.querySelectorAll('tbody th[scope=row]')).to.have.length(rows.length);
    // Every best value the engine names carries the words, not a colour alone.
    const bestCount = comparison.groups.flatMap((g) => g.rows.filter((r) => r.differs)).reduce((n, r) => n + r.best.length, 0);
    expect(table.querySelectorAll('[part~=best-mark]')).to.have.length(bestCount);
    expect(table.querySelectorAll('[part~=difference-value-best]')).to.have.length(bestCount);
    expect(text(part(el, 'differences-heading'))).to.equal('How the top packages differ');
    // The table fits its box: no column out of reach.
    expect(table.scrollWidth).to.be.at.most(part(el, 'differences').clientWidth);
    await expect(el).to.be.accessible();
  });

  it('follows the answers: other packages, other rows', async () => {
    const el = await finder({ answers: team });
    const answers: Answers = { seats: 10 };
    el.answers = answers;
    await el.updateComplete;
    const { rows } = expectedComparison(answers);
    expect(tableRows(el).map((r) => r.dataset['row'])).to.deep.equal(rows);
  });

  it('on a narrow container, shows the same rows package by package, never wider than the element', async () => {
    const el = await finder({ answers: team, width: '320px' });
    const { rows } = expectedComparison(team);
    expect(shown(part(el, 'differences-table'))).to.equal(false);
    const list = part(el, 'differences-list');
    expect(shown(list)).to.equal(true);
    const items = [...list.querySelectorAll<HTMLElement>(':scope > li')];
    expect(items.map((i) => i.dataset['row'])).to.deep.equal(rows);
    const maxSeats = items.find((i) => i.dataset['row'] === 'spec:maxSeats')!;
    expect([...maxSeats.querySelectorAll('dt')].map(text)).to.deep.equal(['Business', 'Enterprise', 'Starter']);
    expect([...maxSeats.querySelectorAll('dd')].map(text)).to.deep.equal(['300', '5,000 ★ Best value', '25']);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    expect(list.scrollWidth).to.be.at.most(list.clientWidth);
    await expect(el).to.be.accessible();
  });

  it('keeps the keyboard path through the packages: no trap, no stop in the differences', async () => {
    const el = await finder({ answers: team });
    const [first] = parts(el, 'choose-button');
    first!.focus();
    const path: string[] = [];
    for (let i = 0; i < 3; i++) {
      await sendKeys({ press: 'Tab' });
      const active = el.shadowRoot!.activeElement as HTMLElement | null;
      path.push(active?.getAttribute('part') ?? String(active?.localName));
    }
    // The other two packages' buttons, then "Talk to an expert" after the differences.
    expect(path).to.deep.equal(['choose-button', 'choose-button', 'handoff-button']);
    const handoff = part(el, 'handoff-button');
    expect(part(el, 'differences').compareDocumentPosition(handoff) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
  });

  it('speaks French and German: headings, the catalog’s names, best values', async () => {
    const fr = await finder({ answers: team, lang: 'fr' });
    expect(text(part(fr, 'differences-heading'))).to.equal('Ce qui distingue les meilleures offres');
    const row = tableRows(fr).find((r) => r.dataset['row'] === 'spec:maxSeats');
    expect(text(row?.querySelector('th'))).to.equal('Nombre maximal d’utilisateurs');
    expect(cells(row)[1]).to.equal(`${new Intl.NumberFormat('fr').format(5000)} ★ Meilleure valeur`);
    expect(text((part(fr, 'differences-table') as HTMLTableElement).caption)).to.equal('Différences entre Business, Enterprise et Starter');
    await expect(fr).to.be.accessible();
    const de = await finder({ answers: team, lang: 'de' });
    expect(text(part(de, 'differences-heading'))).to.equal('So unterscheiden sich die besten Pakete');
    expect([...part(de, 'differences-table').querySelectorAll('thead th')].map(text)[0]).to.equal('Merkmal');
  });

  it('shows catalog text in the differences as text', async () => {
    const catalog = loadCatalog({
      id: 'xss-differences',
      version: '1',
      name: 'X',
      defaultCurrency: 'EUR',
      defaultLocale: 'en',
      specs: { note: { name: XSS.img, type: 'text' } },
      products: [
        { id: 'a', name: XSS.svg, specs: { note: XSS.script }, attributes: [] },
        { id: 'b', name: XSS.script, specs: { note: XSS.img }, attributes: [] },
      ],
      pricing: { books: [{ id: 'book', name: 'Book', currency: 'EUR', validFrom: '2026-01-01', prices: { a: { amount: '10.00' }, b: { amount: '20.00' } } }] },
      questionnaire: { questions: [{ id: 'q', kind: 'number', name: 'How many?' }] },
    });
    const el = await finder({ catalog, answers: { q: 1 }, segment: '' });
    const table = part(el, 'differences-table') as HTMLTableElement;
    expect([...table.querySelectorAll('thead th')].map(text)).to.deep.equal(['Feature', XSS.svg, XSS.script]);
    expect(text(table.querySelector('tbody th'))).to.equal(XSS.img);
    expect(cells(table.querySelector<HTMLElement>('tbody tr')!)).to.deep.equal([XSS.script, XSS.img]);
    expect(el.shadowRoot!.querySelectorAll('img, script, svg')).to.have.length(0);
    expect((window as { __cpqXss?: boolean }).__cpqXss).to.equal(undefined);
  });

  it('shows no differences for a triage result', async () => {
    const el = await finder({ answers: { seats: 800 } });
    // More than 500 users is a triage rule of the catalog: no packages, no differences.
    expect(parts(el, 'differences')).to.have.length(0);
    expect(el.comparison).to.equal(undefined);
  });
});
