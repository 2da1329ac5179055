/**
 * convnet-ts: convolutional neural networks in TypeScript with a Keras-shaped API.
 */
export * from './errors.js';
export { log, setLogLevel, getLogLevel, setLogSink, type LogLevel } from './log.js';
export * from './tensor/tensor.js';
export * from './tensor/autograd.js';
export * from './tensor/shape.js';
export { heap, type HeapStats } from './tensor/heap.js';
export * from './kernels/registry.js';
export type { Backend, Conv2DGeometry, Pool2DGeometry } from './kernels/backend.js';
export * from './ops/index.js';
export * as plot from './plot/index.js';
export {
  arrayToImage, saveImage, imageGrid, type ImageLike, type RawImage, type ValueScale,
  type ArrayToImageOptions, type SaveImageOptions, type ImageGridOptions,
} from './utils/image.js';
export * from './io/h5/index.js';
export * from './initializers/index.js';
export { Random, setSeed, globalRng } from './tensor/random.js';
export * as layers from './layers/index.js';
export {
  input, resetNames, Layer, LayerVariable, SymbolicTensor, layerFromConfig, registerLayer,
} from './layers/index.js';
export { sequential, model, Sequential, Model, modelFromJSON, type ModelJSON } from './models/index.js';
export * as optimizers from './optimizers/index.js';
export * as losses from './losses/index.js';
export * as metrics from './metrics/index.js';
export * as regularizers from './regularizers/index.js';
export * as activations from './activations/index.js';
export { Callback, type Logs, type TrainingParams, type CallbackModel } from './callbacks/callback.js';
export { History } from './callbacks/history.js';
export { CallbackList } from './callbacks/callback-list.js';
export { BaseLogger } from './callbacks/base-logger.js';
export { ProgbarLogger } from './callbacks/progbar-logger.js';
export { Progbar, type TextStream } from './training/progbar.js';
export type { CompileArgs, FitArgs, EvaluateArgs, PredictArgs } from './training/index.js';
export type { Batch, BatchSequence } from './data/sequence.js';
export { isBatchSequence } from './data/sequence.js';
