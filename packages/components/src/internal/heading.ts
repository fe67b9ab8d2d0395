import { html, nothing, type TemplateResult } from 'lit';

/**
 * A real heading element (`h1`-`h6`) at `base + offset`, where `base` is an element's
 * `heading-level` (1 to 4, default 2), so a page fits the element into its outline.
 * One template per level: a tag name cannot be bound, and lit's static templates
 * would cost a page more bytes than these six lines.
 */
export function heading(base: number, offset: number, part: string, content: string, id?: string): TemplateResult {
  const level = Math.min(Math.max(Math.trunc(base) || 2, 1), 4) + offset;
  const i = id ?? nothing;
  switch (level) {
    case 1: return html`<h1 part=${part} class=${part} id=${i}>${content}</h1>`;
    case 3: return html`<h3 part=${part} class=${part} id=${i}>${content}</h3>`;
    case 4: return html`<h4 part=${part} class=${part} id=${i}>${content}</h4>`;
    case 5: return html`<h5 part=${part} class=${part} id=${i}>${content}</h5>`;
    case 6: return html`<h6 part=${part} class=${part} id=${i}>${content}</h6>`;
    default: return html`<h2 part=${part} class=${part} id=${i}>${content}</h2>`;
  }
}
