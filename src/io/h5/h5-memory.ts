/**
 * HDF5 files held in memory: bytes in, bytes out, with h5wasm's default build and its
 * in-memory file system. Nothing here touches Node's file system, so browsers (the web bundle)
 * and Node share this code path for byte buffers.
 *
 * @example
 * const names = await readH5Bytes(bytes, (root) => root.keys(), 'upload.h5');
 * const bytes = await writeH5Bytes((root) => root.create_group('model_weights'));
 */
import { IoError } from '../../errors.js';
import { describeBytes, isHdf5 } from './file-signature.js';
import { WRITE_FAILED, labelled } from './h5-errors.js';
import { withReadOnlyFile } from './h5-open.js';
import type { H5Group, H5Wasm } from './h5-runtime.js';

interface MemoryFs {
  writeFile(path: string, data: Uint8Array): void;
  readFile(path: string): Uint8Array;
  unlink(path: string): void;
  analyzePath(path: string): { exists: boolean };
}

let loading: Promise<{ h5: H5Wasm; fs: MemoryFs }> | undefined;
let counter = 0;

function memoryH5wasm(): Promise<{ h5: H5Wasm; fs: MemoryFs }> {
  loading ??= (async () => {
    const h5: H5Wasm = await import('h5wasm');
    const module = await h5.ready;
    // Without this, a failing HDF5 call prints a diagnostic and returns an invalid id.
    module.activate_throwing_error_handler();
    return { h5, fs: (module as unknown as { FS: MemoryFs }).FS };
  })();
  return loading;
}

async function withMemoryPath<T>(fn: (path: string, h5: H5Wasm, fs: MemoryFs) => T): Promise<T> {
  const { h5, fs } = await memoryH5wasm();
  const path = `/convnet-memory-${++counter}.h5`;
  try {
    return fn(path, h5, fs);
  } finally {
    if (fs.analyzePath(path).exists) fs.unlink(path);
  }
}

/**
 * Opens the HDF5 file in `bytes` read-only, runs `fn` on its root group, and closes it.
 * Errors name the file as `label`.
 *
 * @example
 * const version = await readH5Bytes(bytes, (root) => readStringAttr(root, 'keras_version'));
 */
export async function readH5Bytes<T>(bytes: Uint8Array, fn: (root: H5Group) => T,
  label = 'buffer'): Promise<T> {
  if (!isHdf5(bytes)) throw new IoError(`${label}: not an HDF5 file (${describeBytes(bytes)})`);
  return withMemoryPath((path, h5, fs) => {
    fs.writeFile(path, bytes);
    return withReadOnlyFile(h5, path, label, fn);
  });
}

/**
 * Builds an HDF5 file with `fn` and returns its bytes.
 *
 * @example
 * const bytes = await writeH5Bytes((root) => writeStringAttr(root, 'backend', 'tensorflow'));
 */
export async function writeH5Bytes(fn: (root: H5Group) => void, label = 'buffer'):
  Promise<Uint8Array> {
  return withMemoryPath((path, h5, fs) => {
    try {
      const file = new h5.File(path, 'w');
      try {
        fn(file);
      } finally {
        file.close();
      }
    } catch (error) {
      throw labelled(label, error, WRITE_FAILED);
    }
    return fs.readFile(path).slice();
  });
}
