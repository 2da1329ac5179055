import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { svgToPng } from './svg-to-png.js';

// A 40x20 picture: white left half, pure red right half.
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">
  <rect width="40" height="20" fill="white"/><rect x="20" width="20" height="20" fill="#ff0000"/>
</svg>`;

let dir = '';
before(async () => { dir = await mkdtemp(join(tmpdir(), 'svg-to-png-')); });
after(async () => { await rm(dir, { recursive: true, force: true }); });

async function pixel(path: string, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + 3)];
}

describe('svgToPng', () => {
  it('keeps the SVG size and colours', async () => {
    const path = join(dir, 'plain.png');
    await svgToPng(SVG, path);

    const meta = await sharp(path).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['png', 40, 20]);
    assert.deepEqual(await pixel(path, 5, 10), [255, 255, 255]);
    assert.deepEqual(await pixel(path, 30, 10), [255, 0, 0]);
  });

  it('multiplies the size by scale', async () => {
    const path = join(dir, 'double.png');
    await svgToPng(SVG, path, { scale: 2 });
    const meta = await sharp(path).metadata();
    assert.deepEqual([meta.width, meta.height], [80, 40]);
    assert.deepEqual(await pixel(path, 70, 30), [255, 0, 0]);
  });

  it('refuses text that is not SVG', async () => {
    await assert.rejects(svgToPng('{"loss": [1]}', join(dir, 'x.png')),
      { name: 'ValueError', message: /not an SVG document.*\{"loss"/ });
  });
});
