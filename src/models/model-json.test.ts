import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import * as layers from '../layers/index.js';
import { input, resetNames } from '../layers/index.js';
import * as regularizers from '../regularizers/index.js';
import { Tensor, tensor } from '../tensor/tensor.js';
import { model } from './model.js';
import { modelFromJSON } from './model-from-json.js';
import { sequential } from './sequential.js';

describe('model_config JSON and layer configs', () => {
  beforeEach(() => resetNames());

  it('writes the tf.keras 2 Sequential config with the InputLayer first', () => {
    const m = sequential([
      layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
      layers.maxPooling2d(),
    ]);
    const json = m.toJSON();
    assert.equal(json.class_name, 'Sequential');
    assert.equal(json.config.name, 'sequential');
    assert.deepEqual(json.config.layers[0], { class_name: 'InputLayer', config: {
      batch_input_shape: [null, 28, 28, 1], dtype: 'float32', sparse: false, ragged: false, name: 'conv2d_input' } });
    const conv = json.config.layers[1]!.config;
    assert.deepEqual({ ...conv }, {
      name: 'conv2d', trainable: true, dtype: 'float32', batch_input_shape: [null, 28, 28, 1],
      filters: 32, kernel_size: [3, 3], strides: [1, 1], padding: 'valid', data_format: 'channels_last',
      dilation_rate: [1, 1], groups: 1, activation: 'relu', use_bias: true,
      kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
      bias_initializer: { class_name: 'Zeros', config: {} },
      kernel_regularizer: null, bias_regularizer: null, activity_regularizer: null,
      kernel_constraint: null, bias_constraint: null,
    });
    assert.deepEqual(json.config.layers[2], { class_name: 'MaxPooling2D', config: { name: 'max_pooling2d',
      trainable: true, dtype: 'float32', pool_size: [2, 2], padding: 'valid', strides: [2, 2],
      data_format: 'channels_last' } });
  });

  it('rebuilds a Sequential model that computes the same outputs', () => {
    const m = sequential([
      layers.dense({ units: 4, activation: 'tanh', inputShape: [3], kernelRegularizer: regularizers.l2(0.01) }),
      layers.batchNormalization(),
      layers.dense({ units: 2, activation: 'softmax' }),
    ]);
    const copy = modelFromJSON(JSON.stringify(m.toJSON()));
    copy.setWeights(m.getWeights());
    const x = tensor([[0.1, 0.2, 0.3], [1, -1, 0.5]]);
    assert.deepEqual(Array.from((copy.apply(x) as Tensor).f32), Array.from((m.apply(x) as Tensor).f32));
    assert.deepEqual(copy.toJSON(), m.toJSON());
  });

  it('writes and reads functional graphs with inbound_nodes, including Add and Concatenate', () => {
    const x = input({ shape: [4] });
    const a = layers.dense({ units: 3 }).apply(x);
    const b = layers.dense({ units: 3 }).apply(x);
    const s = layers.add().apply([a, b]);
    const c = layers.concatenate().apply([s, a]);
    const m = model({ inputs: x, outputs: c });
    const json = m.toJSON();
    assert.equal(json.class_name, 'Functional');
    const addLayer = json.config.layers.find((l) => l.class_name === 'Add')!;
    assert.deepEqual(addLayer.inbound_nodes, [[['dense', 0, 0, {}], ['dense_1', 0, 0, {}]]]);
    assert.deepEqual(json.config.input_layers, [['input_1', 0, 0]]);
    assert.deepEqual(json.config.output_layers, [['concatenate', 0, 0]]);
    const copy = modelFromJSON(json);
    copy.setWeights(m.getWeights());
    const input1 = tensor([[1, 2, 3, 4]]);
    assert.deepEqual(Array.from((copy.apply(input1) as Tensor).f32), Array.from((m.apply(input1) as Tensor).f32));
    assert.deepEqual((m.apply(input1) as Tensor).shape, [1, 6]);
    assert.match(m.summary(() => {}), /add \(Add\) +\(None, 3\) +0 +dense\[0\]\[0\]\s+\n +dense_1\[0\]\[0\]/);
  });

  it('gives every layer activation as a sub-model with several outputs', () => {
    const m = sequential([layers.dense({ units: 3, activation: 'relu', inputShape: [2] }),
      layers.dense({ units: 1 })]);
    const probe = model({ inputs: m.inputs, outputs: m.layers.map((l) => l.output) });
    const outs = probe.apply(tensor([[1, 2]])) as Tensor[];
    assert.deepEqual(outs.map((o) => o.shape), [[1, 3], [1, 1]]);
  });

  it('names Keras weights and numbers layers per class', () => {
    const m = sequential([layers.conv2d({ filters: 2, kernelSize: 3, inputShape: [5, 5, 1] }),
      layers.batchNormalization(), layers.conv2d({ filters: 2, kernelSize: 3 })]);
    assert.deepEqual(m.weights.map((w) => w.name), ['conv2d/kernel:0', 'conv2d/bias:0',
      'batch_normalization/gamma:0', 'batch_normalization/beta:0', 'conv2d_1/kernel:0', 'conv2d_1/bias:0',
      'batch_normalization/moving_mean:0', 'batch_normalization/moving_variance:0']);
  });

  it('lists the known activations for an unknown one', () => {
    assert.throws(() => layers.dense({ units: 2, activation: 'relu7' }),
      /unknown activation 'relu7'; known: linear, relu, sigmoid, tanh, softmax/);
  });

  it('adds the l2 penalty (0.01 * sum(w²)) to the training loss', async () => {
    const m = sequential([layers.dense({ units: 1, inputShape: [1], useBias: false,
      kernelInitializer: 'ones', kernelRegularizer: regularizers.l2(0.01) })]);
    m.compile({ optimizer: 'sgd', loss: 'mse' });
    const x = tensor([[1], [2]]);
    const loss = await m.evaluate(x, x) as number;
    assert.ok(Math.abs(loss - 0.01) < 1e-7, String(loss));
  });
});
