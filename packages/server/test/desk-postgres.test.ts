// The desk's suite (desk-suite.ts) on a real PostgreSQL server from Debian's package
// (scripts/postgres-server.mjs), a new database for each desk. Skipped, saying so, only
// where the package is not installed.
import { after, describe } from 'node:test';
import { startPostgres } from '../../../scripts/postgres-server.mjs';
import { deskSuite } from './desk-suite.js';
import { freshDatabase } from './fixtures.js';

const server = await startPostgres();
const skip = 'skipped' in server ? server.skipped : false;
if (skip) console.log(`# PostgreSQL leg skipped: ${skip}`);

describe('the desk on a PostgreSQL server', { skip }, () => {
  if (!('url' in server)) return;
  after(() => server.stop());
  deskSuite(() => freshDatabase(server.url));
});
