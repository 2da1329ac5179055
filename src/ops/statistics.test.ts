import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Random } from '../tensor/random.js';
import { tensor, zeros } from '../tensor/tensor.js';
import { checkGradients } from '../testing/gradcheck.js';
import { dropout, dropoutMask } from './dropout.js';
import { logSumExp } from './log-sum-exp.js';
import { moments, variance } from './moments.js';
import { randomNormal, randomUniform, truncatedNormal } from './random-tensor.js';

const sample = (shape: number[]) => tensor(
  Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) },
    (_, i) => Math.sin(i * 1.3 + 0.2)),
  shape);

function stats(values: ArrayLike<number>): { mean: number; std: number; min: number; max: number } {
  let s = 0, s2 = 0, min = Infinity, max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    s += v;
    s2 += v * v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const mean = s / values.length;
  return { mean, std: Math.sqrt(s2 / values.length - mean * mean), min, max };
}

describe('moments and variance', () => {
  it('give the mean and the population variance over axes', () => {
    const { mean, variance: v } = moments(tensor([[1, 2], [3, 6]]), 0);
    assert.deepEqual(mean.toArray(), [2, 4]);
    assert.deepEqual(v.toArray(), [1, 4]);
    assert.equal(variance(tensor([1, 2, 3, 4])).item(), 1.25);
    const kept = moments(zeros([2, 3, 3, 4]), [0, 1, 2], true);
    assert.deepEqual(kept.mean.shape, [1, 1, 1, 4]);
    assert.deepEqual(kept.variance.shape, [1, 1, 1, 4]);
  });

  it('have gradients for both outputs', () => {
    const x = sample([3, 2, 2]);
    assert.ok(checkGradients((t) => moments(t!, [0, 2]).mean, [x]).maxError < 2e-3);
    assert.ok(checkGradients((t) => moments(t!, [0, 2], true).variance, [x]).maxError < 2e-3);
  });
});

describe('logSumExp', () => {
  it('matches log(sum(exp(x))) and does not overflow for large values', () => {
    const expected = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
    assert.ok(Math.abs(logSumExp(tensor([1, 2, 3])).item() - expected) < 1e-5);
    assert.ok(Math.abs(logSumExp(tensor([1000, 1000])).item() - (1000 + Math.LN2)) < 1e-3);
    assert.equal(logSumExp(tensor([-Infinity, -Infinity])).item(), -Infinity);
    assert.deepEqual(logSumExp(zeros([2, 4]), -1, true).shape, [2, 1]);
  });

  it('has gradients (the softmax) matching finite differences', () => {
    assert.ok(checkGradients((t) => logSumExp(t!, 1), [sample([2, 3, 2])]).maxError < 2e-3);
    const r = checkGradients((t) => logSumExp(t!, [0, 2], true), [sample([2, 3, 2])]);
    assert.ok(r.maxError < 2e-3, JSON.stringify(r));
  });
});

describe('dropout', () => {
  it('zeroes about `rate` of the values and scales the rest by 1 / (1 - rate)', () => {
    const y = dropout(tensor(new Float32Array(10000).fill(1)), 0.25, new Random(3));
    const values = y.f32;
    let dropped = 0;
    for (const v of values) {
      if (v === 0) dropped++;
      else assert.ok(Math.abs(v - 4 / 3) < 1e-6);
    }
    assert.ok(Math.abs(dropped / 10000 - 0.25) < 0.02, `dropped ${dropped}`);
    assert.ok(Math.abs(stats(values).mean - 1) < 0.03);
  });

  it('repeats with the same seed and returns the input for rate 0', () => {
    const a = dropoutMask([50], 0.5, new Random(9)).toArray();
    assert.deepEqual(dropoutMask([50], 0.5, new Random(9)).toArray(), a);
    const x = tensor([1, 2]);
    assert.equal(dropout(x, 0), x);
  });

  it('draws once per noiseShape element and broadcasts', () => {
    const x = tensor(new Float32Array(2 * 3 * 4).fill(1), [2, 3, 4]);
    const y = dropout(x, 0.5, new Random(5), [null, 1, null]);
    const v = y.toArray() as number[][][];
    for (let b = 0; b < 2; b++) for (let c = 0; c < 4; c++) {
      assert.ok(v[b]!.every((row) => row[c] === v[b]![0]![c]));
    }
  });

  it('rejects rates outside [0, 1)', () => {
    assert.throws(() => dropout(tensor([1]), 1), /dropout: rate must be in \[0, 1\).*got 1/);
    assert.throws(() => dropoutMask([1], -0.1), /got -0.1/);
  });

  it('multiplies by the mask drawn from the same stream, and has that gradient', () => {
    const x = sample([3, 4]);
    const mask = dropoutMask([3, 4], 0.4, new Random(11)).f32;
    const y = dropout(x, 0.4, new Random(11)).f32;
    y.forEach((v, i) => assert.equal(v, Math.fround(x.f32[i]! * mask[i]!)));
    assert.ok(mask.some((v) => v === 0));
    const r = checkGradients((t) => dropout(t!, 0.4, new Random(11)), [x]);
    assert.ok(r.maxError < 2e-3, JSON.stringify(r));
  });
});

describe('random tensors', () => {
  it('draw uniform values in [min, max) with the right mean and spread', () => {
    const s = stats(randomUniform([20000], -2, 4, 1).f32);
    assert.ok(s.min >= -2 && s.max < 4);
    assert.ok(Math.abs(s.mean - 1) < 0.05, String(s.mean));
    assert.ok(Math.abs(s.std - 6 / Math.sqrt(12)) < 0.03, String(s.std));
  });

  it('draw normal and truncated normal values with the right statistics', () => {
    const n = stats(randomNormal([20000], 3, 2, 2).f32);
    assert.ok(Math.abs(n.mean - 3) < 0.05 && Math.abs(n.std - 2) < 0.05, JSON.stringify(n));
    const t = stats(truncatedNormal([20000], 0, 1, 3).f32);
    assert.ok(t.min >= -2 && t.max <= 2, JSON.stringify(t));
    // A normal truncated at two standard deviations keeps 0.8796 of its spread.
    assert.ok(Math.abs(t.std - 0.87962566) < 0.02, JSON.stringify(t));
  });

  it('repeat for a seed and differ between seeds', () => {
    const draw = (seed: number) => randomUniform([5], 0, 1, seed).toArray();
    assert.deepEqual(draw(42), draw(42));
    assert.notDeepEqual(draw(42), draw(43));
  });
});
