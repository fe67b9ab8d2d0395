import type { nothing, TemplateResult } from 'lit';
import type { Configuration } from '@cpq-kit/engine';
import { picture, type ViewPicker } from '../internal/picture.js';
import { text, type ConfiguratorView } from './view.js';

/**
 * The product's picture as the options are shown: the buyer's choices, what the rules
 * imply (shown as included), and for what is still open the catalog's defaults that are
 * still available (as the quantities show them), so a fresh page shows a furnished room
 * and "Complete with defaults" changes nothing in the picture; in the view the buyer picked.
 */
export function configuredPicture(view: ConfiguratorView, picker: ViewPicker): TemplateResult | typeof nothing {
  const { model } = view;
  const product = model.compiled.product;
  const shown: Configuration['selections'] = { ...model.selections };
  const can = (attribute: string, value: string | number | boolean) => model.canChoose({ attribute, value });
  for (const attribute of product.attributes) {
    if (Object.hasOwn(shown, attribute.id)) continue;
    const implied = attribute.kind === 'single' || attribute.kind === 'multiple' ? attribute.options.filter((o) => model.isImplied(attribute.id, o.id)).map((o) => o.id) : [];
    if (implied.length > 0) shown[attribute.id] = implied;
    else if (attribute.kind === 'boolean' && model.isImplied(attribute.id, true)) shown[attribute.id] = true;
    else if (attribute.kind === 'single' || attribute.kind === 'multiple') shown[attribute.id] = [attribute.default ?? []].flat().filter((id) => can(attribute.id, id));
    else if (attribute.default !== undefined && can(attribute.id, attribute.default)) shown[attribute.id] = attribute.default;
  }
  return picture(product, shown, (value) => text(view, value), picker);
}
