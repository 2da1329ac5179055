import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  add, conv2d, flatten, logSoftmax, matmul, maxPool2d, mean, mul, neg, relu, sum,
} from '../ops/index.js';
import { randomNormal } from '../ops/random-tensor.js';
import { gradients } from './autograd.js';
import { heap } from './heap.js';
import { keep, scope, tensor, type Tensor } from './tensor.js';

describe('memory over many training steps', () => {
  it('does not grow the heap over 1,000 conv + dense SGD steps inside scope', () => {
    // x [8, 6, 6, 1] -> conv 3x3x2 + relu -> maxPool 2 -> flatten [8, 8] -> dense 3 -> softmax
    const x = randomNormal([8, 6, 6, 1], 0, 1, 1);
    const labels = Array.from({ length: 8 }, (_, i) => i % 3);
    const y = tensor(labels.flatMap((c) => [0, 1, 2].map((k) => (k === c ? 1 : 0))), [8, 3]);
    const weights: Tensor[] = [
      randomNormal([3, 3, 1, 2], 0, 0.3, 2), randomNormal([2], 0, 0.1, 3),
      randomNormal([8, 3], 0, 0.3, 4), randomNormal([3], 0, 0.1, 5),
    ].map((w) => {
      w.requiresGrad = true;
      return keep(w);
    });
    const [kernel, convBias, dense, denseBias] = weights as [Tensor, Tensor, Tensor, Tensor];

    const step = (): number => scope(() => {
      const h = maxPool2d(relu(add(conv2d(x, kernel), convBias)), { poolSize: 2 });
      const logits = add(matmul(flatten(h), dense), denseBias);
      const loss = neg(mean(sum(mul(y, logSoftmax(logits)), 1)));
      const grads = gradients(loss, weights);
      // In-place SGD update of the kept weights: no new tensors survive the step.
      weights.forEach((w, k) => {
        const g = grads[k]!.f32, d = w.f32;
        for (let i = 0; i < d.length; i++) d[i] -= 0.05 * g[i]!;
      });
      return loss.item();
    });

    const first = step();
    for (let i = 0; i < 9; i++) step();
    const settled = heap().stats();
    let last = first;
    for (let i = 10; i < 1000; i++) last = step();
    const end = heap().stats();

    assert.ok(end.liveBytes <= settled.liveBytes,
      `live bytes grew from ${settled.liveBytes} to ${end.liveBytes}`);
    assert.equal(end.memoryBytes, settled.memoryBytes, 'the WebAssembly memory grew');
    assert.ok(last < first * 0.5, `training did not progress: loss ${first} -> ${last}`);
  });
});
