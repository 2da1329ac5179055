/**
 * moments and variance over axes, for batch normalisation: the mean and the population
 * (biased, divide by n) variance, as TensorFlow's `moments` computes them. Both are built
 * from differentiable ops, so gradients flow through them.
 *
 * @example
 * const { mean, variance } = moments(tensor([[1, 2], [3, 6]]), 0);
 * // mean [2, 4], variance [1, 4]
 * moments(images, [0, 1, 2], true); // per channel, shaped [1, 1, 1, c]
 */
import { normalizeAxes } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { squaredDifference } from './binary.js';
import { mean as meanOp } from './reduce.js';
import { reshape } from './reshape.js';

export interface Moments {
  mean: Tensor;
  variance: Tensor;
}

export function moments(x: Tensor, axes?: number | readonly number[], keepDims = false): Moments {
  const list = normalizeAxes(axes, x.rank, 'moments');
  const centre = meanOp(x, list, true);
  const variance = meanOp(squaredDifference(x, centre), list, keepDims);
  const mean = keepDims ? centre : reshape(centre, x.shape.filter((_, i) => !list.includes(i)));
  return { mean, variance };
}

/** The population variance over `axes` (all axes by default). */
export function variance(x: Tensor, axes?: number | readonly number[], keepDims = false): Tensor {
  return moments(x, axes, keepDims).variance;
}
