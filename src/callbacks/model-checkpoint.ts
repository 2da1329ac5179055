/**
 * ModelCheckpoint: saves the model (or only its weights) during training, at every epoch end
 * or every `saveFreq` batches, optionally only when a monitored metric improves.
 *
 * The file path is a Python format template filled with `epoch` (1-based), `batch` (1-based,
 * for batch-frequency saves) and the logs: `'ckpt/w.{epoch:02d}-{val_loss:.2f}.h5'` gives
 * `ckpt/w.01-0.12.h5` exactly as Keras names it. Each save goes to a temporary file renamed
 * over the target, so an interrupted save never damages the previous checkpoint.
 *
 * Unlike Keras, an epoch whose loss (or monitored value) is NaN or infinite is not saved: a
 * diverged model is never worth keeping and would replace the last good file.
 *
 * @example
 * new ModelCheckpoint('ckpt/best.h5', { monitor: 'val_accuracy', saveBestOnly: true });
 */
import { ValueError } from '../errors.js';
import { log } from '../log.js';
import { formatPython, formatValue, templateFields, type FormatValue } from '../utils/format.js';
import { replaceAtomic } from '../io/atomic-write.js';
import { checkOptionNames, optionNames } from '../utils/check-options.js';
import { Callback, type Logs } from './callback.js';
import { isImprovement, resolveMode, type MonitorMode } from './monitor.js';
import { requireModel } from './require-model.js';

export interface ModelCheckpointArgs {
  /** Metric compared by saveBestOnly. Default 'val_loss'. */
  monitor?: string;
  /** 1 logs each save at info level. Default 0. */
  verbose?: number;
  /** Save only when the monitored metric improves. Default false. */
  saveBestOnly?: boolean;
  /** Save with model.saveWeights instead of model.save. Default false. */
  saveWeightsOnly?: boolean;
  mode?: MonitorMode;
  /** 'epoch' (default), or save every this many batches. */
  saveFreq?: 'epoch' | number;
  /** With saveBestOnly, the value the metric must beat for the first save. */
  initialValueThreshold?: number;
}

const OPTIONS = optionNames<ModelCheckpointArgs>()([
  'monitor', 'verbose', 'saveBestOnly', 'saveWeightsOnly', 'mode', 'saveFreq',
  'initialValueThreshold']);

export class ModelCheckpoint extends Callback {
  readonly filepath: string;
  readonly monitor: string;
  readonly verbose: number;
  readonly saveBestOnly: boolean;
  readonly saveWeightsOnly: boolean;
  readonly saveFreq: 'epoch' | number;
  readonly mode: 'min' | 'max';
  /** Best monitored value so far. */
  best: number;
  private currentEpoch = 0;
  private batchesSinceSave = 0;
  private lastBatch = -1;

  constructor(filepath: string, args: ModelCheckpointArgs = {}) {
    super();
    checkOptionNames('ModelCheckpoint', args, OPTIONS);
    this.filepath = filepath;
    this.monitor = args.monitor ?? 'val_loss';
    this.verbose = args.verbose ?? 0;
    this.saveBestOnly = args.saveBestOnly ?? false;
    this.saveWeightsOnly = args.saveWeightsOnly ?? false;
    this.saveFreq = args.saveFreq ?? 'epoch';
    this.mode = resolveMode(this.monitor, args.mode ?? 'auto', 'ModelCheckpoint');
    this.best = args.initialValueThreshold ?? (this.mode === 'min' ? Infinity : -Infinity);
    if (this.saveFreq !== 'epoch' && !(Number.isInteger(this.saveFreq) && this.saveFreq > 0)) {
      throw new ValueError(`ModelCheckpoint: saveFreq must be 'epoch' or a positive integer ` +
        `number of batches, got ${String(this.saveFreq)}`);
    }
    templateFields(filepath); // reject a malformed template now rather than after an epoch
  }

  override onEpochBegin(epoch: number): void {
    this.currentEpoch = epoch;
  }

  override async onTrainBatchEnd(batch: number, logs: Logs = {}): Promise<void> {
    if (this.shouldSaveOnBatch(batch)) await this.saveModel(this.currentEpoch, batch, logs);
  }

  override async onEpochEnd(epoch: number, logs: Logs = {}): Promise<void> {
    if (this.saveFreq === 'epoch') await this.saveModel(epoch, null, logs);
  }

  /** The file name for a save at `epoch` (0-based) and `batch` (0-based or null). */
  filePathFor(epoch: number, batch: number | null, logs: Logs): string {
    const values: Record<string, FormatValue> = { ...logs, epoch: BigInt(epoch + 1) };
    if (batch !== null && !('batch' in logs)) values.batch = BigInt(batch + 1);
    const missing = templateFields(this.filepath).filter((name) => !(name in values));
    if (missing.length > 0) {
      throw new ValueError(`Failed to format this callback filepath: "${this.filepath}". ` +
        `Reason: missing key ${missing.join(', ')}; available keys: ` +
        `${Object.keys(values).join(', ')}. Log the metric (e.g. pass validation data for ` +
        `val_ metrics) or remove it from the file path.`);
    }
    return formatPython(this.filepath, values);
  }

  private shouldSaveOnBatch(batch: number): boolean {
    if (this.saveFreq === 'epoch') return false;
    // a batch index that did not grow means a new epoch started
    this.batchesSinceSave += batch <= this.lastBatch ? batch + 1 : batch - this.lastBatch;
    this.lastBatch = batch;
    if (this.batchesSinceSave < this.saveFreq) return false;
    this.batchesSinceSave = 0;
    return true;
  }

  private async saveModel(epoch: number, batch: number | null, logs: Logs): Promise<void> {
    const path = this.filePathFor(epoch, batch, logs);
    const loss = logs.loss;
    if (loss !== undefined && !Number.isFinite(loss)) {
      log.warn(`Epoch ${epoch + 1}: loss is ${formatValue(loss, '')}; not saving to ${path}, ` +
        `the previous checkpoint is kept.`);
      return;
    }
    if (!this.saveBestOnly) {
      if (this.verbose > 0) log.info(`Epoch ${epoch + 1}: saving model to ${path}`);
      await this.write(path);
      return;
    }

    const current = logs[this.monitor];
    if (current === undefined) {
      log.warn(`Can save best model only with ${this.monitor} available, skipping.`);
    } else if (isImprovement(current, this.best, this.mode)) {
      if (this.verbose > 0) {
        log.info(`Epoch ${epoch + 1}: ${this.monitor} improved from ${fixed5(this.best)} to ` +
          `${fixed5(current)}, saving model to ${path}`);
      }
      this.best = current;
      await this.write(path);
    } else if (this.verbose > 0) {
      log.info(`Epoch ${epoch + 1}: ${this.monitor} did not improve from ${fixed5(this.best)}`);
    }
  }

  private async write(path: string): Promise<void> {
    const model = requireModel(this.model, 'ModelCheckpoint');
    await replaceAtomic(path,
      (tmp) => (this.saveWeightsOnly ? model.saveWeights(tmp) : model.save(tmp)),
      { createFolder: true });
  }
}

/** Python's '{:.5f}', as Keras prints monitored values ('inf' included). */
function fixed5(x: number): string {
  return formatValue(x, '.5f');
}
