// Public surface of the wasm backend.
export { wasmBackend, type WasmBackend } from './backend.js';
export { initWasmBackend } from './init.js';
export { getNumThreads, setNumThreads, threadsReady } from './threads.js';
