// The catalog, checked once by the engine (its schema and rules) and frozen: the elements
// take it as it is. The app loads this module with import(), so the checks and the catalog
// come in a chunk of their own after the first render, as a catalog from a server would.
import { loadCatalog } from '@cpq-kit/engine';
import suite from '../../catalogs/collab-suite.json';

export const catalog = loadCatalog(suite);
