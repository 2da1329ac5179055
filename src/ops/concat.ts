/**
 * concat: joins tensors along an existing axis. All inputs have the same rank, dtype and
 * sizes except along `axis`. The gradient hands each input its slice of dy.
 *
 * @example
 * concat([tensor([[1, 2]]), tensor([[3, 4]])], 0).toArray(); // [[1, 2], [3, 4]]
 * concat([tensor([[1], [2]]), tensor([[3], [4]])], -1);      // [[1, 3], [2, 4]]
 */
import { ShapeError, ValueError } from '../errors.js';
import { record } from '../tensor/autograd.js';
import { formatShape, normalizeAxes } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { copyRegion } from './copy-region.js';

export function concat(tensors: readonly Tensor[], axis = 0): Tensor {
  if (tensors.length === 0) throw new ValueError('concat: needs at least one tensor, got none');
  const first = tensors[0]!;
  if (first.rank === 0) throw new ShapeError('concat: cannot concatenate scalars; use stack');
  const [a] = normalizeAxes(axis, first.rank, 'concat') as [number];
  checkCompatible(tensors, a);

  const outShape = [...first.shape];
  outShape[a] = tensors.reduce((n, t) => n + t.shape[a]!, 0);
  const out = new Tensor(outShape, first.dtype);
  const offsets: number[] = [];
  let at = 0;
  for (const t of tensors) {
    const start = outShape.map((_, d) => (d === a ? at : 0));
    copyRegion(t.data, t.shape, t.shape.map(() => 0), out.data, outShape, start, t.shape);
    offsets.push(at);
    at += t.shape[a]!;
  }

  return record(out, 'concat', tensors, (dy) => tensors.map((t, k) => {
    const dx = new Tensor(t.shape);
    const start = outShape.map((_, d) => (d === a ? offsets[k]! : 0));
    copyRegion(dy.f32, outShape, start, dx.f32, t.shape, t.shape.map(() => 0), t.shape);
    return dx;
  }));
}

function checkCompatible(tensors: readonly Tensor[], axis: number): void {
  const first = tensors[0]!;
  for (const t of tensors) {
    const sameRest = t.rank === first.rank &&
      t.shape.every((d, i) => i === axis || d === first.shape[i]);
    if (!sameRest || t.dtype !== first.dtype) {
      throw new ShapeError(`concat: along axis ${axis}, shapes must match on every other axis ` +
        `and dtypes must agree; got ${tensors.map((u) => `${u.dtype} ${formatShape(u.shape)}`)
          .join(', ')}`);
    }
  }
}
