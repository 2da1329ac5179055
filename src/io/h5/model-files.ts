/**
 * Saving and loading models and weights as files on disk (Node): `model.save(path)` and
 * `model.saveWeights(path)` end up here, and `loadModel` / `loadWeights` read files written
 * by this library or by Keras (Keras 3's .keras and .weights.h5, tf.keras 2.x, Keras 2.0-2.3,
 * Keras 3's legacy .h5).
 *
 * Saving picks the format by extension: `.keras` is Keras 3's native archive, `.h5` / `.hdf5`
 * the tf.keras 2 layout, and for weights `.weights.h5` is Keras 3's variables layout. Loading
 * looks at the content. Files are written atomically: a failure never leaves a half-written
 * file under the name.
 *
 * @example
 * await model.save('mnist.keras');
 * const again = await loadModel('mnist.keras');
 * await loadWeights(other, 'mnist.h5', { byName: true, skipMismatch: true });
 */
import { open, readFile } from 'node:fs/promises';
import { IoError, ValueError } from '../../errors.js';
import type { Model } from '../../models/model.js';
import { writeFileAtomic } from '../atomic-write.js';
import { saveModelToKerasBytes, saveVarsWeightsToBytes } from '../keras3/keras-model-io.js';
import '../zip/zip-node.js';
import { isZip } from './file-signature.js';
import { readH5 } from './h5-file.js';
import { writeKerasH5 } from './write-keras-h5.js';
import { registerModelFileWriters } from './model-file-hooks.js';
import {
  assignWeightsContent, contentOfModel, contentOfWeights, loadModelFromBuffer,
  loadWeightsFromBuffer, modelFromContent, readModelContent, readWeightsContent,
  type LoadModelOptions, type LoadWeightsOptions, type ModelFormat, type SaveableModel,
  type SaveOptions,
} from './model-io.js';

/**
 * Saves architecture, weights, compile settings and optimizer state to `path`: Keras 3's
 * `.keras` archive, or the tf.keras 2 layout for `.h5` / `.hdf5` (Keras 2 and 3 load both with
 * `load_model`). Same as `model.save(path)`.
 *
 * @example
 * await saveModel(model, 'mnist.keras');
 * await saveModel(model, 'mnist.h5', { includeOptimizer: false });
 */
export async function saveModel(model: SaveableModel, path: string,
  options: SaveOptions = {}): Promise<void> {
  if (modelFormatOf(path, options.format) === 'keras') {
    await writeFileAtomic(path, await saveModelToKerasBytes(model, options));
    return;
  }
  await writeKerasH5(path, contentOfModel(model, options), { layout: 'model' });
}

/**
 * Rebuilds a model saved by `model.save` here or in Keras (a .keras or .h5 file, told apart
 * by content): architecture, weights and, if it was compiled, compile settings and optimizer
 * state (so `fit` continues where it stopped). Nothing from the file is executed: a Lambda
 * layer is refused with the other unsupported classes, all named in one error.
 *
 * @example
 * const model = await loadModel('mnist.keras');
 * const forInference = await loadModel('keras_model.h5', { compile: false });
 */
export async function loadModel<M extends SaveableModel = Model>(source: string | Uint8Array,
  options: LoadModelOptions<M> = {}): Promise<M> {
  const label = options.label ?? (typeof source === 'string' ? source : 'buffer');
  if (typeof source !== 'string' || await startsLikeZip(source, label)) {
    return loadModelFromBuffer(await bytesOf(source, label), { ...options, label });
  }
  return modelFromContent(await readH5(source, readModelContent, label), options, label);
}

/**
 * Saves the weights only: Keras 3's variables layout for `.weights.h5` (what Keras 3 and
 * tf.keras >= 2.13 write for that suffix), Keras 2's `save_weights` layout for other `.h5` /
 * `.hdf5` names. Same as `model.saveWeights(path)`.
 *
 * @example
 * await saveWeights(model, 'mnist.weights.h5');
 */
export async function saveWeights(model: Pick<SaveableModel, 'layers'>, path: string):
  Promise<void> {
  if (path.endsWith('.weights.h5')) {
    await writeFileAtomic(path, await saveVarsWeightsToBytes(model));
    return;
  }
  if (!/\.(h5|hdf5)$/.test(path)) {
    throw new ValueError(`saveWeights('${path}'): the name must end in '.weights.h5' (Keras 3's ` +
      `weights layout) or '.h5' / '.hdf5' (Keras 2's save_weights layout)`);
  }
  await writeKerasH5(path, contentOfWeights(model), { layout: 'weights' });
}

/**
 * Loads weights into `model` from a file of any layout (told apart by content): Keras 2 .h5
 * (weights-only or whole model) by order of the layers that have weights (default) or
 * `{ byName: true }`, where `skipMismatch: true` skips layers whose shapes differ (with a
 * warning); Keras 3 .weights.h5 or .keras by the group each layer's class names.
 *
 * @example
 * await loadWeights(model, 'mnist.weights.h5');
 * await loadWeights(model, 'pretrained.h5', { byName: true, skipMismatch: true });
 */
export async function loadWeights(model: Pick<SaveableModel, 'layers'>,
  source: string | Uint8Array, options: LoadWeightsOptions = {}): Promise<void> {
  const label = options.label ?? (typeof source === 'string' ? source : 'buffer');
  if (typeof source !== 'string' || await startsLikeZip(source, label)) {
    await loadWeightsFromBuffer(model, await bytesOf(source, label), { ...options, label });
    return;
  }
  const content = await readH5(source, (root) => readWeightsContent(root, model), label);
  assignWeightsContent(model, content, options, label);
}

function modelFormatOf(path: string, requested: ModelFormat | undefined): ModelFormat {
  const format = path.endsWith('.keras') ? 'keras' : /\.(h5|hdf5)$/.test(path) ? 'h5' : undefined;
  if (format === undefined) {
    throw new ValueError(`model.save('${path}'): the name must end in '.keras' (Keras 3's ` +
      `native format) or '.h5' / '.hdf5' (the tf.keras 2 HDF5 layout)`);
  }
  if (requested !== undefined && requested !== format) {
    throw new ValueError(`model.save('${path}'): format '${requested}' does not match the ` +
      `extension, which means '${format}'`);
  }
  return format;
}

async function startsLikeZip(path: string, label: string): Promise<boolean> {
  let file;
  try {
    file = await open(path, 'r');
  } catch (error) {
    throw cannotOpen(error, label);
  }
  try {
    const head = new Uint8Array(4);
    await file.read(head, 0, 4, 0);
    return isZip(head);
  } catch (error) {
    // Opening a directory for reading succeeds on Linux; reading it is what fails (EISDIR).
    throw cannotOpen(error, label);
  } finally {
    await file.close();
  }
}

async function bytesOf(source: string | Uint8Array, label: string): Promise<Uint8Array> {
  if (typeof source !== 'string') return source;
  try {
    const b = await readFile(source);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch (error) {
    throw cannotOpen(error, label);
  }
}

function cannotOpen(error: unknown, label: string): IoError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file'
    : code === 'EISDIR' ? 'it is a directory; give the path of a .keras or .h5 file' : code;
  return new IoError(`${label}: cannot open (${why})`, { cause: error });
}

registerModelFileWriters({ saveModel, saveWeights });
