/**
 * Small helpers shared by layer configs: Keras' serialized initializer form, and turning a
 * snake_case Keras config back into the camelCase options our constructors take.
 *
 * @example
 * argsFromConfig(Conv2D, { kernel_size: [3, 3], use_bias: true }); // { kernelSize: [3, 3], useBias: true }
 */
import { NotSupportedError } from '../errors.js';
import type { Initializer, SerializedInitializer } from '../initializers/index.js';
import { camelCase } from '../utils/check-options.js';
import { LAYER_OPTIONS } from './layer.js';

/** What argsFromConfig needs of a layer class. */
interface LayerClass {
  readonly className: string;
  readonly options: readonly string[] | undefined;
}

/** An initializer as Keras writes it into a layer config: { class_name, config }. */
export function serializeInitializer(init: Initializer): SerializedInitializer {
  return init.serialize();
}

/** Keys Keras writes that carry no information for us when they hold their default value. */
const DEFAULTS: Record<string, unknown> = {
  data_format: 'channels_last', dtype: 'float32', groups: 1, noise_shape: null,
  kernel_constraint: null, bias_constraint: null, beta_constraint: null, gamma_constraint: null,
  sparse: false, ragged: false, synchronized: false, renorm: false, virtual_batch_size: null,
  adjustment: null, fused: null, renorm_clipping: null, renorm_momentum: 0.99,
};

/**
 * snake_case config -> camelCase constructor options; non-default unsupported keys throw.
 * Keys the layer does not take are left out: files from newer Keras versions carry extras.
 */
export function argsFromConfig(layer: LayerClass, config: Record<string, unknown>):
  Record<string, unknown> {
  const className = layer.className;
  const known = layer.options === undefined ? null : new Set([...layer.options, ...LAYER_OPTIONS]);
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (key in DEFAULTS) {
      if (JSON.stringify(value) !== JSON.stringify(DEFAULTS[key]) && !isDtypeFloat32(key, value)) {
        throw new NotSupportedError(`${className} option ${key}=${JSON.stringify(value)} ` +
          `(supported: ${JSON.stringify(DEFAULTS[key])})`);
      }
      continue;
    }
    const name = camelCase(key);
    if (known === null || known.has(name)) args[name] = value;
  }
  return args;
}

function isDtypeFloat32(key: string, value: unknown): boolean {
  // Keras 3 writes dtype as a DTypePolicy object.
  return key === 'dtype' && typeof value === 'object' && value !== null &&
    JSON.stringify(value).includes('"float32"');
}
