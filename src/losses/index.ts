/**
 * Losses by Keras name or as objects.
 *
 * @example
 * model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
 * model.compile({ optimizer: 'adam', loss: new losses.CategoricalCrossentropy({ fromLogits: true }) });
 */
export {
  Loss, CategoricalCrossentropy, SparseCategoricalCrossentropy, BinaryCrossentropy,
  MeanSquaredError, MeanAbsoluteError, Huber, KLDivergence, Hinge, FunctionLoss, getLoss,
  lossNames, EPSILON, type LossConfig, type LossIdentifier, type CrossentropyArgs,
} from './loss.js';
