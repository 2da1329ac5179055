import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gradients } from '../tensor/autograd.js';
import { tensor } from '../tensor/tensor.js';
import { checkGradients } from '../testing/gradcheck.js';
import { maximum, minimum, pow, squaredDifference } from './binary.js';
import { broadcastTo } from './broadcast-to.js';
import { cast } from './cast.js';
import { clip } from './clip.js';
import { equal, greater, greaterEqual, less, lessEqual, notEqual } from './compare.js';
import { sum } from './reduce.js';
import { where } from './where.js';

const close = (actual: number[], expected: number[], tol = 1e-6): void => {
  assert.equal(actual.length, expected.length);
  actual.forEach((v, i) =>
    assert.ok(Math.abs(v - expected[i]!) <= tol, `[${i}] ${v} vs ${expected[i]}`));
};
const flat = (t: { toTypedArray(): ArrayLike<number> }): number[] => Array.from(t.toTypedArray());

describe('pow', () => {
  it('raises to a tensor exponent and to a scalar exponent', () => {
    close(flat(pow(tensor([1, 2, 3]), 2)), [1, 4, 9]);
    close(flat(pow(tensor([4, 9]), tensor([0.5, -1]))), [2, 1 / 9]);
    close(flat(pow(2, tensor([0, 1, 3]))), [1, 2, 8]);
  });

  it('has gradients for base and exponent matching finite differences, with broadcasting', () => {
    const base = tensor([[0.5, 1.2, 2.0], [1.5, 0.7, 1.1]]);
    const exponent = tensor([1.3, -0.8, 2.5]);
    const r = checkGradients((a, b) => pow(a!, b!), [base, exponent]);
    assert.ok(r.maxError < 2e-3, JSON.stringify(r));
  });

  it('gives the base the gradient p * x^(p-1) for a scalar exponent', () => {
    const x = tensor([1, 2, 3]);
    x.requiresGrad = true;
    const [dx] = gradients(sum(pow(x, 3)), [x]);
    close(flat(dx!), [3, 12, 27], 1e-5);
  });

  it('keeps the exponent gradient finite for negative bases', () => {
    const x = tensor([-2, 3]);
    const p = tensor([2, 2]);
    p.requiresGrad = true;
    const [dp] = gradients(sum(pow(x, p)), [p]);
    close(flat(dp!), [0, 9 * Math.log(3)], 1e-4);
  });
});

describe('maximum and minimum', () => {
  it('take the elementwise extreme with broadcasting', () => {
    assert.deepEqual(maximum(tensor([1, 5, 3]), 3).toArray(), [3, 5, 3]);
    assert.deepEqual(minimum(tensor([[1, 5], [4, 2]]), tensor([3, 3])).toArray(), [[1, 3], [3, 2]]);
  });

  it('have gradients matching finite differences away from ties', () => {
    const a = tensor([[0.5, -1.2, 2.0], [1.5, 0.7, -0.4]]);
    const b = tensor([1.3, -0.8, 0.9]);
    assert.ok(checkGradients((x, y) => maximum(x!, y!), [a, b]).maxError < 2e-3);
    assert.ok(checkGradients((x, y) => minimum(x!, y!), [a, b]).maxError < 2e-3);
  });

  it('split the gradient evenly on ties', () => {
    const a = tensor([1, 2, 3]), b = tensor([1, 0, 5]);
    a.requiresGrad = true;
    b.requiresGrad = true;
    const [da, db] = gradients(sum(maximum(a, b)), [a, b]);
    assert.deepEqual(flat(da!), [0.5, 1, 0]);
    assert.deepEqual(flat(db!), [0.5, 0, 1]);
    const [ma, mb] = gradients(sum(minimum(a, b)), [a, b]);
    assert.deepEqual(flat(ma!), [0.5, 0, 1]);
    assert.deepEqual(flat(mb!), [0.5, 1, 0]);
  });

  it('squaredDifference matches (a - b)^2 and its gradient', () => {
    assert.deepEqual(squaredDifference(tensor([1, 4]), tensor([3, 1])).toArray(), [4, 9]);
    const r = checkGradients((x, y) => squaredDifference(x!, y!),
      [tensor([[0.5, -1.2], [1.5, 0.7]]), tensor([0.3, 0.9])]);
    assert.ok(r.maxError < 2e-3, JSON.stringify(r));
  });
});

describe('comparisons', () => {
  it('return float32 masks of 1 and 0 with broadcasting', () => {
    const x = tensor([[1, 2, 3]]);
    assert.deepEqual(equal(x, 2).toArray(), [[0, 1, 0]]);
    assert.deepEqual(greater(x, tensor([[2], [0]])).toArray(), [[0, 0, 1], [1, 1, 1]]);
    assert.deepEqual(less(x, 2).toArray(), [[1, 0, 0]]);
    assert.deepEqual(notEqual(x, 2).toArray(), [[1, 0, 1]]);
    assert.deepEqual(greaterEqual(x, 2).toArray(), [[0, 1, 1]]);
    assert.deepEqual(lessEqual(x, 2).toArray(), [[1, 1, 0]]);
    assert.equal(equal(x, 2).dtype, 'float32');
  });

  it('compare int32 tensors (predicted class against label)', () => {
    const predicted = tensor([2, 0, 1], [3], 'int32');
    const labels = tensor([2, 1, 1], [3], 'int32');
    assert.deepEqual(equal(predicted, labels).toArray(), [1, 0, 1]);
  });

  it('treat NaN as unequal to everything', () => {
    assert.deepEqual(equal(tensor([NaN]), tensor([NaN])).toArray(), [0]);
    assert.deepEqual(notEqual(tensor([NaN]), 1).toArray(), [1]);
  });
});

describe('clip', () => {
  it('limits values to [min, max] and keeps NaN', () => {
    const y = clip(tensor([-2, 0.5, 3, NaN]), 0, 1);
    assert.deepEqual(flat(y).slice(0, 3), [0, 0.5, 1]);
    assert.ok(Number.isNaN(y.data[3]!));
  });

  it('passes the gradient inside the range only', () => {
    const x = tensor([-2, 0.25, 0.75, 3]);
    assert.ok(checkGradients((t) => clip(t!, 0, 1), [x]).maxError < 2e-3);
    x.requiresGrad = true;
    assert.deepEqual(flat(gradients(sum(clip(x, 0, 1)), [x])[0]!), [0, 1, 1, 0]);
  });

  it('passes the gradient at the bounds by default, and not with gradientAtBounds false', () => {
    const x = tensor([0, 0.25, 1, 2]);
    x.requiresGrad = true;
    assert.deepEqual(flat(gradients(sum(clip(x, 0, 1)), [x])[0]!), [1, 1, 1, 0]);
    const strict = clip(x, 0, 1, { gradientAtBounds: false });
    assert.deepEqual(flat(gradients(sum(strict), [x])[0]!), [0, 1, 0, 0]);
  });

  it('compares with the float32 bound when the gradient stops at the bounds', () => {
    // 1e-7 is not a float32; the tensor holds Math.fround(1e-7), which counts as on the bound.
    const x = tensor([Math.fround(1e-7), 0.5]);
    x.requiresGrad = true;
    const y = clip(x, 1e-7, 1, { gradientAtBounds: false });
    assert.deepEqual(flat(y), [Math.fround(1e-7), 0.5]);
    assert.deepEqual(flat(gradients(sum(y), [x])[0]!), [0, 1]);
  });

  it('rejects min greater than max', () => {
    assert.throws(() => clip(tensor([1]), 2, 1),
      /clip: min \(2\) must not be greater than max \(1\)/);
  });
});

describe('where', () => {
  it('picks from a where the condition holds and from b elsewhere, broadcasting', () => {
    const x = tensor([-2, 0.5, 3]);
    assert.deepEqual(where(greater(x, 0), x, 0).toArray(), [0, 0.5, 3]);
    const c = tensor([[1], [0]]);
    assert.deepEqual(where(c, tensor([1, 2]), tensor([7, 8])).toArray(), [[1, 2], [7, 8]]);
  });

  it('has gradients to both branches, none where not chosen', () => {
    const cond = tensor([[1, 0, 1], [0, 0, 1]]);
    const r = checkGradients((a, b) => where(cond, a!, b!),
      [tensor([[0.5, -1.2, 2.0], [1.5, 0.7, -0.4]]), tensor([1.3, -0.8, 0.9])]);
    assert.ok(r.maxError < 2e-3, JSON.stringify(r));
  });

  it('accepts an int32 condition', () => {
    assert.deepEqual(where(tensor([0, 3], [2], 'int32'), 1, 2).toArray(), [2, 1]);
  });
});

describe('cast and broadcastTo', () => {
  it('truncates toward zero when casting to int32 and saturates out-of-range values', () => {
    const y = cast(tensor([1.7, -1.7, 0.2, 3e10, NaN]), 'int32');
    assert.equal(y.dtype, 'int32');
    assert.deepEqual(y.toArray(), [1, -1, 0, 2147483647, 0]);
    assert.deepEqual(cast(tensor([3, -4], [2], 'int32'), 'float32').toArray(), [3, -4]);
  });

  it('returns the same tensor when the dtype does not change', () => {
    const x = tensor([1]);
    assert.equal(cast(x, 'float32'), x);
  });

  it('broadcasts and sums the gradient back', () => {
    assert.deepEqual(broadcastTo(tensor([1, 2]), [2, 2]).toArray(), [[1, 2], [1, 2]]);
    assert.deepEqual(broadcastTo(tensor([1, 2], [2], 'int32'), [2, 2]).toArray(), [[1, 2], [1, 2]]);
    assert.throws(() => broadcastTo(tensor([1, 2]), [3]), /broadcastTo: shapes \[2\] and \[3\]/);
    const r = checkGradients((t) => broadcastTo(t!, [3, 2, 2]), [tensor([[0.5], [-1.5]])]);
    assert.ok(r.maxError < 2e-3, JSON.stringify(r));
  });
});
