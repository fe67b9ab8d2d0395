// A module of its own so that bundlers split share links and hand-offs into a chunk (see
// sharing.ts): reading a link fits its selections into the product, explaining what no
// longer fits, so it brings a session with explanations and compiling with it.
export { decodeConfiguration, encodeConfiguration, fitConfiguration, handoffPayload, parseShareText, shareCodeOf, shareLink } from '@cpq-kit/engine';
