/**
 * Models and weights in Keras 3's formats, as bytes: the native `.keras` archive (config,
 * compile settings, weights and optimizer state) and the `.weights.h5` variables layout.
 * model-io.ts and model-files.ts choose these by content or by file extension.
 *
 * No Node imports: browsers save and load `.keras` bytes the same way.
 *
 * @example
 * const bytes = await saveModelToKerasBytes(model);
 * const again = await loadModelFromKerasBytes(bytes, {}, 'mnist.keras');
 */
import { NotSupportedError } from '../../errors.js';
import { withWeightLimit } from '../../layers/weight-limit.js';
import { log } from '../../log.js';
import type { Model } from '../../models/model.js';
import { labelled } from '../h5/h5-errors.js';
import { readH5Bytes, writeH5Bytes } from '../h5/h5-memory.js';
import { kerasModelBuilder } from '../h5/keras-model.js';
import { modelContent } from '../h5/model-config-check.js';
import type {
  LoadModelOptions, ModelBuilder, SaveableLayer, SaveableModel, SaveOptions,
} from '../h5/model-io.js';
import { optimizerOf } from '../h5/optimizer-of.js';
import { compileConfigOf, trainingConfigFromCompileConfig } from './compile-config.js';
import {
  kerasMetadata, readKerasArchive, writeKerasArchive, WEIGHTS_FILE,
} from './keras-archive.js';
import { fromKeras3Config, toKeras3Config } from './keras3-config.js';
import { optimizerVars, restoreOptimizerVars } from './optimizer-vars.js';
import { assignVars } from './vars-matching.js';
import {
  fillVarsFile, isVarsLayout, largestVarsSize, readVarsFile, varsPaths, type NamedLayer,
  type VarsExpectation, type VarsGroup,
} from './vars-layout.js';

type Json = Record<string, unknown>;

/**
 * The bytes of a `.keras` archive for `model`: Keras 3's config.json (with compile_config once
 * compiled), metadata.json and model.weights.h5 (layers and, unless `includeOptimizer` is
 * false, the optimizer state).
 *
 * @example
 * writeFileSync('mnist.keras', await saveModelToKerasBytes(model));
 */
export async function saveModelToKerasBytes(model: SaveableModel,
  options: SaveOptions = {}): Promise<Uint8Array> {
  const json = modelJson(model);
  const training = model.trainingConfig?.();
  const config = toKeras3Config(json, model.layers,
    training === undefined ? undefined : compileConfigOf(training));

  const groups = layerGroups(model.layers, classesIn(json));
  const optimizer = optimizerOf(model);
  if (options.includeOptimizer !== false && optimizer !== null) {
    const values = optimizerVars(optimizer);
    if (values.length > 0) groups.push({ path: 'optimizer', values });
  }

  const weights = await writeH5Bytes((root) => fillVarsFile(root, groups));
  return writeKerasArchive({ config, metadata: kerasMetadata(), weights });
}

/**
 * Rebuilds the model a `.keras` archive describes, sets its weights and, unless
 * `{ compile: false }`, compiles it from compile_config and restores the optimizer state.
 * Unsupported layer classes are named in one error before anything is built.
 *
 * @example
 * const model = await loadModelFromKerasBytes(bytes, { compile: false }, 'upload.keras');
 */
export async function loadModelFromKerasBytes<M extends SaveableModel = Model>(bytes: Uint8Array,
  options: LoadModelOptions<M>, label: string): Promise<M> {
  const archive = await readKerasArchive(bytes, label);
  const read = fromKeras3Config(archive.config, label);
  const builder = (options.builder ?? kerasModelBuilder) as ModelBuilder<M>;
  const checked = modelContent({ modelConfig: read.modelConfig, layers: [] },
    builder.supportedLayers(), label);
  log.debug(`${label}: saved by Keras ${String(archive.metadata['keras_version'] ?? '?')} ` +
    `on ${String(archive.metadata['date_saved'] ?? '?')}`);

  // The file's largest array bounds every weight, so a hostile config allocates nothing big.
  const largest = await readH5Bytes(archive.weights, largestVarsSize,
    `${label}: ${WEIGHTS_FILE}`);
  const build = (): M => builder.modelFromJSON(checked.modelConfig);
  const model = withLabel(label, () => largest === 0 ? build()
    : withWeightLimit({ maxSize: largest, source: label }, build));
  const groups = await readVarsBytes(archive.weights, `${label}: ${WEIGHTS_FILE}`, true,
    expectationOf(model));
  assignVars(model.layers, groups, read.layerOrder, label);
  if (options.compile !== false && read.compileConfig !== undefined) {
    compileAsSaved(model, builder, read.compileConfig, groups, label);
  }
  return model;
}

function compileAsSaved<M extends SaveableModel>(model: M, builder: ModelBuilder<M>,
  compileConfig: Json, groups: readonly VarsGroup[], label: string): void {
  if (builder.compileFromTrainingConfig === undefined) {
    throw new NotSupportedError(`${label}: these model classes cannot be compiled from a ` +
      `compile_config; load with { compile: false }`);
  }
  const training = trainingConfigFromCompileConfig(compileConfig);
  withLabel(label, () => builder.compileFromTrainingConfig!(model, training));
  restoreOptimizerVars(model, groups.find((g) => g.path === 'optimizer')?.values ?? [], label);
}

// Errors of the model classes get the file's name in front.
function withLabel<T>(label: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw labelled(label, error);
  }
}

/**
 * The bytes of a Keras 3 `.weights.h5` file: the layers' variables in the vars layout.
 *
 * @example
 * const bytes = await saveVarsWeightsToBytes(model);
 */
export async function saveVarsWeightsToBytes(model: Pick<SaveableModel, 'layers'> &
  Partial<Pick<SaveableModel, 'toJSON'>>): Promise<Uint8Array> {
  const groups = layerGroups(model.layers, classesOf(model));
  return writeH5Bytes((root) => fillVarsFile(root, groups));
}

/**
 * Reads the variable groups of a Keras 3 weights file from its bytes. Unless `anyLayout`, a
 * file that is not in the vars layout gives undefined (the caller reads it as Keras 2's).
 *
 * @example
 * const groups = await readVarsBytes(bytes, 'w.weights.h5');
 */
export async function readVarsBytes(bytes: Uint8Array, label: string,
  anyLayout: true, expect?: VarsExpectation): Promise<VarsGroup[]>;
export async function readVarsBytes(bytes: Uint8Array, label: string,
  anyLayout?: boolean, expect?: VarsExpectation): Promise<VarsGroup[] | undefined>;
export async function readVarsBytes(bytes: Uint8Array, label: string,
  anyLayout = false, expect?: VarsExpectation): Promise<VarsGroup[] | undefined> {
  return readH5Bytes(bytes, (root) =>
    anyLayout || isVarsLayout(root) ? readVarsFile(root, expect) : undefined, label);
}

/**
 * The weight shapes of `model`'s layers, which decide what of a weights file is worth reading.
 *
 * @example
 * readVarsFile(root, expectationOf(model));
 */
export function expectationOf(model: Pick<SaveableModel, 'layers'>): VarsExpectation {
  return { layerShapes: model.layers.filter((l) => l.weights.length > 0)
    .map((l) => l.weights.map((w) => [...w.value.shape])) };
}

/**
 * Loads Keras 3 variable groups into `model`'s layers (Keras' `load_weights` of a
 * `.weights.h5` or `.keras` file). Layers are named by their classes, in the model's order.
 *
 * @example
 * loadVarsIntoModel(model, await readVarsBytes(bytes, 'w.weights.h5', true), 'w.weights.h5');
 */
export function loadVarsIntoModel(model: Pick<SaveableModel, 'layers'> &
  Partial<Pick<SaveableModel, 'toJSON'>>, groups: readonly VarsGroup[], label: string): void {
  assignVars(model.layers, groups, namedLayers(model.layers, classesOf(model)), label);
}

function modelJson(model: Pick<SaveableModel, 'toJSON'>): Json {
  const json = model.toJSON();
  return (typeof json === 'string' ? JSON.parse(json) : json) as Json;
}

// Only needed when a layer does not give its class (the library's layers all do).
function classesOf(model: Pick<SaveableModel, 'layers'> & Partial<Pick<SaveableModel, 'toJSON'>>):
  Map<string, string> {
  const complete = model.layers.every((l) => l.className !== undefined);
  if (complete || model.toJSON === undefined) return new Map();
  return classesIn(modelJson({ toJSON: () => model.toJSON!() }));
}

// Layer classes by layer name, from the model's config (for layers that do not say theirs).
function classesIn(json: Json): Map<string, string> {
  const layers = ((json['config'] as Json | undefined)?.['layers'] ?? []) as Json[];
  return new Map(layers.map((l) => [String(l['name'] ?? (l['config'] as Json)['name']),
    String(l['class_name'])]));
}

function namedLayers(layers: readonly SaveableLayer[], classes: Map<string, string>): NamedLayer[] {
  return layers.map((l) => ({
    name: l.name, className: l.className ?? classes.get(l.name) ?? l.name }));
}

function layerGroups(layers: readonly SaveableLayer[], classes: Map<string, string>): VarsGroup[] {
  const paths = varsPaths(namedLayers(layers, classes));
  return layers.filter((l) => l.weights.length > 0).map((l) => ({
    path: paths.get(l.name)!,
    values: l.weights.map((w) => ({ shape: [...w.value.shape], dtype: 'float32' as const,
      data: Float32Array.from(w.value.f32) })),
  }));
}
