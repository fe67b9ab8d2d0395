/**
 * Quotes and hand-offs: quote documents (create, revise, diff, reorder), tamper-evident
 * signing with re-pricing on verification, shareable configurations, and hand-off payloads.
 *
 * @module
 */
export {
  QUOTE_FORMAT,
  QUOTE_FORMAT_V1,
  QuoteSchema,
  QuoteItemSchema,
  QuoteSignatureSchema,
  QuoteContextSchema,
  QuoteItemInputSchema,
  QuoteRequestSchema,
  QuoteNumberSchema,
  PriceBreakdownSchema,
  PriceLineSchema,
  PriceStepSchema,
  PriceTotalsSchema,
  ChargeTotalsSchema,
  TaxAmountSchema,
  MoneySchema,
  quoteJsonSchema,
  QuoteContextInputSchema,
  type Quote,
  type QuoteItem,
  type QuoteSignature,
  type QuoteContext,
  type QuoteContextInput,
  type QuoteItemInput,
  type QuoteRequest,
} from './schema.js';
export { createQuote, QuoteError, ENGINE_VERSION, type CreateQuoteOptions, type QuoteItemInputs } from './create.js';
export {
  reviseQuote,
  diffQuotes,
  reorder,
  type QuoteChanges,
  type QuoteItemChange,
  type ReviseOptions,
  type ReorderOptions,
  type Reorder,
  type SavedConfiguration,
  type Priced,
  type QuoteDiff,
  type ItemDiff,
  type LineDiff,
  type SelectionDiff,
  type MoneyChange,
} from './diff.js';
export { signQuote, readQuoteKey, generateQuoteKey, publicQuoteKey, keyAlgorithm, QuoteKeySchema, QuoteKeyError, type QuoteKey } from './sign.js';
export { verifyQuote, readQuote, type QuoteVerification, type QuoteReason, type QuoteReasonCode, type VerifyQuoteOptions } from './verify.js';
export { encodeConfiguration, parseShareText, shareLink, shareCodeOf, ShareLinkError, SHARE_FORMAT, SHARE_PARAMETER, type RecordedConfiguration } from './share-text.js';
export { decodeConfiguration, fitConfiguration, type DecodedConfiguration, type DroppedSelection, type FitOptions } from './share.js';
export { handoffPayload, HANDOFF_FORMAT, type HandoffPayload, type HandoffAnswer, type HandoffConflict, type HandoffOptions } from './handoff.js';
