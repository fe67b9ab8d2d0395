import type { JsonLimits, JsonResult } from './json.js';

/** Keys that would reach an object's prototype if used as ids or map keys: never read from JSON. */
export const RESERVED_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** The limits of a JSON reading when the caller gives none. */
export const DEFAULT_LIMITS: Required<JsonLimits> = { maxLength: 5_000_000, maxDepth: 64 };

/**
 * Reads JSON text as strictly as `parseJson` does, with the platform's parser alone
 * whenever that loses nothing (the common case, and a page's cold start), and with the
 * strict reader, loaded on first use, to say what is wrong where when it would.
 */
export async function readJson(text: string, limits: JsonLimits = {}): Promise<JsonResult> {
  const value = plainJson(text, { ...DEFAULT_LIMITS, ...limits });
  return value === undefined ? (await import('./json.js')).parseJson(text, limits) : { ok: true, value };
}

/**
 * JSON.parse's value when the strict reader would give the same: the text is within the
 * length, is JSON, has no key twice in one object (as many keys in the text as in the
 * value: JSON.parse keeps only the last of two), no prototype key and no nesting deeper
 * than the limit. Else undefined.
 */
function plainJson(text: string, { maxLength, maxDepth }: Required<JsonLimits>): unknown {
  if (text.length > maxLength) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  let keys = 0;
  for (let at = text.indexOf('"'); at !== -1; ) {
    let next = closingQuote(text, at) + 1;
    while (text.charCodeAt(next) <= 0x20) next++;
    if (text.charCodeAt(next) === 0x3a /* : */) keys--;
    at = text.indexOf('"', next);
  }
  const stack: unknown[] = [value];
  const depths: number[] = [0];
  while (stack.length > 0) {
    const node = stack.pop();
    const depth = depths.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= maxDepth) return undefined;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item), depths.push(depth + 1);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (RESERVED_KEYS.includes(key)) return undefined;
      keys++;
      stack.push((node as Record<string, unknown>)[key]), depths.push(depth + 1);
    }
  }
  return keys === 0 ? value : undefined;
}

/**
 * Where the string that opens at `at` closes, in JSON text known to be valid: the next
 * quote after an even run of backslashes (indexOf, not a loop per character: a
 * precompiled space is one string of megabytes).
 */
export function closingQuote(text: string, at: number): number {
  let end = text.indexOf('"', at + 1);
  for (;;) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === 0x5c /* \ */) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}
