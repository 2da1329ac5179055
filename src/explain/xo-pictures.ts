/**
 * Each stage of the X/O walkthrough as a picture (SVG), named in the walkthrough's order.
 *
 * @example
 * for (const p of xoPictures({ stride: 2 })) await writePicture(`out/${p.name}`, p.svg);
 */
import { gridsSvg, type SvgPanel } from './grid-svg.js';
import { formatLectureNumber } from './lecture-number.js';
import { LECTURE_POSITION } from './text-report.js';
import { ILLUSTRATION_WEIGHTS, LECTURE_VOTE_VALUES, vote } from './votes.js';
import { strideExample, type StrideOptions } from './stride-padding.js';
import { DISTORTED_X, FEATURES, O_IMAGE, VARIANTS, X_IMAGE, type Grid } from './xo-images.js';
import { patchArithmetic, walkthrough } from './xo.js';

export interface StagePicture {
  /** File name without extension, e.g. '05-feature-maps'. */
  readonly name: string;
  readonly svg: string;
}

const pixel = (v: number): string => String(v);
const panels = (grids: readonly Grid[], titles: readonly string[]): SvgPanel[] =>
  grids.map((grid, i) => ({ title: titles[i]!, grid }));

/** Every stage as an SVG picture. */
export function xoPictures(options: StrideOptions = {}): StagePicture[] {
  const w = walkthrough(X_IMAGE);
  const names = FEATURES.map((f) => f.name);
  const a = patchArithmetic(X_IMAGE, FEATURES[0]!.grid, LECTURE_POSITION.row, LECTURE_POSITION.col);
  const v = vote(LECTURE_VOTE_VALUES, ILLUSTRATION_WEIGHTS);
  const e = strideExample(X_IMAGE, FEATURES[0]!.grid, options);
  const cut = 'Numbers: two decimals, cut (not rounded), as the lecture prints them.';
  return [
    { name: '01-images', svg: gridsSvg('What computers see', [
      { title: 'X (lecture)', grid: X_IMAGE, format: pixel },
      { title: 'O (our drawing)', grid: O_IMAGE, format: pixel }]) },
    { name: '02-trickier-cases', svg: gridsSvg('Trickier cases', [
      { title: 'distorted (lecture)', grid: DISTORTED_X, format: pixel },
      ...VARIANTS.map((x) => ({ title: x.name, grid: x.grid, format: pixel }))],
    'Shifted, scaled, rotated and thicker are our drawings of the lecture\'s pictures.') },
    { name: '03-features', svg: gridsSvg('Features',
      FEATURES.map((f) => ({ title: f.name, grid: f.grid, format: pixel }))) },
    { name: '04-filtering', svg: gridsSvg(`Filtering at row ${a.row + 1}, column ${a.col + 1}`, [
      { title: 'patch', grid: a.patch, format: pixel },
      { title: 'feature', grid: a.feature, format: pixel },
      { title: 'products', grid: a.products, format: pixel }],
    `sum ${a.sum}, divided by 9 = ${formatLectureNumber(a.value)}`) },
    { name: '05-feature-maps', svg: gridsSvg('Convolution: feature maps', panels(w.featureMaps, names), cut) },
    { name: '06-max-pooling', svg: gridsSvg('Max pooling: window 2, stride 2', panels(w.pooled, names), cut) },
    { name: '07-relu', svg: gridsSvg('ReLU', panels(w.rectified, names), cut) },
    { name: '08-stacked', svg: gridsSvg('conv → ReLU → pool → pool', panels(w.stacked, names), cut) },
    { name: '09-votes', svg: gridsSvg('Fully connected: votes', [
      { title: 'values', grid: v.values.map((x) => [x]) },
      { title: 'weights (ours)', grid: v.weights.map((r) => [...r]) },
      { title: 'scores X, O', grid: [v.scores] }],
    'X and O are weighted sums of the values; the weights are our illustration.') },
    { name: '10-stride-padding', svg: gridsSvg(
      `Stride ${e.s}, padding ${e.p}: (${e.n} + 2×${e.p} − ${e.f}) / ${e.s} + 1 → ${e.outputSize}`, [
        { title: 'padded image', grid: e.padded, format: pixel },
        { title: `${e.outputSize}x${e.outputSize} map`, grid: e.map }], cut) },
  ];
}
