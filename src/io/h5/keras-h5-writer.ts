/**
 * Fills a Keras HDF5 file in the tf.keras 2 layout, which Keras 2.x and 3.x both load:
 *
 * ```
 * /  attrs keras_version, backend, model_config, training_config?
 *   model_weights/          attrs layer_names (all layers), backend, keras_version
 *     <layer>/              attr weight_names (empty for weightless layers)
 *       <weight name>       e.g. model_weights/conv2d/conv2d/kernel:0 (names contain '/')
 *     top_level_model_weights/  attr weight_names (empty)
 *   optimizer_weights/      attr weight_names; datasets, 0-d for the step counter
 * ```
 * The weights-only layout (`save_weights`) is the `model_weights` group written at the root.
 *
 * No Node imports: writeKerasH5ToBytes works in browsers; write-keras-h5.ts adds file paths.
 *
 * @example
 * const bytes = await writeKerasH5ToBytes(content, { layout: 'weights' });
 */
import { ValueError } from '../../errors.js';
import { writeStringAttr, writeStringList } from './h5-attributes.js';
import { ensureGroup, writeArray } from './h5-datasets.js';
import { writeH5Bytes } from './h5-memory.js';
import type { H5Group } from './h5-runtime.js';
import {
  DEFAULT_BACKEND, DEFAULT_KERAS_VERSION, type KerasH5Content, type KerasH5Layer, type KerasH5Layout,
  type KerasH5OptimizerWeight,
} from './keras-h5-content.js';

export interface WriteKerasH5Options {
  /** 'model' (default when modelConfig is set) or 'weights' (save_weights layout). */
  layout?: KerasH5Layout;
}

/**
 * The bytes of a Keras .h5 file holding `content` (works in browsers).
 *
 * @example
 * const bytes = await writeKerasH5ToBytes(content);
 */
export async function writeKerasH5ToBytes(content: KerasH5Content,
  options: WriteKerasH5Options = {}): Promise<Uint8Array> {
  const fill = kerasH5Filler(content, options);
  return writeH5Bytes(fill);
}

/**
 * Checks `content` and returns the function that writes it into an open file's root group.
 *
 * @example
 * await writeH5('model.h5', kerasH5Filler(content));
 */
export function kerasH5Filler(content: KerasH5Content,
  options: WriteKerasH5Options = {}): (root: H5Group) => void {
  const layout = chooseLayout(content, options);
  return (root) => fillFile(root, content, layout);
}

function chooseLayout(content: KerasH5Content, options: WriteKerasH5Options): KerasH5Layout {
  const layout = options.layout ?? (content.modelConfig ? 'model' : 'weights');
  if (layout === 'model' && content.modelConfig === undefined) {
    throw new ValueError(`writeKerasH5: layout 'model' needs a modelConfig; ` +
      `pass { layout: 'weights' } to write weights only`);
  }
  checkNames(content.layers);
  return layout;
}

function fillFile(root: H5Group, content: KerasH5Content, layout: KerasH5Layout): void {
  const version = content.kerasVersion ?? DEFAULT_KERAS_VERSION;
  const backend = content.backend ?? DEFAULT_BACKEND;
  if (layout === 'weights') {
    fillWeights(root, content.layers, version, backend);
    return;
  }

  writeStringAttr(root, 'keras_version', version);
  writeStringAttr(root, 'backend', backend);
  writeStringAttr(root, 'model_config', JSON.stringify(content.modelConfig));
  if (content.trainingConfig !== undefined) {
    writeStringAttr(root, 'training_config', JSON.stringify(content.trainingConfig));
  }

  fillWeights(root.create_group('model_weights'), content.layers, version, backend);
  const optimizer = content.optimizerWeights ?? [];
  if (optimizer.length > 0) fillOptimizer(root.create_group('optimizer_weights'), optimizer);
}

function fillWeights(group: H5Group, layers: readonly KerasH5Layer[], version: string,
  backend: string): void {
  writeStringList(group, 'layer_names', layers.map((l) => l.name));
  writeStringAttr(group, 'backend', backend);
  writeStringAttr(group, 'keras_version', version);

  for (const layer of layers) {
    const g = ensureGroup(group, layer.name);
    writeStringList(g, 'weight_names', layer.weights.map((w) => w.name));
    for (const w of layer.weights) {
      writeArray(g, w.name, { shape: w.shape, dtype: 'float32', data: w.data });
    }
  }

  // tf.keras >= 2.7 looks for weights owned by the model itself here; ours has none.
  const top = group.create_group('top_level_model_weights');
  writeStringList(top, 'weight_names', []);
}

function fillOptimizer(group: H5Group, weights: readonly KerasH5OptimizerWeight[]): void {
  writeStringList(group, 'weight_names', weights.map((w) => w.name));
  for (const w of weights) writeArray(group, w.name, w);
}

// Names become HDF5 paths: a layer name is one path part, a weight name one or more.
function checkNames(layers: readonly KerasH5Layer[]): void {
  const seen = new Set<string>();
  for (const layer of layers) {
    if (!isPathPart(layer.name) || layer.name === 'top_level_model_weights') {
      throw new ValueError(`writeKerasH5: layer name '${layer.name}' cannot be an HDF5 group name ` +
        `(it must be non-empty, without '/', not '.' or 'top_level_model_weights')`);
    }
    if (seen.has(layer.name)) {
      throw new ValueError(`writeKerasH5: two layers are named '${layer.name}'; names must be unique`);
    }
    seen.add(layer.name);
    checkWeightNames(layer);
  }
}

function checkWeightNames(layer: KerasH5Layer): void {
  const seen = new Set<string>();
  for (const w of layer.weights) {
    if (!w.name.split('/').every(isPathPart) || seen.has(w.name)) {
      throw new ValueError(`writeKerasH5: layer '${layer.name}' has a bad or repeated weight name ` +
        `'${w.name}' (expected unique names like '${layer.name}/kernel:0')`);
    }
    seen.add(w.name);
  }
}

function isPathPart(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !name.includes('/');
}
