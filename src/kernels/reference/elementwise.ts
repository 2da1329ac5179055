// Reference elementwise kernels: unary maps and binary ops with NumPy broadcasting.
import type { BinaryKernel, UnaryKernel } from '../backend.js';

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

/** Scalar form of each unary kernel. */
export const UNARY: Record<UnaryKernel, (x: number) => number> = {
  neg: (x) => -x,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  square: (x) => x * x,
  abs: Math.abs,
  relu: (x) => (x > 0 ? x : x === x ? 0 : x), // keeps NaN
  sigmoid: (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))),
  tanh: Math.tanh,
  sign: Math.sign,
  reciprocal: (x) => 1 / x,
  floor: Math.floor,
  round: roundHalfEven,
  elu: (x) => (x > 0 ? x : Math.expm1(x)),
  selu: (x) => SELU_SCALE * (x > 0 ? x : SELU_ALPHA * Math.expm1(x)),
  softplus: (x) => (x > 20 ? x : x < -20 ? Math.exp(x) : Math.log1p(Math.exp(x))),
  softsign: (x) => x / (1 + Math.abs(x)),
  gelu: (x) => 0.5 * x * (1 + erf(x / Math.SQRT2)),
  swish: (x) => x * UNARY.sigmoid(x),
  log1p: Math.log1p,
  expm1: Math.expm1,
  step: (x) => (x > 0 ? 1 : x === x ? 0 : x),
};

export const SELU = { alpha: SELU_ALPHA, scale: SELU_SCALE };

/** Rounds half to even, as NumPy and TensorFlow do. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Error function: its Taylor series near 0 and a continued fraction for erfc beyond |x| = 2,
 * both accurate to about 1e-15, far below float32 resolution.
 */
export function erf(x: number): number {
  const ax = Math.abs(x);
  if (ax < 2) {
    let term = x, sum = x;
    const x2 = x * x;
    for (let n = 1; n < 60; n++) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17) break;
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  // Continued fraction for erfc at larger |x|.
  let f = 0;
  for (let n = 60; n >= 1; n--) f = (n / 2) / (ax + f);
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f);
  return x > 0 ? 1 - erfc : erfc - 1;
}

export const BINARY: Record<BinaryKernel, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  pow: Math.pow,
  maximum: (a, b) => (a !== a || b !== b ? NaN : a > b ? a : b),
  minimum: (a, b) => (a !== a || b !== b ? NaN : a < b ? a : b),
  equal: (a, b) => (a === b ? 1 : 0),
  greater: (a, b) => (a > b ? 1 : 0),
  less: (a, b) => (a < b ? 1 : 0),
  squaredDifference: (a, b) => (a - b) * (a - b),
};

export function unary(kind: UnaryKernel, x: Float32Array, out: Float32Array): void {
  const f = UNARY[kind];
  for (let i = 0; i < x.length; i++) out[i] = f(x[i]!);
}

export function binary(kind: BinaryKernel, a: Float32Array, aShape: readonly number[],
  b: Float32Array, bShape: readonly number[], out: Float32Array,
  outShape: readonly number[]): void {
  const f = BINARY[kind];
  if (a.length === out.length && b.length === out.length) {
    for (let i = 0; i < out.length; i++) out[i] = f(a[i]!, b[i]!);
    return;
  }
  if (b.length === 1) {
    const s = b[0]!;
    for (let i = 0; i < out.length; i++) out[i] = f(a[i]!, s);
    return;
  }
  if (a.length === 1) {
    const s = a[0]!;
    for (let i = 0; i < out.length; i++) out[i] = f(s, b[i]!);
    return;
  }
  const aStrides = broadcastStrides(aShape, outShape);
  const bStrides = broadcastStrides(bShape, outShape);
  const rank = outShape.length;
  const index = new Array<number>(rank).fill(0);
  let ai = 0, bi = 0;
  for (let i = 0; i < out.length; i++) {
    out[i] = f(a[ai]!, b[bi]!);
    // Odometer increment over the output index, moving each input by its stride.
    for (let d = rank - 1; d >= 0; d--) {
      index[d]!++;
      ai += aStrides[d]!;
      bi += bStrides[d]!;
      if (index[d]! < outShape[d]!) break;
      ai -= aStrides[d]! * outShape[d]!;
      bi -= bStrides[d]! * outShape[d]!;
      index[d] = 0;
    }
  }
}

/** Strides of `shape` seen through `outShape` (0 on broadcast dimensions). */
function broadcastStrides(shape: readonly number[], outShape: readonly number[]): number[] {
  const rank = outShape.length;
  const strides = new Array<number>(rank).fill(0);
  let stride = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    const od = d + rank - shape.length;
    strides[od] = shape[d] === 1 ? 0 : stride;
    stride *= shape[d]!;
  }
  return strides;
}
