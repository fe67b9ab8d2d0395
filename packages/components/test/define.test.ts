// Registration. This file runs in a page of its own, and imports the classes only,
// never a src/define/* module, so it sees exactly what importing the classes does.
import { expect, fixture, html } from '@open-wc/testing';
import { ProductSheet } from '../src/index.js';
import { roomCatalog } from './fixtures.js';
import { part, text } from './helpers.js';

/** Runs `action` with console.warn recorded; returns the warnings. */
function warnings(action: () => void): string[] {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  try {
    action();
  } finally {
    console.warn = original;
  }
  return seen;
}

describe('registration', () => {
  // Must stay first: later tests register tags.
  it('importing the classes registers nothing', () => {
    expect(customElements.get('product-sheet')).to.equal(undefined);
    expect(customElements.getName(ProductSheet)).to.equal(null);
  });

  it('define() registers the default tag and returns the class', () => {
    let registered: CustomElementConstructor | undefined;
    expect(warnings(() => (registered = ProductSheet.define()))).to.deep.equal([]);
    expect(registered).to.equal(ProductSheet);
    expect(customElements.get('product-sheet')).to.equal(ProductSheet);
  });

  it('defining the same class under the same tag again is harmless and quiet', () => {
    expect(warnings(() => ProductSheet.define())).to.deep.equal([]);
    expect(warnings(() => ProductSheet.define('product-sheet'))).to.deep.equal([]);
    expect(customElements.get('product-sheet')).to.equal(ProductSheet);
  });

  it('a tag taken by another element (another copy of the library) warns, does not throw, and keeps the first', () => {
    // A second copy of cpq-kit has its own, different ProductSheet class.
    class OtherCopy extends HTMLElement {}
    customElements.define('vendor-sheet', OtherCopy);
    let result: CustomElementConstructor | undefined;
    const seen = warnings(() => (result = ProductSheet.define('vendor-sheet')));
    expect(seen).to.have.length(1);
    expect(seen[0]).to.contain('<vendor-sheet>');
    expect(result).to.equal(OtherCopy);
    expect(customElements.get('vendor-sheet')).to.equal(OtherCopy);
  });

  it('registers the same class under a second tag name, quietly, also twice', () => {
    let alias: CustomElementConstructor | undefined;
    expect(warnings(() => (alias = ProductSheet.define('acme-sheet')))).to.deep.equal([]);
    expect(alias).not.to.equal(ProductSheet, 'a constructor can be registered once: the second name gets a subclass');
    expect(alias!.prototype).to.be.instanceOf(ProductSheet);
    expect(customElements.get('acme-sheet')).to.equal(alias);
    expect(warnings(() => ProductSheet.define('acme-sheet'))).to.deep.equal([]);
    expect(customElements.get('acme-sheet')).to.equal(alias);
  });

  it('both tag names render on one page', async () => {
    ProductSheet.define();
    ProductSheet.define('acme-sheet');
    const catalog = roomCatalog();
    const page = await fixture<HTMLDivElement>(html`
      <div>
        <product-sheet .catalog=${catalog} product="room"></product-sheet>
        <acme-sheet .catalog=${catalog} product="team" lang="de"></acme-sheet>
      </div>
    `);
    const [first, second] = [page.querySelector('product-sheet')!, page.querySelector('acme-sheet') as ProductSheet];
    await Promise.all([first.updateComplete, second.updateComplete]);
    expect(second).to.be.instanceOf(ProductSheet);
    expect(text(part(first, 'name'))).to.equal('Meeting room');
    expect(text(part(second, 'name'))).to.equal('Team-Lizenz');
    await expect(page).to.be.accessible();
  });

  it('an invalid tag name is a programming error and throws', () => {
    expect(() => ProductSheet.define('sheet')).to.throw(DOMException);
    expect(customElements.get('sheet')).to.equal(undefined);
  });

  it('does nothing where there is no custom element registry (server rendering)', () => {
    const registry = Object.getOwnPropertyDescriptor(window, 'customElements');
    Object.defineProperty(window, 'customElements', { value: undefined, configurable: true });
    try {
      expect(ProductSheet.define('server-sheet')).to.equal(undefined);
    } finally {
      if (registry) Object.defineProperty(window, 'customElements', registry);
      else delete (window as { customElements?: CustomElementRegistry }).customElements;
    }
    expect(customElements.get('server-sheet')).to.equal(undefined);
    expect(customElements.get('product-sheet')).to.equal(ProductSheet);
  });
});
