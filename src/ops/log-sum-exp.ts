/**
 * logSumExp: log(sum(exp(x))) over axes, computed stably by factoring out the maximum
 * (m + log(sum(exp(x - m)))), so large values never overflow. Its gradient is the softmax of
 * x over the same axes.
 *
 * @example
 * logSumExp(tensor([1000, 1000])).item(); // 1000.6931
 * logSumExp(logits, -1, true);            // per row, shape [n, 1]
 */
import { noGrad, record } from '../tensor/autograd.js';
import { normalizeAxes } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { binaryRaw } from './binary.js';
import { max, sum } from './reduce.js';
import { reshape } from './reshape.js';
import { unaryRaw } from './unary.js';

export function logSumExp(x: Tensor, axis?: number | readonly number[], keepDims = false): Tensor {
  const axes = normalizeAxes(axis, x.rank, 'logSumExp');
  const keptShape = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const kept = noGrad(() => {
    const m = max(x, axes, true);
    // An all -Infinity (or infinite) row would give inf - inf = NaN; shift by 0 there instead.
    const shift = m.f32;
    for (let i = 0; i < shift.length; i++) if (!Number.isFinite(shift[i]!)) shift[i] = 0;
    const s = sum(unaryRaw('exp', binaryRaw('sub', x, m)), axes, true);
    return binaryRaw('add', unaryRaw('log', s), m);
  });
  const outShape = x.shape.filter((_, i) => !axes.includes(i));
  const out = keepDims ? kept : noGrad(() => reshape(kept, outShape));

  return record(out, 'logSumExp', [x], (dy) => {
    const g = reshape(dy, keptShape);
    return [binaryRaw('mul', unaryRaw('exp', binaryRaw('sub', x, kept)), g)];
  });
}
