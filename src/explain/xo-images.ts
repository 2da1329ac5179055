/**
 * The pictures of the lecture's toy ConvNet: 9x9 images of +1 (ink) and -1 (background) and
 * the three 3x3 features it looks for.
 *
 * Only the X and the "what computers see" distorted X are printed as numbers in the lecture.
 * The O and the trickier cases (shifted, scaled, rotated, thicker) are shown there only as
 * pictures, so the grids below for those are our own drawings of the same ideas.
 *
 * @example
 * import { X_IMAGE, FEATURES } from './xo-images.js';
 * X_IMAGE[4][4];        // 1, the centre of the X
 * FEATURES[0].name;     // 'diagonal \\'
 */

/** A small image or map, row by row. */
export type Grid = number[][];

/** A named picture with a sentence on where it comes from. */
export interface NamedGrid {
  readonly name: string;
  readonly note: string;
  readonly grid: Grid;
}

const _ = -1;

/** The lecture's X, exactly as printed on the "What computers see" slide. */
export const X_IMAGE: Grid = [
  [_, _, _, _, _, _, _, _, _],
  [_, 1, _, _, _, _, _, 1, _],
  [_, _, 1, _, _, _, 1, _, _],
  [_, _, _, 1, _, 1, _, _, _],
  [_, _, _, _, 1, _, _, _, _],
  [_, _, _, 1, _, 1, _, _, _],
  [_, _, 1, _, _, _, 1, _, _],
  [_, 1, _, _, _, _, _, 1, _],
  [_, _, _, _, _, _, _, _, _],
];

/** Our O: a ring drawn in the same 9x9 frame (the lecture shows it only as a picture). */
export const O_IMAGE: Grid = [
  [_, _, _, _, _, _, _, _, _],
  [_, _, _, 1, 1, 1, _, _, _],
  [_, _, 1, _, _, _, 1, _, _],
  [_, 1, _, _, _, _, _, 1, _],
  [_, 1, _, _, _, _, _, 1, _],
  [_, 1, _, _, _, _, _, 1, _],
  [_, _, 1, _, _, _, 1, _, _],
  [_, _, _, 1, 1, 1, _, _, _],
  [_, _, _, _, _, _, _, _, _],
];

/** The lecture's hand-drawn X from "What computers see", that matches the X only in part. */
export const DISTORTED_X: Grid = [
  [_, _, _, _, _, _, _, _, _],
  [_, _, _, _, _, _, 1, _, _],
  [_, 1, _, _, _, 1, _, _, _],
  [_, _, 1, 1, _, 1, _, _, _],
  [_, _, _, _, 1, _, _, _, _],
  [_, _, _, 1, _, 1, 1, _, _],
  [_, _, _, 1, _, _, _, 1, _],
  [_, _, 1, _, _, _, _, _, _],
  [_, _, _, _, _, _, _, _, _],
];

/** The trickier cases: the X moved, shrunk, turned and drawn with a thicker pen. */
export const VARIANTS: readonly NamedGrid[] = [
  {
    name: 'shifted', note: 'our drawing: the X moved one pixel right and one down',
    grid: [
      [_, _, _, _, _, _, _, _, _],
      [_, _, _, _, _, _, _, _, _],
      [_, _, 1, _, _, _, _, _, 1],
      [_, _, _, 1, _, _, _, 1, _],
      [_, _, _, _, 1, _, 1, _, _],
      [_, _, _, _, _, 1, _, _, _],
      [_, _, _, _, 1, _, 1, _, _],
      [_, _, _, 1, _, _, _, 1, _],
      [_, _, 1, _, _, _, _, _, 1],
    ],
  },
  {
    name: 'scaled', note: 'our drawing: a smaller X, 5 pixels across',
    grid: [
      [_, _, _, _, _, _, _, _, _],
      [_, _, _, _, _, _, _, _, _],
      [_, _, 1, _, _, _, 1, _, _],
      [_, _, _, 1, _, 1, _, _, _],
      [_, _, _, _, 1, _, _, _, _],
      [_, _, _, 1, _, 1, _, _, _],
      [_, _, 1, _, _, _, 1, _, _],
      [_, _, _, _, _, _, _, _, _],
      [_, _, _, _, _, _, _, _, _],
    ],
  },
  {
    name: 'rotated', note: 'our drawing: the X turned by about 22 degrees',
    grid: [
      [_, _, _, _, _, _, _, _, _],
      [_, _, _, 1, _, _, _, _, _],
      [_, _, _, 1, _, _, _, _, _],
      [_, _, _, _, 1, _, 1, 1, _],
      [_, _, _, 1, 1, 1, _, _, _],
      [_, 1, 1, _, 1, _, _, _, _],
      [_, _, _, _, _, 1, _, _, _],
      [_, _, _, _, _, 1, _, _, _],
      [_, _, _, _, _, _, _, _, _],
    ],
  },
  {
    name: 'thicker', note: 'our drawing: the X with strokes two pixels wide',
    grid: [
      [_, _, _, _, _, _, _, _, _],
      [_, 1, 1, _, _, _, 1, 1, _],
      [_, 1, 1, 1, _, 1, 1, 1, _],
      [_, _, 1, 1, 1, 1, 1, _, _],
      [_, _, _, 1, 1, 1, _, _, _],
      [_, _, 1, 1, 1, 1, 1, _, _],
      [_, 1, 1, 1, _, 1, 1, 1, _],
      [_, 1, 1, _, _, _, 1, 1, _],
      [_, _, _, _, _, _, _, _, _],
    ],
  },
];

/** The lecture's three features, in its order: the diagonal \, the cross x, the diagonal /. */
export const FEATURES: readonly NamedGrid[] = [
  { name: 'diagonal \\', note: 'lecture', grid: [[1, _, _], [_, 1, _], [_, _, 1]] },
  { name: 'cross x', note: 'lecture', grid: [[1, _, 1], [_, 1, _], [1, _, 1]] },
  { name: 'diagonal /', note: 'lecture', grid: [[_, _, 1], [_, 1, _], [1, _, _]] },
];
