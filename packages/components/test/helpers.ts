import type { MoneyJSON } from '@cpq-kit/engine';
import { elementUpdated } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { a11ySnapshot, findAccessibilityNode } from '@web/test-runner-commands';

/** The elements of an element's shadow root that carry a part. */
export function parts(element: Element, name: string): HTMLElement[] {
  return [...(element.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${name}"]`) ?? [])];
}

/** The first element of a shadow root with a part; fails the test when there is none. */
export function part(element: Element, name: string): HTMLElement {
  const found = parts(element, name)[0];
  if (!found) throw new Error(`no part "${name}" in <${element.localName}>`);
  return found;
}

/** Text as a reader sees it: markup whitespace collapsed and trimmed (no-break spaces kept). */
export function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, '');
}

/** The texts of every element with a part. */
export function texts(element: Element, name: string): string[] {
  return parts(element, name).map(text);
}

/**
 * Waits until a change made elsewhere (an ancestor's `lang`, seen by a
 * MutationObserver) has reached the element and it has rendered.
 */
export async function settled(element: LitElement): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await elementUpdated(element);
}

/**
 * An amount as a reader sees it, formatted independently of the elements: Intl with
 * the decimal string itself (exact, as the elements pass it). `signed`: "+€30.00".
 */
export function money(m: MoneyJSON, lang = 'en', signed = false): string {
  const options: Intl.NumberFormatOptions = { style: 'currency', currency: m.currency };
  if (signed) options.signDisplay = 'exceptZero';
  // The elements write one minus sign, U+2212, in every language (Intl writes a hyphen in English).
  return new Intl.NumberFormat(lang, options).format(m.amount as unknown as number).replace('-', '\u2212');
}

/** Waits until a configurator has loaded its product (or shown why not): no loading part left. */
export async function loaded(el: LitElement): Promise<void> {
  for (let tries = 0; tries < 300; tries++) {
    await el.updateComplete;
    if (el.shadowRoot?.firstElementChild && !el.shadowRoot.querySelector('[part~="loading"]')) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`<${el.localName}> is still loading`);
}

/** A node of the browser's accessibility tree: names and descriptions as assistive technology gets them. */
export interface AxNode {
  readonly role: string;
  readonly name?: string;
  readonly description?: string;
  readonly focused?: boolean;
  readonly children?: AxNode[];
}

/** The first node of the page's accessibility tree (Chromium's own, through the test runner) that `test` accepts. */
export async function axNode(test: (node: AxNode) => boolean): Promise<AxNode | null> {
  const snapshot = (await a11ySnapshot({})) as unknown as AxNode & { children: AxNode[] };
  return findAccessibilityNode<AxNode>(snapshot, test);
}

/**
 * What is drawn inside `root`, with a name for messages: every element's box and
 * every line of text, through open shadow roots, except the visually hidden words
 * for assistive technology (clipped to nothing on screen).
 */
export function drawn(root: Element): [string, DOMRect][] {
  const found: [string, DOMRect][] = [];
  const hidden = (node: Node) => !!(node instanceof Element ? node : node.parentElement)?.closest('.visually-hidden');
  const visit = (scope: Element | ShadowRoot) => {
    for (const element of scope.querySelectorAll('*')) {
      if (element.shadowRoot) visit(element.shadowRoot);
      if (hidden(element)) continue;
      const box = element.getBoundingClientRect();
      if (box.width > 0 || box.height > 0) found.push([`<${element.localName}${element.hasAttribute('part') ? ` part="${element.getAttribute('part')}"` : ''}>`, box]);
    }
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (hidden(node) || !node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const line of range.getClientRects()) found.push([`"${text(node)}"`, line]);
    }
  };
  visit(root);
  return found;
}

/** How far `inner` reaches out of `outer`, in CSS pixels, on its worst side (0 or less: inside). */
export function outside(inner: DOMRect, outer: DOMRect): number {
  return Math.max(outer.left - inner.left, inner.right - outer.right, outer.top - inner.top, inner.bottom - outer.bottom);
}
