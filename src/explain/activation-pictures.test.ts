import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import sharp from 'sharp';
import { activationTiles } from './activation-tiles.js';
import { writeActivationPictures } from './activation-pictures.js';

describe('activation pictures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'activations-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('cuts a channels-last map into one contrast-stretched tile per channel', () => {
    // [2, 2, 2]: channel 0 = 0, 1, 2, 3; channel 1 constant 5.
    const t = activationTiles([2, 2, 2], [0, 5, 1, 5, 2, 5, 3, 5]);
    assert.equal(t.tiles.length, 2);
    assert.deepEqual([...t.tiles[0]!], [0, 1 / 3, 2 / 3, 1].map(Math.fround));
    assert.deepEqual([...t.tiles[1]!], [0, 0, 0, 0]);
  });

  it('draws a vector as rows of 16', () => {
    const t = activationTiles([20], Array.from({ length: 20 }, (_, i) => i));
    assert.equal(t.width, 16);
    assert.equal(t.height, 2);
    assert.equal(t.tiles[0]![19], 1);
  });

  it('writes one PNG per layer with its tiles, and an index page', async () => {
    const conv = Float32Array.from({ length: 6 * 6 * 4 }, (_, i) => (i % 4) * (i % 7));
    const files = await writeActivationPictures(dir, [
      { name: 'conv2d', className: 'Conv2D', shape: [6, 6, 4], data: conv },
      { name: 'dense', className: 'Dense', shape: [10], data: Float32Array.from({ length: 10 }, (_, i) => i) },
    ]);
    assert.deepEqual(files.map((f) => f.slice(dir.length + 1)), ['00-conv2d.png', '01-dense.png', 'index.html']);
    const meta = await sharp(join(dir, '00-conv2d.png')).metadata();
    assert.equal(meta.format, 'png');
    assert.ok(meta.width! >= 4 * 6 * 8, `four 6x6 tiles zoomed 8x side by side: ${meta.width}`);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    assert.match(html, /conv2d Conv2D \[6, 6, 4\]/);
    assert.match(html, /<img src="01-dense.png"/);
  });
});
