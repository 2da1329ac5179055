/**
 * What callbacks require of their model: the model itself (given by `fit`, missing when the
 * callback is used alone), and a learning rate they may set.
 *
 * @example
 * const model = requireModel(this.model, 'EarlyStopping');
 * requireSettableRate(model, 'ReduceLROnPlateau'); // in checkModel, before training
 */
import { ValueError } from '../errors.js';
import type { CallbackModel } from './callback.js';

export function requireModel(model: CallbackModel | null, where: string): CallbackModel {
  if (model === null) throw new ValueError(`${where}: no model set; pass the callback to fit()`);
  return model;
}

/**
 * Throws when the optimizer's learning rate follows a schedule, which refuses to be set: a
 * callback that sets the rate calls this from checkModel, to fail before training starts
 * rather than at its first change, epochs later.
 */
export function requireSettableRate(model: CallbackModel, where: string): void {
  const schedule = model.learningRateSchedule ?? null;
  if (schedule === null) return;
  throw new ValueError(`${where} cannot change the learning rate: the optimizer follows a ` +
    `schedule (${schedule}). Build the optimizer with a number as learningRate to let ${where} ` +
    `change it, or leave ${where} out and let the schedule set the rate.`);
}
