/**
 * Picks the engine's kernels for a page: the WebAssembly SIMD backend when this browser can
 * load it, else the plain TypeScript reference kernels, which always work.
 *
 * @example
 * const { name, note } = await fastestBackend(); // { name: 'wasm', note: '' }
 */
import { initWasmBackend } from '../dist/kernels/wasm/init.js';
import { setNumThreads } from '../dist/kernels/wasm/threads.js';
import { backend } from '../dist/kernels/registry.js';

export interface BackendChoice {
  /** The active backend's name: 'wasm' or 'reference'. */
  readonly name: string;
  /** Why the fallback was taken, or ''. */
  readonly note: string;
}

/** Switches to the wasm backend if it loads; stays on the reference kernels otherwise. */
export async function fastestBackend(): Promise<BackendChoice> {
  try {
    await initWasmBackend();
    // One thread: the page's models are tiny, so handing work to workers costs more than it
    // saves, and a page's main thread may only spin (not sleep) while it waits for them.
    setNumThreads(1);
    return { name: backend().name, note: '' };
  } catch (error) {
    const reason = (error as Error).message;
    return { name: backend().name, note: `WebAssembly kernels unavailable: ${reason}` };
  }
}
