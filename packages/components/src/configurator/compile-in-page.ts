// A module of its own so that bundlers split compiling in the page (the BDD, the encoding
// and its limits) into a chunk: a page that gives the configurator its precompiled space
// (`space-src`, `cpq compile`) never loads it. See configurator-model.ts, compileHere.
export { compileOnDemand } from '@cpq-kit/engine';
