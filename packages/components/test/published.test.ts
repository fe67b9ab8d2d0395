/**
 * What a page loads: a published catalog with its precompiled space needs no catalog
 * checks, and the texts of a language come only when an element is in that language.
 * One file, one page: the resource timings below are this page's and nothing else's.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { compile, loadCatalog, saveSpace } from '@cpq-kit/engine';
import '../src/define/product-configurator.js';
import type { ProductConfigurator } from '../src/index.js';
import { loaded, part, parts, text } from './helpers.js';
// Served as a module by the test server, so the pages below get it as a blob: the file a site would publish.
import avRoomsJson from '../../../examples/catalogs/av-rooms.json' with { type: 'json' };

const DATE = '2026-11-20';
// The test server serves every module on its own: keep every resource timing, not the default 250.
performance.setResourceTimingBufferSize(100_000);
/** Whether this page has fetched a module whose path matches, e.g. the catalog checks. */
const fetched = (pattern: RegExp) => performance.getEntriesByType('resource').some((entry) => pattern.test(entry.name));
const CHECKS = /\/internal\/load-catalog\.[jt]s/;
const blobUrl = (value: unknown) => URL.createObjectURL(new Blob([JSON.stringify(value)], { type: 'application/json' }));

describe('what a page loads', () => {
  it('a published catalog with its space shows and prices the product without loading the catalog checks', async () => {
    const space = await saveSpace(compile(loadCatalog(avRoomsJson), { product: 'meeting-room' }));
    const el = await fixture<ProductConfigurator>(
      html`<product-configurator src=${blobUrl(avRoomsJson)} space-src=${blobUrl(space)} product="meeting-room" price-date=${DATE}></product-configurator>`,
    );
    await loaded(el);
    expect(parts(el, 'attribute').length).to.be.greaterThan(3);
    expect(text(part(el, 'total'))).to.match(/€/);
    expect(fetched(CHECKS), 'catalog checks fetched').to.equal(false);
    expect(fetched(/\/translations\/(de|fr)\./), 'German or French fetched for an English page').to.equal(false);
  });

  it('a published catalog changed after publishing is refused, and says so', async () => {
    const space = await saveSpace(compile(loadCatalog(avRoomsJson), { product: 'meeting-room' }));
    const edited = structuredClone(avRoomsJson) as { name: Record<string, string> };
    edited.name = { ...edited.name, en: 'Edited after publishing' };
    const el = await fixture<ProductConfigurator>(html`<product-configurator src=${blobUrl(edited)} space-src=${blobUrl(space)}></product-configurator>`);
    await loaded(el);
    expect(text(part(el, 'error'))).to.match(/catalog\.hash: the space was compiled from catalog av-rooms .* not from this catalog/);
  });

  it('a German page renders German from its first paint, fetching German only', async () => {
    const space = await saveSpace(compile(loadCatalog(avRoomsJson), { product: 'meeting-room' }));
    const el = await fixture<ProductConfigurator>(
      html`<product-configurator lang="de" src=${blobUrl(avRoomsJson)} space-src=${blobUrl(space)} product="meeting-room" price-date=${DATE}></product-configurator>`,
    );
    // The very first render (the loading state) is German already: no English flash.
    expect(text(part(el, 'loading'))).to.equal('Produkt wird geladen …');
    await loaded(el);
    expect(text(part(el, 'summary-name'))).to.equal('Ihre Konfiguration');
    expect(fetched(/\/translations\/de\./)).to.equal(true);
    expect(fetched(/\/translations\/fr\./)).to.equal(false);
  });

  it('a large catalog by URL is checked and compiled in a worker: the page loads no checks', async () => {
    // 300 on/off features with long descriptions: over 200 KB of catalog text.
    const features = Array.from({ length: 300 }, (_, i) => ({ id: `f${i}`, kind: 'boolean', name: `Feature ${i}`, description: `${'A long description. '.repeat(40)}${i}` }));
    const big = { id: 'big', version: '1', name: 'Big', defaultCurrency: 'EUR', defaultLocale: 'en', products: [{ id: 'machine', name: 'Machine', attributes: features }] };
    const el = await fixture<ProductConfigurator>(html`<product-configurator src=${blobUrl(big)}></product-configurator>`);
    await loaded(el);
    expect(text(part(el, 'name'))).to.equal('Machine');
    expect(el.session!.compiled.catalog.products[0]!.attributes).to.have.length(300);
    expect(fetched(/compile-worker\./), 'the worker').to.equal(true);
    expect(fetched(CHECKS), 'checks in the page').to.equal(false);
    // A mistake in it comes back from the worker with its path.
    big.products[0]!.attributes[7]!.id = 'f3';
    const broken = await fixture<ProductConfigurator>(html`<product-configurator src=${blobUrl(big)}></product-configurator>`);
    await loaded(broken);
    expect(text(part(broken, 'error'))).to.match(/products\[0\]\.attributes\[7\]\.id: duplicate attribute id "f3"/);
  });

  it('a catalog without a space is checked in the page, with the checks loaded then', async () => {
    const broken = structuredClone(avRoomsJson) as { products: { attributes: { id: string }[] }[] };
    broken.products[0]!.attributes[1]!.id = broken.products[0]!.attributes[0]!.id;
    const el = await fixture<ProductConfigurator>(html`<product-configurator src=${blobUrl(broken)}></product-configurator>`);
    await loaded(el);
    expect(fetched(CHECKS)).to.equal(true);
    expect(text(part(el, 'error'))).to.match(/products\[0\]\.attributes\[1\]\.id: duplicate attribute id/);
  });
});
