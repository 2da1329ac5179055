/**
 * LambdaCallback: a callback made of plain functions, for quick one-off hooks.
 *
 * @example
 * new LambdaCallback({ onEpochEnd: (epoch, logs) => plot.add(epoch, logs.loss) });
 */
import { Callback, type Logs } from './callback.js';

type Hook = (logs: Logs) => void | Promise<void>;
type IndexedHook = (index: number, logs: Logs) => void | Promise<void>;

export interface LambdaCallbackArgs {
  onEpochBegin?: IndexedHook;
  onEpochEnd?: IndexedHook;
  /** Called at the start of each training batch (Keras' on_batch_begin). */
  onBatchBegin?: IndexedHook;
  /** Called at the end of each training batch (Keras' on_batch_end). */
  onBatchEnd?: IndexedHook;
  onTrainBegin?: Hook;
  onTrainEnd?: Hook;
}

export class LambdaCallback extends Callback {
  private readonly hooks: LambdaCallbackArgs;

  constructor(hooks: LambdaCallbackArgs = {}) {
    super();
    this.hooks = { ...hooks };
  }

  override onEpochBegin(epoch: number, logs: Logs = {}): void | Promise<void> {
    return this.hooks.onEpochBegin?.(epoch, logs);
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void | Promise<void> {
    return this.hooks.onEpochEnd?.(epoch, logs);
  }

  override onTrainBatchBegin(batch: number, logs: Logs = {}): void | Promise<void> {
    return this.hooks.onBatchBegin?.(batch, logs);
  }

  override onTrainBatchEnd(batch: number, logs: Logs = {}): void | Promise<void> {
    return this.hooks.onBatchEnd?.(batch, logs);
  }

  override onTrainBegin(logs: Logs = {}): void | Promise<void> {
    return this.hooks.onTrainBegin?.(logs);
  }

  override onTrainEnd(logs: Logs = {}): void | Promise<void> {
    return this.hooks.onTrainEnd?.(logs);
  }
}
