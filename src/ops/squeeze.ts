/**
 * squeeze and expandDims: remove or insert axes of size 1 (the values do not move).
 *
 * @example
 * squeeze(zeros([1, 3, 1])).shape;      // [3]
 * squeeze(zeros([1, 3, 1]), 0).shape;   // [3, 1]
 * expandDims(zeros([3]), -1).shape;     // [3, 1]
 */
import { ShapeError, ValueError } from '../errors.js';
import { formatShape, normalizeAxes } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { reshape } from './reshape.js';

/** Removes the listed axes (all size-1 axes when none are listed); each must have size 1. */
export function squeeze(x: Tensor, axis?: number | readonly number[]): Tensor {
  const axes = axis === undefined ? x.shape.flatMap((d, i) => (d === 1 ? [i] : []))
    : normalizeAxes(axis, x.rank, 'squeeze');
  for (const a of axes) {
    if (x.shape[a] !== 1) {
      throw new ShapeError(`squeeze: axis ${a} of ${formatShape(x.shape)} has size ` +
        `${x.shape[a]}, not 1`);
    }
  }
  return reshape(x, x.shape.filter((_, i) => !axes.includes(i)));
}

/** Inserts a size-1 axis at `axis` (in [-rank-1, rank]; -1 appends). */
export function expandDims(x: Tensor, axis = 0): Tensor {
  const rank = x.rank + 1;
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new ValueError(`expandDims: axis ${axis} is out of range for a tensor of rank ` +
      `${x.rank} (valid: ${-rank}..${rank - 1})`);
  }
  const a = axis < 0 ? axis + rank : axis;
  const shape = [...x.shape];
  shape.splice(a, 0, 1);
  return reshape(x, shape);
}
