/**
 * Loads h5wasm (HDF5 compiled to WebAssembly) once, and moves bytes in and out of the file
 * system it works on.
 *
 * In Node the package's `node` build reads and writes the host file system directly, so real
 * paths work. In a browser the default build keeps files in an in-memory file system; byte
 * buffers are the only way in and out there.
 *
 * @example
 * const h5 = await h5wasm();
 * const file = new h5.File('/tmp/x.h5', 'r');
 */
import type * as H5WasmModule from 'h5wasm';

export type H5Wasm = typeof H5WasmModule;
export type H5Group = H5WasmModule.Group;
export type H5Dataset = H5WasmModule.Dataset;

let loading: Promise<H5Wasm> | undefined;
let scratchCounter = 0;

/** True under Node (or a runtime with Node's fs), where real paths can be used. */
export function isNodeRuntime(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

/**
 * The h5wasm module, ready to use. HDF5 errors are turned into thrown `Error`s (whose message is
 * the HDF5 error stack) instead of being printed to stderr and ignored.
 *
 * @example
 * const h5 = await h5wasm();
 */
export function h5wasm(): Promise<H5Wasm> {
  loading ??= load();
  return loading;
}

async function load(): Promise<H5Wasm> {
  const mod: H5Wasm = isNodeRuntime() ? await import('h5wasm/node') : await import('h5wasm');
  const module = await mod.ready;
  // Without this, a failing HDF5 call prints a diagnostic and returns an invalid id.
  module.activate_throwing_error_handler();
  return mod;
}

/**
 * Runs `fn` with a fresh scratch path in the HDF5 file system, then deletes the file.
 * In Node it lives in a private temporary folder; in a browser, in the in-memory file system.
 *
 * @example
 * const bytes = await withScratchPath(async (p) => { write(p); return readBytes(p); });
 */
export async function withScratchPath<T>(fn: (path: string) => Promise<T>): Promise<T> {
  if (isNodeRuntime()) {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'convnet-h5-'));
    try {
      return await fn(join(dir, 'scratch.h5'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const path = `/convnet-scratch-${++scratchCounter}.h5`;
  const fs = await memoryFs();
  try {
    return await fn(path);
  } finally {
    if (fs.analyzePath(path).exists) fs.unlink(path);
  }
}

/** Writes bytes to a path of the HDF5 file system. */
export async function putBytes(path: string, bytes: Uint8Array): Promise<void> {
  if (isNodeRuntime()) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, bytes);
  } else {
    (await memoryFs()).writeFile(path, bytes);
  }
}

/** Reads the bytes of a path of the HDF5 file system. */
export async function getBytes(path: string): Promise<Uint8Array> {
  if (isNodeRuntime()) {
    const { readFileSync } = await import('node:fs');
    const b = readFileSync(path);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  }
  return (await memoryFs()).readFile(path);
}

interface MemoryFs {
  writeFile(path: string, data: Uint8Array): void;
  readFile(path: string): Uint8Array;
  unlink(path: string): void;
  analyzePath(path: string): { exists: boolean };
}

async function memoryFs(): Promise<MemoryFs> {
  const mod = await h5wasm();
  const module = (await mod.ready) as unknown as { FS: MemoryFs };
  return module.FS;
}

export { hdf5Reason } from './h5-errors.js';
