import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as layers from '../layers/index.js';
import { sequential } from '../models/sequential.js';
import { SGD } from '../optimizers/index.js';
import { CosineDecay } from '../optimizers/schedules.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import { BackupAndRestore } from './backup-and-restore.js';
import { FakeModel, runFakeFit, type FakeFitOptions } from './fake-training.js';
import { LambdaCallback } from './lambda-callback.js';
import { LearningRateScheduler } from './learning-rate-scheduler.js';

/** Weights that depend on the whole history: each step mixes in the learning rate and step count. */
const options: FakeFitOptions = {
  epochs: 4, steps: 3,
  // float32 like real weights, so that a save and restore is exact
  afterBatch: (m) => {
    m.values = m.values.map((w, i) => Math.fround(w * 0.9 + m.learningRate * (m.optimizer.iterations + i)));
  },
};
const decay = (): LearningRateScheduler => new LearningRateScheduler((epoch, lr) => (epoch === 0 ? 0.5 : lr * 0.8));

class Crash extends Error {}

describe('BackupAndRestore', () => {
  it('resumes an interrupted run at the next epoch with the same final state', async () => {
    const reference = new FakeModel([1, 2]);
    const full = await runFakeFit(reference, [decay()], options);

    const dir = join(mkdtempSync(join(tmpdir(), 'backup-')), 'state');
    const crashAfterEpoch1 = new LambdaCallback({ onEpochEnd: (epoch) => {
      if (epoch === 1) throw new Crash('killed');
    } });
    await assert.rejects(runFakeFit(new FakeModel([1, 2]), [decay(), new BackupAndRestore(dir),
      crashAfterEpoch1], options), Crash);
    const saved = JSON.parse(readFileSync(join(dir, 'training-state.json'), 'utf8'));
    assert.equal(saved.epoch, 2);

    const resumed = new FakeModel([7, 7]); // fresh weights, as a restarted process would have
    resumed.learningRate = 123;
    const backup = new BackupAndRestore(dir);
    const epochs: number[] = [];
    const rest = await runFakeFit(resumed, [backup, decay(),
      new LambdaCallback({ onEpochBegin: (e) => { epochs.push(e); } })], options);

    assert.equal(backup.restoredEpoch, 2);
    assert.deepEqual(epochs, [2, 3]);
    assert.deepEqual(resumed.values, reference.values);
    assert.equal(resumed.optimizer!.iterations, 12);
    assert.equal(resumed.learningRate, reference.learningRate);
    assert.deepEqual(rest, full.slice(2));
    assert.equal(existsSync(dir), false, 'the backup is deleted after a normal end');
    assert.equal(resumed.resumeEpoch, undefined);
  });

  it('keeps the backup with deleteCheckpoint false and backs up every saveFreq batches', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backup-'));
    const states: Array<[number, number]> = [];
    const backup = new BackupAndRestore(dir, { saveFreq: 2, deleteCheckpoint: false });
    await runFakeFit(new FakeModel([1]), [backup, new LambdaCallback({ onBatchEnd: () => {
      const path = join(dir, 'training-state.json');
      if (!existsSync(path)) return;
      const s = JSON.parse(readFileSync(path, 'utf8'));
      states.push([s.epoch, s.batch]);
    } })], { epochs: 2, steps: 3 });
    assert.deepEqual(states, [[0, 2], [0, 2], [0, 2], [1, 2], [1, 2]]);
    assert.ok(existsSync(join(dir, 'training-state.json')));
  });

  it('refuses a file that is not a backup of this library', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backup-'));
    writeFileSync(join(dir, 'training-state.json'), '{"format":"other"}');
    await assert.rejects(runFakeFit(new FakeModel([1]), [new BackupAndRestore(dir)], options),
      /is not a training-state file of this library \(format 'other'\); delete it/);
  });
});

describe('BackupAndRestore with a learning-rate schedule', () => {
  const x = tensor([[0.1], [0.5], [0.9], [0.3]]), y = tensor([[0.3], [1.1], [1.9], [0.7]]);
  const model = (weights?: Tensor[]) => {
    const m = sequential([layers.dense({ units: 1, inputShape: [1] })]);
    m.compile({ optimizer: new SGD({ learningRate: new CosineDecay({ initialLearningRate: 0.2,
      decaySteps: 12 }) }), loss: 'mse' });
    if (weights !== undefined) m.setWeights(weights);
    return m;
  };

  it('resumes without setting the rate, which the restored step count gives', async () => {
    const initial = model().getWeights();
    const reference = model(initial);
    await reference.fit(x, y, { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 });

    const dir = join(mkdtempSync(join(tmpdir(), 'backup-')), 'state');
    const crash = new LambdaCallback({ onEpochEnd: (e) => { if (e === 1) throw new Crash('killed'); } });
    await assert.rejects(model(initial).fit(x, y, { epochs: 3, batchSize: 2, shuffle: false,
      verbose: 0, callbacks: [new BackupAndRestore(dir), crash] }), Crash);

    const resumed = model();
    await resumed.fit(x, y, { epochs: 3, batchSize: 2, shuffle: false, verbose: 0,
      callbacks: [new BackupAndRestore(dir)] });
    assert.equal(resumed.optimizer!.iterations, 6);
    assert.equal(resumed.learningRate, reference.learningRate);
    assert.deepEqual(resumed.getWeights().map((w) => Array.from(w.f32)),
      reference.getWeights().map((w) => Array.from(w.f32)));
  });
});
