import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gradients } from '../tensor/autograd.js';
import { checkGradients } from '../testing/gradcheck.js';
import { tensor } from '../tensor/tensor.js';
import { add, div, mul, sub } from './binary.js';
import { matmul } from './matmul.js';
import { max, mean, min, sum } from './reduce.js';

describe('binary ops', () => {
  it('broadcasts a row over a matrix', () => {
    const y = add(tensor([[1, 2], [3, 4]]), tensor([10, 20]));
    assert.deepEqual(y.toArray(), [[11, 22], [13, 24]]);
  });

  it('names the op and both shapes when broadcasting fails', () => {
    assert.throws(() => add(tensor([[1, 2, 3]]), tensor([1, 2])), /add: shapes \[1, 3\] and \[2\]/);
  });

  for (const [name, op] of [['add', add], ['sub', sub], ['mul', mul], ['div', div]] as const) {
    it(`${name} has gradients matching finite differences, with broadcasting`, () => {
      const a = tensor([[0.5, -1.2, 2.0], [1.5, 0.7, -0.4]]);
      const b = tensor([1.3, -0.8, 0.9]);
      const r = checkGradients((x, y) => op(x!, y!), [a, b]);
      assert.ok(r.maxError < 2e-3, JSON.stringify(r));
    });
  }
});

describe('matmul', () => {
  it('multiplies matrices', () => {
    assert.deepEqual(matmul(tensor([[1, 2], [3, 4]]), tensor([[5], [6]])).toArray(), [[17], [39]]);
  });

  it('rejects mismatched inner dimensions naming both shapes', () => {
    const a = tensor(new Float32Array(6), [2, 3]), b = tensor(new Float32Array(20), [4, 5]);
    assert.throws(() => matmul(a, b), /matmul: inner dimensions differ: \[2, 3\] x \[4, 5\]/);
  });

  it('has gradients for every transpose combination and batched inputs', () => {
    for (const ta of [false, true]) {
      for (const tb of [false, true]) {
        const a = tensor(Float32Array.from({ length: 12 }, (_, i) => Math.sin(i)), ta ? [2, 3, 2] : [2, 2, 3]);
        const b = tensor(Float32Array.from({ length: 12 }, (_, i) => Math.cos(i)), tb ? [4, 3] : [3, 4]);
        const r = checkGradients((x, y) => matmul(x!, y!, ta, tb), [a, b]);
        assert.ok(r.maxError < 2e-3, `${ta} ${tb} ${JSON.stringify(r)}`);
      }
    }
  });
});

describe('reductions', () => {
  it('sums and averages over axes with keepDims', () => {
    const x = tensor([[1, 2], [3, 4]]);
    assert.deepEqual(sum(x, 0).toArray(), [4, 6]);
    assert.deepEqual(mean(x, 1, true).toArray(), [[1.5], [3.5]]);
    assert.equal(sum(x).item(), 10);
  });

  it('has gradients for sum and mean over several axes', () => {
    const x = tensor(Float32Array.from({ length: 24 }, (_, i) => Math.sin(i)), [2, 3, 4]);
    assert.ok(checkGradients((t) => sum(t!, [0, 2]), [x]).maxError < 2e-3);
    assert.ok(checkGradients((t) => mean(t!, [1], true), [x]).maxError < 2e-3);
  });

  it('has gradients for max and min, split evenly between ties', () => {
    // Values 0.1 apart, so a finite-difference step never changes which one is the extreme.
    const x = tensor(Float32Array.from({ length: 12 }, (_, i) => ((i * 5) % 12) * 0.1), [3, 4]);
    assert.ok(checkGradients((t) => max(t!, 1), [x]).maxError < 2e-3);
    assert.ok(checkGradients((t) => min(t!, [0], true), [x]).maxError < 2e-3);
    const tied = tensor([[3, 1, 3]]);
    tied.requiresGrad = true;
    assert.deepEqual(gradients(sum(max(tied, 1)), [tied])[0]!.toArray(), [[0.5, 0, 0.5]]);
  });

  it('propagates NaN instead of throwing', () => {
    const y = add(tensor([NaN, 1]), tensor([1, 1]));
    assert.ok(Number.isNaN(y.data[0]!));
    assert.ok(Number.isNaN(sum(y).item()));
  });
});
