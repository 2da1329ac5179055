/**
 * Saving and loading models and weights as byte buffers, in Keras' formats: the tf.keras 2
 * .h5 layout, Keras 3's native .keras archive and its .weights.h5 variables layout (loading
 * tells them apart by content). Written against the small structural interfaces below (what a
 * model, its layers and its optimizer expose); the library's Sequential and functional models
 * fit them as they are.
 *
 * Nothing here imports Node modules, so browsers use the same code (download the bytes, or
 * keep them in IndexedDB). Paths are in model-files.ts.
 *
 * @example
 * const bytes = await saveModelToBuffer(model, { format: 'keras' });
 * const again = await loadModelFromBuffer(bytes);
 * await loadWeightsFromBuffer(other, await saveWeightsToBuffer(model));
 */
import { IoError, NotSupportedError } from '../../errors.js';
import { withWeightLimit } from '../../layers/weight-limit.js';
import { log } from '../../log.js';
import { tensor, type Tensor } from '../../tensor/tensor.js';
import type { ArrayData } from './h5-datasets.js';
import type { KerasH5Content, KerasH5Layer, KerasH5OptimizerWeight } from './keras-h5-content.js';
import { readKerasContent } from './keras-h5-reader.js';
import { writeKerasH5ToBytes } from './keras-h5-writer.js';
import { kerasModelBuilder } from './keras-model.js';
import { modelContent, type KerasH5ModelContent } from './model-config-check.js';
import { optimizerOf } from './optimizer-of.js';
import { matchWeights, type MatchOptions } from './weight-matching.js';
import type { Model } from '../../models/model.js';
import { isZip } from './file-signature.js';
import { readH5Bytes } from './h5-memory.js';
import type { H5Group } from './h5-runtime.js';
import { readKerasArchive, WEIGHTS_FILE } from '../keras3/keras-archive.js';
import {
  expectationOf, loadModelFromKerasBytes, loadVarsIntoModel, readVarsBytes, saveModelToKerasBytes,
  saveVarsWeightsToBytes,
} from '../keras3/keras-model-io.js';
import { isVarsLayout, readVarsFile, type VarsGroup } from '../keras3/vars-layout.js';

/** A layer weight: Keras name ('conv2d/kernel:0') and its tensor, which loading updates in place. */
export interface SaveableVariable {
  readonly name: string;
  readonly value: Tensor;
}

/** A layer: its name and weights, trainable first then non-trainable (Keras' order). */
export interface SaveableLayer {
  readonly name: string;
  readonly weights: readonly SaveableVariable[];
  /** Keras class name ('Conv2D'); Keras 3 files name weight groups after it. */
  readonly className?: string;
  /** The layer's calls and their shapes, which Keras 3's config.json records. */
  readonly inboundNodes?: readonly {
    readonly inputs: readonly { readonly shape: ReadonlyArray<number | null> }[];
    readonly output: { readonly shape: ReadonlyArray<number | null> };
  }[];
}

/** An optimizer's state as tensors (step counter first, then slots), and its config. */
export interface SaveableOptimizer {
  getWeights(): Tensor[];
  setWeights(values: readonly Tensor[]): void;
  /** Keras names of the state variables ('iteration:0', 'Adam/m/dense/kernel:0'...). */
  weightNames?(): string[];
  /** Creates the slots of these weights (so that saved state can be put in them). */
  build?(variables: readonly SaveableVariable[]): void;
  /** The current rate; Keras 3 saves it as a variable unless a schedule sets it. */
  learningRate?: number;
  /** The learning-rate schedule, or null when the rate is a number. */
  readonly schedule?: object | null;
}

export interface SaveableModel {
  readonly layers: readonly SaveableLayer[];
  /** The Keras model_config: {class_name, config}. */
  toJSON(): unknown;
  /** The optimizer, once compiled: here or as `compiled.optimizer` (the library's models). */
  readonly optimizer?: SaveableOptimizer | null;
  readonly compiled?: { readonly optimizer: SaveableOptimizer } | null;
  /** The weights the optimizer updates, in its order; needed to restore its state. */
  readonly trainableWeights?: readonly SaveableVariable[];
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

/** How a whole model is saved: Keras 3's '.keras' archive, or the tf.keras 2 '.h5' layout. */
export type ModelFormat = 'keras' | 'h5';

/** How weights alone are saved: Keras 3's '.weights.h5' variables, or Keras 2's '.h5' layout. */
export type WeightsFormat = 'weights.h5' | 'h5';

export interface SaveOptions {
  /** Include the optimizer state (default true), so training can resume where it stopped. */
  includeOptimizer?: boolean;
  /** Buffers: 'h5' by default. Paths: the extension decides, and this must agree with it. */
  format?: ModelFormat;
}

/** Options of loadWeights: how layers are matched, and the file's name in errors. */
export interface LoadWeightsOptions extends MatchOptions {
  label?: string;
}

export interface LoadModelOptions<M extends SaveableModel = Model> {
  /**
   * Compile the model as the file's training_config says and restore the optimizer state
   * (default true). Pass false for inference only, or when the file names a loss or optimizer
   * this library does not have.
   */
  compile?: boolean;
  /** Names the file in error messages (default: the path, or 'buffer'). */
  label?: string;
  /** Other model classes; default: the library's Sequential and functional models. */
  builder?: ModelBuilder<M>;
}

/**
 * The bytes of a whole-model file: architecture, weights, compile settings and optimizer
 * state. `format: 'h5'` (default) gives the tf.keras 2 layout, `'keras'` Keras 3's native
 * archive; Keras 2 and 3 load the first with `load_model`, Keras 3 the second.
 *
 * @example
 * const bytes = await saveModelToBuffer(model, { format: 'keras' });
 * new Blob([bytes]); // a download in the browser
 */
export async function saveModelToBuffer(model: SaveableModel,
  options: SaveOptions = {}): Promise<Uint8Array> {
  if (options.format === 'keras') return saveModelToKerasBytes(model, options);
  return writeKerasH5ToBytes(contentOfModel(model, options), { layout: 'model' });
}

/**
 * Rebuilds a model from the bytes of a whole-model file, ours or Keras' `model.save`: a
 * `.keras` archive or an .h5 file (told apart by their first bytes). Nothing from the file is
 * executed; unsupported layer classes are named in one error.
 *
 * @example
 * const model = await loadModelFromBuffer(new Uint8Array(await file.arrayBuffer()));
 * const again = await loadModelFromBuffer(bytes, { compile: false });
 */
export async function loadModelFromBuffer<M extends SaveableModel = Model>(bytes: Uint8Array,
  options: LoadModelOptions<M> = {}): Promise<M> {
  const label = options.label ?? 'buffer';
  if (isZip(bytes)) return loadModelFromKerasBytes(bytes, options, label);
  return modelFromContent(await readH5Bytes(bytes, readModelContent, label), options, label);
}

/**
 * The bytes of a weights-only file: Keras 2's `save_weights('x.h5')` layout (default), or
 * Keras 3's variables layout with `{ format: 'weights.h5' }`.
 *
 * @example
 * const bytes = await saveWeightsToBuffer(model, { format: 'weights.h5' });
 */
export async function saveWeightsToBuffer(model: Pick<SaveableModel, 'layers'>,
  options: { format?: WeightsFormat } = {}): Promise<Uint8Array> {
  if (options.format === 'weights.h5') return saveVarsWeightsToBytes(model);
  return writeKerasH5ToBytes(contentOfWeights(model), { layout: 'weights' });
}

/**
 * Loads weights into `model` from the bytes of a Keras 2 .h5 file (weights-only or whole
 * model: by order of the layers that have weights, or `{ byName: true }` with `skipMismatch`),
 * a Keras 3 .weights.h5 file or a .keras archive (each layer from the group Keras names after
 * its class).
 *
 * @example
 * await loadWeightsFromBuffer(model, bytes, { byName: true, skipMismatch: true });
 */
export async function loadWeightsFromBuffer(model: Pick<SaveableModel, 'layers'>,
  bytes: Uint8Array, options: LoadWeightsOptions = {}): Promise<void> {
  const label = options.label ?? 'buffer';
  if (isZip(bytes)) {
    const archive = await readKerasArchive(bytes, label);
    const vars = await readVarsBytes(archive.weights, `${label}: ${WEIGHTS_FILE}`, true,
      expectationOf(model));
    assignWeightsContent(model, { vars }, options, label);
    return;
  }
  const content = await readH5Bytes(bytes, (root) => readWeightsContent(root, model), label);
  assignWeightsContent(model, content, options, label);
}

/**
 * Reads an open .h5 file for loadModel. Keras 3's weights-only layout reads as weights-only
 * content, so that the error suggests loadWeights.
 *
 * @example
 * modelFromContent(await readH5(path, readModelContent), {}, path);
 */
export function readModelContent(root: H5Group): KerasH5Content {
  return isVarsLayout(root) ? { layout: 'weights', layers: [] } : readKerasContent(root);
}

/** What a weights file holds: Keras 3's variable groups, or Keras 2's layers. */
export type WeightsContent = { vars: VarsGroup[] } | { layers: KerasH5Layer[] };

/**
 * Reads an open weights or model file of either layout.
 *
 * @example
 * const content = await readH5('w.weights.h5', readWeightsContent);
 */
export function readWeightsContent(root: H5Group, model?: Pick<SaveableModel, 'layers'>):
  WeightsContent {
  if (isVarsLayout(root)) {
    return { vars: readVarsFile(root, model === undefined ? undefined : expectationOf(model)) };
  }
  return { layers: readKerasContent(root).layers };
}

/**
 * Copies `content`'s weights into `model`. Keras 3's layout stores no layer names, so
 * `byName` is refused for it.
 *
 * @example
 * assignWeightsContent(model, await readH5(path, readWeightsContent), {}, path);
 */
export function assignWeightsContent(model: Pick<SaveableModel, 'layers'>,
  content: WeightsContent, options: MatchOptions, label: string): void {
  if ('layers' in content) {
    assignWeights(model, content.layers, options, label);
    return;
  }
  if (options.byName === true || options.skipMismatch === true) {
    throw new NotSupportedError(`${label}: byName and skipMismatch need layer names, which ` +
      `Keras 3's weights layout does not store (its groups are named after layer classes); ` +
      `load without them, into the same architecture`);
  }
  loadVarsIntoModel(model, content.vars, label);
}

/**
 * What a full-model file holds for `model` (the writer's input).
 *
 * @example
 * await writeKerasH5('m.h5', contentOfModel(model));
 */
export function contentOfModel(model: SaveableModel, options: SaveOptions = {}): KerasH5Content {
  const json = model.toJSON();
  const modelConfig = (typeof json === 'string' ? JSON.parse(json) : json) as Record<string, unknown>;
  const content: KerasH5Content = { modelConfig, layers: layersContent(model.layers) };

  const trainingConfig = model.trainingConfig?.();
  if (trainingConfig !== undefined) content.trainingConfig = trainingConfig;
  const optimizer = optimizerOf(model);
  if (options.includeOptimizer !== false && optimizer !== null) {
    const state = optimizerContent(optimizer);
    if (state.length > 0) content.optimizerWeights = state;
  }
  return content;
}

/**
 * What a weights-only file holds for `model`.
 *
 * @example
 * await writeKerasH5('w.h5', contentOfWeights(model), { layout: 'weights' });
 */
export function contentOfWeights(model: Pick<SaveableModel, 'layers'>): KerasH5Content {
  return { layers: layersContent(model.layers) };
}

/**
 * Builds the model a full-model file describes, sets its weights and, unless told not to,
 * compiles it and restores the optimizer state.
 *
 * @example
 * const model = modelFromContent(await readKerasH5('m.h5'), {}, 'm.h5');
 */
export function modelFromContent<M extends SaveableModel = Model>(content: KerasH5Content,
  options: LoadModelOptions<M>, label: string): M {
  const builder = (options.builder ?? kerasModelBuilder) as ModelBuilder<M>;
  const checked: KerasH5ModelContent = modelContent(content, builder.supportedLayers(), label);

  // The file's largest array bounds every weight, so a hostile config allocates nothing big.
  const sizes = checked.layers.flatMap((l) => l.weights.map((w) => w.data.length));
  const build = (): M => builder.modelFromJSON(checked.modelConfig);
  const model = sizes.length === 0 ? build()
    : withWeightLimit({ maxSize: Math.max(...sizes), source: label }, build);
  assignWeights(model, checked.layers, {}, label);
  if (options.compile === false || checked.trainingConfig === undefined) return model;
  if (builder.compileFromTrainingConfig === undefined) {
    throw new NotSupportedError(`${label}: these model classes cannot be compiled from a ` +
      `training_config; load with { compile: false }`);
  }

  builder.compileFromTrainingConfig(model, checked.trainingConfig);
  restoreOptimizer(model, checked.optimizerWeights ?? [], label);
  return model;
}

/**
 * Copies saved layer weights into `model`'s weights, matched as `options` says.
 *
 * @example
 * assignWeights(model, content.layers, { byName: true }, 'weights.h5');
 */
export function assignWeights(model: Pick<SaveableModel, 'layers'>,
  saved: readonly KerasH5Layer[], options: MatchOptions, label: string): void {
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

function layersContent(layers: readonly SaveableLayer[]): KerasH5Layer[] {
  return layers.map((layer) => ({
    name: layer.name,
    weights: layer.weights.map((w) => ({
      name: w.name, shape: [...w.value.shape], data: Float32Array.from(w.value.f32) })),
  }));
}

// An optimizer that never stepped holds only its zero step counter: nothing worth saving.
function optimizerContent(optimizer: SaveableOptimizer): KerasH5OptimizerWeight[] {
  const values = optimizer.getWeights();
  if (values.length <= 1 && (values[0] === undefined || values[0].item() === 0)) return [];
  const names = optimizerNames(optimizer, values.length);
  return values.map((t, i) => t.dtype === 'int32'
    ? { name: names[i]!, shape: [...t.shape], dtype: 'int64', data: BigInt64Array.from(t.data, BigInt) }
    : { name: names[i]!, shape: [...t.shape], dtype: 'float32', data: Float32Array.from(t.f32) });
}

// Names for every value getWeights() returns. Scalar state kept between the step counter and
// the slots (Nadam's momentum product) has no name of its own in weightNames(): one is made.
function optimizerNames(optimizer: SaveableOptimizer, count: number): string[] {
  const names = optimizer.weightNames?.() ?? [];
  if (names.length === 0) return Array.from({ length: count }, (_, i) => `optimizer/variable_${i}:0`);
  const missing = count - names.length;
  const extra = Array.from({ length: Math.max(0, missing) }, (_, i) => `optimizer/state_${i}:0`);
  return [names[0]!, ...extra, ...names.slice(1)];
}

// Keras' rule: optimizer state that does not fit is dropped with a warning, not an error.
// Values are matched by name when every name is found (our own files), else by position.
function restoreOptimizer(model: SaveableModel, saved: readonly KerasH5OptimizerWeight[],
  label: string): void {
  const optimizer = optimizerOf(model);
  if (optimizer === null || saved.length === 0) return;
  if (optimizer.build !== undefined && model.trainableWeights !== undefined) {
    optimizer.build(model.trainableWeights);
  }
  const current = optimizer.getWeights();
  if (current.length === 0) {
    optimizer.setWeights(saved.map((w) => tensor(toNumbers(w.data), w.shape, dtypeOf(w))));
    return;
  }

  const ordered = orderLike(optimizerNames(optimizer, current.length), saved);
  const fits = current.length === ordered.length &&
    current.every((t, i) => sameShape(t.shape, ordered[i]!.shape));
  if (!fits) {
    log.warn(`${label}: the saved optimizer state (${saved.length} variables) does not match the ` +
      `optimizer (${current.length} variables); the optimizer starts from a fresh state.`);
    return;
  }
  optimizer.setWeights(ordered.map((w, i) =>
    tensor(toNumbers(w.data), current[i]!.shape, current[i]!.dtype)));
}

function orderLike(names: readonly string[],
  saved: readonly KerasH5OptimizerWeight[]): readonly KerasH5OptimizerWeight[] {
  if (names.length !== saved.length) return saved;
  const byName = new Map(saved.map((w) => [w.name, w]));
  const found = names.map((n) => byName.get(n));
  return found.every((w) => w !== undefined) ? found as KerasH5OptimizerWeight[] : saved;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function dtypeOf(w: KerasH5OptimizerWeight): 'int32' | 'float32' {
  return w.dtype.startsWith('int') ? 'int32' : 'float32';
}

function toNumbers(data: ArrayData): ArrayLike<number> {
  return data instanceof BigInt64Array ? Array.from(data, Number) : data;
}
