import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { add, mul, sum } from '../ops/index.js';
import { gradients } from './autograd.js';
import { heap } from './heap.js';
import { keep, scope, tensor, zeros, type Tensor } from './tensor.js';

describe('scope', () => {
  it('releases every tensor made inside except the returned ones', () => {
    let inner: Tensor | undefined;
    const result = scope(() => {
      inner = add(tensor([1, 2]), 1);
      return mul(inner, 2);
    });
    assert.ok(inner!.released);
    assert.ok(!result.released);
    assert.deepEqual(result.toArray(), [4, 6]);
  });

  it('keeps tensors reachable from returned arrays and objects', () => {
    const { a, list } = scope(() => ({ a: zeros([2]), list: [zeros([3]), zeros([4])] }));
    assert.ok(!a.released && !list[0]!.released && !list[1]!.released);
  });

  it('gives a clear error when a released tensor is read', () => {
    let temp: Tensor | undefined;
    scope(() => {
      temp = tensor([1, 2, 3]);
      return null;
    });
    assert.throws(() => temp!.data, /Tensor \[3\] was released and has no data any more; keep it/);
    assert.throws(() => temp!.toArray(), /was released/);
  });

  it('hands returned tensors to the enclosing scope, which releases them in turn', () => {
    let middle: Tensor | undefined;
    const outer = scope(() => {
      middle = scope(() => tensor([1]));
      assert.ok(!middle.released);
      return tensor([2]);
    });
    assert.ok(middle!.released);
    assert.ok(!outer.released);
  });

  it('never releases a kept tensor, in any scope', () => {
    let weight: Tensor | undefined;
    scope(() => {
      scope(() => {
        weight = keep(tensor([0.5, -0.5]));
        return null;
      });
      return null;
    });
    assert.ok(!weight!.released);
    assert.deepEqual(weight!.toArray(), [0.5, -0.5]);
  });

  it('returns the live bytes to what they were after a gradient step', () => {
    const w = keep(tensor([1, 2, 3]));
    w.requiresGrad = true;
    const before = heap().stats().liveBytes;
    const value = scope(() => {
      const [g] = gradients(sum(mul(w, w)), [w]);
      return g!.toArray();
    });
    assert.deepEqual(value, [2, 4, 6]);
    assert.equal(heap().stats().liveBytes, before);
  });
});
