import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tensor } from '../tensor/tensor.js';
import { multiHot } from './multi-hot.js';
import { normalize, rescale } from './normalize.js';
import { permutation, shuffle } from './shuffle.js';
import { takeRows } from './take-rows.js';
import { toCategorical } from './to-categorical.js';
import { trainTestSplit } from './train-test-split.js';

/** x row i is [i, 10 i], y[i] = i: every split or shuffle must keep the pairs together. */
function pairs(n: number) {
  const x = tensor(Array.from({ length: n }, (_, i) => [i, 10 * i]));
  const y = tensor(Int32Array.from({ length: n }, (_, i) => i));
  return { x, y };
}

describe('toCategorical', () => {
  it('one-hot encodes labels from arrays and tensors', () => {
    assert.deepEqual(toCategorical([0, 2, 1], 3).toArray(), [[1, 0, 0], [0, 0, 1], [0, 1, 0]]);
    assert.deepEqual(toCategorical(tensor([1, 0], [2], 'int32')).toArray(), [[0, 1], [1, 0]]);
  });

  it('drops a trailing axis of size 1 as Keras does', () => {
    assert.deepEqual(toCategorical(tensor([[2], [0]]), 3).shape, [2, 3]);
  });

  it('names a label that does not fit numClasses', () => {
    assert.throws(() => toCategorical([0, 5], 3), /label 5 does not fit numClasses = 3/);
    assert.throws(() => toCategorical([0.5]), /integers >= 0, got 0.5 at index 0/);
  });
});

describe('normalize and rescale', () => {
  it('scales each vector along the last axis to unit L2 norm, leaving zero vectors', () => {
    const y = normalize(tensor([[3, 4], [0, 0]]));
    assert.deepEqual(y.toArray(), [[0.6000000238418579, 0.800000011920929], [0, 0]]);
  });

  it('supports another axis and the L1 norm', () => {
    assert.deepEqual(normalize(tensor([[1, 2], [3, 6]]), { axis: 0, order: 1 }).toArray(),
      [[0.25, 0.25], [0.75, 0.75]]);
  });

  it('rescales pixel values', () => {
    assert.deepEqual(rescale(tensor([0, 51, 255]), 1 / 255).toArray(),
      [0, 0.20000000298023224, 1]);
  });
});

describe('shuffle', () => {
  it('applies one permutation to x and y, repeatably for a seed', () => {
    const { x, y } = pairs(20);
    const [xs, ys] = shuffle(x, y, 5);
    const [xs2] = shuffle(x, y, 5);
    const [xs3] = shuffle(x, y, 6);
    assert.deepEqual(xs.toArray(), xs2.toArray());
    assert.notDeepEqual(xs.toArray(), xs3.toArray());
    assert.notDeepEqual(xs.toArray(), x.toArray());
    const rows = xs.toArray() as number[][];
    rows.forEach((row, i) => assert.deepEqual(row, [ys!.data[i], 10 * ys!.data[i]!]));
    assert.deepEqual([...ys!.data].sort((a, b) => a - b), [...y.data]);
  });

  it('gives a permutation of 0..n-1', () => {
    assert.deepEqual([...permutation(50, 1)].sort((a, b) => a - b),
      Array.from({ length: 50 }, (_, i) => i));
  });

  it('rejects x and y of different lengths, naming both shapes', () => {
    assert.throws(() => shuffle(tensor([[1], [2]]), tensor([1, 2, 3]), 0),
      /x \[2, 1\] and y \[3\]/);
  });
});

describe('trainTestSplit', () => {
  it('keeps the last ceil(testSize * n) samples for test when not shuffling', () => {
    const { x, y } = pairs(10);
    const [xTrain, xTest, yTrain, yTest] = trainTestSplit(x, y, { testSize: 0.25,
      shuffle: false });
    assert.deepEqual(xTrain.shape, [7, 2]);
    assert.deepEqual(xTest.toArray(), [[7, 70], [8, 80], [9, 90]]);
    assert.deepEqual([...yTrain.data], [0, 1, 2, 3, 4, 5, 6]);
    assert.deepEqual([...yTest.data], [7, 8, 9]);
  });

  it('shuffles with a seed, keeps pairs and covers every sample once', () => {
    const { x, y } = pairs(12);
    const [xTrain, xTest, yTrain, yTest] = trainTestSplit(x, y, { testSize: 4, seed: 9 });
    assert.equal(yTest.size, 4);
    const all = [...yTrain.data, ...yTest.data].sort((a, b) => a - b);
    assert.deepEqual(all, Array.from({ length: 12 }, (_, i) => i));
    assert.deepEqual((xTest.toArray() as number[][]).map((r) => r[0]), [...yTest.data]);
    assert.deepEqual((xTrain.toArray() as number[][]).map((r) => r[0]), [...yTrain.data]);
  });

  it('refuses a split that leaves one side empty', () => {
    const { x, y } = pairs(3);
    assert.throws(() => trainTestSplit(x, y, { testSize: 0.99 }), /leaves 0 training/);
  });
});

describe('takeRows and multiHot', () => {
  it('takes rows by index', () => {
    assert.deepEqual(takeRows(tensor([[1, 2], [3, 4], [5, 6]]), [2, 0]).toArray(),
      [[5, 6], [1, 2]]);
    assert.throws(() => takeRows(tensor([1, 2]), [2]), /index 2 .* outside 0..1/);
  });

  it('turns word-index sequences into 10,000-long multi-hot vectors', () => {
    const sequences = [[1, 14, 22, 14, 9999], [], [0]];
    const x = multiHot(sequences, 10000);
    assert.deepEqual(x.shape, [3, 10000]);
    const ones = (row: number) => [...x.data.subarray(row * 10000, (row + 1) * 10000)]
      .flatMap((v, i) => (v === 1 ? [i] : []));
    assert.deepEqual(ones(0), [1, 14, 22, 9999]);
    assert.deepEqual(ones(1), []);
    assert.deepEqual(ones(2), [0]);
    assert.equal([...x.data].reduce((a, b) => a + b, 0), 5);
    assert.throws(() => multiHot([[3, 10000]]), /index 10000 at position 1, outside 0..9999/);
  });
});
