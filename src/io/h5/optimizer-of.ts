/**
 * The optimizer of a saveable model, whichever way the model exposes it.
 *
 * @example
 * optimizerOf(model)?.getWeights();
 */
import type { SaveableModel, SaveableOptimizer } from './model-io.js';

/**
 * The model's optimizer, or null before compile().
 *
 * @example
 * if (optimizerOf(model) === null) log.info('not compiled: no optimizer state to save');
 */
export function optimizerOf(model: SaveableModel): SaveableOptimizer | null {
  // The library's models throw from `optimizer` until compiled; `compiled` (null) says so first.
  if (model.compiled !== undefined) return model.compiled?.optimizer ?? null;
  return model.optimizer ?? null;
}
