import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { IoError } from '../../errors.js';
import { getLogLevel, setLogLevel, setLogSink } from '../../log.js';
import { ImageDataGenerator } from './image-data-generator.js';
import { loadImage } from './load-image.js';

const root = mkdtempSync(join(tmpdir(), 'flow-dir-test-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** Writes a solid-colour image (PNG or JPEG by extension) of the given size. */
async function solid(path: string, value: number, width = 8, height = 6): Promise<void> {
  mkdirSync(join(path, '..'), { recursive: true });
  const img = sharp({ create: { width, height, channels: 3,
    background: { r: value, g: value, b: value } } });
  await (path.toLowerCase().endsWith('.png') ? img.png() : img.jpeg({ quality: 95 }))
    .toFile(path);
}

/** A 2x2 24-bit BMP: top row red, green; bottom row blue, white. */
function bmp(): Uint8Array {
  const rowBytes = 8; // 2 pixels * 3 bytes, padded to 4
  const bytes = new Uint8Array(54 + 2 * rowBytes);
  const v = new DataView(bytes.buffer);
  bytes.set([0x42, 0x4d]);
  v.setUint32(2, bytes.length, true);
  v.setUint32(10, 54, true);
  v.setUint32(14, 40, true);
  v.setInt32(18, 2, true);
  v.setInt32(22, 2, true); // positive: bottom row first
  v.setUint16(26, 1, true);
  v.setUint16(28, 24, true);
  bytes.set([255, 0, 0, 255, 255, 255], 54); // bottom row, BGR: blue, white
  bytes.set([0, 0, 255, 0, 255, 0], 54 + rowBytes); // top row: red, green
  return bytes;
}

/** Captures log messages (all levels) while `fn` runs. */
async function captureLog<T>(fn: () => Promise<T> | T): Promise<[T, string[]]> {
  const messages: string[] = [];
  const previousSink = setLogSink((_level, m) => messages.push(m));
  const previousLevel = getLogLevel();
  setLogLevel('info');
  try {
    return [await fn(), messages];
  } finally {
    setLogSink(previousSink);
    setLogLevel(previousLevel);
  }
}

describe('flowFromDirectory class order and file filtering (BR-07)', () => {
  const dir = join(root, 'br07');
  before(async () => {
    await solid(join(dir, 'dogs', 'a.png'), 10);
    await solid(join(dir, 'dogs', 'b.jpg'), 20);
    writeFileSync(join(dir, 'dogs', '.DS_Store'), 'Bud1');
    writeFileSync(join(dir, 'dogs', 'notes.txt'), 'good dogs');
    await solid(join(dir, 'cats', 'c.jpeg'), 30);
    await solid(join(dir, 'cats', 'd.PNG'), 40);
    mkdirSync(join(dir, 'Zebra'));
    writeFileSync(join(dir, 'Zebra', 'e.bmp'), bmp());
  });

  it('sorts classes by code point and keeps only image files', async () => {
    const [it, messages] = await captureLog(() =>
      new ImageDataGenerator().flowFromDirectory(dir, { targetSize: [4, 4], shuffle: false }));
    assert.deepEqual(it.classIndices, { Zebra: 0, cats: 1, dogs: 2 });
    assert.equal(it.samples, 5);
    assert.deepEqual(it.filenames, ['Zebra/e.bmp', 'cats/c.jpeg', 'cats/d.PNG', 'dogs/a.png',
      'dogs/b.jpg']);
    assert.deepEqual([...it.classes], [0, 1, 1, 2, 2]);
    assert.equal(it.summary, 'Found 5 images belonging to 3 classes.');
    assert.ok(messages.includes('Found 5 images belonging to 3 classes.'));
  });

  it('keeps the caller\'s class order and ignores other folders', () => {
    const it = new ImageDataGenerator().flowFromDirectory(dir,
      { classes: ['dogs', 'cats'], targetSize: [4, 4] });
    assert.deepEqual(it.classIndices, { dogs: 0, cats: 1 });
    assert.equal(it.samples, 4);
    assert.equal(it.summary, 'Found 4 images belonging to 2 classes.');
  });

  it('decodes the BMP file with our own reader', async () => {
    const x = await loadImage(join(dir, 'Zebra', 'e.bmp'));
    assert.deepEqual(x.toArray(), [[[255, 0, 0], [0, 255, 0]], [[0, 0, 255], [255, 255, 255]]]);
  });
});

describe('flowFromDirectory validationSplit takes the FIRST fraction per class (BR-08)', () => {
  const dir = join(root, 'br08');
  before(async () => {
    for (let i = 0; i < 8; i++) await solid(join(dir, 'a', `${i}.png`), i * 10, 3, 3);
    for (let i = 0; i < 4; i++) await solid(join(dir, 'b', `${i}.png`), 100 + i, 3, 3);
  });

  it('gives 0.png, 1.png to validation and 2.png..7.png to training', () => {
    const g = new ImageDataGenerator({ validationSplit: 0.25 });
    const val = g.flowFromDirectory(dir, { subset: 'validation', shuffle: false,
      targetSize: [3, 3] });
    const train = g.flowFromDirectory(dir, { subset: 'training', targetSize: [3, 3] });
    assert.deepEqual(val.filenames, ['a/0.png', 'a/1.png', 'b/0.png']); // int(0.25 * 4) = 1
    assert.deepEqual(train.filenames, ['a/2.png', 'a/3.png', 'a/4.png', 'a/5.png', 'a/6.png',
      'a/7.png', 'b/1.png', 'b/2.png', 'b/3.png']);
  });
});

describe('flowFromDirectory on a generated image folder', () => {
  const dir = join(root, 'pets');
  before(async () => {
    for (let i = 0; i < 12; i++) {
      await solid(join(dir, 'cats', `cat.${i}.${i % 2 ? 'png' : 'jpg'}`), 40, 10 + i, 8);
      await solid(join(dir, 'dogs', `dog.${i}.${i % 2 ? 'jpeg' : 'png'}`), 200, 9, 12 - i % 3);
    }
  });

  it('reads resized, rescaled batches with labels matching the folders', async () => {
    const g = new ImageDataGenerator({ rescale: 1 / 255 });
    const it = g.flowFromDirectory(dir, { targetSize: [6, 5], batchSize: 10, classMode: 'binary',
      seed: 2 });
    assert.equal(it.samples, 24);
    assert.equal(it.length, 3);
    let count = 0;
    for (let b = 0; b < it.length; b++) {
      const { x, y } = await it.batch(b);
      const n = x.shape[0]!;
      assert.deepEqual(x.shape, [n, 6, 5, 3]);
      assert.deepEqual(y!.shape, [n]);
      for (let i = 0; i < n; i++) {
        const pixels = [...x.f32.subarray(i * 90, (i + 1) * 90)];
        const mean = pixels.reduce((a, v) => a + v, 0) / 90;
        const expected = y!.data[i] === 1 ? 200 / 255 : 40 / 255; // dogs = 1
        assert.ok(Math.abs(mean - expected) < 3 / 255, `mean ${mean}, label ${y!.data[i]}`);
      }
      count += n;
    }
    assert.equal(count, 24);
  });

  it('gives one-hot, sparse, input and no labels', async () => {
    const g = new ImageDataGenerator();
    const opts = { targetSize: [4, 4] as [number, number], batchSize: 24, shuffle: false };
    const cat = await g.flowFromDirectory(dir, opts).batch(0);
    assert.deepEqual(cat.y!.shape, [24, 2]);
    assert.deepEqual([...cat.y!.data.subarray(0, 2)], [1, 0]);
    assert.deepEqual([...cat.y!.data.subarray(46, 48)], [0, 1]);
    const sparse = await g.flowFromDirectory(dir, { ...opts, classMode: 'sparse' }).batch(0);
    assert.equal(sparse.y!.dtype, 'int32');
    assert.equal(sparse.y!.data[23], 1);
    const input = await g.flowFromDirectory(dir, { ...opts, classMode: 'input' }).batch(0);
    assert.equal(input.y, input.x);
    const none = await g.flowFromDirectory(dir, { ...opts, classMode: null }).batch(0);
    assert.equal(none.y, undefined);
  });

  it('reads grayscale and rgba, and iterates with for await', async () => {
    const g = new ImageDataGenerator();
    const gray = await g.flowFromDirectory(dir, { targetSize: [3, 3], colorMode: 'grayscale',
      batchSize: 4 }).batch(0);
    assert.deepEqual(gray.x.shape, [4, 3, 3, 1]);
    const rgba = g.flowFromDirectory(dir, { targetSize: [3, 3], colorMode: 'rgba',
      batchSize: 16, interpolation: 'bilinear' });
    const shapes: number[][] = [];
    for await (const batch of rgba) shapes.push([...batch.x.shape]);
    assert.deepEqual(shapes, [[16, 3, 3, 4], [8, 3, 3, 4]]);
    assert.equal((await rgba.batch(0)).x.data[3], 255); // opaque alpha
  });

  it('gives the same batches with and without read-ahead', async () => {
    const g = new ImageDataGenerator({ rotationRange: 30, horizontalFlip: true });
    const opts = { targetSize: [5, 5] as [number, number], batchSize: 5, seed: 9 };
    const ahead = g.flowFromDirectory(dir, { ...opts, prefetch: 3 });
    const plain = g.flowFromDirectory(dir, { ...opts, prefetch: 0 });
    for (let b = 0; b < ahead.length; b++) {
      assert.deepEqual([...(await ahead.batch(b)).x.data], [...(await plain.batch(b)).x.data]);
    }
  });

  it('rejects bad options by name', () => {
    const g = new ImageDataGenerator();
    assert.throws(() => g.flowFromDirectory(dir, { colorMode: 'cmyk' as 'rgb' }),
      /colorMode 'cmyk'/);
    assert.throws(() => g.flowFromDirectory(dir, { interpolation: 'box' as 'nearest' }),
      /interpolation 'box'/);
    assert.throws(() => g.flowFromDirectory(join(root, 'nowhere')), /cannot read directory/);
    assert.throws(() => g.flowFromDirectory(dir, { target_size: [4, 4] } as object),
      /unknown option 'target_size'/);
    assert.throws(() => g.flowFromDirectory(dir, { saveToDir: '/tmp/x' } as object),
      /option 'saveToDir' \(saving augmented images to a folder\) is not supported/);
    assert.throws(() => g.flowFromDirectory(dir, { classes: ['cats', 'birds'] }),
      /class 'birds' has no folder/);
  });
});

describe('flowFromDirectory with corrupt images', () => {
  const dir = join(root, 'corrupt');
  before(async () => {
    await solid(join(dir, 'cats', 'good.png'), 50);
    writeFileSync(join(dir, 'cats', 'empty.png'), new Uint8Array(0));
    writeFileSync(join(dir, 'cats', 'fake.jpg'), 'this is not a picture\n');
    await solid(join(dir, 'dogs', 'good.jpg'), 150);
    const png = await sharp({ create: { width: 40, height: 40, channels: 3,
      background: { r: 1, g: 2, b: 3 } } }).png({ compressionLevel: 0 }).toBuffer();
    writeFileSync(join(dir, 'dogs', 'truncated.png'), png.subarray(0, 200));
  });

  it('names every unreadable file by default', () => {
    assert.throws(() => new ImageDataGenerator().flowFromDirectory(dir), (err: Error) => {
      assert.ok(err instanceof IoError);
      assert.match(err.message, /2 unreadable image file\(s\)/);
      assert.match(err.message, /cats\/empty.png: empty file \(0 bytes\)/);
      assert.match(err.message, /cats\/fake.jpg: not an image: it holds text \("this is not/);
      assert.match(err.message, /onError: 'skip'/);
      return true;
    });
  });

  it('skips them with a warning, and reports a file that fails to decode', async () => {
    const [it, messages] = await captureLog(() => new ImageDataGenerator().flowFromDirectory(
      dir, { onError: 'skip', targetSize: [4, 4], shuffle: false, batchSize: 8 }));
    assert.deepEqual(it.filenames, ['cats/good.png', 'dogs/good.jpg', 'dogs/truncated.png']);
    assert.match(messages.join('\n'), /skipping 2 unreadable image file\(s\): cats\/empty.png/);

    // The truncated PNG has a valid header and fails only when decoded.
    const [batch, decodeMessages] = await captureLog(() => it.batch(0));
    assert.equal(batch.x.shape[0], 2);
    assert.match(decodeMessages.join('\n'), /skipping image '.*truncated.png' could not be/);

    const strict = new ImageDataGenerator().flowFromDirectory(dir, { classes: ['dogs'],
      targetSize: [4, 4] });
    await assert.rejects(strict.batch(0), /image '.*truncated.png' could not be decoded as png/);
  });
});

describe('Netpbm images', () => {
  it('reads binary PPM and ASCII PGM files', async () => {
    const dir = join(root, 'netpbm');
    mkdirSync(dir, { recursive: true });
    const header = new TextEncoder().encode('P6\n# a comment\n2 1\n255\n');
    writeFileSync(join(dir, 'a.ppm'), Uint8Array.from([...header, 1, 2, 3, 250, 251, 252]));
    writeFileSync(join(dir, 'b.pgm.ppm'), 'P2\n2 2\n15\n0 15\n5 10\n');
    assert.deepEqual((await loadImage(join(dir, 'a.ppm'))).toArray(),
      [[[1, 2, 3], [250, 251, 252]]]);
    assert.deepEqual((await loadImage(join(dir, 'b.pgm.ppm'), { colorMode: 'grayscale' }))
      .toArray(), [[[0], [255]], [[85], [170]]]);
  });
});
