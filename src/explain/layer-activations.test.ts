import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as layers from '../layers/index.js';
import { input } from '../layers/index.js';
import { model } from '../models/model.js';
import { sequential } from '../models/sequential.js';
import { conv2d } from '../ops/conv2d.js';
import { maxPool2d } from '../ops/pool.js';
import { setSeed } from '../tensor/random.js';
import { Tensor, tensor } from '../tensor/tensor.js';
import { activationModel, layerActivations, sampleActivations } from './layer-activations.js';

function smallConvNet() {
  setSeed(7);
  return sequential([
    layers.conv2d({ filters: 3, kernelSize: 3, activation: 'relu', inputShape: [8, 8, 1] }),
    layers.maxPooling2d({ poolSize: 2 }),
    layers.flatten(),
    layers.dense({ units: 4, activation: 'softmax' }),
  ]);
}

function images(batch: number): Tensor {
  return tensor(Array.from({ length: batch * 64 }, (_, i) => Math.sin(i * 0.37) + (i % 5) / 5),
    [batch, 8, 8, 1]);
}

function close(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-5): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < actual.length; i++) {
    assert.ok(Math.abs(actual[i]! - expected[i]!) <= tol, `[${i}] ${actual[i]} vs ${expected[i]}`);
  }
}

describe('layerActivations', () => {
  it('lists every layer in order with its class and batch shape', () => {
    const net = smallConvNet();
    const acts = layerActivations(net, images(2));
    const [c, p, f, d] = net.layers.map((l) => l.name);
    assert.deepEqual(acts.map((a) => [a.layerName, a.className, a.shape]), [
      [c, 'Conv2D', [2, 6, 6, 3]], [p, 'MaxPooling2D', [2, 3, 3, 3]], [f, 'Flatten', [2, 27]],
      [d, 'Dense', [2, 4]],
    ]);
  });

  it('ends with what predict returns', async () => {
    const net = smallConvNet();
    const x = images(3);
    const acts = layerActivations(net, x);
    const predicted = await net.predict(x) as Tensor;
    close(acts.at(-1)!.values, predicted.f32, 1e-6);
  });

  it('gives the convolution and pooling outputs the ops compute from the layer weights', () => {
    const net = smallConvNet();
    const x = images(1);
    const [conv, pool] = layerActivations(net, x);
    const [kernel, bias] = net.layers[0]!.weights.map((w) => w.value);
    const raw = conv2d(x, kernel!);
    const expected = Float32Array.from(raw.f32, (v, i) => Math.max(0, v + bias!.f32[i % 3]!));
    close(conv!.values, expected);
    close(pool!.values, maxPool2d(tensor(expected, [1, 6, 6, 3]), { poolSize: 2 }).f32);
  });

  it('runs functional models and leaves the input layer out', () => {
    const x = input({ shape: [4] });
    const h = layers.dense({ units: 3, activation: 'relu', name: 'hidden' }).apply(x);
    const y = layers.dense({ units: 2, name: 'out' }).apply(h);
    const net = model({ inputs: x, outputs: y });
    const acts = layerActivations(net, tensor([1, 2, 3, 4], [1, 4]));
    assert.deepEqual(acts.map((a) => a.layerName), ['hidden', 'out']);
    assert.deepEqual(acts[1]!.shape, [1, 2]);
  });

  it('reuses one probe model for many inputs', () => {
    const net = smallConvNet();
    const probe = activationModel(net);
    const a = layerActivations(net, images(1), probe);
    const b = layerActivations(net, images(1), probe);
    assert.deepEqual(a.at(-1)!.values, b.at(-1)!.values);
    assert.equal(probe.outputs.length, 4);
  });

  it('cuts one sample out of the batch for the pictures', () => {
    const net = smallConvNet();
    const acts = layerActivations(net, images(2));
    const second = sampleActivations(acts, 1);
    assert.deepEqual(second[0]!.shape, [6, 6, 3]);
    close(second[3]!.data, acts[3]!.values.subarray(4, 8));
    assert.throws(() => sampleActivations(acts, 2), /sample 2 is outside the batch of 2/);
  });
});
