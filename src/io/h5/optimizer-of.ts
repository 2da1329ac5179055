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
  // The library's models carry `compiled` (null before compile()); other models may only
  // have `optimizer`.
  if (model.compiled !== undefined) return model.compiled?.optimizer ?? null;
  return model.optimizer ?? null;
}
