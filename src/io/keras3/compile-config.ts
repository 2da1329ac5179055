/**
 * Keras 3's `compile_config` (what `model.compile` was given, serialized: optimizer, loss,
 * metrics...) to and from the tf.keras 2 `training_config` that the rest of the library reads
 * and writes (training-config.ts).
 *
 * Keras 3 serializes objects as {module, class_name, config, registered_name}: an optimizer,
 * a learning-rate schedule inside it, a loss object; a plain function (loss or metric) as
 * {class_name: 'function', config: 'categorical_crossentropy'}.
 *
 * @example
 * const trainingConfig = trainingConfigFromCompileConfig(config.compile_config);
 * const compileConfig = compileConfigOf(model.trainingConfig());
 */
import { NotSupportedError } from '../../errors.js';

type Json = Record<string, unknown>;

// Options every Keras 3 optimizer config may carry: written only by Keras, read and checked by
// training-config.ts. Writing them would stop Keras 3.0 (which lacks some) from loading ours.
const KERAS2_OPTIMIZER_ONLY = ['is_legacy_optimizer', 'jit_compile'];

/**
 * The training_config equivalent of a Keras 3 compile_config.
 *
 * @example
 * trainingConfigFromCompileConfig({ optimizer: { module: 'keras.optimizers', class_name: 'Adam',
 *   config: { learning_rate: 0.001 }, registered_name: null }, loss: 'mse', metrics: null });
 */
export function trainingConfigFromCompileConfig(compile: Json): Json {
  return {
    loss: plain(compile['loss']),
    metrics: plain(compile['metrics']),
    weighted_metrics: plain(compile['weighted_metrics'] ?? null),
    loss_weights: compile['loss_weights'] ?? null,
    optimizer_config: optimizerConfig(compile['optimizer']),
  };
}

function optimizerConfig(optimizer: unknown): Json {
  if (typeof optimizer === 'string') return { class_name: optimizer, config: {} };
  const spec = optimizer as Json | null;
  if (spec === null || typeof spec !== 'object' || typeof spec['class_name'] !== 'string') {
    throw new NotSupportedError(`compile_config: optimizer ${JSON.stringify(optimizer)} ` +
      `(expected a name or {class_name, config})`);
  }
  return { class_name: spec['class_name'], config: spec['config'] ?? {} };
}

// Functions become their names; objects keep class_name and config; lists stay lists.
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  const spec = value as Json;
  const name = spec['config'];
  if (spec['class_name'] === 'function' && typeof name === 'string') return name;
  if (typeof spec['class_name'] === 'string') {
    return { class_name: spec['class_name'], config: spec['config'] ?? {} };
  }
  return Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, plain(v)]));
}

/**
 * The Keras 3 compile_config for a model compiled with `training` (its training_config).
 *
 * @example
 * compileConfigOf({ loss: 'categorical_crossentropy', metrics: ['accuracy'],
 *   optimizer_config: { class_name: 'RMSprop', config: { learning_rate: 0.001, rho: 0.9 } } });
 */
export function compileConfigOf(training: Json): Json {
  const optimizer = training['optimizer_config'] as { class_name: string; config: Json };
  return {
    optimizer: serialized('keras.optimizers', optimizer.class_name, optimizerOptions(optimizer)),
    loss: lossOf(training['loss']),
    loss_weights: training['loss_weights'] ?? null,
    metrics: training['metrics'] ?? null,
    weighted_metrics: training['weighted_metrics'] ?? null,
    run_eagerly: false,
    steps_per_execution: 1,
    jit_compile: false,
  };
}

function optimizerOptions(optimizer: { class_name: string; config: Json }): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(optimizer.config)) {
    if (KERAS2_OPTIMIZER_ONLY.includes(key)) continue;
    out[key] = key === 'learning_rate' ? scheduleOf(value) : value;
  }
  out['name'] = optimizer.class_name.toLowerCase(); // Keras' default names: 'adam', 'rmsprop'
  return out;
}

function scheduleOf(rate: unknown): unknown {
  if (rate === null || typeof rate !== 'object') return rate;
  const spec = rate as Json;
  return serialized('keras.optimizers.schedules', spec['class_name'] as string,
    (spec['config'] ?? {}) as Json);
}

// tf.keras 2's reduction 'auto' is Keras 3's 'sum_over_batch_size' (a mean over the batch).
function lossOf(loss: unknown): unknown {
  if (loss === null || typeof loss !== 'object') return loss;
  const spec = loss as { class_name: string; config?: Json };
  const config = { ...(spec.config ?? {}) };
  if (config['reduction'] === 'auto') config['reduction'] = 'sum_over_batch_size';
  return serialized('keras.losses', spec.class_name, config);
}

function serialized(module: string, className: string, config: Json): Json {
  return { module, class_name: className, config, registered_name: null };
}
