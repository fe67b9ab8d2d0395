import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { CpqElement, de, en, fr, LocalizeController, registerTranslation, translationFor, type Translation } from '../src/index.js';
import { settled, text } from './helpers.js';

/** Shows what its LocalizeController resolves: language | a term | a number | a catalog text. */
class LangProbe extends CpqElement {
  readonly localize = new LocalizeController(this, en);
  protected override render() {
    const l = this.localize;
    return litHtml`<span>${l.lang()}|${l.term('yes')}|${l.number(1234.5)}|${l.text({ en: 'Display', de: 'Bildschirm' }, 'en')}</span>`;
  }
}
LangProbe.define('lang-probe');

const shown = (probe: Element) => text(probe.shadowRoot!.querySelector('span'));

describe('LocalizeController', () => {
  afterEach(() => {
    document.documentElement.removeAttribute('lang');
  });

  it('uses the element’s own lang first', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"><lang-probe lang="de"></lang-probe></div>`);
    const probe = wrapper.querySelector('lang-probe') as LangProbe;
    await probe.updateComplete;
    expect(shown(probe)).to.equal('de|Ja|1.234,5|Bildschirm');
  });

  it('then the closest ancestor’s, then the document’s, then English', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"><p lang=""><lang-probe></lang-probe></p></div>`);
    const probe = wrapper.querySelector('lang-probe') as LangProbe;
    // The fixture is the div: wait for the probe, whose first render waits for French to load.
    await probe.updateComplete;
    expect(shown(probe)).to.match(/^fr\|Oui\|1\s234,5\|Display$/, 'lang="" (unknown) is skipped');

    wrapper.removeAttribute('lang');
    await settled(probe);
    expect(shown(probe)).to.equal('en|Yes|1,234.5|Display');

    document.documentElement.lang = 'de';
    await settled(probe);
    expect(shown(probe)).to.equal('de|Ja|1.234,5|Bildschirm');
  });

  it('follows lang across shadow roots', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div lang="de"><div></div></div>`);
    const shadow = outer.firstElementChild!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<lang-probe></lang-probe>';
    const probe = shadow.querySelector('lang-probe') as LangProbe;
    await probe.updateComplete;
    expect(shown(probe)).to.equal('de|Ja|1.234,5|Bildschirm');
    outer.lang = 'en';
    await settled(probe);
    expect(shown(probe)).to.equal('en|Yes|1,234.5|Display');
  });

  it('updates an element moved under another lang', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><div lang="de"><lang-probe></lang-probe></div><div lang="fr"></div></div>`);
    const probe = page.querySelector('lang-probe') as LangProbe;
    page.querySelector('[lang="fr"]')!.append(probe);
    await settled(probe);
    expect(shown(probe)).to.match(/^fr\|Oui/);
  });

  it('falls back from a regional variant to its language, and from an unknown language to English', () => {
    expect(translationFor('de-CH')).to.equal(de);
    expect(translationFor('FR')).to.equal(fr);
    expect(translationFor('pt-BR')).to.equal(en);
    expect(translationFor('')).to.equal(en);
  });

  it('registerTranslation adds a language and updates connected elements', async () => {
    const probe = await fixture<LangProbe>(html`<lang-probe lang="es"></lang-probe>`);
    expect(shown(probe)).to.match(/^es\|Yes\|/);
    const es: Translation = { ...en, $code: 'es', $name: 'Español', yes: 'Sí' };
    registerTranslation(es);
    await probe.updateComplete;
    expect(shown(probe)).to.match(/^es\|Sí\|/);
  });

  it('uses English for a text that a registered translation lacks', async () => {
    const partial = { $code: 'it', $name: 'Italiano', yes: 'Sì' } as unknown as Translation;
    registerTranslation(partial);
    const probe = await fixture<LangProbe>(html`<lang-probe lang="it"></lang-probe>`);
    expect(shown(probe)).to.match(/^it\|Sì\|/);
    expect(probe.localize.term('no')).to.equal('No');
    expect(probe.localize.term('chooseMany', 1, 2)).to.equal('Choose 1 to 2 options');
    // Whether the reader's language has a text (the configurator then says a problem in English words of the engine's).
    expect([probe.localize.has('yes'), probe.localize.has('no')]).to.deep.equal([true, false]);
  });

  it('has every text in every built-in language, with plurals', () => {
    const sameInEnglish = new Set(['fr.options', 'fr.total', 'fr.rampDates']); // the same word in both languages
    for (const translation of [de, fr]) {
      expect(Object.keys(translation).sort()).to.deep.equal(Object.keys(en).sort());
      for (const key of Object.keys(en) as (keyof Translation)[]) {
        expect(typeof translation[key], `${translation.$code}.${key}`).to.equal(typeof en[key]);
        if (typeof en[key] === 'string' && !sameInEnglish.has(`${translation.$code}.${key}`)) {
          expect(translation[key], `${translation.$code}.${key} is translated`).not.to.equal(en[key]);
        }
      }
    }
    expect([1, 2].map((n) => en.chooseMany(n, n))).to.deep.equal(['Choose 1 option', 'Choose 2 options']);
    expect([1, 2].map((n) => de.chooseMany(n, n))).to.deep.equal(['1 Option wählen', '2 Optionen wählen']);
    expect([1, 2].map((n) => fr.chooseMany(0, n))).to.deep.equal([
      'Choisissez jusqu’à 1 option',
      'Choisissez jusqu’à 2 options',
    ]);
  });

  it('writes French colons after a no-break space, and one minus sign in every language', async () => {
    // Every French text, with sample arguments: no line may start with a colon.
    for (const [key, term] of Object.entries(fr)) {
      const said = typeof term === 'function' ? (term as (...args: unknown[]) => string)('X', 'Y', 'Z', 'W') : String(term);
      expect(said, `fr.${key}`).not.to.match(/ [:;?!]/);
    }
    expect(fr.decision('Fixation', 'Murale')).to.equal('Fixation\u00a0: Murale');
    expect(de.makeAvailable('Displaygröße: 98 Zoll')).to.equal('Statt Displaygröße: 98 Zoll wählen');
    // Intl writes a hyphen for a negative number in English, U+2212 in German and French.
    for (const lang of ['en', 'de', 'fr']) {
      const probe = await fixture<LangProbe>(html`<lang-probe lang=${lang}></lang-probe>`);
      expect(probe.localize.number(-20, { signDisplay: 'exceptZero' }), lang).to.match(/^\u221220$/);
      expect(probe.localize.money({ amount: '-14.00', currency: 'EUR' }, true), lang).to.include('\u2212');
      expect(probe.localize.money({ amount: '-14.00', currency: 'EUR' }, true), lang).not.to.include('-');
    }
  });
});
