/**
 * gather: picks slices of `x` along `axis` by index (rows, with the default axis 0). The
 * result has shape x.shape[:axis] + indices.shape + x.shape[axis+1:]. Indices must lie in
 * [0, x.shape[axis]); the gradient adds dy back into the picked positions (repeated indices
 * accumulate).
 *
 * @example
 * const table = tensor([[1, 2], [3, 4], [5, 6]]);
 * gather(table, tensor([2, 0], [2], 'int32')).toArray(); // [[5, 6], [1, 2]]
 * gather(table, [1], 1).toArray();                        // [[2], [4], [6]]
 */
import { ValueError } from '../errors.js';
import { record } from '../tensor/autograd.js';
import { formatShape, normalizeAxes, sizeOf } from '../tensor/shape.js';
import { Tensor, type TypedArray } from '../tensor/tensor.js';

export function gather(x: Tensor, indices: Tensor | readonly number[], axis = 0): Tensor {
  const [a] = normalizeAxes(axis, x.rank, 'gather') as [number];
  const idx = indexList(indices, x.shape[a]!, x.shape);
  const idxShape = Array.isArray(indices) ? [indices.length] : (indices as Tensor).shape;

  const outer = sizeOf(x.shape.slice(0, a));
  const inner = sizeOf(x.shape.slice(a + 1));
  const n = x.shape[a]!;
  const out = new Tensor([...x.shape.slice(0, a), ...idxShape, ...x.shape.slice(a + 1)], x.dtype);
  const src = x.data, dst = out.data;
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < idx.length; j++) {
      const from = (o * n + idx[j]!) * inner;
      dst.set(src.subarray(from, from + inner), (o * idx.length + j) * inner);
    }
  }

  return record(out, 'gather', [x], (dy) => {
    const dx = new Tensor(x.shape);
    const g = dy.f32, d = dx.f32;
    d.fill(0);
    for (let o = 0; o < outer; o++) {
      for (let j = 0; j < idx.length; j++) {
        const to = (o * n + idx[j]!) * inner, from = (o * idx.length + j) * inner;
        for (let i = 0; i < inner; i++) d[to + i] += g[from + i]!;
      }
    }
    return [dx];
  });
}

/** The indices as a plain Int32Array, checked against the axis length. */
function indexList(indices: Tensor | readonly number[], n: number, shape: readonly number[]):
  Int32Array {
  const values: TypedArray | readonly number[] = Array.isArray(indices) ? indices
    : (indices as Tensor).data;
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v) || v < 0 || v >= n) {
      throw new ValueError(`gather: index ${v} (at position ${i}) is out of range [0, ${n}) ` +
        `for the gathered axis of ${formatShape(shape)}`);
    }
    out[i] = v;
  }
  return out;
}
