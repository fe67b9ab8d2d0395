import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Room kept between a focused control and the price bar above it. */
const GAP = 8;

/**
 * The sticky price bar of narrow screens, kept out of the buyer's way:
 * - it never covers the focused control (WCAG 2.2, 2.4.11 focus not obscured): a
 *   control that Tab moves under it is scrolled up above it;
 * - it hides while the summary's own total is on screen, where it would only repeat it.
 *
 * The host renders the bar as `[part~="price-bar"]` and the summary's total as
 * `[part~="total"]`; the bar is `aria-hidden` (the summary says the same to everyone).
 */
export class PriceBar implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };
  #observer: IntersectionObserver | undefined;
  #total: Element | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment }) {
    this.#host = host;
    host.addController(this);
  }

  // On the shadow root: focus moving between controls inside it fires no event at the host.
  hostConnected(): void {
    this.#host.renderRoot.addEventListener('focusin', this.#focused as EventListener);
  }

  hostDisconnected(): void {
    this.#host.renderRoot.removeEventListener('focusin', this.#focused as EventListener);
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#total = null;
  }

  hostUpdated(): void {
    const total = this.#host.renderRoot.querySelector('[part~="total"]');
    if (total === this.#total) return;
    this.#observer?.disconnect();
    this.#total = total;
    if (!total) return;
    this.#observer ??= new IntersectionObserver(([entry]) => this.#bar()?.toggleAttribute('data-summary-shown', entry!.isIntersecting));
    this.#observer.observe(total);
  }

  #bar(): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>('[part~="price-bar"]');
  }

  readonly #focused = (event: FocusEvent): void => {
    const target = event.composedPath()[0];
    // After the browser's own scrolling to the focused control, which comes after the event.
    if (target instanceof HTMLElement) requestAnimationFrame(() => this.#clear(target));
  };

  #clear(target: HTMLElement): void {
    const bar = this.#bar();
    if (!bar || getComputedStyle(bar).display === 'none' || bar.hasAttribute('data-summary-shown')) return;
    // An option card's input is small or visually hidden: keep the whole card clear.
    const shown = target.closest('label') ?? target;
    const covered = shown.getBoundingClientRect().bottom + GAP - bar.getBoundingClientRect().top;
    if (covered > 0) {
      shown.style.setProperty('scroll-margin-bottom', `${bar.offsetHeight + GAP}px`);
      shown.scrollIntoView({ block: 'nearest' });
    }
  }
}
