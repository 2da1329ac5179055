/**
 * Opening HDF5 files for reading (from a path or from bytes) and writing them atomically:
 * a new file is written next to the target under a temporary name, flushed to disk, then
 * renamed over the target, so a failure midway never leaves a half-written file where a good
 * one was.
 *
 * Every error that escapes names the file, e.g. `model.h5: not an HDF5 file (...)`.
 *
 * @example
 * const names = await readH5('model.h5', (root) => readStringList(root, 'layer_names'));
 * await writeH5('weights.h5', (root) => writeStringAttr(root, 'backend', 'tensorflow'));
 */
import { IoError } from '../../errors.js';
import { WRITE_FAILED, labelled } from './h5-errors.js';
import { withReadOnlyFile } from './h5-open.js';
import { describeBytes, isHdf5 } from './file-signature.js';
import {
  getBytes, h5wasm, hdf5Reason, isNodeRuntime, putBytes, withScratchPath, type H5Group,
} from './h5-runtime.js';

/** Bytes read to look for the HDF5 signature (which may follow a user block). */
const SNIFF_BYTES = 65536;


/**
 * Opens an HDF5 file read-only, runs `fn` on its root group and closes it.
 * `source` is a path (Node) or the file's bytes; `label` names it in errors.
 *
 * @example
 * const version = await readH5(bytes, (root) => readStringAttr(root, 'keras_version'), 'upload.h5');
 */
export async function readH5<T>(source: string | Uint8Array, fn: (root: H5Group) => T,
  label = typeof source === 'string' ? source : 'buffer'): Promise<T> {
  if (typeof source !== 'string') {
    checkSignature(source, label);
    return withScratchPath(async (path) => {
      await putBytes(path, source);
      return openAndRun(path, label, fn);
    });
  }

  checkSignature(await sniff(source, label), label);
  return openAndRun(source, label, fn);
}

async function openAndRun<T>(path: string, label: string, fn: (root: H5Group) => T): Promise<T> {
  return withReadOnlyFile(await h5wasm(), path, label, fn);
}

async function sniff(path: string, label: string): Promise<Uint8Array> {
  if (!isNodeRuntime()) {
    throw new IoError(`${label}: reading files by path needs Node; in a browser, pass the bytes`);
  }
  const { openSync, readSync, closeSync } = await import('node:fs');
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw cannotOpen(error, label);
  }
  try {
    const head = new Uint8Array(SNIFF_BYTES);
    const n = readSync(fd, head, 0, SNIFF_BYTES, 0);
    return head.subarray(0, n);
  } catch (error) {
    // Opening a directory for reading succeeds on Linux; reading it is what fails (EISDIR).
    throw cannotOpen(error, label);
  } finally {
    closeSync(fd);
  }
}

function cannotOpen(error: unknown, label: string): IoError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file'
    : code === 'EISDIR' ? 'it is a directory; give the path of a .keras or .h5 file' : code;
  return new IoError(`${label}: cannot open (${why})`, { cause: error });
}

function checkSignature(head: Uint8Array, label: string): void {
  if (!isHdf5(head)) throw new IoError(`${label}: not an HDF5 file (${describeBytes(head)})`);
}

/**
 * Writes an HDF5 file atomically: `fn` fills a new file created under a temporary name in the
 * target's folder; only if it returns is the file flushed and renamed to `path`. On failure the
 * temporary file is removed and whatever was at `path` before is untouched. Node only.
 *
 * @example
 * await writeH5('out.h5', (root) => root.create_group('model_weights'));
 */
export async function writeH5(path: string, fn: (root: H5Group) => void): Promise<void> {
  if (!isNodeRuntime()) {
    throw new IoError(`${path}: writing files by path needs Node; in a browser, use the buffer API`);
  }
  // Loaded here, not at the top, so that the browser bundle carries no Node file-system code.
  const { replaceAtomic } = await import('../atomic-write.js');

  await replaceAtomic(path, async (temp) => {
    try {
      await writeNew(temp, fn);
    } catch (error) {
      throw labelled(path, error, WRITE_FAILED);
    }
  });
}

/**
 * Builds an HDF5 file with `fn` and returns its bytes (works in browsers too).
 *
 * @example
 * const bytes = await writeH5ToBytes((root) => writeStringAttr(root, 'backend', 'tensorflow'));
 */
export async function writeH5ToBytes(fn: (root: H5Group) => void): Promise<Uint8Array> {
  return withScratchPath(async (path) => {
    try {
      await writeNew(path, fn);
    } catch (error) {
      throw labelled('buffer', error, WRITE_FAILED);
    }
    return (await getBytes(path)).slice();
  });
}

async function writeNew(path: string, fn: (root: H5Group) => void): Promise<void> {
  const h5 = await h5wasm();
  let file: InstanceType<typeof h5.File>;
  try {
    file = new h5.File(path, 'w');
  } catch (error) {
    throw new IoError(`cannot create the file (${hdf5Reason(error)})`, { cause: error });
  }

  try {
    fn(file);
  } finally {
    file.close();
  }
}

export { labelled };
