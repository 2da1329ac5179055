import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convLength } from '../tensor/shape.js';
import { tensor, zeros } from '../tensor/tensor.js';
import { checkGradients } from '../testing/gradcheck.js';
import { conv2d, type Conv2DOptions } from './conv2d.js';
import { matmul } from './matmul.js';
import { pad } from './pad.js';
import { avgPool2d, maxPool2d, type Pool2DOptions } from './pool.js';

const smooth = (shape: number[], phase = 0.2) => tensor(
  Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) },
    (_, i) => Math.sin(i * 1.3 + phase)),
  shape);

/** Distinct values at least 0.05 apart, so a finite-difference step never changes a max winner. */
const distinct = (shape: number[]) => {
  const n = shape.reduce((a, b) => a * b, 1);
  const values = Float32Array.from({ length: n }, (_, i) => ((i * 37) % n) * 0.05 - n * 0.025);
  return tensor(values, shape);
};

describe('conv2d gradients', () => {
  const cases: Array<[string, number[], number[], Conv2DOptions]> = [
    ['valid, odd sizes, 3 channels in, 2 out', [2, 5, 7, 3], [3, 3, 3, 2], { padding: 'valid' }],
    ['same, odd sizes', [1, 5, 5, 2], [3, 3, 2, 3], { padding: 'same' }],
    ['valid, stride 2', [1, 7, 6, 2], [3, 3, 2, 2], { strides: 2 }],
    ['same, stride 2, even kernel', [2, 6, 5, 1], [2, 2, 1, 2], { strides: 2, padding: 'same' }],
    ['valid, dilation 2', [1, 7, 7, 2], [3, 3, 2, 2], { dilationRate: 2 }],
    ['same, dilation 2, 1x3 kernel', [1, 5, 6, 2], [1, 3, 2, 2],
      { dilationRate: 2, padding: 'same' }],
  ];
  for (const [name, xs, ws, options] of cases) {
    it(`match finite differences: ${name}`, () => {
      const r = checkGradients((x, w) => conv2d(x!, w!, options), [smooth(xs), smooth(ws, 1.1)]);
      assert.ok(r.maxError < 2e-3, JSON.stringify(r));
    });
  }
});

describe('pooling gradients', () => {
  const cases: Array<[string, number[], Pool2DOptions]> = [
    ['2x2 valid', [2, 4, 6, 2], { poolSize: 2 }],
    ['3x3 stride 2 valid', [1, 7, 7, 2], { poolSize: 3, strides: 2 }],
    ['3x3 stride 2 same', [1, 6, 7, 2], { poolSize: 3, strides: 2, padding: 'same' }],
    ['2x2 same on odd sizes', [1, 5, 7, 1], { poolSize: 2, padding: 'same' }],
  ];
  for (const [name, shape, options] of cases) {
    it(`maxPool2d matches finite differences: ${name}`, () => {
      const r = checkGradients((x) => maxPool2d(x!, options), [distinct(shape)]);
      assert.ok(r.maxError < 2e-3, JSON.stringify(r));
    });
    it(`avgPool2d matches finite differences: ${name}`, () => {
      const r = checkGradients((x) => avgPool2d(x!, options), [smooth(shape)]);
      assert.ok(r.maxError < 2e-3, JSON.stringify(r));
    });
  }

  it('averages only the positions inside the input at the edges (same padding)', () => {
    const x = tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    assert.deepEqual(avgPool2d(x, { poolSize: 2, padding: 'same' }).toArray(),
      [[[[3], [4.5]], [[7.5], [9]]]]);
    assert.deepEqual(maxPool2d(x, { poolSize: 2, padding: 'same' }).toArray(),
      [[[[5], [6]], [[8], [9]]]]);
  });
});

describe('output sizes follow (n + 2p - f) / s + 1', () => {
  // [n, f, s, dilation, padding, expected] worked out by hand.
  const table: Array<[number, number, number, number, 'valid' | 'same', number]> = [
    [7, 3, 1, 1, 'valid', 5], [8, 3, 1, 1, 'valid', 6], [9, 2, 2, 1, 'valid', 4],
    [7, 3, 2, 1, 'valid', 3], [8, 3, 2, 1, 'valid', 3], [28, 5, 1, 1, 'valid', 24],
    [7, 3, 2, 1, 'same', 4], [8, 3, 2, 1, 'same', 4], [9, 3, 2, 1, 'same', 5],
    [7, 2, 2, 1, 'same', 4], [7, 3, 1, 1, 'same', 7], [7, 3, 1, 2, 'valid', 3],
    [9, 3, 1, 2, 'valid', 5], [10, 3, 2, 2, 'valid', 3], [9, 3, 2, 2, 'same', 5],
  ];
  for (const [n, f, s, d, padding, expected] of table) {
    it(`n=${n} f=${f} s=${s} dilation=${d} ${padding} -> ${expected}`, () => {
      const fEff = (f - 1) * d + 1;
      // valid: p = 0 and the division floors; same: the output is ceil(n / s).
      const formula = padding === 'valid' ? Math.floor((n - fEff) / s) + 1 : Math.ceil(n / s);
      assert.equal(formula, expected);
      assert.equal(convLength(n, f, s, padding, d), expected);

      const y = conv2d(zeros([1, n, n + 1, 1]), zeros([f, f, 1, 2]),
        { strides: s, padding, dilationRate: d });
      const wide = padding === 'valid' ? Math.floor((n + 1 - fEff) / s) + 1
        : Math.ceil((n + 1) / s);
      assert.deepEqual(y.shape, [1, expected, wide, 2]);
      if (d === 1) {
        const p = maxPool2d(zeros([1, n, n + 1, 1]), { poolSize: f, strides: s, padding });
        assert.deepEqual(p.shape, [1, expected, wide, 1]);
      }
    });
  }

  it('keeps 32x32 with explicit padding p = 2 for a 5x5 filter (the lecture example)', () => {
    const x = pad(zeros([1, 32, 32, 3]), [[0, 0], [2, 2], [2, 2], [0, 0]]);
    assert.deepEqual(conv2d(x, zeros([5, 5, 3, 3])).shape, [1, (32 + 2 * 2 - 5) / 1 + 1, 32, 3]);
  });
});

describe('bad input', () => {
  it('matmul [2,3] x [4,5] names the op and both shapes', () => {
    assert.throws(() => matmul(zeros([2, 3]), zeros([4, 5])),
      (e: Error) => e.name === 'ShapeError' && /matmul/.test(e.message) &&
        e.message.includes('[2, 3]') && e.message.includes('[4, 5]'));
  });

  it('conv2d and pooling with a wrong-rank input name the expected rank and the shape', () => {
    assert.throws(() => conv2d(zeros([5, 5, 1]), zeros([3, 3, 1, 1])),
      /conv2d: expected input of rank 4 \[batch, height, width, channels\], got \[5, 5, 1\]/);
    assert.throws(() => maxPool2d(zeros([4, 4])),
      /maxPool2d: expected input of rank 4.*got \[4, 4\]/);
    assert.throws(() => conv2d(zeros([1, 5, 5, 2]), zeros([3, 3, 1, 1])),
      /conv2d: filter \[3, 3, 1, 1\] must be \[kh, kw, 2, filters\]/);
  });

  it('conv2d says when the window does not fit', () => {
    assert.throws(() => conv2d(zeros([1, 2, 2, 1]), zeros([3, 3, 1, 1])),
      /conv2d: a 3x3 window \(dilation 1x1\) does not fit in a 2x2 input with padding 'valid'/);
  });
});
