/**
 * How many threads the wasm backend uses.
 *
 * @example
 * import { setNumThreads, getNumThreads } from 'convnet-ts';
 * setNumThreads(1); // e.g. to measure single-thread speed
 * getNumThreads();  // 1
 */
import { ValueError } from '../../errors.js';
import { loadedKernels } from './module.js';
import { requestedThreads, resizePool, whenPoolReady } from './thread-pool.js';

/**
 * Sets the number of threads for kernels, the calling thread included (default: the number
 * of processors). Workers start in the background; until they are up, kernels run on fewer
 * threads. Without shared memory (a page that is not cross-origin isolated) only 1 is used.
 */
export function setNumThreads(n: number): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new ValueError(`setNumThreads: expected a positive integer, got ${n}`);
  }
  const k = loadedKernels();
  if (k === null) {
    throw new ValueError('setNumThreads: wasm kernels are not loaded yet; ' +
      'await initWasmBackend() first');
  }
  resizePool(n, k.module);
}

/** The number of threads requested for kernels (the calling thread included). */
export function getNumThreads(): number {
  return requestedThreads();
}

/**
 * Resolves once every requested worker thread is ready, with the number of threads ready.
 *
 * @example
 * setNumThreads(2);
 * await threadsReady(); // 2
 */
export function threadsReady(timeoutMs?: number): Promise<number> {
  return whenPoolReady(timeoutMs);
}
