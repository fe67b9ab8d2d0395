// Node (server rendering, build tools): the built package imports without a DOM.
// Run after the build: node --test packages/components/test/node/
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

// Nothing of a browser is touched when the packages are imported: no `window`, `document`,
// `matchMedia`, `HTMLElement`... read or written by our code (Lit's own Node build reads
// some to pick its shims, and defines `customElements`: that is Lit's, and allowed), and no
// global defined beyond those the third-party modules define themselves. Each import runs
// in a fresh process where those globals are getters that note who asks.
const DOM_GLOBALS = [
  'window', 'self', 'document', 'navigator', 'location', 'history', 'screen', 'localStorage', 'sessionStorage',
  'matchMedia', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback',
  'innerWidth', 'innerHeight', 'devicePixelRatio', 'customElements', 'Node', 'Element', 'HTMLElement',
  'HTMLFormElement', 'Document', 'DocumentFragment', 'ShadowRoot', 'CSSStyleSheet', 'ElementInternals',
  'MutationObserver', 'ResizeObserver', 'IntersectionObserver', 'Worker',
];

/** The third-party modules that `specifier` imports statically, following our own packages' files. */
function thirdPartyImports(specifier) {
  const found = new Set();
  const seen = new Set();
  const visit = (url) => {
    if (seen.has(url)) return;
    seen.add(url);
    const source = readFileSync(new URL(url), 'utf8');
    for (const [, target] of source.matchAll(/^\s*(?:import|export)\s+(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
      if (target.startsWith('.')) visit(new URL(target, url).href);
      else if (target.startsWith('@cpq-kit/')) visit(import.meta.resolve(target));
      else found.add(target);
    }
  };
  visit(import.meta.resolve(specifier));
  return [...found].sort();
}

const probe = `
const [entry, dependencies, names, ours] = process.argv.slice(1).map((arg) => JSON.parse(arg));
for (const dependency of dependencies) await import(dependency);
const touched = [];
for (const name of names) {
  const own = Object.getOwnPropertyDescriptor(globalThis, name);
  let value = own && ('value' in own ? own.value : own.get.call(globalThis));
  const note = (how) => {
    // The frame below this getter is the code that asked.
    const caller = new Error().stack.split('\\n')[3] ?? '';
    if (caller.includes(ours) && !caller.includes('/node_modules/')) touched.push(how + ' ' + name + ' ' + caller.trim());
  };
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() { note('read'); return value; },
    set(next) { note('wrote'); value = next; },
  });
}
const before = new Set(Reflect.ownKeys(globalThis));
await import(entry);
const added = Reflect.ownKeys(globalThis).filter((key) => !before.has(key)).map(String);
console.log(JSON.stringify({ touched, added }));
`;

/** What importing `entry` in a fresh Node process touches and adds of the globals. */
function importAlone(entry) {
  const ours = fileURLToPath(new URL('../../../', import.meta.url));
  const args = [entry, thirdPartyImports(entry), DOM_GLOBALS, ours].map((arg) => JSON.stringify(arg));
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', probe, ...args], { cwd: fileURLToPath(new URL('../../../../', import.meta.url)), encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1));
}

test('importing the engine and the components touches no DOM global and defines no global', () => {
  for (const entry of ['@cpq-kit/engine', '@cpq-kit/components']) {
    assert.deepEqual(importAlone(entry), { touched: [], added: [] }, entry);
  }
});

test('the define modules touch no DOM global but `customElements` (Lit’s registry in Node)', () => {
  const { touched, added } = importAlone('@cpq-kit/components/define/all.js');
  assert.deepEqual(added, []);
  assert.ok(touched.length > 0, 'define() should ask for customElements');
  assert.deepEqual([...new Set(touched.map((line) => line.split(' ')[1]))], ['customElements']);
});
