import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { captureLog, FakeModel, runFakeFit } from './fake-training.js';
import { ModelCheckpoint } from './model-checkpoint.js';
import { TerminateOnNaN } from './terminate-on-nan.js';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'ckpt-'));

describe('ModelCheckpoint', () => {
  it('names files with 1-based epochs and Python rounding (BR-03 A)', async () => {
    const dir = tempDir();
    const valLoss = [0.123456, 0.0999, 0.125];
    await runFakeFit(new FakeModel([1]), [new ModelCheckpoint(join(dir, 'w.{epoch:02d}-{val_loss:.2f}.h5'))],
      { epochs: 3, steps: 1, validation: (epoch) => ({ val_loss: valLoss[epoch]! }) });
    assert.deepEqual(readdirSync(dir).sort(), ['w.01-0.12.h5', 'w.02-0.10.h5', 'w.03-0.12.h5']);
  });

  it('fails before writing anything when a template key is missing (BR-03 B)', async () => {
    const dir = tempDir();
    const template = join(dir, 'w.{epoch:02d}-{val_loss:.2f}.h5');
    await assert.rejects(runFakeFit(new FakeModel([1]), [new ModelCheckpoint(template)],
      { epochs: 2, steps: 1 }), (e: Error) => {
      assert.equal(e.name, 'ValueError');
      assert.ok(e.message.startsWith(`Failed to format this callback filepath: "${template}". ` +
        'Reason: missing key val_loss; available keys: loss, epoch.'), e.message);
      return true;
    });
    assert.deepEqual(readdirSync(dir), []);
  });

  it('warns once per epoch and writes nothing when the saveBestOnly monitor is absent (BR-04)',
    async () => {
      const dir = tempDir();
      const model = new FakeModel([1]);
      let history: unknown[] = [];
      const { messages, error } = await captureLog(async () => {
        history = await runFakeFit(model, [new ModelCheckpoint(join(dir, 'best.h5'),
          { saveBestOnly: true })], { epochs: 2, steps: 3 });
      });
      assert.equal(error, undefined);
      assert.equal(history.length, 2);
      assert.deepEqual(messages, [
        ['warn', 'Can save best model only with val_loss available, skipping.'],
        ['warn', 'Can save best model only with val_loss available, skipping.']]);
      assert.deepEqual(readdirSync(dir), []);
    });

  it('saves only on improvement of the monitor (BR-04, validation present)', async () => {
    const dir = tempDir();
    const valLoss = [0.5, 0.6, 0.4];
    const check = new ModelCheckpoint(join(dir, 'w.{epoch:02d}.h5'), { saveBestOnly: true,
      verbose: 1 });
    const { messages } = await captureLog(() => runFakeFit(new FakeModel([1]), [check],
      { epochs: 3, steps: 1, validation: (epoch) => ({ val_loss: valLoss[epoch]! }) }));
    assert.deepEqual(readdirSync(dir).sort(), ['w.01.h5', 'w.03.h5']);
    assert.equal(check.best, 0.4);
    assert.deepEqual(messages.map(([, m]) => m.replace(dir, 'DIR')), [
      'Epoch 1: val_loss improved from inf to 0.50000, saving model to DIR/w.01.h5',
      'Epoch 2: val_loss did not improve from 0.50000',
      'Epoch 3: val_loss improved from 0.50000 to 0.40000, saving model to DIR/w.03.h5']);
  });

  it('maximises accuracy and honours initialValueThreshold', async () => {
    const dir = tempDir();
    const acc = [0.7, 0.85, 0.8, 0.9];
    await runFakeFit(new FakeModel([1]), [new ModelCheckpoint(join(dir, 'a{epoch}.h5'),
      { monitor: 'val_accuracy', saveBestOnly: true, initialValueThreshold: 0.8 })],
    { epochs: 4, steps: 1, validation: (epoch) => ({ val_accuracy: acc[epoch]! }) });
    assert.deepEqual(readdirSync(dir).sort(), ['a2.h5', 'a4.h5']);
  });

  it('saves every saveFreq batches across epochs, with the batch in the name', async () => {
    const dir = tempDir();
    const model = new FakeModel([1]);
    await runFakeFit(model, [new ModelCheckpoint(join(dir, 'e{epoch}-b{batch}.h5'),
      { saveFreq: 2, saveWeightsOnly: true })], { epochs: 2, steps: 5 });
    assert.deepEqual(readdirSync(dir).sort(),
      ['e1-b2.h5', 'e1-b4.h5', 'e2-b1.h5', 'e2-b3.h5', 'e2-b5.h5']);
    assert.ok(model.saved.every((p) => p.includes('.tmp-')), 'saves go through a temporary file');
  });

  it('keeps the last good checkpoint when TerminateOnNaN stops on a NaN loss', async () => {
    const dir = tempDir();
    const model = new FakeModel([0]);
    const path = join(dir, 'model.json');
    await captureLog(() => runFakeFit(model, [new ModelCheckpoint(path), new TerminateOnNaN()], {
      epochs: 3, steps: 10,
      afterBatch: (m, epoch, batch) => { m.values = [epoch * 100 + batch]; },
      batchLoss: (epoch, batch) => (epoch === 1 && batch === 3 ? NaN : 1),
    }));
    assert.equal(model.stopTraining, true);
    assert.deepEqual(model.values, [103]);
    assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')).weights, [9]);
    assert.deepEqual(readdirSync(dir), ['model.json']);
  });

  it('leaves the previous file intact when a save fails halfway', async () => {
    const dir = tempDir();
    const path = join(dir, 'model.h5');
    writeFileSync(path, 'good');
    const model = new FakeModel([1]);
    model.save = async (p: string) => {
      writeFileSync(p, 'half');
      throw new Error('disk full');
    };
    await assert.rejects(runFakeFit(model, [new ModelCheckpoint(path)], { epochs: 1, steps: 1 }),
      /disk full/);
    assert.equal(readFileSync(path, 'utf8'), 'good');
    assert.deepEqual(readdirSync(dir), ['model.h5']);
  });

  it('rejects a bad saveFreq and a malformed template when constructed', () => {
    assert.throws(() => new ModelCheckpoint('a.h5', { saveFreq: 0 }), /saveFreq/);
    assert.throws(() => new ModelCheckpoint('a{epoch.h5'), /not closed/);
  });
});
