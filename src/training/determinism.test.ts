// Training is reproducible to the bit: the same seed gives the same weights whether the fast
// kernels run on one thread or on two, and run after run.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MNIST_RECIPES } from '../cli/train/lecture-models.js';
import { loadRaw } from '../datasets/mnist.js';
import { setBackend } from '../kernels/registry.js';
import { useThreads } from '../kernels/wasm/test-helpers.js';
import { resetNames } from '../layers/index.js';
import { RMSprop } from '../optimizers/index.js';
import { setSeed } from '../tensor/random.js';
import { tensor } from '../tensor/tensor.js';

const N = 384;

/** The first N MNIST training images and one-hot labels, scaled as the lecture scales them. */
function firstImages() {
  const { train } = loadRaw();
  const pixels = new Float32Array(N * 784);
  for (let i = 0; i < pixels.length; i++) pixels[i] = train.images[i]! / 255;
  const onehot = new Float32Array(N * 10);
  for (let i = 0; i < N; i++) onehot[i * 10 + train.labels[i]!] = 1;
  return { x: tensor(pixels, [N, 28, 28, 1]), y: tensor(onehot, [N, 10]) };
}

/** Trains the lecture ConvNet from seed 7 for one epoch and returns its weights' bits. */
async function trainedBits(threads: number): Promise<Uint32Array[]> {
  await useThreads(threads);
  setBackend('wasm');
  resetNames();
  setSeed(7);
  const { x, y } = firstImages();
  const model = MNIST_RECIPES.cnn.build();
  model.compile({ optimizer: new RMSprop(), loss: 'categorical_crossentropy' });
  await model.fit(x, y, { epochs: 1, batchSize: 64, verbose: 0 });
  return model.getWeights().map((w) => Uint32Array.from(new Uint32Array(w.f32.buffer,
    w.f32.byteOffset, w.size)));
}

describe('training determinism', () => {
  it('gives bit-identical weights on one thread and on two, run after run', async () => {
    const one = await trainedBits(1);
    for (let run = 0; run < 2; run++) {
      const two = await trainedBits(2);
      assert.equal(two.length, one.length);
      two.forEach((bits, w) => {
        const at = bits.findIndex((b, i) => b !== one[w]![i]);
        assert.equal(at, -1, `run ${run}, weight ${w}: element ${at} differs between thread counts`);
      });
    }
  });
});
