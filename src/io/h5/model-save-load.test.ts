import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IoError, NotSupportedError } from '../../errors.js';
import * as layers from '../../layers/index.js';
import { resetNames } from '../../layers/index.js';
import type { Model } from '../../models/model.js';
import { sequential } from '../../models/sequential.js';
import { setSeed } from '../../tensor/random.js';
import { BatchLosses } from '../../testing/batch-losses.js';
import type { Tensor } from '../../tensor/tensor.js';
import type { OptimizerIdentifier } from '../../optimizers/index.js';
import { mnistSlice } from './mnist-fixture.js';
import { loadModel } from './model-files.js';
import { loadModelFromBuffer, saveModelToBuffer } from './model-io.js';
import { writeKerasH5 } from './write-keras-h5.js';

const dir = mkdtempSync(join(tmpdir(), 'save-load-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// The lecture's models, small enough to train for a moment on a few hundred digits.
function convnet(): Model {
  return sequential([
    layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
    layers.maxPooling2d({ poolSize: 2 }),
    layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
    layers.maxPooling2d({ poolSize: 2 }),
    layers.flatten(),
    layers.dense({ units: 64, activation: 'relu' }),
    layers.dense({ units: 10, activation: 'softmax' }),
  ]);
}

function mlp(units = 512): Model {
  return sequential([
    layers.flatten({ inputShape: [28, 28, 1] }),
    layers.dense({ units, activation: 'relu' }),
    layers.dropout({ rate: 0.2 }),
    layers.dense({ units: 10, activation: 'softmax' }),
  ]);
}

function bnConvnet(): Model {
  return sequential([
    layers.conv2d({ filters: 8, kernelSize: 3, useBias: false, inputShape: [28, 28, 1] }),
    layers.batchNormalization(),
    layers.activation({ activation: 'relu' }),
    layers.maxPooling2d({ poolSize: 2 }),
    layers.flatten(),
    layers.dense({ units: 10, activation: 'softmax' }),
  ]);
}

const train = mnistSlice('train', 0, 256, [28, 28, 1], 'onehot');
const test = mnistSlice('t10k', 0, 200, [28, 28, 1], 'onehot');

async function trained(make: () => Model, optimizer: OptimizerIdentifier = 'rmsprop'): Promise<Model> {
  resetNames();
  setSeed(7);
  const model = make();
  model.compile({ optimizer, loss: 'categorical_crossentropy', metrics: ['accuracy'] });
  await model.fit(train.x, train.y, { epochs: 1, batchSize: 32, verbose: 0 });
  return model;
}

function bits(t: Tensor): number[] {
  return [...new Uint32Array(Float32Array.from(t.f32).buffer)];
}

describe('model.save and loadModel on the lecture models', () => {
  for (const [name, make] of [['MNIST ConvNet', convnet], ['Dense512 MLP', () => mlp()],
    ['BatchNormalization ConvNet', bnConvnet]] as const) {
    it(`${name}: same predictions (bit for bit) and evaluate results after a round trip`, async () => {
      const model = await trained(make);
      const path = join(dir, `${name.replace(/\W/g, '-')}.h5`);
      await model.save(path);
      const again = await loadModel(path);

      assert.equal(again.className, 'Sequential');
      assert.deepEqual(again.layers.map((l) => l.name), model.layers.map((l) => l.name));
      assert.deepEqual(bits(await again.predict(test.x) as Tensor),
        bits(await model.predict(test.x) as Tensor));
      const before = await model.evaluate(test.x, test.y, { returnDict: true });
      const after = await again.evaluate(test.x, test.y, { returnDict: true });
      assert.deepEqual(after, before);
      assert.ok(before['accuracy']! > 0.3, `trained a little: ${JSON.stringify(before)}`);

      const optimizer = again.requireCompiled('fit').optimizer;
      assert.equal(optimizer.className, 'RMSprop');
      assert.equal(optimizer.iterations, 8);
      assert.equal(again.trainingConfig()?.['loss'], 'categorical_crossentropy');
    });
  }

  it('round-trips through bytes, without the file system', async () => {
    const model = await trained(bnConvnet);
    const again = await loadModelFromBuffer(await saveModelToBuffer(model));
    assert.deepEqual(bits(await again.predict(test.x) as Tensor),
      bits(await model.predict(test.x) as Tensor));
    assert.deepEqual(again.getWeights().map(bits), model.getWeights().map(bits));
  });
});

describe('training resumes where it stopped', () => {
  const x = train.x, y = train.y;
  const fresh = (optimizer: OptimizerIdentifier): Model => {
    resetNames();
    setSeed(3);
    const model = mlp(32);
    model.compile({ optimizer, loss: 'categorical_crossentropy', metrics: ['accuracy'] });
    return model;
  };

  async function thirdEpoch(optimizer: string, includeOptimizer: boolean): Promise<[number[], number[]]> {
    const straight = new BatchLosses(2, 1);
    await fresh(optimizer).fit(x, y, { epochs: 3, batchSize: 32, verbose: 0, callbacks: [straight] });

    const first = fresh(optimizer);
    await first.fit(x, y, { epochs: 2, batchSize: 32, verbose: 0 });
    const path = join(dir, `resume-${optimizer}.h5`);
    await first.save(path, { includeOptimizer });
    const resumed = await loadModel(path);
    setSeed(99);
    const later = new BatchLosses(2);
    await resumed.fit(x, y, { epochs: 3, initialEpoch: 2, batchSize: 32, verbose: 0, callbacks: [later] });
    return [straight.losses, later.losses];
  }

  for (const optimizer of ['rmsprop', 'adam', 'sgd']) {
    it(`${optimizer}: the third epoch's losses match an uninterrupted run`, async () => {
      const [straight, resumed] = await thirdEpoch(optimizer, true);
      assert.equal(resumed.length, 8);
      resumed.forEach((loss, i) => assert.ok(Math.abs(loss - straight[i]!) <= 1e-6 * straight[i]!,
        `batch ${i}: ${loss} vs ${straight[i]}`));
    });
  }

  it('rmsprop: without the optimizer state, the third epoch differs', async () => {
    const [straight, resumed] = await thirdEpoch('rmsprop', false);
    // The first batch's loss comes before its update; the second shows the fresh optimizer.
    assert.equal(resumed[0], straight[0]);
    assert.ok(Math.abs(resumed[1]! - straight[1]!) > 1e-4, `${resumed[1]} vs ${straight[1]}`);
  });
});

describe('loadModel refuses bad files clearly', () => {
  it('a weights-only file: suggests loadWeights', async () => {
    const path = join(dir, 'only.weights.h5');
    await (await trained(bnConvnet)).saveWeights(path);
    await assert.rejects(loadModel(path), (e: Error) => e instanceof IoError &&
      e.message.startsWith(`${path}: this file holds weights only`) &&
      e.message.includes(`loadWeights(model, '${path}')`));
  });

  it('a Lambda layer: one error naming it, and nothing is built', async () => {
    resetNames();
    const model = mlp(8);
    const config = model.toJSON();
    config.config.layers.splice(2, 0, { class_name: 'Lambda', config: { name: 'lambda',
      function: ['4wEAAAAAAAAAAAAAAAEAAAACAAAAQwAAAHMIAAAAfABkARQAUwApAk7pAgAAAKkAKQHaAXhyAgAAAHICAAAA', null, null],
      function_type: 'lambda' } });
    const path = join(dir, 'lambda.h5');
    await writeKerasH5(path, { modelConfig: config as unknown as Record<string, unknown>,
      layers: [] });
    await assert.rejects(loadModel(path), (e: Error) => e instanceof NotSupportedError &&
      e.message.startsWith(`${path}: unsupported layer class: Lambda ('lambda')`) &&
      e.message.includes('Nothing from the file is executed'));
  });

  it('a truncated file: the error names the file', async () => {
    const path = join(dir, 'whole.h5');
    await (await trained(bnConvnet)).save(path);
    const cut = join(dir, 'cut.h5');
    const bytes = readFileSync(path);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await assert.rejects(loadModel(cut), (e: Error) => e instanceof IoError &&
      e.message.startsWith(`${cut}: corrupt or truncated HDF5 file`));
  });
});
