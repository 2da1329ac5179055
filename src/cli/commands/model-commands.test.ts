import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import * as layers from '../../layers/index.js';
import { resetNames } from '../../layers/index.js';
import { mnistSlice } from '../../io/h5/mnist-fixture.js';
import type { Model } from '../../models/model.js';
import { sequential } from '../../models/sequential.js';
import { setSeed } from '../../tensor/random.js';
import type { Tensor } from '../../tensor/tensor.js';
import { digitPixels } from './predict.js';
import { Tensor as T } from '../../tensor/tensor.js';

const cli = fileURLToPath(new URL('../main.js', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'model-commands-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Two small models trained on real digits: a ConvNet on [28, 28, 1] with one-hot labels, and a
// Dense network on [784] with sparse labels.
const convPath = join(dir, 'convnet.h5');
const densePath = join(dir, 'dense.h5');
let conv: Model;
let dense: Model;

before(async () => {
  resetNames();
  setSeed(5);
  conv = sequential([
    layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
    layers.maxPooling2d({ poolSize: 2 }),
    layers.flatten(),
    layers.dense({ units: 10, activation: 'softmax' }),
  ]);
  conv.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
  const img = mnistSlice('train', 0, 1000, [28, 28, 1], 'onehot');
  await conv.fit(img.x, img.y, { epochs: 2, batchSize: 32, verbose: 0 });
  await conv.save(convPath);

  dense = sequential([layers.dense({ units: 32, activation: 'relu', inputShape: [784] }),
    layers.dense({ units: 10, activation: 'softmax' })]);
  dense.compile({ optimizer: 'rmsprop', loss: 'sparse_categorical_crossentropy' });
  const flat = mnistSlice('train', 0, 1000, [784], 'sparse');
  await dense.fit(flat.x, flat.y, { epochs: 1, batchSize: 32, verbose: 0 });
  await dense.save(densePath);
});

describe('convnet summary', () => {
  it('prints the saved model\'s layer table with its parameter count', () => {
    const r = run('summary', convPath);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Model: "sequential"/);
    assert.match(r.stdout, /conv2d \(Conv2D\) +\(None, 26, 26, 8\) +80 *\n/);
    assert.match(r.stdout, /dense \(Dense\) +\(None, 10\) +13530 *\n/);
    assert.match(r.stdout, /Total params: 13,610\n/);
  });

  it('names the file when it is missing', () => {
    const r = run('summary', join(dir, 'nope.h5'));
    assert.equal(r.status, 1);
    assert.match(r.stderr, /nope\.h5: cannot open \(no such file\)/);
  });
});

describe('convnet evaluate', () => {
  it('prints the loss and accuracy evaluate() gives, for one-hot and sparse labels', async () => {
    for (const [path, model, shape, kind] of [[convPath, conv, [28, 28, 1], 'onehot'],
      [densePath, dense, [784], 'sparse']] as const) {
      const r = run('evaluate', path, '--data', 'mnist', '--limit', '300');
      assert.equal(r.status, 0, r.stderr);
      const test = mnistSlice('t10k', 0, 300, [...shape], kind);
      if (model.compiled!.metrics.length === 0) {
        model.compile({ optimizer: model.compiled!.optimizer, loss: model.compiled!.lossId,
          metrics: ['accuracy'] });
      }
      const logs = await model.evaluate(test.x, test.y, { returnDict: true });
      assert.match(r.stdout, /Evaluated 300 MNIST test digits/);
      assert.match(r.stdout, new RegExp(`loss: ${logs['loss']!.toFixed(4)}\n`));
      assert.match(r.stdout, new RegExp(`accuracy: ${logs['accuracy']!.toFixed(4)}\n`));
      assert.ok(logs['accuracy']! > 0.5, `${path}: ${JSON.stringify(logs)}`);
    }
  });
});

describe('convnet predict', () => {
  it('classifies a real MNIST test digit, white on black or inverted and enlarged', async () => {
    const digit = mnistSlice('t10k', 0, 1, [28, 28, 1], 'sparse');
    assert.equal(digit.labels[0], 7);
    const white = join(dir, 'seven.png');
    const dark = join(dir, 'seven-inverted.png');
    const raw = { width: 28, height: 28, channels: 1 } as const;
    await sharp(Buffer.from(digit.pixels), { raw }).png().toFile(white);
    await sharp(Buffer.from(digit.pixels.map((v) => 255 - v)), { raw })
      .resize(84, 84, { kernel: 'nearest' }).png().toFile(dark);

    const r = run('predict', convPath, white, dark, '--top', '2');
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    const expected = (await conv.predict(digit.x) as Tensor).f32;
    assert.equal(lines.length, 2);
    // The same pixels as the model saw in this process; the enlarged copy is resampled.
    assert.ok(lines[0]!.startsWith(`${white}: 7 (${expected[7]!.toFixed(4)}), `), lines[0]);
    assert.match(lines[1]!, new RegExp(`^${dark}: 7 \\(0\\.\\d{4}\\), \\d \\(`));
  });

  it('turns a dark digit on light paper into the same pixels as the MNIST original', async () => {
    const digit = mnistSlice('t10k', 1, 1, [784], 'sparse');
    const raw = { width: 28, height: 28, channels: 1 } as const;
    const dark = join(dir, 'two-dark.png');
    await sharp(Buffer.from(digit.pixels.map((v) => 255 - v)), { raw }).png().toFile(dark);
    assert.deepEqual(await digitPixels(dark, 28), digit.x.f32);
  });

  it('reads 784-input models too, and refuses a file that is not an image', async () => {
    const r = run('predict', densePath, join(dir, 'seven.png'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /seven\.png: 7 \(0\.\d{4}\)/);
    const bad = run('predict', densePath, densePath);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /dense\.h5: cannot read the image/);
  });
});

// Colour models as 'convnet train DIR' writes them: [150, 150, 3] in, one sigmoid unit out
// (two classes); and a three-class softmax one on smaller, non-square images.
describe('convnet predict with colour models', () => {
  const binaryPath = join(dir, 'cats-dogs.h5');
  const threePath = join(dir, 'three.h5');
  const photo = join(dir, 'photo.png');
  let binary: Model;
  let three: Model;
  let pixels: Uint8Array;

  before(async () => {
    setSeed(9);
    binary = sequential([layers.flatten({ inputShape: [150, 150, 3] }),
      layers.dense({ units: 1, activation: 'sigmoid' })]);
    await binary.save(binaryPath);
    three = sequential([layers.flatten({ inputShape: [12, 20, 3] }),
      layers.dense({ units: 3, activation: 'softmax' })]);
    await three.save(threePath);
    pixels = Uint8Array.from({ length: 150 * 150 * 3 }, (_, i) => (i * 37 + (i >> 7)) % 256);
    await sharp(Buffer.from(pixels), { raw: { width: 150, height: 150, channels: 3 } }).png()
      .toFile(photo);
  });

  it('reads RGB at the model\'s size and prints both classes of a sigmoid output', async () => {
    // The image already has the model's size, so its pixels go in unchanged, divided by 255.
    const x = new T([1, 150, 150, 3]);
    x.f32.set(Float32Array.from(pixels, (v) => v / 255));
    const p = (binary.predictOnBatch(x) as Tensor).f32[0]!;
    const [first, second] = p >= 0.5 ? [['dogs', p], ['cats', 1 - p]]
      : [['cats', 1 - p], ['dogs', p]];
    const r = run('predict', binaryPath, photo, '--classes', 'cats,dogs');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `${photo}: ${first[0]} (${(first[1] as number).toFixed(4)}), ` +
      `${second[0]} (${(second[1] as number).toFixed(4)}); sigmoid output P(dogs) = ` +
      `${p.toFixed(4)}\n`);
    const unnamed = run('predict', binaryPath, photo);
    assert.match(unnamed.stdout, new RegExp(`sigmoid output P\\(1\\) = ${p.toFixed(4)}\n$`));
  });

  it('resizes any image to a non-square model input and names the classes', () => {
    const r = run('predict', threePath, photo, '--classes', 'red, green ,blue', '--top', '3');
    assert.equal(r.status, 0, r.stderr);
    const ranked = '(red|green|blue) \\(0\\.\\d{4}\\)';
    assert.match(r.stdout, new RegExp(`photo\\.png: ${ranked}, ${ranked}, ${ranked}\n$`));
    const sum = [...r.stdout.matchAll(/\((0\.\d{4})\)/g)].reduce((a, m) => a + Number(m[1]), 0);
    assert.ok(Math.abs(sum - 1) < 1e-3, r.stdout);
  });

  it('states what --classes and --top accept', () => {
    const wrong = run('predict', binaryPath, photo, '--classes', 'cats');
    assert.equal(wrong.status, 1);
    assert.equal(wrong.stderr, `convnet: option '--classes': expected 2 comma-separated names ` +
      `(the model has one sigmoid output, so two classes), got 'cats'\n`);
    for (const top of ['0', '1.5', 'x']) {
      const r = run('predict', threePath, photo, '--top', top);
      assert.equal(r.stderr, `convnet: option '--top': expected a whole number of at least 1, ` +
        `got '${top}'\n`);
    }
  });

  it('evaluate says it reads MNIST, what this model takes, and what to use instead', () => {
    const r = run('evaluate', binaryPath, '--limit', '10');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^convnet evaluate reads the MNIST test set \(28x28 grey digits/);
    assert.match(r.stderr,
      /takes \(None, 150, 150, 3\)\. For a model trained by 'convnet train DIR', /);
    assert.match(r.stderr, /validation score it printed.*flowFromDirectory/);
  });

  it('evaluate states the ranges of --limit and --batch-size', () => {
    const limit = run('evaluate', densePath, '--limit', '0');
    assert.equal(limit.stderr, `convnet: option '--limit': expected a whole number from 1 to ` +
      `10000, got '0'\n`);
    const batch = run('evaluate', densePath, '--batch-size', '-3');
    assert.equal(batch.stderr, `convnet: option '--batch-size': expected a whole number of at ` +
      `least 1, got '-3'\n`);
  });
});
