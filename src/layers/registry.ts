/**
 * Layers by Keras class name, to rebuild them from a saved config (model_config JSON).
 *
 * @example
 * layerFromConfig({ class_name: 'Dense', config: { name: 'dense', units: 10 } });
 */
import { NotSupportedError } from '../errors.js';
import { Activation, ReLU, Softmax } from './activation-layers.js';
import { BatchNormalization } from './batch-normalization.js';
import { Conv2D } from './conv2d.js';
import { Dense } from './dense.js';
import { Dropout } from './dropout.js';
import { GlobalAveragePooling2D, GlobalMaxPooling2D } from './global-pooling2d.js';
import { InputLayer } from './input-layer.js';
import type { Layer, LayerConfig } from './layer.js';
import { Add, Concatenate } from './merge.js';
import { AveragePooling2D, MaxPooling2D } from './pooling2d.js';
import { Flatten, Reshape } from './reshaping.js';

type FromConfig = (config: LayerConfig) => Layer;

const REGISTRY = new Map<string, FromConfig>([
  ['InputLayer', InputLayer.fromConfig],
  ['Dense', Dense.fromConfig],
  ['Conv2D', Conv2D.fromConfig],
  ['MaxPooling2D', MaxPooling2D.fromConfig],
  ['AveragePooling2D', AveragePooling2D.fromConfig],
  ['GlobalAveragePooling2D', GlobalAveragePooling2D.fromConfig],
  ['GlobalMaxPooling2D', GlobalMaxPooling2D.fromConfig],
  ['Flatten', Flatten.fromConfig],
  ['Reshape', Reshape.fromConfig],
  ['Dropout', Dropout.fromConfig],
  ['Activation', Activation.fromConfig],
  ['ReLU', ReLU.fromConfig],
  ['Softmax', Softmax.fromConfig],
  ['BatchNormalization', BatchNormalization.fromConfig],
  ['Concatenate', Concatenate.fromConfig],
  ['Add', Add.fromConfig],
]);

/** Keras aliases that name the same layer. */
const ALIASES: Record<string, string> = {
  MaxPool2D: 'MaxPooling2D', AvgPool2D: 'AveragePooling2D', Convolution2D: 'Conv2D',
  GlobalAvgPool2D: 'GlobalAveragePooling2D', GlobalMaxPool2D: 'GlobalMaxPooling2D',
};

/** Adds a layer class (custom layers) so that configs naming it can be loaded. */
export function registerLayer(className: string, fromConfig: FromConfig): void {
  REGISTRY.set(className, fromConfig);
}

export function registeredLayerNames(): string[] {
  return [...REGISTRY.keys()];
}

export function layerFromConfig(json: { class_name: string; config: LayerConfig }): Layer {
  const name = ALIASES[json.class_name] ?? json.class_name;
  const make = REGISTRY.get(name);
  if (make === undefined) {
    throw new NotSupportedError(`layer class '${json.class_name}' (supported: ` +
      `${registeredLayerNames().join(', ')})`);
  }
  return make(json.config);
}
