/**
 * Adds a bias along the last axis, optionally followed by relu, in one kernel pass. Dense and
 * Conv2D end with this, so the common "relu" case costs one pass over the output instead of
 * three (add, relu, and their gradients).
 *
 * x [..., c] + bias [c] -> [..., c]
 *
 * @example
 * biasAdd(matmul(x, kernel), bias, 'relu');
 */
import { binaryRaw } from '../ops/binary.js';
import { backend } from '../kernels/registry.js';
import { record } from '../tensor/autograd.js';
import { Tensor, scalar } from '../tensor/tensor.js';

export function biasAdd(x: Tensor, bias: Tensor, activation: 'linear' | 'relu'): Tensor {
  const cols = bias.size;
  const rows = x.size / cols;
  const y = new Tensor(x.shape);
  backend().biasAdd(x.f32, bias.f32, y.f32, rows, cols, activation);

  return record(y, `biasAdd+${activation}`, [x, bias], (dy) => {
    // relu passes the gradient where its output is positive.
    const g = activation === 'relu' ? binaryRaw('mul', dy, binaryRaw('greater', y, scalar(0))) : dy;
    const dBias = new Tensor(bias.shape);
    backend().reduce('sum', g.f32, 1, rows, cols, dBias.f32);
    return [g, dBias];
  });
}
