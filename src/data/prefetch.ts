/**
 * Bounded read-ahead for batch sources: when batch i is asked for, batches i+1..i+depth start
 * in the background, so that image decoding (sharp runs on worker threads) overlaps training.
 * At most depth + 1 batches are pending at any time.
 *
 * @example
 * const ahead = new Prefetcher((i) => loadBatch(i), 100, 3);
 * const first = await ahead.get(0); // batches 1, 2 and 3 are already being prepared
 */

export class Prefetcher<T> {
  private pending = new Map<number, Promise<T>>();

  /**
   * @param compute makes item `i`; called at most once per item between resets.
   * @param count number of items (indices 0..count-1).
   * @param depth how many items to prepare ahead; 0 turns read-ahead off.
   */
  constructor(private readonly compute: (index: number) => Promise<T> | T,
    private readonly count: number, private readonly depth: number) {}

  /** Item `index`, taken from the read-ahead if it was started, and starts the next ones. */
  get(index: number): Promise<T> {
    let item = this.pending.get(index);
    this.pending.delete(index);
    // The requested item starts now, in the caller's own call, so a synchronous error is
    // delivered as a rejection of this promise.
    item ??= new Promise<T>((resolve) => resolve(this.compute(index)));

    for (const key of [...this.pending.keys()]) {
      if (key <= index || key > index + this.depth) this.pending.delete(key);
    }
    for (let j = index + 1; j <= Math.min(index + this.depth, this.count - 1); j++) {
      if (!this.pending.has(j)) this.pending.set(j, this.startLater(j));
    }
    return item;
  }

  /** Forgets everything prepared (e.g. after the order of items changed). */
  reset(): void {
    this.pending.clear();
  }

  /** Number of items being prepared ahead. */
  get size(): number {
    return this.pending.size;
  }

  private startLater(index: number): Promise<T> {
    // Starting in a microtask keeps read-ahead work out of the caller's synchronous code
    // (and out of any tensor scope it has open).
    const item = Promise.resolve().then(() => this.compute(index));
    // A read-ahead item may be dropped unread; its failure is reported when (if) it is read.
    item.catch(() => undefined);
    return item;
  }
}
