import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { captureLog, FakeModel, runFakeFit } from './fake-training.js';
import { LearningRateScheduler } from './learning-rate-scheduler.js';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau.js';

describe('LearningRateScheduler', () => {
  it('sets the rate from the schedule each epoch and logs it as learning_rate', async () => {
    const model = new FakeModel([1]);
    model.learningRate = 0.1;
    const seen: number[] = [];
    const { messages } = await captureLog(async () => {
      const history = await runFakeFit(model, [new LearningRateScheduler(
        (epoch, lr) => (epoch === 0 ? lr : lr / 2), { verbose: 1 })], {
        epochs: 3, steps: 2, afterBatch: (m) => { seen.push(m.learningRate); } });
      assert.deepEqual(history.map((h) => h.learning_rate), [0.1, 0.05, 0.025]);
    });
    assert.deepEqual(seen, [0.1, 0.1, 0.05, 0.05, 0.025, 0.025]);
    assert.deepEqual(messages.map(([, m]) => m), [
      'Epoch 1: LearningRateScheduler setting learning rate to 0.1.',
      'Epoch 2: LearningRateScheduler setting learning rate to 0.05.',
      'Epoch 3: LearningRateScheduler setting learning rate to 0.025.']);
  });

  it('rejects a schedule that returns something other than a finite number', async () => {
    await assert.rejects(runFakeFit(new FakeModel([1]), [new LearningRateScheduler(() => NaN)],
      { epochs: 1, steps: 1 }), /must return a finite number; at epoch 0 it returned NaN/);
  });
});

describe('ReduceLROnPlateau', () => {
  it('reduces after patience epochs, cools down, and stops at minLr', async () => {
    const model = new FakeModel([1]);
    const history = await runFakeFit(model, [new ReduceLROnPlateau({ factor: 0.5, patience: 2,
      cooldown: 1, minLr: 0.002 })], { epochs: 9, steps: 1, validation: () => ({ val_loss: 1 }) });
    assert.deepEqual(history.map((h) => h.learning_rate),
      [0.01, 0.01, 0.01, 0.005, 0.005, 0.0025, 0.0025, 0.002, 0.002]);
    assert.equal(model.learningRate, 0.002);
  });

  it('restarts the count when the metric improves by more than minDelta', async () => {
    const model = new FakeModel([1]);
    // epoch 3 gains less than minDelta (wait 1), epoch 4 improves (wait 0), 5 and 6 do not
    const acc = [0.5, 0.6, 0.60001, 0.7, 0.7, 0.7];
    const { messages } = await captureLog(() => runFakeFit(model, [new ReduceLROnPlateau({
      monitor: 'val_accuracy', patience: 2, verbose: 1 })], {
      epochs: 6, steps: 1, validation: (e) => ({ val_accuracy: acc[e]! }) }));
    assert.deepEqual(messages.map(([, m]) => m), [
      'Epoch 6: ReduceLROnPlateau reducing learning rate to 0.001.']);
  });

  it('warns about a missing monitor and leaves the rate alone', async () => {
    const model = new FakeModel([1]);
    const { messages } = await captureLog(() => runFakeFit(model,
      [new ReduceLROnPlateau({ patience: 0 })], { epochs: 2, steps: 1 }));
    assert.equal(model.learningRate, 0.01);
    assert.equal(messages.length, 2);
    assert.match(messages[0]![1], /`val_loss` which is not available\. Available metrics are: loss, learning_rate/);
  });

  it('refuses a factor of 1 or more', () => {
    assert.throws(() => new ReduceLROnPlateau({ factor: 1 }), /factor >= 1\.0\. Received factor=1/);
  });
});
