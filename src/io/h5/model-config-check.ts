/**
 * Checks a Keras `model_config` before anything is built from it: every layer class must be
 * one we implement. Loading never runs code from a file, so `Lambda` (pickled Python code) and
 * custom classes are refused; all unsupported classes are named in one error.
 *
 * Accepts the Sequential config as {name, layers} (Keras >= 2.2) or a bare list (Keras 2.0/2.1),
 * Functional/Model configs, and nested models.
 *
 * @example
 * checkModelConfig(content.modelConfig, ['Conv2D', 'Dense', 'Flatten']);
 */
import { IoError, NotSupportedError } from '../../errors.js';
import { labelled } from './h5-errors.js';
import type { KerasH5Content } from './keras-h5-content.js';

interface LayerEntry {
  className: string;
  name: string;
}

const MODEL_CLASSES = new Set(['Sequential', 'Functional', 'Model']);

// Class names and config keys only Keras 1 used; their configs need converting, not loading.
const KERAS1_CLASSES = new Set(['Convolution2D', 'Convolution1D', 'Deconvolution2D',
  'AtrousConvolution2D', 'Merge', 'MaxoutDense', 'Highway', 'TimeDistributedDense']);
const KERAS1_KEYS = ['nb_filter', 'output_dim', 'border_mode', 'dim_ordering', 'init', 'p'];

/**
 * Throws NotSupportedError naming every layer class of the config that is not in `supported`
 * (with the layer names), and listing the supported classes. Keras 1 configs are refused as such.
 *
 * @example
 * checkModelConfig({ class_name: 'Sequential', config: { layers: [
 *   { class_name: 'Lambda', config: { name: 'lambda' } }] } }, ['Dense']); // throws
 */
export function checkModelConfig(modelConfig: Record<string, unknown>,
  supported: readonly string[]): void {
  const layers = collectLayers(modelConfig);
  const keras1 = layers.filter((l) => l.keras1);
  if (keras1.length > 0) {
    throw new NotSupportedError(`Keras 1 model configs are not supported (found ${
      describe(keras1)}); open the model with Keras 2 and save it again`);
  }

  const known = new Set(supported);
  const unsupported = layers.filter((l) => !known.has(l.className));
  if (unsupported.length > 0) {
    throw new NotSupportedError(`unsupported layer class${unsupported.length > 1 ? 'es' : ''}: ` +
      `${describe(unsupported)}. Supported: ${[...supported].sort().join(', ')}. ` +
      `Nothing from the file is executed, so Lambda layers cannot be loaded.`);
  }
}

/**
 * Checks that each entry of a model config's layer list is an object with a string
 * class_name, an object config when it has one, and a list of inbound_nodes when it has them,
 * so that later steps never trip over a null or a number. `where` starts each message.
 *
 * @example
 * checkLayerEntries(config.layers, "m.keras: config.json: the Functional config");
 */
export function checkLayerEntries(list: readonly unknown[], where: string): void {
  list.forEach((entry, i) => {
    const at = `${where}: layer ${i + 1} of ${list.length}`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new IoError(`${at} is ${found(entry)}; expected an object with class_name and config`);
    }
    const layer = entry as Record<string, unknown>;
    if (typeof layer['class_name'] !== 'string') {
      throw new IoError(`${at} has class_name ${found(layer['class_name'])}; expected a string`);
    }
    const config = layer['config'];
    if (config !== undefined && (config === null || typeof config !== 'object' ||
      Array.isArray(config))) {
      throw new IoError(`${at} ('${layer['class_name']}') has config ${found(config)}; ` +
        `expected an object`);
    }
    const nodes = layer['inbound_nodes'];
    if (nodes !== undefined && !Array.isArray(nodes)) {
      throw new IoError(`${at} ('${layer['class_name']}') has inbound_nodes ${found(nodes)}; ` +
        `expected a list of calls`);
    }
  });
}

function found(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}...` : text;
}

/** A file's content that holds a whole model (model.save), not just weights. */
export type KerasH5ModelContent = KerasH5Content & { modelConfig: Record<string, unknown> };

/**
 * Returns `content` when it can rebuild a model: a weights-only file gets an IoError that
 * suggests loadWeights; unsupported layer classes one NotSupportedError naming them all.
 * Errors start with `label` (the file).
 *
 * @example
 * const checked = modelContent(await readKerasH5Bytes(bytes), ['Conv2D', 'Dense'], 'up.h5');
 */
export function modelContent(content: KerasH5Content, supportedLayers: readonly string[],
  label: string): KerasH5ModelContent {
  if (content.modelConfig === undefined) {
    throw new IoError(`${label}: this file holds weights only (written by save_weights: no ` +
      `model_config), so it cannot rebuild a model. Build the same architecture in code, then ` +
      `call loadWeights(model, '${label}').`);
  }
  try {
    checkModelConfig(content.modelConfig, supportedLayers);
  } catch (error) {
    throw labelled(label, error);
  }
  return content as KerasH5ModelContent;
}

function describe(layers: readonly LayerEntry[]): string {
  return layers.map((l) => `${l.className} ('${l.name}')`).join(', ');
}

function collectLayers(config: Record<string, unknown>): (LayerEntry & { keras1: boolean })[] {
  const className = config['class_name'];
  if (typeof className !== 'string' || !MODEL_CLASSES.has(className)) {
    throw new IoError(`model_config: expected class_name Sequential, Functional or Model, ` +
      `got ${JSON.stringify(className)}`);
  }

  const inner = config['config'];
  const list = Array.isArray(inner) ? inner
    : (inner as Record<string, unknown> | undefined)?.['layers'];
  if (!Array.isArray(list)) throw new IoError(`model_config of '${className}' has no list of layers`);
  checkLayerEntries(list, `model_config of '${className}'`);

  return list.flatMap((entry) => {
    const layer = entry as { class_name?: unknown; config?: Record<string, unknown>; name?: unknown };
    if (typeof layer.class_name === 'string' && MODEL_CLASSES.has(layer.class_name)) {
      return collectLayers(layer as Record<string, unknown>);
    }
    const cls = String(layer.class_name);
    const name = String(layer.config?.['name'] ?? layer.name ?? '?');
    const keras1 = KERAS1_CLASSES.has(cls) || KERAS1_KEYS.some((k) => k in (layer.config ?? {}));
    return [{ className: cls, name, keras1 }];
  });
}
