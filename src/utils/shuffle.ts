/**
 * Seeded shuffling of samples, with the same permutation for inputs and targets.
 *
 * @example
 * const [xs, ys] = shuffle(x, y, 42);
 */
import { ShapeError } from '../errors.js';
import { Random, globalRng } from '../tensor/random.js';
import type { Tensor } from '../tensor/tensor.js';
import { takeRows } from './take-rows.js';

/**
 * A random permutation of 0..n-1, from `seed` or, without one, the global generator
 * (see `setSeed`).
 *
 * @example
 * permutation(5, 1); // e.g. Int32Array [3, 0, 4, 1, 2], the same every time for seed 1
 */
export function permutation(n: number, seed?: number): Int32Array {
  const rng = seed === undefined ? globalRng() : new Random(seed);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  rng.shuffle(order);
  return order;
}

/**
 * Shuffles samples (axis 0) of `x` and, with the same permutation, of `y`. Returns new
 * tensors; the inputs are left as they are.
 *
 * @example
 * const [xs, ys] = shuffle(tensor([[1], [2], [3]]), tensor([1, 2, 3]), 7);
 * // xs row i and ys[i] still belong together
 */
export function shuffle(x: Tensor, y?: Tensor, seed?: number): [Tensor, Tensor | undefined] {
  checkSameLength('shuffle', x, y);
  const order = permutation(x.shape[0]!, seed);
  return [takeRows(x, order), y === undefined ? undefined : takeRows(y, order)];
}

/** Throws unless `x` and `y` have the same number of samples. */
export function checkSameLength(where: string, x: Tensor, y?: Tensor): void {
  if (x.rank === 0) throw new ShapeError(`${where}: x must have a sample axis, got a scalar`);
  if (y !== undefined && (y.rank === 0 || y.shape[0] !== x.shape[0])) {
    throw new ShapeError(`${where}: x and y must have the same number of samples, got ` +
      `x [${x.shape.join(', ')}] and y [${y.shape.join(', ')}]`);
  }
}
