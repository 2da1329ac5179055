import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EarlyStopping } from './early-stopping.js';
import { captureLog, FakeModel, runFakeFit } from './fake-training.js';

/** One scalar weight set to the epoch index; the epoch's loss comes from `losses`. */
async function train(losses: number[], stopper: EarlyStopping, epochs = losses.length) {
  const model = new FakeModel([-1]);
  let history: Awaited<ReturnType<typeof runFakeFit>> = [];
  const { messages, error } = await captureLog(async () => {
    history = await runFakeFit(model, [stopper], {
      epochs, steps: 2,
      afterBatch: (m, epoch) => { m.values = [epoch]; },
      batchLoss: (epoch) => losses[epoch]!,
    });
  });
  if (error !== undefined) throw error;
  return { model, history, messages: messages.map(([, m]) => m) };
}

describe('EarlyStopping', () => {
  it('restores the best weights when training ends by reaching epochs (BR-02)', async () => {
    const stopper = new EarlyStopping({ monitor: 'loss', patience: 10, restoreBestWeights: true,
      verbose: 1 });
    const { model, history, messages } = await train([5, 4, 3, 3.5, 3.6], stopper);
    assert.equal(history.length, 5);
    assert.equal(stopper.stoppedEpoch, 0);
    assert.deepEqual(model.values, [2]);
    assert.deepEqual(messages, ['Restoring model weights from the end of the best epoch: 3.']);
  });

  it('keeps the final weights when the best epoch is the last one', async () => {
    const stopper = new EarlyStopping({ monitor: 'loss', patience: 10, restoreBestWeights: true });
    const { model } = await train([5, 4, 3, 2, 1], stopper);
    assert.deepEqual(model.values, [4]);
    assert.equal(stopper.bestEpoch, 4);
  });

  it('stops when wait reaches patience and reports the epoch 1-based', async () => {
    const stopper = new EarlyStopping({ monitor: 'loss', patience: 3, verbose: 1,
      restoreBestWeights: true });
    const { model, history, messages } = await train([5, 4, 3, 3.5, 3.6, 3.7, 1, 1], stopper);
    assert.equal(history.length, 6);
    assert.equal(stopper.stoppedEpoch, 5);
    assert.deepEqual(model.values, [2]);
    assert.deepEqual(messages, ['Epoch 6: early stopping',
      'Restoring model weights from the end of the best epoch: 3.']);
  });

  it('stops at the first non-improving epoch with patience 0, keeping weights by default', async () => {
    const stopper = new EarlyStopping({ monitor: 'loss' });
    const { model, history, messages } = await train([5, 4, 4, 1], stopper);
    assert.equal(history.length, 3);
    assert.deepEqual(model.values, [2]);
    assert.deepEqual(messages, []);
  });

  it('counts improvements smaller than minDelta as none', async () => {
    const stopper = new EarlyStopping({ monitor: 'loss', minDelta: 0.5, patience: 1 });
    const { history } = await train([5, 4.8, 4.6, 4.4], stopper);
    assert.equal(history.length, 2);
  });

  it('maximises accuracy-like metrics in auto mode', async () => {
    assert.equal(new EarlyStopping({ monitor: 'val_accuracy' }).mode, 'max');
    assert.equal(new EarlyStopping({ monitor: 'val_auc' }).mode, 'max');
    assert.equal(new EarlyStopping({ monitor: 'val_loss' }).mode, 'min');
    assert.equal(new EarlyStopping({ monitor: 'val_loss', mode: 'max' }).mode, 'max');
    assert.throws(() => new EarlyStopping({ mode: 'up' as 'max' }), /mode 'up'/);
  });

  it('does not restart the wait for improvements that miss the baseline', async () => {
    const losses = [5, 4, 4, 4, 4, 4];
    const withBaseline = await train(losses, new EarlyStopping({ monitor: 'loss', baseline: 1,
      patience: 2 }));
    assert.equal(withBaseline.history.length, 3);
    const without = await train(losses, new EarlyStopping({ monitor: 'loss', patience: 2 }));
    assert.equal(without.history.length, 4);
  });

  it('ignores epochs before startFromEpoch', async () => {
    const stopper = new EarlyStopping({ monitor: 'loss', startFromEpoch: 3 });
    const { history } = await train([1, 2, 3, 4, 5, 6], stopper);
    assert.equal(history.length, 5);
  });

  it('warns with the available keys when the monitor is missing, and goes on', async () => {
    const stopper = new EarlyStopping({ patience: 0 });
    const { history, messages } = await train([5, 6, 7], stopper);
    assert.equal(history.length, 3);
    assert.equal(messages.length, 3);
    assert.match(messages[0]!, /`val_loss` which is not available\. Available metrics are: loss/);
  });
});
