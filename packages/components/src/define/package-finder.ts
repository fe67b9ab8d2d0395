/**
 * Registers `<package-finder>`. Import this file for its side effect; import the
 * class from the package root to register it under another name instead:
 * `PackageFinder.define('acme-finder')`.
 *
 * @module
 */
import { PackageFinder } from '../package-finder/package-finder.component.js';

PackageFinder.define();

export { PackageFinder };
