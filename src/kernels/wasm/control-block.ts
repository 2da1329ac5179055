// Layout of the control block shared by the thread pool and its workers: one slot of Int32
// words per worker, a call's kernel index and arguments, and sequence numbers to hand over.

/** Int32 words per worker slot: a whole cache line or more, against false sharing. */
export const SLOT_WORDS = 64;
/** Word offsets inside a slot. SEQ is bumped to post a call (-1 stops the worker). */
export const SEQ = 0, DONE = 1, FN = 2, STATUS = 3, READY = 4, NARGS = 5, ARGS = 8;
export const MAX_ARGS = SLOT_WORDS - ARGS;
/** Busy-wait iterations (of Atomics.load) before sleeping: some tens of microseconds. */
export const SPIN = 20000;
