/**
 * Real-time image augmentation and standardisation, like Keras' `ImageDataGenerator`: every
 * option keeps its Keras meaning. For each image, one random affine transform (rotation,
 * shift, shear, zoom about the centre) is applied through the inverse map with bilinear
 * sampling and the fill mode at the borders, then channel shift, flips and brightness; then
 * the image is standardised (preprocessingFunction, rescale, samplewise then featurewise
 * centring and scaling).
 *
 * @example
 * const datagen = new ImageDataGenerator({ rotationRange: 40, widthShiftRange: 0.2,
 *   heightShiftRange: 0.2, shearRange: 0.2, zoomRange: 0.2, horizontalFlip: true,
 *   fillMode: 'nearest', rescale: 1 / 255 });
 * const train = datagen.flowFromDirectory('data/train', { targetSize: [150, 150],
 *   batchSize: 20, classMode: 'binary' });
 */
import { ShapeError, ValueError } from '../../errors.js';
import { log } from '../../log.js';
import { Random, globalRng } from '../../tensor/random.js';
import { Tensor } from '../../tensor/tensor.js';
import { affineMatrix, warpAffine } from './affine-transform.js';
import { ArrayIterator, type FlowOptions } from './array-iterator.js';
import { DirectoryIterator, type FlowFromDirectoryOptions } from './directory-iterator.js';
import { checkOptionNames } from './check-options.js';
import { checkFillMode, type FillMode } from './fill-mode.js';
import { brighten, channelShift, flipColumns, flipRows, meanStd } from './pixel-ops.js';
import type { TransformParams } from './transform-params.js';

export interface ImageDataGeneratorOptions {
  /** Subtract the dataset mean (per channel, from {@link ImageDataGenerator.fit}). */
  featurewiseCenter?: boolean;
  /** Subtract each image's own mean. */
  samplewiseCenter?: boolean;
  /** Divide by the dataset standard deviation (per channel, from fit). Implies centring. */
  featurewiseStdNormalization?: boolean;
  /** Divide each image by its own standard deviation. Implies samplewise centring. */
  samplewiseStdNormalization?: boolean;
  /** Random rotations in [-r, r] degrees. */
  rotationRange?: number;
  /** Horizontal shifts: a fraction of the width if < 1, else pixels; a list picks one value. */
  widthShiftRange?: number | number[];
  /** Vertical shifts, like widthShiftRange but of the height. */
  heightShiftRange?: number | number[];
  /** Random brightness factor in [lo, hi]. */
  brightnessRange?: [number, number];
  /** Shear angle range in degrees (counter-clockwise), as in Keras 2. */
  shearRange?: number;
  /** z gives zoom factors in [1 - z, 1 + z]; a pair gives [lo, hi]. */
  zoomRange?: number | [number, number];
  /** Random shifts of all channel values in [-r, r]. */
  channelShiftRange?: number;
  /** Fill for pixels coming from outside the image. Default 'nearest'. */
  fillMode?: FillMode;
  /** Fill value for fillMode 'constant'. Default 0. */
  cval?: number;
  horizontalFlip?: boolean;
  verticalFlip?: boolean;
  /** Multiplies every value after augmentation, e.g. 1/255. */
  rescale?: number;
  /** Runs on each image [h, w, c] after augmentation, before rescale. */
  preprocessingFunction?: (image: Tensor) => Tensor;
  /**
   * Fraction kept apart for subset 'validation'. Note the Keras asymmetry: the generators take
   * the FIRST fraction of each class (or of the arrays) for validation, while fit() takes the
   * last fraction of its arrays.
   */
  validationSplit?: number;
  /** 1 = bilinear (default), 0 = nearest pixel, for the affine transform. */
  interpolationOrder?: 0 | 1;
  /** Default seed for flow() and flowFromDirectory() (shuffling and augmentation). */
  seed?: number;
}

const OPTION_NAMES = ['featurewiseCenter', 'samplewiseCenter', 'featurewiseStdNormalization',
  'samplewiseStdNormalization', 'rotationRange', 'widthShiftRange', 'heightShiftRange',
  'brightnessRange', 'shearRange', 'zoomRange', 'channelShiftRange', 'fillMode', 'cval',
  'horizontalFlip', 'verticalFlip', 'rescale', 'preprocessingFunction', 'validationSplit',
  'interpolationOrder', 'seed'];

const MISSING_FEATURES: Record<string, string> = {
  zcaWhitening: 'ZCA whitening',
  zcaEpsilon: 'ZCA whitening',
  dataFormat: "data formats other than channels-last ('channels_last' is the only layout)",
};

export interface FitOptions {
  /** Also fit on augmented copies. Default false. */
  augment?: boolean;
  /** With augment: how many augmented passes over the data. Default 1. */
  rounds?: number;
  seed?: number;
}

export class ImageDataGenerator {
  readonly options: Readonly<ImageDataGeneratorOptions>;
  /** Per-channel mean from {@link fit}, or null. */
  mean: Float32Array | null = null;
  /** Per-channel standard deviation from {@link fit}, or null. */
  std: Float32Array | null = null;
  private readonly zoom: [number, number];

  /**
   * @example
   * const datagen = new ImageDataGenerator({ rescale: 1 / 255, validationSplit: 0.2 });
   */
  constructor(options: ImageDataGeneratorOptions = {}) {
    checkOptionNames('ImageDataGenerator', options, OPTION_NAMES, MISSING_FEATURES);
    const o = { ...options };
    o.fillMode = checkFillMode(o.fillMode ?? 'nearest', 'ImageDataGenerator');
    if (o.featurewiseStdNormalization && !o.featurewiseCenter) {
      log.warn('ImageDataGenerator: featurewiseStdNormalization also centres the data ' +
        '(featurewiseCenter is set to true)');
      o.featurewiseCenter = true;
    }
    if (o.samplewiseStdNormalization && !o.samplewiseCenter) {
      log.warn('ImageDataGenerator: samplewiseStdNormalization also centres each image ' +
        '(samplewiseCenter is set to true)');
      o.samplewiseCenter = true;
    }
    const split = o.validationSplit ?? 0;
    if (!(split >= 0 && split < 1)) {
      throw new ValueError(`ImageDataGenerator: validationSplit must be in [0, 1), got ${split}`);
    }
    this.zoom = zoomPair(o.zoomRange ?? 0);
    this.options = Object.freeze(o);
  }

  /** True if any random augmentation is configured. */
  get augments(): boolean {
    const o = this.options;
    return Boolean(o.rotationRange || hasRange(o.widthShiftRange) ||
      hasRange(o.heightShiftRange) || o.shearRange || this.zoom[0] !== 1 ||
      this.zoom[1] !== 1 || o.channelShiftRange || o.horizontalFlip || o.verticalFlip ||
      o.brightnessRange);
  }

  /**
   * Draws the random transform for one image of shape [height, width, channels], drawing in
   * Keras' order: theta, tx, ty, shear, zoom, flips, channel shift, brightness.
   *
   * @example
   * new ImageDataGenerator({ rotationRange: 30 }).getRandomTransform([28, 28, 1], 7).theta;
   */
  getRandomTransform(shape: readonly number[], seed?: number | Random): TransformParams {
    const rng = seed instanceof Random ? seed : seed === undefined ? globalRng() : new Random(seed);
    const o = this.options;
    const [height, width] = shape as [number, number];
    const p: TransformParams = {};

    p.theta = o.rotationRange ? rng.uniform(-o.rotationRange, o.rotationRange) : 0;
    p.tx = shiftPixels(o.heightShiftRange, height, rng);
    p.ty = shiftPixels(o.widthShiftRange, width, rng);
    p.shear = o.shearRange ? rng.uniform(-o.shearRange, o.shearRange) : 0;
    const zooms = this.zoom[0] === 1 && this.zoom[1] === 1;
    p.zx = zooms ? 1 : rng.uniform(this.zoom[0], this.zoom[1]);
    p.zy = zooms ? 1 : rng.uniform(this.zoom[0], this.zoom[1]);
    p.flipHorizontal = o.horizontalFlip ? rng.uniform() < 0.5 : false;
    p.flipVertical = o.verticalFlip ? rng.uniform() < 0.5 : false;
    p.channelShiftIntensity = o.channelShiftRange
      ? rng.uniform(-o.channelShiftRange, o.channelShiftRange) : 0;
    p.brightness = o.brightnessRange
      ? rng.uniform(o.brightnessRange[0], o.brightnessRange[1]) : 1;
    return p;
  }

  /**
   * One image [h, w, c] transformed by given parameters (no standardisation).
   *
   * @example
   * datagen.applyTransform(image, { flipHorizontal: true }); // mirrored copy
   */
  applyTransform(x: Tensor, params: TransformParams): Tensor {
    const [h, w, c] = imageShape(x, 'applyTransform');
    const out = new Tensor(x.shape, 'float32');
    out.data.set(this.transformPixels(Float32Array.from(x.data), h, w, c, params));
    return out;
  }

  /**
   * One image randomly transformed (Keras' `random_transform`).
   *
   * @example
   * const augmented = datagen.randomTransform(image, 42);
   */
  randomTransform(x: Tensor, seed?: number | Random): Tensor {
    return this.applyTransform(x, this.getRandomTransform(x.shape, seed));
  }

  /**
   * A standardised copy of one image or a batch: preprocessingFunction, rescale, samplewise
   * and featurewise centring and scaling, as configured.
   *
   * @example
   * datagen.standardize(image); // image * rescale - mean, / std ...
   */
  standardize(x: Tensor): Tensor {
    const shape = x.rank === 3 ? [1, ...x.shape] : [...x.shape];
    if (shape.length !== 4) {
      throw new ShapeError(`standardize: expected an image [h, w, c] or a batch [n, h, w, c], ` +
        `got [${x.shape.join(', ')}]`);
    }
    const [n, h, w, c] = shape as [number, number, number, number];
    const out = new Tensor(x.shape, 'float32');
    const size = h * w * c;
    for (let i = 0; i < n; i++) {
      const image = Float32Array.from(x.data.subarray(i * size, (i + 1) * size));
      out.data.set(this.standardizePixels(image, h, w, c), i * size);
    }
    return out;
  }

  /**
   * Computes the per-channel mean and standard deviation used by featurewiseCenter and
   * featurewiseStdNormalization, on `x` [n, h, w, c] after rescale (and, with `augment`, on
   * augmented copies).
   *
   * @example
   * const datagen = new ImageDataGenerator({ featurewiseCenter: true,
   *   featurewiseStdNormalization: true });
   * datagen.fit(xTrain);
   */
  fit(x: Tensor, options: FitOptions = {}): void {
    const [n, h, w, c] = batchShape(x, 'fit');
    const rounds = options.augment ? options.rounds ?? 1 : 1;
    const rng = options.seed === undefined ? globalRng() : new Random(options.seed);
    const size = h * w * c;
    const sum = new Float64Array(c), sumSq = new Float64Array(c);

    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < n; i++) {
        let image: Float32Array = Float32Array.from(x.data.subarray(i * size, (i + 1) * size));
        if (options.augment) {
          image = this.transformPixels(image, h, w, c, this.getRandomTransform([h, w, c], rng));
        }
        const scale = this.options.rescale ?? 1;
        for (let k = 0; k < size; k++) {
          const v = image[k]! * scale;
          sum[k % c]! += v;
          sumSq[k % c]! += v * v;
        }
      }
    }
    const count = rounds * n * h * w;
    this.mean = Float32Array.from(sum, (s) => s / count);
    this.std = Float32Array.from(sumSq, (s, ch) =>
      Math.sqrt(Math.max(0, s / count - (sum[ch]! / count) ** 2)));
  }

  /**
   * Batches from arrays: x [n, h, w, c] and optional targets y [n, ...].
   *
   * @example
   * const batches = datagen.flow(xTrain, yTrain, { batchSize: 32, seed: 1 });
   * await model.fit(batches, undefined, { epochs: 10 });
   */
  flow(x: Tensor, y?: Tensor, options: FlowOptions = {}): ArrayIterator {
    return new ArrayIterator(this, x, y, { seed: this.options.seed, ...options });
  }

  /**
   * Batches of images read from `directory`, one sub-folder per class (see
   * {@link DirectoryIterator}). Logs and returns (as `.summary`) "Found N images belonging to
   * K classes."
   *
   * @example
   * const train = new ImageDataGenerator({ rescale: 1 / 255 })
   *   .flowFromDirectory('cats_and_dogs/train', { targetSize: [150, 150], batchSize: 20,
   *     classMode: 'binary' });
   */
  flowFromDirectory(directory: string, options: FlowFromDirectoryOptions = {}):
    DirectoryIterator {
    return new DirectoryIterator(this, directory, { seed: this.options.seed, ...options });
  }

  /** Augments (if configured) and standardises one HWC image; may reuse `pixels`. */
  processPixels(pixels: Float32Array, h: number, w: number, c: number, rng: Random):
    Float32Array {
    if (this.augments) {
      pixels = this.transformPixels(pixels, h, w, c, this.getRandomTransform([h, w, c], rng));
    }
    return this.standardizePixels(pixels, h, w, c);
  }

  private transformPixels(x: Float32Array, h: number, w: number, c: number,
    p: TransformParams): Float32Array {
    const o = this.options;
    const matrix = affineMatrix(p, h, w);
    if (matrix !== null) {
      x = warpAffine(x, h, w, c, matrix, { fillMode: o.fillMode, cval: o.cval,
        order: o.interpolationOrder ?? 1 }, new Float32Array(x.length));
    }
    if (p.channelShiftIntensity) channelShift(x, p.channelShiftIntensity);
    if (p.flipHorizontal) flipColumns(x, h, w, c);
    if (p.flipVertical) flipRows(x, h, w, c);
    if (p.brightness !== undefined && p.brightness !== 1) brighten(x, p.brightness);
    return x;
  }

  private standardizePixels(x: Float32Array, h: number, w: number, c: number): Float32Array {
    const o = this.options;
    if (o.preprocessingFunction) x = this.runPreprocessing(x, h, w, c);
    if (o.rescale !== undefined && o.rescale !== 1) {
      for (let i = 0; i < x.length; i++) x[i]! *= o.rescale;
    }
    if (o.samplewiseCenter || o.samplewiseStdNormalization) {
      const [mean, std] = meanStd(x);
      const divisor = o.samplewiseStdNormalization ? std + 1e-6 : 1;
      for (let i = 0; i < x.length; i++) x[i] = (x[i]! - mean) / divisor;
    }
    if (o.featurewiseCenter || o.featurewiseStdNormalization) this.applyFeaturewise(x, c);
    return x;
  }

  private applyFeaturewise(x: Float32Array, c: number): void {
    const o = this.options;
    if (this.mean === null || this.std === null) {
      throw new ValueError('ImageDataGenerator: featurewiseCenter/featurewiseStdNormalization ' +
        'need the dataset statistics; call fit(xTrain) before generating batches');
    }
    if (this.mean.length !== c) {
      throw new ShapeError(`ImageDataGenerator: fit() saw ${this.mean.length} channels, this ` +
        `image has ${c}`);
    }
    for (let i = 0; i < x.length; i++) {
      const ch = i % c;
      let v = x[i]! - this.mean[ch]!;
      if (o.featurewiseStdNormalization) v /= this.std[ch]! + 1e-6;
      x[i] = v;
    }
  }

  private runPreprocessing(x: Float32Array, h: number, w: number, c: number): Float32Array {
    const input = new Tensor([h, w, c], 'float32');
    input.data.set(x);
    const result = this.options.preprocessingFunction!(input);
    if (result.size !== x.length) {
      throw new ShapeError(`ImageDataGenerator: preprocessingFunction must keep the image ` +
        `shape [${h}, ${w}, ${c}], returned [${result.shape.join(', ')}]`);
    }
    return Float32Array.from(result.data);
  }
}

function zoomPair(zoom: number | [number, number]): [number, number] {
  const pair: [number, number] = typeof zoom === 'number' ? [1 - zoom, 1 + zoom] : zoom;
  if (!Array.isArray(pair) || pair.length !== 2 || !(pair[0] > 0) || pair[0] > pair[1]) {
    throw new ValueError(`ImageDataGenerator: zoomRange must be a number z in [0, 1) or a ` +
      `pair [lo, hi] with 0 < lo <= hi, got ${JSON.stringify(zoom)}`);
  }
  return pair;
}

function hasRange(range: number | number[] | undefined): boolean {
  return Array.isArray(range) ? range.length > 0 : Boolean(range);
}

/** Keras' shift rule: a list picks a value with a random sign; fractions scale by the size. */
function shiftPixels(range: number | number[] | undefined, size: number, rng: Random): number {
  if (!hasRange(range)) return 0;
  let shift: number;
  let largest: number;
  if (Array.isArray(range)) {
    shift = range[rng.int(range.length)]! * (rng.uniform() < 0.5 ? -1 : 1);
    largest = Math.max(...range);
  } else {
    shift = rng.uniform(-range!, range!);
    largest = range!;
  }
  return largest < 1 ? shift * size : shift;
}

function imageShape(x: Tensor, where: string): [number, number, number] {
  if (x.rank !== 3) {
    throw new ShapeError(`ImageDataGenerator.${where}: expected one image [height, width, ` +
      `channels], got [${x.shape.join(', ')}]`);
  }
  return x.shape as [number, number, number];
}

function batchShape(x: Tensor, where: string): [number, number, number, number] {
  if (x.rank !== 4) {
    throw new ShapeError(`ImageDataGenerator.${where}: expected images [n, height, width, ` +
      `channels], got [${x.shape.join(', ')}]`);
  }
  return x.shape as [number, number, number, number];
}
