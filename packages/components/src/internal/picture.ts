import { css, html, nothing, type TemplateResult } from 'lit';
import { pictureLayers, type Configuration, type LocalText, type Product } from '@cpq-kit/engine';

/**
 * A product's picture that follows the configuration: the catalog's base image with
 * the layers of the chosen options stacked over it (the engine's `pictureLayers`).
 * Every image has the catalog's width and height, so the box has its size before
 * anything loads; they load lazily. The base image's alternative text names the
 * product and what is drawn ("Meeting room system, Floor stand, 98-inch 4K display"),
 * the layers are decorative. Catalog text is rendered as text.
 */
export function picture(product: Product, selections: Configuration['selections'], text: (value: LocalText) => string): TemplateResult | typeof nothing {
  const { picture } = product;
  if (!picture) return nothing;
  const layers = pictureLayers(product, selections);
  // A list, not a sentence: no punctuation that differs by language (a French colon has a space before it).
  const alt = [...new Set([product.name, ...layers.map((layer) => layer.name)].map(text))].join(', ');
  const image = (src: string, part: string, alt: string): TemplateResult =>
    html`<img part=${part} class=${part} src=${src} width=${picture.width} height=${picture.height} alt=${alt} loading="lazy" decoding="async" />`;
  return html`<div part="picture" class="picture">${image(picture.image, 'picture-base', alt)}${layers.map((layer) => image(layer.image, 'picture-layer', ''))}</div>`;
}

/** The picture's box: as wide as it may be up to its own width, its height from the image's ratio. */
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
`;
