/**
 * Brings up the wasm backend: loads the kernels, registers the backend, starts the workers.
 *
 * @example
 * import { initWasmBackend } from 'convnet-ts';
 * await initWasmBackend(); // in a browser, before training
 */
import { registerBackend, setBackend } from '../registry.js';
import { wasmBackend } from './backend.js';
import { loadedKernels, loadKernels, type LoadedKernels } from './module.js';
import { requestedThreads, resizePool } from './thread-pool.js';

let started = false;

function start(k: LoadedKernels, makeDefault: boolean): void {
  registerBackend(wasmBackend);
  if (makeDefault) setBackend(wasmBackend.name);
  if (started) return;
  started = true;
  resizePool(requestedThreads(), k.module);
}

/** Synchronous start where the kernels can be read synchronously (Node); false elsewhere. */
export function initWasmBackendSync(makeDefault = true): boolean {
  const k = loadedKernels();
  if (k === null) return false;
  start(k, makeDefault);
  return true;
}

/**
 * Loads the kernels (fetching them in a browser), registers the 'wasm' backend and makes it
 * the active one unless `makeDefault` is false.
 */
export async function initWasmBackend(makeDefault = true): Promise<void> {
  start(await loadKernels(), makeDefault);
}
