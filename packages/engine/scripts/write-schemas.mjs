// Writes the JSON Schemas shipped in schema/ from the zod schemas (run after the build).
// The test suite checks that the committed files match, so they cannot go stale.
import { writeFileSync } from 'node:fs';
import { catalogJsonSchema, configurationJsonSchema, quoteJsonSchema } from '../dist/index.js';

const out = (name, schema) => {
  const file = new URL(`../schema/${name}.schema.json`, import.meta.url);
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${file.pathname}`);
};
out('catalog', catalogJsonSchema());
out('configuration', configurationJsonSchema());
out('quote', quoteJsonSchema());
