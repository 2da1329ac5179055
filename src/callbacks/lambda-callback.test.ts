import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as layers from '../layers/index.js';
import { sequential } from '../models/sequential.js';
import { tensor } from '../tensor/tensor.js';
import { FakeModel, runFakeFit } from './fake-training.js';
import { LambdaCallback } from './lambda-callback.js';

describe('LambdaCallback', () => {
  it('calls each given function at its hook, in training order, awaiting async ones', async () => {
    const calls: string[] = [];
    const cb = new LambdaCallback({
      onTrainBegin: () => { calls.push('trainBegin'); },
      onEpochBegin: (e) => { calls.push(`epochBegin ${e}`); },
      onBatchBegin: (b) => { calls.push(`batchBegin ${b}`); },
      onBatchEnd: async (b, logs) => {
        await new Promise((r) => setImmediate(r));
        calls.push(`batchEnd ${b} ${logs.loss}`);
      },
      onEpochEnd: (e, logs) => { calls.push(`epochEnd ${e} ${logs.loss}`); },
      onTrainEnd: () => { calls.push('trainEnd'); },
    });
    await runFakeFit(new FakeModel([1]), [cb], { epochs: 2, steps: 2, batchLoss: (e, b) => e + b });
    assert.deepEqual(calls, ['trainBegin',
      'epochBegin 0', 'batchBegin 0', 'batchEnd 0 0', 'batchBegin 1', 'batchEnd 1 0.5', 'epochEnd 0 0.5',
      'epochBegin 1', 'batchBegin 0', 'batchEnd 0 1', 'batchBegin 1', 'batchEnd 1 1.5', 'epochEnd 1 1.5',
      'trainEnd']);
  });

  it('does nothing for hooks that were not given', async () => {
    const history = await runFakeFit(new FakeModel([1]), [new LambdaCallback()], { epochs: 1, steps: 1 });
    assert.deepEqual(history, [{ loss: 1 }]);
  });

  it('calls onTrainBatchBegin and onTrainBatchEnd, Keras 3 names of the batch hooks', async () => {
    const calls: string[] = [];
    const cb = new LambdaCallback({
      onTrainBatchBegin: (b) => { calls.push(`begin ${b}`); },
      onTrainBatchEnd: (b, logs) => { calls.push(`end ${b} ${logs.loss}`); },
    });
    await runFakeFit(new FakeModel([1]), [cb], { epochs: 1, steps: 2, batchLoss: (_, b) => b });
    assert.deepEqual(calls, ['begin 0', 'end 0 0', 'begin 1', 'end 1 0.5']);
  });

  it('calls the evaluate and predict hooks of a real model, each once', async () => {
    const m = sequential([layers.dense({ units: 1, inputShape: [1] })]);
    m.compile({ optimizer: 'sgd', loss: 'mse' });
    const x = tensor([[1], [2], [3]]);
    const calls: string[] = [];
    const cb = new LambdaCallback({
      onTestBegin: () => { calls.push('testBegin'); },
      onTestBatchBegin: (b) => { calls.push(`testBatchBegin ${b}`); },
      onTestBatchEnd: (b) => { calls.push(`testBatchEnd ${b}`); },
      onTestEnd: (logs) => { calls.push(`testEnd ${typeof logs.loss}`); },
      onPredictBegin: () => { calls.push('predictBegin'); },
      onPredictBatchBegin: (b) => { calls.push(`predictBatchBegin ${b}`); },
      onPredictBatchEnd: (b) => { calls.push(`predictBatchEnd ${b}`); },
      onPredictEnd: () => { calls.push('predictEnd'); },
      onBatchEnd: () => { calls.push('train batch'); },
    });
    await m.evaluate(x, x, { batchSize: 2, callbacks: [cb] });
    await m.predict(x, { batchSize: 3, callbacks: [cb] });
    assert.deepEqual(calls, ['testBegin', 'testBatchBegin 0', 'testBatchEnd 0', 'testBatchBegin 1',
      'testBatchEnd 1', 'testEnd number', 'predictBegin', 'predictBatchBegin 0', 'predictBatchEnd 0',
      'predictEnd']);
  });

  it('refuses an older and a newer name of the same hook together', () => {
    assert.throws(() => new LambdaCallback({ onBatchEnd: () => {}, onTrainBatchEnd: () => {} }),
      /LambdaCallback: give onBatchEnd or onTrainBatchEnd, not both; onBatchEnd is Keras' older name/);
    assert.throws(() => new LambdaCallback({ onBatchBegin: () => {}, onTrainBatchBegin: () => {} }),
      /give onBatchBegin or onTrainBatchBegin, not both/);
  });

  it('refuses unknown hook names and hooks that are not functions', () => {
    assert.throws(() => new LambdaCallback({ on_epoch_end: () => {} } as never),
      /LambdaCallback: unknown option 'on_epoch_end' \(write it in camelCase: 'onEpochEnd'\)/);
    assert.throws(() => new LambdaCallback({ onEpochEnds: () => {} } as never),
      /LambdaCallback: unknown option 'onEpochEnds'; known options: onTrainBegin, onTrainEnd,/);
    assert.throws(() => new LambdaCallback({ onEpochEnd: 'print' } as never),
      /LambdaCallback: onEpochEnd must be a function, got string/);
  });
});
