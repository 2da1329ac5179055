/**
 * Worker threads that run kernels on the shared heap. A parallel call hands one kernel call to
 * each thread: the first runs on the calling thread, the others on workers woken through a
 * control block in shared memory. Waking a sleeping thread costs tens of microseconds, so both
 * sides spin briefly before sleeping in Atomics.wait; that keeps millisecond-long jobs (a small
 * layer at batch 64) scaling.
 *
 * Workers start asynchronously. Until one has instantiated the kernels it takes no work, so the
 * backend is usable at once and simply runs on fewer threads meanwhile.
 */
import { log } from '../../log.js';
import { heap } from '../../tensor/heap.js';
import {
  ARGS, AT, CANCELLED, CHUNK, DONE, drainChunks, FN, MAX_ARGS, MODE, NARGS, NEXT_CHUNK, POSTED,
  READY, SEQ, SEQ_MASK, SLOT_WORDS, SPIN, STATE, STATUS, TOTAL,
} from './control-block.js';
import {
  KERNEL_NAMES, type ChunkedCall, type KernelCall, type KernelExports,
} from './kernel-names.js';
import { nodeBuiltin } from './module.js';


interface WorkerHandle {
  terminate(): unknown;
  unref?(): void;
}

interface NodeWorkerThreads {
  Worker: new (url: URL, options?: { execArgv: string[] }) =>
    WorkerHandle & { on(event: string, fn: (e: unknown) => void): void };
}

interface NodeOs { availableParallelism?(): number; cpus(): unknown[] }

interface Pool {
  control: Int32Array;
  workers: WorkerHandle[];
}

let pool: Pool | null = null;
let wanted = defaultThreads();
/** Atomics.wait is not allowed on a browser's main thread; there we only spin. */
let canWait = true;

/** Processor count: os.availableParallelism() in Node, navigator.hardwareConcurrency elsewhere. */
export function defaultThreads(): number {
  const os = nodeBuiltin<NodeOs>('node:os');
  if (os !== undefined) return os.availableParallelism?.() ?? os.cpus().length;
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  return Math.max(1, nav?.hardwareConcurrency ?? 1);
}

/** Number of threads requested (the calling thread included). */
export function requestedThreads(): number {
  return wanted;
}

/** Threads that can take work right now: the calling thread plus every ready worker. */
export function readyThreads(): number {
  if (pool === null) return 1;
  let n = 1;
  for (let w = 0; w < pool.workers.length; w++) {
    if (Atomics.load(pool.control, w * SLOT_WORDS + READY) === 1) n++;
  }
  return n;
}

/** Starts (or stops) workers so that `n` threads run kernels. */
export function resizePool(n: number, module: WebAssembly.Module): void {
  wanted = Math.max(1, Math.floor(n));
  stopPool();
  if (wanted === 1) return;
  if (!heap().shared) {
    log.warnOnce('wasm backend: shared memory is unavailable (the page is not cross-origin ' +
      'isolated), so kernels run on one thread');
    return;
  }
  const count = wanted - 1;
  // One slot per worker, then the shared slot.
  const control = new Int32Array(new SharedArrayBuffer((count + 1) * SLOT_WORDS * 4));
  pool = { control, workers: [] };
  for (let w = 0; w < count; w++) {
    const worker = startWorker(module, control, w);
    if (worker === null) {
      log.warnOnce('wasm backend: no worker threads available here, so kernels run on one ' +
        'thread');
      stopPool();
      return;
    }
    pool.workers.push(worker);
  }
}

/** Starts one worker on the shared memory; null where no Worker API exists. */
function startWorker(module: WebAssembly.Module, control: Int32Array,
  slot: number): WorkerHandle | null {
  const url = new URL('./worker.js', import.meta.url);
  const init = { module, memory: heap().memory, control, slot, names: KERNEL_NAMES,
    shared: sharedSlot(control) };
  const threads = nodeBuiltin<NodeWorkerThreads>('node:worker_threads');
  if (threads !== undefined) {
    // Workers inherit node's flags, but refuse --input-type (as in `node --input-type=module
    // -e ...`), which only concerns the main script; a list given here is checked flag by flag
    // (--max-old-space-size is refused too), so give none when that flag is there.
    const execArgv = (globalThis as { process?: { execArgv: string[] } }).process?.execArgv ?? [];
    const worker = new threads.Worker(url,
      execArgv.some((a) => a.startsWith('--input-type')) ? { execArgv: [] } : undefined);
    worker.on('message', (m) => log.error(`wasm worker ${slot}: ${String(m)}`));
    worker.on('error', (e) => log.error(`wasm worker ${slot} failed: ${String(e)}`));
    (worker as unknown as { postMessage(m: unknown): void }).postMessage(init);
    worker.unref?.();
    return worker;
  }
  const WebWorker = (globalThis as { Worker?: new (u: URL, o: object) => Worker }).Worker;
  if (WebWorker === undefined) return null;
  const worker = new WebWorker(url, { type: 'module' });
  worker.onmessage = (e) => log.error(`wasm worker ${slot}: ${String(e.data)}`);
  worker.postMessage(init);
  return worker;
}

/** Stops every worker. */
export function stopPool(): void {
  if (pool === null) return;
  for (let w = 0; w < pool.workers.length; w++) {
    const base = w * SLOT_WORDS;
    Atomics.store(pool.control, base + SEQ, -1);
    Atomics.notify(pool.control, base + SEQ);
    pool.workers[w]!.terminate();
  }
  pool = null;
}

function sharedSlot(control: Int32Array): number {
  return control.length - SLOT_WORDS;
}

/**
 * Runs calls[0] here and calls[i] on the i-th ready worker, and returns when all are done.
 * A call that no worker has picked up by then runs here. Callers size `calls` with
 * {@link readyThreads}.
 */
export function runParallel(kernels: KernelExports, calls: readonly KernelCall[]): void {
  if (calls.length === 0) return;
  if (calls.length === 1 || pool === null) {
    for (const [name, args] of calls) kernels[name](...args);
    return;
  }
  const control = pool.control;
  const posted: Array<[number, number, KernelCall]> = [];
  let next = 1;
  for (let w = 0; w < pool.workers.length && next < calls.length; w++) {
    const base = w * SLOT_WORDS;
    if (Atomics.load(control, base + READY) !== 1) continue;
    const call = calls[next++]!;
    posted.push([base, post(control, base, call[0], call[1], null), call]);
  }
  kernels[calls[0]![0]](...calls[0]![1]);
  for (; next < calls.length; next++) kernels[calls[next]![0]](...calls[next]![1]);
  for (const [base, seq, [name, args]] of posted) {
    if (!finish(control, base, seq)) kernels[name](...args);
  }
}

/**
 * Runs a chunked call on up to `threads` threads: every thread takes chunks of the range
 * until none are left, so the work balances itself even when a worker starts late.
 */
export function runChunked(kernels: KernelExports, call: ChunkedCall, threads: number): void {
  const fn = kernels[call.name];
  const chunk = Math.max(1, call.chunk);
  if (call.total <= 0) return;
  if (threads <= 1 || pool === null || call.total <= chunk) {
    const args = [...call.args(0)];
    for (let start = 0; start < call.total; start += chunk) {
      args[call.at] = start;
      args[call.at + 1] = Math.min(call.total, start + chunk);
      fn(...args);
    }
    return;
  }
  const control = pool.control, shared = sharedSlot(control);
  Atomics.store(control, shared + NEXT_CHUNK, 0);
  const posted: Array<[number, number]> = [];
  for (let w = 0; w < pool.workers.length && posted.length < threads - 1; w++) {
    const base = w * SLOT_WORDS;
    if (Atomics.load(control, base + READY) !== 1) continue;
    const args = call.args(posted.length + 1);
    posted.push([base, post(control, base, call.name, args, { ...call, chunk })]);
  }
  drainChunks(control, shared, [...call.args(0)], call.at, call.total, chunk, (a) => fn(...a));
  // Every chunk is taken: workers that never started have nothing left to do.
  for (const [base, seq] of posted) finish(control, base, seq);
}

function post(control: Int32Array, base: number, name: string, args: readonly number[],
  chunked: { at: number; total: number; chunk: number } | null): number {
  if (args.length > MAX_ARGS) throw new RangeError(`kernel '${name}': too many arguments`);
  control[base + FN] = KERNEL_NAMES.indexOf(name as KernelCall[0]);
  control[base + NARGS] = args.length;
  for (let i = 0; i < args.length; i++) control[base + ARGS + i] = args[i]!;
  control[base + MODE] = chunked === null ? 0 : 1;
  if (chunked !== null) {
    control[base + AT] = chunked.at;
    control[base + TOTAL] = chunked.total;
    control[base + CHUNK] = chunked.chunk;
  }
  const seq = (control[base + SEQ]! + 1) & SEQ_MASK;
  Atomics.store(control, base + STATE, (seq << 2) | POSTED);
  Atomics.store(control, base + SEQ, seq);
  Atomics.notify(control, base + SEQ);
  return seq;
}

/**
 * Takes back a call no worker has started (returns false: the caller runs it), or waits
 * until the worker running it is done (returns true).
 */
function finish(control: Int32Array, base: number, seq: number): boolean {
  const posted = (seq << 2) | POSTED;
  if (Atomics.compareExchange(control, base + STATE, posted, (seq << 2) | CANCELLED) === posted) {
    return false;
  }
  let spins = 0;
  for (;;) {
    const done = Atomics.load(control, base + DONE);
    if (done === seq) break;
    if (++spins < SPIN || !canWait) continue;
    try {
      Atomics.wait(control, base + DONE, done, 100);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      canWait = false; // a browser main thread: keep spinning
    }
  }
  if (Atomics.load(control, base + STATUS) !== 0) {
    Atomics.store(control, base + STATUS, 0);
    throw new Error(`wasm kernel '${KERNEL_NAMES[control[base + FN]!]}' failed on a worker`);
  }
  return true;
}

/** Resolves once every requested worker is ready (tests and benchmarks wait on this). */
export async function whenPoolReady(timeoutMs = 10000): Promise<number> {
  const start = Date.now();
  while (pool !== null && readyThreads() < pool.workers.length + 1) {
    if (Date.now() - start > timeoutMs) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  return readyThreads();
}
