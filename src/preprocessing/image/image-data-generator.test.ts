import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBatchSequence } from '../../data/sequence.js';
import { NotSupportedError, ValueError } from '../../errors.js';
import { setLogSink } from '../../log.js';
import { tensor, Tensor } from '../../tensor/tensor.js';
import { ImageDataGenerator } from './image-data-generator.js';

/** n images [2, 2, 1] where image i holds the values 10 i .. 10 i + 3; y[i] = i. */
function numbered(n: number): { x: Tensor; y: Tensor } {
  const x = tensor(Float32Array.from({ length: n * 4 }, (_, k) => 10 * Math.floor(k / 4) + (k % 4)),
    [n, 2, 2, 1]);
  const y = tensor(Int32Array.from({ length: n }, (_, i) => i));
  return { x, y };
}

function firstValues(t: Tensor): number[] {
  const size = t.size / t.shape[0]!;
  return Array.from({ length: t.shape[0]! }, (_, i) => t.data[i * size]!);
}

describe('ImageDataGenerator transforms', () => {
  const g = new ImageDataGenerator();
  const img = tensor([[[1], [2], [3]], [[4], [5], [6]]]);

  it('flips horizontally and vertically', () => {
    assert.deepEqual(g.applyTransform(img, { flipHorizontal: true }).toArray(),
      [[[3], [2], [1]], [[6], [5], [4]]]);
    assert.deepEqual(g.applyTransform(img, { flipVertical: true }).toArray(),
      [[[4], [5], [6]], [[1], [2], [3]]]);
  });

  it('applies the affine part before the flip, as Keras does', () => {
    const g2 = new ImageDataGenerator({ fillMode: 'constant', cval: 0 });
    assert.deepEqual(g2.applyTransform(img, { ty: 1, flipHorizontal: true }).toArray(),
      [[[0], [3], [2]], [[0], [6], [5]]]);
  });

  it('scales brightness and clips to 0..255', () => {
    const y = g.applyTransform(tensor([[[100], [200]]]), { brightness: 1.5 });
    assert.deepEqual(y.toArray(), [[[150], [255]]]);
  });

  it('shifts channels within the image range', () => {
    const y = g.applyTransform(tensor([[[0], [10]]]), { channelShiftIntensity: 4 });
    assert.deepEqual(y.toArray(), [[[4], [10]]]);
  });

  it('draws transforms in the configured ranges, repeatably for a seed', () => {
    const gen = new ImageDataGenerator({ rotationRange: 40, widthShiftRange: 0.2,
      heightShiftRange: 3, shearRange: 20, zoomRange: 0.2, horizontalFlip: true,
      brightnessRange: [0.5, 1.5] });
    const flips = new Set<boolean>();
    for (let s = 0; s < 200; s++) {
      const p = gen.getRandomTransform([50, 100, 3], s);
      assert.ok(Math.abs(p.theta!) <= 40 && Math.abs(p.shear!) <= 20);
      assert.ok(Math.abs(p.ty!) <= 0.2 * 100, 'width shift is a fraction of the width');
      assert.ok(Math.abs(p.tx!) <= 3, 'height shift >= 1 is in pixels');
      assert.ok(p.zx! >= 0.8 && p.zx! <= 1.2 && p.zy! >= 0.8 && p.zy! <= 1.2);
      assert.ok(p.brightness! >= 0.5 && p.brightness! <= 1.5);
      flips.add(p.flipHorizontal!);
    }
    assert.deepEqual([...flips].sort(), [false, true]);
    assert.deepEqual(gen.getRandomTransform([8, 8, 1], 3), gen.getRandomTransform([8, 8, 1], 3));
  });

  it('picks list shifts with a random sign', () => {
    const gen = new ImageDataGenerator({ widthShiftRange: [2, 5] });
    const seen = new Set<number>();
    for (let s = 0; s < 100; s++) seen.add(gen.getRandomTransform([10, 10, 1], s).ty!);
    assert.deepEqual([...seen].sort((a, b) => a - b), [-5, -2, 2, 5]);
  });

  it('leaves images untouched without augmentation options', () => {
    const { x } = numbered(3);
    assert.equal(new ImageDataGenerator({ rescale: 0.5 }).augments, false);
    const out = new ImageDataGenerator().randomTransform(
      tensor(x.data.subarray(0, 4), [2, 2, 1]), 1);
    assert.deepEqual([...out.data], [0, 1, 2, 3]);
  });
});

describe('ImageDataGenerator standardisation', () => {
  it('rescales, then centres and scales each sample', () => {
    const g = new ImageDataGenerator({ rescale: 0.5, samplewiseCenter: true });
    assert.deepEqual(g.standardize(tensor([[[2], [6]]])).toArray(), [[[-1], [1]]]);
    const s = new ImageDataGenerator({ samplewiseCenter: true, samplewiseStdNormalization: true });
    const y = s.standardize(tensor([[[2], [6]]]));
    assert.ok(Math.abs(y.data[0]! + 1) < 1e-5 && Math.abs(y.data[1]! - 1) < 1e-5);
  });

  it('fits per-channel mean and std on rescaled data and uses them', () => {
    const g = new ImageDataGenerator({ rescale: 0.1, featurewiseCenter: true,
      featurewiseStdNormalization: true });
    // channel 0 values 0, 20 -> 0, 2 (mean 1, std 1); channel 1 values 10, 10 -> 1 (std 0).
    g.fit(tensor([[[[0, 10]]], [[[20, 10]]]]));
    assert.deepEqual([...g.mean!], [1, 1]);
    assert.deepEqual([...g.std!], [1, 0]);
    const y = g.standardize(tensor([[[30, 10]]]));
    assert.ok(Math.abs(y.data[0]! - 2 / (1 + 1e-6)) < 1e-5);
    assert.equal(y.data[1], 0);
  });

  it('refuses featurewise options before fit', async () => {
    const g = new ImageDataGenerator({ featurewiseCenter: true });
    await assert.rejects(g.flow(numbered(2).x).batch(0), /call fit\(xTrain\)/);
  });

  it('rejects unknown and unsupported options by name', () => {
    assert.throws(() => new ImageDataGenerator({ rotation_range: 3 } as object),
      (e: Error) => e instanceof ValueError && /unknown option 'rotation_range'/.test(e.message));
    assert.throws(() => new ImageDataGenerator({ zcaWhitening: true } as object),
      (e: Error) => e instanceof NotSupportedError && /ZCA/.test(e.message));
    assert.throws(() => new ImageDataGenerator({ fillMode: 'mirror' as 'wrap' }),
      /fillMode 'mirror' is not one of constant, nearest, reflect, wrap/);
    assert.throws(() => new ImageDataGenerator({ validationSplit: 1 }), /\[0, 1\)/);
  });

  it('warns that std normalisation turns centring on', () => {
    const messages: string[] = [];
    const previous = setLogSink((_level, m) => messages.push(m));
    try {
      const g = new ImageDataGenerator({ samplewiseStdNormalization: true });
      assert.equal(g.options.samplewiseCenter, true);
    } finally {
      setLogSink(previous);
    }
    assert.match(messages.join('\n'), /samplewiseCenter is set to true/);
  });
});

describe('ImageDataGenerator.flow', () => {
  it('batches arrays with matching labels and a smaller last batch', async () => {
    const { x, y } = numbered(10);
    const it = new ImageDataGenerator({ rescale: 0.1 }).flow(x, y, { batchSize: 4, seed: 3 });
    assert.equal(it.length, 3);
    assert.ok(isBatchSequence(it));
    const seen: number[] = [];
    for (let b = 0; b < it.length; b++) {
      const batch = await it.batch(b);
      assert.deepEqual(batch.x.shape, [b < 2 ? 4 : 2, 2, 2, 1]);
      // rescale applied: image i starts with 10 i * 0.1 = i.
      assert.deepEqual(firstValues(batch.x).map(Math.round), [...batch.y!.data]);
      seen.push(...batch.y!.data);
    }
    assert.deepEqual(seen.sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('reshuffles every epoch, repeatably for a seed, and keeps order without shuffle', async () => {
    const { x, y } = numbered(8);
    const g = new ImageDataGenerator();
    const a = g.flow(x, y, { batchSize: 8, seed: 5 });
    const b = g.flow(x, y, { batchSize: 8, seed: 5 });
    const e0 = [...(await a.batch(0)).y!.data];
    assert.deepEqual([...(await b.batch(0)).y!.data], e0);
    a.onEpochEnd();
    assert.notDeepEqual([...(await a.batch(0)).y!.data], e0);
    const plain = g.flow(x, y, { batchSize: 8, shuffle: false });
    assert.deepEqual([...(await plain.batch(0)).y!.data], [0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('takes the FIRST fraction as validation subset (BR-08, arrays)', async () => {
    const { x, y } = numbered(10);
    const g = new ImageDataGenerator({ validationSplit: 0.25 });
    const val = g.flow(x, y, { subset: 'validation', shuffle: false, batchSize: 32 });
    const train = g.flow(x, y, { subset: 'training', shuffle: false, batchSize: 32 });
    assert.deepEqual([...(await val.batch(0)).y!.data], [0, 1]); // int(10 * 0.25) = 2
    assert.deepEqual([...(await train.batch(0)).y!.data], [2, 3, 4, 5, 6, 7, 8, 9]);
    assert.throws(() => new ImageDataGenerator().flow(x, y, { subset: 'training' }),
      /needs ImageDataGenerator\(\{ validationSplit \}\)/);
  });

  it('gives every batch its own augmentation, the same when asked again', async () => {
    const { x, y } = numbered(4);
    const g = new ImageDataGenerator({ rotationRange: 90, fillMode: 'constant', cval: -5 });
    const it = g.flow(x, y, { batchSize: 2, seed: 11, shuffle: false });
    const first = [...(await it.batch(1)).x.data];
    const again = [...(await it.batch(1)).x.data];
    assert.deepEqual(first, again);
    assert.notDeepEqual(first, [...x.data.subarray(8, 16)]);
  });

  it('iterates one epoch with for await, then reshuffles', async () => {
    const { x, y } = numbered(5);
    const it = new ImageDataGenerator().flow(x, y, { batchSize: 2, seed: 1 });
    const sizes: number[] = [];
    for await (const batch of it) sizes.push(batch.x.shape[0]!);
    assert.deepEqual(sizes, [2, 2, 1]);
    assert.equal(it.epoch, 1);
  });

  it('rejects images without a channel axis and mismatched labels', () => {
    const g = new ImageDataGenerator();
    assert.throws(() => g.flow(tensor([[[1]]]), undefined), /\[n, height, width, channels\]/);
    assert.throws(() => g.flow(numbered(3).x, tensor([1, 2])), /same number of samples/);
  });
});
