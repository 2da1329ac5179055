import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LECTURE_FEATURE_MAPS, LECTURE_POOLED, LECTURE_RELU, cells } from './lecture-tables.test-data.js';
import {
  FEATURES, ILLUSTRATION_WEIGHTS, LECTURE_VOTE_VALUES, O_IMAGE, VARIANTS, X_IMAGE, formatLectureNumber,
  patchArithmetic, vote, walkthrough, type Grid,
} from './xo.js';

const printed = (g: Grid): string[][] => g.map((row) => row.map(formatLectureNumber));

describe('X/O walkthrough', () => {
  const w = walkthrough(X_IMAGE);

  it('reproduces the lecture\'s three 7x7 feature maps', () => {
    w.featureMaps.forEach((m, i) => assert.deepEqual(printed(m), cells(LECTURE_FEATURE_MAPS[i]!)));
  });

  it('reproduces the lecture\'s 4x4 max-pooled maps, edge windows included', () => {
    w.pooled.forEach((m, i) => assert.deepEqual(printed(m), cells(LECTURE_POOLED[i]!)));
  });

  it('reproduces the lecture\'s ReLU maps', () => {
    w.rectified.forEach((m, i) => assert.deepEqual(printed(m), cells(LECTURE_RELU[i]!)));
  });

  it('stacks conv, ReLU and two poolings into 12 values', () => {
    assert.deepEqual(w.stacked.map(printed), [
      [['1.00', '0.55'], ['0.55', '1.00']],
      [['1.00', '0.55'], ['0.55', '0.55']],
      [['0.55', '1.00'], ['1.00', '0.55']],
    ]);
  });

  it('works the lecture\'s arithmetic at the centre: 5 / 9 = 0.55', () => {
    const a = patchArithmetic(X_IMAGE, FEATURES[0]!.grid, 3, 3);
    assert.deepEqual(a.products, [[1, 1, -1], [1, 1, 1], [-1, 1, 1]]);
    assert.equal(a.sum, 5);
    assert.ok(Math.abs(a.value - 5 / 9) < 1e-6);
    assert.equal(a.value, w.featureMaps[0]![3]![3]);
  });

  it('gives a perfect 1.00 where the feature lies on the X', () => {
    const a = patchArithmetic(X_IMAGE, FEATURES[0]!.grid, 1, 1);
    assert.deepEqual(a.products.flat(), new Array(9).fill(1));
    assert.equal(a.value, 1);
  });

  it('rejects a position outside the map', () => {
    assert.throws(() => patchArithmetic(X_IMAGE, FEATURES[0]!.grid, 7, 0), /0\.\.6/);
  });

  it('reproduces the lecture\'s answers X .92 and O .51 from its 12 vote values', () => {
    const v = vote(LECTURE_VOTE_VALUES, ILLUSTRATION_WEIGHTS);
    assert.deepEqual(v.scores.map(formatLectureNumber), ['0.92', '0.51']);
    assert.ok(Math.abs(v.scores[0]! - (0.9 + 0.96 + 0.89 + 0.94) / 4) < 1e-6);
  });

  it('draws every picture as a 9x9 grid of +1 and -1', () => {
    for (const g of [X_IMAGE, O_IMAGE, ...VARIANTS.map((v) => v.grid)]) {
      assert.equal(g.length, 9);
      for (const row of g) {
        assert.equal(row.length, 9);
        for (const v of row) assert.ok(v === 1 || v === -1);
      }
    }
  });

  it('finds the cross only in the X: the O matches it at most 5/9', () => {
    const o = walkthrough(O_IMAGE);
    const best = (maps: Grid[]): number => Math.max(...maps[1]!.flat());
    assert.equal(best(w.featureMaps), 1);
    assert.equal(formatLectureNumber(best(o.featureMaps)), '0.55');
  });
});
