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
import { Tensor, scalar } from '../tensor/tensor.js';
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

export function add(a: TensorLike, b: TensorLike): Tensor {
  const x = asTensor(a), y = asTensor(b);
  return record(binaryRaw('add', x, y), 'add', [x, y], (dy) =>
    [unbroadcast(dy, x.shape), unbroadcast(dy, y.shape)]);
}

export function sub(a: TensorLike, b: TensorLike): Tensor {
  const x = asTensor(a), y = asTensor(b);
  return record(binaryRaw('sub', x, y), 'sub', [x, y], (dy) =>
    [unbroadcast(dy, x.shape), unbroadcast(binaryRaw('mul', dy, scalar(-1)), y.shape)]);
}

export function mul(a: TensorLike, b: TensorLike): Tensor {
  const x = asTensor(a), y = asTensor(b);
  return record(binaryRaw('mul', x, y), 'mul', [x, y], (dy) => [
    unbroadcast(binaryRaw('mul', dy, y), x.shape),
    unbroadcast(binaryRaw('mul', dy, x), y.shape),
  ]);
}

export function div(a: TensorLike, b: TensorLike): Tensor {
  const x = asTensor(a), y = asTensor(b);
  return record(binaryRaw('div', x, y), 'div', [x, y], (dy) => {
    const dx = binaryRaw('div', dy, y);
    // d(x/y)/dy = -x / y^2 = -(x/y) / y
    const dyy = binaryRaw('mul', dx, binaryRaw('div', x, y));
    return [unbroadcast(dx, x.shape), unbroadcast(binaryRaw('mul', dyy, scalar(-1)), y.shape)];
  });
}
