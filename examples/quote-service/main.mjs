// Runs the quote service: `node examples/quote-service/main.mjs` (after `npm run build`).
//   PORT (default 8081), QUOTE_KEY_FILE: a JSON Web Key from `npx cpq quote keygen`.
// Without a key file it makes a random key for this run only: quotes it signs cannot be
// verified after a restart. Keep real keys out of the repository (a secret store, an
// environment variable, a file readable by the service only).
import { readFileSync } from 'node:fs';
import { generateQuoteKey, readQuoteKey } from '@cpq-kit/engine';
import { createQuoteServer } from './service.mjs';

const keyFile = process.env.QUOTE_KEY_FILE;
const key = keyFile ? readQuoteKey(readFileSync(keyFile, 'utf8')) : await generateQuoteKey('HS256', 'demo');
if (!keyFile) console.warn('QUOTE_KEY_FILE is not set: signing with a random key for this run only.');
const server = await createQuoteServer({ key });
server.listen(Number(process.env.PORT ?? 8081), '127.0.0.1', () => {
  console.log(`quote service: http://127.0.0.1:${server.address().port}/health`);
});
