/**
 * Elementwise comparisons with broadcasting: equal, notEqual, greater, greaterEqual, less,
 * lessEqual. There is no boolean dtype, so the result is a float32 tensor of 1 (true) and
 * 0 (false), ready to use as a mask with `mul` or as the condition of `where`. Comparisons
 * carry no gradient. NaN compares unequal to everything, itself included.
 *
 * @example
 * greater(tensor([1, 2, 3]), 2);           // [0, 0, 1]
 * equal(argMax(logits), labels);           // int32 inputs are compared as numbers
 */
import type { BinaryKernel } from '../kernels/backend.js';
import { Tensor } from '../tensor/tensor.js';
import { asTensor, binaryRaw, type TensorLike } from './binary.js';
import { asFloat32 } from './cast.js';

function compare(kind: BinaryKernel, a: TensorLike, b: TensorLike): Tensor {
  // int32 values up to 2^24 are exact in float32, far beyond any class index or count.
  return binaryRaw(kind, asFloat32(asTensor(a)), asFloat32(asTensor(b)), kind);
}

/** 1 where a == b. @example equal(tensor([1, 2]), 2); // [0, 1] */
export function equal(a: TensorLike, b: TensorLike): Tensor {
  return compare('equal', a, b);
}

/** 1 where a > b. @example greater(tensor([1, 2]), 1); // [0, 1] */
export function greater(a: TensorLike, b: TensorLike): Tensor {
  return compare('greater', a, b);
}

/** 1 where a < b. @example less(tensor([1, 2]), 2); // [1, 0] */
export function less(a: TensorLike, b: TensorLike): Tensor {
  return compare('less', a, b);
}

/** 1 where a != b (and where either is NaN). @example notEqual(tensor([1, 2]), 2); // [1, 0] */
export function notEqual(a: TensorLike, b: TensorLike): Tensor {
  return invert(equal(a, b));
}

/** 1 where a >= b. @example greaterEqual(tensor([1, 2]), 2); // [0, 1] */
export function greaterEqual(a: TensorLike, b: TensorLike): Tensor {
  return either(greater(a, b), equal(a, b));
}

/** 1 where a <= b. @example lessEqual(tensor([1, 2]), 1); // [1, 0] */
export function lessEqual(a: TensorLike, b: TensorLike): Tensor {
  return either(less(a, b), equal(a, b));
}

function invert(mask: Tensor): Tensor {
  const m = mask.f32;
  for (let i = 0; i < m.length; i++) m[i] = 1 - m[i]!;
  return mask;
}

function either(p: Tensor, q: Tensor): Tensor {
  const a = p.f32, b = q.f32;
  for (let i = 0; i < a.length; i++) a[i] = a[i]! + b[i]! > 0 ? 1 : 0;
  return p;
}
