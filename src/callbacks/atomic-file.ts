/**
 * Writing files so that a crash never leaves a half-written one under the final name: write a
 * temporary file in the same directory, then rename it over the target (rename is atomic
 * within one file system).
 *
 * @example
 * await writeFileAtomic('backup/state.json', JSON.stringify(state));
 * await replaceAtomic('ckpt/model.h5', (tmp) => model.save(tmp));
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/**
 * A temporary path next to `path` that keeps its full file name at the end, so that writers
 * that look at the extension ('.h5', '.weights.h5') still recognise it.
 */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.tmp-${process.pid}-${counter++}-${basename(path)}`);
}

/** Runs `write(tmpPath)`, then renames the temporary file to `path`; cleans up on failure. */
export async function replaceAtomic(path: string,
  write: (temporaryPath: string) => Promise<void>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = temporaryPathFor(path);
  try {
    await write(tmp);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true, recursive: true });
    throw error;
  }
}

/** Writes `data` to `path` atomically. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await replaceAtomic(path, (tmp) => writeFile(tmp, data));
}
