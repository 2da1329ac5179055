import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import * as layers from '../layers/index.js';
import { input, resetNames } from '../layers/index.js';
import { model } from './model.js';
import { sequential } from './sequential.js';

function rowsOf(text: string): string[] {
  return text.split('\n').map((l) => l.trimEnd());
}

describe('summary of the lecture models', () => {
  beforeEach(() => resetNames());

  it('prints the MLP Dense(32) + Dense(10) with 25,450 params (functional, with the input row)', () => {
    const x = input({ shape: [784] });
    const h = layers.dense({ units: 32, activation: 'relu' }).apply(x);
    const y = layers.dense({ units: 10, activation: 'softmax' }).apply(h);
    const text = model({ inputs: x, outputs: y }).summary(() => {});
    assert.deepEqual(rowsOf(text), [
      'Model: "model"',
      '_'.repeat(65),
      'Layer (type)                 Output Shape              Param #',
      '='.repeat(65),
      'input_1 (InputLayer)         [(None, 784)]             0',
      '_'.repeat(65),
      'dense (Dense)                (None, 32)                25120',
      '_'.repeat(65),
      'dense_1 (Dense)              (None, 10)                330',
      '='.repeat(65),
      'Total params: 25,450',
      'Trainable params: 25,450',
      'Non-trainable params: 0',
      '_'.repeat(65),
    ]);
  });

  it('prints Flatten + Dense(512) + Dropout + Dense(10) with 407,050 params', () => {
    const m = sequential([
      layers.flatten({ inputShape: [784] }),
      layers.dense({ units: 512, activation: 'relu' }),
      layers.dropout({ rate: 0.2 }),
      layers.dense({ units: 10, activation: 'softmax' }),
    ]);
    const text = m.summary(() => {});
    assert.ok(text.startsWith('Model: "sequential"\n'));
    assert.match(text, /flatten \(Flatten\) {12}\(None, 784\) {15}0/);
    assert.match(text, /dense \(Dense\) {16}\(None, 512\) {15}401920/);
    assert.match(text, /dropout \(Dropout\) {12}\(None, 512\) {15}0/);
    assert.match(text, /Total params: 407,050\nTrainable params: 407,050\nNon-trainable params: 0/);
  });

  it('prints the MNIST ConvNet with 93,322 params and its output shapes', () => {
    const m = sequential();
    m.add(layers.conv2d({ filters: 32, kernelSize: [3, 3], activation: 'relu', inputShape: [28, 28, 1] }));
    m.add(layers.maxPooling2d({ poolSize: [2, 2] }));
    m.add(layers.conv2d({ filters: 64, kernelSize: [3, 3], activation: 'relu' }));
    m.add(layers.maxPooling2d({ poolSize: [2, 2] }));
    m.add(layers.conv2d({ filters: 64, kernelSize: [3, 3], activation: 'relu' }));
    m.add(layers.flatten());
    m.add(layers.dense({ units: 64, activation: 'relu' }));
    m.add(layers.dense({ units: 10, activation: 'softmax' }));
    const rows = rowsOf(m.summary(() => {})).filter((r) => r.includes('(None'));
    assert.deepEqual(rows, [
      'conv2d (Conv2D)              (None, 26, 26, 32)        320',
      'max_pooling2d (MaxPooling2D) (None, 13, 13, 32)        0',
      'conv2d_1 (Conv2D)            (None, 11, 11, 64)        18496',
      'max_pooling2d_1 (MaxPooling2 (None, 5, 5, 64)          0',
      'conv2d_2 (Conv2D)            (None, 3, 3, 64)          36928',
      'flatten (Flatten)            (None, 576)               0',
      'dense (Dense)                (None, 64)                36928',
      'dense_1 (Dense)              (None, 10)                650',
    ]);
    assert.equal(m.countParams(), 93322);
    assert.match(m.summary(() => {}), /Total params: 93,322\nTrainable params: 93,322\nNon-trainable params: 0/);
  });

  it('prints the 150x150x3 cats-vs-dogs ConvNet with 3,453,121 params', () => {
    const m = sequential([
      layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [150, 150, 3] }),
      layers.maxPooling2d(),
      layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
      layers.maxPooling2d(),
      layers.conv2d({ filters: 128, kernelSize: 3, activation: 'relu' }),
      layers.maxPooling2d(),
      layers.conv2d({ filters: 128, kernelSize: 3, activation: 'relu' }),
      layers.maxPooling2d(),
      layers.flatten(),
      layers.dense({ units: 512, activation: 'relu' }),
      layers.dense({ units: 1, activation: 'sigmoid' }),
    ]);
    const text = m.summary(() => {});
    const shapes = m.layers.map((l) => String(l.outputShape));
    assert.deepEqual(shapes, [',148,148,32', ',74,74,32', ',72,72,64', ',36,36,64', ',34,34,128',
      ',17,17,128', ',15,15,128', ',7,7,128', ',6272', ',512', ',1']);
    assert.deepEqual(m.layers.map((l) => l.countParams()), [896, 0, 18496, 0, 73856, 0, 147584, 0, 0, 3211776, 513]);
    assert.match(text, /Total params: 3,453,121\nTrainable params: 3,453,121\nNon-trainable params: 0/);
  });

  it('prints the BatchNormalization model with 108,001 params, 320 non-trainable', () => {
    const block = (filters: number, first: boolean, n: number): layers.Layer[] => [
      layers.conv2d({ filters, kernelSize: 3, padding: 'same', name: `conv2D_${n}`,
        ...(first ? { inputShape: [100, 16, 1] } : {}) }),
      layers.batchNormalization({ name: `batch_norm_${n}` }),
      layers.activation({ activation: 'relu', name: `activ_relu_${n}` }),
      layers.maxPooling2d({ poolSize: 2, name: `maxPool_${n}` }),
    ];
    const m = sequential([
      ...block(64, true, 1), ...block(64, false, 2), ...block(32, false, 3),
      layers.flatten(),
      layers.dense({ units: 64, activation: 'relu', name: 'fully_conn_1' }),
      layers.dropout({ rate: 0.5, name: 'dropout_1' }),
      layers.dense({ units: 32, activation: 'relu', name: 'fully_conn_2' }),
      layers.dropout({ rate: 0.5, name: 'dropout_2' }),
      layers.dense({ units: 1, activation: 'sigmoid', name: 'fully_conn_3' }),
    ]);
    const rows = rowsOf(m.summary(() => {}));
    assert.ok(rows.includes('batch_norm_1 (BatchNormaliza (None, 100, 16, 64)       256'), rows.join('\n'));
    assert.ok(rows.includes('conv2D_1 (Conv2D)            (None, 100, 16, 64)       640'));
    assert.ok(rows.includes('maxPool_3 (MaxPooling2D)     (None, 12, 2, 32)         0'));
    assert.ok(rows.includes('flatten (Flatten)            (None, 768)               0'));
    assert.ok(rows.includes('fully_conn_1 (Dense)         (None, 64)                49216'));
    assert.deepEqual(rows.slice(-4, -1), ['Total params: 108,001', 'Trainable params: 107,681',
      'Non-trainable params: 320']);
  });
});
