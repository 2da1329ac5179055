// What every fast kernel needs at call time: the loaded kernels and how many threads may run.
import { NotSupportedError } from '../../errors.js';
import { loadedKernels } from './module.js';
import type { KernelExports } from './kernel-names.js';
import { readyThreads } from './thread-pool.js';

/** The kernel exports; throws if they are not loaded (a browser before initWasmBackend). */
export function kernels(): KernelExports {
  const k = loadedKernels();
  if (k === null) {
    throw new NotSupportedError("wasm backend: kernels not loaded; await initWasmBackend() " +
      "before setBackend('wasm')");
  }
  return k.exports;
}

/** Threads available for one call right now. */
export function threads(): number {
  return readyThreads();
}
