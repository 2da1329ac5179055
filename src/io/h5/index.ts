/**
 * Keras model files: HDF5 (.h5) in every layout Keras 1, 2 and 3 wrote, Keras 3's native
 * .keras archive and .weights.h5 layout; saving/loading the library's models and weights
 * (files in Node, byte buffers everywhere).
 *
 * @example
 * import { loadModel, readKerasH5 } from 'convnet-ts';
 * const model = await loadModel('keras_model.keras');
 * const content = await readKerasH5('keras_model.h5');
 */
export {
  DEFAULT_BACKEND, DEFAULT_KERAS_VERSION, shortWeightName, type KerasH5Content, type KerasH5Layer,
  type KerasH5Layout, type KerasH5OptimizerWeight, type KerasH5Weight,
} from './keras-h5-content.js';
export type { ArrayData, ArrayDType } from './h5-datasets.js';
export { readKerasH5 } from './read-keras-h5.js';
export { readKerasH5Bytes } from './keras-h5-reader.js';
export { writeKerasH5, writeKerasH5ToBytes, type WriteKerasH5Options } from './write-keras-h5.js';
export { readModelFile, type ReadModelFileOptions } from './read-model-file.js';
export { checkModelConfig } from './model-config-check.js';
export {
  matchWeights, type LayerWeightSpec, type MatchOptions, type WeightAssignment,
} from './weight-matching.js';
export {
  loadModelFromBuffer, loadWeightsFromBuffer, saveModelToBuffer, saveWeightsToBuffer,
  type LoadModelOptions, type LoadWeightsOptions, type ModelBuilder, type ModelFormat,
  type SaveableLayer, type SaveableModel, type SaveableOptimizer, type SaveableVariable,
  type SaveOptions, type WeightsFormat,
} from './model-io.js';
export {
  readKerasArchive, writeKerasArchive, type KerasArchive,
} from '../keras3/keras-archive.js';
export { loadModel, loadWeights, saveModel, saveWeights } from './model-files.js';
export { compileArgsFromTrainingConfig, trainingConfigOf } from './training-config.js';
