import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { encodeIdx, writeIdx } from '../io/idx/write-idx.js';
import { loadData } from './mnist.js';

describe('mnist.loadData', () => {
  it('loads 60000 + 10000 images and labels with Keras shapes and known first values', () => {
    const [[xTrain, yTrain], [xTest, yTest]] = loadData();
    assert.deepEqual(xTrain.shape, [60000, 28, 28]);
    assert.deepEqual(yTrain.shape, [60000]);
    assert.deepEqual(xTest.shape, [10000, 28, 28]);
    assert.deepEqual(yTest.shape, [10000]);
    assert.equal(xTrain.dtype, 'float32');
    assert.equal(yTrain.dtype, 'int32');
    assert.deepEqual([...yTrain.data.subarray(0, 5)], [5, 0, 4, 1, 9]);
    assert.equal(yTest.data[0], 7);

    // Checksums of image 0 computed independently from the raw file bytes.
    const image0 = [...xTrain.f32.subarray(0, 784)];
    assert.equal(image0.reduce((a, v) => a + v, 0), 27525);
    assert.equal(image0.reduce((a, v, i) => a + i * v, 0), 11192964);
    assert.equal(image0[14 * 28 + 14], 240);
    assert.equal([...xTest.f32.subarray(0, 784)].reduce((a, v) => a + v, 0), 18454);

    const counts = new Array(10).fill(0);
    for (const label of yTrain.data) counts[label]++;
    assert.deepEqual(counts, [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
  });

  describe('from a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist-test-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const images = (n: number) => ({ dtype: 'uint8' as const, shape: [n, 2, 3],
      data: Uint8Array.from({ length: n * 6 }, (_, i) => i % 256) });
    const labels = (n: number) => ({ dtype: 'uint8' as const, shape: [n],
      data: Uint8Array.from({ length: n }, (_, i) => i % 10) });

    it('reads any IDX set with the MNIST file names, gzipped or not', async () => {
      await writeIdx(join(dir, 'train-images-idx3-ubyte'), images(4));
      await writeIdx(join(dir, 'train-labels-idx1-ubyte'), labels(4));
      await writeFile(join(dir, 't10k-images-idx3-ubyte.gz'), gzipSync(encodeIdx(images(2))));
      await writeFile(join(dir, 't10k-labels-idx1-ubyte.gz'), gzipSync(encodeIdx(labels(2))));
      const [[xTrain, yTrain], [xTest, yTest]] = loadData({ path: dir });
      assert.deepEqual(xTrain.shape, [4, 2, 3]);
      assert.deepEqual([...yTrain.data], [0, 1, 2, 3]);
      assert.deepEqual(xTest.toArray(), [[[0, 1, 2], [3, 4, 5]], [[6, 7, 8], [9, 10, 11]]]);
      assert.deepEqual([...yTest.data], [0, 1]);
    });

    it('rejects image and label files whose counts differ', async () => {
      await writeIdx(join(dir, 'train-labels-idx1-ubyte'), labels(3));
      assert.throws(() => loadData({ path: dir }),
        /4 images in '.*train-images-idx3-ubyte' but 3 labels in '.*train-labels-idx1-ubyte'/);
    });
  });
});
