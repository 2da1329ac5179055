import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { centreOfMass, inkBox, resampleArea, toMnist } from './mnist-downsample.js';
import { mnistTestDigits } from './mnist-test-digits.test-helper.js';

/** Each pixel becomes a factor x factor block (how a digit drawn 10x larger looks). */
function upscale(pixels: Float32Array, factor: number): Float32Array {
  const size = 28 * factor;
  const out = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) out[y * size + x] = pixels[Math.floor(y / factor) * 28 + Math.floor(x / factor)]!;
  }
  return out;
}

describe('toMnist', () => {
  it('returns null for an empty drawing', () => {
    assert.equal(toMnist(new Float32Array(100), 10, 10), null);
  });

  it('averages the area each output pixel covers', () => {
    const src = Float32Array.from([1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual([...resampleArea(src, 4, { left: 0, top: 0, width: 4, height: 4 }, 2, 2)],
      [0.75, 0, 0, 0.25]);
  });

  it('fits the longer side into 20 pixels and centres the mass in 28x28', () => {
    const ink = new Float32Array(100 * 100);
    for (let y = 10; y < 90; y++) for (let x = 40; x < 60; x++) ink[y * 100 + x] = 1;
    const digit = toMnist(ink, 100, 100)!;
    const box = inkBox(digit, 28, 28)!;
    assert.deepEqual(box, { left: 12, top: 5, width: 5, height: 20 });
    const [cx, cy] = centreOfMass(digit, 28, 28);
    assert.ok(Math.abs(cx - 14.5) <= 0.5 && Math.abs(cy - 14.5) <= 0.5, `${cx}, ${cy}`);
  });

  it('gives back real MNIST test digits drawn ten times larger', () => {
    for (const { pixels, label } of mnistTestDigits(0, 50)) {
      const back = toMnist(upscale(pixels, 10), 280, 280)!;
      let diff = 0;
      for (let i = 0; i < 784; i++) diff += Math.abs(back[i]! - pixels[i]!);
      assert.ok(diff / 784 < 0.06, `digit ${label}: mean difference ${diff / 784}`);
    }
  });
});
