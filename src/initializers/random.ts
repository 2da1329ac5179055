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
import { randomNormal, randomUniform, truncatedNormal } from '../ops/random-tensor.js';
import type { DType, Shape, Tensor } from '../tensor/tensor.js';
import { Initializer, requireFloat, seedOf, type InitializerConfig } from './initializer.js';

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

  apply(shape: Shape, dtype: DType = 'float32'): Tensor {
    requireFloat(dtype, 'RandomUniform', shape);
    return randomUniform(shape, this.minval, this.maxval, this.seed);
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
    if (!(this.stddev >= 0)) throw new ValueError(`${where}: stddev must be >= 0, got ${this.stddev}`);
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

  apply(shape: Shape, dtype: DType = 'float32'): Tensor {
    requireFloat(dtype, 'RandomNormal', shape);
    return randomNormal(shape, this.mean, this.stddev, this.seed);
  }
}

/** Normal values redrawn until within two standard deviations of the mean. */
export class TruncatedNormal extends NormalBase {
  readonly className = 'TruncatedNormal';

  constructor(config: { mean?: number; stddev?: number; seed?: number | null } = {}) {
    super(config, 'TruncatedNormal');
  }

  apply(shape: Shape, dtype: DType = 'float32'): Tensor {
    requireFloat(dtype, 'TruncatedNormal', shape);
    return truncatedNormal(shape, this.mean, this.stddev, this.seed);
  }
}
