/**
 * Loads the WebAssembly kernels. In Node the module is compiled synchronously from the file
 * next to this one, so the backend is usable right after import; in a browser call
 * {@link initWasmBackend} (async) first.
 *
 * Four builds exist: plain SIMD128 or relaxed SIMD (fused multiply-add), each for a shared
 * memory (threads) or a plain one. The relaxed build is used when the engine validates it.
 */
import { IoError, NotSupportedError } from '../../errors.js';
import { log } from '../../log.js';
import { heap } from '../../tensor/heap.js';
import { KERNEL_NAMES, type KernelExports } from './kernel-names.js';

export interface LoadedKernels {
  readonly exports: KernelExports;
  /** The compiled module, which workers instantiate on the same memory. */
  readonly module: WebAssembly.Module;
  readonly relaxed: boolean;
  readonly shared: boolean;
}

type Bytes = Uint8Array<ArrayBuffer>;

let loaded: LoadedKernels | null = null;

interface NodeFs { readFileSync(path: URL): Bytes }
interface NodeV8 { setFlagsFromString(flags: string): void }

/** A Node built-in module, or undefined outside Node (or on Node older than 20.16). */
export function nodeBuiltin<T>(id: string): T | undefined {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return p?.getBuiltinModule?.(id) as T | undefined;
}

function fileName(relaxed: boolean, shared: boolean): string {
  return `kernels-${relaxed ? 'relaxed' : 'simd'}${shared ? '-shared' : ''}.wasm`;
}

/** The kernels, or null when they are not loaded yet (a browser before initWasmBackend). */
export function loadedKernels(): LoadedKernels | null {
  if (loaded === null) loadSync();
  return loaded;
}

function loadSync(): void {
  const fs = nodeBuiltin<NodeFs>('node:fs');
  if (fs === undefined) return;
  // Relaxed SIMD sits behind a flag in Node 20; setting it is harmless where it is standard.
  nodeBuiltin<NodeV8>('node:v8')?.setFlagsFromString('--experimental-wasm-relaxed-simd');
  const shared = heap().shared;
  const read = (relaxed: boolean) => fs.readFileSync(new URL(fileName(relaxed, shared),
    import.meta.url));
  finish(pick(read(true), () => read(false)), shared);
}

/** The relaxed build if this engine validates it, else the plain SIMD build. */
function pick(relaxedBytes: Bytes, plain: () => Bytes): [Bytes, boolean] {
  if (WebAssembly.validate(relaxedBytes)) return [relaxedBytes, true];
  return [plain(), false];
}

function finish([bytes, relaxed]: [Bytes, boolean], shared: boolean): void {
  const module = new WebAssembly.Module(bytes);
  const instance = new WebAssembly.Instance(module, { env: { memory: heap().memory } });
  const exports = instance.exports as unknown as KernelExports;
  for (const name of KERNEL_NAMES) {
    if (typeof exports[name] !== 'function') {
      throw new NotSupportedError(`wasm kernels: export '${name}' is missing; ` +
        'rebuild them with npm run build');
    }
  }
  loaded = { exports, module, relaxed, shared };
  log.debug(`wasm kernels: ${relaxed ? 'relaxed SIMD (FMA)' : 'SIMD128'}, ` +
    `${shared ? 'shared' : 'unshared'} memory`);
}

/**
 * Loads the kernels asynchronously (fetch in a browser, the file system in Node). Resolves
 * once the 'wasm' backend can run; safe to call more than once.
 *
 * @example
 * import { initWasmBackend, setBackend } from 'convnet-ts';
 * await initWasmBackend();
 * setBackend('wasm');
 */
export async function loadKernels(): Promise<LoadedKernels> {
  if (loadedKernels() !== null) return loaded!;
  const shared = heap().shared;
  const fs = await nodeFs();
  const get = async (relaxed: boolean) => {
    const url = new URL(fileName(relaxed, shared), import.meta.url);
    if (fs !== null) return fs.readFileSync(url);
    const response = await fetch(url);
    if (!response.ok) {
      throw new IoError(`wasm kernels: fetching ${fileName(relaxed, shared)} failed with ` +
        `HTTP ${response.status}`);
    }
    return new Uint8Array(await response.arrayBuffer());
  };
  const relaxedBytes = await get(true);
  const plainBytes = WebAssembly.validate(relaxedBytes) ? null : await get(false);
  finish(pick(relaxedBytes, () => plainBytes!), shared);
  return loaded!;
}

/**
 * node:fs on Node versions without process.getBuiltinModule (before 20.16), where fetch cannot
 * read file: URLs; null in browsers. The specifier is built at run time so that bundlers for
 * the browser leave it alone.
 */
async function nodeFs(): Promise<NodeFs | null> {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  if (p?.versions?.node === undefined) return null;
  const id = ['node', 'fs'].join(':');
  return (await import(id)) as NodeFs;
}
