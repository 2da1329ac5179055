/**
 * TensorBoard: writes training curves (and optionally weight histograms and the model
 * description) to event files that `tensorboard --logdir <logDir>` shows, laid out as Keras
 * does: `<logDir>/train` and `<logDir>/validation`, one run each.
 *
 * - Every epoch: `epoch_<metric>` (e.g. epoch_loss, epoch_accuracy, epoch_learning_rate) at
 *   step = epoch in train; the `val_` metrics without prefix in validation, plus
 *   `evaluation_<metric>_vs_iterations` at step = train batches so far.
 * - With `updateFreq` 'batch' or N: `batch_<metric>` every N train batches, step = batch count.
 * - With `histogramFreq` N: a histogram of each weight every N epochs, tag
 *   `<weight name with ':' as '_'>/histogram` (e.g. `dense/kernel_0/histogram`).
 * - With `writeGraph`: the model's JSON config for the graph tab's conceptual graph (tag
 *   'keras'), when the model has toJSON(). No GraphDef op graph is written.
 *
 * Files are flushed at every epoch end and at train end.
 *
 * @example
 * await model.fit(x, y, { epochs: 5, validationSplit: 0.1,
 *   callbacks: [new TensorBoard({ logDir: 'runs/mnist', histogramFreq: 1 })] });
 * // then: tensorboard --logdir runs
 */
import { join } from 'node:path';
import { NotSupportedError, ValueError } from '../errors.js';
import { EventFileWriter } from '../io/tensorboard/event-file-writer.js';
import { kerasModelValue } from '../io/tensorboard/summary.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkOptionNames, optionNames } from '../utils/check-options.js';
import { Callback, type CallbackModel, type Logs } from './callback.js';

export interface TensorBoardArgs {
  /** Directory of this run's logs. Default 'logs'. */
  logDir?: string;
  /** Write weight histograms every this many epochs; 0 (default) never. */
  histogramFreq?: number;
  /** Write the model description for the graph tab. Default true. */
  writeGraph?: boolean;
  /** 'epoch' (default), 'batch' (every batch) or every N batches. */
  updateFreq?: 'epoch' | 'batch' | number;
  /** Profiling is not available; accepted as 0 so Keras code that disables it runs unchanged. */
  profileBatch?: 0;
}

const OPTIONS = optionNames<TensorBoardArgs>()([
  'logDir', 'histogramFreq', 'writeGraph', 'updateFreq', 'profileBatch']);

/** Keras' TensorBoard options this one lacks, refused by name rather than ignored. */
const MISSING = {
  writeImages: 'weights shown as images',
  writeStepsPerSecond: 'a steps-per-second curve',
  embeddingsFreq: 'embedding projector data',
  embeddingsMetadata: 'embedding projector labels',
};

/** Model fields used when present: named weights for histogram tags, toJSON for the graph. */
interface DescribedModel extends CallbackModel {
  weights?: readonly { name: string; value: Tensor }[];
  toJSON?: () => unknown;
}

const BATCH_LOG_SKIP = new Set(['batch', 'size', 'num_steps']);

export class TensorBoard extends Callback {
  readonly logDir: string;
  readonly histogramFreq: number;
  readonly writeGraph: boolean;
  /** Batches between batch-level writes; 0 for epoch-level only. */
  readonly batchEvery: number;
  private trainWriter: EventFileWriter | null = null;
  private validationWriter: EventFileWriter | null = null;
  private trainBatches = 0;
  private readonly paths: string[] = [];

  constructor(args: TensorBoardArgs = {}) {
    super();
    checkOptionNames('TensorBoard', args, OPTIONS, MISSING);
    this.logDir = args.logDir ?? 'logs';
    this.histogramFreq = args.histogramFreq ?? 0;
    this.writeGraph = args.writeGraph ?? true;
    const freq = args.updateFreq ?? 'epoch';
    this.batchEvery = freq === 'epoch' ? 0 : freq === 'batch' ? 1 : freq;
    if (!(Number.isInteger(this.histogramFreq) && this.histogramFreq >= 0)) {
      throw new ValueError(`TensorBoard: histogramFreq must be an integer >= 0, ` +
        `got ${this.histogramFreq}`);
    }
    if ((args.profileBatch ?? 0) !== 0) {
      throw new NotSupportedError(`TensorBoard: profileBatch ${String(args.profileBatch)} ` +
        `(profiling is not available; use 0 or leave it out)`);
    }
    if (!(Number.isInteger(this.batchEvery) && this.batchEvery >= 0)) {
      throw new ValueError(`TensorBoard: updateFreq must be 'epoch', 'batch' or a positive ` +
        `integer, got ${String(freq)}`);
    }
  }

  /** The event files of the current (or last) training run. */
  get files(): string[] {
    return [...this.paths];
  }

  override onTrainBegin(): void {
    this.closeWriters();
    this.trainBatches = 0;
    this.paths.length = 0;
    const train = this.train();
    const model = this.model as DescribedModel | null;
    if (this.writeGraph && typeof model?.toJSON === 'function') {
      const config = JSON.stringify(model.toJSON());
      train.addEvent({ wallTime: Date.now() / 1000, step: 0, summary: [kerasModelValue(config)] });
    }
    train.flush();
  }

  override onTrainBatchEnd(_batch: number, logs: Logs = {}): void {
    this.trainBatches++;
    if (this.batchEvery === 0 || this.trainBatches % this.batchEvery !== 0) return;
    const writer = this.train();
    for (const [key, value] of Object.entries(logs)) {
      if (!BATCH_LOG_SKIP.has(key)) writer.addScalar(`batch_${key}`, value, this.trainBatches);
    }
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    const train = this.train();
    const trainLogs = Object.entries(logs).filter(([k]) => !k.startsWith('val_'));
    if (!('learning_rate' in logs) && this.model !== null) {
      trainLogs.push(['learning_rate', this.model.learningRate]);
    }
    for (const [key, value] of trainLogs) train.addScalar(`epoch_${key}`, value, epoch);

    const valLogs = Object.entries(logs).filter(([k]) => k.startsWith('val_'));
    if (valLogs.length > 0) {
      const validation = this.validation();
      for (const [key, value] of valLogs) {
        const name = key.slice(4);
        validation.addScalar(`epoch_${name}`, value, epoch);
        validation.addScalar(`evaluation_${name}_vs_iterations`, value, this.trainBatches);
      }
    }

    if (this.histogramFreq > 0 && epoch % this.histogramFreq === 0) this.writeHistograms(epoch);
    train.flush();
    this.validationWriter?.flush();
  }

  override onTrainEnd(): void {
    this.closeWriters();
  }

  private writeHistograms(epoch: number): void {
    const model = this.model as DescribedModel | null;
    if (model === null) return;
    const writer = this.train();
    const named = model.weights?.map((w) => [w.name, w.value] as const)
      ?? model.getWeights().map((t, i) => [`weight_${i}`, t] as const);
    for (const [name, value] of named) {
      const values = value.dtype === 'float32' ? value.f32 : value.data;
      writer.addHistogram(`${name.replace(/:/g, '_')}/histogram`, values, epoch);
    }
  }

  private train(): EventFileWriter {
    this.trainWriter ??= this.open('train');
    return this.trainWriter;
  }

  private validation(): EventFileWriter {
    this.validationWriter ??= this.open('validation');
    return this.validationWriter;
  }

  private open(run: string): EventFileWriter {
    const writer = new EventFileWriter(join(this.logDir, run));
    this.paths.push(writer.path);
    return writer;
  }

  private closeWriters(): void {
    this.trainWriter?.close();
    this.validationWriter?.close();
    this.trainWriter = null;
    this.validationWriter = null;
  }
}
