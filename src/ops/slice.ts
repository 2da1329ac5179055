/**
 * slice: the box of `size` elements starting at `begin`, as TensorFlow's `slice`. A size of -1
 * takes everything to the end of that axis; shorter `begin`/`size` lists leave the remaining
 * axes whole. The gradient puts dy back in place in a tensor of zeros.
 *
 * @example
 * const x = tensor([[1, 2, 3], [4, 5, 6]]);
 * slice(x, [0, 1], [2, 2]).toArray(); // [[2, 3], [5, 6]]
 * slice(x, [1], [-1]).toArray();      // [[4, 5, 6]]
 */
import { ShapeError } from '../errors.js';
import { record } from '../tensor/autograd.js';
import { formatShape } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { copyRegion } from './copy-region.js';

export function slice(x: Tensor, begin: number | readonly number[],
  size?: number | readonly number[]): Tensor {
  const [start, extent] = sliceBox(x.shape, begin, size);
  const out = new Tensor(extent, x.dtype);
  copyRegion(x.data, x.shape, start, out.data, extent, extent.map(() => 0), extent);

  return record(out, 'slice', [x], (dy) => {
    const dx = new Tensor(x.shape);
    dx.f32.fill(0);
    copyRegion(dy.f32, extent, extent.map(() => 0), dx.f32, x.shape, start, extent);
    return [dx];
  });
}

function sliceBox(shape: readonly number[], begin: number | readonly number[],
  size: number | readonly number[] | undefined): [number[], number[]] {
  const b = typeof begin === 'number' ? [begin] : [...begin];
  const s = size === undefined ? [] : typeof size === 'number' ? [size] : [...size];
  const fail = (why: string): never => {
    throw new ShapeError(`slice: begin [${b.join(', ')}] and size [${s.join(', ')}] do not fit ` +
      `a tensor of shape ${formatShape(shape)}: ${why}`);
  };
  if (b.length > shape.length || s.length > shape.length) fail('more entries than axes');

  const start = shape.map((_, d) => b[d] ?? 0);
  const extent = shape.map((n, d) => {
    const want = s[d] ?? -1;
    return want === -1 ? n - start[d]! : want;
  });
  shape.forEach((n, d) => {
    const st = start[d]!, e = extent[d]!;
    if (!Number.isInteger(st) || !Number.isInteger(e) || st < 0 || e < 0 || st + e > n) {
      fail(`axis ${d} has ${n} elements, asked for ${e} from ${st}`);
    }
  });
  return [start, extent];
}
