/**
 * TerminateOnNaN: stops training at the first batch whose loss is NaN or infinite. By default
 * the stop is graceful, as in Keras: the current epoch is closed (its end hooks run) and
 * every callback's onTrainEnd still runs. With `raiseError` the hook throws instead.
 *
 * @example
 * await model.fit(x, y, { epochs: 10, callbacks: [new TerminateOnNaN()] });
 */
import { ValueError } from '../errors.js';
import { log } from '../log.js';
import { checkOptionNames, optionNames } from '../utils/check-options.js';
import { Callback, type Logs } from './callback.js';

export interface TerminateOnNaNArgs {
  /** Throw instead of stopping gracefully. Default false. */
  raiseError?: boolean;
}

const OPTIONS = optionNames<TerminateOnNaNArgs>()(['raiseError']);

export class TerminateOnNaN extends Callback {
  readonly raiseError: boolean;

  constructor(args: TerminateOnNaNArgs = {}) {
    super();
    checkOptionNames('TerminateOnNaN', args, OPTIONS);
    this.raiseError = args.raiseError ?? false;
  }

  override onTrainBatchEnd(batch: number, logs: Logs = {}): void {
    const loss = logs.loss;
    if (loss === undefined || Number.isFinite(loss)) return;
    if (this.raiseError) {
      throw new ValueError(`NaN or Inf loss encountered at batch ${batch}. Stopping training. ` +
        `Lower the learning rate, check the inputs for NaN, or clip gradients.`);
    }
    log.warn(`Batch ${batch}: Invalid loss, terminating training`);
    if (this.model !== null) this.model.stopTraining = true;
  }
}
