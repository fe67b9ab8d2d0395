import type { Configuration, LocalText, PictureLayer, Product } from './schema.js';

/** A layer of a configuration's picture, with what put it there. */
export interface ChosenLayer extends PictureLayer {
  /** The attribute whose choice draws it. */
  attribute: string;
  /** The chosen option, for a single or multiple choice. */
  option?: string;
  /** The name of what was chosen (the option's, else the attribute's): for alternative text. */
  name: LocalText;
}

/**
 * The layers of a configuration's picture, bottom first (by `z`; equal `z` in catalog
 * order): those of the chosen options, the booleans that are on and the quantities of
 * at least one: those without a `view`, and with `view` that view's too.
 * Pure: the configurator, the product sheet and the quote summary share it.
 */
export function pictureLayers(product: Product, selections: Configuration['selections'], view?: string): ChosenLayer[] {
  const out: ChosenLayer[] = [];
  const add = (layers: readonly PictureLayer[] | undefined, attribute: string, name: LocalText, option?: string): void => {
    for (const layer of layers ?? []) {
      if (layer.view === undefined || layer.view === view) {
        out.push({ ...layer, attribute, ...(option === undefined ? {} : { option }), name });
      }
    }
  };
  for (const attribute of product.attributes) {
    const value = Object.hasOwn(selections, attribute.id) ? selections[attribute.id] : undefined;
    if (attribute.kind === 'single' || attribute.kind === 'multiple') {
      const chosen = Array.isArray(value) ? value : [value];
      for (const option of attribute.options) {
        if (chosen.includes(option.id)) add(option.layers, attribute.id, option.name, option.id);
      }
    } else if (attribute.kind === 'boolean' ? value === true : typeof value === 'number' && value > 0) {
      add(attribute.layers, attribute.id, attribute.name);
    }
  }
  // Array.prototype.sort is stable: equal z keep catalog order.
  return out.sort((a, b) => a.z - b.z);
}
