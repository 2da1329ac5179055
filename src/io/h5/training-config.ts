/**
 * Keras' training_config, both ways: what compile() settings become in a saved file, and the
 * compile() arguments a file's training_config gives back. Reads what tf.keras 2.x, Keras
 * 2.0-2.3 and Keras 3 write (loss names or objects, nested metric lists, optimizer aliases
 * such as 'Custom>Adam' and 'lr').
 *
 * @example
 * model.compile(compileArgsFromTrainingConfig(content.trainingConfig));
 */
import { NotSupportedError, ValueError } from '../../errors.js';
import { log } from '../../log.js';
import {
  BinaryCrossentropy, CategoricalCrossentropy, getLoss, Loss, SparseCategoricalCrossentropy,
  snakeName,
} from '../../losses/loss.js';
import { resolveMetric } from '../../metrics/resolve.js';
import { getOptimizer, type OptimizerConfig } from '../../optimizers/index.js';
import type { CompileArgs } from '../../training/compile.js';

/**
 * compile() arguments from a Keras training_config. Unknown metrics are dropped with a
 * warning; an unknown loss or optimizer is an error that suggests `{ compile: false }`.
 *
 * @example
 * compileArgsFromTrainingConfig({ loss: 'categorical_crossentropy', metrics: ['accuracy'],
 *   optimizer_config: { class_name: 'RMSprop', config: { learning_rate: 0.001 } } });
 */
export function compileArgsFromTrainingConfig(config: Record<string, unknown>): CompileArgs {
  const optimizerConfig = config['optimizer_config'] as OptimizerConfig | undefined;
  if (optimizerConfig === undefined || typeof optimizerConfig.class_name !== 'string') {
    throw new NotSupportedError(`training_config has no optimizer_config; load with ` +
      `{ compile: false } and compile the model yourself`);
  }
  warnInertOptions(optimizerConfig);
  return {
    optimizer: withHint(() => getOptimizer(optimizerConfig)),
    loss: withHint(() => lossFromConfig(config['loss'])),
    metrics: metricsFromConfig(config['metrics']),
  };
}

/**
 * The training_config Keras writes for compile settings: the loss and metrics as given (names,
 * or {class_name, config} for loss objects) and the optimizer's {class_name, config}.
 *
 * @example
 * trainingConfigOf({ lossId: 'categorical_crossentropy', metricIds: ['accuracy'], optimizer });
 */
export function trainingConfigOf(compiled: {
  lossId: unknown; loss: Loss; metricIds: readonly unknown[];
  optimizer: { getConfig(): OptimizerConfig };
}): Record<string, unknown> {
  const loss = compiled.lossId instanceof Loss ? compiled.lossId.getConfig() : compiled.loss.name;
  const metrics = compiled.metricIds.map((m) =>
    typeof m === 'string' ? m : (m as { name: string }).name);
  return {
    loss, metrics, weighted_metrics: null, loss_weights: null,
    optimizer_config: compiled.optimizer.getConfig(),
  };
}

// Keras optimizer options this library does not implement, with the values that change
// nothing. Another value is named in a warning: training goes on without it, unlike in Keras.
const INERT_OPTIONS: Record<string, readonly unknown[]> = {
  decay: [0, null], weight_decay: [0, null], clipnorm: [null], global_clipnorm: [null],
  clipvalue: [null], use_ema: [false, null], loss_scale_factor: [null],
  gradient_accumulation_steps: [null, 1],
};

function warnInertOptions(optimizer: OptimizerConfig): void {
  const config = optimizer.config ?? {};
  for (const [key, inert] of Object.entries(INERT_OPTIONS)) {
    if (key in config && !inert.includes(config[key])) {
      log.warn(`training_config: optimizer ${optimizer.class_name} option ${key}=` +
        `${JSON.stringify(config[key])} is not supported; the optimizer runs without it`);
    }
  }
}

function withHint<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    throw new NotSupportedError(`training_config: ${(error as Error).message}. Load with ` +
      `{ compile: false } and compile the model yourself`, { cause: error });
  }
}

const LOGIT_LOSSES: Record<string, (fromLogits: boolean) => Loss> = {
  CategoricalCrossentropy: (fromLogits) => new CategoricalCrossentropy({ fromLogits }),
  SparseCategoricalCrossentropy: (fromLogits) => new SparseCategoricalCrossentropy({ fromLogits }),
  BinaryCrossentropy: (fromLogits) => new BinaryCrossentropy({ fromLogits }),
};

// A name ('categorical_crossentropy'), or a serialized loss object {class_name, config}.
// A name stays a name, so that the model saves the same training_config again.
function lossFromConfig(loss: unknown): Loss | string {
  if (typeof loss === 'string') return getLoss(loss).name === loss ? loss : getLoss(loss);
  const spec = loss as { class_name?: unknown; config?: Record<string, unknown> } | null;
  if (spec === null || typeof spec !== 'object' || typeof spec.class_name !== 'string') {
    throw new NotSupportedError(`loss ${JSON.stringify(loss)} (one loss for one output is ` +
      `supported: a name or {class_name, config})`);
  }
  const fromLogits = spec.config?.['from_logits'] === true;
  const make = LOGIT_LOSSES[spec.class_name];
  if (make !== undefined) return make(fromLogits);
  if (fromLogits) throw new NotSupportedError(`loss ${spec.class_name} with from_logits`);
  return getLoss(snakeName(spec.class_name));
}

// Keras 2.0-2.3: ['accuracy']; tf.keras 2.15: [[{class_name: 'MeanMetricWrapper', config:
// {name: 'accuracy', fn: 'categorical_accuracy'}}]] or [['accuracy']].
function metricsFromConfig(metrics: unknown): string[] {
  if (!Array.isArray(metrics)) return [];
  const out: string[] = [];
  for (const entry of metrics.flat(2)) {
    const config = (entry as { config?: Record<string, unknown> } | null)?.config;
    const candidates = typeof entry === 'string' ? [entry]
      : [config?.['name'], config?.['fn'], (entry as { class_name?: unknown })?.class_name];
    const name = candidates.find((c): c is string => typeof c === 'string' && knownMetric(c));
    if (name !== undefined) out.push(name);
    else log.warn(`training_config: metric ${JSON.stringify(entry)} is not supported; it is left out`);
  }
  return out;
}

function knownMetric(name: string): boolean {
  try {
    resolveMetric(name);
    return true;
  } catch (error) {
    if (error instanceof ValueError) return false; // an unknown name
    throw error;
  }
}
