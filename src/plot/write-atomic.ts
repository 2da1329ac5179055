/**
 * Writes a file so that readers never see it half written: the bytes go to a temporary file in
 * the same folder (same file system, so the rename cannot turn into a copy), which is flushed
 * and then renamed over the target.
 */
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { IoError } from '../errors.js';

/**
 * Replaces `path` with `data` in one step. On failure the temporary file is removed and an
 * `IoError` naming `path` is thrown, with the system error as its cause.
 *
 * @example
 * await writeFileAtomic('runs/mnist/curves.svg', svg);
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);

  try {
    const file = await open(temp, 'wx');
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (cause) {
    await rm(temp, { force: true });
    throw new IoError(`writing '${path}': ${(cause as Error).message}. ` +
      `Check that the folder exists and is writable.`, { cause });
  }
}
