/**
 * Keras HDF5 (.h5) files: reading every layout Keras 1, 2 and 3 wrote, writing the tf.keras 2
 * layout, and saving/loading models and weights.
 *
 * @example
 * import { readKerasH5, writeKerasH5 } from 'convnet-ts';
 * const content = await readKerasH5('keras_model.h5');
 */
export {
  DEFAULT_BACKEND, DEFAULT_KERAS_VERSION, shortWeightName, type KerasH5Content, type KerasH5Layer,
  type KerasH5Layout, type KerasH5OptimizerWeight, type KerasH5Weight,
} from './keras-h5-content.js';
export type { ArrayData, ArrayDType } from './h5-datasets.js';
export { readKerasH5 } from './read-keras-h5.js';
export { writeKerasH5, writeKerasH5ToBytes, type WriteKerasH5Options } from './write-keras-h5.js';
export { readModelFile, type ReadModelFileOptions } from './read-model-file.js';
export { checkModelConfig } from './model-config-check.js';
export {
  matchWeights, type LayerWeightSpec, type MatchOptions, type WeightAssignment,
} from './weight-matching.js';
export {
  loadModel, loadModelFromBuffer, loadWeights, saveModel, saveModelToBuffer, saveWeights,
  type ModelBuilder, type SaveableLayer, type SaveableModel, type SaveableOptimizer,
  type SaveableVariable, type SaveOptions,
} from './model-io.js';
