/**
 * Reading IDX files from disk (Node). Gzip-compressed files (.gz, or any file starting with
 * 1F 8B) are gunzipped transparently.
 *
 * @example
 * const images = await readIdx('data/train-images-idx3-ubyte.gz'); // shape [60000, 28, 28]
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { IoError } from '../../errors.js';
import type { IdxArray } from './idx-format.js';
import { isGzip, parseIdx } from './parse-idx.js';

/**
 * Reads and decodes an IDX file; errors name the file.
 *
 * @example
 * const { dtype, shape, data } = await readIdx('t10k-labels-idx1-ubyte'); // 'uint8', [10000]
 */
export async function readIdx(path: string): Promise<IdxArray> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new IoError(`cannot read IDX file '${path}': ${(err as Error).message}`, { cause: err });
  }
  return parseIdx(gunzipIfNeeded(bytes, path), path);
}

/**
 * Synchronous {@link readIdx}.
 *
 * @example
 * const labels = readIdxSync('t10k-labels-idx1-ubyte').data; // Uint8Array(10000)
 */
export function readIdxSync(path: string): IdxArray {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new IoError(`cannot read IDX file '${path}': ${(err as Error).message}`, { cause: err });
  }
  return parseIdx(gunzipIfNeeded(bytes, path), path);
}

function gunzipIfNeeded(bytes: Uint8Array, path: string): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (err) {
    throw new IoError(`IDX file '${path}' starts like gzip (1F 8B) but could not be ` +
      `gunzipped (${(err as Error).message}); the download is probably incomplete`,
    { cause: err });
  }
}
