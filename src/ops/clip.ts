/**
 * clip (Keras `clip`, TensorFlow `clip_by_value`): limits every value to [min, max]. The
 * gradient passes where min <= x <= max and is 0 where the value was clipped. NaN stays NaN.
 *
 * @example
 * clip(tensor([-2, 0.5, 3]), 0, 1); // [0, 0.5, 1]
 * clip(probs, 1e-7, 1 - 1e-7, { gradientAtBounds: false }); // as the crossentropy losses clip
 */
import { ValueError } from '../errors.js';
import { record } from '../tensor/autograd.js';
import { Tensor } from '../tensor/tensor.js';

export interface ClipOptions {
  /**
   * Whether the gradient passes where x equals a bound (default true). With false it passes
   * only strictly inside the float32-rounded bounds, which is how the losses clip
   * probabilities: a prediction sitting exactly on the clip value gets no gradient.
   */
  gradientAtBounds?: boolean;
}

export function clip(x: Tensor, min: number, max: number, options: ClipOptions = {}): Tensor {
  if (!(min <= max)) {
    throw new ValueError(`clip: min (${min}) must not be greater than max (${max})`);
  }
  const out = new Tensor(x.shape);
  const src = x.f32, dst = out.f32;
  for (let i = 0; i < dst.length; i++) {
    const v = src[i]!;
    dst[i] = v < min ? min : v > max ? max : v;
  }

  const passes = options.gradientAtBounds === false ? strictlyInside(min, max) : within(min, max);
  return record(out, 'clip', [x], (dy) => {
    const dx = new Tensor(x.shape);
    const g = dy.f32, d = dx.f32, v = x.f32;
    for (let i = 0; i < d.length; i++) d[i] = passes(v[i]!) ? g[i]! : 0;
    return [dx];
  });
}

function within(min: number, max: number): (v: number) => boolean {
  return (v) => v >= min && v <= max;
}

// The bounds as the float32 values the clipped tensor holds.
function strictlyInside(min: number, max: number): (v: number) => boolean {
  const lo = Math.fround(min), hi = Math.fround(max);
  return (v) => v > lo && v < hi;
}
