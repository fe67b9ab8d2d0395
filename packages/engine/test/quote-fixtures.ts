// Shared by the quote tests: the demo catalogs, a fixed moment, fixed keys, random valid configurations.
import { readFileSync } from 'node:fs';
import {
  ConfigurationSession,
  compile,
  loadCatalog,
  loadConfiguration,
  readQuoteKey,
  type Catalog,
  type Configuration,
  type QuoteKey,
} from '../src/index.js';

const root = new URL('../../../', import.meta.url);
export const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

export const av = loadCatalog(read('examples/catalogs/av-rooms.json'));
export const collab = loadCatalog(read('examples/catalogs/collab-suite.json'));
export const avConfig = loadConfiguration(read('examples/catalogs/av-rooms.config.json'), av);
export const collabConfig = loadConfiguration(read('examples/catalogs/collab-suite.config.json'), collab);

/** The moment every test makes its quotes, unless it says otherwise; prices apply from 2026-11-01. */
export const NOW = '2026-11-20T10:00:00.000Z';
export const VALID_UNTIL = '2026-12-20';
/** A day within the validity, for verification. */
export const LATER = '2026-12-01T09:00:00.000Z';

/** A huddle room whose list prices are easy to add up by hand (see quote.test.ts). */
export const huddle: Configuration = {
  product: 'huddle-room',
  selections: {
    display: 'd55',
    mounting: 'wall-standard',
    'video-bar': 'bar-standard',
    'mic-pods': 1,
    'control-panel': false,
    'wireless-presentation': true,
    installation: 'standard',
    support: 'basic',
  },
};

/** 32 fixed bytes as an HMAC key: the vendor's. */
export const hmacKey: QuoteKey = readQuoteKey({ kty: 'oct', k: Buffer.alloc(32, 7).toString('base64url'), kid: 'vendor-2026' });
/** Another HMAC key: an attacker's. */
export const attackerKey: QuoteKey = readQuoteKey({ kty: 'oct', k: Buffer.alloc(32, 9).toString('base64url'), kid: 'vendor-2026' });

/** The demo catalogs by id, for property tests (whose counterexamples then name an id, not a whole catalog). */
export const demo = { 'av-rooms': av, 'collab-suite': collab } as const;
export const demoIds = ['av-rooms', 'collab-suite'] as const;

/**
 * A random complete valid configuration of a product: a buyer choosing possible values in
 * a random order (from `choices`), then letting the session complete the rest.
 *
 * collab-suite's enterprise product (4,951 seat values) is left out: compiling it can
 * overflow the stack in `Bdd.apply`'s recursion while the JIT is cold (reported).
 */
export function randomConfiguration(catalog: Catalog, choices: readonly number[]): Configuration {
  const product = catalog.products[choices[0]! % catalog.products.length]!;
  const session = new ConfigurationSession(compiledOf(catalog, product.id));
  const attributes = [...product.attributes];
  choices.slice(1).forEach((choice, i) => {
    const attribute = attributes[(choice + i) % attributes.length]!;
    const domain = session.domains()[attribute.id]!;
    const value = domain[choice % Math.max(1, domain.length)];
    if (value === undefined) return;
    if (attribute.kind === 'multiple' && choice % 3 === 0) {
      try {
        session.decline(attribute.id, String(value));
      } catch {
        // Every valid configuration needs it; the buyer cannot decline it.
      }
    } else if (session.selections[attribute.id] === undefined) session.select(attribute.id, value);
  });
  return session.complete().toConfiguration();
}

const compiled = new Map<string, ReturnType<typeof compile>>();
function compiledOf(catalog: Catalog, product: string) {
  const key = `${catalog.id}/${product}`;
  if (!compiled.has(key)) compiled.set(key, compile(catalog, { product }));
  return compiled.get(key)!;
}

/** A deep copy to tamper with. */
export function copy<T>(value: T): any {
  return JSON.parse(JSON.stringify(value));
}
