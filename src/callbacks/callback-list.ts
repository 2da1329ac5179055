/**
 * Calls every callback's hook in order, awaiting each (hooks may be async), as fit, evaluate
 * and predict need.
 *
 * @example
 * const list = new CallbackList([history, progbar], model, params);
 * await list.onEpochBegin(0);
 */
import type { Callback, CallbackModel, Logs, TrainingParams } from './callback.js';

type Hook = 'onTrainBegin' | 'onTrainEnd' | 'onTestBegin' | 'onTestEnd' | 'onPredictBegin' | 'onPredictEnd';
type IndexedHook = 'onEpochBegin' | 'onEpochEnd' | 'onTrainBatchBegin' | 'onTrainBatchEnd' |
  'onTestBatchBegin' | 'onTestBatchEnd' | 'onPredictBatchBegin' | 'onPredictBatchEnd';

export class CallbackList {
  readonly callbacks: Callback[];

  constructor(callbacks: readonly Callback[], model?: CallbackModel, params?: TrainingParams) {
    this.callbacks = [...callbacks];
    if (model !== undefined) for (const c of this.callbacks) c.setModel(model);
    if (params !== undefined) for (const c of this.callbacks) c.setParams(params);
  }

  /** Every callback's {@link Callback.checkModel}, in order; fit runs it before onTrainBegin. */
  async checkModel(model: CallbackModel): Promise<void> {
    for (const c of this.callbacks) await c.checkModel(model);
  }

  private async each(hook: Hook, logs: Logs): Promise<void> {
    for (const c of this.callbacks) await c[hook](logs);
  }

  private async eachIndexed(hook: IndexedHook, index: number, logs: Logs): Promise<void> {
    for (const c of this.callbacks) await c[hook](index, logs);
  }

  onTrainBegin(logs: Logs = {}): Promise<void> { return this.each('onTrainBegin', logs); }
  onTrainEnd(logs: Logs = {}): Promise<void> { return this.each('onTrainEnd', logs); }
  onTestBegin(logs: Logs = {}): Promise<void> { return this.each('onTestBegin', logs); }
  onTestEnd(logs: Logs = {}): Promise<void> { return this.each('onTestEnd', logs); }
  onPredictBegin(logs: Logs = {}): Promise<void> { return this.each('onPredictBegin', logs); }
  onPredictEnd(logs: Logs = {}): Promise<void> { return this.each('onPredictEnd', logs); }

  onEpochBegin(epoch: number, logs: Logs = {}): Promise<void> {
    return this.eachIndexed('onEpochBegin', epoch, logs);
  }

  onEpochEnd(epoch: number, logs: Logs = {}): Promise<void> {
    return this.eachIndexed('onEpochEnd', epoch, logs);
  }

  onTrainBatchBegin(batch: number, logs: Logs = {}): Promise<void> {
    return this.eachIndexed('onTrainBatchBegin', batch, logs);
  }

  onTrainBatchEnd(batch: number, logs: Logs = {}): Promise<void> {
    return this.eachIndexed('onTrainBatchEnd', batch, logs);
  }

  onTestBatchBegin(batch: number, logs: Logs = {}): Promise<void> {
    return this.eachIndexed('onTestBatchBegin', batch, logs);
  }

  onTestBatchEnd(batch: number, logs: Logs = {}): Promise<void> {
    return this.eachIndexed('onTestBatchEnd', batch, logs);
  }

  onPredictBatchBegin(batch: number, logs: Logs = {}): Promise<void> {
    return this.eachIndexed('onPredictBatchBegin', batch, logs);
  }

  onPredictBatchEnd(batch: number, logs: Logs = {}): Promise<void> {
    return this.eachIndexed('onPredictBatchEnd', batch, logs);
  }
}
