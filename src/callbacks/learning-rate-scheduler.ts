/**
 * LearningRateScheduler: sets the optimizer's learning rate at the start of every epoch from
 * `schedule(epoch, currentRate)` (epoch 0-based), and records the rate in the epoch logs as
 * 'learning_rate', so History, CSVLogger and TensorBoard show it (as Keras 3 does). An
 * optimizer whose rate follows a schedule cannot have it set, so fit refuses that pairing
 * before training starts.
 *
 * @example
 * new LearningRateScheduler((epoch, lr) => (epoch < 10 ? lr : lr * Math.exp(-0.1)));
 */
import { ValueError } from '../errors.js';
import { log } from '../log.js';
import { pythonRepr } from '../utils/format.js';
import { checkOptionNames, optionNames } from '../utils/check-options.js';
import { Callback, type CallbackModel, type Logs } from './callback.js';
import { requireModel, requireSettableRate } from './require-model.js';

export type Schedule = (epoch: number, learningRate: number) => number;

export interface LearningRateSchedulerArgs {
  /** 1 logs each new rate at info level. Default 0. */
  verbose?: number;
}

const OPTIONS = optionNames<LearningRateSchedulerArgs>()(['verbose']);

export class LearningRateScheduler extends Callback {
  readonly schedule: Schedule;
  readonly verbose: number;

  constructor(schedule: Schedule, args: LearningRateSchedulerArgs = {}) {
    super();
    checkOptionNames('LearningRateScheduler', args, OPTIONS);
    this.schedule = schedule;
    this.verbose = args.verbose ?? 0;
  }

  override checkModel(model: CallbackModel): void {
    requireSettableRate(model, 'LearningRateScheduler');
  }

  override onEpochBegin(epoch: number): void {
    const model = requireModel(this.model, 'LearningRateScheduler');
    const rate = this.schedule(epoch, model.learningRate);
    if (typeof rate !== 'number' || !Number.isFinite(rate)) {
      throw new ValueError(`LearningRateScheduler: the schedule must return a finite number; ` +
        `at epoch ${epoch} it returned ${String(rate)}`);
    }
    model.learningRate = rate;
    if (this.verbose > 0) {
      log.info(`Epoch ${epoch + 1}: LearningRateScheduler setting learning rate to ` +
        `${pythonRepr(rate)}.`);
    }
  }

  override onEpochEnd(_epoch: number, logs: Logs = {}): void {
    logs.learning_rate = requireModel(this.model, 'LearningRateScheduler').learningRate;
  }
}

