import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Attribute, Catalog, Configuration, LocalText, Option, Product, SpecValue } from '@cpq-kit/engine';
import { groupBySection, type Group } from '../internal/catalog.js';
import { CpqElement } from '../internal/define.js';
import { picture, pictureStyles, viewPicker } from '../internal/picture.js';
import { heading } from '../internal/heading.js';
import { LocalizeController } from '../internal/localize.js';
import { productSheet } from '../translations/en/product-sheet.js';
import { markStyles, specValue } from '../internal/spec-value.js';
import { base, tokens } from '../internal/tokens.js';
import { styles } from './product-sheet.styles.js';

/**
 * A read-only spec sheet for one product of a catalog: its name, description and
 * specifications, and every option group with what a buyer may choose in it.
 * All catalog text is rendered as text, never as HTML.
 *
 * @summary Shows a product's options and specifications, read-only.
 * @tagname product-sheet
 *
 * @slot empty - Shown instead of the default message when there is no catalog.
 *
 * @csspart base - The sheet (an `article`).
 * @csspart header - The product's image, name and description.
 * @csspart image - The product image, when it has no picture.
 * @csspart picture - The product's picture (the catalog's `picture`) with the layers of the default options.
 * @csspart picture-base - The picture's base image, whose alternative text names the product and the options drawn.
 * @csspart picture-layer - An option's layer over it.
 * @csspart picture-views - The picker of the picture's views (when the catalog lists several): a group of radios.
 * @csspart picture-view - One view's choice in it.
 * @csspart name - The product name (a heading).
 * @csspart description - The product description.
 * @csspart product-specs - The product's specifications table.
 * @csspart product-specs-caption - The caption of the specifications table.
 * @csspart product-spec - A row of the specifications table.
 * @csspart product-spec-name - The spec name cell (a row header).
 * @csspart product-spec-description - The spec's description under its name.
 * @csspart product-spec-value - The spec value cell.
 * @csspart section - A group of attributes: a catalog section, or the attributes in none.
 * @csspart section-name - The group's heading.
 * @csspart section-description - The section's description.
 * @csspart attribute - One attribute (option group).
 * @csspart attribute-name - The attribute's heading.
 * @csspart attribute-kind - What the buyer may choose, e.g. "Choose one" or "Quantity 0 to 8".
 * @csspart attribute-description - The attribute's description.
 * @csspart attribute-image - The attribute's image.
 * @csspart attribute-default - The default of an add-on or quantity.
 * @csspart options - The list of options of a choice.
 * @csspart option - One option.
 * @csspart option-image - The option's image.
 * @csspart option-name - The option's name.
 * @csspart option-description - The option's description.
 * @csspart default-badge - The badge on an option that is chosen by default.
 * @csspart specs-caption - The line above the specs of an add-on or of one unit.
 * @csspart specs - The specs of an option, add-on or unit (a `dl`).
 * @csspart spec - One spec: name and value.
 * @csspart spec-name - A spec name.
 * @csspart spec-value - A spec value.
 * @csspart mark - The mark shown for a yes/no spec (its text is read to assistive technology).
 * @csspart mark-yes - The mark of a spec that holds.
 * @csspart mark-no - The mark of a spec that does not hold.
 * @csspart empty - The box shown when there is no catalog.
 * @csspart error - The message shown when the catalog has no such product.
 *
 * @cssproperty --cpq-product-sheet-background - The sheet's background. Default: `--cpq-color-surface`.
 * @cssproperty --cpq-product-sheet-border - The sheet's border. Default: `1px solid` `--cpq-color-border`.
 * @cssproperty --cpq-product-sheet-radius - The sheet's corner radius. Default: `--cpq-radius`.
 * @cssproperty --cpq-product-sheet-padding - The space inside the sheet. Default: `--cpq-space-l`.
 * @cssproperty --cpq-product-sheet-image-height - The largest height of the product image. Default: `16rem`.
 * @cssproperty --cpq-picture-width - The widest the picture gets. Default: `30rem`.
 * @cssproperty --cpq-product-sheet-option-width - The narrowest an option box gets before options stack in fewer columns. Default: `16rem`.
 * @cssproperty --cpq-product-sheet-thumbnail-size - The size of option and attribute images. Default: `4rem`.
 * @cssproperty --cpq-product-sheet-badge-color - The colour of the "Default" badge. Default: `--cpq-color-accent`.
 */
export class ProductSheet extends CpqElement {
  static override defaultTag = 'product-sheet';

  /** @internal */
  static override styles = [tokens, base, markStyles, styles, pictureStyles];

  /**
   * The catalog to show, as returned by the engine's `loadCatalog()`. A property
   * only (never an attribute). It is compared by identity: assign a new catalog
   * to change it, do not edit it in place.
   */
  @property({ attribute: false })
  accessor catalog: Catalog | undefined;

  /** The id of the product to show. Empty: the catalog's first product. */
  @property()
  accessor product = '';

  /**
   * The level of the product name's heading, 1 to 4 (default 2, for a page with
   * its own `h1`); sections and attributes use the next two levels.
   */
  @property({ attribute: 'heading-level', type: Number })
  accessor headingLevel = 2;

  /**
   * The id of the view the product's picture shows, of the catalog's picture `views`
   * (e.g. `"plan"`); the reader turns it with the picker. Empty, or not a view: the first.
   */
  @property({ attribute: 'picture-view' })
  accessor pictureView = '';

  readonly #localize = new LocalizeController(this, productSheet);
  #shown: { product: Product; groups: Group[] } | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('catalog') || changed.has('product')) {
      const product = this.catalog && (this.product ? this.catalog.products.find((p) => p.id === this.product) : this.catalog.products[0]);
      this.#shown = product && { product, groups: groupBySection(product) };
    }
  }

  protected override render(): TemplateResult {
    const t = this.#localize;
    if (!this.catalog) {
      return html`<div part="empty" class="empty"><slot name="empty">${t.term('noCatalog')}</slot></div>`;
    }
    if (!this.#shown) {
      return html`<p part="error" class="error">${t.term('unknownProduct', this.product)}</p>`;
    }
    const { product, groups } = this.#shown;
    const name = this.#text(product.name);
    const description = this.#text(product.description);
    return html`
      <article part="base" class="sheet" aria-labelledby="name">
        <div part="header" class="header">
          ${product.picture ? picture(product, defaults(product), (value) => this.#text(value), viewPicker(this, t.term('pictureView'))) : product.image ? this.#image(product.image, name, 'image') : nothing}
          ${this.#heading(0, 'name', name, 'name')}
          ${description ? html`<p part="description" class="description">${description}</p>` : nothing}
        </div>
        ${this.#productSpecs(product)}
        ${groups.map((group, index) => this.#group(group, index, groups.length))}
      </article>
    `;
  }

  #text(text: LocalText | undefined): string {
    return this.#localize.text(text, this.catalog?.defaultLocale);
  }

  /** A heading `offset` levels below the product name's. */
  #heading(offset: number, part: string, content: string, id?: string): TemplateResult {
    return heading(this.headingLevel, offset, part, content, id);
  }

  /** An image; thumbnails load lazily, the product image (usually in view at once) does not. */
  #image(src: string, alt: string, part: string): TemplateResult {
    const loading = part === 'image' ? 'eager' : 'lazy';
    return html`<img part=${part} class=${part} src=${src} alt=${alt} loading=${loading} decoding="async" />`;
  }

  #productSpecs(product: Product): TemplateResult | typeof nothing {
    const entries = Object.entries(product.specs ?? {});
    if (entries.length === 0) return nothing;
    return html`
      <table part="product-specs" class="product-specs">
        <caption part="product-specs-caption">${this.#localize.term('specifications')}</caption>
        <tbody>
          ${entries.map(([id, value]) => {
            const definition = this.catalog?.specs?.[id];
            const description = this.#text(definition?.description);
            return html`
              <tr part="product-spec">
                <th part="product-spec-name" scope="row">
                  ${definition ? this.#text(definition.name) : id}
                  ${description ? html`<span part="product-spec-description" class="spec-description">${description}</span>` : nothing}
                </th>
                <td part="product-spec-value">${this.#specValue(id, value)}</td>
              </tr>
            `;
          })}
        </tbody>
      </table>
    `;
  }

  #group(group: Group, index: number, count: number): TemplateResult {
    const t = this.#localize;
    // With no sections at all, one group of "Options"; otherwise the section-less ones are "General".
    const name = group.section ? this.#text(group.section.name) : count === 1 ? t.term('options') : t.term('general');
    const description = group.section ? this.#text(group.section.description) : '';
    return html`
      <div part="section" class="section" role="group" aria-labelledby=${`section-${index}`}>
        ${this.#heading(1, 'section-name', name, `section-${index}`)}
        ${description ? html`<p part="section-description" class="section-description">${description}</p>` : nothing}
        ${group.attributes.map((attribute) => this.#attribute(attribute))}
      </div>
    `;
  }

  #attribute(attribute: Attribute): TemplateResult {
    const name = this.#text(attribute.name);
    const description = this.#text(attribute.description);
    return html`
      <div part="attribute" class="attribute">
        ${attribute.image ? this.#image(attribute.image, name, 'attribute-image') : nothing}
        ${this.#heading(2, 'attribute-name', name)}
        <p part="attribute-kind" class="attribute-kind">${this.#kind(attribute)}</p>
        ${description ? html`<p part="attribute-description" class="attribute-description">${description}</p>` : nothing}
        ${this.#choices(attribute)}
      </div>
    `;
  }

  /** What a buyer may choose, in words. */
  #kind(attribute: Attribute): string {
    const t = this.#localize;
    switch (attribute.kind) {
      case 'single':
        return attribute.required === false ? t.term('chooseOneOptional') : t.term('chooseOne');
      case 'multiple': {
        const count = attribute.options.length;
        const max = Math.min(attribute.max ?? count, count);
        return t.term('chooseMany', Math.min(attribute.min ?? 0, max), max);
      }
      case 'boolean':
        return t.term('addOn');
      case 'quantity': {
        const step = attribute.step ?? 1;
        return t.term('quantity', t.number(attribute.min ?? 0), t.number(attribute.max), step > 1 ? t.number(step) : null);
      }
    }
  }

  #choices(attribute: Attribute): TemplateResult | typeof nothing {
    const t = this.#localize;
    switch (attribute.kind) {
      case 'single':
      case 'multiple': {
        const defaults = attribute.kind === 'single' ? [attribute.default] : (attribute.default ?? []);
        // role="list": Safari drops list semantics from a list without bullets.
        return html`
          <ul part="options" class="options" role="list">
            ${attribute.options.map((option) => this.#option(option, defaults.includes(option.id)))}
          </ul>
        `;
      }
      case 'boolean':
        return html`
          ${attribute.default === true
            ? html`<p part="attribute-default" class="attribute-facts">${t.term('includedByDefault')}</p>`
            : nothing}
          ${this.#specs(attribute.specs, t.term('withAddOn'))}
        `;
      case 'quantity':
        return html`
          ${attribute.default !== undefined
            ? html`<p part="attribute-default" class="attribute-facts">
                ${t.term('defaultQuantity', t.number(attribute.default))}
              </p>`
            : nothing}
          ${this.#specs(attribute.specs, t.term('perUnit', this.#text(attribute.unit)))}
        `;
    }
  }

  #option(option: Option, isDefault: boolean): TemplateResult {
    const name = this.#text(option.name);
    const description = this.#text(option.description);
    return html`
      <li part="option" class="option">
        ${option.image ? this.#image(option.image, name, 'option-image') : nothing}
        <div class="option-body">
          <span part="option-name" class="option-name">${name}</span>
          ${isDefault ? html`<span part="default-badge" class="default-badge">${this.#localize.term('default')}</span>` : nothing}
          ${description ? html`<p part="option-description" class="option-description">${description}</p>` : nothing}
          ${this.#specs(option.specs)}
        </div>
      </li>
    `;
  }

  /** Spec values as a description list, with a caption line when the values count conditionally. */
  #specs(specs: Record<string, SpecValue> | undefined, caption?: string): TemplateResult | typeof nothing {
    const entries = Object.entries(specs ?? {});
    if (entries.length === 0) return nothing;
    return html`
      ${caption ? html`<p part="specs-caption" class="specs-caption">${caption}</p>` : nothing}
      <dl part="specs" class="specs">
        ${entries.map(
          ([id, value]) => html`
            <div part="spec" class="spec">
              <dt part="spec-name" class="spec-name">${this.#specName(id)}</dt>
              <dd part="spec-value" class="spec-value">${this.#specValue(id, value)}</dd>
            </div>
          `,
        )}
      </dl>
    `;
  }

  #specName(id: string): string {
    const definition = this.catalog?.specs?.[id];
    return definition ? this.#text(definition.name) : id;
  }

  /** A spec value as text (a yes/no as a mark plus words for assistive technology). */
  #specValue(id: string, value: SpecValue): TemplateResult | string {
    return specValue(this.#localize, value, this.catalog?.specs?.[id]?.unit, this.catalog?.defaultLocale);
  }
}

/** The catalog's defaults of a product: what its picture shows on the sheet. */
function defaults(product: Product): Configuration['selections'] {
  return Object.fromEntries(product.attributes.flatMap((a) => (a.default === undefined ? [] : [[a.id, a.default]])));
}

declare global {
  interface HTMLElementTagNameMap {
    'product-sheet': ProductSheet;
  }
}
