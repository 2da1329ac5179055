/**
 * compile(): resolves the optimizer, loss and metrics a model trains with. Strings may be
 * snake_case or camelCase ('sparse_categorical_crossentropy', 'sparseCategoricalCrossentropy').
 *
 * @example
 * model.compile({ optimizer: 'rmsprop', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
 */
import { ValueError } from '../errors.js';
import { checkOptionNames } from '../utils/check-options.js';
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
  checkOptionNames('compile', args, ['optimizer', 'loss', 'metrics'],
    { lossWeights: 'weights for several losses', weightedMetrics: 'metrics weighted by sample',
      runEagerly: 'eager execution, which is the only mode here',
      stepsPerExecution: 'several steps per call' });
  for (const required of ['optimizer', 'loss'] as const) {
    if (args[required] === undefined || args[required] === null) {
      throw new ValueError(`compile: '${required}' is required, e.g. ` +
        `model.compile({ optimizer: 'rmsprop', loss: 'categorical_crossentropy', metrics: ['accuracy'] })`);
    }
  }
  return {
    optimizer: getOptimizer(args.optimizer),
    loss: getLoss(args.loss),
    metrics: resolveMetrics(args.metrics ?? []),
    lossId: args.loss,
    metricIds: args.metrics ?? [],
  };
}
