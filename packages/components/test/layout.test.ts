// Layout on a phone (#17, defects 2, 6, 7 and 10, fixed before and kept fixed here):
// every story of stories/*.stories.ts at 390×844 in English, German and French
// - scrolls no page sideways: the document is no wider than the viewport (and if it
//   is, the message names the innermost elements that stick out);
// - draws nothing of a card outside the card: option cards (the configurator's, the
//   product sheet's, among them its support-plan cards) and the package finder's plan
//   cards; every element box and every line of text in a card, through shadow roots
//   (visually hidden words aside), within the card's border box, 1 px allowed; at
//   390 px and again at 1280 px, where the cards are narrowest (several to a row);
// and, tabbing through the configurator's story as a keyboard user on a phone would,
// no focused control is covered, in part, by the sticky price bar or anything else:
// the element at its centre and near its corners (elementFromPoint, through shadow
// roots) is the control itself (an option card's label, for its hidden radio button).
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { drawn, outside, text } from './helpers.js';
import { allStories, customElementsIn, deepElements, loadStoryModules, renderStory, settle, storyId, type StoryEntry } from './story-helpers.js';

const stories = allStories(await loadStoryModules());
const languages = ['en', 'de', 'fr'];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
/** How far something may reach out of its card (sub-pixel rounding of borders and text). */
const ALLOWED = 1;

/** The cards, by element: the parts of its shadow root that are drawn as cards. */
const cardParts: Record<string, string[]> = {
  'product-configurator': ['option'],
  'product-sheet': ['option'],
  'package-finder': ['package'],
};

/** The stories checked in a language: those without a `lang` of their own, and those in it. */
function storiesIn(lang: string): StoryEntry[] {
  return stories.filter((entry) => (typeof entry.args.lang === 'string' ? entry.args.lang === lang : true));
}

/** The name of a card for messages: its element, part and first words. */
function cardName(host: Element, card: Element): string {
  const name = text(card.querySelector('[part~="option-name"], h2, h3, h4, h5, h6') ?? card).slice(0, 60);
  return `<${host.localName}> ${card.getAttribute('part')} "${name}"`;
}

/**
 * What makes the page wider than the screen: the innermost elements (through shadow
 * roots) that reach past its right edge, none of whose children do, and how far.
 */
function sticksOut(root: Element, width: number): string[] {
  const out = (element: Element) => element.getBoundingClientRect().right > width + ALLOWED;
  const children = (element: Element) => [...element.children, ...(element.shadowRoot?.children ?? [])];
  return deepElements(root)
    .filter((element) => out(element) && !children(element).some(out))
    .map((element) => `${named(element)} reaches ${Math.round(element.getBoundingClientRect().right)} px`);
}

/** How many cards were checked, by element and part: none would mean a part was renamed. */
const cardsChecked = new Map<string, number>();

/** What is drawn outside its card, in the elements at and below `root`. */
function cardEscapes(root: Element, where: string): string[] {
  const escapes: string[] = [];
  for (const host of customElementsIn(root)) {
    for (const name of cardParts[host.localName] ?? []) {
      for (const card of host.shadowRoot?.querySelectorAll(`[part~="${name}"]`) ?? []) {
        const box = card.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        const kind = `<${host.localName}> ${name}`;
        cardsChecked.set(kind, (cardsChecked.get(kind) ?? 0) + 1);
        for (const [what, rect] of drawn(card)) {
          const by = outside(rect, box);
          if (by > ALLOWED) escapes.push(`at ${where}, ${cardName(host, card)}: ${what} by ${by.toFixed(1)} px`);
        }
      }
    }
  }
  return escapes;
}

/** The element at a point of the viewport, through open shadow roots. */
function deepElementFromPoint(x: number, y: number): Element | null {
  let found = document.elementFromPoint(x, y);
  while (found?.shadowRoot) {
    const inner = found.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === found) break;
    found = inner;
  }
  return found;
}

/** An element for messages: its tag, part and first words. */
function named(element: Element | null): string {
  if (!element) return 'nothing (outside the viewport)';
  const part = element.closest('[part]');
  return `<${element.localName}>${part ? ` in part="${part.getAttribute('part')}"` : ''} "${text(element).slice(0, 40)}"`;
}

const frames = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

describe('layout on a phone (390×844)', () => {
  before(() => setViewport(PHONE));
  after(() => setViewport({ width: 800, height: 600 }));

  it('finds the stories', () => {
    expect(stories.length).to.be.greaterThan(50);
  });

  for (const lang of languages) {
    describe(lang, () => {
      for (const entry of storiesIn(lang)) {
        it(`${storyId(entry)}: no sideways scrolling, nothing outside its card`, async () => {
          await setViewport(PHONE);
          window.scrollTo(0, 0);
          const { root } = await renderStory(entry, { lang });
          await settle(root);
          const page = document.documentElement;
          if (page.scrollWidth > page.clientWidth) {
            expect(sticksOut(root, page.clientWidth), `the page is ${page.scrollWidth} px wide on a ${page.clientWidth} px screen`).to.deep.equal([]);
          }
          expect(page.scrollWidth, `the page is ${page.scrollWidth} px wide on a ${page.clientWidth} px screen`).to.be.at.most(page.clientWidth);

          const escapes = cardEscapes(root, `${PHONE.width} px`);
          // The cards are narrowest in a desktop's columns (several to a row): checked there too.
          await setViewport(DESKTOP);
          await settle(root);
          escapes.push(...cardEscapes(root, `${DESKTOP.width} px`));
          expect(escapes).to.deep.equal([]);
        });
      }
    });
  }

  // A suite of its own, so that it runs after the stories' (Mocha runs a suite's own tests first).
  describe('after the stories', () => {
    it('checked cards of every kind', () => {
      const kinds = Object.entries(cardParts).flatMap(([element, names]) => names.map((name) => `<${element}> ${name}`));
      expect(kinds.filter((kind) => !cardsChecked.get(kind)), 'kinds of card never found in a story').to.deep.equal([]);
    });
  });

  describe('focus is never hidden', () => {
    const configurator = stories.find((entry) => entry.file === 'product-configurator.stories.ts' && entry.name === 'MeetingRoom');

    for (const lang of languages) {
      it(`tabbing through the configurator story (MeetingRoom), ${lang}: every focused control is in view and uncovered`, async () => {
        expect(configurator, 'the MeetingRoom story').to.not.equal(undefined);
        await setViewport(PHONE);
        window.scrollTo(0, 0);
        const { root } = await renderStory(configurator!, { lang });
        // As a reader's page is: the rows that content-visibility skips off screen too.
        await settle(root, { layoutAll: false });
        const shadow = root.shadowRoot!;
        const bar = shadow.querySelector<HTMLElement>('[part~="price-bar"]');
        expect(bar && getComputedStyle(bar).position, 'a sticky price bar on the phone').to.equal('sticky');
        (document.activeElement as HTMLElement | null)?.blur();
        // Where Tab goes after the configurator: without it, Tab would leave the page for the
        // browser's own controls, and the pages of the test files after this one would open
        // without the window's focus (and so without focus events).
        const next = document.createElement('button');
        next.textContent = 'after the configurator';
        root.after(next);

        const hidden: string[] = [];
        let checked = 0;
        let barShown = 0;
        for (let i = 0; i < 120; i++) {
          await sendKeys({ press: 'Tab' });
          await frames();
          if (document.activeElement !== root) break; // past the configurator
          const focused = shadow.activeElement as HTMLElement | null;
          if (!focused) continue;
          // An option card's input is visually hidden or small: what the reader sees is its card (the label).
          const shown = focused.closest('label') ?? focused;
          const box = shown.getBoundingClientRect();
          const insetX = Math.min(8, box.width / 4);
          const insetY = Math.min(8, box.height / 4);
          const points: [string, number, number][] = [
            ['centre', box.left + box.width / 2, box.top + box.height / 2],
            ['top left', box.left + insetX, box.top + insetY],
            ['top right', box.right - insetX, box.top + insetY],
            ['bottom left', box.left + insetX, box.bottom - insetY],
            ['bottom right', box.right - insetX, box.bottom - insetY],
          ];
          checked += 1;
          if (bar && getComputedStyle(bar).visibility === 'visible') barShown += 1;
          for (const [where, x, y] of points) {
            const hit = x >= 0 && y >= 0 && x < innerWidth && y < innerHeight ? deepElementFromPoint(x, y) : null;
            if (hit && (shown === hit || shown.contains(hit))) continue;
            const barTop = bar?.getBoundingClientRect().top;
            hidden.push(
              `${named(focused)} (box ${Math.round(box.top)}–${Math.round(box.bottom)} px, price bar from ${barTop === undefined ? '-' : Math.round(barTop)} px): its ${where} shows ${named(hit)}`,
            );
          }
        }
        next.remove();
        expect(checked, 'controls reached with Tab').to.be.greaterThan(20);
        expect(barShown, 'controls checked while the price bar was on screen').to.be.greaterThan(10);
        expect(hidden).to.deep.equal([]);
      });
    }
  });
});
