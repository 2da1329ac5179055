import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gradients } from '../tensor/autograd.js';
import { Tensor, tensor } from '../tensor/tensor.js';
import { BatchNormalization } from './batch-normalization.js';
import { Conv2D } from './conv2d.js';
import { Dense } from './dense.js';
import { AveragePooling2D, MaxPooling2D } from './pooling2d.js';

interface Arr { shape: number[]; values: number[] }
const goldens = JSON.parse(readFileSync(new URL('./goldens/layers.json', import.meta.url), 'utf8'));

function t(a: Arr): Tensor {
  return tensor(a.values, a.shape);
}

function close(actual: Tensor | null | undefined, expected: number[], tol: number, what: string): void {
  assert.ok(actual, `${what}: missing`);
  assert.equal(actual.size, expected.length, `${what}: size`);
  let worst = 0;
  actual.f32.forEach((v, i) => { worst = Math.max(worst, Math.abs(v - expected[i]!)); });
  assert.ok(worst < tol, `${what}: max difference ${worst}`);
}

describe('layers match PyTorch goldens (forward and gradients)', () => {
  for (const c of goldens.conv2d) {
    it(`Conv2D ${c.name}`, () => {
      const [kh, kw, , filters] = c.kernel.shape;
      const layer = new Conv2D({ filters, kernelSize: [kh, kw], strides: c.strides, padding: c.padding });
      const x = t(c.x);
      x.requiresGrad = true;
      layer.apply(x);
      layer.setWeights([t(c.kernel), tensor(c.bias)]);
      const y = layer.apply(x, { training: true });
      assert.deepEqual(y.shape, c.y.shape);
      close(y, c.y.values, 1e-5, 'y');
      const [dx, dk, db] = gradients(y, [x, layer.kernel!.value, layer.bias!.value], tensor(c.dy, y.shape));
      close(dx, c.dx, 1e-4, 'dx');
      close(dk, c.dkernel, 1e-4, 'dkernel');
      close(db, c.dbias, 1e-4, 'dbias');
    });
  }

  it('Dense with relu', () => {
    const c = goldens.dense;
    const layer = new Dense({ units: 2, activation: 'relu' });
    const x = t(c.x);
    x.requiresGrad = true;
    layer.apply(x);
    layer.setWeights([t(c.kernel), tensor(c.bias)]);
    const y = layer.apply(x, { training: true });
    close(y, c.y, 1e-5, 'y');
    const [dx, dk, db] = gradients(y, [x, layer.kernel!.value, layer.bias!.value], tensor(c.dy, y.shape));
    close(dx, c.dx, 1e-5, 'dx');
    close(dk, c.dkernel, 1e-5, 'dkernel');
    close(db, c.dbias, 1e-5, 'dbias');
  });

  it('BatchNormalization in training (batch statistics, moving averages) and inference', () => {
    const c = goldens.batch_normalization;
    const layer = new BatchNormalization({ momentum: c.momentum, epsilon: c.epsilon });
    const x = t(c.x);
    x.requiresGrad = true;
    layer.apply(x);
    layer.gamma!.value.f32.set(c.gamma);
    layer.beta!.value.f32.set(c.beta);
    const y = layer.apply(x, { training: true });
    close(y, c.y_train, 1e-4, 'y (training)');
    const [dx, dg, db] = gradients(y, [x, layer.gamma!.value, layer.beta!.value], tensor(c.dy, y.shape));
    close(dx, c.dx, 1e-4, 'dx');
    close(dg, c.dgamma, 1e-4, 'dgamma');
    close(db, c.dbeta, 1e-4, 'dbeta');
    close(layer.movingMean!.value, c.moving_mean, 1e-6, 'moving mean');
    close(layer.movingVariance!.value, c.moving_variance, 1e-6, 'moving variance');
    close(layer.apply(x, { training: false }), c.y_inference, 1e-4, 'y (inference)');
  });

  for (const c of goldens.pooling) {
    it(`${c.kind} pooling ${c.poolSize}x${c.poolSize} stride ${c.strides} ${c.padding}`, () => {
      const Cls = c.kind === 'max' ? MaxPooling2D : AveragePooling2D;
      const layer = new Cls({ poolSize: c.poolSize, strides: c.strides, padding: c.padding });
      const x = t(c.x);
      x.requiresGrad = true;
      const y = layer.apply(x);
      assert.deepEqual(y.shape, c.y.shape);
      close(y, c.y.values, 1e-6, 'y');
      const [dx] = gradients(y, [x], tensor(c.dy, y.shape));
      close(dx, c.dx, 1e-6, 'dx');
    });
  }
});
