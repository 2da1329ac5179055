/**
 * stack: joins tensors of one shape along a new axis. Stacking n tensors of shape [a, b] at
 * axis 0 gives [n, a, b]; at axis -1, [a, b, n].
 *
 * @example
 * stack([tensor([1, 2]), tensor([3, 4])]).toArray();    // [[1, 2], [3, 4]]
 * stack([tensor([1, 2]), tensor([3, 4])], 1).toArray(); // [[1, 3], [2, 4]]
 */
import { ShapeError, ValueError } from '../errors.js';
import { formatShape } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { concat } from './concat.js';
import { expandDims } from './squeeze.js';

export function stack(tensors: readonly Tensor[], axis = 0): Tensor {
  if (tensors.length === 0) throw new ValueError('stack: needs at least one tensor, got none');
  const first = tensors[0]!;
  for (const t of tensors) {
    if (t.rank !== first.rank || t.shape.some((d, i) => d !== first.shape[i])) {
      throw new ShapeError(`stack: every tensor must have the same shape; got ` +
        `${tensors.map((u) => formatShape(u.shape)).join(', ')}`);
    }
  }
  return concat(tensors.map((t) => expandDims(t, axis)), axis);
}
