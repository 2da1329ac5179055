/**
 * Batching arrays for fit/evaluate/predict: the validation split (the LAST fraction of the
 * samples, taken before any shuffling, as Keras), per-epoch shuffling, and copying the rows
 * of a batch out of the full arrays.
 *
 * @example
 * const { train, validation } = splitValidation({ xs: [x], y, w: null }, 0.2);
 */
import { ShapeError, ValueError } from '../errors.js';
import { Random } from '../tensor/random.js';
import { Tensor } from '../tensor/tensor.js';

/** Inputs, labels and sample weights with the same first dimension. */
export interface ArrayData {
  xs: Tensor[];
  y: Tensor | null;
  w: Tensor | null;
}

export function sampleCount(data: ArrayData, where: string): number {
  const n = data.xs[0]?.shape[0];
  if (n === undefined) throw new ValueError(`${where}: no input data`);
  for (const t of [...data.xs, data.y, data.w]) {
    if (t !== null && t.shape[0] !== n) {
      throw new ShapeError(`${where}: all inputs, labels and sample weights need the same number ` +
        `of samples; got ${n} and ${t.shape[0]} (shape [${t.shape.join(', ')}])`);
    }
  }
  return n;
}

/** Index where validation starts: floor(n * (1 - split)). Throws if a side would be empty. */
export function splitIndex(n: number, split: number): number {
  if (!(split > 0 && split < 1)) {
    throw new ValueError(`validationSplit must be in (0, 1), got ${split}`);
  }
  const at = Math.floor(n * (1 - split));
  if (at <= 0 || at >= n) {
    throw new ValueError(`Training data contains ${n} samples, which is not sufficient to split ` +
      `it into a validation and training set as specified by validationSplit=${split}. Either ` +
      `provide more data, or a different value for validationSplit.`);
  }
  return at;
}

export function splitValidation(data: ArrayData, split: number):
  { train: ArrayData; validation: ArrayData } {
  const n = sampleCount(data, 'fit');
  const at = splitIndex(n, split);
  const part = (t: Tensor | null, start: number, end: number): Tensor | null =>
    (t === null ? null : sliceRows(t, start, end));
  return {
    train: { xs: data.xs.map((x) => sliceRows(x, 0, at)), y: part(data.y, 0, at), w: part(data.w, 0, at) },
    validation: { xs: data.xs.map((x) => sliceRows(x, at, n)), y: part(data.y, at, n), w: part(data.w, at, n) },
  };
}

/** Rows [start, end) as a new tensor. */
export function sliceRows(t: Tensor, start: number, end: number): Tensor {
  const row = t.size / Math.max(1, t.shape[0]!);
  const out = new Tensor([end - start, ...t.shape.slice(1)], t.dtype);
  out.data.set(t.data.subarray(start * row, end * row));
  return out;
}

/** The rows listed in `indices` [from, to), in that order, as a new tensor. */
export function gatherRows(t: Tensor, indices: Int32Array, from: number, to: number): Tensor {
  const row = t.size / Math.max(1, t.shape[0]!);
  const out = new Tensor([to - from, ...t.shape.slice(1)], t.dtype);
  const src = t.data, dst = out.data;
  for (let i = from; i < to; i++) {
    const r = indices[i]!;
    dst.set(src.subarray(r * row, (r + 1) * row), (i - from) * row);
  }
  return out;
}

/** 0..n-1, shuffled with `rng` when asked. */
export function epochOrder(n: number, shuffle: boolean, rng: Random): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (shuffle) rng.shuffle(order);
  return order;
}

/** Per-sample weights from a class-weight table, using the labels' class of each sample. */
export function classWeightsToSampleWeights(y: Tensor, classWeight: Record<number, number>): Tensor {
  const n = y.shape[0]!;
  const cols = y.size / Math.max(1, n);
  const out = new Tensor([n]);
  const d = y.data;
  for (let i = 0; i < n; i++) {
    let cls: number;
    if (cols === 1) cls = Math.round(d[i]!);
    else {
      cls = 0;
      for (let c = 1; c < cols; c++) if (d[i * cols + c]! > d[i * cols + cls]!) cls = c;
    }
    out.f32[i] = classWeight[cls] ?? 1;
  }
  return out;
}
