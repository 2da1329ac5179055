import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { mnistTestDigits } from '../../explain/mnist-test-digits.test-helper.js';
import { saveModel } from '../../io/h5/index.js';
import * as layers from '../../layers/index.js';
import { sequential } from '../../models/sequential.js';
import { setSeed } from '../../tensor/random.js';

const cli = fileURLToPath(new URL('../main.js', import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [cli, 'activations', ...args], { encoding: 'utf8' });

/** A real MNIST test digit as an 8-bit grey PNG, light ink on black or (paper) dark on white. */
async function digitPng(file: string, paper: boolean): Promise<number> {
  const { pixels, label } = mnistTestDigits(0, 1)[0]!;
  const bytes = Buffer.from(pixels.map((v) => Math.round((paper ? 1 - v : v) * 255)));
  await sharp(bytes, { raw: { width: 28, height: 28, channels: 1 } }).png().toFile(file);
  return label;
}

describe('convnet activations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'activations-cli-'));
  const modelFile = join(dir, 'small.h5');
  after(() => rmSync(dir, { recursive: true, force: true }));

  before(async () => {
    setSeed(3);
    const net = sequential([
      layers.conv2d({ filters: 4, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1],
        name: 'conv' }),
      layers.maxPooling2d({ poolSize: 2, name: 'pool' }),
      layers.flatten({ name: 'flat' }),
      layers.dense({ units: 10, activation: 'softmax', name: 'probs' }),
    ], { name: 'tiny' });
    await saveModel(net, modelFile);
    await digitPng(join(dir, 'digit.png'), false);
    await digitPng(join(dir, 'paper.png'), true);
  });

  it('writes one picture per layer, sized by its tiles, and an index listing them in order', async () => {
    const out = join(dir, 'out');
    const r = run(modelFile, join(dir, 'digit.png'), '--out', out);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(readdirSync(out).sort(),
      ['00-conv.png', '01-pool.png', '02-flat.png', '03-probs.png', 'index.html']);

    // Title band of 36 px over the tile grid (6 px gaps, 2 px frames, 16 px captions under
    // numbered tiles), at least 360 px wide: conv 4 tiles of 26x26 zoomed 2x, pool 13x13 zoomed
    // 4x, flat 676 values as a 16x43 tile, probs 10 values as a 10x1 tile zoomed 6x.
    const expected: Record<string, [number, number]> = {
      '00-conv.png': [360, 36 + 6 + 52 + 4 + 16 + 6], '01-pool.png': [360, 36 + 6 + 52 + 4 + 16 + 6],
      '02-flat.png': [360, 36 + 6 + 43 + 4 + 6], '03-probs.png': [360, 36 + 6 + 6 + 4 + 6],
    };
    for (const [file, [width, height]] of Object.entries(expected)) {
      const meta = await sharp(join(out, file)).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['png', width, height], file);
    }

    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const listed = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(listed, ['00-conv.png', '01-pool.png', '02-flat.png', '03-probs.png']);
    assert.match(html, /conv Conv2D \[26, 26, 4\][\s\S]*pool MaxPooling2D \[13, 13, 4\]/);
    assert.match(r.stdout, /02-flat\.png {2}flat \(Flatten\) \[676\]/);
    assert.match(r.stdout, /Predicted class \d \(\d+\.\d %\)/);
  });

  it('inverts a dark digit on white paper, so both pictures give the same activations', async () => {
    const a = run(modelFile, join(dir, 'digit.png'), '--out', join(dir, 'a'));
    const b = run(modelFile, join(dir, 'paper.png'), '--out', join(dir, 'b'));
    assert.equal(b.status, 0, b.stderr);
    assert.doesNotMatch(a.stdout, /inverted/);
    assert.match(b.stdout, /28x28x1, inverted/);
    assert.equal(a.stdout.match(/Predicted class.*\)/)![0], b.stdout.match(/Predicted class.*\)/)![0]);
    const [pa, pb] = await Promise.all(['a', 'b'].map((d) =>
      sharp(join(dir, d, '00-conv.png')).raw().toBuffer()));
    assert.ok(pa!.equals(pb!), 'same first-layer picture');
  });

  it('reads a photo-like digit (dark on white) with the shipped MNIST model as its label', () => {
    const shipped = fileURLToPath(new URL('../../../web/models/mnist-small.h5', import.meta.url));
    const r = run(shipped, join(dir, 'paper.png'), '--out', join(dir, 'shipped'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Predicted class 7 \((9\d|100)\.\d %\)/);
    assert.equal(readdirSync(join(dir, 'shipped')).length, 7);
  });

  it('with --mnist, reads a small digit off a wide page as MNIST made its digits', async () => {
    const { pixels, label } = mnistTestDigits(0, 1)[0]!;
    const page = Buffer.alloc(240 * 160, 255);
    for (let y = 0; y < 28; y++) {
      for (let x = 0; x < 28; x++) page[(120 + y) * 240 + 190 + x] = Math.round((1 - pixels[y * 28 + x]!) * 255);
    }
    await sharp(page, { raw: { width: 240, height: 160, channels: 1 } }).png().toFile(join(dir, 'page.png'));
    const shipped = fileURLToPath(new URL('../../../web/models/mnist-small.h5', import.meta.url));
    const r = run(shipped, join(dir, 'page.png'), '--mnist', '--out', join(dir, 'page'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`28x28x1, inverted\\n[\\s\\S]*Predicted class ${label} `));
  });

  it('names what is missing when called wrongly', () => {
    const none = run();
    assert.notEqual(none.status, 0);
    assert.match(none.stderr, /expected MODEL and IMAGE, got nothing/);
    const missing = run(join(dir, 'nope.h5'), join(dir, 'digit.png'));
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /nope\.h5/);
  });
});
