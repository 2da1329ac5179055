/**
 * Picking samples (rows along axis 0) of a tensor by index: the building block of shuffling,
 * splitting and k-fold cross-validation. A plain copy, not recorded for gradients.
 *
 * @example
 * const xFold = takeRows(xTrain, fold.train); // [fold.train.length, 28, 28]
 */
import { ValueError } from '../errors.js';
import { Tensor } from '../tensor/tensor.js';

/**
 * A new tensor holding `x[indices[0]], x[indices[1]], ...`.
 *
 * @example
 * takeRows(tensor([[1, 2], [3, 4], [5, 6]]), [2, 0]).toArray(); // [[5, 6], [1, 2]]
 */
export function takeRows(x: Tensor, indices: ArrayLike<number>): Tensor {
  if (x.rank === 0) throw new ValueError('takeRows: expected a tensor of rank >= 1, got a scalar');
  const n = x.shape[0]!;
  const rowSize = n === 0 ? 0 : x.size / n;
  const out = new Tensor([indices.length, ...x.shape.slice(1)], x.dtype);
  const src = x.data;
  const dst = out.data;
  for (let i = 0; i < indices.length; i++) {
    const row = indices[i]!;
    if (!Number.isInteger(row) || row < 0 || row >= n) {
      throw new ValueError(`takeRows: index ${row} (position ${i}) is outside 0..${n - 1} for ` +
        `a tensor of shape [${x.shape.join(', ')}]`);
    }
    dst.set(src.subarray(row * rowSize, (row + 1) * rowSize), i * rowSize);
  }
  return out;
}
