/**
 * Layers, as classes (`new layers.Conv2D({...})`) and, as the primary form, factory
 * functions named like TensorFlow.js (`layers.conv2d({...})`).
 *
 * @example
 * import { layers, sequential } from 'convnet-ts';
 * const m = sequential([
 *   layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
 *   layers.maxPooling2d({ poolSize: 2 }),
 *   layers.flatten(),
 *   layers.dense({ units: 10, activation: 'softmax' }),
 * ]);
 */
import { Activation, ReLU, Softmax, type ActivationArgs, type ReLUArgs, type SoftmaxArgs } from './activation-layers.js';
import { BatchNormalization, type BatchNormalizationArgs } from './batch-normalization.js';
import { Conv2D, type Conv2DArgs } from './conv2d.js';
import { Dense, type DenseArgs } from './dense.js';
import { Dropout, type DropoutArgs } from './dropout.js';
import { GlobalAveragePooling2D, GlobalMaxPooling2D, type GlobalPooling2DArgs } from './global-pooling2d.js';
import { InputLayer, type InputLayerArgs } from './input-layer.js';
import type { LayerArgs } from './layer.js';
import { Add, Concatenate, type ConcatenateArgs } from './merge.js';
import { AveragePooling2D, MaxPooling2D, type Pooling2DArgs } from './pooling2d.js';
import { Flatten, Reshape, type ReshapeArgs } from './reshaping.js';

export {
  Activation, ReLU, Softmax, BatchNormalization, Conv2D, Dense, Dropout, GlobalAveragePooling2D,
  GlobalMaxPooling2D, InputLayer, Add, Concatenate, AveragePooling2D, MaxPooling2D, Flatten, Reshape,
};
export type {
  ActivationArgs, ReLUArgs, SoftmaxArgs, BatchNormalizationArgs, Conv2DArgs, DenseArgs, DropoutArgs,
  GlobalPooling2DArgs, InputLayerArgs, ConcatenateArgs, Pooling2DArgs, ReshapeArgs, LayerArgs,
};
export { Layer, LayerVariable, type CallContext, type LayerConfig, type LayerNode } from './layer.js';
export { SymbolicTensor, type SymbolicShape } from './symbolic-tensor.js';
export { input, type InputArgs } from './input-layer.js';
export { resetNames } from './naming.js';
export { layerFromConfig, registerLayer, registeredLayerNames } from './registry.js';
// The shared initializers, under the names this namespace has always exported.
export {
  getInitializer, type Initializer, type SerializedInitializer as InitializerConfig,
} from '../initializers/index.js';

export const dense = (args: DenseArgs): Dense => new Dense(args);
export const conv2d = (args: Conv2DArgs): Conv2D => new Conv2D(args);
export const maxPooling2d = (args: Pooling2DArgs = {}): MaxPooling2D => new MaxPooling2D(args);
export const averagePooling2d = (args: Pooling2DArgs = {}): AveragePooling2D => new AveragePooling2D(args);
export const globalAveragePooling2d = (args: GlobalPooling2DArgs = {}): GlobalAveragePooling2D =>
  new GlobalAveragePooling2D(args);
export const globalMaxPooling2d = (args: GlobalPooling2DArgs = {}): GlobalMaxPooling2D =>
  new GlobalMaxPooling2D(args);
export const flatten = (args: LayerArgs = {}): Flatten => new Flatten(args);
export const reshape = (args: ReshapeArgs): Reshape => new Reshape(args);
export const dropout = (args: DropoutArgs): Dropout => new Dropout(args);
export const activation = (args: ActivationArgs): Activation => new Activation(args);
export const reLU = (args: ReLUArgs = {}): ReLU => new ReLU(args);
export const softmax = (args: SoftmaxArgs = {}): Softmax => new Softmax(args);
export const batchNormalization = (args: BatchNormalizationArgs = {}): BatchNormalization =>
  new BatchNormalization(args);
export const concatenate = (args: ConcatenateArgs = {}): Concatenate => new Concatenate(args);
export const add = (args: LayerArgs = {}): Add => new Add(args);
export const inputLayer = (args: InputLayerArgs): InputLayer => new InputLayer(args);
