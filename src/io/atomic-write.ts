/**
 * Writing files so that readers never see one half written: the content goes to a temporary
 * file in the target's folder (same file system, so the rename cannot turn into a copy), which
 * is flushed to disk and then renamed over the target. On failure the temporary file is
 * removed and whatever was at the target before is untouched.
 *
 * @example
 * await writeFileAtomic('runs/mnist/curves.svg', svg);
 * await replaceAtomic('ckpt/model.h5', (temp) => model.save(temp), { createFolder: true });
 */
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { IoError } from '../errors.js';
import { log } from '../log.js';

export interface AtomicWriteOptions {
  /** Create the target's folder (and its parents) first. Default false. */
  createFolder?: boolean;
}

let counter = 0;

/**
 * A fresh temporary path next to `path`. It ends with the full file name, so that writers
 * that look at the extension ('.h5', '.weights.h5') still recognise it.
 *
 * @example
 * temporaryPathFor('ckpt/w.h5'); // 'ckpt/.tmp-4242-0-w.h5'
 */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.tmp-${process.pid}-${counter++}-${basename(path)}`);
}

/**
 * Replaces `path` with `data` in one step. Failures of the file system become an `IoError`
 * naming `path`, with the system error as its cause.
 *
 * @example
 * await writeFileAtomic('backup/state.json', JSON.stringify(state));
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array,
  options: AtomicWriteOptions = {}): Promise<void> {
  await replaceAtomic(path, (temp) => withPath(path, async () => {
    const file = await open(temp, 'wx');
    try {
      await file.writeFile(data);
    } finally {
      await file.close();
    }
  }), options);
}

/**
 * Replaces `path` with the file that `write(temporaryPath)` creates, for writers that need a
 * path rather than bytes (an HDF5 library, a model's own save). Errors thrown by `write` pass
 * through unchanged; failures of the file system become an `IoError` naming `path`.
 *
 * @example
 * await replaceAtomic('weights.h5', (temp) => model.saveWeights(temp));
 */
export async function replaceAtomic(path: string,
  write: (temporaryPath: string) => Promise<void> | void,
  options: AtomicWriteOptions = {}): Promise<void> {
  if (options.createFolder === true) {
    await withPath(path, () => mkdir(dirname(path), { recursive: true }));
  }
  const temp = temporaryPathFor(path);

  try {
    await write(temp);
    await withPath(path, async () => {
      await syncFile(temp);
      await rename(temp, path);
    });
  } catch (error) {
    await removeTemporary(temp);
    throw error;
  }
}

// Called while a write is failing: the write's own error is the one to report, so a clean-up
// that fails too (ENOTDIR when the folder is a file, EACCES) is only logged.
async function removeTemporary(temp: string): Promise<void> {
  try {
    await rm(temp, { force: true, recursive: true });
  } catch (cleanup) {
    const code = (cleanup as NodeJS.ErrnoException).code ?? String(cleanup);
    log.debug(`could not remove '${temp}' after a failed write (${code}); ` +
      `reporting the write's error`);
  }
}

// Without fsync a power cut after the rename can leave an empty file under the good name.
async function syncFile(path: string): Promise<void> {
  const file = await open(path, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}

async function withPath(path: string, step: () => Promise<unknown>): Promise<void> {
  try {
    await step();
  } catch (cause) {
    throw new IoError(`writing '${path}': ${(cause as Error).message}. ` +
      `Check that the folder exists and is writable.`, { cause });
  }
}
