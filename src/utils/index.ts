/**
 * Data helpers in the spirit of Keras' `utils` and scikit-learn's model selection.
 *
 * @example
 * import { utils } from 'convnet-ts';
 * const yOneHot = utils.toCategorical(yTrain, 10);
 */
export * from './to-categorical.js';
export * from './normalize.js';
export * from './shuffle.js';
export * from './take-rows.js';
export * from './train-test-split.js';
export * from './multi-hot.js';
export { kFold, type KFoldOptions, type Fold } from '../data/k-fold.js';
export { crossValidate, type CrossValidation } from '../data/cross-validate.js';
export * from './image.js';
