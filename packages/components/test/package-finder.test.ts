// <package-finder> in Chromium: the questionnaire as a form, the engine's ranking and prices,
// localised reasons and misses, triage, the cpq-package-choose and cpq-finder-handoff events,
// validation, the keyboard, one question per step on narrow screens, catalog text as text,
// and axe in every state.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { loadCatalog, recommend, type Answers, type Catalog, type PackagesResult } from '@cpq-kit/engine';
import collabSuiteJson from '../../../examples/catalogs/collab-suite.json' with { type: 'json' };
import '../src/define/package-finder.js';
import { CpqFinderHandoffEvent, CpqPackageChooseEvent, PackageFinder } from '../src/index.js';
import { XSS } from './fixtures.js';
import { money, part, parts, text, texts } from './helpers.js';

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
    expect(texts(el, 'price')).to.deep.equal(expected.packages.map((p) => `${amount(p.price.net.amount, 'EUR')} net for 12 months`));
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
    expect(text(business().querySelector('[part=price]'))).to.equal(`${amount('37800.00', 'EUR')} net for 12 months`);
    // Changing the segment prices again with the smb book.
    el.segment = 'smb';
    await el.updateComplete;
    const smb = (recommend(collab, answers, { date, segment: 'smb' }) as PackagesResult).packages.find((p) => p.id === 'business')!;
    expect(smb.price.net.amount).not.to.equal('37800.00');
    expect(text(business().querySelector('[part=price]'))).to.equal(`${amount(smb.price.net.amount, 'EUR')} net for 12 months`);
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

  it('speaks German: interface, catalog texts, reasons and money', async () => {
    const el = await finder({ lang: 'de', answers: team });
    expect(text(part(el, 'heading'))).to.equal('Finden Sie Ihr Paket');
    expect(texts(el, 'legend')[0]).to.equal('Wie viele Personen melden sich an? (Pflichtangabe)');
    expect(texts(el, 'reason')[0]).to.equal('Das günstigste Paket, das alle 5 Anforderungen erfüllt');
    const expected = recommend(collab, team, { date, segment: 'smb' }) as PackagesResult;
    expect(texts(el, 'price')[0]).to.equal(`${amount(expected.packages[0]!.price.net.amount, 'EUR', 'de')} netto für 12 Monate`);
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
    expect(texts(el, 'price')).to.deep.equal([`${amount('15.00', 'EUR')} net for 12 months`]);
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
