import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
});
