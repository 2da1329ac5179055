/**
 * Stateful metrics, as Keras': each batch updates running totals (`updateState`), `result()`
 * gives the value over everything seen since `resetState()` (an epoch), so the logged value is
 * the mean over all samples, not the mean of batch means.
 *
 * @example
 * const acc = new SparseCategoricalAccuracy();
 * acc.updateState(labels, probs);
 * acc.result(); // 0.6667
 */
import { ValueError } from '../errors.js';
import { sparseLabels } from '../losses/labels.js';
import type { Tensor } from '../tensor/tensor.js';

export abstract class Metric {
  constructor(readonly name: string) {}

  abstract updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor | null): void;
  abstract result(): number;
  abstract resetState(): void;
}

/** Per-sample values from labels and predictions (both read, never differentiated). */
export type SampleFn = (yTrue: Tensor, yPred: Tensor) => Float64Array;

/** A metric that is the (weighted) mean of a per-sample value. */
export class MeanMetricWrapper extends Metric {
  private total = 0;
  private count = 0;

  constructor(name: string, private readonly fn: SampleFn) {
    super(name);
  }

  updateState(yTrue: Tensor, yPred: Tensor, sampleWeight?: Tensor | null): void {
    const values = this.fn(yTrue, yPred);
    const w = sampleWeight?.data;
    for (let i = 0; i < values.length; i++) {
      const weight = w === undefined ? 1 : w[i]!;
      this.total += values[i]! * weight;
      this.count += weight;
    }
  }

  result(): number {
    return this.count === 0 ? 0 : this.total / this.count;
  }

  resetState(): void {
    this.total = 0;
    this.count = 0;
  }
}

function rowsOf(yPred: Tensor): [number, number] {
  const cols = yPred.shape[yPred.rank - 1] ?? 1;
  return [yPred.size / cols, cols];
}

function argMaxRow(d: ArrayLike<number>, offset: number, cols: number): number {
  let best = 0;
  for (let c = 1; c < cols; c++) if (d[offset + c]! > d[offset + best]!) best = c;
  return best;
}

/** 1 where round-to-threshold predictions equal the labels, averaged over the last axis. */
export function binaryAccuracy(threshold = 0.5): SampleFn {
  return (yTrue, yPred) => {
    const [rows, cols] = rowsOf(yPred);
    const t = yTrue.data, p = yPred.data;
    if (yTrue.size !== yPred.size) {
      throw new ValueError(`binary_accuracy: labels [${yTrue.shape}] and predictions [${yPred.shape}] differ in size`);
    }
    const out = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      let hits = 0;
      for (let c = 0; c < cols; c++) {
        const i = r * cols + c;
        if ((p[i]! > threshold ? 1 : 0) === t[i]) hits++;
      }
      out[r] = hits / cols;
    }
    return out;
  };
}

export const categoricalAccuracy: SampleFn = (yTrue, yPred) => {
  const [rows, cols] = rowsOf(yPred);
  const t = yTrue.data, p = yPred.data;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    out[r] = argMaxRow(t, r * cols, cols) === argMaxRow(p, r * cols, cols) ? 1 : 0;
  }
  return out;
};

export const sparseCategoricalAccuracy: SampleFn = (yTrue, yPred) => {
  const [rows, cols] = rowsOf(yPred);
  const labels = sparseLabels(yTrue, yPred, 'sparse_categorical_accuracy');
  const p = yPred.data;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) out[r] = argMaxRow(p, r * cols, cols) === labels[r] ? 1 : 0;
  return out;
};

/** 1 when the true class (argmax of the one-hot row) is among the k highest predictions. */
export function topKCategoricalAccuracy(k = 5): SampleFn {
  return (yTrue, yPred) => {
    const [rows, cols] = rowsOf(yPred);
    const t = yTrue.data, p = yPred.data;
    const out = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      const target = p[o + argMaxRow(t, o, cols)]!;
      let above = 0;
      for (let c = 0; c < cols; c++) if (p[o + c]! > target) above++;
      out[r] = above < k ? 1 : 0;
    }
    return out;
  };
}

function perSampleMean(f: (e: number) => number): SampleFn {
  return (yTrue, yPred) => {
    const [rows, cols] = rowsOf(yPred);
    const t = yTrue.data, p = yPred.data;
    const out = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      let s = 0;
      for (let c = 0; c < cols; c++) s += f(p[r * cols + c]! - t[r * cols + c]!);
      out[r] = s / cols;
    }
    return out;
  };
}

export const meanSquaredError: SampleFn = perSampleMean((e) => e * e);
export const meanAbsoluteError: SampleFn = perSampleMean((e) => Math.abs(e));
