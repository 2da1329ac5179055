import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gradients } from '../tensor/autograd.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import * as ops from './index.js';

// One NaN at index 1 of every input; each op must run and leave a NaN in its output.
const v = (): Tensor => tensor([0.5, NaN, -1.5, 2, 0.25, -0.75]);
const m = (): Tensor => tensor([[0.5, NaN, -1.5], [2, 0.25, -0.75]]);
const img = (): Tensor => {
  const t = tensor(Float32Array.from({ length: 16 }, (_, i) => i / 8 - 1), [1, 4, 4, 1]);
  t.f32[5] = NaN;
  return t;
};

const OPS: Array<[string, () => Tensor]> = [
  ['add', () => ops.add(v(), 1)], ['sub', () => ops.sub(1, v())], ['mul', () => ops.mul(v(), v())],
  ['div', () => ops.div(v(), 2)], ['pow', () => ops.pow(v(), 2)],
  ['maximum', () => ops.maximum(v(), 0)], ['minimum', () => ops.minimum(v(), 0)],
  ['squaredDifference', () => ops.squaredDifference(v(), 1)],
  ['matmul', () => ops.matmul(m(), tensor([[1], [1], [1]]))],
  ['sum', () => ops.sum(v())], ['mean', () => ops.mean(m(), 1)], ['max', () => ops.max(m(), 1)],
  ['min', () => ops.min(m(), 1)], ['reshape', () => ops.reshape(v(), [2, 3])],
  ['transpose', () => ops.transpose(m())], ['clip', () => ops.clip(v(), 0, 1)],
  ['where', () => ops.where(tensor([1, 1, 0, 0, 1, 1]), v(), 0)],
  ['slice', () => ops.slice(v(), 1, 2)], ['concat', () => ops.concat([v(), v()])],
  ['stack', () => ops.stack([v(), v()])], ['gather', () => ops.gather(v(), [1])],
  ['pad', () => ops.pad(v(), [[1, 1]])], ['squeeze', () => ops.squeeze(ops.expandDims(v(), 0))],
  ['flatten', () => ops.flatten(m())], ['broadcastTo', () => ops.broadcastTo(v(), [2, 6])],
  ['moments', () => ops.moments(v()).variance], ['logSumExp', () => ops.logSumExp(m(), 1)],
  ['dropout', () => ops.dropout(tensor(new Float32Array(64).fill(NaN)), 0.5)],
  ['softmax', () => ops.softmax(m())], ['logSoftmax', () => ops.logSoftmax(m())],
  ['conv2d', () => ops.conv2d(img(), tensor(new Float32Array(4).fill(1), [2, 2, 1, 1]))],
  ['maxPool2d', () => ops.maxPool2d(img(), { poolSize: 2 })],
  ['avgPool2d', () => ops.avgPool2d(img(), { poolSize: 2 })],
  ...(['relu', 'sigmoid', 'tanh', 'elu', 'selu', 'softplus', 'softsign', 'swish', 'gelu', 'exp',
    'log', 'sqrt', 'square', 'abs', 'neg', 'log1p', 'expm1', 'reciprocal', 'sign', 'floor', 'round',
  ] as const).map((name): [string, () => Tensor] => [name, () => ops[name](v())]),
];

describe('NaN inputs', () => {
  for (const [name, run] of OPS) {
    it(`propagate through ${name} without throwing`, () => {
      const y = run();
      assert.ok(y.f32.some((x) => Number.isNaN(x)), `${name} lost the NaN: ${[...y.f32]}`);
    });
  }

  it('propagate into gradients without throwing', () => {
    const x = v();
    x.requiresGrad = true;
    const [dx] = gradients(ops.sum(ops.mul(ops.sigmoid(x), x)), [x]);
    assert.ok(Number.isNaN(dx!.f32[1]!));
    assert.ok(Number.isFinite(dx!.f32[0]!));
  });
});
