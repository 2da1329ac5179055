/**
 * oneHot: turns class indices into vectors of length `depth` with `onValue` at the index and
 * `offValue` elsewhere (float32). Indices outside [0, depth), negative ones included, give a
 * row of `offValue`, as in TensorFlow. Carries no gradient.
 *
 * @example
 * oneHot(tensor([2, 0], [2], 'int32'), 3).toArray(); // [[0, 0, 1], [1, 0, 0]]
 * oneHot([1], 2).toArray();                          // [[0, 1]]
 */
import { ValueError } from '../errors.js';
import { Tensor, type TypedArray } from '../tensor/tensor.js';

export function oneHot(indices: Tensor | readonly number[], depth: number, onValue = 1,
  offValue = 0): Tensor {
  if (!Number.isInteger(depth) || depth < 0) {
    throw new ValueError(`oneHot: depth must be an integer >= 0, got ${depth}`);
  }
  const values: TypedArray | readonly number[] = Array.isArray(indices) ? indices
    : (indices as Tensor).data;
  const shape = Array.isArray(indices) ? [indices.length] : (indices as Tensor).shape;

  const out = new Tensor([...shape, depth]);
  const o = out.f32;
  o.fill(offValue);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isInteger(v) && v >= 0 && v < depth) o[i * depth + v] = onValue;
  }
  return out;
}
