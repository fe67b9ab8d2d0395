/**
 * Cross-sell: what to add to a configuration, from the catalog's `recommends` rules
 * and from past deals ("customers who chose X also added Y"). Only values the
 * configuration's valid domains still allow are suggested.
 */
import * as z from 'zod/mini';
import type { Catalog, Configuration, LocalText, Product } from '../catalog/schema.js';
import { checkConfiguration } from '../catalog/check-configuration.js';
import { under } from '../compare/items.js';
import { conditionHolds } from '../configure/evaluate.js';
import { SessionCore, SelectionError, type ValidDomain } from '../configure/session-core.js';
import { didYouMean, formatPath, type Problem } from '../internal/problems.js';
import { problemsFromIssues } from '../internal/zod-problems.js';
import { compile } from '../configure/compile.js';
import { compiledOf, RecommendError, type Reason } from './recommend.js';

/** How often two items go together in the past deals. */
export interface Association {
  /** The item already in the configuration, e.g. `"business/advanced-security"` or the product `"business"`. */
  readonly because: string;
  /** Deals with both items ÷ all deals. */
  readonly support: number;
  /** Deals with both ÷ deals with `because`: how often those who chose it also added the suggestion. */
  readonly confidence: number;
  /** Confidence ÷ the share of deals with the suggestion: above 1, choosing `because` makes it likelier. */
  readonly lift: number;
  /** How many deals had both. */
  readonly count: number;
}

/** Something to add: the attribute and value to select, where the suggestion comes from, and why. */
export interface Suggestion {
  /** The item id as price books and deals name it: `"business/webinar"`, `"business/support:premium"`. */
  readonly item: string;
  readonly attribute: string;
  /** What to select: an option id, `true`, or the smallest quantity above 0 the valid domain allows. */
  readonly value: string | number | boolean;
  /** The catalog's `recommends` rule that suggests it, if one does. */
  readonly rule?: string;
  /** The rule's message for the buyer, if it has one. */
  readonly message?: LocalText;
  /** The strongest association from past deals, if deals were given and one passes the thresholds. */
  readonly association?: Association;
  readonly reason: Reason;
}

/** Past deals and the thresholds for associations. */
export const SuggestOptionsSchema = z.strictObject({
  /** Past deals, each the item ids it had (`"business"`, `"business/webinar"`, `"business/billing:annual"`). */
  deals: z.optional(z.array(z.array(z.string()))),
  /** The least share of deals that must have both items. Default 0.05. */
  minSupport: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  /** The least share of deals with the configuration's item that also have the suggestion. Default 0.2. */
  minConfidence: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  /** The least lift. Default 1 (above: more likely than in deals at large). */
  minLift: z.optional(z.number().check(z.minimum(0))),
  /** At most this many suggestions. Default: all. */
  limit: z.optional(z.int().check(z.minimum(0))),
});

/** Past deals and the thresholds for associations. */
export type SuggestOptions = z.input<typeof SuggestOptionsSchema>;

/** The defaults of {@link SuggestOptions}. */
export const SUGGEST_DEFAULTS = { minSupport: 0.05, minConfidence: 0.2, minLift: 1 } as const;

/** The item ids of a configuration's selections: its product, and `product/attribute[:option]` per thing chosen. */
export function itemsOf(product: Product, selections: Configuration['selections']): string[] {
  const items = [product.id];
  for (const attribute of product.attributes) {
    if (!Object.hasOwn(selections, attribute.id)) continue;
    const value = selections[attribute.id];
    const base = `${product.id}/${attribute.id}`;
    if (attribute.kind === 'single' && typeof value === 'string') items.push(`${base}:${value}`);
    else if (attribute.kind === 'multiple' && Array.isArray(value)) {
      for (const o of attribute.options) if (value.includes(o.id)) items.push(`${base}:${o.id}`);
    } else if ((attribute.kind === 'boolean' && value === true) || (attribute.kind === 'quantity' && typeof value === 'number' && value > 0)) items.push(base);
  }
  return items;
}

/** The value an item would select if the domains allow it and it is not chosen yet; undefined otherwise. */
function addable(product: Product, item: string, selections: Configuration['selections'], domains: Readonly<Record<string, ValidDomain>>): { attribute: string; value: string | number | boolean } | undefined {
  const slash = item.indexOf('/');
  if (slash < 0 || item.slice(0, slash) !== product.id) return undefined;
  const [id = '', option] = item.slice(slash + 1).split(':');
  const attribute = product.attributes.find((a) => a.id === id);
  const domain = domains[id];
  if (!attribute || !domain) return undefined;
  const current = Object.hasOwn(selections, id) ? selections[id] : undefined;
  switch (attribute.kind) {
    case 'single':
      return option !== undefined && current !== option && domain.includes(option) ? { attribute: id, value: option } : undefined;
    case 'multiple':
      return option !== undefined && !(Array.isArray(current) && current.includes(option)) && domain.includes(option) ? { attribute: id, value: option } : undefined;
    case 'boolean':
      return option === undefined && current !== true && domain.includes(true) ? { attribute: id, value: true } : undefined;
    case 'quantity': {
      if (option !== undefined || (typeof current === 'number' && current > 0)) return undefined;
      const above = (domain as number[]).filter((q) => q > 0);
      return above.length > 0 ? { attribute: id, value: above.reduce((a, b) => Math.min(a, b)) } : undefined;
    }
  }
}

/** The strongest association for each item not in the configuration: one pass over the deals. */
export function associations(deals: readonly (readonly string[])[], have: readonly string[], thresholds: { minSupport: number; minConfidence: number; minLift: number }): Map<string, Association> {
  const n = deals.length;
  const best = new Map<string, Association>();
  if (n === 0) return best;
  const haveSet = new Set(have);
  const itemCount = new Map<string, number>();
  const pairCount = new Map<string, Map<string, number>>();
  for (const deal of deals) {
    const items = new Set(deal);
    const present = have.filter((x) => items.has(x));
    for (const item of items) {
      itemCount.set(item, (itemCount.get(item) ?? 0) + 1);
      if (haveSet.has(item)) continue;
      for (const x of present) {
        let row = pairCount.get(item);
        if (!row) pairCount.set(item, (row = new Map()));
        row.set(x, (row.get(x) ?? 0) + 1);
      }
    }
  }
  for (const [y, row] of pairCount) {
    const shareY = itemCount.get(y)! / n;
    for (const [x, count] of row) {
      const support = count / n;
      const confidence = count / itemCount.get(x)!;
      const lift = confidence / shareY;
      if (support < thresholds.minSupport || confidence < thresholds.minConfidence || lift < thresholds.minLift) continue;
      const current = best.get(y);
      if (!current || lift > current.lift || (lift === current.lift && (confidence > current.confidence || (confidence === current.confidence && support > current.support)))) best.set(y, { because: x, support, confidence, lift, count });
    }
  }
  return best;
}

const percent = (share: number) => Math.round(share * 100);

/**
 * Suggests what to add to a configuration (partial or complete): first the catalog's
 * `recommends` rules whose condition holds, in catalog order; then, with `deals`,
 * items that past deals often added with something already chosen (association
 * rules with one item on each side, kept when support, confidence and lift reach
 * the thresholds; strongest lift first). Items of other products are not suggested:
 * they cannot be added to this configuration.
 *
 * Never suggests a value the configuration's valid domains exclude, or one already
 * chosen. Throws {@link RecommendError} for a configuration that does not fit the
 * catalog or has no valid completion, and for malformed options (paths such as
 * `options.deals[3][1]`).
 *
 * @example
 * ```ts
 * suggest(catalog, { product: 'business', selections: { seats: 80 } });
 * // [{ item: 'business/advanced-security', rule: 'recommend-security-from-50', ... }]
 * ```
 */
export function suggest(catalog: Catalog, configuration: Configuration, options: SuggestOptions = {}): Suggestion[] {
  const parsed = z.safeParse(SuggestOptionsSchema, options);
  const problems: Problem[] = [];
  if (!parsed.success) problems.push(...problemsFromIssues(parsed.error.issues, options, Object.keys(SuggestOptionsSchema.shape)).map((p) => ({ ...p, path: under('options', p.path) })));
  const product = catalog.products.find((p) => p.id === configuration?.product);
  if (!product) {
    const id = String(configuration?.product);
    problems.push({ path: 'configuration.product', message: `unknown product "${id}"${didYouMean(id, catalog.products.map((p) => p.id))}` });
  } else {
    for (const p of checkConfiguration(catalog, configuration)) problems.push({ path: under('configuration', p.path), message: p.message });
  }
  if (problems.length > 0 || !product || !parsed.success) throw new RecommendError(problems);
  let session: SessionCore;
  try {
    session = new SessionCore(compiledOf(catalog, product.id, compile), configuration.selections);
  } catch (error) {
    if (error instanceof SelectionError) throw new RecommendError([{ path: formatPath(['configuration', 'selections']), message: 'has no valid completion under the catalog\'s rules' }]);
    throw error;
  }
  const { selections } = configuration;
  const domains = session.domains();
  const found = new Map<string, Suggestion>();

  for (const rule of product.rules ?? []) {
    if (rule.kind !== 'recommends' || (rule.if !== undefined && !conditionHolds(product, selections, rule.if))) continue;
    for (const reference of rule.then) {
      const item = `${product.id}/${reference}`;
      const value = addable(product, item, selections, domains);
      if (!value || found.has(item)) continue;
      found.set(item, { item, ...value, rule: rule.id, ...(rule.message === undefined ? {} : { message: rule.message }), reason: { code: 'catalog-recommends', params: { rule: rule.id }, text: `Recommended with this configuration (rule "${rule.id}")` } });
    }
  }

  const { deals, limit, ...rest } = parsed.data;
  if (deals && deals.length > 0) {
    const thresholds = { ...SUGGEST_DEFAULTS, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) };
    const byDeals = [...associations(deals, itemsOf(product, selections), thresholds)]
      .sort(([a, x], [b, y]) => y.lift - x.lift || y.confidence - x.confidence || y.support - x.support || (a < b ? -1 : a > b ? 1 : 0));
    for (const [item, association] of byDeals) {
      const value = addable(product, item, selections, domains);
      if (!value) continue;
      const existing = found.get(item);
      if (existing) {
        found.set(item, { ...existing, association });
        continue;
      }
      const p = percent(association.confidence);
      found.set(item, {
        item,
        ...value,
        association,
        reason: { code: 'also-added', params: { because: association.because, percent: p, lift: Math.round(association.lift * 100) / 100 }, text: `Customers who chose ${association.because} also added ${item} (${p}% of them)` },
      });
    }
  }
  const all = [...found.values()];
  return limit === undefined ? all : all.slice(0, limit);
}
