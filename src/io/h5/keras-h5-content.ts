/**
 * The content of a Keras HDF5 file, independent of any model class: what `writeKerasH5`
 * writes and `readKerasH5` returns.
 *
 * @example
 * const content: KerasH5Content = {
 *   kerasVersion: '2.15.0', backend: 'tensorflow',
 *   modelConfig: { class_name: 'Sequential', config: { name: 'sequential', layers: [] } },
 *   layers: [{ name: 'dense', weights: [
 *     { name: 'dense/kernel:0', shape: [4, 2], data: new Float32Array(8) },
 *     { name: 'dense/bias:0', shape: [2], data: new Float32Array(2) }] }],
 * };
 */
import type { ArrayData, ArrayDType } from './h5-datasets.js';

/** One layer weight: its Keras name (e.g. 'conv2d/kernel:0'), shape and float32 values. */
export interface KerasH5Weight {
  name: string;
  shape: number[];
  data: Float32Array;
}

/** A layer's group: its name and its weights in Keras order (trainable, then non-trainable). */
export interface KerasH5Layer {
  name: string;
  weights: KerasH5Weight[];
}

/** An optimizer variable; the step counter is int64 in Keras files, slots are float32. */
export interface KerasH5OptimizerWeight {
  name: string;
  shape: number[];
  dtype: ArrayDType;
  data: ArrayData;
}

/** Which of the two Keras 2 layouts a file uses. */
export type KerasH5Layout = 'model' | 'weights';

export interface KerasH5Content {
  /** Root `keras_version`; written as {@link DEFAULT_KERAS_VERSION} when omitted. */
  kerasVersion?: string;
  /** Root `backend`; written as 'tensorflow' when omitted. Absent in Keras 1 files. */
  backend?: string;
  /** Parsed `model_config` JSON: {class_name, config}. Absent in weights-only files. */
  modelConfig?: Record<string, unknown>;
  /** Parsed `training_config` JSON (loss, metrics, optimizer_config...), if compiled. */
  trainingConfig?: Record<string, unknown>;
  /** Every layer in model order, weightless ones included (with no weights). */
  layers: KerasH5Layer[];
  /** Optimizer state in the optimizer's variable order, if saved. */
  optimizerWeights?: KerasH5OptimizerWeight[];
  /** Set by the reader: 'model' (model.save) or 'weights' (save_weights). */
  layout?: KerasH5Layout;
  /**
   * Set by the reader: `keras_version` found on the weights group. Keras 1 files lack it; Keras
   * uses its absence to convert Keras 1 weights.
   */
  weightsKerasVersion?: string;
}

/** The Keras version we claim in files: its layout is the tf.keras 2 one, readable by 2.x and 3.x. */
export const DEFAULT_KERAS_VERSION = '2.15.0';

/** The backend we claim in files. */
export const DEFAULT_BACKEND = 'tensorflow';

/**
 * A weight's short name: its last path part without the ':0' suffix
 * ('conv2d_1/kernel:0' and 'sequential/conv2d_1/kernel' both give 'kernel').
 * Keras 1 flat names ('convolution2d_1_W:0') come back without the suffix only.
 *
 * @example
 * shortWeightName('batch_normalization_1_1/moving_mean:0'); // 'moving_mean'
 */
export function shortWeightName(name: string): string {
  const last = name.slice(name.lastIndexOf('/') + 1);
  return last.replace(/:\d+$/, '');
}
