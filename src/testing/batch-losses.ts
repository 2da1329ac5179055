/**
 * A callback for resume tests: records every training batch's loss from epoch `fromEpoch` on,
 * and reseeds the global generator after epoch `reseedAfter`, so that an interrupted run and
 * an uninterrupted one draw the same shuffles and dropout masks from there.
 *
 * @example
 * const whole = new BatchLosses(2, 1); // losses of epochs 2.., reseeded after epoch 1
 */
import { Callback, type Logs } from '../callbacks/callback.js';
import { setSeed } from '../tensor/random.js';

export class BatchLosses extends Callback {
  losses: number[] = [];
  private epoch = 0;

  constructor(private readonly fromEpoch: number, private readonly reseedAfter?: number) {
    super();
  }

  override onEpochBegin(epoch: number): void {
    this.epoch = epoch;
  }

  override onTrainBatchEnd(_batch: number, logs?: Logs): void {
    if (this.epoch >= this.fromEpoch) this.losses.push(logs!['loss']!);
  }

  override onEpochEnd(epoch: number): void {
    if (epoch === this.reseedAfter) setSeed(99);
  }
}
