import type { TemplateResult } from 'lit';
import { html, literal } from 'lit/static-html.js';
import { nothing } from 'lit';

const HEADINGS = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/**
 * A real heading element (`h1`-`h6`) at `base + offset`, where `base` is an element's
 * `heading-level` (1 to 4, default 2), so a page fits the element into its outline.
 */
export function heading(base: number, offset: number, part: string, content: string, id?: string): TemplateResult {
  const level = Math.min(Math.max(Math.trunc(base) || 2, 1), 4) + offset;
  const tag = HEADINGS[level - 1] ?? HEADINGS[1]!;
  return html`<${tag} part=${part} class=${part} id=${id ?? nothing}>${content}</${tag}>`;
}
