/**
 * Scaling helpers: Keras' `normalize` (unit Lp norm along an axis) and a plain rescale
 * (`x * scale + offset`, e.g. pixels 0-255 to 0-1).
 *
 * @example
 * rescale(xTrain, 1 / 255); // pixels in [0, 1]
 */
import { ValueError } from '../errors.js';
import { normalizeAxes } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';

/**
 * A float32 copy of `x` with each value mapped to `x * scale + offset`.
 *
 * @example
 * rescale(tensor([0, 255]), 1 / 255).toArray(); // [0, 1]
 */
export function rescale(x: Tensor, scale: number, offset = 0): Tensor {
  const out = new Tensor(x.shape, 'float32');
  const src = x.data;
  const dst = out.data;
  for (let i = 0; i < src.length; i++) dst[i] = src[i]! * scale + offset;
  return out;
}

export interface NormalizeOptions {
  /** The axis along which each vector is scaled to norm 1. Default -1 (last). */
  axis?: number;
  /** The norm: 1, 2 (default) or Infinity. */
  order?: number;
}

/**
 * A float32 copy of `x` where every vector along `axis` has Lp norm 1 (vectors of norm 0 stay
 * 0), like Keras' `utils.normalize`.
 *
 * @example
 * normalize(tensor([[3, 4], [0, 0]])).toArray(); // [[0.6, 0.8], [0, 0]]
 */
export function normalize(x: Tensor, options: NormalizeOptions = {}): Tensor {
  const order = options.order ?? 2;
  if (!(order === 1 || order === 2 || order === Infinity)) {
    throw new ValueError(`normalize: order must be 1, 2 or Infinity, got ${order}`);
  }
  const [axis] = normalizeAxes(options.axis ?? -1, x.rank, 'normalize');
  const length = x.shape[axis!]!;
  const inner = x.shape.slice(axis! + 1).reduce((a, b) => a * b, 1);
  const outer = x.size / Math.max(1, length * inner);

  const out = new Tensor(x.shape, 'float32');
  const src = x.data;
  const dst = out.data;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * length * inner + i;
      let norm = 0;
      for (let k = 0; k < length; k++) norm = accumulate(norm, src[base + k * inner]!, order);
      if (order === 2) norm = Math.sqrt(norm);
      for (let k = 0; k < length; k++) {
        dst[base + k * inner] = norm === 0 ? 0 : src[base + k * inner]! / norm;
      }
    }
  }
  return out;
}

function accumulate(norm: number, v: number, order: number): number {
  if (order === 1) return norm + Math.abs(v);
  if (order === 2) return norm + v * v;
  return Math.max(norm, Math.abs(v));
}
