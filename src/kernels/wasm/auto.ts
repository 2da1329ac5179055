/**
 * Import for its side effect: makes the wasm backend the default. In Node this happens
 * synchronously during the import; in a browser the kernels are fetched and the backend is
 * switched on when they have loaded (await initWasmBackend() to know when).
 *
 * @example
 * import 'convnet-ts'; // the package entry imports this module
 */
import { log } from '../../log.js';
import { initWasmBackend, initWasmBackendSync } from './init.js';

if (!initWasmBackendSync()) {
  initWasmBackend().catch((e: unknown) => {
    log.warn(`wasm backend unavailable, using the reference kernels: ${String(e)}`);
  });
}
