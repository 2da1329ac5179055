/**
 * Initializers that draw from a fixed distribution: RandomUniform (Keras default range
 * [-0.05, 0.05]), RandomNormal and TruncatedNormal (mean 0, stddev 0.05 by default).
 *
 * With a seed, every call returns the same values (as in Keras 3); without one, values come
 * from the global generator, so `setSeed` makes model building repeatable.
 *
 * @example
 * new RandomUniform({ minval: -0.1, maxval: 0.1, seed: 3 }).apply([4, 4]);
 * new TruncatedNormal({ stddev: 0.02 }).apply([128, 10]);
 */
import { ValueError } from '../errors.js';
import type { Random } from '../tensor/random.js';
import type { TypedArray } from '../tensor/tensor.js';
import { Initializer, seedOf, streamFor, type InitializerConfig } from './initializer.js';

export class RandomUniform extends Initializer {
  readonly className = 'RandomUniform';
  readonly minval: number;
  readonly maxval: number;
  readonly seed: number | null;

  constructor(config: { minval?: number; maxval?: number; seed?: number | null } = {}) {
    super();
    this.minval = config.minval ?? -0.05;
    this.maxval = config.maxval ?? 0.05;
    this.seed = seedOf(config.seed, 'RandomUniform');
    if (!(this.minval <= this.maxval)) {
      throw new ValueError(`RandomUniform: minval (${this.minval}) is greater than maxval ` +
        `(${this.maxval})`);
    }
  }

  protected fill(out: TypedArray, _shape: unknown, rng: Random): void {
    const r = streamFor(this.seed, rng);
    for (let i = 0; i < out.length; i++) out[i] = r.uniform(this.minval, this.maxval);
  }

  override getConfig(): InitializerConfig {
    return { minval: this.minval, maxval: this.maxval, seed: this.seed };
  }
}

/** Shared by RandomNormal and TruncatedNormal: a mean, a standard deviation and a seed. */
abstract class NormalBase extends Initializer {
  readonly mean: number;
  readonly stddev: number;
  readonly seed: number | null;

  constructor(config: { mean?: number; stddev?: number; seed?: number | null }, where: string) {
    super();
    this.mean = config.mean ?? 0;
    this.stddev = config.stddev ?? 0.05;
    this.seed = seedOf(config.seed, where);
    if (!(this.stddev >= 0)) {
      throw new ValueError(`${where}: stddev must be >= 0, got ${this.stddev}`);
    }
  }

  override getConfig(): InitializerConfig {
    return { mean: this.mean, stddev: this.stddev, seed: this.seed };
  }
}

export class RandomNormal extends NormalBase {
  readonly className = 'RandomNormal';

  constructor(config: { mean?: number; stddev?: number; seed?: number | null } = {}) {
    super(config, 'RandomNormal');
  }

  protected fill(out: TypedArray, _shape: unknown, rng: Random): void {
    const r = streamFor(this.seed, rng);
    for (let i = 0; i < out.length; i++) out[i] = r.normal(this.mean, this.stddev);
  }
}

/** Normal values redrawn until within two standard deviations of the mean. */
export class TruncatedNormal extends NormalBase {
  readonly className = 'TruncatedNormal';

  constructor(config: { mean?: number; stddev?: number; seed?: number | null } = {}) {
    super(config, 'TruncatedNormal');
  }

  protected fill(out: TypedArray, _shape: unknown, rng: Random): void {
    const r = streamFor(this.seed, rng);
    for (let i = 0; i < out.length; i++) out[i] = r.truncatedNormal(this.mean, this.stddev);
  }
}
