import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotSupportedError, ValueError } from '../errors.js';
import { BackupAndRestore } from './backup-and-restore.js';
import type { Callback } from './callback.js';
import { CSVLogger } from './csv-logger.js';
import { EarlyStopping } from './early-stopping.js';
import { LearningRateScheduler } from './learning-rate-scheduler.js';
import { ModelCheckpoint } from './model-checkpoint.js';
import { ProgbarLogger } from './progbar-logger.js';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau.js';
import { RemoteMonitor } from './remote-monitor.js';
import { TensorBoard } from './tensorboard.js';
import { TerminateOnNaN } from './terminate-on-nan.js';

/** Builds each callback with one unknown option, and the known options it should list. */
const BUILT_IN: Array<[string, (args: object) => Callback, string]> = [
  ['ModelCheckpoint', (a) => new ModelCheckpoint('ckpt.h5', a),
    'monitor, verbose, saveBestOnly, saveWeightsOnly, mode, saveFreq, initialValueThreshold'],
  ['EarlyStopping', (a) => new EarlyStopping(a),
    'monitor, minDelta, patience, verbose, mode, baseline, restoreBestWeights, startFromEpoch'],
  ['ReduceLROnPlateau', (a) => new ReduceLROnPlateau(a),
    'monitor, factor, patience, verbose, mode, minDelta, cooldown, minLr'],
  ['LearningRateScheduler', (a) => new LearningRateScheduler((_, lr) => lr, a), 'verbose'],
  ['CSVLogger', (a) => new CSVLogger('log.csv', a), 'separator, append'],
  ['TensorBoard', (a) => new TensorBoard(a),
    'logDir, histogramFreq, writeGraph, updateFreq, profileBatch'],
  ['TerminateOnNaN', (a) => new TerminateOnNaN(a), 'raiseError'],
  ['RemoteMonitor', (a) => new RemoteMonitor(a), 'root, path, field, headers, sendAsJson, timeoutMs'],
  ['BackupAndRestore', (a) => new BackupAndRestore('backup', a), 'saveFreq, deleteCheckpoint'],
  ['ProgbarLogger', (a) => new ProgbarLogger(a), 'stream, verbose, now'],
];

describe('callback option names', () => {
  for (const [name, build, known] of BUILT_IN) {
    it(`${name} refuses an unknown option, naming it and listing the known ones`, () => {
      assert.throws(() => build({ colour: 'red' }), (error: unknown) => {
        assert.ok(error instanceof ValueError);
        assert.equal(error.message, `${name}: unknown option 'colour'; known options: ${known}`);
        return true;
      });
    });
  }

  it('refuses misspelt options such as patiense and factr', () => {
    assert.throws(() => new EarlyStopping({ patiense: 3 } as never),
      /^ValueError: EarlyStopping: unknown option 'patiense'; known options: monitor, minDelta, patience,/);
    assert.throws(() => new ReduceLROnPlateau({ factr: 0.5 } as never),
      /ReduceLROnPlateau: unknown option 'factr'; known options: monitor, factor,/);
  });

  it('points snake_case options to their camelCase spelling', () => {
    assert.throws(() => new EarlyStopping({ min_delta: 0.01 } as never),
      /EarlyStopping: unknown option 'min_delta' \(write it in camelCase: 'minDelta'\)/);
    assert.throws(() => new ReduceLROnPlateau({ min_lr: 1e-5 } as never),
      /ReduceLROnPlateau: unknown option 'min_lr' \(write it in camelCase: 'minLr'\)/);
    assert.throws(() => new ModelCheckpoint('best.h5', { save_best_only: true } as never),
      /ModelCheckpoint: unknown option 'save_best_only' \(write it in camelCase: 'saveBestOnly'\)/);
    assert.throws(() => new TensorBoard({ log_dir: 'runs' } as never),
      /TensorBoard: unknown option 'log_dir' \(write it in camelCase: 'logDir'\)/);
  });

  it('says which Keras options are not supported and what they do', () => {
    assert.throws(() => new TensorBoard({ writeImages: true } as never), (error: unknown) => {
      assert.ok(error instanceof NotSupportedError);
      assert.match(error.message,
        /TensorBoard: option 'writeImages' \(weights shown as images\) is not supported/);
      return true;
    });
    assert.throws(() => new BackupAndRestore('backup', { doubleCheckpoint: true } as never),
      /BackupAndRestore: option 'doubleCheckpoint' \(a second backup kept in case/);
  });

  it('accepts every known option', () => {
    const es = new EarlyStopping({ monitor: 'loss', minDelta: 0.1, patience: 2, verbose: 1,
      mode: 'min', baseline: 1, restoreBestWeights: true, startFromEpoch: 1 });
    assert.equal(es.startFromEpoch, 1);
    const tb = new TensorBoard({ logDir: 'runs', histogramFreq: 1, writeGraph: false,
      updateFreq: 'batch', profileBatch: 0 });
    assert.equal(tb.batchEvery, 1);
  });
});
