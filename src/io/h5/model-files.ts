/**
 * Saving and loading models and weights as .h5 files on disk (Node): `model.save('x.h5')` and
 * `model.saveWeights('x.h5')` end up here, and `loadModel` / `loadWeights` read files written
 * by this library or by Keras (tf.keras 2.x, Keras 2.0-2.3, Keras 3's legacy .h5).
 * Files are written atomically: a failure never leaves a half-written file under the name.
 *
 * @example
 * await model.save('mnist.h5');
 * const again = await loadModel('mnist.h5');
 * await loadWeights(other, 'mnist.h5', { byName: true, skipMismatch: true });
 */
import type { Model } from '../../models/model.js';
import { readKerasH5 } from './read-keras-h5.js';
import { writeKerasH5 } from './write-keras-h5.js';
import { registerModelFileWriters } from './model-file-hooks.js';
import {
  assignWeights, contentOfModel, contentOfWeights, modelFromContent, type LoadModelOptions, type SaveableModel,
  type SaveOptions,
} from './model-io.js';
import type { MatchOptions } from './weight-matching.js';

/**
 * Saves architecture, weights, compile settings and optimizer state to `path` in the tf.keras 2
 * layout (Keras 2 and 3 load it with `load_model`). Same as `model.save(path)`.
 *
 * @example
 * await saveModel(model, 'mnist.h5', { includeOptimizer: false });
 */
export async function saveModel(model: SaveableModel, path: string,
  options: SaveOptions = {}): Promise<void> {
  await writeKerasH5(path, contentOfModel(model, options), { layout: 'model' });
}

/**
 * Rebuilds a model saved by `model.save` here or in Keras: architecture, weights and, if it was
 * compiled, compile settings and optimizer state (so `fit` continues where it stopped).
 * Nothing from the file is executed: a Lambda layer is refused with the other unsupported
 * classes, all named in one error.
 *
 * @example
 * const model = await loadModel('mnist.h5');
 * const forInference = await loadModel('keras_model.h5', { compile: false });
 */
export async function loadModel<M extends SaveableModel = Model>(source: string | Uint8Array,
  options: LoadModelOptions<M> = {}): Promise<M> {
  const label = options.label ?? (typeof source === 'string' ? source : 'buffer');
  return modelFromContent(await readKerasH5(source, label), options, label);
}

/**
 * Saves the weights only, in the layout of Keras' `save_weights('x.h5')`. Same as
 * `model.saveWeights(path)`.
 *
 * @example
 * await saveWeights(model, 'mnist.weights.h5');
 */
export async function saveWeights(model: Pick<SaveableModel, 'layers'>, path: string):
  Promise<void> {
  await writeKerasH5(path, contentOfWeights(model), { layout: 'weights' });
}

/**
 * Loads weights from a weights-only or full-model .h5 file (ours or Keras') into `model`: by
 * order of the layers that have weights (default), or `{ byName: true }`, where
 * `skipMismatch: true` skips layers whose shapes differ (with a warning).
 *
 * @example
 * await loadWeights(model, 'mnist.h5');
 * await loadWeights(model, 'pretrained.h5', { byName: true, skipMismatch: true });
 */
export async function loadWeights(model: Pick<SaveableModel, 'layers'>,
  source: string | Uint8Array, options: MatchOptions & { label?: string } = {}): Promise<void> {
  const label = options.label ?? (typeof source === 'string' ? source : 'buffer');
  assignWeights(model, (await readKerasH5(source, label)).layers, options, label);
}

registerModelFileWriters({ saveModel, saveWeights });
