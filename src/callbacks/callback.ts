/**
 * The base class of training callbacks, with Keras' hooks. `fit`, `evaluate` and `predict`
 * call the hooks of every callback in order and await them, so a hook may be async (writing a
 * file, posting to a server).
 *
 * Epoch and batch numbers passed to hooks are 0-based, as in Keras; messages shown to users
 * are 1-based ("Epoch 3/10").
 *
 * As in Keras, `onBatchBegin`/`onBatchEnd` are the older names of the training-batch hooks:
 * the default `onTrainBatchBegin`/`onTrainBatchEnd` call them, so overriding only `onBatchEnd`
 * runs it once per training batch (never for evaluate or predict batches). A callback that
 * overrides `onTrainBatchEnd` itself replaces that call.
 *
 * @example
 * class PrintLoss extends Callback {
 *   override onEpochEnd(epoch: number, logs: Logs) { console.log(epoch, logs.loss); }
 * }
 */
import type { Tensor } from '../tensor/tensor.js';

/** Metric values by Keras name: 'loss', 'accuracy', 'val_loss', 'val_accuracy', ... */
export type Logs = Record<string, number>;

/** What `fit` tells callbacks about the run before it starts. */
export interface TrainingParams {
  epochs: number;
  /** Batches per epoch. */
  steps: number;
  verbose: 0 | 1 | 2;
  /** Number of training samples, when known. */
  samples?: number;
  /** Metric names in display order: 'loss', 'accuracy', then the 'val_' versions. */
  metrics?: string[];
}

/** The part of a model that callbacks may use. */
export interface CallbackModel {
  readonly name: string;
  /** Set to true to stop `fit` after the current batch (and its epoch's end hooks). */
  stopTraining: boolean;
  /**
   * Set by a callback in onTrainBegin (BackupAndRestore) to make `fit` continue from this
   * epoch instead of `initialEpoch`.
   */
  resumeEpoch?: number;
  /** The optimizer's learning rate, read and written by schedulers. */
  learningRate: number;
  /**
   * The class name of the schedule the learning rate follows ('CosineDecay'), or null when it
   * is a plain number that callbacks may set. Left out, it means a plain number.
   */
  readonly learningRateSchedule?: string | null;
  /** Copies of all weights (trainable and not), in a fixed order. */
  getWeights(): Tensor[];
  /** Sets all weights from copies taken with getWeights(). */
  setWeights(weights: readonly Tensor[]): void;
  /** Saves the whole model (architecture, weights, training config, optimizer state). */
  save(path: string): Promise<void>;
  saveWeights(path: string): Promise<void>;
}

export class Callback {
  model: CallbackModel | null = null;
  params: TrainingParams | null = null;

  setModel(model: CallbackModel): void {
    this.model = model;
  }

  setParams(params: TrainingParams): void {
    this.params = params;
  }

  /**
   * Throws when this callback cannot work with `model`, e.g. it must set a learning rate that
   * follows a schedule. `fit` calls it on every callback before any `onTrainBegin`, so such a
   * run fails before another callback writes a file or a weight changes. Only `fit` calls it.
   *
   * @example
   * override checkModel(model: CallbackModel) {
   *   if (model.learningRateSchedule) throw new ValueError('MyCallback needs a plain rate');
   * }
   */
  checkModel(_model: CallbackModel): void | Promise<void> {}

  onTrainBegin(_logs: Logs = {}): void | Promise<void> {}
  onTrainEnd(_logs: Logs = {}): void | Promise<void> {}
  onEpochBegin(_epoch: number, _logs: Logs = {}): void | Promise<void> {}
  onEpochEnd(_epoch: number, _logs: Logs = {}): void | Promise<void> {}
  /** Keras' older name of onTrainBatchBegin, called by the default onTrainBatchBegin. */
  onBatchBegin(_batch: number, _logs: Logs = {}): void | Promise<void> {}
  /** Keras' older name of onTrainBatchEnd, called by the default onTrainBatchEnd. */
  onBatchEnd(_batch: number, _logs: Logs = {}): void | Promise<void> {}

  onTrainBatchBegin(batch: number, logs: Logs = {}): void | Promise<void> {
    return this.onBatchBegin(batch, logs);
  }

  onTrainBatchEnd(batch: number, logs: Logs = {}): void | Promise<void> {
    return this.onBatchEnd(batch, logs);
  }

  onTestBegin(_logs: Logs = {}): void | Promise<void> {}
  onTestEnd(_logs: Logs = {}): void | Promise<void> {}
  onTestBatchBegin(_batch: number, _logs: Logs = {}): void | Promise<void> {}
  onTestBatchEnd(_batch: number, _logs: Logs = {}): void | Promise<void> {}
  onPredictBegin(_logs: Logs = {}): void | Promise<void> {}
  onPredictEnd(_logs: Logs = {}): void | Promise<void> {}
  onPredictBatchBegin(_batch: number, _logs: Logs = {}): void | Promise<void> {}
  onPredictBatchEnd(_batch: number, _logs: Logs = {}): void | Promise<void> {}
}
