/**
 * cast: converts a tensor to another dtype.
 *
 * float32 -> int32 truncates toward zero, as TensorFlow does; NaN becomes 0 and values beyond
 * the int32 range saturate at its ends (TensorFlow leaves both undefined). Casting to the same
 * dtype returns the tensor itself, so gradients still flow; a cast that changes the dtype
 * carries no gradient (int32 values are not differentiable).
 *
 * @example
 * cast(tensor([1.7, -1.7]), 'int32').toArray(); // [1, -1]
 * cast(tensor([1, 2], [2], 'int32'), 'float32'); // float32 [1, 2]
 */
import { ValueError } from '../errors.js';
import { Tensor, type DType } from '../tensor/tensor.js';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export function cast(x: Tensor, dtype: DType): Tensor {
  if (dtype !== 'float32' && dtype !== 'int32') {
    throw new ValueError(`cast: unknown dtype '${String(dtype)}' (supported: float32, int32)`);
  }
  if (x.dtype === dtype) return x;

  const out = new Tensor(x.shape, dtype);
  const src = x.data, dst = out.data;
  if (dtype === 'float32') {
    dst.set(src);
  } else {
    for (let i = 0; i < src.length; i++) dst[i] = toInt32(src[i]!);
  }
  return out;
}

function toInt32(v: number): number {
  if (v !== v) return 0;
  if (v <= INT32_MIN) return INT32_MIN;
  if (v >= INT32_MAX) return INT32_MAX;
  return Math.trunc(v);
}

/** The tensor as float32 (a converted copy for int32 input), for kernels that read floats. */
export function asFloat32(x: Tensor): Tensor {
  return cast(x, 'float32');
}
