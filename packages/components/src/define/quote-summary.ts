/**
 * Registers `<quote-summary>`. Import this file for its side effect; import the class
 * from the package root to register it under another name instead:
 * `QuoteSummary.define('acme-quote')`.
 *
 * @module
 */
import { QuoteSummary } from '../quote-summary/quote-summary.component.js';

QuoteSummary.define();

export { QuoteSummary };
