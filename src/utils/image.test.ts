import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { tensor } from '../tensor/tensor.js';
import { arrayToImage, imageGrid, layoutGrid, saveImage } from './image.js';

let dir = '';
before(async () => { dir = await mkdtemp(join(tmpdir(), 'image-')); });
after(async () => { await rm(dir, { recursive: true, force: true }); });

/** A black 28x28 digit-sized image, white (1.0) at (row 5, column 9) only. */
function digit(): number[] {
  const d = new Array<number>(28 * 28).fill(0);
  d[5 * 28 + 9] = 1;
  return d;
}

async function pixels(png: string | Buffer) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number): number[] => {
    const start = (y * info.width + x) * info.channels;
    return [...data.subarray(start, start + info.channels)];
  };
  return { info, at };
}

describe('arrayToImage', () => {
  it('maps [0, 1] to [0, 255] and keeps values already in [0, 255]', () => {
    assert.deepEqual([...arrayToImage(tensor([[0, 0.5], [1, 0.2]])).data], [0, 128, 255, 51]);
    assert.deepEqual([...arrayToImage({ data: [0, 7, 200, 255], shape: [2, 2] }).data],
      [0, 7, 200, 255]);
  });

  it('gives RGB an opaque alpha channel, and grey one on request', () => {
    const rgb = arrayToImage({ data: [1, 0, 0.5], shape: [1, 1, 3] });
    assert.deepEqual([rgb.channels, ...rgb.data], [4, 255, 0, 128, 255]);
    const grey = arrayToImage({ data: [0.2], shape: [1, 1, 1] }, { rgba: true });
    assert.deepEqual([grey.channels, ...grey.data], [4, 51, 51, 51, 255]);
  });

  it("clamps to [0, 255] without rescaling when scale is 'none'", () => {
    const raw = arrayToImage({ data: [-3, 1, 254.6, 300], shape: [2, 2] }, { scale: 'none' });
    assert.deepEqual([...raw.data], [0, 1, 255, 255]);
  });

  it('gives the range it found when values fit neither [0, 1] nor [0, 255]', () => {
    assert.throws(() => arrayToImage({ data: [-0.5, 0.5], shape: [1, 2] }),
      { name: 'ValueError', message: /min -0\.5 and max 0\.5.*scale: 'none'/ });
  });

  it('points at a value that is not finite', () => {
    assert.throws(() => arrayToImage({ data: [0, NaN], shape: [1, 2] }),
      { message: /value at index 1 is NaN/ });
  });
});

describe('saveImage', () => {
  it('writes a grey PNG in which a white pixel stays white', async () => {
    const path = join(dir, 'digit.png');
    await saveImage(tensor(digit(), [28, 28, 1]), path);

    const meta = await sharp(path).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height, meta.channels], ['png', 28, 28, 1]);
    const { at } = await pixels(path);
    assert.deepEqual(at(9, 5).slice(0, 3), [255, 255, 255]);
    assert.deepEqual(at(10, 5).slice(0, 3), [0, 0, 0]);
    // Byte 25 of a PNG is the colour type of its header chunk: 0 means greyscale.
    assert.equal((await readFile(path))[25], 0);
  });

  it('writes RGB colours in place', async () => {
    const path = join(dir, 'rgb.png');
    // 1 row, 2 pixels: red then blue, in [0, 255].
    await saveImage(tensor([[[255, 0, 0], [0, 0, 255]]]), path);
    const { info, at } = await pixels(path);
    assert.deepEqual([info.width, info.height], [2, 1]);
    assert.deepEqual(at(0, 0).slice(0, 3), [255, 0, 0]);
    assert.deepEqual(at(1, 0).slice(0, 3), [0, 0, 255]);
  });

  it('leaves no temporary file behind', async () => {
    const sub = await mkdtemp(join(dir, 'atomic-'));
    await saveImage({ data: [0, 1], shape: [1, 2] }, join(sub, 'a.png'));
    await saveImage({ data: [1, 0], shape: [1, 2] }, join(sub, 'a.png'));
    assert.deepEqual(await readdir(sub), ['a.png']);
  });

  it('refuses a batch, naming its shape and the image shape to pass instead', async () => {
    const batch = tensor(new Float32Array(2 * 28 * 28), [2, 28, 28, 1]);
    await assert.rejects(saveImage(batch, join(dir, 'batch.png')), {
      name: 'ShapeError',
      message: /^saveImage: expected an image .* got \[2, 28, 28, 1\]\. .*\[28, 28, 1\]/,
    });
    assert.deepEqual((await readdir(dir)).filter((f) => f.includes('batch')), []);
  });

  it('refuses two channels and data that does not fill the shape', async () => {
    await assert.rejects(saveImage({ data: [0, 0], shape: [1, 1, 2] }, join(dir, 'x.png')),
      { message: /got \[1, 1, 2\]/ });
    await assert.rejects(saveImage({ data: [0, 0, 0], shape: [2, 2] }, join(dir, 'x.png')),
      { message: /shape \[2, 2\] needs 4 values, got 3/ });
  });
});

describe('imageGrid', () => {
  const labels = ['7', '3 (true 2)', '1'];
  const marks = [false, true, false];
  const images = [0, 1, 2].map(() => tensor(digit(), [28, 28]));

  it('places enlarged images where the layout says, nearest neighbour', async () => {
    const png = await imageGrid(images, { columns: 2, labels, marks });
    const sizes = images.map(() => ({ width: 84, height: 84 }));
    const layout = layoutGrid(sizes, { columns: 2, labels });
    const { info, at } = await pixels(png);
    assert.deepEqual([info.width, info.height], [layout.width, layout.height]);

    for (const cell of layout.cells) {
      // Source pixel (row 5, column 9) becomes the 3x3 block at (27..29, 15..17).
      for (const [dx, dy] of [[27, 15], [29, 17]]) {
        assert.deepEqual(at(cell.left + dx, cell.top + dy).slice(0, 3), [255, 255, 255]);
      }
      assert.deepEqual(at(cell.left + 30, cell.top + 15).slice(0, 3), [0, 0, 0]);
      assert.deepEqual(at(cell.left, cell.top).slice(0, 3), [0, 0, 0]);
    }
  });

  it('frames and captions marked images in red, the others in dark grey', async () => {
    const png = await imageGrid(images, { columns: 3, labels, marks });
    const sizes = images.map(() => ({ width: 84, height: 84 }));
    const layout = layoutGrid(sizes, { columns: 3, labels });
    const { at } = await pixels(png);

    const captionColours = (i: number) => {
      const c = layout.cells[i]!;
      const found = { red: 0, dark: 0 };
      for (let y = c.captionY - 11; y <= c.captionY + 2; y++) {
        for (let x = c.left - 2; x < c.left + c.width + 2; x++) {
          const [r, g, b] = at(x, y);
          if (r! > 150 && g! < 90 && b! < 90) found.red++;
          if (r! < 90 && g! < 90 && b! < 90) found.dark++;
        }
      }
      return found;
    };
    assert.ok(captionColours(1).red > 10, JSON.stringify(captionColours(1)));
    assert.deepEqual(captionColours(0).red, 0);
    assert.ok(captionColours(0).dark > 5, 'the unmarked caption is drawn');

    const frame = (i: number) => at(layout.cells[i]!.left - 1, layout.cells[i]!.top + 40);
    assert.deepEqual(frame(1).slice(0, 3), [214, 39, 40]);
    assert.deepEqual(frame(0).slice(0, 3), [255, 255, 255]);
  });

  it('takes a batch tensor [n, h, w, c]', async () => {
    const batch = tensor([...digit(), ...digit()], [2, 28, 28, 1]);
    const png = await imageGrid(batch, { zoom: 1 });
    const layout = layoutGrid([{ width: 28, height: 28 }, { width: 28, height: 28 }], {});
    const { info, at } = await pixels(png);
    assert.deepEqual([info.width, info.height], [layout.width, layout.height]);
    assert.deepEqual(at(layout.cells[1]!.left + 9, layout.cells[1]!.top + 5).slice(0, 3),
      [255, 255, 255]);
  });

  it('says how many labels it got for how many images', async () => {
    await assert.rejects(imageGrid(images, { labels: ['7'] }),
      { name: 'ValueError', message: /1 labels for 3 images/ });
    await assert.rejects(imageGrid([]), { message: /no images given/ });
    await assert.rejects(imageGrid(images, { zoom: 0.5 }), { message: /zoom must be an integer/ });
  });
});
