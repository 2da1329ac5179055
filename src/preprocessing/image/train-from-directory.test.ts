import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import * as layers from '../../layers/index.js';
import { sequential } from '../../models/sequential.js';
import { Adam } from '../../optimizers/index.js';
import { setSeed } from '../../tensor/random.js';
import { ImageDataGenerator } from './image-data-generator.js';

const root = mkdtempSync(join(tmpdir(), 'train-dir-test-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** 'bars' images have a bright vertical stripe, 'blobs' a bright square, on noise. */
async function writeImage(path: string, kind: 'bars' | 'blobs', seed: number): Promise<void> {
  const size = 16;
  const pixels = new Uint8Array(size * size * 3);
  let s = seed * 7919 + 17;
  for (let i = 0; i < pixels.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    pixels[i] = 40 + (s >>> 24) % 40;
  }
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const on = kind === 'bars' ? c % 8 < 2 : r >= 4 && r < 12 && c >= 4 && c < 12;
      if (on) pixels.fill(230, (r * size + c) * 3, (r * size + c) * 3 + 3);
    }
  }
  const img = sharp(pixels, { raw: { width: size, height: size, channels: 3 } });
  await (path.endsWith('.png') ? img.png() : img.jpeg({ quality: 95 })).toFile(path);
}

describe('training a small ConvNet from an image folder', () => {
  const dir = join(root, 'train');
  before(async () => {
    for (const kind of ['bars', 'blobs'] as const) {
      mkdirSync(join(dir, kind), { recursive: true });
      for (let i = 0; i < 16; i++) {
        await writeImage(join(dir, kind, `${i}.${i % 2 ? 'png' : 'jpg'}`), kind, i);
      }
    }
  });

  it('fits on flowFromDirectory batches and the loss decreases', async () => {
    setSeed(7);
    layers.resetNames();
    const datagen = new ImageDataGenerator({ rescale: 1 / 255, horizontalFlip: true });
    const train = datagen.flowFromDirectory(dir, { targetSize: [16, 16], batchSize: 4,
      classMode: 'categorical', seed: 3 });
    assert.equal(train.summary, 'Found 32 images belonging to 2 classes.');

    const model = sequential();
    model.add(layers.conv2d({ filters: 4, kernelSize: 3, activation: 'relu',
      inputShape: [16, 16, 3] }));
    model.add(layers.maxPooling2d({ poolSize: 2 }));
    model.add(layers.flatten());
    model.add(layers.dense({ units: 2, activation: 'softmax' }));
    model.compile({ optimizer: new Adam({ learningRate: 0.01 }),
      loss: 'categorical_crossentropy', metrics: ['accuracy'] });

    const history = await model.fit(train, undefined, { epochs: 5, verbose: 0 });
    const losses = history.history.loss!;
    assert.equal(losses.length, 5);
    assert.ok(losses.every(Number.isFinite), JSON.stringify(losses));
    assert.ok(losses[4]! < 0.8 * losses[0]!, `loss did not decrease: ${JSON.stringify(losses)}`);
  });
});
