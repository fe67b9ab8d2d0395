// The Storybook stories as the browser tests see them: stories.test.ts (every story
// renders and is axe-clean), visual.test.ts (screenshots against baselines) and
// layout.test.ts (nothing overflows on a phone, focus never hidden) all render
// them through here, as Storybook would: the meta's args and render function, the
// story's own, then its play function on the canvas.
import { fixture, html } from '@open-wc/testing';
import type { ReactiveElement, TemplateResult } from 'lit';

/** Story args: what the story's render function reads (`lang`, `theme`, a catalog...). */
export type Args = Record<string, unknown>;

export interface Story {
  name?: string;
  args?: Args;
  render?: (args: Args, context: unknown) => TemplateResult;
  /** CSF3: brings the rendered story to the state it shows (a conflict explained...). */
  play?: (context: { canvasElement: HTMLElement; args: Args }) => Promise<void> | void;
}

export interface Meta extends Story {
  title?: string;
  excludeStories?: string[] | RegExp;
  includeStories?: string[] | RegExp;
}

export type StoryModule = Record<string, unknown> & { default: Meta };

/** One story of a story file, with everything needed to render it. */
export interface StoryEntry {
  /** The story file, e.g. `product-sheet.stories.ts`. */
  readonly file: string;
  /** The story's export name, e.g. `DarkTheme`. */
  readonly name: string;
  readonly story: Story;
  readonly meta: Meta;
  /** The args Storybook gives the story: the meta's, then the story's own. */
  readonly args: Args;
}

/**
 * Every story file in stories/, loaded (the list comes from the test server's
 * /__stories__.js, see web-test-runner.config.mjs, so a new file is tested
 * without editing the tests).
 */
export async function loadStoryModules(): Promise<(readonly [string, StoryModule])[]> {
  // A variable, so TypeScript does not try to resolve the served module.
  const index = '/__stories__.js';
  const { storyFiles } = (await import(index)) as { storyFiles: [string, () => Promise<StoryModule>][] };
  return Promise.all(storyFiles.map(async ([file, load]) => [file, await load()] as const));
}

/** The story exports of a CSF module, as Storybook picks them. */
export function storiesOf(module: StoryModule): [string, Story][] {
  const { excludeStories, includeStories } = module.default;
  const matches = (filter: string[] | RegExp, name: string) => (Array.isArray(filter) ? filter.includes(name) : filter.test(name));
  return Object.entries(module)
    .filter(([name]) => name !== 'default' && name !== '__namedExportsOrder')
    .filter(([name]) => !excludeStories || !matches(excludeStories, name))
    .filter(([name]) => !includeStories || matches(includeStories, name))
    .filter((entry): entry is [string, Story] => typeof entry[1] === 'object' && entry[1] !== null);
}

/** Every story of every story file, in file order. */
export function allStories(modules: readonly (readonly [string, StoryModule])[]): StoryEntry[] {
  return modules.flatMap(([file, module]) =>
    storiesOf(module).map(([name, story]) => ({ file, name, story, meta: module.default, args: { ...module.default.args, ...story.args } })),
  );
}

/** A story's stable name for files and test titles: `product-sheet-dark-theme`. */
export function storyId(entry: StoryEntry): string {
  const kebab = entry.name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();
  return `${entry.file.replace(/\.stories\.ts$/, '')}-${kebab}`;
}

export interface RenderOptions {
  /** Args over the story's own (e.g. `{ theme: 'auto' }`). */
  args?: Args;
  /**
   * A `lang` on the story's canvas, which the elements follow unless the story sets
   * their own: set after the play function, which may look for controls by their
   * English names, so the state it brings the story to is then shown in that language.
   */
  lang?: string;
}

/** A rendered story: its root element (what the render function returned) and the canvas around it. */
export interface RenderedStory {
  readonly root: HTMLElement;
  readonly canvas: HTMLElement;
  readonly args: Args;
}

/** Renders a story as Storybook does, and runs its play function on the canvas. */
export async function renderStory(entry: StoryEntry, options: RenderOptions = {}): Promise<RenderedStory> {
  const args = { ...entry.args, ...options.args };
  const render = entry.story.render ?? entry.meta.render!;
  const template = render(args, { args, name: entry.name, title: entry.meta.title });
  const canvas = await fixture<HTMLElement>(html`<div>${template}</div>`);
  const root = canvas.firstElementChild as HTMLElement;
  await (root as Partial<ReactiveElement>).updateComplete;
  await (entry.story.play ?? entry.meta.play)?.({ canvasElement: canvas, args });
  if (options.lang) canvas.lang = options.lang;
  return { root, canvas, args };
}

/** The element and every element below it, through open shadow roots (document order). */
export function deepElements(root: Element): Element[] {
  const found: Element[] = [];
  const visit = (element: Element) => {
    found.push(element);
    if (element.shadowRoot) for (const child of element.shadowRoot.children) visit(child);
    for (const child of element.children) visit(child);
  };
  visit(root);
  return found;
}

/** The custom elements (Lit or not) at and below `root`, through shadow roots. */
export function customElementsIn(root: Element): HTMLElement[] {
  return deepElements(root).filter((e): e is HTMLElement => e instanceof HTMLElement && e.localName.includes('-'));
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Transitions, animations and the text caret off, in a shadow root or the document. */
const stillness = new CSSStyleSheet();
stillness.replaceSync(`*, *::before, *::after {
  transition: none !important;
  animation: none !important;
  caret-color: transparent !important;
  scroll-behavior: auto !important;
}`);

/**
 * Every box laid out, also those that `content-visibility: auto` skips while they are
 * off screen: their placeholder size would make the layout depend on what was scrolled
 * past before (what the page looks like once the reader has seen it all).
 */
const layoutAll = new CSSStyleSheet();
layoutAll.replaceSync(`*, *::before, *::after { content-visibility: visible !important; }`);

export interface SettleOptions {
  /** Lay out what `content-visibility: auto` skips (default true; false: as a reader's page is). */
  layoutAll?: boolean;
}

/** Makes `root` and everything below it still (and, unless told otherwise, fully laid out), in every shadow root too. */
export function stopMotion(root: Element, { layoutAll: all = true }: SettleOptions = {}): void {
  const sheets = all ? [stillness, layoutAll] : [stillness];
  for (const target of [document, ...customElementsIn(root).map((e) => e.shadowRoot)]) {
    if (!target) continue;
    const missing = sheets.filter((sheet) => !target.adoptedStyleSheets.includes(sheet));
    if (missing.length > 0) target.adoptedStyleSheets = [...target.adoptedStyleSheets, ...missing];
  }
}

/**
 * A frame, and then the rest of it: every callback the page asked for in that frame
 * has run (an element's own requestAnimationFrame after a ResizeObserver, registered
 * after ours), and the updates they started.
 */
const wholeFrame = async () => {
  await frame();
  await new Promise((resolve) => setTimeout(resolve));
};

/**
 * Waits until a rendered story is still: every element (through shadow roots) has
 * finished updating, a translation loaded on first use has arrived, fonts are
 * loaded, every image is loaded and decoded (lazy ones are asked for at once, so a
 * screenshot does not depend on what was in view), nothing moves, and the story's
 * size and markup stay the same over two whole frames.
 */
export async function settle(root: Element, options: SettleOptions = {}): Promise<void> {
  let last = '';
  let stable = 0;
  for (let round = 0; round < 100; round++) {
    const elements = customElementsIn(root);
    await Promise.all(elements.map((e) => (e as Partial<ReactiveElement>).updateComplete));
    stopMotion(root, options);
    await document.fonts.ready;
    const images = deepElements(root).filter((e): e is HTMLImageElement => e instanceof HTMLImageElement);
    for (const image of images) if (image.loading === 'lazy') image.loading = 'eager';
    // A broken image (a story's bad URL) is part of what the story shows: it need not decode.
    await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
    await wholeFrame();
    const box = root.getBoundingClientRect();
    const now = [box.width, box.height, elements.length, images.length, ...elements.map((e) => e.shadowRoot?.innerHTML.length ?? 0)].join();
    const pending = elements.some((e) => (e as Partial<ReactiveElement>).isUpdatePending);
    stable = !pending && now === last ? stable + 1 : 0;
    if (stable === 2) return;
    last = now;
  }
  throw new Error(`<${root.localName}> did not settle`);
}
