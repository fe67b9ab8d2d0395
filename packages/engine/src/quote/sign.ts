/**
 * Signing quotes through WebCrypto (`crypto.subtle`: Node 20+, workers and browsers on
 * https or localhost). Keys are JSON Web Keys, so a key file, an environment variable
 * and `crypto.subtle.exportKey('jwk', ...)` all hold the same thing.
 *
 * - `HS256`: HMAC-SHA-256 with a shared secret of at least 256 bits. Whoever can verify
 *   can also sign, so only the vendor's own servers should hold it.
 * - `Ed25519`: a public-key signature. The vendor signs with the private key; a reseller
 *   checks with the public key and cannot make signatures of its own.
 *
 * The signature covers the canonical JSON (RFC 8785) of the quote without its
 * `signature`, so key order and spacing of the file do not matter and every other byte does.
 */
import * as z from 'zod/mini';
import { canonicalJson } from '../internal/digest.js';
import { checkJsonValue, parseJson } from '../internal/json.js';
import { ValidationError, type Problem } from '../internal/problems.js';
import { problemsFromIssues } from '../internal/zod-problems.js';
import type { Quote, QuoteSignature } from './schema.js';

// The engine compiles without DOM or Node typings; these are the WebCrypto parts it uses.
interface CryptoKeyLike {
  readonly algorithm: { readonly name: string };
}
interface SubtleCrypto {
  importKey(format: 'jwk', key: object, algorithm: object, extractable: boolean, usages: string[]): Promise<CryptoKeyLike>;
  sign(algorithm: object, key: CryptoKeyLike, data: Uint8Array): Promise<ArrayBuffer>;
  verify(algorithm: object, key: CryptoKeyLike, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
  generateKey(algorithm: object, extractable: boolean, usages: string[]): Promise<CryptoKeyLike | { publicKey: CryptoKeyLike; privateKey: CryptoKeyLike }>;
  exportKey(format: 'jwk', key: CryptoKeyLike): Promise<Record<string, unknown>>;
}
declare const crypto: { subtle?: SubtleCrypto } | undefined;
declare class TextEncoder {
  encode(text: string): Uint8Array;
}

const Base64url = z.string().check(z.regex(/^[A-Za-z0-9_-]+$/, 'must be base64url text (A-Z, a-z, 0-9, "-" and "_", no padding)'));
const Kid = z.optional(z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(128, 'must be at most 128 characters')));

/**
 * A signing or verifying key as a JSON Web Key (RFC 7517): `{ "kty": "oct", "k": ... }`
 * for HMAC-SHA-256, `{ "kty": "OKP", "crv": "Ed25519", "x": ..., "d": ... }` for Ed25519
 * (without `d`: the public key, which verifies only). Other JWK members (`use`,
 * `key_ops`, `ext`) are accepted and ignored.
 */
export const QuoteKeySchema = z.union([
  z.object({ kty: z.literal('oct'), k: Base64url, alg: z.optional(z.literal('HS256')), kid: Kid }),
  z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: Base64url, d: z.optional(Base64url), alg: z.optional(z.enum(['Ed25519', 'EdDSA'])), kid: Kid }),
]);

/** A key for {@link signQuote} and {@link verifyQuote}: a JSON Web Key. */
export type QuoteKey = z.infer<typeof QuoteKeySchema>;

/** A key that cannot be used; `problems` says why, with paths into the key. */
export class QuoteKeyError extends ValidationError {
  constructor(problems: readonly Problem[]) {
    super('The key', problems);
    this.name = 'QuoteKeyError';
  }
}

/** Fewer bytes than this make an HMAC key that can be guessed (RFC 2104 wants at least the hash's 32). */
const MIN_HMAC_BYTES = 32;

/**
 * Reads a key (JWK text or an object) and checks it: its shape, base64url, and that an
 * HMAC secret has at least 256 bits. Throws {@link QuoteKeyError}.
 */
export function readQuoteKey(input: unknown): QuoteKey {
  if (typeof input === 'object' && input !== null && checkedKeys.has(input)) return input as QuoteKey;
  let value = input;
  if (typeof input === 'string') {
    const parsed = parseJson(input, { maxLength: 100_000 });
    if (!parsed.ok) throw new QuoteKeyError(parsed.problems);
    value = parsed.value;
  } else {
    const problems = checkJsonValue(input);
    if (problems.length > 0) throw new QuoteKeyError(problems);
  }
  const result = z.safeParse(QuoteKeySchema, value);
  if (!result.success) throw new QuoteKeyError(problemsFromIssues(result.error.issues, value, ['kty', 'k', 'crv', 'x', 'd', 'alg', 'kid']));
  const key = result.data;
  if (key.kty === 'oct' && base64urlDecode(key.k).length < MIN_HMAC_BYTES) {
    throw new QuoteKeyError([{ path: 'k', message: `an HMAC-SHA-256 key needs at least ${MIN_HMAC_BYTES} bytes (256 bits); this one has ${base64urlDecode(key.k).length}` }]);
  }
  if (key.kty === 'OKP' && base64urlDecode(key.x).length !== 32) throw new QuoteKeyError([{ path: 'x', message: 'an Ed25519 public key has 32 bytes' }]);
  if (key.kty === 'OKP' && key.d !== undefined && base64urlDecode(key.d).length !== 32) throw new QuoteKeyError([{ path: 'd', message: 'an Ed25519 private key has 32 bytes' }]);
  // Frozen and remembered, so that handing the same key in again checks and imports nothing twice.
  checkedKeys.add(Object.freeze(key));
  return key;
}

const checkedKeys = new WeakSet<object>();

/** The signature algorithm a key is for. */
export function keyAlgorithm(key: QuoteKey): QuoteSignature['alg'] {
  return key.kty === 'oct' ? 'HS256' : 'Ed25519';
}

/**
 * Makes a new random key: an HMAC-SHA-256 secret of 256 bits (`"HS256"`, the default),
 * or an Ed25519 key pair (`"Ed25519"`, returned as the private JWK; give
 * {@link publicQuoteKey} of it to whoever only verifies).
 */
export async function generateQuoteKey(alg: QuoteSignature['alg'] = 'HS256', kid?: string): Promise<QuoteKey> {
  const subtle = subtleCrypto();
  let jwk: Record<string, unknown>;
  if (alg === 'HS256') {
    const key = (await subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, true, ['sign', 'verify'])) as CryptoKeyLike;
    jwk = await subtle.exportKey('jwk', key);
  } else {
    const pair = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as { privateKey: CryptoKeyLike };
    jwk = await subtle.exportKey('jwk', pair.privateKey);
  }
  return readQuoteKey({ ...jwk, alg: alg === 'HS256' ? 'HS256' : 'Ed25519', ...(kid === undefined ? {} : { kid }) });
}

/**
 * The public half of an Ed25519 key (without `d`): it verifies signatures but cannot
 * make them. An HMAC key has no public half, so this throws for one.
 */
export function publicQuoteKey(key: QuoteKey): QuoteKey {
  const checked = readQuoteKey(key);
  if (checked.kty === 'oct') {
    throw new QuoteKeyError([{ path: 'kty', message: 'an HMAC key has no public part: whoever can verify with it can also sign; use an Ed25519 key to let others verify' }]);
  }
  const { d: _private, ...rest } = checked;
  return readQuoteKey(rest);
}

/**
 * Signs a quote: returns a copy with `signature` set (any earlier signature replaced),
 * over the canonical JSON of the quote without its signature. Needs a private key.
 *
 * @example
 * ```ts
 * const key = readQuoteKey(process.env.QUOTE_KEY!);   // {"kty":"oct","k":"...","kid":"2026-11"}
 * const signed = await signQuote(quote, key);
 * signed.signature; // { alg: "HS256", kid: "2026-11", value: "q3J..." }
 * ```
 */
export async function signQuote(quote: Quote, key: QuoteKey): Promise<Quote> {
  const checked = readQuoteKey(key);
  if (checked.kty === 'OKP' && checked.d === undefined) {
    throw new QuoteKeyError([{ path: 'd', message: 'this is a public key: it can verify signatures but not make them' }]);
  }
  const { signature: _old, ...unsigned } = quote;
  const alg = keyAlgorithm(checked);
  const bytes = await subtleCrypto().sign(algorithmOf(alg), await cryptoKey(checked, 'sign'), message(unsigned));
  const signature: QuoteSignature = { alg, ...(checked.kid === undefined ? {} : { kid: checked.kid }), value: base64urlEncode(new Uint8Array(bytes)) };
  return { ...unsigned, signature };
}

/** Why a signature does not hold; nothing when it does. Never throws for a bad signature. */
export async function signatureProblems(quote: Quote, key: QuoteKey): Promise<{ code: 'signature-missing' | 'signature-algorithm' | 'signature-key' | 'signature-invalid'; message: string }[]> {
  const { signature, ...unsigned } = quote;
  if (!signature) return [{ code: 'signature-missing', message: 'the quote is not signed' }];
  const alg = keyAlgorithm(key);
  // The verifier's key decides the algorithm, never the document: no algorithm confusion.
  if (signature.alg !== alg) {
    return [{ code: 'signature-algorithm', message: `the quote says it is signed with ${signature.alg}, but the key given is for ${alg}` }];
  }
  // A key with an id signs with that id: a quote whose key id was removed or changed is not its signature.
  if (key.kid !== undefined && signature.kid !== key.kid) {
    const named = signature.kid === undefined ? 'names no key' : `says it is signed with key "${signature.kid}"`;
    return [{ code: 'signature-key', message: `the quote ${named}, but the key given is "${key.kid}"` }];
  }
  const bytes = base64urlDecode(signature.value);
  const expected = alg === 'HS256' ? 32 : 64;
  const ok = bytes.length === expected && (await subtleCrypto().verify(algorithmOf(alg), await cryptoKey(key, 'verify'), bytes, message(unsigned)));
  return ok ? [] : [{ code: 'signature-invalid', message: 'the signature does not match: the quote was changed after it was signed, or signed with another key' }];
}

function message(unsigned: Omit<Quote, 'signature'>): Uint8Array {
  return new TextEncoder().encode(canonicalJson(unsigned));
}

function algorithmOf(alg: QuoteSignature['alg']): object {
  return alg === 'HS256' ? { name: 'HMAC' } : { name: 'Ed25519' };
}

const imported = { sign: new WeakMap<QuoteKey, Promise<CryptoKeyLike>>(), verify: new WeakMap<QuoteKey, Promise<CryptoKeyLike>>() };

/** The WebCrypto key of a JWK, imported once per key object and use. */
function cryptoKey(key: QuoteKey, use: 'sign' | 'verify'): Promise<CryptoKeyLike> {
  let found = imported[use].get(key);
  if (!found) {
    const subtle = subtleCrypto();
    found =
      key.kty === 'oct'
        ? subtle.importKey('jwk', { kty: 'oct', k: key.k, alg: 'HS256', ext: false }, { name: 'HMAC', hash: 'SHA-256' }, false, [use])
        : subtle.importKey('jwk', use === 'sign' ? { kty: 'OKP', crv: 'Ed25519', x: key.x, d: key.d } : { kty: 'OKP', crv: 'Ed25519', x: key.x }, { name: 'Ed25519' }, false, [use]);
    imported[use].set(key, found);
  }
  return found;
}

function subtleCrypto(): SubtleCrypto {
  const subtle = typeof crypto === 'undefined' ? undefined : crypto.subtle;
  if (!subtle) throw new Error('signing quotes needs WebCrypto (crypto.subtle): Node 20+, or a page served over https or from localhost');
  return subtle;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Bytes as base64url without padding (RFC 4648 §5). */
export function base64urlEncode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

/**
 * base64url text (padding allowed) as bytes. Decoded strictly: characters outside the
 * alphabet, or unused bits of the last character that are not zero, make it empty, so
 * that each byte string has exactly one text (a changed last character is not the same signature).
 */
export function base64urlDecode(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(clean) || clean.length % 4 === 1) return new Uint8Array(0);
  const out = new Uint8Array(Math.floor((clean.length * 6) / 8));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const char of clean) {
    value = ((value << 6) | ALPHABET.indexOf(char)) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return (value & ((1 << bits) - 1)) === 0 ? out : new Uint8Array(0);
}
