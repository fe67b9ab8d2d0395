// Every story in stories/*.stories.ts renders and is axe-clean, so `npm test`
// enforces what the Storybook UI only shows. The list of story files comes from
// the test server (/__stories__.js, see web-test-runner.config.mjs), so a new
// story file is tested without editing this one.
import { expect } from '@open-wc/testing';
import { loadStoryModules, renderStory, storiesOf } from './story-helpers.js';

// Loaded up front, so that each story is a test of its own.
const modules = await loadStoryModules();

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
          // As Storybook does: the story's play function runs on the rendered canvas, so axe sees that state.
          const { root: element } = await renderStory({ file, name, story, meta: module.default, args: { ...module.default.args, ...story.args } });
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
