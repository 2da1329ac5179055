/**
 * pad: adds `before` and `after` elements of a constant value along each axis (TensorFlow's
 * constant-mode `pad`). The gradient is the slice of dy that covers the original values.
 *
 * @example
 * pad(tensor([[1, 2]]), [[1, 0], [0, 1]]).toArray(); // [[0, 0, 0], [1, 2, 0]]
 * pad(images, [[0, 0], [2, 2], [2, 2], [0, 0]]);   // two zero rows/columns around each image
 */
import { ShapeError } from '../errors.js';
import { record } from '../tensor/autograd.js';
import { formatShape } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { copyRegion } from './copy-region.js';

export type Paddings = ReadonlyArray<readonly [number, number] | readonly number[]>;

export function pad(x: Tensor, paddings: Paddings, value = 0): Tensor {
  checkPaddings(x, paddings);
  const start = paddings.map((p) => p[0]!);
  const outShape = x.shape.map((d, i) => d + paddings[i]![0]! + paddings[i]![1]!);
  const out = new Tensor(outShape, x.dtype);
  out.data.fill(value);
  copyRegion(x.data, x.shape, x.shape.map(() => 0), out.data, outShape, start, x.shape);

  return record(out, 'pad', [x], (dy) => {
    const dx = new Tensor(x.shape);
    copyRegion(dy.f32, outShape, start, dx.f32, x.shape, x.shape.map(() => 0), x.shape);
    return [dx];
  });
}

function checkPaddings(x: Tensor, paddings: ReadonlyArray<readonly number[]>): void {
  const ok = paddings.length === x.rank && paddings.every((p) =>
    p.length === 2 && p.every((v) => Number.isInteger(v) && v >= 0));
  if (!ok) {
    throw new ShapeError(`pad: expected ${x.rank} pairs [before, after] of integers >= 0 for ` +
      `a tensor of shape ${formatShape(x.shape)}, got ${JSON.stringify(paddings)}`);
  }
}
