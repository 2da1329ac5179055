/**
 * Label checks shared by the crossentropy losses and accuracy metrics: integer class labels
 * ([n] or [n, 1]) versus one-hot rows ([n, classes]).
 *
 * @example
 * sparseLabels(yTrue, 10, 'sparse_categorical_crossentropy'); // Int32Array of class indices
 */
import { ShapeError, ValueError } from '../errors.js';
import { formatShape } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';

/** Class indices from labels of shape [n] or [n, 1] (float labels are accepted if whole). */
export function sparseLabels(yTrue: Tensor, yPred: Tensor, where: string): Int32Array {
  const classes = yPred.shape[yPred.rank - 1]!;
  const rows = yPred.size / classes;
  const sparseShape = yTrue.rank === yPred.rank - 1 ||
    (yTrue.rank === yPred.rank && yTrue.shape[yTrue.rank - 1] === 1);
  if (!sparseShape || yTrue.size !== rows) {
    const hint = yTrue.rank === yPred.rank && yTrue.shape[yTrue.rank - 1] === classes
      ? ` The labels look one-hot encoded; use 'categorical_crossentropy' (or pass class ` +
        `indices).` : '';
    throw new ShapeError(`${where}: expected integer labels of shape [${rows}] or [${rows}, 1] ` +
      `for predictions ${formatShape(yPred.shape)}, got labels ${formatShape(yTrue.shape)}.${hint}`);
  }
  const out = new Int32Array(rows);
  const data = yTrue.data;
  for (let i = 0; i < rows; i++) {
    const v = data[i]!;
    if (!Number.isInteger(v) || v < 0 || v >= classes) {
      throw new ValueError(`${where}: label ${v} (sample ${i}) is not a class index in ` +
        `[0, ${classes - 1}] for ${classes} classes`);
    }
    out[i] = v;
  }
  return out;
}

/** One-hot rows [n, classes] from class indices. */
export function oneHot(indices: Int32Array, classes: number, shape: readonly number[]): Tensor {
  const t = new Tensor(shape);
  const d = t.f32;
  d.fill(0);
  for (let i = 0; i < indices.length; i++) d[i * classes + indices[i]!] = 1;
  return t;
}

/** Checks that dense labels have the predictions' shape; names class-index labels. */
export function checkDenseLabels(yTrue: Tensor, yPred: Tensor, where: string): void {
  const same = yTrue.rank === yPred.rank && yTrue.shape.every((d, i) => d === yPred.shape[i]);
  if (same) return;
  const classes = yPred.shape[yPred.rank - 1]!;
  const looksSparse = classes > 1 && yTrue.size === yPred.size / classes;
  const hint = looksSparse ? ` The labels look like class indices; use ` +
    `'sparse_categorical_crossentropy' or one-hot encode them.` : '';
  throw new ShapeError(`${where}: labels ${formatShape(yTrue.shape)} must have the shape of the ` +
    `predictions ${formatShape(yPred.shape)}.${hint}`);
}
