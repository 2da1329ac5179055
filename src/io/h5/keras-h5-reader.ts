/**
 * Parses an open Keras HDF5 file of any Keras version into a {@link KerasH5Content}:
 * tf.keras 2.x and Keras 3 `model.save('x.h5')`, Keras 2.0–2.3 (fixed-length strings, weight
 * prefixes that differ from layer names), Keras 1 (no keras_version on the weights group,
 * flat names like 'convolution2d_1_W:0'), and weights-only files from `save_weights`.
 *
 * Weights are taken per layer in the order of its `weight_names` attribute, from the paths that
 * attribute gives; paths are never built from layer names.
 *
 * No Node imports: readKerasH5Bytes works in browsers; read-keras-h5.ts adds file paths.
 *
 * @example
 * const content = await readKerasH5Bytes(bytes, 'mnist.h5');
 * content.layers[0].weights[0].name; // 'conv2d/kernel:0'
 */
import { IoError } from '../../errors.js';
import { hasAttr, readStringAttr, readStringList } from './h5-attributes.js';
import { findDataset, readArray, toFloat32 } from './h5-datasets.js';
import { readH5Bytes } from './h5-memory.js';
import type { H5Group } from './h5-runtime.js';
import { parsePythonJson } from './python-json.js';
import type {
  KerasH5Content, KerasH5Layer, KerasH5Layout, KerasH5OptimizerWeight,
} from './keras-h5-content.js';

/**
 * Reads a Keras .h5 file from its bytes. Errors are IoError naming the file (`label`) and the
 * missing or bad part.
 *
 * @example
 * const { modelConfig, layers } = await readKerasH5Bytes(bytes, 'model.h5');
 */
export async function readKerasH5Bytes(bytes: Uint8Array, label = 'buffer'):
  Promise<KerasH5Content> {
  return readH5Bytes(bytes, readKerasContent, label);
}

/**
 * The content of an open file's root group.
 *
 * @example
 * const content = await readH5('model.h5', readKerasContent);
 */
export function readKerasContent(root: H5Group): KerasH5Content {
  const layout = detectLayout(root);
  const weightsGroup = layout === 'model' ? childGroup(root, 'model_weights') : root;
  if (weightsGroup === undefined) {
    throw new IoError(`has a model_config but no 'model_weights' group: the weights are missing`);
  }

  const content: KerasH5Content = {
    layout,
    kerasVersion: readStringAttr(root, 'keras_version'),
    backend: readStringAttr(root, 'backend'),
    weightsKerasVersion: readStringAttr(weightsGroup, 'keras_version'),
    layers: readLayers(weightsGroup),
  };
  if (layout === 'model') {
    content.modelConfig = readJsonAttr(root, 'model_config');
    if (hasAttr(root, 'training_config')) {
      content.trainingConfig = readJsonAttr(root, 'training_config');
    }
  }
  const optimizer = childGroup(root, 'optimizer_weights');
  if (optimizer !== undefined) content.optimizerWeights = readOptimizer(optimizer);
  return dropUndefined(content);
}

function detectLayout(root: H5Group): KerasH5Layout {
  if (hasAttr(root, 'model_config')) return 'model';
  if (hasAttr(root, 'layer_names', true)) return 'weights';
  if (childGroup(root, 'layers') !== undefined || childGroup(root, '_layer_checkpoint_dependencies')) {
    throw new IoError(`this is a Keras 3 '.weights.h5' file (groups 'layers/<class>/vars/0...'), ` +
      `not the Keras 2 layout with 'layer_names'; loadWeights reads it into a model`);
  }
  throw new IoError(`no Keras model or weights found: the file has neither a 'model_config' ` +
    `attribute nor a 'layer_names' attribute at its root (top-level entries: ` +
    `${root.keys().join(', ') || 'none'})`);
}

function readLayers(group: H5Group): KerasH5Layer[] {
  const names = readStringList(group, 'layer_names');
  if (names === undefined) {
    throw new IoError(`'${group.path}' has no 'layer_names' attribute: the weights are missing`);
  }
  return names.map((name) => readLayer(group, name));
}

function readLayer(parent: H5Group, name: string): KerasH5Layer {
  const g = childGroup(parent, name);
  if (g === undefined) {
    throw new IoError(`layer '${name}' is listed in layer_names of '${parent.path}' but has no group`);
  }
  const weightNames = readStringList(g, 'weight_names');
  if (weightNames === undefined) {
    throw new IoError(`layer group '${g.path}' has no 'weight_names' attribute`);
  }

  const weights = weightNames.map((w) => {
    const { shape, data } = readListed(g, w, `layer '${name}'`);
    return { name: w, shape, data: toFloat32(data) };
  });
  return { name, weights };
}

function readOptimizer(group: H5Group): KerasH5OptimizerWeight[] {
  const names = readStringList(group, 'weight_names') ?? [];
  return names.map((w) => ({ name: w, ...readListed(group, w, 'optimizer_weights') }));
}

function readListed(group: H5Group, path: string, owner: string): ReturnType<typeof readArray> {
  if (findDataset(group, path) === undefined) {
    throw new IoError(`${owner}: weight '${path}' is listed in weight_names but there is no ` +
      `dataset '${group.path}/${path}'`);
  }
  return readArray(group, path);
}

function childGroup(parent: H5Group, name: string): H5Group | undefined {
  if (!parent.keys().includes(name)) return undefined;
  const node = parent.get(name);
  return node !== null && node instanceof Object && 'keys' in node ? (node as H5Group) : undefined;
}

function readJsonAttr(root: H5Group, name: string): Record<string, unknown> {
  const text = readStringAttr(root, name) ?? '';
  const value = parsePythonJson(text, `attribute '${name}'`);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new IoError(`attribute '${name}' is not a JSON object (starts with '${text.slice(0, 40)}')`);
  }
  return value as Record<string, unknown>;
}

function dropUndefined(content: KerasH5Content): KerasH5Content {
  for (const key of Object.keys(content) as (keyof KerasH5Content)[]) {
    if (content[key] === undefined) delete content[key];
  }
  return content;
}
