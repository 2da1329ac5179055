import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CSVLogger } from './csv-logger.js';
import { captureLog, FakeModel, runFakeFit } from './fake-training.js';
import { LambdaCallback } from './lambda-callback.js';

const accuracy = (value: number): LambdaCallback => new LambdaCallback({
  onEpochEnd: (epoch, logs) => { logs.accuracy = value + epoch / 10; },
});

describe('CSVLogger', () => {
  it('appends a second run without a second header (BR-05)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'csv-')), 'log.csv');
    const loss = (epoch: number): number => 1 / (epoch + 1);
    await runFakeFit(new FakeModel([1]), [accuracy(0.5), new CSVLogger(path)],
      { epochs: 3, steps: 1, batchLoss: loss });
    await runFakeFit(new FakeModel([1]), [accuracy(0.5), new CSVLogger(path, { append: true })],
      { epochs: 5, initialEpoch: 3, steps: 1, batchLoss: loss });
    assert.equal(readFileSync(path, 'utf8'), [
      'epoch,accuracy,loss',
      '0,0.5,1.0',
      '1,0.6,0.5',
      '2,0.7,0.3333333333333333',
      '3,0.8,0.25',
      '4,0.9,0.2', ''].join('\n'));
  });

  it('writes the header when appending to an empty file, and replaces without append', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'csv-')), 'log.csv');
    writeFileSync(path, '');
    await runFakeFit(new FakeModel([1]), [new CSVLogger(path, { append: true })], { epochs: 1, steps: 1 });
    assert.equal(readFileSync(path, 'utf8'), 'epoch,loss\n0,1.0\n');
    await runFakeFit(new FakeModel([1]), [new CSVLogger(path)], { epochs: 1, steps: 1, batchLoss: () => 2 });
    assert.equal(readFileSync(path, 'utf8'), 'epoch,loss\n0,2.0\n');
  });

  it('has each finished epoch on disk before the next one starts', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'csv-')), 'sub', 'log.csv');
    const seen: string[] = [];
    await runFakeFit(new FakeModel([1]), [new CSVLogger(path, { separator: ';' }),
      new LambdaCallback({ onEpochBegin: () => { seen.push(readFileSync(path, 'utf8')); } })],
    { epochs: 3, steps: 1, validation: () => ({ val_loss: 1e-5 }) });
    assert.deepEqual(seen, ['', 'epoch;loss;val_loss\n0;1.0;1e-05\n',
      'epoch;loss;val_loss\n0;1.0;1e-05\n1;1.0;1e-05\n']);
  });

  it('writes NA for a key missing later, nan for NaN, and repairs a cut-off last line', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'csv-')), 'log.csv');
    writeFileSync(path, 'epoch,loss,val_loss\n0,1.0,2.0\n1,0.5');
    const { messages } = await captureLog(() => runFakeFit(new FakeModel([1]),
      [new CSVLogger(path, { append: true })], { epochs: 2, steps: 1, initialEpoch: 0,
        batchLoss: (e) => (e === 0 ? NaN : 1), validation: (e): Record<string, number> => (e === 0 ? { val_loss: 3 } : {}) }));
    assert.equal(readFileSync(path, 'utf8'),
      'epoch,loss,val_loss\n0,1.0,2.0\n1,0.5\n0,nan,3.0\n1,1.0,NA\n');
    assert.deepEqual(messages, []);
  });

  it('warns when appending columns that differ from the existing header', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'csv-')), 'log.csv');
    writeFileSync(path, 'epoch,acc\n0,1.0\n');
    const { messages } = await captureLog(() => runFakeFit(new FakeModel([1]),
      [new CSVLogger(path, { append: true })], { epochs: 2, steps: 1 }));
    assert.equal(messages.length, 1);
    assert.match(messages[0]![1], /appending columns 'epoch,loss' .* whose header is 'epoch,acc'/);
  });
});
