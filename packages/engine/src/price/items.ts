/** Resolving the item references of price books ("product/attribute:option") against the catalog. */
import type { Attribute, Catalog, Option, Product } from '../catalog/schema.js';
import { didYouMean } from '../internal/problems.js';

/** A priced item resolved against the catalog. */
export interface ResolvedItem {
  readonly product: Product;
  readonly attribute?: Attribute;
  readonly option?: Option;
}

/** Products and their attributes by id, for resolving item references quickly. */
export class ItemIndex {
  readonly products = new Map<string, { product: Product; attributes: Map<string, Attribute> }>();

  constructor(catalog: Catalog) {
    for (const product of catalog.products) {
      if (!this.products.has(product.id)) this.products.set(product.id, { product, attributes: new Map(product.attributes.map((a) => [a.id, a])) });
    }
  }

  /** Resolves "product", "product/attribute" or "product/attribute:option", or says why it does not resolve. */
  resolve(item: string): ResolvedItem | string {
    const slash = item.indexOf('/');
    const productId = slash < 0 ? item : item.slice(0, slash);
    const entry = this.products.get(productId);
    if (!entry) return `unknown product "${productId}"${didYouMean(productId, this.products.keys())}`;
    if (slash < 0) return { product: entry.product };
    const [attributeId = '', optionId] = item.slice(slash + 1).split(':');
    const attribute = entry.attributes.get(attributeId);
    if (!attribute) return `unknown attribute "${attributeId}" of product "${productId}"${didYouMean(attributeId, entry.attributes.keys())}`;
    if (attribute.kind === 'boolean' || attribute.kind === 'quantity') {
      if (optionId !== undefined) return `"${attributeId}" is a ${attribute.kind} and has no options; write "${productId}/${attributeId}"`;
      return { product: entry.product, attribute };
    }
    if (optionId === undefined) {
      const kind = attribute.kind === 'single' ? 'single' : 'multiple';
      return `"${attributeId}" is a ${kind} choice: name the option, e.g. "${productId}/${attributeId}:${attribute.options[0]!.id}"`;
    }
    const option = attribute.options.find((o) => o.id === optionId);
    if (!option) {
      const prefix = `${productId}/${attributeId}:`;
      return `unknown option "${item}"${didYouMean(item, attribute.options.map((o) => prefix + o.id))}`;
    }
    return { product: entry.product, attribute, option };
  }
}
