/**
 * VarianceScaling and its named cases (Glorot, He, LeCun), with Keras' formulas.
 *
 * n is fanIn, fanOut or their average (mode), at least 1, and s = scale / n. Then:
 * - 'uniform': values in [-limit, limit] with limit = sqrt(3 s);
 * - 'truncatedNormal': a normal truncated at two standard deviations, with stddev
 *   sqrt(s) / 0.87962566103423978, so that the values' real spread is sqrt(s);
 * - 'untruncatedNormal': a plain normal with stddev sqrt(s).
 *
 * | name          | scale | mode   | distribution    |
 * |---------------|-------|--------|-----------------|
 * | GlorotUniform | 1     | fanAvg | uniform         |
 * | GlorotNormal  | 1     | fanAvg | truncatedNormal |
 * | HeUniform     | 2     | fanIn  | uniform         |
 * | HeNormal      | 2     | fanIn  | truncatedNormal |
 * | LecunUniform  | 1     | fanIn  | uniform         |
 * | LecunNormal   | 1     | fanIn  | truncatedNormal |
 *
 * @example
 * new HeNormal({ seed: 1 }).apply([3, 3, 16, 32]); // stddev ≈ sqrt(2 / 144)
 * new VarianceScaling({ scale: 0.1, mode: 'fan_avg', distribution: 'uniform' });
 */
import { ValueError } from '../errors.js';
import type { Random } from '../tensor/random.js';
import type { Shape, TypedArray } from '../tensor/tensor.js';
import {
  Initializer, computeFans, seedOf, streamFor, type InitializerConfig,
} from './initializer.js';

export type FanMode = 'fanIn' | 'fanOut' | 'fanAvg';
export type ScalingDistribution = 'truncatedNormal' | 'untruncatedNormal' | 'uniform';

/** Stddev of a unit normal truncated to [-2, 2]; dividing by it restores the wanted spread. */
const TRUNCATED_STDDEV = 0.87962566103423978;

export interface VarianceScalingConfig {
  scale?: number;
  /** 'fanIn' (Keras 'fan_in'), 'fanOut' or 'fanAvg'; snake_case is accepted too. */
  mode?: FanMode | 'fan_in' | 'fan_out' | 'fan_avg';
  /** Keras' legacy 'normal' means 'truncatedNormal'; snake_case is accepted too. */
  distribution?: ScalingDistribution | 'truncated_normal' | 'untruncated_normal' | 'normal';
  seed?: number | null;
}

const MODES: Record<string, FanMode> = {
  fanin: 'fanIn', fanout: 'fanOut', fanavg: 'fanAvg',
};
const DISTRIBUTIONS: Record<string, ScalingDistribution> = {
  truncatednormal: 'truncatedNormal', normal: 'truncatedNormal',
  untruncatednormal: 'untruncatedNormal', uniform: 'uniform',
};

export class VarianceScaling extends Initializer {
  readonly className: string = 'VarianceScaling';
  readonly scale: number;
  readonly mode: FanMode;
  readonly distribution: ScalingDistribution;
  readonly seed: number | null;

  constructor(config: VarianceScalingConfig = {}) {
    super();
    this.scale = config.scale ?? 1;
    if (!(this.scale > 0)) {
      throw new ValueError(`VarianceScaling: scale must be > 0, got ${this.scale}`);
    }
    this.mode = pick(MODES, config.mode ?? 'fanIn', 'mode', 'fanIn, fanOut, fanAvg');
    this.distribution = pick(DISTRIBUTIONS, config.distribution ?? 'truncatedNormal',
      'distribution', 'truncatedNormal, untruncatedNormal, uniform');
    this.seed = seedOf(config.seed, 'VarianceScaling');
  }

  protected fill(out: TypedArray, shape: Shape, rng: Random): void {
    const { fanIn, fanOut } = computeFans(shape);
    const n = this.mode === 'fanIn' ? fanIn
      : this.mode === 'fanOut' ? fanOut : (fanIn + fanOut) / 2;
    const s = this.scale / Math.max(1, n);
    const r = streamFor(this.seed, rng);

    if (this.distribution === 'uniform') {
      const limit = Math.sqrt(3 * s);
      for (let i = 0; i < out.length; i++) out[i] = r.uniform(-limit, limit);
    } else if (this.distribution === 'untruncatedNormal') {
      const stddev = Math.sqrt(s);
      for (let i = 0; i < out.length; i++) out[i] = r.normal(0, stddev);
    } else {
      const stddev = Math.sqrt(s) / TRUNCATED_STDDEV;
      for (let i = 0; i < out.length; i++) out[i] = r.truncatedNormal(0, stddev);
    }
  }

  override getConfig(): InitializerConfig {
    const mode = { fanIn: 'fan_in', fanOut: 'fan_out', fanAvg: 'fan_avg' }[this.mode];
    const distribution = {
      truncatedNormal: 'truncated_normal', untruncatedNormal: 'untruncated_normal',
      uniform: 'uniform',
    }[this.distribution];
    return { scale: this.scale, mode, distribution, seed: this.seed };
  }
}

function pick<T>(table: Record<string, T>, value: string, what: string, known: string): T {
  const found = table[value.toLowerCase().replace(/_/g, '')];
  if (found === undefined) {
    throw new ValueError(`VarianceScaling: unknown ${what} '${value}' (known: ${known})`);
  }
  return found;
}

/** A fixed VarianceScaling whose Keras config holds only the seed. */
abstract class NamedScaling extends VarianceScaling {
  override getConfig(): InitializerConfig {
    return { seed: this.seed };
  }
}

type SeedConfig = { seed?: number | null };

/** Glorot (Xavier) uniform: limit sqrt(6 / (fanIn + fanOut)). Keras' default kernel initializer. */
export class GlorotUniform extends NamedScaling {
  override readonly className = 'GlorotUniform';
  constructor(c: SeedConfig = {}) {
    super({ scale: 1, mode: 'fanAvg', distribution: 'uniform', seed: c.seed });
  }
}

/** Glorot (Xavier) normal: spread sqrt(2 / (fanIn + fanOut)), truncated. */
export class GlorotNormal extends NamedScaling {
  override readonly className = 'GlorotNormal';
  constructor(c: SeedConfig = {}) {
    super({ scale: 1, mode: 'fanAvg', distribution: 'truncatedNormal', seed: c.seed });
  }
}

/** He uniform: limit sqrt(6 / fanIn), for ReLU networks. */
export class HeUniform extends NamedScaling {
  override readonly className = 'HeUniform';
  constructor(c: SeedConfig = {}) {
    super({ scale: 2, mode: 'fanIn', distribution: 'uniform', seed: c.seed });
  }
}

/** He normal: spread sqrt(2 / fanIn), truncated. */
export class HeNormal extends NamedScaling {
  override readonly className = 'HeNormal';
  constructor(c: SeedConfig = {}) {
    super({ scale: 2, mode: 'fanIn', distribution: 'truncatedNormal', seed: c.seed });
  }
}

/** LeCun uniform: limit sqrt(3 / fanIn). */
export class LecunUniform extends NamedScaling {
  override readonly className = 'LecunUniform';
  constructor(c: SeedConfig = {}) {
    super({ scale: 1, mode: 'fanIn', distribution: 'uniform', seed: c.seed });
  }
}

/** LeCun normal: spread sqrt(1 / fanIn), truncated; the SELU initializer. */
export class LecunNormal extends NamedScaling {
  override readonly className = 'LecunNormal';
  constructor(c: SeedConfig = {}) {
    super({ scale: 1, mode: 'fanIn', distribution: 'truncatedNormal', seed: c.seed });
  }
}
