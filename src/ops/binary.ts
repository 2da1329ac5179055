/**
 * Elementwise binary ops with NumPy broadcasting: add, sub, mul, div, pow, maximum, minimum,
 * and the comparisons (which carry no gradient).
 *
 * @example
 * add(tensor([[1, 2], [3, 4]]), tensor([10, 20])); // [[11, 22], [13, 24]]
 */
import type { BinaryKernel } from '../kernels/backend.js';
import { backend } from '../kernels/registry.js';
import { record } from '../tensor/autograd.js';
import { broadcastAxes, broadcastShapes } from '../tensor/shape.js';
import { Tensor, keep as keepConstant, scalar } from '../tensor/tensor.js';
import { needsGrad } from '../tensor/autograd.js';
import { reshape } from './reshape.js';
import { sum } from './reduce.js';

export type TensorLike = Tensor | number;

/** Wraps a number as a scalar tensor; passes tensors through. */
export function asTensor(x: TensorLike): Tensor {
  return typeof x === 'number' ? scalar(x) : x;
}

/** Applies a binary kernel with broadcasting; no gradient is recorded. */
export function binaryRaw(kind: BinaryKernel, a: Tensor, b: Tensor, op: string = kind): Tensor {
  const outShape = broadcastShapes(a.shape, b.shape, op);
  const out = new Tensor(outShape);
  backend().binary(kind, a.f32, a.shape, b.f32, b.shape, out.f32, outShape);
  return out;
}

/** Sums a broadcast gradient back down to `shape`. */
export function unbroadcast(grad: Tensor, shape: readonly number[]): Tensor {
  if (grad.shape.length === shape.length && grad.shape.every((d, i) => d === shape[i])) return grad;
  const axes = broadcastAxes(shape, grad.shape);
  return reshape(axes.length > 0 ? sum(grad, axes) : grad, shape);
}

/** a + b, broadcasting. @example add(tensor([1, 2]), 1); // [2, 3] */
export function add(a: TensorLike, b: TensorLike): Tensor {
  const x = asTensor(a), y = asTensor(b);
  return record(binaryRaw('add', x, y), 'add', [x, y], (dy) =>
    [unbroadcast(dy, x.shape), unbroadcast(dy, y.shape)]);
}

/** a - b, broadcasting. @example sub(tensor([1, 2]), 1); // [0, 1] */
export function sub(a: TensorLike, b: TensorLike): Tensor {
  const x = asTensor(a), y = asTensor(b);
  return record(binaryRaw('sub', x, y), 'sub', [x, y], (dy) =>
    [unbroadcast(dy, x.shape), unbroadcast(binaryRaw('mul', dy, scalar(-1)), y.shape)]);
}

/** a * b elementwise, broadcasting. @example mul(tensor([1, 2]), 3); // [3, 6] */
export function mul(a: TensorLike, b: TensorLike): Tensor {
  const x = asTensor(a), y = asTensor(b);
  return record(binaryRaw('mul', x, y), 'mul', [x, y], (dy) => [
    unbroadcast(binaryRaw('mul', dy, y), x.shape),
    unbroadcast(binaryRaw('mul', dy, x), y.shape),
  ]);
}

/** a / b elementwise, broadcasting. @example div(tensor([1, 2]), 2); // [0.5, 1] */
export function div(a: TensorLike, b: TensorLike): Tensor {
  const x = asTensor(a), y = asTensor(b);
  return record(binaryRaw('div', x, y), 'div', [x, y], (dy) => {
    const dx = binaryRaw('div', dy, y);
    // d(x/y)/dy = -x / y^2 = -(x/y) / y
    const dyy = binaryRaw('mul', dx, binaryRaw('div', x, y));
    return [unbroadcast(dx, x.shape), unbroadcast(binaryRaw('mul', dyy, scalar(-1)), y.shape)];
  });
}

/**
 * a ** b elementwise, broadcasting; either side may be a number.
 *
 * @example
 * pow(tensor([1, 2, 3]), 2);          // [1, 4, 9]
 * pow(2, tensor([0, 1, 3]));          // [1, 2, 8]
 */
export function pow(a: TensorLike, b: TensorLike): Tensor {
  const x = asTensor(a), p = asTensor(b);
  const y = binaryRaw('pow', x, p, 'pow');
  return record(y, 'pow', [x, p], (dy) => {
    // d/dx x^p = p * x^(p-1);  d/dp x^p = x^p * ln x, taken as 0 where x <= 0 (as TensorFlow
    // does) so that integer powers of negative bases do not turn the exponent's gradient NaN.
    const dx = needsGrad(x)
      ? binaryRaw('mul', dy, binaryRaw('mul', p, binaryRaw('pow', x, binaryRaw('sub', p, ONE))))
      : null;
    const dp = needsGrad(p) ? binaryRaw('mul', dy, binaryRaw('mul', y, logPositive(x))) : null;
    return [dx && unbroadcast(dx, x.shape), dp && unbroadcast(dp, p.shape)];
  });
}

const ONE = scalarConstant(1);

function scalarConstant(v: number): Tensor {
  const t = scalar(v);
  // Module-level constants live as long as the program; no scope may release them.
  keepConstant(t);
  return t;
}

function logPositive(x: Tensor): Tensor {
  const out = new Tensor(x.shape);
  const src = x.f32, dst = out.f32;
  for (let i = 0; i < dst.length; i++) dst[i] = src[i]! > 0 ? Math.log(src[i]!) : 0;
  return out;
}

/**
 * The larger of a and b elementwise, broadcasting. The gradient goes to the larger input;
 * on ties it is split evenly between both.
 *
 * @example
 * maximum(tensor([1, 5, 3]), 3); // [3, 5, 3]
 */
export function maximum(a: TensorLike, b: TensorLike): Tensor {
  return extreme('maximum', a, b);
}

/**
 * The smaller of a and b elementwise, broadcasting. The gradient goes to the smaller input;
 * on ties it is split evenly between both.
 *
 * @example
 * minimum(tensor([1, 5, 3]), 3); // [1, 3, 3]
 */
export function minimum(a: TensorLike, b: TensorLike): Tensor {
  return extreme('minimum', a, b);
}

function extreme(kind: 'maximum' | 'minimum', a: TensorLike, b: TensorLike): Tensor {
  const x = asTensor(a), z = asTensor(b);
  const y = binaryRaw(kind, x, z, kind);
  return record(y, kind, [x, z], (dy) => {
    const [winA, winB] = kind === 'maximum' ? ['greater', 'less'] as const
      : ['less', 'greater'] as const;
    const half = binaryRaw('mul', binaryRaw('equal', x, z), HALF);
    const maskA = binaryRaw('add', binaryRaw(winA, x, z), half);
    const maskB = binaryRaw('add', binaryRaw(winB, x, z), half);
    return [unbroadcast(binaryRaw('mul', dy, maskA), x.shape),
      unbroadcast(binaryRaw('mul', dy, maskB), z.shape)];
  });
}

const HALF = scalarConstant(0.5);

/**
 * (a - b)² elementwise, broadcasting, in one pass.
 *
 * @example
 * squaredDifference(tensor([1, 4]), tensor([3, 1])); // [4, 9]
 */
export function squaredDifference(a: TensorLike, b: TensorLike): Tensor {
  const x = asTensor(a), z = asTensor(b);
  const y = binaryRaw('squaredDifference', x, z, 'squaredDifference');
  return record(y, 'squaredDifference', [x, z], (dy) => {
    const d = binaryRaw('mul', binaryRaw('mul', dy, binaryRaw('sub', x, z)), TWO);
    return [unbroadcast(d, x.shape), unbroadcast(binaryRaw('mul', d, MINUS_ONE), z.shape)];
  });
}

const TWO = scalarConstant(2);
const MINUS_ONE = scalarConstant(-1);
