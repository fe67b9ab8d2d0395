// Every story in stories/*.stories.ts renders and is axe-clean, so `npm test`
// enforces what the Storybook UI only shows. The list of story files comes from
// the test server (/__stories__.js, see web-test-runner.config.mjs), so a new
// story file is tested without editing this one.
import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';

interface Story {
  name?: string;
  args?: Record<string, unknown>;
  render?: (args: Record<string, unknown>, context: unknown) => TemplateResult;
  /** CSF3: brings the rendered story to the state it shows (a conflict explained...). */
  play?: (context: { canvasElement: HTMLElement; args: Record<string, unknown> }) => Promise<void> | void;
}

interface Meta extends Story {
  title?: string;
  excludeStories?: string[] | RegExp;
  includeStories?: string[] | RegExp;
}

type StoryModule = Record<string, unknown> & { default: Meta };

// A variable, so TypeScript does not try to resolve the served module.
const index = '/__stories__.js';
const { storyFiles } = (await import(index)) as { storyFiles: [string, () => Promise<StoryModule>][] };

/** The story exports of a CSF module, as Storybook picks them. */
function storiesOf(module: StoryModule): [string, Story][] {
  const { excludeStories, includeStories } = module.default;
  const matches = (filter: string[] | RegExp, name: string) => (Array.isArray(filter) ? filter.includes(name) : filter.test(name));
  return Object.entries(module)
    .filter(([name]) => name !== 'default' && name !== '__namedExportsOrder')
    .filter(([name]) => !excludeStories || !matches(excludeStories, name))
    .filter(([name]) => !includeStories || matches(includeStories, name))
    .filter((entry): entry is [string, Story] => typeof entry[1] === 'object' && entry[1] !== null);
}

// Loaded up front, so that each story is a test of its own.
const modules = await Promise.all(storyFiles.map(async ([file, load]) => [file, await load()] as const));

describe('stories', () => {
  it('finds the story files', () => {
    expect(modules.map(([file]) => file)).to.include('product-sheet.stories.ts');
  });

  for (const [file, module] of modules) {
    describe(file, () => {
      const stories = storiesOf(module);

      it('has stories, each with a render function', () => {
        expect(stories.length).to.be.greaterThan(0);
        for (const [name, story] of stories) {
          expect(typeof (story.render ?? module.default.render), `${name} renders`).to.equal('function');
        }
      });

      for (const [name, story] of stories) {
        it(`${name} renders its elements and is axe-clean`, async () => {
          const args = { ...module.default.args, ...story.args };
          const render = story.render ?? module.default.render!;
          const element = await fixture(render(args, { args, name, title: module.default.title }));
          // As Storybook does: the story's play function runs on the rendered canvas, so axe sees that state.
          await (story.play ?? module.default.play)?.({ canvasElement: element.parentElement!, args });
          const custom = [element, ...element.querySelectorAll('*')].filter((e) => e.localName.includes('-'));
          expect(custom.length, 'renders a custom element').to.be.greaterThan(0);
          for (const e of custom) {
            expect(customElements.get(e.localName), `<${e.localName}> is defined`).not.to.equal(undefined);
            expect(e.shadowRoot?.childElementCount, `<${e.localName}> rendered`).to.be.greaterThan(0);
          }
          await expect(element).to.be.accessible();
        });
      }
    });
  }
});
