/**
 * The protocol `fit`, `evaluate` and `predict` use for data that does not sit in two tensors:
 * an indexed list of batches, like Keras' `Sequence`. Image generators implement it.
 *
 * @example
 * const seq: BatchSequence = { length: 10, batch: async (i) => ({ x: xs[i], y: ys[i] }) };
 * await model.fit(seq, undefined, { epochs: 3 });
 */
import type { Tensor } from '../tensor/tensor.js';

export interface Batch {
  x: Tensor;
  y?: Tensor;
  /** Per-sample weights, if the source has them. */
  sampleWeight?: Tensor;
}

export interface BatchSequence {
  /** Number of batches in one pass over the data (one epoch). */
  readonly length: number;
  /** Batch `index` (0 <= index < length). May be computed ahead of time (prefetch). */
  batch(index: number): Promise<Batch> | Batch;
  /** Called at the end of every epoch (e.g. to reshuffle). */
  onEpochEnd?(): void;
}

/** True if `value` looks like a {@link BatchSequence}. */
export function isBatchSequence(value: unknown): value is BatchSequence {
  return typeof value === 'object' && value !== null &&
    typeof (value as BatchSequence).length === 'number' &&
    typeof (value as BatchSequence).batch === 'function';
}
