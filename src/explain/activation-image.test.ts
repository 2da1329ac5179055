import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { borderMean, readModelImage } from './activation-image.js';
import { toMnist } from './mnist-downsample.js';
import { mnistTestDigits } from './mnist-test-digits.test-helper.js';

const grey = (values: Iterable<number>): Buffer => Buffer.from([...values].map((v) => Math.round(v * 255)));

describe('reading a picture for a model', () => {
  const dir = mkdtempSync(join(tmpdir(), 'model-image-'));
  const { pixels } = mnistTestDigits(0, 1)[0]!;
  // The 8-bit values the PNG really holds.
  const stored = Float32Array.from(grey(pixels), (v) => v / 255);
  after(() => rmSync(dir, { recursive: true, force: true }));

  before(async () => {
    await sharp(grey(pixels), { raw: { width: 28, height: 28, channels: 1 } }).png()
      .toFile(join(dir, 'digit.png'));
    // The same digit in dark ink, off-centre on a wide white page.
    const page = new Float32Array(200 * 150).fill(1);
    for (let y = 0; y < 28; y++) {
      for (let x = 0; x < 28; x++) page[(100 + y) * 200 + 15 + x] = 1 - pixels[y * 28 + x]!;
    }
    await sharp(grey(page), { raw: { width: 200, height: 150, channels: 1 } }).png()
      .toFile(join(dir, 'page.png'));
  });

  it('measures the background on the outer ring of pixels', () => {
    assert.equal(borderMean([1, 1, 1, 1, 0, 1, 1, 1, 1], 3, 3, 1), 1);
    assert.equal(borderMean([0, 0, 0, 0, 9, 0, 0, 0, 0], 3, 3, 1), 0);
    assert.equal(borderMean([0.5, 1, 0.5, 1], 1, 2, 2), 0.75);
  });

  it('reads a 28x28 grey PNG as it is, without inverting light ink on black', async () => {
    const image = await readModelImage(join(dir, 'digit.png'), [28, 28, 1]);
    assert.equal(image.inverted, false);
    assert.deepEqual(image.data, stored);
  });

  it('gives three equal channels to an RGB model', async () => {
    const image = await readModelImage(join(dir, 'digit.png'), [28, 28, 3]);
    assert.equal(image.data.length, 28 * 28 * 3);
    assert.deepEqual(image.data.filter((_, i) => i % 3 === 2), stored);
  });

  it('squeezes a larger page to the input size and inverts its white background', async () => {
    const image = await readModelImage(join(dir, 'page.png'), [28, 28, 1]);
    assert.equal(image.inverted, true);
    assert.ok(image.data[0]! < 0.05, 'the page corner becomes background');
  });

  it('makes an MNIST digit from a page the way MNIST did: crop, fit, centre by mass', async () => {
    const image = await readModelImage(join(dir, 'page.png'), [28, 28, 1], { mnist: true });
    assert.equal(image.inverted, true);
    const expected = toMnist(stored, 28, 28)!;
    image.data.forEach((v, i) => assert.ok(Math.abs(v - expected[i]!) < 1e-6, `pixel ${i}`));
    await assert.rejects(readModelImage(join(dir, 'page.png'), [32, 32, 1], { mnist: true }),
      /needs a model input of \[28, 28, 1\], got \[32, 32, 1\]/);
  });

  it('names the file it cannot decode', async () => {
    await assert.rejects(readModelImage(join(dir, 'none.png'), [28, 28, 1]), /reading image '.*none\.png'/);
  });
});
