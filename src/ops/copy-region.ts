/**
 * Rectangular copies between row-major arrays: the one loop behind slice, pad, concat and
 * their gradients. Copies run along the innermost axis with `TypedArray.set`, so the cost is
 * one call per row of the box.
 */
import type { TypedArray } from '../tensor/tensor.js';

/** Row-major strides of a shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d]!;
  }
  return strides;
}

/**
 * Copies the box of size `extent` at `srcStart` in `src` (shaped `srcShape`) to `dstStart` in
 * `dst` (shaped `dstShape`). All arguments have the same rank and the box fits in both.
 *
 * @example
 * // the middle column of a 3x3 array into a 3x1 array
 * copyRegion(src, [3, 3], [0, 1], dst, [3, 1], [0, 0], [3, 1]);
 */
export function copyRegion(src: TypedArray, srcShape: readonly number[],
  srcStart: readonly number[], dst: TypedArray, dstShape: readonly number[],
  dstStart: readonly number[], extent: readonly number[]): void {
  const rank = extent.length;
  if (rank === 0) {
    dst[0] = src[0]!;
    return;
  }
  if (extent.some((e) => e === 0)) return;

  const ss = stridesOf(srcShape), ds = stridesOf(dstShape);
  let si = 0, di = 0;
  for (let d = 0; d < rank; d++) {
    si += srcStart[d]! * ss[d]!;
    di += dstStart[d]! * ds[d]!;
  }
  const run = extent[rank - 1]!;
  const index = new Array<number>(rank).fill(0);
  for (;;) {
    dst.set(src.subarray(si, si + run), di);
    // Odometer over every axis but the last, moving both offsets by their strides.
    let d = rank - 2;
    for (; d >= 0; d--) {
      index[d]!++;
      si += ss[d]!;
      di += ds[d]!;
      if (index[d]! < extent[d]!) break;
      si -= ss[d]! * extent[d]!;
      di -= ds[d]! * extent[d]!;
      index[d] = 0;
    }
    if (d < 0) return;
  }
}
