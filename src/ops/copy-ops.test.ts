import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gradients } from '../tensor/autograd.js';
import { tensor, zeros } from '../tensor/tensor.js';
import { checkGradients } from '../testing/gradcheck.js';
import { concat } from './concat.js';
import { flatten } from './flatten.js';
import { gather } from './gather.js';
import { oneHot } from './one-hot.js';
import { pad } from './pad.js';
import { sum } from './reduce.js';
import { reshape } from './reshape.js';
import { slice } from './slice.js';
import { expandDims, squeeze } from './squeeze.js';
import { stack } from './stack.js';
import { transpose } from './transpose.js';

const sample = (shape: number[]) => tensor(
  Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) },
    (_, i) => Math.sin(i * 1.3 + 0.2)),
  shape);

describe('slice', () => {
  const x = tensor([[1, 2, 3], [4, 5, 6]]);

  it('takes a box, with -1 meaning to the end and short lists meaning whole axes', () => {
    assert.deepEqual(slice(x, [0, 1], [2, 2]).toArray(), [[2, 3], [5, 6]]);
    assert.deepEqual(slice(x, [1], [-1]).toArray(), [[4, 5, 6]]);
    assert.deepEqual(slice(x, [0, 2], [-1, 1]).toArray(), [[3], [6]]);
    assert.deepEqual(slice(x, [1, 1], [0, 2]).shape, [0, 2]);
  });

  it('keeps int32 values', () => {
    const y = slice(tensor([5, 6, 7], [3], 'int32'), 1, 2);
    assert.equal(y.dtype, 'int32');
    assert.deepEqual(y.toArray(), [6, 7]);
  });

  it('names the shape, begin and size when the box does not fit', () => {
    assert.throws(() => slice(x, [1, 2], [2, 1]),
      /slice: begin \[1, 2\] and size \[2, 1\] do not fit a tensor of shape \[2, 3\]: axis 0/);
  });

  it('has gradients matching finite differences', () => {
    const r = checkGradients((t) => slice(t!, [1, 0, 1], [2, -1, 2]), [sample([3, 2, 4])]);
    assert.ok(r.maxError < 2e-3, JSON.stringify(r));
  });
});

describe('concat and stack', () => {
  it('joins along an existing axis', () => {
    assert.deepEqual(concat([tensor([[1, 2]]), tensor([[3, 4], [5, 6]])], 0).toArray(),
      [[1, 2], [3, 4], [5, 6]]);
    assert.deepEqual(concat([tensor([[1], [2]]), tensor([[3, 4], [5, 6]])], -1).toArray(),
      [[1, 3, 4], [2, 5, 6]]);
  });

  it('names every shape when the others axes differ', () => {
    assert.throws(() => concat([zeros([2, 3]), zeros([2, 4])], 0),
      /concat: along axis 0.*float32 \[2, 3\], float32 \[2, 4\]/);
  });

  it('has gradients for each input', () => {
    const r = checkGradients((a, b, c) => concat([a!, b!, c!], 1),
      [sample([2, 1, 3]), sample([2, 3, 3]), sample([2, 2, 3])]);
    assert.ok(r.maxError < 2e-3, JSON.stringify(r));
  });

  it('stacks along a new axis', () => {
    assert.deepEqual(stack([tensor([1, 2]), tensor([3, 4])]).toArray(), [[1, 2], [3, 4]]);
    assert.deepEqual(stack([tensor([1, 2]), tensor([3, 4])], 1).toArray(), [[1, 3], [2, 4]]);
    assert.deepEqual(stack([zeros([2, 3]), zeros([2, 3])], -1).shape, [2, 3, 2]);
    assert.throws(() => stack([zeros([2]), zeros([3])]),
      /stack: every tensor must have the same shape/);
    const r = checkGradients((a, b) => stack([a!, b!], 1), [sample([2, 3]), sample([2, 3])]);
    assert.ok(r.maxError < 2e-3, JSON.stringify(r));
  });
});

describe('gather', () => {
  const table = tensor([[1, 2], [3, 4], [5, 6]]);

  it('picks rows by int32 index, and columns along axis 1', () => {
    assert.deepEqual(gather(table, tensor([2, 0], [2], 'int32')).toArray(), [[5, 6], [1, 2]]);
    assert.deepEqual(gather(table, [1], 1).toArray(), [[2], [4], [6]]);
    assert.deepEqual(gather(table, tensor([[0, 1], [2, 2]], [2, 2], 'int32')).shape, [2, 2, 2]);
  });

  it('rejects an out-of-range index, naming it and the range', () => {
    assert.throws(() => gather(table, [0, 3]),
      /gather: index 3 \(at position 1\) is out of range \[0, 3\)/);
    assert.throws(() => gather(table, [-1]), /index -1/);
  });

  it('accumulates gradients of repeated indices', () => {
    const x = tensor([[1, 2], [3, 4], [5, 6]]);
    x.requiresGrad = true;
    const [dx] = gradients(sum(gather(x, [0, 2, 0])), [x]);
    assert.deepEqual(dx!.toArray(), [[2, 2], [0, 0], [1, 1]]);
    const r = checkGradients((t) => gather(t!, [1, 3, 1], 1), [sample([2, 4, 3])]);
    assert.ok(r.maxError < 2e-3, JSON.stringify(r));
  });
});

describe('pad', () => {
  it('adds a constant before and after each axis', () => {
    assert.deepEqual(pad(tensor([[1, 2]]), [[1, 0], [0, 1]]).toArray(), [[0, 0, 0], [1, 2, 0]]);
    assert.deepEqual(pad(tensor([1]), [[2, 1]], -1).toArray(), [-1, -1, 1, -1]);
  });

  it('rejects paddings that do not match the rank', () => {
    assert.throws(() => pad(zeros([2, 2]), [[1, 1]]), /pad: expected 2 pairs \[before, after\]/);
  });

  it('has gradients matching finite differences', () => {
    const r = checkGradients((t) => pad(t!, [[0, 1], [2, 1], [1, 0]], 0.5), [sample([2, 3, 2])]);
    assert.ok(r.maxError < 2e-3, JSON.stringify(r));
  });
});

describe('shape helpers', () => {
  it('squeeze removes size-1 axes and refuses others', () => {
    assert.deepEqual(squeeze(zeros([1, 3, 1])).shape, [3]);
    assert.deepEqual(squeeze(zeros([1, 3, 1]), 0).shape, [3, 1]);
    assert.throws(() => squeeze(zeros([1, 3]), 1), /squeeze: axis 1 of \[1, 3\] has size 3, not 1/);
  });

  it('expandDims inserts an axis, -1 appending', () => {
    assert.deepEqual(expandDims(zeros([3])).shape, [1, 3]);
    assert.deepEqual(expandDims(zeros([3]), -1).shape, [3, 1]);
    assert.throws(() => expandDims(zeros([3]), 2), /expandDims: axis 2 is out of range/);
  });

  it('flatten keeps the batch axis as Keras Flatten does', () => {
    assert.deepEqual(flatten(zeros([2, 3, 4])).shape, [2, 12]);
    assert.deepEqual(flatten(zeros([5])).shape, [5, 1]);
    assert.deepEqual(flatten(tensor([[[1, 2]], [[3, 4]]])).toArray(), [[1, 2], [3, 4]]);
  });

  it('reshape, transpose, squeeze and flatten have gradients', () => {
    const x = sample([2, 1, 3]);
    assert.ok(checkGradients((t) => reshape(t!, [3, -1]), [x]).maxError < 2e-3);
    assert.ok(checkGradients((t) => transpose(t!, [2, 0, 1]), [x]).maxError < 2e-3);
    assert.ok(checkGradients((t) => transpose(t!), [sample([3, 4])]).maxError < 2e-3);
    assert.ok(checkGradients((t) => squeeze(t!), [x]).maxError < 2e-3);
    assert.ok(checkGradients((t) => flatten(t!), [x]).maxError < 2e-3);
  });
});

describe('oneHot', () => {
  it('encodes int32 or number indices, with out-of-range ones giving an empty row', () => {
    assert.deepEqual(oneHot(tensor([2, 0], [2], 'int32'), 3).toArray(), [[0, 0, 1], [1, 0, 0]]);
    assert.deepEqual(oneHot([1, 5, -1], 2).toArray(), [[0, 1], [0, 0], [0, 0]]);
    assert.deepEqual(oneHot([0], 2, 0.9, 0.05).toArray(),
      [[Math.fround(0.9), Math.fround(0.05)]]);
    assert.deepEqual(oneHot(tensor([[1], [0]], [2, 1], 'int32'), 2).shape, [2, 1, 2]);
  });
});
