/**
 * Elementwise unary ops and activations, each with its derivative.
 *
 * @example
 * relu(tensor([-1, 0, 2])); // [0, 0, 2]
 */
import type { UnaryKernel } from '../kernels/backend.js';
import { SELU, erf } from '../kernels/reference/elementwise.js';
import { backend } from '../kernels/registry.js';
import { record } from '../tensor/autograd.js';
import { Tensor, scalar } from '../tensor/tensor.js';
import { binaryRaw } from './binary.js';

/** Applies a unary kernel; no gradient is recorded. */
export function unaryRaw(kind: UnaryKernel, x: Tensor): Tensor {
  const out = new Tensor(x.shape);
  backend().unary(kind, x.f32, out.f32);
  return out;
}

type Grad = (x: Tensor, y: Tensor, dy: Tensor) => Tensor;
const mul = (a: Tensor, b: Tensor): Tensor => binaryRaw('mul', a, b);

/**
 * Gradients made of whole-array kernels (SIMD and threaded on the fast backend): dx from the
 * input x, the output y and the incoming gradient dy.
 */
const KERNEL_GRADIENT: Partial<Record<UnaryKernel, Grad>> = {
  neg: (_x, _y, dy) => unaryRaw('neg', dy),
  exp: (_x, y, dy) => mul(dy, y),
  log: (x, _y, dy) => binaryRaw('div', dy, x),
  sqrt: (_x, y, dy) => binaryRaw('div', mul(dy, scalar(0.5)), y),
  square: (x, _y, dy) => mul(dy, mul(x, scalar(2))),
  abs: (x, _y, dy) => mul(dy, unaryRaw('sign', x)),
  // x > 0 gives 1 or 0 (0 for NaN).
  relu: (x, _y, dy) => mul(dy, binaryRaw('greater', x, scalar(0))),
  sigmoid: (_x, y, dy) => mul(dy, mul(y, binaryRaw('sub', scalar(1), y))),
  tanh: (_x, y, dy) => mul(dy, binaryRaw('sub', scalar(1), unaryRaw('square', y))),
  reciprocal: (_x, y, dy) => unaryRaw('neg', mul(dy, unaryRaw('square', y))),
  expm1: (_x, y, dy) => mul(dy, binaryRaw('add', y, scalar(1))),
};

/**
 * The other derivatives, as a function of the input x and output y (whichever is cheaper),
 * evaluated elementwise in double precision.
 */
const DERIVATIVE: Partial<Record<UnaryKernel, (x: number, y: number) => number>> = {
  elu: (x, y) => (x > 0 ? 1 : y + 1),
  selu: (x, y) => (x > 0 ? SELU.scale : y + SELU.scale * SELU.alpha),
  softplus: (x) => 1 / (1 + Math.exp(-x)),
  softsign: (x) => 1 / ((1 + Math.abs(x)) * (1 + Math.abs(x))),
  gelu: (x) => {
    const cdf = 0.5 * (1 + erf(x / Math.SQRT2));
    return cdf + x * Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
  },
  swish: (x, y) => {
    const s = 1 / (1 + Math.exp(-x));
    return y + s * (1 - y);
  },
  log1p: (x) => 1 / (1 + x),
};

function unaryOp(kind: UnaryKernel, x: Tensor): Tensor {
  const y = unaryRaw(kind, x);
  const fast = KERNEL_GRADIENT[kind];
  if (fast !== undefined) return record(y, kind, [x], (dy) => [fast(x, y, dy)]);
  const d = DERIVATIVE[kind];
  if (d === undefined) return y; // piecewise-constant ops (floor, round, sign, step): no gradient
  return record(y, kind, [x], (dy) => {
    const dx = new Tensor(x.shape);
    const xs = x.f32, ys = y.f32, g = dy.f32, out = dx.f32;
    for (let i = 0; i < out.length; i++) out[i] = g[i]! * d(xs[i]!, ys[i]!);
    return [dx];
  });
}

export const neg = (x: Tensor): Tensor => unaryOp('neg', x);
export const exp = (x: Tensor): Tensor => unaryOp('exp', x);
export const log = (x: Tensor): Tensor => unaryOp('log', x);
export const sqrt = (x: Tensor): Tensor => unaryOp('sqrt', x);
export const square = (x: Tensor): Tensor => unaryOp('square', x);
export const abs = (x: Tensor): Tensor => unaryOp('abs', x);
export const relu = (x: Tensor): Tensor => unaryOp('relu', x);
export const sigmoid = (x: Tensor): Tensor => unaryOp('sigmoid', x);
export const tanh = (x: Tensor): Tensor => unaryOp('tanh', x);
export const reciprocal = (x: Tensor): Tensor => unaryOp('reciprocal', x);
export const elu = (x: Tensor): Tensor => unaryOp('elu', x);
export const selu = (x: Tensor): Tensor => unaryOp('selu', x);
export const softplus = (x: Tensor): Tensor => unaryOp('softplus', x);
export const softsign = (x: Tensor): Tensor => unaryOp('softsign', x);
export const gelu = (x: Tensor): Tensor => unaryOp('gelu', x);
export const swish = (x: Tensor): Tensor => unaryOp('swish', x);
export const log1p = (x: Tensor): Tensor => unaryOp('log1p', x);
export const expm1 = (x: Tensor): Tensor => unaryOp('expm1', x);
export const sign = (x: Tensor): Tensor => unaryOp('sign', x);
export const floor = (x: Tensor): Tensor => unaryOp('floor', x);
export const round = (x: Tensor): Tensor => unaryOp('round', x);
