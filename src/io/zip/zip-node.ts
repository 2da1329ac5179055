/**
 * Node only: makes zip reading inflate with node:zlib, which is faster than the web stream and
 * stops at the declared size. Imported for its effect by model-files.ts.
 *
 * @example
 * import './zip-node.js';
 */
import { inflateRawSync } from 'node:zlib';
import { registerRawInflater } from './inflate.js';

registerRawInflater((data, maxSize) => inflateRawSync(data, { maxOutputLength: maxSize }));
