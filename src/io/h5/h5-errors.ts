/**
 * Error messages for HDF5 files: the HDF5 library's error stack shortened to its reasons, and
 * every error that escapes prefixed with the file it concerns. No Node or h5wasm imports, so
 * the browser bundle can use it.
 *
 * @example
 * throw labelled('model.h5', error); // IoError: model.h5: corrupt or truncated HDF5 file (...)
 */
import { ConvnetError, IoError } from '../../errors.js';

export const READ_FAILED = 'corrupt or truncated HDF5 file';
export const WRITE_FAILED = 'HDF5 write failed';

/**
 * Shortens an HDF5 error stack to its innermost 'minor' reasons, for our messages.
 *
 * @example
 * hdf5Reason(error); // 'truncated file: eof = 4096, sblock->base_addr = 0, ...'
 */
export function hdf5Reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const minors = [...text.matchAll(/minor: (.+)/g)].map((m) => m[1]!.trim());
  if (minors.length === 0) return text.split('\n')[0] ?? text;
  return [...new Set(minors.slice(-2))].join('; ');
}

/**
 * Prefixes an error's message with the file it concerns, keeping its class; errors from the
 * HDF5 library itself become IoError with `what` and the library's reason.
 *
 * @example
 * throw labelled('model.h5', error);
 */
export function labelled(label: string, error: unknown, what = READ_FAILED): ConvnetError {
  if (error instanceof ConvnetError) {
    if (error.message.startsWith(`${label}: `)) return error;
    const Kind = error.constructor as new (m: string, o: { cause: unknown }) => ConvnetError;
    return new Kind(`${label}: ${error.message}`, { cause: error });
  }
  return new IoError(`${label}: ${what} (${hdf5Reason(error)})`, { cause: error });
}
