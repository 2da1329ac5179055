/**
 * History: what fit() returns. Records each epoch's logs under their Keras keys.
 *
 * @example
 * const h = await model.fit(x, y, { epochs: 3, validationSplit: 0.1 });
 * h.history.loss;          // [0.61, 0.32, 0.25]
 * h.history.val_accuracy;  // [...]
 */
import { Callback, type Logs } from './callback.js';

export class History extends Callback {
  /** Epoch numbers (0-based) in the order they ran. */
  epoch: number[] = [];
  history: Record<string, number[]> = {};

  override onTrainBegin(): void {
    this.epoch = [];
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    this.epoch.push(epoch);
    for (const [key, value] of Object.entries(logs)) {
      (this.history[key] ??= []).push(value);
    }
  }
}
