/**
 * Where fit/evaluate/predict get their batches: arrays cut into batches (shuffled per epoch
 * when asked), or a BatchSequence (generators, image folders). Array batches are copied out
 * inside a tensor scope, so they are freed when the step ends.
 *
 * @example
 * const source = arraySource({ xs: [x], y, w: null }, 32, true);
 * source.beginEpoch();
 * await source.withBatch(0, (b) => trainStep(model, b.xs, b.y!, b.w));
 */
import type { BatchSequence } from '../data/sequence.js';
import { ValueError } from '../errors.js';
import { globalRng } from '../tensor/random.js';
import { scope, type Tensor } from '../tensor/tensor.js';
import { epochOrder, gatherRows, sampleCount, type ArrayData } from './data.js';

export interface BatchSource {
  /** Batches per pass. */
  readonly steps: number;
  /** Samples per pass, when known. */
  readonly samples: number | undefined;
  beginEpoch(): void;
  endEpoch(): void;
  /** Runs `fn` on batch `index`; tensors made for the batch are freed afterwards. */
  withBatch<T>(index: number, fn: (batch: ArrayData) => T): Promise<T>;
}

export function arraySource(data: ArrayData, batchSize: number, shuffle: boolean,
  maxSteps?: number): BatchSource {
  if (!(Number.isInteger(batchSize) && batchSize > 0)) {
    throw new ValueError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  const n = sampleCount(data, 'fit');
  const fullSteps = Math.ceil(n / batchSize);
  const steps = maxSteps === undefined ? fullSteps : Math.min(maxSteps, fullSteps);
  let order = epochOrder(n, false, globalRng());
  return {
    steps,
    samples: n,
    beginEpoch: () => { order = epochOrder(n, shuffle, globalRng()); },
    endEpoch: () => {},
    withBatch: async (index, fn) => scope(() => {
      const from = index * batchSize, to = Math.min(n, from + batchSize);
      const pick = (t: Tensor | null): Tensor | null => (t === null ? null : gatherRows(t, order, from, to));
      return fn({ xs: data.xs.map((x) => gatherRows(x, order, from, to)), y: pick(data.y), w: pick(data.w) });
    }),
  };
}

export function sequenceSource(seq: BatchSequence, maxSteps?: number): BatchSource {
  const steps = maxSteps === undefined ? seq.length : Math.min(maxSteps, seq.length);
  return {
    steps,
    samples: undefined,
    beginEpoch: () => {},
    endEpoch: () => seq.onEpochEnd?.(),
    withBatch: async (index, fn) => {
      const b = await seq.batch(index);
      return fn({ xs: [b.x], y: b.y ?? null, w: b.sampleWeight ?? null });
    },
  };
}
