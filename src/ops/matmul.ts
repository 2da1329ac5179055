/**
 * Matrix product, with batching and broadcasting of the batch dimensions.
 *
 * a [..., m, k] · b [..., k, n] -> [..., m, n]; either side may be transposed in place
 * (transposeA reads a as [..., k, m]). Rank-2 inputs are plain matrices.
 *
 * @example
 * matmul(tensor([[1, 2]]), tensor([[3], [4]])); // [[11]]
 */
import { ShapeError } from '../errors.js';
import { backend } from '../kernels/registry.js';
import { record } from '../tensor/autograd.js';
import { broadcastShapes, formatShape, sizeOf } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { unbroadcast } from './binary.js';

/** Matrix product. @example matmul(tensor([[1, 2]]), tensor([[3], [4]])); // [[11]] */
export function matmul(a: Tensor, b: Tensor, transposeA = false, transposeB = false): Tensor {
  if (a.rank < 2 || b.rank < 2) {
    throw new ShapeError(`matmul: both inputs need rank >= 2, got ${formatShape(a.shape)} and ` +
      `${formatShape(b.shape)}`);
  }
  const [m, k] = lastTwo(a, transposeA);
  const [k2, n] = lastTwo(b, transposeB);
  if (k !== k2) {
    throw new ShapeError(`matmul: inner dimensions differ: ${formatShape(a.shape)}` +
      `${transposeA ? 'ᵀ' : ''} x ${formatShape(b.shape)}${transposeB ? 'ᵀ' : ''} (${k} vs ${k2})`);
  }
  const batchA = a.shape.slice(0, -2), batchB = b.shape.slice(0, -2);
  const batchShape = broadcastShapes(batchA, batchB, 'matmul');
  const batch = sizeOf(batchShape);
  if ((sizeOf(batchA) !== batch && sizeOf(batchA) !== 1) ||
    (sizeOf(batchB) !== batch && sizeOf(batchB) !== 1)) {
    throw new ShapeError(`matmul: batch dimensions ${formatShape(batchA)} and ` +
      `${formatShape(batchB)} must be equal or one of them 1`);
  }
  const out = new Tensor([...batchShape, m, n]);
  backend().matmul(a.f32, b.f32, out.f32, batch, m, k, n, transposeA, transposeB,
    sizeOf(batchA) === 1 ? 0 : m * k, sizeOf(batchB) === 1 ? 0 : k * n);

  return record(out, 'matmul', [a, b], (dy) => {
    // y = A·B  =>  dA = dy·Bᵀ, dB = Aᵀ·dy (with the stored transposes folded in).
    const da = transposeA ? matmul(b, dy, transposeB, true) : matmul(dy, b, false, !transposeB);
    const db = transposeB ? matmul(dy, a, true, transposeA) : matmul(a, dy, !transposeA, false);
    return [unbroadcast(da, a.shape), unbroadcast(db, b.shape)];
  });
}

function lastTwo(t: Tensor, transposed: boolean): [number, number] {
  const r = t.shape[t.rank - 2]!, c = t.shape[t.rank - 1]!;
  return transposed ? [c, r] : [r, c];
}
