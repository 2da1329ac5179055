import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LambdaCallback } from '../callbacks/lambda-callback.js';
import { dense } from '../layers/index.js';
import { sequential } from '../models/index.js';
import { tensor } from '../tensor/tensor.js';

function tiny() {
  const m = sequential([dense({ units: 2, activation: 'softmax', inputShape: [3] })]);
  m.compile({ optimizer: 'sgd', loss: 'sparse_categorical_crossentropy' });
  return m;
}

describe('training options', () => {
  const x = tensor([[1, 2, 3], [4, 5, 6]]);
  const y = tensor([0, 1]);

  it('refuses a snake_case fit option and names its camelCase spelling', async () => {
    await assert.rejects(tiny().fit(x, y, { batch_size: 8 } as never),
      /fit: unknown option 'batch_size' \(write it in camelCase: 'batchSize'\)/);
  });

  it('refuses a misspelt evaluate or predict option and lists the known ones', async () => {
    await assert.rejects(tiny().evaluate(x, y, { batchsize: 8 } as never),
      /evaluate: unknown option 'batchsize'; known options: batchSize/);
    await assert.rejects(tiny().predict(x, { verbos: 0 } as never), /predict: unknown option 'verbos'/);
  });

  it('refuses a negative or fractional epochs, naming the option and the value', async () => {
    const m = tiny();
    const before = m.getWeights().map((w) => Array.from(w.f32));
    await assert.rejects(m.fit(x, y, { epochs: -1, verbose: 0 }),
      /^ValueError: fit: epochs must be an integer >= 0 \(0 trains nothing\), got -1$/);
    await assert.rejects(m.fit(x, y, { epochs: 2.5, verbose: 0 }),
      /fit: epochs must be an integer >= 0 \(0 trains nothing\), got 2\.5$/);
    await assert.rejects(m.fit(x, y, { epochs: '3', verbose: 0 } as never),
      /fit: epochs must be an integer >= 0 \(0 trains nothing\), got "3"$/);
    await assert.rejects(m.fit(x, y, { epochs: NaN, verbose: 0 }), /fit: epochs .* got NaN$/);
    assert.deepEqual(m.getWeights().map((w) => Array.from(w.f32)), before);
    assert.equal(m.optimizer!.iterations, 0);
  });

  it('refuses a negative or fractional initialEpoch', async () => {
    await assert.rejects(tiny().fit(x, y, { epochs: 3, initialEpoch: -2, verbose: 0 }),
      /^ValueError: fit: initialEpoch must be an integer >= 0 \(the 0-based epoch to start at\), got -2$/);
    await assert.rejects(tiny().fit(x, y, { epochs: 3, initialEpoch: 0.5, verbose: 0 }),
      /fit: initialEpoch must be an integer >= 0 .*, got 0\.5$/);
  });

  it('trains nothing with epochs 0, and still runs the train begin and end hooks', async () => {
    const m = tiny();
    const before = m.getWeights().map((w) => Array.from(w.f32));
    const hooks: string[] = [];
    const history = await m.fit(x, y, { epochs: 0, verbose: 0, callbacks: [new LambdaCallback({
      onTrainBegin: () => { hooks.push('begin'); }, onEpochBegin: () => { hooks.push('epoch'); },
      onTrainEnd: () => { hooks.push('end'); } })] });
    assert.deepEqual(hooks, ['begin', 'end']);
    assert.deepEqual(history.epoch, []);
    assert.deepEqual(history.history, {});
    assert.deepEqual(m.getWeights().map((w) => Array.from(w.f32)), before);
    assert.equal(m.optimizer!.iterations, 0);
  });

  it('says compile needs a loss and an optimizer, with an example', () => {
    const m = sequential([dense({ units: 1, inputShape: [3] })]);
    assert.throws(() => m.compile({ optimizer: 'sgd' } as never), /compile: 'loss' is required, e\.g\./);
    assert.throws(() => m.compile({ loss: 'mse' } as never), /compile: 'optimizer' is required/);
  });

  it('names plain arrays given as inputs and shows how to wrap them', async () => {
    await assert.rejects(tiny().predict([[1, 2, 3]] as never),
      /inputs must be tensors, got a plain array of 3 items; wrap plain arrays with tensor/);
  });
});

describe('layer options', () => {
  it('refuses snake_case layer options and names the camelCase spelling', async () => {
    const { conv2d, maxPooling2d } = await import('../layers/index.js');
    assert.throws(() => maxPooling2d({ pool_size: [3, 3] } as never),
      /MaxPooling2D: unknown option 'pool_size' \(write it in camelCase: 'poolSize'\); known options: poolSize, strides, padding, name/);
    assert.throws(() => dense({ units: 3, input_shape: [8] } as never), /'inputShape'/);
    assert.throws(() => conv2d({ filters: 2, kernel_size: 3 } as never), /'kernelSize'/);
  });

  it('refuses misspelt camelCase options and lists the known ones', async () => {
    const { conv2d, dropout, flatten } = await import('../layers/index.js');
    assert.throws(() => conv2d({ filters: 2, kernelSize: 3, kernelInitialiser: 'zeros' } as never),
      /Conv2D: unknown option 'kernelInitialiser'; known options: filters, kernelSize, strides, padding, dilationRate, activation, useBias, kernelInitializer/);
    assert.throws(() => dense({ units: 3, activaton: 'relu' } as never), /Dense: unknown option 'activaton'/);
    assert.throws(() => dropout({ rate: 0.5, training: true } as never), /Dropout: unknown option 'training'/);
    assert.throws(() => flatten({ dataFormat: 'channels_first' } as never),
      /Flatten: unknown option 'dataFormat'; known options: name, trainable/);
  });

  it('still loads configs from newer Keras versions that carry options we do not take', async () => {
    const { Dense } = await import('../layers/dense.js');
    const layer = Dense.fromConfig({ name: 'd', units: 4, activation: 'relu', lora_rank: null,
      quantization_config: null });
    assert.equal(layer.units, 4);
  });

  it('checks input() and InputLayer options, taking Keras 2 and Keras 3 names', async () => {
    const { input, inputLayer } = await import('../layers/index.js');
    assert.throws(() => input({ inputShape: [10] } as never),
      /input: unknown option 'inputShape'; known options: shape, batchShape/);
    assert.throws(() => input({}), /input\(\) needs shape \(one sample, e.g. \[28, 28, 1\]\) or batchShape/);
    assert.deepEqual(inputLayer({ shape: [10] }).batchInputShape, [null, 10]);
    assert.deepEqual(inputLayer({ batchShape: [4, 10] }).batchInputShape, [4, 10]);
    assert.throws(() => inputLayer({ shap: [10] } as never), /InputLayer: unknown option 'shap'/);
  });

  it('says which required option is missing or wrong', async () => {
    const { conv2d } = await import('../layers/index.js');
    assert.throws(() => dense({} as never), /Dense 'dense(_\d+)?': units must be a positive integer, got nothing/);
    assert.throws(() => dense({ units: -3 }), /units must be a positive integer, got -3/);
    assert.throws(() => conv2d({ filters: 2 } as never), /kernelSize must be a positive integer or a pair of them, got nothing/);
  });
});
