/**
 * reshape: the same values under a new shape (one dimension may be -1, inferred).
 *
 * @example
 * reshape(range(6), [2, -1]); // shape [2, 3]
 */
import { ShapeError } from '../errors.js';
import { record } from '../tensor/autograd.js';
import { formatShape, sizeOf } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';

/** The same values under a new shape. @example reshape(range(6), [2, -1]).shape; // [2, 3] */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  const target = inferShape(x, shape);
  const out = new Tensor(target, x.dtype);
  out.data.set(x.data);
  return record(out, 'reshape', [x], (dy) => [reshape(dy, x.shape)]);
}

function inferShape(x: Tensor, shape: readonly number[]): number[] {
  const unknown = shape.filter((d) => d === -1).length;
  const known = shape.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  if (unknown > 1) throw new ShapeError(`reshape: at most one -1 allowed, got ${formatShape(shape)}`);
  const target = shape.map((d) => (d === -1 ? x.size / known : d));
  if (sizeOf(target) !== x.size || target.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new ShapeError(`reshape: cannot reshape ${formatShape(x.shape)} (${x.size} values) ` +
      `into ${formatShape(shape)}`);
  }
  return target;
}
