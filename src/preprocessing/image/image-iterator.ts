/**
 * The shared part of the image batch sources (`flow`, `flowFromDirectory`): batch count,
 * per-epoch shuffling, a reproducible random stream per batch, read-ahead and async
 * iteration. Implements {@link BatchSequence}, so `fit`/`evaluate`/`predict` accept it.
 *
 * Batch `i` of an epoch always holds the same samples with the same augmentation for a given
 * seed, whatever order batches are asked for in.
 *
 * @example
 * for await (const { x, y } of iterator) console.log(x.shape, y?.shape); // one epoch
 */
import type { Batch, BatchSequence } from '../../data/sequence.js';
import { Prefetcher } from '../../data/prefetch.js';
import { ValueError } from '../../errors.js';
import { Random, globalRng } from '../../tensor/random.js';

export interface IteratorOptions {
  /** Samples per batch (the last batch may be smaller). Default 32. */
  batchSize?: number;
  /** Reshuffle the samples every epoch. Default true. */
  shuffle?: boolean;
  /** Seed for shuffling and augmentation; without it one is drawn from the global generator. */
  seed?: number;
  /** Batches prepared ahead while the current one is used. Default 2; 0 turns it off. */
  prefetch?: number;
}

export abstract class ImageIterator implements BatchSequence, AsyncIterable<Batch> {
  readonly batchSize: number;
  readonly shuffle: boolean;
  /** Completed epochs (incremented by onEpochEnd). */
  epoch = 0;
  private order: Int32Array;
  private readonly baseSeed: number;
  private readonly prefetcher: Prefetcher<Batch>;

  protected constructor(readonly samples: number, options: IteratorOptions, where: string) {
    const batchSize = options.batchSize ?? 32;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new ValueError(`${where}: batchSize must be an integer >= 1, got ${batchSize}`);
    }
    const depth = options.prefetch ?? 2;
    if (!Number.isInteger(depth) || depth < 0) {
      throw new ValueError(`${where}: prefetch must be an integer >= 0, got ${depth}`);
    }
    this.batchSize = batchSize;
    this.shuffle = options.shuffle ?? true;
    this.baseSeed = options.seed ?? globalRng().nextUint32();
    this.order = this.epochOrder();
    this.prefetcher = new Prefetcher((i) => this.makeBatchAt(i), this.length, depth);
  }

  /** Number of batches per epoch. */
  get length(): number {
    return Math.ceil(this.samples / this.batchSize);
  }

  /** The order of samples in the current epoch (Keras' `index_array`). */
  get indexArray(): Int32Array {
    return this.order;
  }

  /**
   * Batch `index` of the current epoch.
   *
   * @example
   * const { x, y } = await iterator.batch(0);
   */
  batch(index: number): Promise<Batch> {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) {
      return Promise.reject(new ValueError(`batch index ${index} is outside 0..${this.length - 1}` +
        ` (${this.samples} samples in batches of ${this.batchSize})`));
    }
    return this.prefetcher.get(index);
  }

  /** Starts the next epoch: new shuffle, read-ahead dropped. */
  onEpochEnd(): void {
    this.epoch++;
    this.order = this.epochOrder();
    this.prefetcher.reset();
  }

  /** Yields the batches of one epoch, then calls onEpochEnd. */
  async *[Symbol.asyncIterator](): AsyncIterator<Batch> {
    for (let i = 0; i < this.length; i++) yield await this.batch(i);
    this.onEpochEnd();
  }

  /** Builds the batch holding samples `indices` (positions in 0..samples-1). */
  protected abstract makeBatch(indices: Int32Array, rng: Random): Promise<Batch> | Batch;

  private makeBatchAt(index: number): Promise<Batch> | Batch {
    const indices = this.order.subarray(index * this.batchSize, (index + 1) * this.batchSize);
    return this.makeBatch(indices, new Random(mix(this.baseSeed, this.epoch, index + 1)));
  }

  private epochOrder(): Int32Array {
    const order = Int32Array.from({ length: this.samples }, (_, i) => i);
    if (this.shuffle) new Random(mix(this.baseSeed, this.epoch, 0)).shuffle(order);
    return order;
  }
}

/** A 32-bit seed for (base, epoch, stream); Random's seeding spreads nearby values apart. */
function mix(base: number, epoch: number, stream: number): number {
  let h = base >>> 0;
  h = Math.imul(h ^ (epoch + 0x632be5ab), 0x9e3779b1) >>> 0;
  h = Math.imul(h ^ (stream + 0x85ebca6b), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}
