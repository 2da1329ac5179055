/**
 * Reductions over axes: sum, mean, max, min (with keepDims), and argMax.
 *
 * @example
 * sum(tensor([[1, 2], [3, 4]]), 0);       // [4, 6]
 * mean(tensor([[1, 2], [3, 4]]), 1, true); // [[1.5], [3.5]]
 */
import type { ReduceKernel } from '../kernels/backend.js';
import { backend } from '../kernels/registry.js';
import { record } from '../tensor/autograd.js';
import { normalizeAxes, sizeOf } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { binaryRaw } from './binary.js';
import { reshape } from './reshape.js';

type Axes = number | readonly number[];

/** Reduces each listed axis in turn with a kernel; the result keeps size-1 dims. */
function reduceKeep(kind: ReduceKernel, x: Tensor, axes: number[]): Tensor {
  let current = x;
  let shape = [...x.shape];
  for (const axis of axes) {
    const outer = sizeOf(shape.slice(0, axis));
    const inner = sizeOf(shape.slice(axis + 1));
    const next = [...shape];
    next[axis] = 1;
    const out = new Tensor(next);
    backend().reduce(kind, current.f32, outer, shape[axis]!, inner, out.f32);
    current = out;
    shape = next;
  }
  return current === x ? reshape(x, shape) : current;
}

function finalShape(x: Tensor, axes: number[], keepDims: boolean): number[] {
  return keepDims ? x.shape.map((d, i) => (axes.includes(i) ? 1 : d))
    : x.shape.filter((_, i) => !axes.includes(i));
}

/** Repeats a keepDims-shaped gradient over the reduced axes (broadcast by multiplying by 1). */
function expandTo(g: Tensor, keptShape: number[], x: Tensor): Tensor {
  const kept = reshape(g, keptShape);
  const ones = new Tensor(x.shape);
  ones.f32.fill(1);
  return binaryRaw('mul', ones, kept);
}

/** Sum over axes (all by default). @example sum(tensor([[1, 2], [3, 4]]), 0); // [4, 6] */
export function sum(x: Tensor, axis?: Axes, keepDims = false): Tensor {
  const axes = normalizeAxes(axis, x.rank, 'sum');
  const kept = reduceKeep('sum', x, axes);
  const keptShape = [...kept.shape];
  const out = reshape(kept, finalShape(x, axes, keepDims));
  out.node = null;
  return record(out, 'sum', [x], (dy) => [expandTo(dy, keptShape, x)]);
}

/** Mean over axes (all by default). @example mean(tensor([1, 2, 6])).item(); // 3 */
export function mean(x: Tensor, axis?: Axes, keepDims = false): Tensor {
  const axes = normalizeAxes(axis, x.rank, 'mean');
  const count = axes.reduce((n, a) => n * x.shape[a]!, 1);
  const s = sum(x, axes, keepDims);
  const out = binaryRaw('div', s, scalarOf(count));
  return record(out, 'mean', [x], (dy) => [
    binaryRaw('div', expandTo(dy, finalShape(x, axes, true), x), scalarOf(count)),
  ]);
}

function extreme(kind: 'max' | 'min', x: Tensor, axis: Axes | undefined, keepDims: boolean): Tensor {
  const axes = normalizeAxes(axis, x.rank, kind);
  const kept = reduceKeep(kind, x, axes);
  const keptShape = [...kept.shape];
  const out = reshape(kept, finalShape(x, axes, keepDims));
  out.node = null;
  return record(out, kind, [x], (dy) => {
    // The gradient goes to every position equal to the extreme, split evenly among ties.
    const mask = binaryRaw('equal', x, kept);
    const ties = reduceKeep('sum', mask, axes);
    const share = binaryRaw('div', reshape(dy, keptShape), ties);
    return [binaryRaw('mul', mask, share)];
  });
}

/**
 * Maximum over axes; the gradient is split evenly between tied maxima.
 *
 * @example
 * max(tensor([[1, 5], [7, 2]]), 1); // [5, 7]
 */
export function max(x: Tensor, axis?: Axes, keepDims = false): Tensor {
  return extreme('max', x, axis, keepDims);
}

/**
 * Minimum over axes; the gradient is split evenly between tied minima.
 *
 * @example
 * min(tensor([[1, 5], [7, 2]]), 1); // [1, 2]
 */
export function min(x: Tensor, axis?: Axes, keepDims = false): Tensor {
  return extreme('min', x, axis, keepDims);
}

/**
 * Index of the largest value along `axis` (default: last), as an int32 tensor.
 *
 * @example
 * argMax(tensor([[0.1, 0.7, 0.2]])).toArray(); // [1]
 */
export function argMax(x: Tensor, axis = -1): Tensor {
  const [a] = normalizeAxes(axis, x.rank, 'argMax');
  const outer = sizeOf(x.shape.slice(0, a));
  const inner = sizeOf(x.shape.slice(a! + 1));
  const out = new Tensor(x.shape.filter((_, i) => i !== a), 'int32');
  backend().argMax(x.f32, outer, x.shape[a!]!, inner, out.data as Int32Array);
  return out;
}

function scalarOf(v: number): Tensor {
  const t = new Tensor([]);
  t.f32[0] = v;
  return t;
}
