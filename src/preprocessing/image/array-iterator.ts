/**
 * Batches of augmented images from tensors, like Keras' `NumpyArrayIterator` (what
 * `ImageDataGenerator.flow` returns).
 *
 * @example
 * const it = new ImageDataGenerator({ horizontalFlip: true }).flow(x, y, { batchSize: 16 });
 * const { x: xb, y: yb } = await it.batch(0);
 */
import type { Batch } from '../../data/sequence.js';
import { ShapeError, ValueError } from '../../errors.js';
import type { Random } from '../../tensor/random.js';
import { Tensor } from '../../tensor/tensor.js';
import { takeRows } from '../../utils/take-rows.js';
import { MISSING_ITERATOR_OPTIONS, checkOptionNames } from './check-options.js';
import type { ImageDataGenerator } from './image-data-generator.js';
import { ImageIterator, type IteratorOptions } from './image-iterator.js';
import { subsetRange, type Subset } from './subset.js';

export interface FlowOptions extends IteratorOptions {
  /** 'training' or 'validation' with the generator's validationSplit (first fraction). */
  subset?: Subset;
  /** Per-sample weights [n], returned with each batch. */
  sampleWeight?: Tensor;
}

const FLOW_OPTIONS = ['batchSize', 'shuffle', 'seed', 'prefetch', 'subset', 'sampleWeight'];

export class ArrayIterator extends ImageIterator {
  /** Rows of x (and y) in this iterator, in their original order. */
  readonly rows: Int32Array;
  private readonly imageShape: [number, number, number];
  private readonly sampleWeight: Tensor | undefined;

  /**
   * @example
   * const it = new ArrayIterator(datagen, x, y, { batchSize: 8, shuffle: false });
   */
  constructor(private readonly generator: ImageDataGenerator, private readonly x: Tensor,
    private readonly y: Tensor | undefined, options: FlowOptions = {}) {
    const [start, stop] = rowRange(generator, x, y, options);
    super(stop - start, options, 'flow');
    this.rows = Int32Array.from({ length: stop - start }, (_, i) => start + i);
    this.imageShape = x.shape.slice(1) as [number, number, number];
    this.sampleWeight = options.sampleWeight;
  }

  protected override makeBatch(indices: Int32Array, rng: Random): Batch {
    const [h, w, c] = this.imageShape;
    const size = h * w * c;
    const rows = indices.map((i) => this.rows[i]!);
    const xb = new Tensor([rows.length, h, w, c], 'float32');
    const src = this.x.data;

    rows.forEach((row, k) => {
      const pixels = Float32Array.from(src.subarray(row * size, (row + 1) * size));
      xb.data.set(this.generator.processPixels(pixels, h, w, c, rng), k * size);
    });
    const batch: Batch = { x: xb };
    if (this.y !== undefined) batch.y = takeRows(this.y, rows);
    if (this.sampleWeight !== undefined) batch.sampleWeight = takeRows(this.sampleWeight, rows);
    return batch;
  }
}

function rowRange(generator: ImageDataGenerator, x: Tensor, y: Tensor | undefined,
  options: FlowOptions): [number, number] {
  if (x.rank !== 4) {
    throw new ShapeError(`flow: x must be images [n, height, width, channels], got ` +
      `[${x.shape.join(', ')}]; add a channel axis with reshape (e.g. [n, 28, 28, 1])`);
  }
  checkOptionNames('flow', options, FLOW_OPTIONS, MISSING_ITERATOR_OPTIONS);
  const n = x.shape[0]!;
  for (const [name, t] of [['y', y], ['sampleWeight', options.sampleWeight]] as const) {
    if (t !== undefined && (t.rank === 0 || t.shape[0] !== n)) {
      throw new ShapeError(`flow: x [${x.shape.join(', ')}] and ${name} ` +
        `[${t.shape.join(', ')}] must have the same number of samples`);
    }
  }
  const [start, stop] = subsetRange(n, generator.options.validationSplit ?? 0, options.subset);
  if (stop === start) {
    throw new ValueError(`flow: subset '${options.subset}' of ${n} samples with ` +
      `validationSplit ${generator.options.validationSplit} is empty`);
  }
  return [start, stop];
}
