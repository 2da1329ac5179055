/**
 * Worker thread of the wasm backend: instantiates the kernels on the shared heap memory, then
 * loops forever taking calls from its slot of the control block (protocol in
 * control-block.ts). It runs as a Node worker_threads worker or a browser module Web Worker.
 */
import {
  ARGS, AT, CHUNK, DONE, drainChunks, FN, MODE, NARGS, POSTED, READY, RUNNING, SEQ, SLOT_WORDS,
  SPIN, STATE, STATUS, TOTAL,
} from './control-block.js';

interface Init {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  control: Int32Array;
  slot: number;
  /** Offset of the shared slot in the control block. */
  shared: number;
  names: readonly string[];
}

type Kernel = (...args: number[]) => void;

function serve(init: Init, report: (message: string) => void): void {
  const instance = new WebAssembly.Instance(init.module, { env: { memory: init.memory } });
  const fns = init.names.map((n) => instance.exports[n] as Kernel);
  const control = init.control, base = init.slot * SLOT_WORDS;
  const args: number[] = [];
  Atomics.store(control, base + READY, 1);
  let seen = Atomics.load(control, base + SEQ);
  for (;;) {
    let spins = 0;
    while (Atomics.load(control, base + SEQ) === seen) {
      if (++spins > SPIN) Atomics.wait(control, base + SEQ, seen);
    }
    seen = Atomics.load(control, base + SEQ);
    if (seen < 0) return;
    const posted = (seen << 2) | POSTED;
    if (Atomics.compareExchange(control, base + STATE, posted, (seen << 2) | RUNNING) !== posted) {
      continue; // the caller took this call back and ran it itself
    }
    const fn = fns[control[base + FN]!]!;
    args.length = control[base + NARGS]!;
    for (let i = 0; i < args.length; i++) args[i] = control[base + ARGS + i]!;
    try {
      if (control[base + MODE] === 0) fn(...args);
      else {
        drainChunks(control, init.shared, args, control[base + AT]!, control[base + TOTAL]!,
          control[base + CHUNK]!, (a) => fn(...a));
      }
    } catch (e) {
      Atomics.store(control, base + STATUS, 1);
      report(`kernel ${init.names[control[base + FN]!]} failed: ${String(e)}`);
    }
    Atomics.store(control, base + DONE, seen);
    Atomics.notify(control, base + DONE);
  }
}

interface Port { on(event: 'message', fn: (m: Init) => void): void; postMessage(m: string): void }

const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
const threads = proc?.getBuiltinModule?.('node:worker_threads') as { parentPort: Port } | undefined;
if (threads?.parentPort) {
  const port = threads.parentPort;
  port.on('message', (init) => serve(init, (m) => port.postMessage(m)));
} else {
  const scope = globalThis as unknown as {
    onmessage: (e: { data: Init }) => void;
    postMessage(m: string): void;
  };
  scope.onmessage = (e) => serve(e.data, (m) => scope.postMessage(m));
}
