// The desk's suite (desk-suite.ts) on an embedded PostgreSQL (PGlite), a new folder for each desk.
import { deskSuite } from './desk-suite.js';
import { tempFolder } from './fixtures.js';

deskSuite(async () => ({ data: tempFolder('desk') }));
