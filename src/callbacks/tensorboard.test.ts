import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readEventsWithPython, type DecodedEvent } from '../io/tensorboard/python-reader.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import { FakeModel, runFakeFit } from './fake-training.js';
import { LambdaCallback } from './lambda-callback.js';
import { TensorBoard } from './tensorboard.js';

/** [tag, step, value] of every scalar in a file's events. */
function scalars(events: DecodedEvent[]): Array<[string, number, number | string]> {
  return events.flatMap((e) => (e.summary ?? []).filter((v) => v.tensor?.shape.length === 0
    && v.tensor.dtype === 1).map((v) => [v.tag, e.step, v.tensor!.values[0]!] as [string, number, number]));
}

const logDir = (): string => join(mkdtempSync(join(tmpdir(), 'tb-')), 'run');

describe('TensorBoard callback', () => {
  it('writes train and validation files with epoch scalars that an independent reader decodes',
    async () => {
      const dir = logDir();
      const board = new TensorBoard({ logDir: dir });
      const accuracy = new LambdaCallback({ onEpochEnd: (e, logs) => { logs.accuracy = 0.5 + e / 4; } });
      await runFakeFit(new FakeModel([1]), [accuracy, board], { epochs: 3, steps: 4,
        batchLoss: (e) => 1 / (e + 1), validation: (e) => ({ val_loss: 2 / (e + 1), val_accuracy: 0.25 }) });

      assert.equal(readdirSync(join(dir, 'train')).length, 1);
      assert.equal(readdirSync(join(dir, 'validation')).length, 1);
      const [train, validation] = readEventsWithPython(...board.files);
      for (const file of [train!, validation!]) {
        assert.equal(file.events[0]!.file_version, 'brain.Event:2');
        assert.match(file.path, /events\.out\.tfevents\.\d{10}\..+\.\d+\.\d+\.v2$/);
      }

      const t = scalars(train!.events);
      assert.deepEqual(t.filter(([tag]) => tag === 'epoch_loss'), [
        ['epoch_loss', 0, 1], ['epoch_loss', 1, 0.5], ['epoch_loss', 2, Math.fround(1 / 3)]]);
      assert.deepEqual(t.filter(([tag]) => tag === 'epoch_accuracy').map((s) => s[2]), [0.5, 0.75, 1]);
      assert.deepEqual(t.filter(([tag]) => tag === 'epoch_learning_rate').map((s) => s[1]), [0, 1, 2]);
      assert.equal(t.filter(([tag]) => tag === 'epoch_learning_rate')[0]![2], Math.fround(0.01));
      assert.equal(t.filter(([tag]) => tag.startsWith('batch_')).length, 0);

      const v = scalars(validation!.events);
      assert.deepEqual(v.filter(([tag]) => tag === 'epoch_loss'), [
        ['epoch_loss', 0, 2], ['epoch_loss', 1, 1], ['epoch_loss', 2, Math.fround(2 / 3)]]);
      assert.deepEqual(v.filter(([tag]) => tag === 'evaluation_loss_vs_iterations').map((s) => s[1]),
        [4, 8, 12]);
      assert.deepEqual(v.filter(([tag]) => tag === 'epoch_accuracy').length, 3);
      assert.ok(!v.some(([tag]) => tag.includes('val_') || tag.includes('learning_rate')));

      // plugin metadata on the first value of each tag only
      const firstLoss = train!.events.find((e) => e.summary?.[0]?.tag === 'epoch_loss')!;
      assert.equal(firstLoss.summary![0]!.plugin, 'scalars');
      assert.equal(firstLoss.summary![0]!.data_class, 1);
    });

  it('writes nothing for validation when there is none, and batch scalars every N batches',
    async () => {
      const dir = logDir();
      const board = new TensorBoard({ logDir: dir, updateFreq: 3 });
      await runFakeFit(new FakeModel([1]), [board], { epochs: 2, steps: 4,
        batchLoss: (e, b) => b + 1 });
      assert.deepEqual(readdirSync(dir), ['train']);
      const [train] = readEventsWithPython(join(dir, 'train'));
      const batch = scalars(train!.events).filter(([tag]) => tag === 'batch_loss');
      // running mean of the losses 1,2,3,4 at global batches 3 (3rd of epoch 0) and 6 (2nd of epoch 1)
      assert.deepEqual(batch, [['batch_loss', 3, 2], ['batch_loss', 6, 1.5]]);
    });

  it('flushes every epoch so a reader sees finished epochs during training', async () => {
    const dir = logDir();
    const board = new TensorBoard({ logDir: dir });
    const seen: number[] = [];
    await runFakeFit(new FakeModel([1]), [board, new LambdaCallback({ onEpochBegin: (e) => {
      if (e === 0) return;
      const [file] = readEventsWithPython(join(dir, 'train'));
      seen.push(scalars(file!.events).filter(([tag]) => tag === 'epoch_loss').length);
    } })], { epochs: 3, steps: 1 });
    assert.deepEqual(seen, [1, 2]);
  });

  it('writes weight histograms every histogramFreq epochs under Keras weight names', async () => {
    class NamedModel extends FakeModel {
      get weights(): Array<{ name: string; value: Tensor }> {
        return [{ name: 'dense/kernel:0', value: tensor([0, 1, 2, 3]) },
          { name: 'dense/bias:0', value: tensor([1, 1, 1]) }];
      }
      toJSON(): unknown {
        return { class_name: 'Sequential', config: { name: 'fake' } };
      }
    }
    const dir = logDir();
    await runFakeFit(new NamedModel([1]), [new TensorBoard({ logDir: dir, histogramFreq: 2 })],
      { epochs: 3, steps: 1 });
    const [train] = readEventsWithPython(join(dir, 'train'));
    const histos = train!.events.flatMap((e) => (e.summary ?? [])
      .filter((v) => v.tensor?.dtype === 2).map((v) => [v.tag, e.step, v.tensor!.shape] as const));
    assert.deepEqual(histos, [
      ['dense/kernel_0/histogram', 0, [30, 3]], ['dense/bias_0/histogram', 0, [1, 3]],
      ['dense/kernel_0/histogram', 2, [30, 3]], ['dense/bias_0/histogram', 2, [1, 3]]]);
    const graph = train!.events.flatMap((e) => e.summary ?? []).find((v) => v.tag === 'keras')!;
    assert.equal(graph.plugin, 'graph_keras_model');
    assert.deepEqual(JSON.parse(String(graph.tensor!.values[0])),
      { class_name: 'Sequential', config: { name: 'fake' } });
  });

  it('rejects an invalid updateFreq, histogramFreq or profileBatch', () => {
    assert.throws(() => new TensorBoard({ updateFreq: 0.5 }), /updateFreq must be/);
    assert.throws(() => new TensorBoard({ histogramFreq: -1 }), /histogramFreq must be/);
    assert.throws(() => new TensorBoard({ profileBatch: 2 as 0 }), /NotSupportedError|profiling/);
    assert.doesNotThrow(() => new TensorBoard({ profileBatch: 0 }));
  });
});
