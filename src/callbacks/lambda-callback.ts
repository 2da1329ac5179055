/**
 * LambdaCallback: a callback made of plain functions, for quick one-off hooks. Any hook of
 * {@link Callback} can be given, as Keras' LambdaCallback takes any hook by name;
 * `onBatchBegin`/`onBatchEnd` are Keras' older names of the training-batch hooks.
 *
 * @example
 * new LambdaCallback({ onEpochEnd: (epoch, logs) => plot.add(epoch, logs.loss) });
 */
import { ValueError } from '../errors.js';
import { checkOptionNames, optionNames } from '../utils/check-options.js';
import { Callback, type Logs } from './callback.js';

type Hook = (logs: Logs) => void | Promise<void>;
type IndexedHook = (index: number, logs: Logs) => void | Promise<void>;

export interface LambdaCallbackArgs {
  onTrainBegin?: Hook;
  onTrainEnd?: Hook;
  onEpochBegin?: IndexedHook;
  onEpochEnd?: IndexedHook;
  onTrainBatchBegin?: IndexedHook;
  onTrainBatchEnd?: IndexedHook;
  /** Called at the start of each training batch (Keras' on_batch_begin). */
  onBatchBegin?: IndexedHook;
  /** Called at the end of each training batch (Keras' on_batch_end). */
  onBatchEnd?: IndexedHook;
  onTestBegin?: Hook;
  onTestEnd?: Hook;
  onTestBatchBegin?: IndexedHook;
  onTestBatchEnd?: IndexedHook;
  onPredictBegin?: Hook;
  onPredictEnd?: Hook;
  onPredictBatchBegin?: IndexedHook;
  onPredictBatchEnd?: IndexedHook;
}

const OPTIONS = optionNames<LambdaCallbackArgs>()([
  'onTrainBegin', 'onTrainEnd', 'onEpochBegin', 'onEpochEnd', 'onTrainBatchBegin',
  'onTrainBatchEnd', 'onBatchBegin', 'onBatchEnd', 'onTestBegin', 'onTestEnd', 'onTestBatchBegin',
  'onTestBatchEnd', 'onPredictBegin', 'onPredictEnd', 'onPredictBatchBegin',
  'onPredictBatchEnd']);

export class LambdaCallback extends Callback {
  private readonly hooks: LambdaCallbackArgs;

  constructor(hooks: LambdaCallbackArgs = {}) {
    super();
    checkOptionNames('LambdaCallback', hooks, OPTIONS);
    for (const [name, hook] of Object.entries(hooks)) {
      if (hook !== undefined && typeof hook !== 'function') {
        throw new ValueError(`LambdaCallback: ${name} must be a function, got ${typeof hook}`);
      }
    }
    for (const [older, newer] of [['onBatchBegin', 'onTrainBatchBegin'],
      ['onBatchEnd', 'onTrainBatchEnd']] as const) {
      // the newer hook replaces the older one, so one of the two would never run
      if (hooks[older] !== undefined && hooks[newer] !== undefined) {
        throw new ValueError(`LambdaCallback: give ${older} or ${newer}, not both; ${older} is ` +
          `Keras' older name of ${newer} and runs at the same time`);
      }
    }
    this.hooks = { ...hooks };
  }

  override onTrainBegin(logs: Logs = {}): void | Promise<void> {
    return this.hooks.onTrainBegin?.(logs);
  }

  override onTrainEnd(logs: Logs = {}): void | Promise<void> {
    return this.hooks.onTrainEnd?.(logs);
  }

  override onEpochBegin(epoch: number, logs: Logs = {}): void | Promise<void> {
    return this.hooks.onEpochBegin?.(epoch, logs);
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void | Promise<void> {
    return this.hooks.onEpochEnd?.(epoch, logs);
  }

  override onBatchBegin(batch: number, logs: Logs = {}): void | Promise<void> {
    return this.hooks.onBatchBegin?.(batch, logs);
  }

  override onBatchEnd(batch: number, logs: Logs = {}): void | Promise<void> {
    return this.hooks.onBatchEnd?.(batch, logs);
  }

  override onTrainBatchBegin(batch: number, logs: Logs = {}): void | Promise<void> {
    const hook = this.hooks.onTrainBatchBegin;
    return hook === undefined ? super.onTrainBatchBegin(batch, logs) : hook(batch, logs);
  }

  override onTrainBatchEnd(batch: number, logs: Logs = {}): void | Promise<void> {
    const hook = this.hooks.onTrainBatchEnd;
    return hook === undefined ? super.onTrainBatchEnd(batch, logs) : hook(batch, logs);
  }

  override onTestBegin(logs: Logs = {}): void | Promise<void> {
    return this.hooks.onTestBegin?.(logs);
  }

  override onTestEnd(logs: Logs = {}): void | Promise<void> {
    return this.hooks.onTestEnd?.(logs);
  }

  override onTestBatchBegin(batch: number, logs: Logs = {}): void | Promise<void> {
    return this.hooks.onTestBatchBegin?.(batch, logs);
  }

  override onTestBatchEnd(batch: number, logs: Logs = {}): void | Promise<void> {
    return this.hooks.onTestBatchEnd?.(batch, logs);
  }

  override onPredictBegin(logs: Logs = {}): void | Promise<void> {
    return this.hooks.onPredictBegin?.(logs);
  }

  override onPredictEnd(logs: Logs = {}): void | Promise<void> {
    return this.hooks.onPredictEnd?.(logs);
  }

  override onPredictBatchBegin(batch: number, logs: Logs = {}): void | Promise<void> {
    return this.hooks.onPredictBatchBegin?.(batch, logs);
  }

  override onPredictBatchEnd(batch: number, logs: Logs = {}): void | Promise<void> {
    return this.hooks.onPredictBatchEnd?.(batch, logs);
  }
}
