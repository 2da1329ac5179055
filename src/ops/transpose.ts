/**
 * transpose: permutes the axes (default: reverses them).
 *
 * @example
 * transpose(tensor([[1, 2, 3]])).shape; // [3, 1]
 */
import { ValueError } from '../errors.js';
import { backend } from '../kernels/registry.js';
import { record } from '../tensor/autograd.js';
import { Tensor } from '../tensor/tensor.js';

/** Permutes axes. @example transpose(zeros([2, 3, 4]), [0, 2, 1]).shape; // [2, 4, 3] */
export function transpose(x: Tensor, perm?: readonly number[]): Tensor {
  const p = perm ?? [...x.shape.keys()].reverse();
  const valid = p.length === x.rank && [...p].sort((a, b) => a - b).every((v, i) => v === i);
  if (!valid) {
    throw new ValueError(`transpose: perm [${p.join(', ')}] is not a permutation of the ` +
      `${x.rank} axes of [${x.shape.join(', ')}]`);
  }
  const out = new Tensor(p.map((a) => x.shape[a]!), x.dtype);
  backend().transpose(x.data, x.shape, p, out.data);
  const inverse = new Array<number>(p.length);
  p.forEach((a, i) => { inverse[a] = i; });
  return record(out, 'transpose', [x], (dy) => [transpose(dy, inverse)]);
}
