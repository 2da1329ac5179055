import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatLectureNumber } from './lecture-number.js';

describe('formatLectureNumber', () => {
  it('cuts to two decimals instead of rounding', () => {
    assert.equal(formatLectureNumber(5 / 9), '0.55');
    assert.equal(formatLectureNumber(7 / 9), '0.77');
    assert.equal(formatLectureNumber(0.999), '0.99');
  });

  it('cuts toward zero for negative values', () => {
    assert.equal(formatLectureNumber(-1 / 9), '-0.11');
    assert.equal(formatLectureNumber(-7 / 9), '-0.77');
  });

  it('prints whole numbers with two decimals and exact zero bare', () => {
    assert.equal(formatLectureNumber(1), '1.00');
    assert.equal(formatLectureNumber(-1), '-1.00');
    assert.equal(formatLectureNumber(0), '0');
  });

  it('is not fooled by float32 values a hair below the decimal they stand for', () => {
    assert.equal(formatLectureNumber(Math.fround(0.51)), '0.51');
    assert.equal(formatLectureNumber(0.50999999), '0.51');
    assert.equal(formatLectureNumber(Math.fround(5 / 9)), '0.55');
  });
});
