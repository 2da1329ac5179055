import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { activationTiles } from '../explain/activation-tiles.js';
import { layerActivations, type LayerOutput } from '../explain/layer-activations.js';
import { mnistTestDigits } from '../explain/mnist-test-digits.test-helper.js';
import { loadModel, saveModel } from '../io/h5/index.js';
import * as layers from '../layers/index.js';
import type { Model } from '../models/model.js';
import { sequential } from '../models/sequential.js';
import { setSeed } from '../tensor/random.js';
import { tensor } from '../tensor/tensor.js';
import { openSession, skipReason, type BrowserSession } from './browser.test-helper.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const shipped = join(repo, 'web', 'models', 'mnist-small.h5');

/** Test digits (index in the MNIST test set) that the shipped model reads right when redrawn. */
const DIGITS = [0, 1];

/** Replays a 28x28 digit as mouse strokes: one stroke per run of inked pixels in each row. */
async function drawDigit(s: BrowserSession, pixels: Float32Array): Promise<void> {
  const box = (await s.page.locator('#pad').boundingBox())!;
  const cell = box.width / 28;
  for (let y = 0; y < 28; y++) {
    let x = 0;
    while (x < 28) {
      if (pixels[y * 28 + x]! < 0.5) { x++; continue; }
      const start = x;
      while (x < 28 && pixels[y * 28 + x]! >= 0.5) x++;
      const cy = box.y + (y + 0.5) * cell;
      await s.page.mouse.move(box.x + (start + 0.5) * cell, cy);
      await s.page.mouse.down();
      await s.page.mouse.move(box.x + (x - 0.5) * cell, cy, { steps: 2 });
      await s.page.mouse.up();
    }
  }
}

function argMax(values: ArrayLike<number>): number {
  const list = Array.from(values);
  return list.indexOf(Math.max(...list));
}

/** The model's outputs for one 28x28 digit, computed in Node. */
function nodeOutputs(net: Model, digit: Float32Array): LayerOutput[] {
  return layerActivations(net, tensor(digit, [1, 28, 28, 1]));
}

async function seenDigit(s: BrowserSession): Promise<Float32Array> {
  const text = (await s.page.getAttribute('body', 'data-digit'))!;
  return Float32Array.from(text.split(','), Number);
}

describe('digit page in Chromium', { skip: skipReason }, () => {
  let s: BrowserSession;
  let net: Model;

  before(async () => {
    net = await loadModel(shipped, { compile: false });
    s = await openSession();
    await s.page.goto(`${s.server.url}draw.html`);
    await s.page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  });
  after(async () => { await s?.close(); });

  it('loads the shipped model when the server hands out none, and runs it on wasm kernels', async () => {
    assert.match((await s.page.textContent('#model-status'))!,
      /shipped MNIST model .*6 layers, 5,258 parameters\. It runs in this page on the WebAssembly SIMD kernels\.$/);
    assert.equal(await s.page.getAttribute('body', 'data-backend'), 'wasm');
  });

  it('turns a real MNIST test digit, drawn as strokes, back into a similar 28x28 digit', async () => {
    const { pixels } = mnistTestDigits(0, 1)[0]!;
    await drawDigit(s, pixels);
    const seen = await seenDigit(s);
    assert.equal(seen.length, 784);
    // Strokes are thicker and rounder than the pen that wrote the digit, so compare shapes:
    // most of the original's ink must be inked in the redrawn digit too, and little else.
    let both = 0, original = 0, redrawn = 0;
    for (let i = 0; i < 784; i++) {
      const a = pixels[i]! >= 0.5, b = seen[i]! >= 0.5;
      original += Number(a);
      redrawn += Number(b);
      both += Number(a && b);
    }
    const overlap = both / (original + redrawn - both);
    assert.ok(overlap > 0.5, `ink overlap (intersection over union) ${overlap.toFixed(2)}`);
  });

  for (const index of DIGITS) {
    it(`reads MNIST test digit ${index}, drawn with the mouse, as its label`, async () => {
      const { pixels, label } = mnistTestDigits(index, 1)[0]!;
      // The shipped model knows the original digit; the page must read the redrawn one too.
      assert.equal(argMax(nodeOutputs(net, pixels).at(-1)!.values), label);
      await s.page.click('#clear');
      await drawDigit(s, pixels);
      assert.equal(await s.page.getAttribute('body', 'data-prediction'), String(label));
      assert.equal(await s.page.textContent('#probabilities .top'), String(label));

      // The browser's probabilities (wasm kernels) are the ones Node computes (reference
      // kernels) for the digit the page saw.
      const browser = (await s.page.getAttribute('#probabilities', 'data-probabilities'))!
        .split(',').map(Number);
      const node = nodeOutputs(net, await seenDigit(s)).at(-1)!.values;
      browser.forEach((p, k) => assert.ok(Math.abs(p - node[k]!) < 1e-5, `class ${k}: ${p} vs ${node[k]}`));
    });
  }

  it('shows every layer\'s output, one canvas per channel, drawn from the real activations', async () => {
    const outputs = nodeOutputs(net, await seenDigit(s));
    const figures = await s.page.$$eval('#layers figure', (fs) => fs.map((f) => ({
      layer: (f as HTMLElement).dataset.layer, shape: (f as HTMLElement).dataset.shape,
      canvases: Array.from(f.querySelectorAll('canvas'), (c) => [c.width, c.height]),
    })));
    assert.deepEqual(figures.map((f) => f.layer), net.layers.map((l) => l.name));
    outputs.forEach((o, i) => {
      const { height, width, tiles } = activationTiles(o.shape.slice(1), o.values);
      assert.equal(figures[i]!.shape, o.shape.slice(1).join(','));
      assert.deepEqual(figures[i]!.canvases, tiles.map(() => [width, height]), o.layerName);
    });

    // Channel 3 of the first convolution, pixel by pixel (the wasm kernels may round a grey
    // level the other way).
    const { tiles } = activationTiles(outputs[0]!.shape.slice(1), outputs[0]!.values);
    const grey = await s.page.$eval('#layers figure canvas:nth-of-type(4)', (c) => {
      const canvas = c as HTMLCanvasElement;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      return Array.from({ length: data.length / 4 }, (_, i) => data[i * 4]!);
    });
    const expected = Array.from(tiles[3]!, (v) => Math.round(v * 255));
    assert.equal(grey.length, expected.length);
    grey.forEach((g, i) => assert.ok(Math.abs(g - expected[i]!) <= 1, `pixel ${i}: ${g} vs ${expected[i]}`));

    // The picture for the README: the drawing, the bars and the first layers.
    mkdirSync(join(repo, 'docs'), { recursive: true });
    await s.page.screenshot({ path: join(repo, 'docs', 'draw-page.png') });
  });

  it('clears the drawing, the bars and the layer pictures', async () => {
    await s.page.click('#clear');
    assert.equal(await s.page.getAttribute('body', 'data-digit'), '');
    assert.equal(await s.page.locator('#layers figure').count(), 0);
    assert.equal(await s.page.locator('#probabilities span').count(), 0);
    assert.deepEqual(s.consoleErrors, []);
  });
});

describe('digit page with a model given to the server', { skip: skipReason }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'draw-model-'));
  let s: BrowserSession;

  before(async () => {
    setSeed(11);
    const flat = sequential([
      layers.flatten({ inputShape: [28, 28, 1], name: 'flat' }),
      layers.dense({ units: 10, activation: 'softmax', name: 'probs' }),
    ], { name: 'served' });
    await saveModel(flat, join(dir, 'served.h5'));
    s = await openSession({ modelPath: join(dir, 'served.h5'), modelName: 'runs/test/served.h5' });
    await s.page.goto(`${s.server.url}draw.html`);
    await s.page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  });
  after(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads with the model from /api/model.h5 and names it', async () => {
    assert.match((await s.page.textContent('#model-status'))!,
      /runs\/test\/served\.h5, 2 layers, 7,850 parameters/);
    await drawDigit(s, mnistTestDigits(0, 1)[0]!.pixels);
    assert.deepEqual(await s.page.$$eval('#layers figure', (fs) =>
      fs.map((f) => (f as HTMLElement).dataset.layer)), ['flat', 'probs']);
    assert.match((await s.page.getAttribute('body', 'data-prediction'))!, /^\d$/);
    assert.deepEqual(s.consoleErrors, []);
  });
});

describe('digit page where the WebAssembly kernels cannot be fetched', { skip: skipReason }, () => {
  let s: BrowserSession;

  before(async () => {
    s = await openSession();
    await s.page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await s.page.goto(`${s.server.url}draw.html`);
    await s.page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  });
  after(async () => { await s?.close(); });

  it('falls back to the reference kernels, says so, and still reads digits', async () => {
    assert.equal(await s.page.getAttribute('body', 'data-backend'), 'reference');
    assert.match((await s.page.textContent('#model-status'))!,
      /plain TypeScript \(reference\) kernels\. \(WebAssembly kernels unavailable: .*404/);
    const { pixels, label } = mnistTestDigits(0, 1)[0]!;
    await drawDigit(s, pixels);
    assert.equal(await s.page.getAttribute('body', 'data-prediction'), String(label));
  });
});
