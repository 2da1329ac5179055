/**
 * ReduceLROnPlateau: multiplies the learning rate by `factor` when a monitored metric has not
 * improved for `patience` epochs, then waits `cooldown` epochs before counting again, never
 * going below `minLr`. Adds the epoch's learning rate to the logs as 'learning_rate'.
 * An optimizer whose rate follows a schedule cannot have it set, so fit refuses that pairing
 * before training starts.
 *
 * @example
 * new ReduceLROnPlateau({ monitor: 'val_loss', factor: 0.2, patience: 5, minLr: 0.001 });
 */
import { ValueError } from '../errors.js';
import { log } from '../log.js';
import { pythonRepr } from '../utils/format.js';
import { checkOptionNames, optionNames } from '../utils/check-options.js';
import { Callback, type CallbackModel, type Logs } from './callback.js';
import { availableKeys, isImprovement, resolveMode, type MonitorMode } from './monitor.js';
import { requireModel, requireSettableRate } from './require-model.js';

export interface ReduceLROnPlateauArgs {
  /** Default 'val_loss'. */
  monitor?: string;
  /** New rate = rate * factor; must be < 1. Default 0.1. */
  factor?: number;
  /** Epochs without improvement before reducing. Default 10. */
  patience?: number;
  /** 1 logs each reduction at info level. Default 0. */
  verbose?: number;
  mode?: MonitorMode;
  /** Smallest change that counts as an improvement. Default 1e-4. */
  minDelta?: number;
  /** Epochs to wait after a reduction before counting again. Default 0. */
  cooldown?: number;
  /** Lower bound on the learning rate. Default 0. */
  minLr?: number;
}

const OPTIONS = optionNames<ReduceLROnPlateauArgs>()([
  'monitor', 'factor', 'patience', 'verbose', 'mode', 'minDelta', 'cooldown', 'minLr']);

export class ReduceLROnPlateau extends Callback {
  readonly monitor: string;
  readonly factor: number;
  readonly patience: number;
  readonly verbose: number;
  readonly mode: 'min' | 'max';
  readonly minDelta: number;
  readonly cooldown: number;
  readonly minLr: number;
  wait = 0;
  cooldownCounter = 0;
  best: number;

  constructor(args: ReduceLROnPlateauArgs = {}) {
    super();
    checkOptionNames('ReduceLROnPlateau', args, OPTIONS);
    this.monitor = args.monitor ?? 'val_loss';
    this.factor = args.factor ?? 0.1;
    this.patience = args.patience ?? 10;
    this.verbose = args.verbose ?? 0;
    this.mode = resolveMode(this.monitor, args.mode ?? 'auto', 'ReduceLROnPlateau');
    this.minDelta = args.minDelta ?? 1e-4;
    this.cooldown = args.cooldown ?? 0;
    this.minLr = args.minLr ?? 0;
    if (!(this.factor < 1)) {
      throw new ValueError(`ReduceLROnPlateau does not support a factor >= 1.0. Received ` +
        `factor=${this.factor}; use e.g. 0.1 to divide the rate by 10`);
    }
    this.best = this.initialBest();
  }

  override checkModel(model: CallbackModel): void {
    requireSettableRate(model, 'ReduceLROnPlateau');
  }

  override onTrainBegin(): void {
    this.wait = 0;
    this.cooldownCounter = 0;
    this.best = this.initialBest();
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    const model = requireModel(this.model, 'ReduceLROnPlateau');
    logs.learning_rate = model.learningRate;
    const current = logs[this.monitor];
    if (current === undefined) {
      log.warn(`Learning rate reduction is conditioned on metric \`${this.monitor}\` which is ` +
        `not available. Available metrics are: ${availableKeys(logs)}.`);
      return;
    }

    if (this.cooldownCounter > 0) {
      this.cooldownCounter--;
      this.wait = 0;
    }
    if (isImprovement(current, this.best, this.mode, this.minDelta)) {
      this.best = current;
      this.wait = 0;
      return;
    }
    if (this.cooldownCounter > 0) return;

    this.wait++;
    if (this.wait < this.patience) return;
    const old = model.learningRate;
    // compare in float32 like the optimizer stores the rate, so minLr is reached exactly
    if (old > Math.fround(this.minLr)) {
      const next = Math.max(old * this.factor, this.minLr);
      model.learningRate = next;
      if (this.verbose > 0) {
        log.info(`Epoch ${epoch + 1}: ReduceLROnPlateau reducing learning rate to ` +
          `${pythonRepr(next)}.`);
      }
      this.cooldownCounter = this.cooldown;
      this.wait = 0;
    }
  }

  private initialBest(): number {
    return this.mode === 'min' ? Infinity : -Infinity;
  }
}
