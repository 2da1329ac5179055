import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossValidate } from './cross-validate.js';
import { kFold } from './k-fold.js';

describe('kFold', () => {
  it('cuts consecutive folds, the first n % k one sample larger', () => {
    const folds = [...kFold(10, 3)];
    assert.deepEqual(folds.map((f) => [...f.validation]), [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    assert.deepEqual([...folds[1]!.train], [0, 1, 2, 3, 7, 8, 9]);
  });

  for (const [n, k] of [[10, 3], [17, 5], [6, 6], [100, 4]] as const) {
    it(`validates every one of ${n} samples exactly once in ${k} shuffled folds`, () => {
      const seen = new Array(n).fill(0);
      for (const { train, validation } of kFold(n, k, { shuffle: true, seed: 3 })) {
        assert.ok([Math.floor(n / k), Math.ceil(n / k)].includes(validation.length));
        assert.equal(train.length + validation.length, n);
        const inVal = new Set(validation);
        for (const i of train) assert.ok(!inVal.has(i), `index ${i} in both parts`);
        for (const i of validation) seen[i]++;
        assert.deepEqual([...train], [...train].sort((a, b) => a - b));
      }
      assert.deepEqual(seen, new Array(n).fill(1));
    });
  }

  it('shuffles repeatably for a seed', () => {
    const a = [...kFold(20, 4, { shuffle: true, seed: 8 })].map((f) => [...f.validation]);
    const b = [...kFold(20, 4, { shuffle: true, seed: 8 })].map((f) => [...f.validation]);
    assert.deepEqual(a, b);
    assert.notDeepEqual(a[0], [0, 1, 2, 3, 4]);
  });

  it('rejects k outside 2..n', () => {
    assert.throws(() => [...kFold(3, 4)], /2 <= k <= n samples, got k = 4, n = 3/);
    assert.throws(() => [...kFold(3, 1)], /got k = 1/);
  });
});

describe('crossValidate', () => {
  it('averages the fold scores of the lecture: 93, 91, 83, 94, 90, 95 -> 91', async () => {
    const lecture = [93, 91, 83, 94, 90, 95];
    const calls: number[] = [];
    const cv = await crossValidate(600, 6, async (train, validation, fold) => {
      assert.equal(validation.length, 100);
      assert.equal(train.length, 500);
      calls.push(fold);
      return lecture[fold]!;
    });
    assert.deepEqual(calls, [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(cv.scores, lecture);
    assert.equal(cv.mean, 91);
    assert.ok(Math.abs(cv.std - Math.sqrt(94 / 6)) < 1e-12);
  });

  it('hands each fold its own validation indices, covering all samples', async () => {
    const covered: number[] = [];
    await crossValidate(11, 3, (_train, validation) => {
      covered.push(...validation);
      return validation.length;
    }, { shuffle: true, seed: 1 });
    assert.deepEqual(covered.sort((a, b) => a - b), Array.from({ length: 11 }, (_, i) => i));
  });

  it('refuses a callback that returns no number', async () => {
    await assert.rejects(crossValidate(4, 2, async () => Number.NaN), /fold 0 returned NaN/);
  });
});
