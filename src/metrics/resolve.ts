/**
 * Turns what compile() was given ('accuracy', 'acc', 'mse', a Metric...) into metrics, the way
 * Keras does: 'accuracy' becomes binary, sparse categorical or categorical accuracy depending
 * on the label and prediction shapes of the first batch.
 *
 * @example
 * const [acc] = resolveMetrics(['accuracy']);
 * acc.updateState(labels, probs); // picks sparse accuracy for labels [n] and probs [n, 10]
 */
import { ValueError } from '../errors.js';
import type { Tensor } from '../tensor/tensor.js';
import { AUC, Precision, Recall } from './confusion.js';
import {
  MeanMetricWrapper, Metric, binaryAccuracy, categoricalAccuracy, meanAbsoluteError,
  meanSquaredError, sparseCategoricalAccuracy, topKCategoricalAccuracy, type SampleFn,
} from './metric.js';

/** 'accuracy' whose kind is settled by the first batch's shapes. */
export class Accuracy extends Metric {
  private inner: MeanMetricWrapper | null = null;

  updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor | null): void {
    this.inner ??= new MeanMetricWrapper(this.name, accuracyFor(yTrue, yPred));
    this.inner.updateState(yTrue, yPred, sampleWeight);
  }

  result(): number {
    return this.inner?.result() ?? 0;
  }

  resetState(): void {
    this.inner?.resetState();
  }
}

/** Keras' rule: last prediction axis 1 -> binary; labels of lower rank or last axis 1 -> sparse. */
export function accuracyFor(yTrue: Tensor, yPred: Tensor): SampleFn {
  const pLast = yPred.shape[yPred.rank - 1];
  const tLast = yTrue.shape[yTrue.rank - 1];
  if (pLast === 1) return binaryAccuracy();
  if (yTrue.rank < yPred.rank || (tLast === 1 && pLast! > 1)) return sparseCategoricalAccuracy;
  return categoricalAccuracy;
}

const NAMED: Record<string, (name: string) => Metric> = {
  binary_accuracy: (n) => new MeanMetricWrapper(n, binaryAccuracy()),
  categorical_accuracy: (n) => new MeanMetricWrapper(n, categoricalAccuracy),
  sparse_categorical_accuracy: (n) => new MeanMetricWrapper(n, sparseCategoricalAccuracy),
  top_k_categorical_accuracy: (n) => new MeanMetricWrapper(n, topKCategoricalAccuracy(5)),
  mean_squared_error: (n) => new MeanMetricWrapper(n, meanSquaredError),
  mse: (n) => new MeanMetricWrapper(n, meanSquaredError),
  mean_absolute_error: (n) => new MeanMetricWrapper(n, meanAbsoluteError),
  mae: (n) => new MeanMetricWrapper(n, meanAbsoluteError),
  precision: (n) => new Precision({ name: n }),
  recall: (n) => new Recall({ name: n }),
  auc: (n) => new AUC({ name: n }),
};

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

export type MetricIdentifier = string | Metric;

export function resolveMetric(id: MetricIdentifier): Metric {
  if (id instanceof Metric) return id;
  if (id === 'accuracy' || id === 'acc') return new Accuracy(id);
  const name = snake(id);
  const make = NAMED[name];
  if (make === undefined) {
    throw new ValueError(`unknown metric '${id}'; known: accuracy, acc, ${Object.keys(NAMED).join(', ')}`);
  }
  return make(name);
}

export function resolveMetrics(ids: readonly MetricIdentifier[] = []): Metric[] {
  return ids.map(resolveMetric);
}
