/**
 * Content types for the files the server hands out. Anything not listed is sent as bytes
 * (application/octet-stream), never guessed from its content.
 *
 * @example
 * contentType('convnet.wasm'); // 'application/wasm'
 */
import { extname } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.h5': 'application/x-hdf5',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type header for a file name. */
export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
