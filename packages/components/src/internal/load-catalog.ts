// A module of its own so that bundlers split the catalog checks into a chunk of their own (see check-catalog.ts).
export { loadCatalog } from '@cpq-kit/engine';
