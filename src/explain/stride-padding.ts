/**
 * Stride and zero padding, and the lecture's output-size formula
 * (n + 2p − f) / s + 1, checked against what conv2d really produces.
 *
 * Zero padding surrounds the image with p rings of zeros; the stride s is how far the
 * feature moves between two positions. When (n + 2p − f) is not a multiple of s, the last
 * positions where the feature would hang over the edge are skipped, so the size is the
 * formula rounded down.
 *
 * @example
 * const e = strideExample(X_IMAGE, FEATURES[0].grid, { stride: 2, padding: 1 });
 * e.outputSize; // (9 + 2 − 3) / 2 + 1 = 5
 */
import { ValueError } from '../errors.js';
import { conv2d } from '../ops/conv2d.js';
import { div } from '../ops/binary.js';
import { scope } from '../tensor/tensor.js';
import { featuresToFilter, mapsToTensor, tensorToMaps } from './grid-tensor.js';
import type { Grid } from './xo-images.js';

export interface StrideOptions {
  /** s: how many pixels the feature moves at each step. Default 1. */
  stride?: number;
  /** p: rings of zeros added around the image. Default 0. */
  padding?: number;
}

export interface StrideExample {
  /** n: image size. */
  readonly n: number;
  /** f: feature size. */
  readonly f: number;
  readonly s: number;
  readonly p: number;
  /** (n + 2p − f) / s + 1 before rounding down. */
  readonly exact: number;
  readonly outputSize: number;
  /** The image with its zero border. */
  readonly padded: Grid;
  /** The feature map conv2d computes on the padded image with stride s (divided by f·f). */
  readonly map: Grid;
}

/** Output size of a convolution: floor((n + 2p − f) / s) + 1. */
export function outputSize(n: number, f: number, s: number, p: number): number {
  return Math.floor((n + 2 * p - f) / s) + 1;
}

/** Surrounds a grid with `p` rings of zeros. */
export function zeroPad(grid: Grid, p: number): Grid {
  const width = (grid[0]?.length ?? 0) + 2 * p;
  const ring = (): number[] => new Array<number>(width).fill(0);
  const side = new Array<number>(p).fill(0);
  return [
    ...Array.from({ length: p }, ring),
    ...grid.map((row) => [...side, ...row, ...side]),
    ...Array.from({ length: p }, ring),
  ];
}

/** Works the formula for one image, feature, stride and padding, and runs conv2d to confirm. */
export function strideExample(image: Grid, feature: Grid, options: StrideOptions = {}):
  StrideExample {
  const s = options.stride ?? 1;
  const p = options.padding ?? 0;
  const n = image.length, f = feature.length;
  checkOptions(n, f, s, p);

  const padded = zeroPad(image, p);
  const map = scope(() => {
    const y = conv2d(mapsToTensor([padded]), featuresToFilter([feature]),
      { strides: s, padding: 'valid' });
    return tensorToMaps(div(y, f * f))[0]!;
  });
  return { n, f, s, p, exact: (n + 2 * p - f) / s + 1, outputSize: outputSize(n, f, s, p), padded, map };
}

function checkOptions(n: number, f: number, s: number, p: number): void {
  if (!Number.isInteger(s) || s < 1) {
    throw new ValueError(`stride must be a whole number of at least 1, got ${s}`);
  }
  if (!Number.isInteger(p) || p < 0 || p > 16) {
    throw new ValueError(`padding must be a whole number from 0 to 16, got ${p}`);
  }
  if (n + 2 * p < f) {
    throw new ValueError(`a ${f}x${f} feature does not fit in a ${n}x${n} image with padding ${p}`);
  }
}
