/**
 * flatten: keeps the first (batch) axis and folds the rest into one, as the Keras `Flatten`
 * layer does: [batch, h, w, c] -> [batch, h*w*c], and [batch] -> [batch, 1]. For a 1-D view of
 * everything use `reshape(x, [-1])`.
 *
 * @example
 * flatten(zeros([2, 3, 4])).shape; // [2, 12]
 */
import { ShapeError } from '../errors.js';
import type { Tensor } from '../tensor/tensor.js';
import { reshape } from './reshape.js';

export function flatten(x: Tensor): Tensor {
  if (x.rank === 0) {
    throw new ShapeError('flatten: expected a tensor with a batch axis (rank >= 1), got a scalar');
  }
  const batch = x.shape[0]!;
  return reshape(x, [batch, batch === 0 ? 0 : x.size / batch]);
}
