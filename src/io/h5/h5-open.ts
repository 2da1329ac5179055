/**
 * Running code on an HDF5 file opened read-only, whichever h5wasm build opened it (Node's,
 * on real paths, or the in-memory one). No Node imports, so the browser bundle can use it.
 *
 * @example
 * const keys = withReadOnlyFile(h5, '/scratch.h5', 'upload.h5', (root) => root.keys());
 */
import { IoError } from '../../errors.js';
import { READ_FAILED, hdf5Reason, labelled } from './h5-errors.js';
import type { H5Group, H5Wasm } from './h5-runtime.js';

/**
 * Opens `path` read-only, runs `fn` on the root group and closes the file. Errors name the
 * file as `label`: an unreadable file is an IoError, `fn`'s errors keep their class.
 *
 * @example
 * withReadOnlyFile(await h5wasm(), 'model.h5', 'model.h5', (root) => root.attrs);
 */
export function withReadOnlyFile<T>(h5: H5Wasm, path: string, label: string,
  fn: (root: H5Group) => T): T {
  let file: InstanceType<typeof h5.File>;
  try {
    file = new h5.File(path, 'r');
  } catch (error) {
    throw new IoError(`${label}: ${READ_FAILED} (${hdf5Reason(error)})`, { cause: error });
  }

  try {
    return fn(file);
  } catch (error) {
    throw labelled(label, error);
  } finally {
    file.close();
  }
}
