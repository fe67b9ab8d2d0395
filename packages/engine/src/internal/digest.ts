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
 * units, no whitespace, numbers and strings as ECMAScript serialises them (which is
 * what JCS prescribes). For JSON data: refuses non-finite numbers and bigints.
 */
export function canonicalJson(value: unknown): string {
  // JSON.stringify does the escaping and number forms; the replacer only orders keys
  // (measured 2-3x faster than assembling the string by hand).
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new TypeError(`canonical JSON has no form for ${v}`);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const keys = Object.keys(v);
    let sorted = true;
    for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1]! < keys[i]!;
    if (sorted) return v;
    const ordered = Object.create(null) as Record<string, unknown>; // a "__proto__" key stays a key
    for (const key of keys.sort()) ordered[key] = (v as Record<string, unknown>)[key];
    return ordered;
  });
}

/**
 * The same text as {@link canonicalJson}, made in slices with `pause` awaited whenever a
 * slice has taken {@link SLICE_MS}: a catalog of 14,000 features is 100-180 ms of work,
 * which a page should not spend in one task. Arrays and objects are walked here; each
 * element of an array and each leaf goes through canonicalJson itself.
 */
export async function canonicalJsonInSteps(value: unknown, pause: () => Promise<void>): Promise<string> {
  let since = Date.now();
  const walk = async (v: unknown): Promise<string | undefined> => {
    if (v === null || typeof v !== 'object') return canonicalJson(v);
    if (Array.isArray(v)) {
      const parts: string[] = [];
      for (const item of v) {
        // As JSON.stringify: what has no JSON form is null in an array.
        parts.push((await walk(item)) ?? 'null');
        if (Date.now() - since > SLICE_MS) {
          await pause();
          since = Date.now();
        }
      }
      return `[${parts.join(',')}]`;
    }
    const parts: string[] = [];
    // Keys in canonicalJson's order: sorted, then as an object enumerates them (integer
    // keys first), so that the hash is the same.
    const ordered = Object.create(null) as Record<string, true>;
    for (const key of Object.keys(v).sort()) ordered[key] = true;
    for (const key of Object.keys(ordered)) {
      const text = await walk((v as Record<string, unknown>)[key]);
      // As JSON.stringify: a key whose value has no JSON form is left out.
      if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
    }
    return `{${parts.join(',')}}`;
  };
  return (await walk(value)) ?? 'null';
}

/** How long a slice of {@link canonicalJsonInSteps} may run before it pauses. */
const SLICE_MS = 25;

/**
 * `"sha256:<hex>"` of the canonical JSON of `value`; with `pause`, the JSON is made in
 * slices of at most 25 ms with `pause` awaited between them (the same text).
 */
export async function contentHash(value: unknown, pause?: () => Promise<void>): Promise<string> {
  const subtle = typeof crypto === 'undefined' ? undefined : crypto.subtle;
  if (!subtle) throw new Error('content hashes need WebCrypto (crypto.subtle): Node 20+, or a page served over https or from localhost');
  const text = pause ? await canonicalJsonInSteps(value, pause) : canonicalJson(value);
  const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return `sha256:${hex}`;
}
