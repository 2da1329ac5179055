/**
 * How a .h5 file becomes one of the library's models: the architecture through modelFromJSON,
 * compile settings from Keras' training_config.
 *
 * @example
 * const model = modelFromContent(content, { builder: kerasModelBuilder }, 'mnist.h5');
 */
import { registeredLayerNames } from '../../layers/registry.js';
import type { Model } from '../../models/model.js';
import { modelFromJSON } from '../../models/model-from-json.js';
import { compileArgsFromTrainingConfig } from './training-config.js';

// Keras names these layers differently in some versions; modelFromJSON accepts both.
const LAYER_ALIASES = ['MaxPool2D', 'AvgPool2D', 'GlobalAvgPool2D', 'GlobalMaxPool2D'];

/**
 * Builds the library's Sequential and functional models from a file.
 *
 * @example
 * const model = kerasModelBuilder.modelFromJSON(content.modelConfig);
 */
export const kerasModelBuilder = {
  modelFromJSON: (config: Record<string, unknown>): Model => modelFromJSON(config),
  supportedLayers: (): string[] => [...registeredLayerNames(), ...LAYER_ALIASES],
  compileFromTrainingConfig(model: Model, trainingConfig: Record<string, unknown>): void {
    model.compile(compileArgsFromTrainingConfig(trainingConfig));
  },
};
