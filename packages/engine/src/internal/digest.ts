/**
 * Content hashes: SHA-256 of a canonical JSON form, through WebCrypto (`crypto.subtle`
 * exists in Node 20+, workers and every browser on https or localhost). The same
 * document gives the same hash everywhere, whatever the key order or spacing of the
 * file it was read from.
 */

// The engine compiles without DOM or Node typings; these are the few WebCrypto parts it uses.
interface SubtleCrypto {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}
declare const crypto: { subtle?: SubtleCrypto } | undefined;
declare class TextEncoder {
  encode(text: string): Uint8Array;
}

/**
 * JSON in the canonical form of RFC 8785 (JCS): object keys sorted by UTF-16 code
 * units, no whitespace, numbers and strings as ECMAScript serialises them. Refuses
 * what JSON cannot say exactly (non-finite numbers, `undefined` in arrays, bigints).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item, i) => {
      if (item === undefined) throw new TypeError(`canonical JSON has no form for undefined (at index ${i})`);
      return canonicalJson(item);
    })}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
}

/** `"sha256:<hex>"` of the canonical JSON of `value`. */
export async function contentHash(value: unknown): Promise<string> {
  const subtle = typeof crypto === 'undefined' ? undefined : crypto.subtle;
  if (!subtle) throw new Error('content hashes need WebCrypto (crypto.subtle): Node 20+, or a page served over https or from localhost');
  const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(value))));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return `sha256:${hex}`;
}
