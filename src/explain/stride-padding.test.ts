import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatLectureNumber } from './lecture-number.js';
import { outputSize, strideExample, zeroPad } from './stride-padding.js';
import { FEATURES, X_IMAGE } from './xo-images.js';

describe('stride and padding', () => {
  const diagonal = FEATURES[0]!.grid;

  it('agrees with conv2d for every stride and padding up to 3', () => {
    for (let s = 1; s <= 3; s++) {
      for (let p = 0; p <= 3; p++) {
        const e = strideExample(X_IMAGE, diagonal, { stride: s, padding: p });
        assert.equal(e.outputSize, outputSize(9, 3, s, p));
        assert.equal(e.map.length, e.outputSize, `s=${s} p=${p}`);
        assert.equal(e.map[0]!.length, e.outputSize);
      }
    }
  });

  it('keeps the 9x9 size with padding 1 and stride 1', () => {
    assert.equal(strideExample(X_IMAGE, diagonal, { padding: 1 }).outputSize, 9);
  });

  it('works (9 + 2 - 3) / 2 + 1 = 5 and samples every other position', () => {
    const e = strideExample(X_IMAGE, diagonal, { stride: 2, padding: 1 });
    assert.equal(e.exact, 5);
    // Top-left patch: the zero border, then image pixels [-1 -1; -1 1] under the feature's
    // [1 -1; -1 1]: -1 + 1 + 1 + 1 = 2, so 2/9.
    assert.equal(formatLectureNumber(e.map[0]![0]!), '0.22');
    assert.equal(e.map[1]![1]!, 1);
  });

  it('rounds down when the stride does not divide', () => {
    const e = strideExample(X_IMAGE, diagonal, { stride: 4 });
    assert.equal(e.exact, 2.5);
    assert.equal(e.outputSize, 2);
  });

  it('surrounds the image with rings of zeros', () => {
    const padded = zeroPad([[1, 2], [3, 4]], 1);
    assert.deepEqual(padded, [[0, 0, 0, 0], [0, 1, 2, 0], [0, 3, 4, 0], [0, 0, 0, 0]]);
  });

  it('rejects a stride of 0 and negative padding', () => {
    assert.throws(() => strideExample(X_IMAGE, diagonal, { stride: 0 }), /stride/);
    assert.throws(() => strideExample(X_IMAGE, diagonal, { padding: -1 }), /padding/);
  });
});
