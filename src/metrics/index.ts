/**
 * Stateful metrics by Keras name or as objects.
 *
 * @example
 * model.compile({ optimizer: 'rmsprop', loss: 'binary_crossentropy', metrics: ['accuracy', new metrics.AUC()] });
 */
export {
  Metric, MeanMetricWrapper, binaryAccuracy, categoricalAccuracy, sparseCategoricalAccuracy,
  topKCategoricalAccuracy, meanSquaredError, meanAbsoluteError, type SampleFn,
} from './metric.js';
export { Precision, Recall, AUC } from './confusion.js';
export { Accuracy, accuracyFor, resolveMetric, resolveMetrics, type MetricIdentifier } from './resolve.js';
