// The files shipped beside the code: JSON Schemas and demo catalogs.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { catalogJsonSchema, configurationJsonSchema, loadCatalog, loadConfiguration, quoteJsonSchema } from '../src/index.js';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('shipped JSON Schemas', () => {
  it('match the zod schemas (run `npm run schemas` after changing them)', () => {
    assert.deepEqual(JSON.parse(read('packages/engine/schema/catalog.schema.json')), catalogJsonSchema());
    assert.deepEqual(JSON.parse(read('packages/engine/schema/configuration.schema.json')), configurationJsonSchema());
    assert.deepEqual(JSON.parse(read('packages/engine/schema/quote.schema.json')), quoteJsonSchema());
  });
});

describe('demo catalogs in examples/catalogs', () => {
  const folder = new URL('examples/catalogs/', root);
  const catalogs = readdirSync(folder).filter((f) => f.endsWith('.json') && !f.endsWith('.config.json'));

  it('include the AV system and the software packages', () => {
    assert.ok(catalogs.includes('av-rooms.json'));
    assert.ok(catalogs.includes('collab-suite.json'));
  });

  for (const name of catalogs) {
    it(`${name} validates, points at the schema, and its example configuration fits`, () => {
      const text = readFileSync(new URL(name, folder), 'utf8');
      const catalog = loadCatalog(text);
      const $schema = JSON.parse(text).$schema as string;
      assert.ok(existsSync(new URL($schema, folder)), `$schema ${$schema} must exist`);
      assert.ok(catalog.locales?.includes('de'), 'demo catalogs are written in English and German');
      const configName = name.replace(/\.json$/, '.config.json');
      const configText = readFileSync(new URL(configName, folder), 'utf8');
      const configuration = loadConfiguration(configText, catalog);
      assert.equal(configuration.catalog?.id, catalog.id);
      assert.ok(existsSync(new URL(JSON.parse(configText).$schema as string, folder)));
    });
  }
});
