/**
 * convnet-ts: convolutional neural networks in TypeScript with a Keras-shaped API.
 */
// The WebAssembly backend becomes the default as soon as the package is imported.
import './kernels/wasm/auto.js';

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
export * as datasets from './datasets/index.js';
export * as preprocessing from './preprocessing/index.js';
export * as utils from './utils/index.js';
export * from './io/idx/index.js';
export { kFold, crossValidate, Prefetcher } from './data/index.js';
export { CSVLogger, type CSVLoggerArgs } from './callbacks/csv-logger.js';
export { LambdaCallback, type LambdaCallbackArgs } from './callbacks/lambda-callback.js';
export { EarlyStopping, type EarlyStoppingArgs } from './callbacks/early-stopping.js';
export { ModelCheckpoint, type ModelCheckpointArgs } from './callbacks/model-checkpoint.js';
export {
  LearningRateScheduler, type LearningRateSchedulerArgs, type Schedule,
} from './callbacks/learning-rate-scheduler.js';
export { ReduceLROnPlateau, type ReduceLROnPlateauArgs } from './callbacks/reduce-lr-on-plateau.js';
export { TerminateOnNaN, type TerminateOnNaNArgs } from './callbacks/terminate-on-nan.js';
export { RemoteMonitor, type RemoteMonitorArgs } from './callbacks/remote-monitor.js';
export {
  BackupAndRestore, type BackupAndRestoreArgs, type ResumableModel,
} from './callbacks/backup-and-restore.js';
export { TensorBoard, type TensorBoardArgs } from './callbacks/tensorboard.js';
export * as tensorboard from './io/tensorboard/index.js';
export { formatPython, pythonRepr, type FormatValue } from './utils/format.js';
export { initWasmBackend, getNumThreads, setNumThreads, threadsReady } from './kernels/wasm/index.js';
export {
  layerActivations, activationModel, activationLayers, sampleActivations, type LayerOutput,
} from './explain/layer-activations.js';
export { writeActivationPictures, type LayerActivation } from './explain/activation-pictures.js';
export { readModelImage, type ModelImage } from './explain/activation-image.js';
