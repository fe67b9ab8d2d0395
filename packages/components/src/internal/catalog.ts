import type { Attribute, Product, Section } from '@cpq-kit/engine';

/** Attributes shown under one heading: a catalog section, or the attributes in none. */
export interface Group {
  section: Section | undefined;
  attributes: Attribute[];
}

/** Groups a product's attributes by its sections, in section order; the attributes in no known section come first. */
export function groupBySection(product: Product): Group[] {
  const sections = product.sections ?? [];
  const known = new Set(sections.map((section) => section.id));
  const general = product.attributes.filter((a) => a.section === undefined || !known.has(a.section));
  const groups = sections
    .map((section) => ({ section, attributes: product.attributes.filter((a) => a.section === section.id) }))
    .filter((group) => group.attributes.length > 0);
  return general.length > 0 ? [{ section: undefined, attributes: general }, ...groups] : groups;
}
