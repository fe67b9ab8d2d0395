/**
 * Shareable configurations: a configuration as a short text that survives URLs, e-mail
 * and chat, and back. The text names the catalog id and version it was made with, so a
 * link opened after the catalog changed is checked against the new one, and whatever
 * no longer fits is reported (which selection, and why), never silently dropped.
 *
 * Format 1 is `~`-separated tokens, using only characters that URLs leave alone
 * (letters, digits, `_ . - ~`), so it needs no escaping in a query or fragment:
 *
 * ```
 * 1~av-rooms~2026.11.0~meeting-room~display~d86~table-mics~.4~control-panel~.y~extras~-2~pen~hub
 * ```
 *
 * format, catalog id, catalog version, product, then attribute/value pairs: an option id
 * (single choice), `.y`/`.n` (boolean), `.` and digits (quantity), `-` and a count
 * followed by that many option ids (multiple choice). Ids never start with `.` or `-`,
 * so a value's kind is never in doubt. A version with other characters than ids use is
 * written as `-` and the hex of its UTF-8 bytes.
 */
import type { Catalog, Configuration, SelectionValue } from '../catalog/schema.js';
import { formatPath, ValidationError, type Problem } from '../internal/problems.js';

/** The format version written by {@link encodeConfiguration}. */
export const SHARE_FORMAT = 1;

/** The URL fragment parameter that {@link shareLink} writes and {@link shareCodeOf} reads: `#config=...`. */
export const SHARE_PARAMETER = 'config';

// The engine compiles without DOM or Node typings; every runtime it supports has these.
declare class TextEncoder {
  encode(text: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label: string, options: { fatal: boolean });
  decode(bytes: Uint8Array): string;
}

const ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const LITERAL_VERSION = /^[A-Za-z0-9_.][A-Za-z0-9_.-]*$/;

/** A share text that cannot be read, or a configuration that cannot be written as one. */
export class ShareLinkError extends ValidationError {
  constructor(problems: readonly Problem[], what = 'The share link') {
    super(what, problems);
    this.name = 'ShareLinkError';
  }
}

/**
 * Writes a configuration as a compact, URL-safe, versioned text that carries the catalog
 * id and version (from `configuration.catalog`, else from `catalog`).
 *
 * @example
 * ```ts
 * encodeConfiguration(session.toConfiguration());
 * // "1~av-rooms~2026.11.0~meeting-room~display~d86~mounting~wall-heavy~table-mics~.4~control-panel~.y"
 * ```
 */
export function encodeConfiguration(configuration: Configuration, catalog?: Pick<Catalog, 'id' | 'version'>): string {
  const id = configuration.catalog?.id ?? catalog?.id;
  const version = configuration.catalog?.version ?? catalog?.version;
  const problems: Problem[] = [];
  if (id === undefined || version === undefined) problems.push({ path: 'catalog', message: 'give the catalog id and version (in the configuration, or as the second argument): a share link records them' });
  const token = (value: string, path: readonly PropertyKey[]): string => {
    if (!ID.test(value)) problems.push({ path: formatPath(path), message: `"${value}" is not an id` });
    return value;
  };
  const tokens = [String(SHARE_FORMAT), id === undefined ? '' : token(id, ['catalog', 'id']), versionToken(version ?? ''), token(configuration.product, ['product'])];
  for (const [attribute, value] of Object.entries(configuration.selections)) {
    const path = ['selections', attribute];
    tokens.push(token(attribute, path));
    if (typeof value === 'boolean') tokens.push(value ? '.y' : '.n');
    else if (typeof value === 'number') {
      if (!Number.isSafeInteger(value) || value < 0) problems.push({ path: formatPath(path), message: `${value} is not a quantity` });
      tokens.push(`.${value}`);
    } else if (Array.isArray(value)) tokens.push(`-${value.length}`, ...value.map((option, i) => token(option, [...path, i])));
    else tokens.push(token(value, path));
  }
  if (problems.length > 0) throw new ShareLinkError(problems, 'The configuration');
  return tokens.join('~');
}

/** `base` with the share text in its fragment: `https://shop.example/rooms#config=1~av-rooms~...`. */
export function shareLink(code: string, base: string): string {
  const at = base.indexOf('#');
  return `${at < 0 ? base : base.slice(0, at)}#${SHARE_PARAMETER}=${code}`;
}

/** The share text in a link's fragment (`#config=...`), or undefined when it has none. */
export function shareCodeOf(link: string): string | undefined {
  const at = link.indexOf('#');
  if (at < 0) return undefined;
  for (const part of link.slice(at + 1).split('&')) {
    if (!part.startsWith(`${SHARE_PARAMETER}=`)) continue;
    const code = part.slice(SHARE_PARAMETER.length + 1);
    try {
      return decodeURIComponent(code);
    } catch {
      // Broken percent-encoding (a link cut short): the code as it is, which then fails
      // to decode with a ShareLinkError that says so, not a URIError from here.
      return code;
    }
  }
  return undefined;
}

/** A configuration as a share text records it: the catalog it was made with and the selections as written. */
export interface RecordedConfiguration {
  readonly catalog: { readonly id: string; readonly version: string };
  readonly product: string;
  readonly selections: Readonly<Record<string, SelectionValue>>;
}

/**
 * Reads a share text without a catalog: the catalog it names and the selections as
 * written. Throws {@link ShareLinkError} naming the token that is wrong.
 */
export function parseShareText(text: string): RecordedConfiguration {
  const tokens = text.trim().split('~');
  const fail = (message: string): never => {
    throw new ShareLinkError([{ path: '', message }]);
  };
  if (tokens[0] !== String(SHARE_FORMAT)) {
    fail(/^\d+$/.test(tokens[0] ?? '') ? `format ${tokens[0]} is not one this version of cpq-kit reads (it reads ${SHARE_FORMAT})` : 'not a cpq-kit share link (it must start with "1~")');
  }
  if (tokens.length < 4) fail('the link is cut short: it needs a catalog id, a version and a product');
  const id = (token: string | undefined, what: string): string => (token !== undefined && ID.test(token) ? token : fail(`${what} ${JSON.stringify(token ?? '')} is not an id (the link may be cut short or changed)`));
  const catalogId = id(tokens[1], 'the catalog id');
  const version = readVersion(tokens[2]!) ?? fail(`the catalog version ${JSON.stringify(tokens[2])} cannot be read`);
  const product = id(tokens[3], 'the product');
  const selections: Record<string, SelectionValue> = {};
  // Defined, not assigned: "__proto__" in a link is an attribute like any other (then
  // dropped as unknown, and listed), not a prototype that vanishes.
  const set = (attribute: string, value: SelectionValue) => Object.defineProperty(selections, attribute, { value, enumerable: true, writable: true, configurable: true });
  for (let i = 4; i < tokens.length; ) {
    const attribute = id(tokens[i++], 'the attribute');
    if (Object.hasOwn(selections, attribute)) fail(`the attribute "${attribute}" appears twice`);
    const value = tokens[i++];
    if (value === undefined) fail(`the attribute "${attribute}" has no value (the link may be cut short)`);
    else if (value === '.y' || value === '.n') set(attribute, value === '.y');
    else if (/^\.\d{1,15}$/.test(value)) set(attribute, Number(value.slice(1)));
    else if (/^-\d{1,4}$/.test(value)) {
      const n = Number(value.slice(1));
      if (i + n > tokens.length) fail(`the attribute "${attribute}" lists ${n} options but the link ends first`);
      set(attribute, tokens.slice(i, i + n).map((t) => id(t, `an option of "${attribute}"`)));
      i += n;
    } else set(attribute, id(value, `the value of "${attribute}"`));
  }
  return { catalog: { id: catalogId, version }, product, selections };
}

function versionToken(version: string): string {
  if (LITERAL_VERSION.test(version)) return version;
  let hex = '-';
  for (const byte of new TextEncoder().encode(version)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

function readVersion(token: string): string | undefined {
  if (LITERAL_VERSION.test(token)) return token;
  if (!/^-([0-9a-f]{2})+$/.test(token)) return undefined;
  const bytes = new Uint8Array(token.slice(1).match(/../g)!.map((h) => Number.parseInt(h, 16)));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
