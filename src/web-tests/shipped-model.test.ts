import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadModel } from '../io/h5/index.js';
import { mnistTestDigits } from '../explain/mnist-test-digits.test-helper.js';
import { Tensor, tensor } from '../tensor/tensor.js';

const shipped = join(fileURLToPath(new URL('../../', import.meta.url)), 'web', 'models', 'mnist-small.h5');

describe('the MNIST model shipped for the digit page', () => {
  it('is a small Keras .h5 file of the documented ConvNet', async () => {
    assert.ok(statSync(shipped).size < 1024 * 1024);
    const net = await loadModel(shipped, { compile: false });
    assert.deepEqual(net.layers.map((l) => l.className),
      ['Conv2D', 'MaxPooling2D', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense']);
    assert.equal(net.countParams(), 5258);
  });

  it('reads the first 1000 MNIST test digits with more than 97 % accuracy', async () => {
    const net = await loadModel(shipped, { compile: false });
    const digits = mnistTestDigits(0, 1000);
    const x = new Float32Array(1000 * 784);
    digits.forEach((d, i) => x.set(d.pixels, i * 784));
    const p = await net.predict(tensor(x, [1000, 28, 28, 1]), { batchSize: 250 }) as Tensor;
    let hits = 0;
    digits.forEach((d, i) => {
      const row = Array.from(p.f32.subarray(i * 10, i * 10 + 10));
      hits += Number(row.indexOf(Math.max(...row)) === d.label);
    });
    assert.ok(hits / 1000 > 0.97, `accuracy ${hits / 1000}`);
  });
});
