import type { Translation } from '../../internal/localize.js';
import { shared } from './shared.js';

/** The English texts of `<product-comparison>`: its own and those it shares with other elements. */
export const productComparison = {
  ...shared,
  comparisonCaption: (catalog) => `Comparison: ${catalog}`,
  prices: 'Prices before tax',
  differencesOnly: 'Show differences only',
  rowsShown: (shown, total) => (shown === total ? `Showing all ${total} rows` : `Showing ${shown} of ${total} rows`),
  recommended: 'Recommended',
  baseline: 'Current',
  choose: 'Choose',
  removeItem: (name) => `Remove ${name}`,
  addItem: 'Add to the comparison',
  column: (n) => (n === 1 ? 'First column shows' : n === 2 ? 'Second column shows' : `Column ${n} shows`),
  alreadyPaid: 'Already paid',
  deltaNew: 'New',
  deltaDropped: 'Dropped',
  better: 'better',
  worse: 'worse',
  comparedWith: (name) => `Compared with ${name}`,
  featuresGained: (count) => (count === 1 ? '+1 feature' : `+${count} features`),
  featuresLost: (count) => (count === 1 ? '−1 feature' : `−${count} features`),
  amountOneTime: (amount) => `${amount} due now`,
  amountOver: (amount, months) => `${amount} over ${months}`,
  noItems: 'Add a product to compare.',
} satisfies Partial<Translation>;
