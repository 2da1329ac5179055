/**
 * K-fold cross-validation indices, like scikit-learn's `KFold`: the samples are cut into k
 * consecutive folds (after an optional seeded shuffle); the first n % k folds have one sample
 * more than the others, and every sample is in exactly one validation fold.
 *
 * @example
 * for (const { train, validation } of kFold(100, 5, { shuffle: true, seed: 0 })) {
 *   // train: 80 indices, validation: 20 indices, both sorted
 * }
 */
import { ValueError } from '../errors.js';
import { permutation } from '../utils/shuffle.js';

export interface KFoldOptions {
  /** Shuffle the samples before cutting folds (default false, as in scikit-learn). */
  shuffle?: boolean;
  /** Seed for the shuffle; without it the global generator is used. */
  seed?: number;
}

/** One split: sample indices to train on and to validate on, each in ascending order. */
export interface Fold {
  train: Int32Array;
  validation: Int32Array;
}

/**
 * Yields the k folds of `n` samples.
 *
 * @example
 * [...kFold(5, 2)].map((f) => [...f.validation]); // [[0, 1, 2], [3, 4]]
 */
export function* kFold(n: number, k: number, options: KFoldOptions = {}): Generator<Fold> {
  if (!Number.isInteger(k) || k < 2 || !Number.isInteger(n) || k > n) {
    throw new ValueError(`kFold: need an integer k with 2 <= k <= n samples, got k = ${k}, ` +
      `n = ${n}`);
  }
  const order = options.shuffle === true
    ? permutation(n, options.seed)
    : Int32Array.from({ length: n }, (_, i) => i);

  let start = 0;
  for (let fold = 0; fold < k; fold++) {
    const size = Math.floor(n / k) + (fold < n % k ? 1 : 0);
    const inValidation = new Uint8Array(n);
    for (const i of order.subarray(start, start + size)) inValidation[i] = 1;
    start += size;
    yield {
      train: indicesWhere(inValidation, 0),
      validation: indicesWhere(inValidation, 1),
    };
  }
}

function indicesWhere(mask: Uint8Array, value: number): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i] === value) out.push(i);
  return Int32Array.from(out);
}
