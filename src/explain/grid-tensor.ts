/**
 * Moves the walkthrough's small grids in and out of engine tensors: a stack of maps is one
 * channels-last image [1, height, width, maps], and a stack of 3x3 features is one filter
 * [3, 3, 1, features].
 *
 * @example
 * const x = mapsToTensor([X_IMAGE]);          // [1, 9, 9, 1]
 * tensorToMaps(x)[0][4][4];                    // 1
 */
import { ShapeError } from '../errors.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import type { Grid } from './xo-images.js';

/** Stacks equally sized grids as the channels of one image [1, h, w, maps.length]. */
export function mapsToTensor(maps: readonly Grid[]): Tensor {
  const height = maps[0]?.length ?? 0;
  const width = maps[0]?.[0]?.length ?? 0;
  const values: number[] = [];
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      for (const m of maps) values.push(cell(m, r, c));
    }
  }
  return tensor(values, [1, height, width, maps.length]);
}

/** Stacks 3x3 (or any k x k) features as a filter [k, k, 1, features.length]. */
export function featuresToFilter(features: readonly Grid[]): Tensor {
  const image = mapsToTensor(features);
  return tensor(image.f32, [image.shape[1]!, image.shape[2]!, 1, features.length]);
}

/** Splits an image [1, h, w, c] back into c grids. */
export function tensorToMaps(t: Tensor): Grid[] {
  if (t.rank !== 4 || t.shape[0] !== 1) {
    throw new ShapeError(`tensorToMaps: expected [1, height, width, maps], got [${t.shape}]`);
  }
  const [, height, width, count] = t.shape as [number, number, number, number];
  const data = t.f32;
  const maps: Grid[] = [];
  for (let m = 0; m < count; m++) {
    maps.push(Array.from({ length: height }, (_, r) =>
      Array.from({ length: width }, (_, c) => data[(r * width + c) * count + m]!)));
  }
  return maps;
}

function cell(grid: Grid, r: number, c: number): number {
  const v = grid[r]?.[c];
  if (v === undefined) throw new ShapeError(`mapsToTensor: grids differ in size at (${r}, ${c})`);
  return v;
}
