import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { captureLog, FakeModel, runFakeFit } from './fake-training.js';
import { LambdaCallback } from './lambda-callback.js';
import { TerminateOnNaN } from './terminate-on-nan.js';

function recorder(events: string[]): LambdaCallback {
  return new LambdaCallback({
    onEpochBegin: (e) => { events.push(`epochBegin ${e}`); },
    onBatchEnd: (b) => { events.push(`batch ${b}`); },
    onEpochEnd: (e, logs) => { events.push(`epochEnd ${e} loss=${logs.loss} val=${logs.val_loss}`); },
    onTrainEnd: () => { events.push('trainEnd'); },
  });
}

describe('TerminateOnNaN', () => {
  for (const bad of [NaN, Infinity]) {
    it(`stops gracefully after the first ${bad} batch loss (BR-09)`, async () => {
      const events: string[] = [];
      const model = new FakeModel([1]);
      let history: Array<Record<string, number>> = [];
      const { messages } = await captureLog(async () => {
        history = await runFakeFit(model, [new TerminateOnNaN(), recorder(events)], {
          epochs: 3, steps: 10, batchLoss: (epoch, batch) => (epoch === 0 && batch === 3 ? bad : 1),
          validation: () => ({ val_loss: 0.5 }),
        });
      });
      assert.equal(model.stopTraining, true);
      assert.deepEqual(messages, [['warn', 'Batch 3: Invalid loss, terminating training']]);
      assert.deepEqual(events, ['epochBegin 0', 'batch 0', 'batch 1', 'batch 2', 'batch 3',
        `epochEnd 0 loss=${bad} val=0.5`, 'trainEnd']);
      assert.equal(history.length, 1);
      assert.ok(!Number.isFinite(history[0]!.loss!));
    });
  }

  it('throws at once with raiseError, before later callbacks run', async () => {
    const events: string[] = [];
    await assert.rejects(runFakeFit(new FakeModel([1]), [new TerminateOnNaN({ raiseError: true }),
      recorder(events)], { epochs: 3, steps: 10,
      batchLoss: (epoch, batch) => (batch === 3 ? NaN : 1) }),
    /^ValueError: NaN or Inf loss encountered at batch 3\. Stopping training\./);
    assert.deepEqual(events, ['epochBegin 0', 'batch 0', 'batch 1', 'batch 2']);
  });

  it('lets finite losses and logs without loss pass', async () => {
    const model = new FakeModel([1]);
    const stopper = new TerminateOnNaN();
    stopper.setModel(model);
    stopper.onTrainBatchEnd(0, { loss: 1e30 });
    stopper.onTrainBatchEnd(1, {});
    assert.equal(model.stopTraining, false);
  });
});
