// Node (server rendering, build tools): the built package imports without a DOM.
// Run after the build: node --test packages/components/test/node/
import assert from 'node:assert/strict';
import { test } from 'node:test';

test('the classes import in Node and register nothing', async () => {
  const components = await import('@cpq-kit/components');
  assert.equal(typeof components.ProductSheet, 'function');
  // Lit's Node build brings a minimal registry shim; importing the classes leaves it empty.
  assert.equal(globalThis.customElements?.get('product-sheet'), undefined);
});

test('the define modules import in Node, and define() works with the Lit shim', async () => {
  const { ProductSheet } = await import('@cpq-kit/components/define/all.js');
  assert.equal(globalThis.customElements.get('product-sheet'), ProductSheet);
  assert.doesNotThrow(() => ProductSheet.define());
  const alias = ProductSheet.define('acme-sheet');
  assert.ok(alias.prototype instanceof ProductSheet);
});
