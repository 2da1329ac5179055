/**
 * The lecture's toy ConvNet that tells X from O, computed step by step with the engine:
 * filter the image with three 3x3 features (conv2d, then divide by 9), shrink each map by max
 * pooling (window 2, stride 2, partial windows at the edges kept: 'same' padding), rectify
 * (ReLU), stack the layers, and let the last values vote.
 *
 * @example
 * const w = walkthrough(X_IMAGE);
 * formatLectureNumber(w.featureMaps[0][0][0]); // '0.77'
 * formatLectureNumber(w.pooled[0][0][0]);      // '1.00'
 */
import { ValueError } from '../errors.js';
import { div, mul } from '../ops/binary.js';
import { conv2d } from '../ops/conv2d.js';
import { maxPool2d } from '../ops/pool.js';
import { sum } from '../ops/reduce.js';
import { relu } from '../ops/unary.js';
import { scope, tensor } from '../tensor/tensor.js';
import { featuresToFilter, mapsToTensor, tensorToMaps } from './grid-tensor.js';
import { FEATURES, X_IMAGE, type Grid, type NamedGrid } from './xo-images.js';

export { formatLectureNumber } from './lecture-number.js';
export * from './xo-images.js';
export * from './votes.js';
export * from './stride-padding.js';

/** Every stage of the walkthrough for one image. */
export interface XoWalkthrough {
  readonly image: Grid;
  readonly features: readonly NamedGrid[];
  /** One 7x7 map per feature: how well the feature matches at each position (-1 … 1). */
  readonly featureMaps: Grid[];
  /** The feature maps after max pooling: 4x4 each. */
  readonly pooled: Grid[];
  /** The feature maps with negatives set to zero (the lecture applies ReLU to the 7x7 maps). */
  readonly rectified: Grid[];
  /** conv → ReLU → pool, then pool again: 2x2 per feature, the 12 values that vote. */
  readonly stacked: Grid[];
}

/** The arithmetic behind one number of a feature map. */
export interface PatchArithmetic {
  /** Position in the feature map (= top-left corner of the patch in the image). */
  readonly row: number;
  readonly col: number;
  readonly patch: Grid;
  readonly feature: Grid;
  /** patch × feature, pixel by pixel. */
  readonly products: Grid;
  readonly sum: number;
  /** sum / number of pixels in the feature. */
  readonly value: number;
}

/** Filters an image with each feature: conv2d ('valid', stride 1) divided by the feature's size. */
export function featureMaps(image: Grid, features: readonly NamedGrid[] = FEATURES): Grid[] {
  return scope(() => {
    const pixels = features[0]!.grid.length * features[0]!.grid[0]!.length;
    const filter = featuresToFilter(features.map((f) => f.grid));
    const matches = div(conv2d(mapsToTensor([image]), filter, { padding: 'valid' }), pixels);
    return tensorToMaps(matches);
  });
}

/** Max pooling with window 2 and stride 2; the edge windows that hang over count what is inside. */
export function poolMaps(maps: readonly Grid[]): Grid[] {
  return scope(() => tensorToMaps(maxPool2d(mapsToTensor(maps), { poolSize: 2, padding: 'same' })));
}

/** ReLU: every negative value becomes 0. */
export function rectifyMaps(maps: readonly Grid[]): Grid[] {
  return scope(() => tensorToMaps(relu(mapsToTensor(maps))));
}

/** Runs every stage of the lecture's toy ConvNet on one image. */
export function walkthrough(image: Grid = X_IMAGE,
  features: readonly NamedGrid[] = FEATURES): XoWalkthrough {
  const maps = featureMaps(image, features);
  const rectified = rectifyMaps(maps);
  const stacked = poolMaps(poolMaps(rectified));
  return { image, features, featureMaps: maps, pooled: poolMaps(maps), rectified, stacked };
}

/**
 * Lines up a feature with the image patch whose top-left corner is (row, col), multiplies
 * pixel by pixel, adds up and divides by the number of pixels, all with engine ops.
 *
 * @example
 * patchArithmetic(X_IMAGE, FEATURES[0].grid, 3, 3).value; // 5/9, printed 0.55
 */
export function patchArithmetic(image: Grid, feature: Grid, row: number, col: number):
  PatchArithmetic {
  const size = feature.length;
  const last = image.length - size;
  if (!(row >= 0 && col >= 0 && row <= last && col <= last)) {
    throw new ValueError(`patchArithmetic: position (${row}, ${col}) is outside the feature ` +
      `map; row and col must be within 0..${last} for a ${size}x${size} feature`);
  }
  const patch = image.slice(row, row + size).map((r) => r.slice(col, col + size));
  return scope(() => {
    const products = mul(tensor(patch), tensor(feature));
    const total = sum(products);
    const value = div(total, size * size).item();
    const flat = Array.from(products.f32);
    const rows = Array.from({ length: size }, (_, r) => flat.slice(r * size, (r + 1) * size));
    return { row, col, patch, feature, products: rows, sum: total.item(), value };
  });
}
