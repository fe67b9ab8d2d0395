// The demo catalogs in examples/catalogs, loaded through the engine as a page would:
// every product in every locale of its catalog renders completely and is axe-clean.
import { expect, fixture, html } from '@open-wc/testing';
import { loadCatalog, localize, pictureViews, type Catalog, type Product } from '@cpq-kit/engine';
import avRooms from '../../../examples/catalogs/av-rooms.json' with { type: 'json' };
import collabSuite from '../../../examples/catalogs/collab-suite.json' with { type: 'json' };
import '../src/define/product-sheet.js';
import type { ProductSheet } from '../src/index.js';
import { part, parts, text, texts } from './helpers.js';

const catalogs: Record<string, Catalog> = {
  'av-rooms': loadCatalog(avRooms),
  'collab-suite': loadCatalog(collabSuite),
};

/** The headings the sheet should show for a product: the sections that have attributes, in order. */
function expectedSections(catalog: Catalog, product: Product, lang: string): string[] {
  const sections = product.sections ?? [];
  return sections
    .filter((section) => product.attributes.some((a) => a.section === section.id))
    .map((section) => localize(section.name, lang, catalog.defaultLocale));
}

describe('demo catalogs', () => {
  for (const [file, catalog] of Object.entries(catalogs)) {
    describe(file, () => {
      for (const product of catalog.products) {
        for (const lang of catalog.locales ?? [catalog.defaultLocale]) {
          it(`shows ${product.id} in ${lang}, completely, axe-clean`, async () => {
            const el = await fixture<ProductSheet>(
              html`<product-sheet .catalog=${catalog} product=${product.id} lang=${lang}></product-sheet>`,
            );
            const t = (value: Parameters<typeof localize>[0]) => localize(value, lang, catalog.defaultLocale);
            expect(text(part(el, 'name'))).to.equal(t(product.name));
            expect(text(parts(el, 'description')[0])).to.equal(t(product.description));
            expect(texts(el, 'attribute-name')).to.have.members(product.attributes.map((a) => t(a.name)));
            const sections = texts(el, 'section-name');
            expect(sections.slice(sections.length - expectedSections(catalog, product, lang).length)).to.deep.equal(
              expectedSections(catalog, product, lang),
            );
            const options = product.attributes.flatMap((a) => ('options' in a ? a.options.map((o) => t(o.name)) : []));
            expect(texts(el, 'option-name')).to.have.members(options);
            expect(parts(el, 'product-spec')).to.have.length(Object.keys(product.specs ?? {}).length);
            if (product.picture) {
              // The picture of the defaults; every layer the catalog names is served.
              expect((part(el, 'picture-base') as HTMLImageElement).alt.startsWith(t(product.name))).to.equal(true);
              const layers = product.attributes.flatMap((a) => ('options' in a ? a.options.flatMap((o) => o.layers ?? []) : a.kind === 'boolean' || a.kind === 'quantity' ? (a.layers ?? []) : []));
              for (const src of [...pictureViews(product.picture).map((v) => v.image), ...layers.map((l) => l.image)]) expect((await fetch(src)).ok, `${src} is served`).to.equal(true);
            } else if (product.image) {
              const image = part(el, 'image') as HTMLImageElement;
              expect(image.alt).to.equal(t(product.name));
              expect((await fetch(image.src)).ok, `${image.src} is served`).to.equal(true);
            }
            await expect(el).to.be.accessible();
          });
        }
      }
    });
  }
});
