// Layout of the control block shared by the thread pool and its workers, and the protocol
// both sides follow. One slot of Int32 words per worker, plus one shared slot at the end.
//
// Posting a call: write its fields, set STATE = seq|POSTED, then bump SEQ and notify. A worker
// that wakes claims the call by compare-exchanging STATE to seq|RUNNING; the caller, once its
// own share is done, tries to compare-exchange it to seq|CANCELLED instead and, if it wins,
// runs the call itself. So a worker that the OS has not scheduled never holds up a call: on a
// busy machine two threads degrade to about one thread's speed instead of waiting.

/** Int32 words per slot: a whole cache line or more, against false sharing. */
export const SLOT_WORDS = 64;
/** Word offsets inside a worker slot. SEQ is bumped to post a call (-1 stops the worker). */
export const SEQ = 0, DONE = 1, FN = 2, STATUS = 3, READY = 4, NARGS = 5, STATE = 6;
/** Chunked calls: the range [args[AT], args[AT + 1]) of TOTAL items, CHUNK at a time. */
export const MODE = 7, AT = 8, TOTAL = 9, CHUNK = 10, ARGS = 16;
export const MAX_ARGS = SLOT_WORDS - ARGS;
/** Word offset, in the shared slot, of the next chunk to hand out. */
export const NEXT_CHUNK = 0;

export const POSTED = 0, RUNNING = 1, CANCELLED = 2;
/** Sequence numbers stay below 2^28 so that seq << 2 | phase fits an Int32. */
export const SEQ_MASK = 0x0fffffff;

/** Busy-wait iterations (of Atomics.load) before sleeping: some tens of microseconds. */
export const SPIN = 20000;

/**
 * Runs chunks of a chunked call until none are left: each thread (caller and workers alike)
 * takes the next chunk from the shared counter, so faster or earlier threads take more.
 */
export function drainChunks(control: Int32Array, shared: number, args: number[], at: number,
  total: number, chunk: number, call: (args: number[]) => void): void {
  for (;;) {
    const start = Atomics.add(control, shared + NEXT_CHUNK, 1) * chunk;
    if (start >= total) return;
    args[at] = start;
    args[at + 1] = Math.min(total, start + chunk);
    call(args);
  }
}
