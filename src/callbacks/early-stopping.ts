/**
 * EarlyStopping: stops training when a monitored metric has stopped improving, optionally
 * putting back the weights of the best epoch (Keras 2.13+/3 behaviour).
 *
 * `wait` grows by one each epoch without improvement and training stops once
 * `wait >= patience` (never after the first epoch). With `restoreBestWeights`, the best
 * weights are restored whenever training ends, also when it ran all its epochs.
 *
 * @example
 * await model.fit(x, y, { epochs: 100, validationSplit: 0.1,
 *   callbacks: [new EarlyStopping({ patience: 3, restoreBestWeights: true })] });
 */
import { ValueError } from '../errors.js';
import { log } from '../log.js';
import type { Tensor } from '../tensor/tensor.js';
import { checkOptionNames, optionNames } from '../utils/check-options.js';
import { Callback, type Logs } from './callback.js';
import { availableKeys, isImprovement, resolveMode, type MonitorMode } from './monitor.js';
import { requireModel } from './require-model.js';

export interface EarlyStoppingArgs {
  /** Metric to watch. Default 'val_loss'. */
  monitor?: string;
  /** Smallest change that counts as an improvement. Default 0. */
  minDelta?: number;
  /** Epochs without improvement before stopping. Default 0. */
  patience?: number;
  /** 1 logs the stop and the restore at info level. Default 0. */
  verbose?: number;
  mode?: MonitorMode;
  /** Training stops unless the metric beats this value within `patience` epochs. */
  baseline?: number;
  /** Put back the weights of the best epoch when training ends. Default false. */
  restoreBestWeights?: boolean;
  /** Epochs to wait before monitoring starts (warm-up). Default 0. */
  startFromEpoch?: number;
}

const OPTIONS = optionNames<EarlyStoppingArgs>()([
  'monitor', 'minDelta', 'patience', 'verbose', 'mode', 'baseline', 'restoreBestWeights',
  'startFromEpoch']);

export class EarlyStopping extends Callback {
  readonly monitor: string;
  readonly patience: number;
  readonly minDelta: number;
  readonly verbose: number;
  readonly baseline: number | undefined;
  readonly restoreBestWeights: boolean;
  readonly startFromEpoch: number;
  readonly mode: 'min' | 'max';
  /** Epochs since the last improvement. */
  wait = 0;
  /** 0-based epoch at which training was stopped; 0 if it was not. */
  stoppedEpoch = 0;
  best: number | null = null;
  bestEpoch = 0;
  private bestWeights: Tensor[] | null = null;

  constructor(args: EarlyStoppingArgs = {}) {
    super();
    checkOptionNames('EarlyStopping', args, OPTIONS);
    this.monitor = args.monitor ?? 'val_loss';
    this.minDelta = Math.abs(args.minDelta ?? 0);
    this.patience = args.patience ?? 0;
    this.verbose = args.verbose ?? 0;
    this.baseline = args.baseline;
    this.restoreBestWeights = args.restoreBestWeights ?? false;
    this.startFromEpoch = args.startFromEpoch ?? 0;
    this.mode = resolveMode(this.monitor, args.mode ?? 'auto', 'EarlyStopping');
    if (!(this.patience >= 0)) {
      throw new ValueError(`EarlyStopping: patience must be >= 0, got ${this.patience}`);
    }
  }

  override onTrainBegin(): void {
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.best = null;
    this.bestWeights = null;
    this.bestEpoch = 0;
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    const current = this.monitorValue(logs);
    if (current === undefined || epoch < this.startFromEpoch) return;
    const model = requireModel(this.model, 'EarlyStopping');
    if (this.restoreBestWeights && this.bestWeights === null) {
      // until something improves, the first monitored epoch's weights are the best known
      this.bestWeights = model.getWeights();
      this.bestEpoch = epoch;
    }

    this.wait++;
    if (this.improves(current, this.best)) {
      this.best = current;
      this.bestEpoch = epoch;
      if (this.restoreBestWeights) this.bestWeights = model.getWeights();
      // the wait restarts only when the baseline is beaten too
      if (this.baseline === undefined || this.improves(current, this.baseline)) this.wait = 0;
      return;
    }
    if (this.wait >= this.patience && epoch > 0) {
      this.stoppedEpoch = epoch;
      model.stopTraining = true;
    }
  }

  override onTrainEnd(): void {
    if (this.stoppedEpoch > 0 && this.verbose > 0) {
      log.info(`Epoch ${this.stoppedEpoch + 1}: early stopping`);
    }
    if (this.restoreBestWeights && this.bestWeights !== null) {
      if (this.verbose > 0) {
        log.info(`Restoring model weights from the end of the best epoch: ${this.bestEpoch + 1}.`);
      }
      requireModel(this.model, 'EarlyStopping').setWeights(this.bestWeights);
    }
  }

  private improves(current: number, reference: number | null): boolean {
    return reference === null || isImprovement(current, reference, this.mode, this.minDelta);
  }

  private monitorValue(logs: Logs): number | undefined {
    const value = logs[this.monitor];
    if (value === undefined) {
      log.warn(`Early stopping conditioned on metric \`${this.monitor}\` which is not ` +
        `available. Available metrics are: ${availableKeys(logs)}`);
    }
    return value;
  }
}
