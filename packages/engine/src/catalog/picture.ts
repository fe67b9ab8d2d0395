import type { Configuration, LocalText, Picture, PictureLayer, Product } from './schema.js';

/** A layer of a configuration's picture, with what put it there. */
export interface ChosenLayer extends PictureLayer {
  /** The attribute whose choice draws it. */
  attribute: string;
  /** The chosen option, for a single or multiple choice. */
  option?: string;
  /** The name of what was chosen (the option's, else the attribute's): for alternative text. */
  name: LocalText;
}

/** A view of a picture as it is drawn: its base image; with the view's id and name when the catalog lists `views`. */
export interface ShownView {
  id?: string;
  name?: LocalText;
  image: string;
}

/**
 * A picture's views, first shown first: the catalog's `views`, or the one base image
 * (`image`) without id or name.
 */
export function pictureViews(picture: Picture): ShownView[] {
  return picture.views ?? [{ image: picture.image ?? '' }];
}

/**
 * The layers of a configuration's picture, bottom first (by `z`; equal `z` in catalog
 * order): those of the chosen options, the booleans that are on and the quantities of
 * at least one, in `view` (by default the picture's first): the layers without a
 * `view`, and those of that view.
 * Pure: the configurator, the product sheet and the quote summary share it.
 */
export function pictureLayers(product: Product, selections: Configuration['selections'], view = product.picture?.views?.[0]?.id): ChosenLayer[] {
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
