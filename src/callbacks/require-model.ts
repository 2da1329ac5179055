/**
 * The model a callback was given by `fit`, or a clear error when the callback is used alone.
 *
 * @example
 * const model = requireModel(this.model, 'EarlyStopping');
 */
import { ValueError } from '../errors.js';
import type { CallbackModel } from './callback.js';

export function requireModel(model: CallbackModel | null, where: string): CallbackModel {
  if (model === null) throw new ValueError(`${where}: no model set; pass the callback to fit()`);
  return model;
}
