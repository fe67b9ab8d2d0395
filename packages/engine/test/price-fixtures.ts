// Small priced catalogs for the pricing tests: each test states the prices it needs.
import assert from 'node:assert/strict';
import { CatalogError, formatProblem, loadCatalog, price, PricingError, type PriceBreakdown, type PriceContext } from '../src/index.js';

/** The day every test prices on, unless it says otherwise. */
export const DAY = '2026-11-20';

/** One product "p" with a quantity `q`, a second quantity `r`, a boolean `b`, a single choice `s` and a multiple choice `m`. */
export function tinyCatalog(pricing: unknown, currency = 'EUR'): any {
  return {
    id: 'tiny',
    version: '1',
    name: 'Tiny',
    defaultCurrency: currency,
    defaultLocale: 'en',
    products: [
      {
        id: 'p',
        name: 'Product',
        attributes: [
          { id: 'q', kind: 'quantity', name: 'Units', max: 40000 },
          { id: 'r', kind: 'quantity', name: 'More units', max: 40000 },
          { id: 'b', kind: 'boolean', name: 'Service' },
          { id: 's', kind: 'single', name: 'Choice', required: false, options: [{ id: 'x', name: 'X' }, { id: 'y', name: 'Y' }] },
          { id: 'm', kind: 'multiple', name: 'Extras', options: [{ id: 'e1', name: 'E1' }, { id: 'e2', name: 'E2' }, { id: 'e3', name: 'E3' }] },
        ],
      },
    ],
    pricing,
  };
}

/** A pricing section with one book whose prices are given; the product itself is included. */
export function oneBook(prices: Record<string, unknown>, book: Record<string, unknown> = {}, rest: Record<string, unknown> = {}): any {
  return { books: [{ id: 'list', currency: 'EUR', ...book, prices: { p: { included: true }, ...prices } }], ...rest };
}

/** Prices selections of the tiny product under a pricing section. */
export function priceTiny(pricing: unknown, selections: Record<string, unknown>, context: Partial<PriceContext> = {}, currency?: string): PriceBreakdown {
  const catalog = loadCatalog(tinyCatalog(pricing, currency));
  return price(catalog, { product: 'p', selections: selections as never }, { date: DAY, ...context });
}

/** The line of an item. */
export function lineOf(breakdown: PriceBreakdown, item: string) {
  const line = breakdown.lines.find((l) => l.item === item);
  assert.ok(line, `no line ${item}; lines: ${breakdown.lines.map((l) => l.item).join(', ')}`);
  return line;
}

/** Asserts that `fn` throws a PricingError with exactly these problem lines (any order). */
export function assertPricingProblems(fn: () => unknown, expected: string[]): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof PricingError, `expected a PricingError, got ${String(error)}`);
    assert.deepEqual([...error.problems.map(formatProblem)].sort(), [...expected].sort());
    return true;
  });
}

/** Asserts that loading the tiny catalog with this pricing fails with exactly these problems (any order). */
export function assertPricingCatalogProblems(pricing: unknown, expected: string[]): void {
  assert.throws(
    () => loadCatalog(tinyCatalog(pricing)),
    (error: unknown) => {
      assert.ok(error instanceof CatalogError, `expected a CatalogError, got ${String(error)}`);
      assert.deepEqual([...error.problems.map(formatProblem)].sort(), [...expected].sort());
      return true;
    },
  );
}
