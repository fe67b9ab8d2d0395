export { importDimacs } from './dimacs.js';
export { importUvl } from './uvl.js';
export { FormatError } from './errors.js';
export type { ImportedModel } from './model.js';
