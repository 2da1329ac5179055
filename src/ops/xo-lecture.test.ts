// The lecture's X/O walkthrough, reproduced with the engine's ops: the 9x9 X image of +1/-1
// pixels, the three 3x3 features (the two diagonals and the cross), the 7x7 feature maps
// (cross-correlation over the valid positions divided by 9), their ReLU, and the 4x4 maps of
// 2x2 max pooling with stride 2, where the partial windows at the right and bottom edges count
// ('same' pooling). The lecture prints values truncated to two decimals (7/9 = 0.777... shows
// as 0.77), so computed values are truncated the same way before comparing whole tables.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tensor, type Tensor } from '../tensor/tensor.js';
import { div, mul } from './binary.js';
import { conv2d } from './conv2d.js';
import { maxPool2d } from './pool.js';
import { sum } from './reduce.js';
import { reshape } from './reshape.js';
import { slice } from './slice.js';
import { stack } from './stack.js';
import { relu } from './unary.js';

const X_IMAGE = [
  [-1, -1, -1, -1, -1, -1, -1, -1, -1],
  [-1, 1, -1, -1, -1, -1, -1, 1, -1],
  [-1, -1, 1, -1, -1, -1, 1, -1, -1],
  [-1, -1, -1, 1, -1, 1, -1, -1, -1],
  [-1, -1, -1, -1, 1, -1, -1, -1, -1],
  [-1, -1, -1, 1, -1, 1, -1, -1, -1],
  [-1, -1, 1, -1, -1, -1, 1, -1, -1],
  [-1, 1, -1, -1, -1, -1, -1, 1, -1],
  [-1, -1, -1, -1, -1, -1, -1, -1, -1],
];

const BACKSLASH = [[1, -1, -1], [-1, 1, -1], [-1, -1, 1]];
const CROSS = [[1, -1, 1], [-1, 1, -1], [1, -1, 1]];
const SLASH = [[-1, -1, 1], [-1, 1, -1], [1, -1, -1]];

const MAP_BACKSLASH = [
  [0.77, -0.11, 0.11, 0.33, 0.55, -0.11, 0.33],
  [-0.11, 1.00, -0.11, 0.33, -0.11, 0.11, -0.11],
  [0.11, -0.11, 1.00, -0.33, 0.11, -0.11, 0.55],
  [0.33, 0.33, -0.33, 0.55, -0.33, 0.33, 0.33],
  [0.55, -0.11, 0.11, -0.33, 1.00, -0.11, 0.11],
  [-0.11, 0.11, -0.11, 0.33, -0.11, 1.00, -0.11],
  [0.33, -0.11, 0.55, 0.33, 0.11, -0.11, 0.77],
];

const MAP_CROSS = [
  [0.33, -0.55, 0.11, -0.11, 0.11, -0.55, 0.33],
  [-0.55, 0.55, -0.55, 0.33, -0.55, 0.55, -0.55],
  [0.11, -0.55, 0.55, -0.77, 0.55, -0.55, 0.11],
  [-0.11, 0.33, -0.77, 1.00, -0.77, 0.33, -0.11],
  [0.11, -0.55, 0.55, -0.77, 0.55, -0.55, 0.11],
  [-0.55, 0.55, -0.55, 0.33, -0.55, 0.55, -0.55],
  [0.33, -0.55, 0.11, -0.11, 0.11, -0.55, 0.33],
];

// Typo in the lecture: the "Convolution layer" slide prints 0.41 at row 5, column 1 of this
// map. The computed value is 1/9 = 0.11, which is also what the "Convolution: Trying every
// possible match" and "Pooling layer" slides print there (the map is the backslash map
// flipped left to right, and that entry mirrors row 5, column 7 of it: 0.11).
const MAP_SLASH = [
  [0.33, -0.11, 0.55, 0.33, 0.11, -0.11, 0.77],
  [-0.11, 0.11, -0.11, 0.33, -0.11, 1.00, -0.11],
  [0.55, -0.11, 0.11, -0.33, 1.00, -0.11, 0.11],
  [0.33, 0.33, -0.33, 0.55, -0.33, 0.33, 0.33],
  [0.11, -0.11, 1.00, -0.33, 0.11, -0.11, 0.55],
  [-0.11, 1.00, -0.11, 0.33, -0.11, 0.11, -0.11],
  [0.77, -0.11, 0.11, 0.33, 0.55, -0.11, 0.33],
];

const POOLED_BACKSLASH = [
  [1.00, 0.33, 0.55, 0.33],
  [0.33, 1.00, 0.33, 0.55],
  [0.55, 0.33, 1.00, 0.11],
  [0.33, 0.55, 0.11, 0.77],
];

const POOLED_CROSS = [
  [0.55, 0.33, 0.55, 0.33],
  [0.33, 1.00, 0.55, 0.11],
  [0.55, 0.55, 0.55, 0.11],
  [0.33, 0.11, 0.11, 0.33],
];

const POOLED_SLASH = [
  [0.33, 0.55, 1.00, 0.77],
  [0.55, 0.55, 1.00, 0.33],
  [1.00, 1.00, 0.11, 0.55],
  [0.77, 0.33, 0.55, 0.33],
];

const RELU_BACKSLASH = [
  [0.77, 0, 0.11, 0.33, 0.55, 0, 0.33],
  [0, 1.00, 0, 0.33, 0, 0.11, 0],
  [0.11, 0, 1.00, 0, 0.11, 0, 0.55],
  [0.33, 0.33, 0, 0.55, 0, 0.33, 0.33],
  [0.55, 0, 0.11, 0, 1.00, 0, 0.11],
  [0, 0.11, 0, 0.33, 0, 1.00, 0],
  [0.33, 0, 0.55, 0.33, 0.11, 0, 0.77],
];

const RELU_CROSS = [
  [0.33, 0, 0.11, 0, 0.11, 0, 0.33],
  [0, 0.55, 0, 0.33, 0, 0.55, 0],
  [0.11, 0, 0.55, 0, 0.55, 0, 0.11],
  [0, 0.33, 0, 1.00, 0, 0.33, 0],
  [0.11, 0, 0.55, 0, 0.55, 0, 0.11],
  [0, 0.55, 0, 0.33, 0, 0.55, 0],
  [0.33, 0, 0.11, 0, 0.11, 0, 0.33],
];

const RELU_SLASH = [
  [0.33, 0, 0.55, 0.33, 0.11, 0, 0.77],
  [0, 0.11, 0, 0.33, 0, 1.00, 0],
  [0.55, 0, 0.11, 0, 1.00, 0, 0.11],
  [0.33, 0.33, 0, 0.55, 0, 0.33, 0.33],
  [0.11, 0, 1.00, 0, 0.11, 0, 0.55],
  [0, 1.00, 0, 0.33, 0, 0.11, 0],
  [0.77, 0, 0.11, 0.33, 0.55, 0, 0.33],
];

/** Truncates to two decimals as the lecture prints (0.777 -> 0.77, -0.111 -> -0.11). */
const truncate2 = (v: number): number => Math.trunc(v * 100) / 100 + 0;

/** Channel `c` of a [1, h, w, channels] tensor as rows of truncated values. */
function channel(t: Tensor, c: number): number[][] {
  const [, h, w, channels] = t.shape as [number, number, number, number];
  return Array.from({ length: h }, (_, y) =>
    Array.from({ length: w }, (_, x) => truncate2(t.f32[(y * w + x) * channels + c]!)));
}

const image = (): Tensor => reshape(tensor(X_IMAGE), [1, 9, 9, 1]);
// HWIO filter [3, 3, 1, 3]: the three features side by side on the last axis.
const filters = (): Tensor =>
  reshape(stack([tensor(BACKSLASH), tensor(CROSS), tensor(SLASH)], -1), [3, 3, 1, 3]);
const featureMaps = (): Tensor => div(conv2d(image(), filters(), { padding: 'valid' }), 9);

describe('the lecture\'s X/O walkthrough', () => {
  it('works one position by hand: products, their sum 5, and 5 / 9 = 0.55', () => {
    // The lecture's slide writes "(1 + 1 - 1 + 1 + 1 + 1 - 1 + 1 + 1) / 8 = 5/9 = 0.55": the
    // "/ 8" is a typo; the rule divides by the 9 pixels of the feature (5/8 would be 0.62).
    const patch = reshape(slice(image(), [0, 3, 3, 0], [1, 3, 3, 1]), [3, 3]);
    const products = mul(patch, tensor(BACKSLASH));
    assert.deepEqual(products.toArray(), [[1, 1, -1], [1, 1, 1], [-1, 1, 1]]);
    assert.equal(sum(products).item(), 5);
    assert.equal(truncate2(div(sum(products), 9).item()), 0.55);
    assert.equal(channel(featureMaps(), 0)[3]![3], 0.55);
  });

  it('matches all nine pixels where the feature lines up (1 x 1 = 1, -1 x -1 = 1)', () => {
    const patch = reshape(slice(image(), [0, 1, 1, 0], [1, 3, 3, 1]), [3, 3]);
    const products = mul(patch, tensor(BACKSLASH));
    assert.deepEqual(products.toArray(), [[1, 1, 1], [1, 1, 1], [1, 1, 1]]);
    assert.equal(channel(featureMaps(), 0)[1]![1], 1);
  });

  it('reproduces the three 7x7 feature maps', () => {
    const maps = featureMaps();
    assert.deepEqual(maps.shape, [1, 7, 7, 3]);
    assert.deepEqual(channel(maps, 0), MAP_BACKSLASH);
    assert.deepEqual(channel(maps, 1), MAP_CROSS);
    assert.deepEqual(channel(maps, 2), MAP_SLASH);
    assert.notEqual(channel(maps, 2)[4]![0], 0.41, 'the slide\'s 0.41 is a typo');
  });

  it('reproduces the ReLU\'d maps (negatives become 0)', () => {
    const rectified = relu(featureMaps());
    assert.deepEqual(channel(rectified, 0), RELU_BACKSLASH);
    assert.deepEqual(channel(rectified, 1), RELU_CROSS);
    assert.deepEqual(channel(rectified, 2), RELU_SLASH);
  });

  it('reproduces the three 4x4 pooled maps (window 2, stride 2, partial edge windows kept)', () => {
    const pooled = maxPool2d(featureMaps(), { poolSize: 2, strides: 2, padding: 'same' });
    assert.deepEqual(pooled.shape, [1, 4, 4, 3]);
    assert.deepEqual(channel(pooled, 0), POOLED_BACKSLASH);
    assert.deepEqual(channel(pooled, 1), POOLED_CROSS);
    assert.deepEqual(channel(pooled, 2), POOLED_SLASH);
    // 'valid' pooling drops the last row and column: a 3x3 map.
    assert.deepEqual(maxPool2d(featureMaps(), { poolSize: 2 }).shape, [1, 3, 3, 3]);
  });
});
