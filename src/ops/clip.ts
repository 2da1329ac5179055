/**
 * clip (Keras `clip`, TensorFlow `clip_by_value`): limits every value to [min, max]. The
 * gradient passes where min <= x <= max and is 0 where the value was clipped. NaN stays NaN.
 *
 * @example
 * clip(tensor([-2, 0.5, 3]), 0, 1); // [0, 0.5, 1]
 */
import { ValueError } from '../errors.js';
import { record } from '../tensor/autograd.js';
import { Tensor } from '../tensor/tensor.js';

export function clip(x: Tensor, min: number, max: number): Tensor {
  if (!(min <= max)) {
    throw new ValueError(`clip: min (${min}) must not be greater than max (${max})`);
  }
  const out = new Tensor(x.shape);
  const src = x.f32, dst = out.f32;
  for (let i = 0; i < dst.length; i++) {
    const v = src[i]!;
    dst[i] = v < min ? min : v > max ? max : v;
  }

  return record(out, 'clip', [x], (dy) => {
    const dx = new Tensor(x.shape);
    const g = dy.f32, d = dx.f32, v = x.f32;
    for (let i = 0; i < d.length; i++) d[i] = v[i]! >= min && v[i]! <= max ? g[i]! : 0;
    return [dx];
  });
}
