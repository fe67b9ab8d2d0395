import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets CSS properties of an element (custom properties too, e.g. `--columns`) through
 * the CSSOM, on every render including the first: `<table ${styleProperties({ '--columns': '3' })}>`.
 * Unlike a `style` attribute, or Lit's `styleMap` (whose first render writes the
 * attribute), a page with a strict content security policy (`style-src` without
 * `'unsafe-inline'`) does not block it. A property left out of the next render is removed.
 */
class StylePropertiesDirective extends Directive {
  #previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('styleProperties() goes on an element, not in an attribute: <div ${styleProperties({...})}>');
  }

  render(_properties: Readonly<Record<string, string>>): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [Readonly<Record<string, string>>]): typeof noChange {
    const { style } = part.element as HTMLElement;
    for (const name of this.#previous) if (!(name in properties)) style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) {
      if (style.getPropertyValue(name) !== value) style.setProperty(name, value);
    }
    this.#previous = new Set(Object.keys(properties));
    return noChange;
  }
}

/** CSS properties (hyphenated names: `block-size`, `--columns`) set through the CSSOM, which a strict content security policy allows. */
export const styleProperties = directive(StylePropertiesDirective);
