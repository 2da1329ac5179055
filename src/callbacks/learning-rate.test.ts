import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ValueError } from '../errors.js';
import * as layers from '../layers/index.js';
import { sequential } from '../models/sequential.js';
import { SGD } from '../optimizers/index.js';
import { CosineDecay, ExponentialDecay } from '../optimizers/schedules.js';
import { tensor } from '../tensor/tensor.js';
import type { Callback } from './callback.js';
import { CSVLogger } from './csv-logger.js';
import { captureLog, FakeModel, runFakeFit } from './fake-training.js';
import { LambdaCallback } from './lambda-callback.js';
import { LearningRateScheduler } from './learning-rate-scheduler.js';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau.js';
import { TensorBoard } from './tensorboard.js';

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

describe('rate-setting callbacks and learning-rate schedules', () => {
  it('refuse a model whose rate follows a schedule, naming the callback and the schedule', () => {
    const model = new FakeModel([1]);
    model.learningRateSchedule = 'ExponentialDecay';
    assert.throws(() => new ReduceLROnPlateau().checkModel(model), (error: unknown) => {
      assert.ok(error instanceof ValueError);
      assert.equal(error.message, 'ReduceLROnPlateau cannot change the learning rate: the ' +
        'optimizer follows a schedule (ExponentialDecay). Build the optimizer with a number as ' +
        'learningRate to let ReduceLROnPlateau change it, or leave ReduceLROnPlateau out and ' +
        'let the schedule set the rate.');
      return true;
    });
    assert.throws(() => new LearningRateScheduler((_, lr) => lr).checkModel(model),
      /^ValueError: LearningRateScheduler cannot change the learning rate: the optimizer follows a schedule \(ExponentialDecay\)/);
  });

  it('accept a model with a plain rate', async () => {
    const model = new FakeModel([1]);
    new ReduceLROnPlateau().checkModel(model);
    new LearningRateScheduler((_, lr) => lr).checkModel(model);
    const history = await runFakeFit(model, [new LearningRateScheduler(() => 0.5)],
      { epochs: 1, steps: 1 });
    assert.deepEqual(history.map((h) => h.learning_rate), [0.5]);
  });

  const refusing: Array<[string, () => Callback]> = [
    ['ReduceLROnPlateau', () => new ReduceLROnPlateau({ monitor: 'loss' })],
    ['LearningRateScheduler', () => new LearningRateScheduler((e) => 0.1 / (e + 1))],
  ];
  for (const [name, build] of refusing) {
    it(`make fit fail before training or writing logs (${name} after TensorBoard and CSVLogger)`,
      async () => {
        const dir = mkdtempSync(join(tmpdir(), 'lr-schedule-'));
        const model = sequential([layers.dense({ units: 1, inputShape: [2] })]);
        const optimizer = new SGD({ learningRate: new CosineDecay({ initialLearningRate: 0.1,
          decaySteps: 100 }) });
        model.compile({ optimizer, loss: 'mse' });
        const before = model.getWeights().map((w) => Array.from(w.f32));
        const hooks: string[] = [];
        let printed = '';
        const x = tensor([[1, 2], [3, 4], [5, 6]]), y = tensor([[1], [2], [3]]);

        await assert.rejects(model.fit(x, y, { epochs: 2, batchSize: 1, verbose: 1,
          stream: { write: (text: string) => { printed += text; } },
          callbacks: [new TensorBoard({ logDir: join(dir, 'tb') }),
            new CSVLogger(join(dir, 'csv', 'log.csv')),
            new LambdaCallback({ onTrainBegin: () => { hooks.push('trainBegin'); } }),
            build()] }),
        new RegExp(`^ValueError: ${name} cannot change the learning rate: the optimizer ` +
          'follows a schedule \\(CosineDecay\\)\\.'));

        assert.deepEqual(readdirSync(dir), [], 'no TensorBoard folder, no CSV file');
        assert.equal(existsSync(join(dir, 'csv', 'log.csv')), false);
        assert.deepEqual(hooks, []);
        assert.equal(printed, '');
        assert.deepEqual(model.getWeights().map((w) => Array.from(w.f32)), before);
        assert.equal(optimizer.iterations, 0);
      });
  }

  it('let fit train with a schedule when no callback sets the rate', async () => {
    const model = sequential([layers.dense({ units: 1, inputShape: [1] })]);
    const optimizer = new SGD({ learningRate: new ExponentialDecay({ initialLearningRate: 0.1,
      decaySteps: 1, decayRate: 0.5 }) });
    model.compile({ optimizer, loss: 'mse' });
    await model.fit(tensor([[1], [2]]), tensor([[1], [2]]), { epochs: 2, batchSize: 1,
      verbose: 0, callbacks: [new LambdaCallback({ onEpochEnd: () => {} })] });
    assert.equal(optimizer.iterations, 4);
  });
});
