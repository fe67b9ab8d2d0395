// Visual regression (#17): every story of stories/*.stories.ts at a desktop width
// (1280×800, visual.test.ts) and a phone's (390×844, visual-phone.test.ts), light and
// dark, screenshotted in Chromium and compared with the committed baselines in
// test/visual/baseline/ (the visualRegressionPlugin in web-test-runner.config.mjs: its
// threshold, and where a failed screenshot and its diff go). A spacing or overflow
// change fails `npm test`; a change meant to be seen is committed with new baselines:
// `npm run test:visual:update`. Two files, one per width, so that each stays well
// inside web-test-runner's time for a test file on a busy machine.
//
// Light: the whole story (down to MAX_HEIGHT). Dark: the page prefers a dark scheme
// (emulated) and the elements follow it (`theme="auto"`); its first screen is shot (the
// layout is the light one's; what dark adds is colour, and the first screen shows every
// kind of surface, text and control). A story with a theme of its own (`DarkTheme`) is
// shot once per width, in its own theme.
import { expect } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { allStories, customElementsIn, loadStoryModules, renderStory, settle, storyId, type StoryEntry } from './story-helpers.js';

const stories = allStories(await loadStoryModules());

export const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
type Viewport = keyof typeof viewports;
type Scheme = 'light' | 'dark';
const schemes: Scheme[] = ['light', 'dark'];

/**
 * The tallest screenshot: a story longer than this (a configurator on a phone, the
 * 2,000-feature model) is shot from its top down to here. layout.test.ts checks the
 * whole story at 390 px.
 */
const MAX_HEIGHT = 4000;

/** The scheme a story draws in whatever the page prefers, when it sets a theme of its own. */
function ownScheme(entry: StoryEntry): Scheme | undefined {
  const theme = entry.args.theme;
  return theme === 'dark' || theme === 'light' ? theme : undefined;
}

/** Every screenshot of a viewport, by scheme, with its baseline's name: `product-sheet-dark-theme-390-dark`. */
function shotsAt(viewport: Viewport) {
  return schemes.map((scheme) => ({
    scheme,
    stories: stories
      .filter((entry) => (ownScheme(entry) ?? scheme) === scheme)
      .map((entry) => ({ entry, name: `${storyId(entry)}-${viewports[viewport].width}-${scheme}` })),
  }));
}

/**
 * What is screenshotted: the story's root element's box (what its render function
 * returned), widened to the page's right edge when something sticks out of it, and
 * cut at the bottom of the window (and MAX_HEIGHT). A transparent box over the story,
 * so that the story's own elements are drawn exactly as laid out.
 */
function frameOver(root: HTMLElement): HTMLElement {
  const box = root.getBoundingClientRect();
  const overflow = document.documentElement.scrollWidth > innerWidth ? document.documentElement.scrollWidth : 0;
  const right = Math.max(box.right + scrollX, overflow);
  // Cut at the first screen of the page, not of wherever it has scrolled to (a focused control may scroll it).
  const height = Math.min(box.height, MAX_HEIGHT, innerHeight - (box.top + scrollY));
  const frame = document.createElement('div');
  Object.assign(frame.style, {
    position: 'absolute',
    left: `${box.left + scrollX}px`,
    top: `${box.top + scrollY}px`,
    width: `${Math.max(1, right - box.left - scrollX)}px`,
    height: `${Math.max(1, height)}px`,
    pointerEvents: 'none',
  });
  document.body.append(frame);
  return frame;
}

/**
 * The first screen of the story, with no focus ring: a play function may have moved focus
 * and scrolled, also late (the configurator focuses the repaired choice once it is shown),
 * and Chromium draws a focused control's ring only while the page has the window's focus,
 * which it does not always have in a test run. Both would make a shot depend on timing.
 */
async function unfocusedAtTop(): Promise<void> {
  let focused = document.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  (focused as HTMLElement | null)?.blur?.();
  for (let i = 0; i < 50 && scrollY !== 0; i++) {
    window.scrollTo(0, 0);
    await new Promise((done) => requestAnimationFrame(done));
  }
}

/**
 * Renders a story in a scheme, waits until it is still, and compares its screenshot
 * with the baseline. A light story taller than the screen is shot in a window as tall
 * as the story (as a full-page screenshot is), not scrolled: what scrolling leaves
 * stuck where (the configurator's price bar, the comparison's names row) would
 * otherwise depend on where the screenshot scrolls to, and would differ between runs.
 * The width, which the layout follows, is the viewport's.
 */
async function shoot(entry: StoryEntry, viewport: Viewport, scheme: Scheme, name: string): Promise<void> {
  const { width, height } = viewports[viewport];
  // The viewport as this shot needs it: the last light shot may have made it taller, and
  // a busy machine may not have applied its reset yet (a dark shot measures innerHeight).
  if (innerHeight !== height || innerWidth !== width) await setViewport({ width, height });
  for (let i = 0; i < 50 && innerHeight !== height; i++) await new Promise((done) => requestAnimationFrame(done));
  window.scrollTo(0, 0);
  const follows = scheme === 'dark' && !ownScheme(entry);
  const { root } = await renderStory(entry, { args: follows ? { theme: 'auto' } : {} });
  if (follows) {
    // A story whose render function does not pass the theme on: on the elements themselves.
    for (const element of customElementsIn(root)) if (!element.hasAttribute('theme')) element.setAttribute('theme', 'auto');
  }
  await settle(root);
  await unfocusedAtTop();
  await settle(root);
  let tall = false;
  if (scheme === 'light') {
    const bottom = Math.ceil(root.getBoundingClientRect().bottom);
    if (bottom > height) {
      tall = true;
      await setViewport({ width, height: Math.min(bottom, Math.ceil(root.getBoundingClientRect().top) + MAX_HEIGHT) });
      await settle(root);
      await unfocusedAtTop();
      await settle(root);
    }
  }
  const frame = frameOver(root);
  try {
    await visualDiff(frame, name);
  } finally {
    frame.remove();
    if (tall) await setViewport({ width, height });
  }
}

/**
 * The baselines are Chromium's rendering on Linux (Debian's fonts, as CI installs
 * them). On another system every text would differ: the screenshots are skipped there.
 */
const likeTheBaselines = /Linux/.test(navigator.userAgent) && !/Android/.test(navigator.userAgent);

/** The visual tests of one viewport: every story, light and dark. */
export function describeScreenshots(viewport: Viewport): void {
  const { width, height } = viewports[viewport];
  describe(`screenshots at ${width}×${height}`, () => {
    before(function () {
      if (!likeTheBaselines) {
        console.warn(`visual regression: skipped, the baselines are Chromium's rendering on Linux (this is ${navigator.userAgent})`);
        this.skip();
      }
      // The page's own background follows the emulated scheme, as a page with a dark theme would.
      document.documentElement.style.colorScheme = 'light dark';
    });
    after(async () => {
      await emulateMedia({ colorScheme: 'no-preference', reducedMotion: 'no-preference' });
      await setViewport({ width: 800, height: 600 });
    });

    for (const { scheme, stories: shots } of shotsAt(viewport)) {
      describe(scheme, () => {
        before(async () => {
          await setViewport({ width, height });
          await emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        });
        for (const { entry, name } of shots) it(name, () => shoot(entry, viewport, scheme, name));
      });
    }
  });
}

/** Fails on a committed baseline that no screenshot compares with (its story renamed or gone). */
export function describeBaselines(): void {
  it('finds the stories, and keeps no baseline that no screenshot uses', async () => {
    expect(stories.length).to.be.greaterThan(50);
    const all = (Object.keys(viewports) as Viewport[]).flatMap((viewport) => shotsAt(viewport).flatMap((shot) => shot.stories.map(({ name }) => `${name}.png`)));
    const names = new Set(all);
    expect(names.size, 'one name per screenshot').to.equal(all.length);
    // A variable, so TypeScript does not try to resolve the served module (see web-test-runner.config.mjs).
    const index = '/__visual_baselines__.js';
    const { baselines } = (await import(index)) as { baselines: string[] };
    expect(
      baselines.filter((file) => !names.has(file)),
      'baselines of screenshots no longer taken: delete them from packages/components/test/visual/baseline/',
    ).to.deep.equal([]);
  });
}
