/**
 * broadcastTo: repeats a tensor along its size-1 (or missing leading) axes to fill `shape`,
 * following NumPy's broadcasting rules. The gradient sums back over the repeated axes.
 *
 * @example
 * broadcastTo(tensor([1, 2]), [2, 2]).toArray(); // [[1, 2], [1, 2]]
 */
import { ShapeError } from '../errors.js';
import { record } from '../tensor/autograd.js';
import { broadcastShapes, formatShape } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { binaryRaw, unbroadcast } from './binary.js';
import { cast } from './cast.js';

export function broadcastTo(x: Tensor, shape: readonly number[]): Tensor {
  const full = broadcastShapes(x.shape, shape, 'broadcastTo');
  if (full.length !== shape.length || full.some((d, i) => d !== shape[i])) {
    throw new ShapeError(`broadcastTo: cannot broadcast ${formatShape(x.shape)} to ` +
      `${formatShape(shape)}`);
  }
  if (x.dtype === 'int32') return cast(broadcastTo(cast(x, 'float32'), shape), 'int32');

  // Multiplying by ones reuses the broadcasting kernel; 1 * v is exactly v, NaN and ±0 included.
  const ones = new Tensor(shape);
  ones.f32.fill(1);
  const out = binaryRaw('mul', ones, x, 'broadcastTo');
  ones.release();
  return record(out, 'broadcastTo', [x], (dy) => [unbroadcast(dy, x.shape)]);
}
