import { css, html, nothing, type TemplateResult } from 'lit';
import { pictureLayers, pictureViews, type Configuration, type LocalText, type Product } from '@cpq-kit/engine';

/** How an element lets the buyer turn the picture to another of its views. */
export interface ViewPicker {
  /** The id of the view shown; the picture's first when none, or none of its views. */
  shown: string | undefined;
  /** The picker's accessible name, in the reader's language ("View"). */
  label: string;
  choose(view: string): void;
}

/** The picker of an element whose `pictureView` property holds the view shown. */
export function viewPicker(host: { pictureView: string }, label: string): ViewPicker {
  return { shown: host.pictureView, label, choose: (view) => (host.pictureView = view) };
}

/**
 * A product's picture that follows the configuration: the catalog's base image with
 * the layers of the chosen options stacked over it (the engine's `pictureLayers`), in
 * the view shown, with a picker of the views when the catalog lists more than one and
 * the element offers one. Every image has the catalog's width and height, so the box
 * has its size before anything loads; they load lazily. The base image's alternative
 * text names the product and what is drawn ("Meeting room system, Floor stand,
 * 98-inch 4K display"), the layers are decorative. Catalog text is rendered as text.
 */
export function picture(product: Product, selections: Configuration['selections'], text: (value: LocalText) => string, picker?: ViewPicker): TemplateResult | typeof nothing {
  const { picture } = product;
  if (!picture) return nothing;
  const views = pictureViews(picture);
  const view = views.find((v) => v.id === picker?.shown) ?? views[0]!;
  const layers = pictureLayers(product, selections, view.id);
  const pickable = picker && views.length > 1;
  // A list, not a sentence: no punctuation that differs by language (a French colon has a space before it).
  // With a picker, which view is shown ("Floor plan") after the product's name.
  const alt = [...new Set([product.name, ...(pickable ? [view.name!] : []), ...layers.map((layer) => layer.name)].map(text))].join(', ');
  const image = (src: string, part: string, alt: string): TemplateResult =>
    html`<img part=${part} class=${part} src=${src} width=${picture.width} height=${picture.height} alt=${alt} loading="lazy" decoding="async" />`;
  // Native radios: one tab stop, arrow keys between the views, announced as "2 of 2". Checked
  // by attribute, which server rendering writes, and by property, which a radio the buyer
  // has clicked follows (`nothing` for off: server rendering would write checked="false").
  const choices = pickable
    ? html`<fieldset part="picture-views" class="picture-views">
        <legend class="visually-hidden">${picker.label}</legend>
        ${views.map(
          (v) => html`<label part="picture-view"><input type="radio" name="picture-view" ?checked=${v === view} .checked=${v === view || nothing} @change=${() => picker.choose(v.id!)} />${text(v.name!)}</label>`,
        )}
      </fieldset>`
    : nothing;
  return html`<div part="picture" class="picture">${image(view.image, 'picture-base', alt)}${layers.map((layer) => image(layer.image, 'picture-layer', ''))}${choices}</div>`;
}

/** The picture's box: as wide as it may be up to its own width, its height from the image's ratio; the views' picker on its lower edge. */
export const pictureStyles = css`
  .picture {
    position: relative;
    justify-self: start;
    width: 100%;
    max-width: var(--cpq-picture-width, 30rem);
    border-radius: var(--_cpq-radius-small);
    overflow: hidden;
  }
  .picture img {
    display: block;
    width: 100%;
    height: auto;
  }
  .picture .picture-layer {
    position: absolute;
    inset: 0;
    height: 100%;
  }
  .picture-views {
    position: absolute;
    inset-inline-start: var(--_cpq-space-s);
    inset-block-end: var(--_cpq-space-s);
    display: flex;
    flex-wrap: wrap;
    min-inline-size: 0;
    max-inline-size: calc(100% - 2 * var(--_cpq-space-s));
    padding: 2px;
    border: 0;
    border-radius: var(--_cpq-radius-small);
    background: var(--_cpq-surface);
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.2);
    font-size: var(--_cpq-font-size-small);
  }
  .picture-views label {
    position: relative;
    padding: 0.25em 0.75em;
    border-radius: var(--_cpq-radius-small);
    cursor: pointer;
  }
  .picture-views input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: inherit;
  }
  .picture-views label:has(:checked) {
    background: var(--_cpq-accent);
    color: var(--_cpq-surface);
  }
  /* A contrast theme replaces the colours: the system's selection colours tell the view shown. */
  @media (forced-colors: active) {
    .picture-views label:has(:checked) {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
  .picture-views label:has(:focus-visible) {
    outline: var(--_cpq-focus-ring-width) solid var(--_cpq-focus-ring);
    outline-offset: var(--_cpq-focus-ring-offset);
  }
`;
