/**
 * Batches of images read from a folder with one sub-folder per class, like Keras'
 * `DirectoryIterator` (what `ImageDataGenerator.flowFromDirectory` returns):
 *
 * ```
 * train/
 *   cats/  cat.1.jpg cat.2.jpg ...
 *   dogs/  dog.1.jpg ...
 * ```
 *
 * Classes are the sorted sub-folder names (code-point order) unless `classes` is given; files
 * with the extensions png, jpg, jpeg, bmp, ppm, tif, tiff (any case) are used, hidden files
 * are skipped. Files are checked when listed: an empty file or a text file named .jpg is
 * reported by name (onError 'raise', the default) or left out with a warning ('skip').
 *
 * @example
 * const train = new ImageDataGenerator({ rescale: 1 / 255 }).flowFromDirectory('train', {
 *   targetSize: [150, 150], batchSize: 20, classMode: 'binary' });
 * train.summary;     // 'Found 2000 images belonging to 2 classes.'
 * train.classIndices; // { cats: 0, dogs: 1 }
 */
import { join } from 'node:path';
import type { Batch } from '../../data/sequence.js';
import { IoError, ValueError } from '../../errors.js';
import { log } from '../../log.js';
import type { Random } from '../../tensor/random.js';
import { Tensor } from '../../tensor/tensor.js';
import { MISSING_ITERATOR_OPTIONS, checkOptionNames } from './check-options.js';
import type { ImageDataGenerator } from './image-data-generator.js';
import { ImageIterator, type IteratorOptions } from './image-iterator.js';
import { listImageFiles, type ImageListing } from './list-image-files.js';
import { checkLoadOptions, loadImagePixels, type ColorMode, type Interpolation,
  type Pixels } from './load-image.js';
import { sniffImageFile } from './sniff-image.js';
import type { Subset } from './subset.js';

export type ClassMode = 'categorical' | 'binary' | 'sparse' | 'input' | null;

export interface FlowFromDirectoryOptions extends IteratorOptions {
  /** [height, width] every image is resized to. Default [256, 256]. */
  targetSize?: [number, number];
  /** Default 'rgb'. */
  colorMode?: ColorMode;
  /** Class folder names in index order; default: every sub-folder, sorted. */
  classes?: string[];
  /**
   * Labels: 'categorical' one-hot float32 [b, k] (default), 'binary' float32 [b] of 0/1,
   * 'sparse' int32 [b] class indices, 'input' the images themselves, null no labels.
   */
  classMode?: ClassMode;
  /** 'training' or 'validation' with the generator's validationSplit (first fraction). */
  subset?: Subset;
  /** Resampling for the resize. Default 'nearest'. */
  interpolation?: Interpolation;
  /** Unreadable images: 'raise' (default) names them in an error, 'skip' warns and drops. */
  onError?: 'raise' | 'skip';
}

const CLASS_MODES: readonly ClassMode[] = ['categorical', 'binary', 'sparse', 'input', null];
const OPTIONS = ['batchSize', 'shuffle', 'seed', 'prefetch', 'targetSize', 'colorMode',
  'classes', 'classMode', 'subset', 'interpolation', 'onError'];

export class DirectoryIterator extends ImageIterator {
  readonly directory: string;
  /** Class name to index, e.g. { cats: 0, dogs: 1 }. */
  readonly classIndices: Record<string, number>;
  /** Image paths relative to the directory ('cats/cat.1.jpg'), grouped by class. */
  readonly filenames: string[];
  /** Full paths of the images. */
  readonly filepaths: string[];
  /** Class index of each image. */
  readonly classes: Int32Array;
  readonly numClasses: number;
  readonly classMode: ClassMode;
  readonly imageShape: [number, number, number];
  /** "Found N images belonging to K classes." (also logged at info level). */
  readonly summary: string;
  private readonly generator: ImageDataGenerator;
  private readonly load: { colorMode: ColorMode; targetSize: [number, number];
    interpolation: Interpolation };
  private readonly onError: 'raise' | 'skip';

  /**
   * @example
   * const it = new DirectoryIterator(datagen, 'data/train', { targetSize: [64, 64] });
   */
  constructor(generator: ImageDataGenerator, directory: string,
    options: FlowFromDirectoryOptions = {}) {
    const listing = scan(generator, directory, options);
    super(listing.filenames.length, options, 'flowFromDirectory');
    this.generator = generator;
    this.directory = directory;
    this.classIndices = Object.fromEntries(listing.classNames.map((name, i) => [name, i]));
    this.filenames = listing.filenames;
    this.filepaths = listing.filenames.map((f) => join(directory, f));
    this.classes = listing.classes;
    this.numClasses = listing.classNames.length;
    this.classMode = options.classMode === undefined ? 'categorical' : options.classMode;
    this.onError = options.onError ?? 'raise';
    this.load = { colorMode: options.colorMode ?? 'rgb', targetSize: options.targetSize ??
      [256, 256], interpolation: options.interpolation ?? 'nearest' };
    const channels = { grayscale: 1, rgb: 3, rgba: 4 }[this.load.colorMode];
    this.imageShape = [...this.load.targetSize, channels];
    this.summary = `Found ${this.samples} images belonging to ${this.numClasses} classes.`;
    log.info(this.summary);
  }

  protected override async makeBatch(indices: Int32Array, rng: Random): Promise<Batch> {
    const loaded = await this.loadAll(indices);
    const [h, w, c] = this.imageShape;
    const size = h * w * c;
    const x = new Tensor([loaded.length, h, w, c], 'float32');
    loaded.forEach(({ pixels }, k) => {
      x.data.set(this.generator.processPixels(pixels.data, h, w, c, rng), k * size);
    });
    const labels = this.labels(loaded.map(({ index }) => this.classes[index]!), x);
    return labels === undefined ? { x } : { x, y: labels };
  }

  /** Decodes the batch's images in parallel (sharp uses worker threads). */
  private async loadAll(indices: Int32Array): Promise<{ index: number; pixels: Pixels }[]> {
    const settled = await Promise.allSettled([...indices].map((i) =>
      loadImagePixels(this.filepaths[i]!, this.load)));
    const loaded: { index: number; pixels: Pixels }[] = [];
    settled.forEach((result, k) => {
      if (result.status === 'fulfilled') loaded.push({ index: indices[k]!, pixels: result.value });
      else if (this.onError === 'raise') throw result.reason;
      else log.warn(`flowFromDirectory: skipping ${(result.reason as Error).message}`);
    });
    if (loaded.length === 0) {
      throw new IoError(`flowFromDirectory: no image of this batch could be decoded ` +
        `(${[...indices].map((i) => this.filenames[i]).join(', ')})`);
    }
    return loaded;
  }

  private labels(classes: number[], x: Tensor): Tensor | undefined {
    switch (this.classMode) {
      case null: return undefined;
      case 'input': return x;
      case 'sparse': return indexLabels(classes, 'int32');
      case 'binary': return indexLabels(classes, 'float32');
      default: return this.oneHot(classes);
    }
  }

  private oneHot(classes: number[]): Tensor {
    const k = this.numClasses;
    const y = new Tensor([classes.length, k], 'float32');
    y.data.fill(0);
    classes.forEach((cls, i) => { y.data[i * k + cls] = 1; });
    return y;
  }
}

function indexLabels(classes: number[], dtype: 'int32' | 'float32'): Tensor {
  const y = new Tensor([classes.length], dtype);
  y.data.set(classes);
  return y;
}

/** Lists and checks the files, before the iterator exists. */
function scan(generator: ImageDataGenerator, directory: string,
  options: FlowFromDirectoryOptions): ImageListing {
  checkOptionNames('flowFromDirectory', options, OPTIONS, MISSING_ITERATOR_OPTIONS);
  checkLoadOptions(options, 'flowFromDirectory');
  const classMode = options.classMode === undefined ? 'categorical' : options.classMode;
  if (!CLASS_MODES.includes(classMode)) {
    throw new ValueError(`flowFromDirectory: classMode '${classMode}' is not one of ` +
      `categorical, binary, sparse, input, null`);
  }
  const onError = options.onError ?? 'raise';
  if (onError !== 'raise' && onError !== 'skip') {
    throw new ValueError(`flowFromDirectory: onError '${onError}' is not 'raise' or 'skip'`);
  }

  const listing = listImageFiles(directory, { classes: options.classes,
    validationSplit: generator.options.validationSplit, subset: options.subset });
  if (classMode === 'binary' && listing.classNames.length > 2) {
    throw new ValueError(`flowFromDirectory: classMode 'binary' needs at most 2 classes, ` +
      `found ${listing.classNames.length} (${listing.classNames.join(', ')}); use ` +
      `'categorical' or 'sparse'`);
  }
  return dropBadFiles(directory, listing, onError);
}

function dropBadFiles(directory: string, listing: ImageListing, onError: 'raise' | 'skip'):
  ImageListing {
  const bad: string[] = [];
  const keep: number[] = [];
  listing.filenames.forEach((name, i) => {
    const { problem } = sniffImageFile(join(directory, name));
    if (problem === undefined) keep.push(i);
    else bad.push(`${name}: ${problem}`);
  });
  if (bad.length === 0) return listing;

  const shown = bad.slice(0, 10).join('; ') + (bad.length > 10 ? `; and ${bad.length - 10} more`
    : '');
  if (onError === 'raise') {
    throw new IoError(`flowFromDirectory '${directory}': ${bad.length} unreadable image ` +
      `file(s): ${shown}. Remove them, or pass onError: 'skip' to leave them out`);
  }
  log.warn(`flowFromDirectory '${directory}': skipping ${bad.length} unreadable image ` +
    `file(s): ${shown}`);
  return {
    classNames: listing.classNames,
    filenames: keep.map((i) => listing.filenames[i]!),
    classes: Int32Array.from(keep, (i) => listing.classes[i]!),
  };
}
