/**
 * softmax and logSoftmax along the last axis, computed stably (the row maximum is subtracted
 * before exponentiating, so large logits never overflow).
 *
 * @example
 * softmax(tensor([[1, 2, 3]])); // [[0.090, 0.245, 0.665]]
 */
import { ValueError } from '../errors.js';
import { backend } from '../kernels/registry.js';
import { record } from '../tensor/autograd.js';
import { Tensor } from '../tensor/tensor.js';

function rowsAndCols(x: Tensor, op: string, axis: number): [number, number] {
  if (x.rank === 0 || (axis !== -1 && axis !== x.rank - 1)) {
    throw new ValueError(`${op}: only the last axis is supported, got axis ${axis} for rank ${x.rank}`);
  }
  const cols = x.shape[x.rank - 1]!;
  return [x.size / Math.max(cols, 1), cols];
}

/** Softmax over the last axis. @example softmax(tensor([[0, 0]])); // [[0.5, 0.5]] */
export function softmax(x: Tensor, axis = -1): Tensor {
  const [rows, cols] = rowsAndCols(x, 'softmax', axis);
  const y = new Tensor(x.shape);
  backend().softmax(x.f32, y.f32, rows, cols);
  return record(y, 'softmax', [x], (dy) => {
    // dx = y * (dy - sum(dy * y) per row)
    const dx = new Tensor(x.shape);
    const g = dy.f32, p = y.f32, out = dx.f32;
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      let dot = 0;
      for (let c = 0; c < cols; c++) dot += g[o + c]! * p[o + c]!;
      for (let c = 0; c < cols; c++) out[o + c] = p[o + c]! * (g[o + c]! - dot);
    }
    return [dx];
  });
}

/** log(softmax(x)), computed stably. @example logSoftmax(tensor([[0, 0]])); // [[-0.69, -0.69]] */
export function logSoftmax(x: Tensor, axis = -1): Tensor {
  const [rows, cols] = rowsAndCols(x, 'logSoftmax', axis);
  const y = new Tensor(x.shape);
  backend().logSoftmax(x.f32, y.f32, rows, cols);
  return record(y, 'logSoftmax', [x], (dy) => {
    // dx = dy - softmax(x) * sum(dy) per row
    const dx = new Tensor(x.shape);
    const g = dy.f32, ly = y.f32, out = dx.f32;
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      let total = 0;
      for (let c = 0; c < cols; c++) total += g[o + c]!;
      for (let c = 0; c < cols; c++) out[o + c] = g[o + c]! - Math.exp(ly[o + c]!) * total;
    }
    return [dx];
  });
}
