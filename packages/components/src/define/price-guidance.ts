/**
 * Registers `<price-guidance>`. Import this file for its side effect; import the class
 * from the package root to register it under another name instead:
 * `PriceGuidanceBand.define('acme-guidance')`.
 *
 * @module
 */
import { PriceGuidanceBand } from '../price-guidance/price-guidance.component.js';

PriceGuidanceBand.define();

export { PriceGuidanceBand };
