/**
 * Model configs between Keras 3's `config.json` (serialize_keras_object: module, class_name,
 * config, registered_name, build_config) and the tf.keras 2 `model_config` our models read and
 * write (modelFromJSON, model.toJSON()).
 *
 * Keras 3 differences handled both ways: every object carries `module` and `registered_name`;
 * dtypes are DTypePolicy objects; InputLayer has `batch_shape`; functional inbound nodes are
 * `{args, kwargs}` with `__keras_tensor__` entries whose `keras_history` is
 * [layer, node index, tensor index]; layers that own weights carry `build_config`.
 * Reading also accepts the Keras 2 spellings (tf.keras 2.13-2.15 wrote `.keras` files too).
 *
 * @example
 * const { modelConfig, layerOrder } = fromKeras3Config(JSON.parse(configJson), 'm.keras');
 * const config = toKeras3Config(model.toJSON(), model.layers);
 */
import { IoError, NotSupportedError } from '../../errors.js';
import { checkLayerEntries } from '../h5/model-config-check.js';
import type { NamedLayer } from './vars-layout.js';

type Json = Record<string, unknown>;
type Ref = [string, number, number];
type Shape = ReadonlyArray<number | null>;

/** What writing needs of a layer beyond its config: the shapes of its calls. */
export interface ShapedLayer {
  readonly name: string;
  readonly weights: readonly unknown[];
  readonly inboundNodes?: readonly {
    readonly inputs: readonly { readonly shape: Shape }[];
    readonly output: { readonly shape: Shape };
  }[];
}

/** A Keras 3 config turned into a tf.keras 2 one, and the parts that sit beside it. */
export interface ReadConfig {
  /** {class_name, config} for modelFromJSON. */
  modelConfig: Json;
  /** Layers in the config's order (Keras' `model.layers`), which names the weight groups. */
  layerOrder: NamedLayer[];
  /** The `compile_config`, if the model was saved compiled. */
  compileConfig?: Json;
}

const MODEL_CLASSES = new Set(['Sequential', 'Functional', 'Model']);
const DTYPE_POLICY = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' },
  registered_name: null };
// tf.keras 2 keys Keras 3 layers do not take; all hold defaults in our configs.
const KERAS2_ONLY = ['batch_input_shape', 'ragged'];
const MODULE_BY_SUFFIX: [string, string][] = [['_initializer', 'keras.initializers'],
  ['_regularizer', 'keras.regularizers'], ['_constraint', 'keras.constraints']];

/**
 * Reads a `config.json` object: checks it describes a Sequential or functional model and
 * rewrites it in the tf.keras 2 shape. `label` names the file in errors.
 *
 * @example
 * fromKeras3Config({ module: 'keras', class_name: 'Sequential', config: {...} }, 'm.keras');
 */
export function fromKeras3Config(config: Json, label: string): ReadConfig {
  const className = config['class_name'];
  if (typeof className !== 'string' || !MODEL_CLASSES.has(className)) {
    throw new NotSupportedError(`${label}: config.json describes ${JSON.stringify(className)}; ` +
      `only Sequential and functional models (Functional, Model) can be loaded`);
  }
  const inner = config['config'];
  const layers = (inner as Json | undefined)?.['layers'];
  if (!Array.isArray(layers)) {
    throw new IoError(`${label}: config.json: the ${className} config has no list of layers`);
  }

  checkLayerEntries(layers, `${label}: config.json: the ${className} config`);
  const entries = layers as Json[];
  const sequential = className === 'Sequential';
  const out: ReadConfig = {
    modelConfig: sequential ? readSequential(inner as Json, entries)
      : readFunctional(inner as Json, entries, label),
    layerOrder: entries.flatMap((l) => namedLayer(l, sequential)),
  };
  const compile = config['compile_config'];
  if (compile !== undefined && compile !== null &&
    (typeof compile !== 'object' || Array.isArray(compile))) {
    throw new IoError(`${label}: config.json: compile_config should be an object ` +
      `(optimizer, loss, metrics...) or null, found ${JSON.stringify(compile).slice(0, 80)}`);
  }
  if (compile !== undefined && compile !== null) out.compileConfig = compile as Json;
  return out;
}

function readSequential(inner: Json, layers: Json[]): Json {
  const list = layers.map((l) => ({ class_name: l['class_name'], config: l['config'] }));
  // Keras 3 strips input shapes from the layers; without an InputLayer the model's own build
  // shape says what the first layer takes.
  const shape = inner['build_input_shape'];
  if (list[0]?.class_name !== 'InputLayer' && Array.isArray(shape)) {
    list.unshift({ class_name: 'InputLayer', config: { batch_input_shape: shape,
      name: `${String(inner['name'] ?? 'sequential')}_input` } });
  }
  return { class_name: 'Sequential', config: { name: inner['name'] ?? 'sequential', layers: list } };
}

function readFunctional(inner: Json, layers: Json[], label: string): Json {
  const converted = layers.map((l) => {
    const name = (l['name'] ?? (l['config'] as Json | undefined)?.['name']) as string;
    const nodes = (l['inbound_nodes'] ?? []) as unknown[];
    return { class_name: l['class_name'], config: l['config'], name,
      inbound_nodes: nodes.map((n) => readNode(n, name, label)) };
  });
  return { class_name: 'Functional', config: { name: inner['name'] ?? 'functional',
    layers: converted, input_layers: readRefs(inner['input_layers']),
    output_layers: readRefs(inner['output_layers']) } };
}

// Keras 2: [[name, node, tensor, kwargs], ...]. Keras 3: {args: [...], kwargs: {...}}.
function readNode(node: unknown, layer: string, label: string): unknown[] {
  if (Array.isArray(node)) return node;
  const { args, kwargs } = (node ?? {}) as { args?: unknown; kwargs?: Json };
  if (kwargs !== undefined && Object.keys(kwargs).length > 0) {
    throw new NotSupportedError(`${label}: layer '${layer}' is called with keyword arguments ` +
      `(${Object.keys(kwargs).join(', ')}); only calls on tensors alone can be rebuilt`);
  }
  const refs: unknown[] = [];
  collectTensors(args, refs, { layer, label, depth: 0 });
  return refs;
}

// Keras nests call arguments a level or two (a list of tensors); far deeper is not a model.
const MAX_ARGS_DEPTH = 32;

interface ArgsPlace {
  layer: string;
  label: string;
  depth: number;
}

function collectTensors(value: unknown, out: unknown[], at: ArgsPlace): void {
  const { layer, label, depth } = at;
  if (Array.isArray(value)) {
    if (depth >= MAX_ARGS_DEPTH) {
      throw new IoError(`${label}: config.json: the call arguments of layer '${layer}' are ` +
        `lists nested more than ${MAX_ARGS_DEPTH} deep; expected tensors, or a list of them`);
    }
    for (const v of value) collectTensors(v, out, { ...at, depth: depth + 1 });
    return;
  }
  const spec = value as { class_name?: unknown; config?: { keras_history?: unknown } } | null;
  const history = spec?.config?.keras_history;
  if (spec?.class_name !== '__keras_tensor__' || !Array.isArray(history)) {
    throw new NotSupportedError(`${label}: layer '${layer}' is called with ` +
      `${JSON.stringify(value)?.slice(0, 80)}, which is not a tensor of the model`);
  }
  out.push([history[0], history[1], history[2], {}]);
}

// [[name, 0, 0], ...], one bare [name, 0, 0], or {key: [name, 0, 0]} for dict inputs.
function readRefs(value: unknown): Ref[] {
  if (Array.isArray(value)) {
    return typeof value[0] === 'string' ? [value as Ref] : (value as Ref[]);
  }
  return value !== null && typeof value === 'object' ? Object.values(value) as Ref[] : [];
}

// Keras' Sequential.layers leaves out its InputLayer; a functional model's list keeps them.
function namedLayer(l: Json, sequential: boolean): NamedLayer[] {
  const className = String(l['class_name']);
  if (sequential && className === 'InputLayer') return [];
  const name = String(l['name'] ?? (l['config'] as Json | undefined)?.['name']);
  return [{ name, className }];
}

/**
 * The Keras 3 `config.json` object for a model whose tf.keras 2 config is `json`; `layers`
 * give the shapes of each call (for build_config and tensor specs). `compileConfig` is added
 * when given.
 *
 * @example
 * toKeras3Config(model.toJSON(), model.layers, compileConfigOf(model.trainingConfig()));
 */
export function toKeras3Config(json: Json, layers: readonly ShapedLayer[],
  compileConfig?: Json): Json {
  const className = json['class_name'];
  const inner = json['config'] as Json;
  const byName = new Map(layers.map((l) => [l.name, l]));
  const out = className === 'Sequential' ? writeSequential(inner, byName)
    : writeFunctional(inner, byName);
  if (compileConfig !== undefined) out['compile_config'] = compileConfig;
  return out;
}

function writeSequential(inner: Json, byName: Map<string, ShapedLayer>): Json {
  const layers = inner['layers'] as Json[];
  const input = layers.find((l) => l['class_name'] === 'InputLayer');
  const shape = (input?.['config'] as Json | undefined)?.['batch_input_shape'] ?? null;
  const build = shape === null ? {} : { build_config: { input_shape: shape } };
  return {
    module: 'keras', class_name: 'Sequential',
    config: { name: inner['name'], trainable: true, dtype: DTYPE_POLICY,
      layers: layers.map((l) => writeLayer(l, byName)), build_input_shape: shape },
    registered_name: null, ...build,
  };
}

function writeFunctional(inner: Json, byName: Map<string, ShapedLayer>): Json {
  const layers = (inner['layers'] as Json[]).map((l) => {
    const nodes = (l['inbound_nodes'] ?? []) as Ref[][];
    return { ...writeLayer(l, byName), name: l['name'],
      inbound_nodes: nodes.map((node) => writeNode(node, byName)) };
  });
  return {
    module: 'keras.src.models.functional', class_name: 'Functional',
    config: { name: inner['name'], trainable: true, layers,
      input_layers: inner['input_layers'], output_layers: inner['output_layers'] },
    registered_name: 'Functional',
  };
}

function writeLayer(l: Json, byName: Map<string, ShapedLayer>): Json {
  const className = l['class_name'] as string;
  const config = l['config'] as Json;
  if (className === 'InputLayer') {
    return { module: 'keras.layers', class_name: className, config: {
      batch_shape: config['batch_input_shape'], dtype: 'float32', sparse: false,
      name: config['name'] }, registered_name: null };
  }
  const out: Json = { module: 'keras.layers', class_name: className,
    config: writeLayerConfig(config), registered_name: null };
  const inputShape = buildShape(byName.get(config['name'] as string));
  if (inputShape !== undefined) out['build_config'] = { input_shape: inputShape };
  return out;
}

function writeLayerConfig(config: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(config)) {
    if (KERAS2_ONLY.includes(key)) continue;
    if (key === 'dtype') out[key] = DTYPE_POLICY;
    else out[key] = withModule(key, value);
  }
  return out;
}

// Initializers, regularizers and constraints are serialized objects in Keras 3.
function withModule(key: string, value: unknown): unknown {
  const module = MODULE_BY_SUFFIX.find(([suffix]) => key.endsWith(suffix))?.[1];
  if (module === undefined || value === null || typeof value !== 'object') return value;
  const spec = value as Json;
  if (!('class_name' in spec) || 'module' in spec) return value;
  return { module, class_name: spec['class_name'], config: spec['config'] ?? {},
    registered_name: null };
}

// Layers that own weights record the input shape they were built for.
function buildShape(layer: ShapedLayer | undefined): unknown {
  const node = layer?.inboundNodes?.[0];
  if (node === undefined || layer!.weights.length === 0) return undefined;
  const shapes = node.inputs.map((t) => [...t.shape]);
  return shapes.length === 1 ? shapes[0] : shapes;
}

function writeNode(node: readonly Ref[], byName: Map<string, ShapedLayer>): Json {
  const specs = node.map(([name, index, tensor]) => {
    const shape = byName.get(name)?.inboundNodes?.[index]?.output.shape;
    return { class_name: '__keras_tensor__', config: { shape: shape ? [...shape] : null,
      dtype: 'float32', keras_history: [name, index, tensor] } };
  });
  // A layer on one tensor is called with it; a merge layer with the list of them.
  return { args: specs.length === 1 ? specs : [specs], kwargs: {} };
}
