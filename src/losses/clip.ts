/**
 * clipByValue: values limited to [lo, hi]; the gradient passes only where the value was
 * strictly inside (TensorFlow's rule). A local op until a shared clip lands in src/ops.
 *
 * @example
 * clipByValue(probs, 1e-7, 1 - 1e-7);
 */
import { binaryRaw } from '../ops/binary.js';
import { record } from '../tensor/autograd.js';
import { scalar, type Tensor } from '../tensor/tensor.js';

export function clipByValue(x: Tensor, lo: number, hi: number): Tensor {
  const low = scalar(lo), high = scalar(hi);
  const y = binaryRaw('minimum', binaryRaw('maximum', x, low), high);
  return record(y, 'clipByValue', [x], (dy) => {
    const inside = binaryRaw('mul', binaryRaw('greater', x, low), binaryRaw('less', x, high));
    return [binaryRaw('mul', dy, inside)];
  });
}
