import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tensor, type Tensor } from '../tensor/tensor.js';
import { checkGradients } from '../testing/gradcheck.js';
import { logSoftmax, softmax } from './softmax.js';
import {
  abs, elu, exp, expm1, gelu, log, log1p, neg, reciprocal, relu, selu, sigmoid, softplus, softsign,
  sqrt, square, swish, tanh,
} from './unary.js';

// Reference values computed independently (closed forms; gelu from Φ(1) = 0.8413447460685429).
const e1 = Math.exp(-1);
const KNOWN: Array<[string, (x: Tensor) => Tensor, number[], number[]]> = [
  ['relu', relu, [-1, 0, 2.5], [0, 0, 2.5]],
  ['sigmoid', sigmoid, [0, 1, -30], [0.5, 0.7310585786300049, 9.357622968840175e-14]],
  ['tanh', tanh, [0, 1, -2], [0, 0.7615941559557649, -0.9640275800758169]],
  ['elu', elu, [-1, 0, 2], [e1 - 1, 0, 2]],
  ['selu', selu, [1, -1], [1.0507009873554805, 1.0507009873554805 * 1.6732632423543772 * (e1 - 1)]],
  ['softplus', softplus, [0, 1, -50, 50],
    [Math.LN2, 1.3132616875182228, 1.9287498479639178e-22, 50]],
  ['softsign', softsign, [1, -3, 0], [0.5, -0.75, 0]],
  ['swish', swish, [1, -1, 0], [0.7310585786300049, -0.2689414213699951, 0]],
  ['gelu', gelu, [1, -1, 0], [0.8413447460685429, -0.15865525393145707, 0]],
];

describe('activations', () => {
  for (const [name, f, inputs, expected] of KNOWN) {
    it(`${name} gives known values`, () => {
      const y = f(tensor(inputs)).f32;
      expected.forEach((v, i) => {
        // float32 keeps about 7 significant digits: compare relatively, tiny values included.
        const tol = v === 0 ? 1e-7 : 1e-6 * Math.abs(v);
        assert.ok(Math.abs(y[i]! - v) <= tol, `${name}(${inputs[i]}) = ${y[i]}, expected ${v}`);
      });
    });
  }

  // Points kept away from the kinks of relu/elu/selu/abs, where finite differences straddle them.
  const x = tensor([[-1.7, -0.6, 0.3], [0.9, 1.6, -2.4]]);
  const positive = tensor([[0.4, 0.9, 1.3], [2.2, 0.7, 1.8]]);
  const cases: Array<[string, (t: Tensor) => Tensor, Tensor]> = [
    ['relu', relu, x], ['sigmoid', sigmoid, x], ['tanh', tanh, x], ['elu', elu, x],
    ['selu', selu, x], ['softplus', softplus, x], ['softsign', softsign, x], ['swish', swish, x],
    ['gelu', gelu, x], ['exp', exp, x], ['neg', neg, x], ['square', square, x], ['abs', abs, x],
    ['expm1', expm1, x], ['log', log, positive], ['sqrt', sqrt, positive],
    ['log1p', log1p, positive], ['reciprocal', reciprocal, positive],
  ];
  for (const [name, f, input] of cases) {
    it(`${name} has gradients matching finite differences`, () => {
      const r = checkGradients((t) => f(t!), [input]);
      assert.ok(r.maxError < 2e-3, `${name}: ${JSON.stringify(r)}`);
    });
  }
});

describe('softmax and logSoftmax', () => {
  it('give known values and stay finite for large logits', () => {
    const p = softmax(tensor([[1, 2, 3]])).f32;
    [0.09003057317038046, 0.24472847105479764, 0.6652409557748219]
      .forEach((v, i) => assert.ok(Math.abs(p[i]! - v) < 1e-6));
    const big = softmax(tensor([[1000, 1000]])).f32;
    assert.deepEqual([...big], [0.5, 0.5]);
    const lp = logSoftmax(tensor([[1000, 0]])).f32;
    assert.ok(Math.abs(lp[0]!) < 1e-6 && Math.abs(lp[1]! + 1000) < 1e-3);
  });

  it('have gradients matching finite differences', () => {
    const x = tensor([[0.5, -1.2, 2.0, 0.1], [1.5, 0.7, -0.4, 0.3], [0.2, 0.2, -0.9, 1.1]]);
    assert.ok(checkGradients((t) => softmax(t!), [x]).maxError < 2e-3);
    assert.ok(checkGradients((t) => logSoftmax(t!), [x]).maxError < 2e-3);
  });
});
