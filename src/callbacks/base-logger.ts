/**
 * BaseLogger: averages batch logs over an epoch, weighting each batch by its size, and puts
 * the averages in the epoch logs for keys that are not there yet (Keras 1/2's BaseLogger).
 * Our fit() already logs epoch means, so it only matters for custom loops.
 *
 * @example
 * const avg = new BaseLogger();
 * await avg.onTrainBatchEnd(0, { size: 32, loss: 0.5 });
 */
import { Callback, type Logs } from './callback.js';

export class BaseLogger extends Callback {
  private seen = 0;
  private totals: Record<string, number> = {};

  constructor(private readonly statefulMetrics: readonly string[] = []) {
    super();
  }

  override onEpochBegin(): void {
    this.seen = 0;
    this.totals = {};
  }

  override onTrainBatchEnd(_batch: number, logs: Logs = {}): void {
    const size = logs.size ?? 1;
    this.seen += size;
    for (const [key, value] of Object.entries(logs)) {
      if (key === 'batch' || key === 'size') continue;
      if (this.statefulMetrics.includes(key)) this.totals[key] = value;
      else this.totals[key] = (this.totals[key] ?? 0) + value * size;
    }
  }

  override onEpochEnd(_epoch: number, logs: Logs = {}): void {
    for (const [key, total] of Object.entries(this.totals)) {
      if (key in logs) continue;
      logs[key] = this.statefulMetrics.includes(key) ? total : total / Math.max(1, this.seen);
    }
  }
}
