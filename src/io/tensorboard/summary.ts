/**
 * Builders of Summary.Value messages in the TF2 form Keras writes: scalars as rank-0 float
 * tensors tagged for the 'scalars' plugin, histograms as [k, 3] double tensors tagged for the
 * 'histograms' plugin. Plugin metadata is only needed on the first value of a tag in a file,
 * so callers pass `withMetadata` accordingly.
 *
 * @example
 * encodeEvent({ wallTime: Date.now() / 1000, step: 0,
 *   summary: [scalarValue('epoch_loss', 0.31, true)] });
 */
import { histogramBuckets, DEFAULT_BUCKET_COUNT } from './histogram.js';
import { DataClass, DataType, type ValueMessage } from './protos.js';

/** A scalar as `tf.summary.scalar` writes it. */
export function scalarValue(tag: string, value: number, withMetadata: boolean): ValueMessage {
  return {
    tag,
    tensor: { dtype: DataType.float, shape: [], floatVal: [value] },
    metadata: withMetadata ? { pluginName: 'scalars', dataClass: DataClass.scalar } : undefined,
  };
}

/** A histogram of `values` as `tf.summary.histogram` writes it. */
export function histogramValue(tag: string, values: ArrayLike<number>, withMetadata: boolean,
  bucketCount = DEFAULT_BUCKET_COUNT): ValueMessage {
  const { rows } = histogramBuckets(values, bucketCount);
  const content = new Uint8Array(rows.length * 3 * 8);
  const view = new DataView(content.buffer);
  rows.flat().forEach((x, i) => view.setFloat64(i * 8, x, true));

  return {
    tag,
    tensor: {
      dtype: DataType.double,
      shape: [rows.length, 3],
      tensorContent: content,
    },
    metadata: withMetadata ? { pluginName: 'histograms' } : undefined,
  };
}

/** A model description for TensorBoard's graph tab ('graph_keras_model' plugin). */
export function kerasModelValue(configJson: string): ValueMessage {
  return {
    tag: 'keras',
    tensor: { dtype: DataType.string, shape: [], stringVal: [new TextEncoder().encode(configJson)] },
    metadata: { pluginName: 'graph_keras_model', content: new TextEncoder().encode('1') },
  };
}
