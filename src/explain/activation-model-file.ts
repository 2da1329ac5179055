/**
 * Opens a Keras .h5 model (a path in Node, bytes anywhere) as a library Model, for the
 * activation pictures, the digit page and the model page: the h5 reader's loadModel with the
 * model classes as its builder. Plain TypeScript apart from the h5 runtime, which picks its
 * Node or browser build itself.
 *
 * @example
 * const net = await openKerasModel('web/models/mnist-small.h5');
 * const net2 = await openKerasModel(new Uint8Array(await file.arrayBuffer()), file.name);
 */
import { loadModel, type ModelBuilder } from '../io/h5/model-io.js';
import { registeredLayerNames } from '../layers/registry.js';
import { modelFromJSON } from '../models/model-from-json.js';
import type { Model } from '../models/model.js';

/** How the .h5 reader builds our models: from model_config, with the registered layers. */
export const modelBuilder: ModelBuilder<Model> = {
  modelFromJSON: (config) => modelFromJSON(config),
  supportedLayers: () => registeredLayerNames(),
};

/**
 * The model in a Keras .h5 file (architecture and weights; training settings are not needed to
 * look inside, so the model comes back uncompiled). `label` names a byte buffer in errors.
 *
 * @example
 * const net = await openKerasModel(bytes, 'upload.h5');
 * net.summary(console.log);
 */
export async function openKerasModel(source: string | Uint8Array, label?: string): Promise<Model> {
  return loadModel(source, modelBuilder, label);
}
