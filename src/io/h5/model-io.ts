/**
 * Saving and loading models and weights in Keras' .h5 format. Written against the small
 * structural interfaces below (what a model, its layers and its optimizer expose), so that it
 * works with the library's Sequential/Functional models without importing them.
 *
 * @example
 * await saveWeights(model, 'mnist.weights.h5');
 * await loadWeights(model, 'mnist.weights.h5');
 * await saveModel(model, 'mnist.h5');
 * const again = await loadModel('mnist.h5', modelBuilder);
 */
import { IoError } from '../../errors.js';
import { log } from '../../log.js';
import { tensor, type Tensor } from '../../tensor/tensor.js';
import type { ArrayData } from './h5-datasets.js';
import type { KerasH5Content, KerasH5Layer, KerasH5OptimizerWeight } from './keras-h5-content.js';
import { readKerasH5 } from './read-keras-h5.js';
import { readModelFile } from './read-model-file.js';
import { matchWeights, type MatchOptions } from './weight-matching.js';
import { writeKerasH5, writeKerasH5ToBytes } from './write-keras-h5.js';

/** A layer weight: Keras name ('conv2d/kernel:0') and its tensor, which loading updates in place. */
export interface SaveableVariable {
  readonly name: string;
  readonly value: Tensor;
}

/** A layer: its name and weights, trainable first then non-trainable (Keras' order). */
export interface SaveableLayer {
  readonly name: string;
  readonly weights: readonly SaveableVariable[];
}

/** An optimizer's state as tensors (step counter first, then slots), and its config. */
export interface SaveableOptimizer {
  getWeights(): Tensor[];
  setWeights(values: readonly Tensor[]): void;
  /** Keras names of the state variables ('iteration:0', 'Adam/m/dense/kernel:0'...). */
  getWeightNames?(): string[];
}

export interface SaveableModel {
  readonly layers: readonly SaveableLayer[];
  /** The Keras model_config: {class_name, config}. */
  toJSON(): unknown;
  /** The optimizer, once compiled. */
  readonly optimizer?: SaveableOptimizer | null;
  /** Keras training_config (loss, metrics, optimizer_config...), once compiled. */
  trainingConfig?(): Record<string, unknown> | undefined;
}

/** How to rebuild a model from a file: the hooks the model classes provide. */
export interface ModelBuilder<M extends SaveableModel = SaveableModel> {
  /** Builds (uncompiled) a model from model_config. */
  modelFromJSON(config: Record<string, unknown>): M;
  /** Layer class names modelFromJSON can build, checked before building anything. */
  supportedLayers(): readonly string[];
  /** Compiles `model` as training_config says (optimizer, loss, metrics). */
  compileFromTrainingConfig?(model: M, trainingConfig: Record<string, unknown>): void;
}

export interface SaveOptions {
  /** Include the optimizer state (default true), so training can resume where it stopped. */
  includeOptimizer?: boolean;
}

/**
 * Saves architecture, weights, compile settings and optimizer state to `path` (atomically).
 *
 * @example
 * await saveModel(model, 'mnist.h5');
 */
export async function saveModel(model: SaveableModel, path: string,
  options: SaveOptions = {}): Promise<void> {
  await writeKerasH5(path, modelContent(model, options), { layout: 'model' });
}

/**
 * Like {@link saveModel}, returning the file's bytes (for browsers: download or IndexedDB).
 *
 * @example
 * const bytes = await saveModelToBuffer(model);
 */
export async function saveModelToBuffer(model: SaveableModel,
  options: SaveOptions = {}): Promise<Uint8Array> {
  return writeKerasH5ToBytes(modelContent(model, options), { layout: 'model' });
}

/**
 * Rebuilds a model saved by {@link saveModel} or by Keras (`model.save('x.h5')`): architecture,
 * weights, and, if compiled, compile settings and optimizer state.
 *
 * @example
 * const model = await loadModel('mnist.h5', builder);
 */
export async function loadModel<M extends SaveableModel>(source: string | Uint8Array,
  builder: ModelBuilder<M>, label?: string): Promise<M> {
  const name = label ?? (typeof source === 'string' ? source : 'buffer');
  const supportedLayers = builder.supportedLayers();
  const content = await readModelFile(source, { supportedLayers, label: name });

  const model = builder.modelFromJSON(content.modelConfig);
  assignWeights(model, content.layers, {}, name);
  if (content.trainingConfig !== undefined && builder.compileFromTrainingConfig) {
    builder.compileFromTrainingConfig(model, content.trainingConfig);
    restoreOptimizer(model.optimizer, content.optimizerWeights ?? [], name);
  }
  return model;
}

/**
 * {@link loadModel} from bytes.
 *
 * @example
 * const model = await loadModelFromBuffer(new Uint8Array(await file.arrayBuffer()), builder);
 */
export async function loadModelFromBuffer<M extends SaveableModel>(bytes: Uint8Array,
  builder: ModelBuilder<M>): Promise<M> {
  return loadModel(bytes, builder, 'buffer');
}

/**
 * Saves the weights only, in the layout of Keras' `save_weights('x.h5')`.
 *
 * @example
 * await saveWeights(model, 'mnist.weights.h5');
 */
export async function saveWeights(model: Pick<SaveableModel, 'layers'>, path: string): Promise<void> {
  await writeKerasH5(path, { layers: layersContent(model.layers) }, { layout: 'weights' });
}

/**
 * Loads weights from a weights-only or full-model .h5 file (ours or Keras') into `model`:
 * by order of the layers that have weights (default), or `{ byName: true }`.
 *
 * @example
 * await loadWeights(model, 'mnist.h5', { byName: true, skipMismatch: true });
 */
export async function loadWeights(model: Pick<SaveableModel, 'layers'>, source: string | Uint8Array,
  options: MatchOptions = {}): Promise<void> {
  const name = typeof source === 'string' ? source : 'buffer';
  const content = await readKerasH5(source, name);
  assignWeights(model, content.layers, options, name);
}

function modelContent(model: SaveableModel, options: SaveOptions): KerasH5Content {
  const json = model.toJSON();
  const modelConfig = (typeof json === 'string' ? JSON.parse(json) : json) as Record<string, unknown>;
  const content: KerasH5Content = { modelConfig, layers: layersContent(model.layers) };

  const trainingConfig = model.trainingConfig?.();
  if (trainingConfig !== undefined) content.trainingConfig = trainingConfig;
  if (options.includeOptimizer !== false && model.optimizer) {
    content.optimizerWeights = optimizerContent(model.optimizer);
  }
  return content;
}

function layersContent(layers: readonly SaveableLayer[]): KerasH5Layer[] {
  return layers.map((layer) => ({
    name: layer.name,
    weights: layer.weights.map((w) => ({
      name: w.name, shape: [...w.value.shape], data: Float32Array.from(w.value.f32) })),
  }));
}

function optimizerContent(optimizer: SaveableOptimizer): KerasH5OptimizerWeight[] {
  const values = optimizer.getWeights();
  const names = optimizer.getWeightNames?.() ?? values.map((_, i) => `optimizer/variable_${i}:0`);
  return values.map((t, i) => t.dtype === 'int32'
    ? { name: names[i]!, shape: [...t.shape], dtype: 'int64', data: BigInt64Array.from(t.data, BigInt) }
    : { name: names[i]!, shape: [...t.shape], dtype: 'float32', data: Float32Array.from(t.f32) });
}

function assignWeights(model: Pick<SaveableModel, 'layers'>, saved: readonly KerasH5Layer[],
  options: MatchOptions, label: string): void {
  const specs = model.layers.map((l) => ({
    name: l.name, weights: l.weights.map((w) => ({ name: w.name, shape: w.value.shape })) }));
  let pairs;
  try {
    pairs = matchWeights(specs, saved, options);
  } catch (error) {
    throw new IoError(`${label}: ${(error as Error).message}`, { cause: error });
  }

  for (const { layerIndex, weights } of pairs) {
    model.layers[layerIndex]!.weights.forEach((w, i) => w.value.f32.set(weights[i]!.data));
  }
}

// Keras' own rule: optimizer state that does not fit is dropped with a warning, not an error.
// An optimizer that has not stepped yet may hold no state: it gets the saved one as is.
function restoreOptimizer(optimizer: SaveableOptimizer | null | undefined,
  saved: readonly KerasH5OptimizerWeight[], label: string): void {
  if (!optimizer || saved.length === 0) return;
  const current = optimizer.getWeights();
  if (current.length === 0) {
    optimizer.setWeights(saved.map((w) =>
      tensor(toNumbers(w.data), w.shape, w.dtype.startsWith('int') ? 'int32' : 'float32')));
    return;
  }

  const fits = current.length === saved.length &&
    current.every((t, i) => t.shape.length === saved[i]!.shape.length &&
      t.shape.every((d, j) => d === saved[i]!.shape[j]));
  if (!fits) {
    log.warn(`${label}: the saved optimizer state (${saved.length} variables) does not match the ` +
      `optimizer (${current.length} variables); the optimizer starts from a fresh state.`);
    return;
  }
  optimizer.setWeights(saved.map((w, i) =>
    tensor(toNumbers(w.data), current[i]!.shape, current[i]!.dtype)));
}

function toNumbers(data: ArrayData): ArrayLike<number> {
  return data instanceof BigInt64Array ? Array.from(data, Number) : data;
}
