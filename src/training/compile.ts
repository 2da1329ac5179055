/**
 * compile(): resolves the optimizer, loss and metrics a model trains with. Strings may be
 * snake_case or camelCase ('sparse_categorical_crossentropy', 'sparseCategoricalCrossentropy').
 *
 * @example
 * model.compile({ optimizer: 'rmsprop', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
 */
import { getLoss, type Loss, type LossIdentifier } from '../losses/loss.js';
import type { Metric } from '../metrics/metric.js';
import { resolveMetrics, type MetricIdentifier } from '../metrics/resolve.js';
import { getOptimizer, type OptimizerIdentifier } from '../optimizers/index.js';
import type { Optimizer } from '../optimizers/optimizer.js';

export interface CompileArgs {
  optimizer: OptimizerIdentifier;
  loss: LossIdentifier;
  metrics?: MetricIdentifier[];
}

export interface CompiledState {
  optimizer: Optimizer;
  loss: Loss;
  metrics: Metric[];
  /** The loss as the user gave it, for training_config. */
  lossId: LossIdentifier;
  metricIds: MetricIdentifier[];
}

export function compileModel(args: CompileArgs): CompiledState {
  return {
    optimizer: getOptimizer(args.optimizer),
    loss: getLoss(args.loss),
    metrics: resolveMetrics(args.metrics ?? []),
    lossId: args.loss,
    metricIds: args.metrics ?? [],
  };
}
