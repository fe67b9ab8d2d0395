import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Attributes per block: a block renders its rows, or stands in for them as an empty box. */
const BLOCK = 40;

/** How far beyond the viewport blocks render (about two screens), so scrolling and Tab find rows there. */
const MARGIN = '1600px 0px';

/** A row's height until one is measured (a boolean feature's switch row). */
const ROW_ESTIMATE = 52;

/**
 * Which blocks of a long product's attributes are on screen. A product of thousands of
 * features (automotive02: 14,010) cannot keep a row for each in the page: every click
 * would update them all. So its attributes are cut into blocks of {@link BLOCK}; a block
 * near the viewport renders its rows, the others render an empty box as tall as they
 * were when last rendered (or as the rows measured so far), so the page scrolls as if
 * every row were there. A block holding the focus stays rendered.
 *
 * The host renders `<div data-block=n>` for every block, with its rows when
 * {@link near}(n); the controller sets the empty boxes' heights through the CSSOM (no
 * style attribute: pages with a strict content security policy block those).
 */
export class AttributeWindow implements ReactiveController {
  /** Attributes per block ({@link BLOCK}). */
  readonly size = BLOCK;
  readonly #host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };
  #observer: IntersectionObserver | undefined;
  readonly #near = new Set<number>();
  readonly #heights = new Map<number, number>();
  readonly #observed = new WeakSet<Element>();
  /** The height each empty box was given last (most stay the same from click to click). */
  readonly #given = new WeakMap<HTMLElement, number>();
  #rows = 0;
  #rowsHeight = 0;

  constructor(host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment }) {
    this.#host = host;
    host.addController(this);
  }

  /** Starts over for another product: the first blocks render until the observer reports. */
  reset(first = 2): void {
    this.#near.clear();
    this.#heights.clear();
    this.#rows = this.#rowsHeight = 0;
    for (let n = 0; n < first; n++) this.#near.add(n);
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  /** Whether block n renders its rows. */
  near(block: number): boolean {
    return this.#near.has(block);
  }

  /** Renders block n at once (e.g. to move the focus to one of its rows); true if it was not. */
  show(block: number): boolean {
    if (this.#near.has(block)) return false;
    this.#near.add(block);
    this.#host.requestUpdate();
    return true;
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  hostUpdated(): void {
    const blocks = this.#host.renderRoot.querySelectorAll<HTMLElement>('[data-block]');
    if (blocks.length === 0) return;
    this.#observer ??= new IntersectionObserver((entries) => this.#moved(entries), { rootMargin: MARGIN });
    for (const element of blocks) {
      if (!this.#observed.has(element)) {
        this.#observed.add(element);
        this.#observer.observe(element);
      }
      const n = Number(element.dataset['block']);
      const height = this.#near.has(n) ? 0 : Math.round(this.#heights.get(n) ?? Number(element.dataset['rows']) * (this.#rows > 0 ? this.#rowsHeight / this.#rows : ROW_ESTIMATE));
      if (this.#given.get(element) === height) continue;
      this.#given.set(element, height);
      if (height === 0) element.style.removeProperty('block-size');
      else element.style.setProperty('block-size', `${height}px`);
    }
  }

  #moved(entries: IntersectionObserverEntry[]): void {
    let changed = false;
    const focused = (this.#host.renderRoot as ShadowRoot).activeElement?.closest('[data-block]');
    for (const { target, isIntersecting, boundingClientRect } of entries) {
      const n = Number((target as HTMLElement).dataset['block']);
      if (isIntersecting && !this.#near.has(n)) {
        this.#near.add(n);
        changed = true;
      } else if (!isIntersecting && this.#near.has(n) && target !== focused) {
        // Leaving: its height stands in for its rows from now on.
        const rows = Number((target as HTMLElement).dataset['rows']);
        if (!this.#heights.has(n)) {
          this.#rows += rows;
          this.#rowsHeight += boundingClientRect.height;
        }
        this.#heights.set(n, boundingClientRect.height);
        this.#near.delete(n);
        changed = true;
      }
    }
    if (changed) this.#host.requestUpdate();
  }
}
