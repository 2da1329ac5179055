import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mnistSlice } from '../io/h5/mnist-fixture.js';
import * as layers from '../layers/index.js';
import { resetNames } from '../layers/index.js';
import { setSeed } from '../tensor/random.js';
import { Tensor } from '../tensor/tensor.js';
import { sequential } from './sequential.js';

describe('the lecture MLP on real MNIST', () => {
  it('learns well above chance in 3 epochs, and evaluate agrees with predict', async () => {
    resetNames();
    setSeed(123);
    const train = mnistSlice('train', 0, 2000, [784], 'onehot');
    const test = mnistSlice('t10k', 0, 500, [784], 'onehot');
    const network = sequential();
    network.add(layers.dense({ units: 32, activation: 'relu', inputShape: [784] }));
    network.add(layers.dense({ units: 10, activation: 'softmax' }));
    network.compile({ optimizer: 'rmsprop', loss: 'categorical_crossentropy', metrics: ['accuracy'] });

    const history = await network.fit(train.x, train.y, { epochs: 3, batchSize: 32, verbose: 0 });
    const losses = history.history.loss!;
    assert.equal(losses.length, 3);
    assert.ok(losses[2]! < losses[0]!, JSON.stringify(history.history));

    const [loss, accuracy] = await network.evaluate(test.x, test.y) as number[];
    assert.ok(accuracy! > 0.8, `test accuracy ${accuracy}`);
    assert.ok(Number.isFinite(loss));

    const probs = await network.predict(test.x) as Tensor;
    assert.deepEqual(probs.shape, [500, 10]);
    let hits = 0;
    for (let i = 0; i < 500; i++) {
      const row = probs.f32.subarray(i * 10, i * 10 + 10);
      if (row.indexOf(Math.max(...row)) === test.labels[i]) hits++;
    }
    assert.ok(Math.abs(hits / 500 - accuracy!) < 1e-9, `${hits / 500} vs ${accuracy}`);
  });
});
